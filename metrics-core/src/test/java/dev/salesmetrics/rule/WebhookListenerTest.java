package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.testing.JsonReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** {@link WebhookListener} against a local receiver: bodies, retries, a hung receiver, secrets. */
class WebhookListenerTest {
  private static final GroupKey R07 = GroupKey.of("rep", "R07");
  private static final Instant T0 = Instant.parse("2025-04-08T00:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(30);

  /**
   * The worked example of docs/RULES.md, weeks from 2025-03-03 each evaluated at its end: pending,
   * firing warning, firing critical, firing warning, resolved.
   */
  static List<AlertEvent> workedExample() {
    Rule lowWinRate =
        Rule.builder("low-win-rate")
            .metric("win_rate", "Win rate", MetricUnit.RATIO)
            .per("rep")
            .below()
            .warning(0.20, 0.22)
            .critical(0.10)
            .forEvaluations(2)
            .minimumSample(5)
            .build();
    List<Ratio> values =
        List.of(
            Ratio.of(9, 50),
            Ratio.of(9, 50),
            Ratio.of(1, 4),
            Ratio.of(4, 50),
            Ratio.of(21, 100),
            Ratio.of(23, 100));
    List<Evaluation> weeks = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Instant start = Series.weekStart(i + 1);
      weeks.add(
          Evaluation.builder(start.plus(Series.WEEK), start, start.plus(Series.WEEK))
              .label("2025-W" + (9 + i))
              .value("win_rate", R07, values.get(i))
              .build());
    }
    return Replay.run(List.of(lowWinRate), weeks);
  }

  private static WebhookListener.Builder quiet(URI uri, TestClock clock, List<Duration> pauses) {
    return WebhookListener.builder(uri)
        .clock(clock)
        .logger(new RecordingLogger())
        .jitter(() -> 1.0)
        .pause(
            d -> {
              synchronized (pauses) {
                pauses.add(d);
              }
              clock.advance(d);
            });
  }

  private static void assertBalanced(WebhookStats s) {
    assertThat(s.accepted() + s.repeats())
        .as("every queued notification is accounted for: %s", s)
        .isEqualTo(s.delivered() + s.failed() + s.dropped() + s.pending());
  }

  @Test
  void jsonBodyHasEveryFieldOfTheTransition() throws Exception {
    AlertEvent firing = workedExample().get(1);
    try (Receiver r = new Receiver();
        WebhookListener hook =
            quiet(r.uri("/hook"), new TestClock(T0), new ArrayList<>()).build()) {
      hook.onEvent(firing);
      assertThat(hook.flush(WAIT)).isTrue();

      assertThat(r.paths()).containsExactly("/hook");
      Map<String, Object> b = JsonReader.object(r.bodies().get(0));
      assertThat(b)
          .containsEntry("source", "salesmetrics")
          .containsEntry("version", 1.0)
          .containsEntry("rule", "low-win-rate")
          .containsEntry("metric", "win_rate")
          .containsEntry("group", Map.of("rep", "R07"))
          .containsEntry("group_label", "rep R07")
          .containsEntry("from", "pending")
          .containsEntry("to", "firing")
          .containsEntry("firing", true)
          .containsEntry("level", "warning")
          .containsEntry("value", 0.18)
          .containsEntry("threshold", 0.2)
          .containsEntry("recovery_threshold", 0.22)
          .containsEntry("comparison", "below")
          .containsEntry("consecutive", 2.0)
          .containsEntry("since", "2025-03-10T00:00:00Z")
          .containsEntry("evaluated_at", "2025-03-17T00:00:00Z")
          .containsEntry(
              "period",
              Map.of(
                  "start", "2025-03-10T00:00:00Z",
                  "end", "2025-03-17T00:00:00Z",
                  "label", "2025-W10"))
          .containsEntry("episode", 1.0)
          .containsEntry("repeat", 0.0)
          .containsEntry(
              "sentence",
              "Win rate for rep R07 was 18.0% (9/50), below 20%, for 2 consecutive weeks since"
                  + " 2025-03-03");
      assertThat(b.get("metric_value"))
          .isEqualTo(
              Map.of(
                  "text", "18.0% (9/50)",
                  "number", 0.18,
                  "sample_size", 50.0,
                  "numerator", 9.0,
                  "denominator", 50.0));
      assertThat(b)
          .containsOnlyKeys(
              "source", "version", "rule", "metric", "group", "group_label", "from", "to",
              "firing", "level", "value", "metric_value", "threshold", "recovery_threshold",
              "comparison", "consecutive", "since", "evaluated_at", "period", "episode", "repeat",
              "sentence");
      assertThat(hook.stats().delivered()).isEqualTo(1);
    }
  }

  @Test
  void slackBodyIsOneTextWithStateRuleGroupAndSentence() throws Exception {
    List<AlertEvent> events = workedExample();
    try (Receiver r = new Receiver();
        WebhookListener hook =
            quiet(r.uri("/services/T0/B0/x"), new TestClock(T0), new ArrayList<>())
                .format(WebhookFormat.SLACK)
                .build()) {
      hook.onEvent(events.get(1));
      hook.onEvent(events.get(4));
      assertThat(hook.flush(WAIT)).isTrue();

      assertThat(r.bodies()).hasSize(2);
      assertThat(JsonReader.object(r.bodies().get(0)))
          .containsExactly(
              Map.entry(
                  "text",
                  "[FIRING warning] low-win-rate, rep R07: Win rate for rep R07 was 18.0% (9/50),"
                      + " below 20%, for 2 consecutive weeks since 2025-03-03"));
      assertThat(JsonReader.object(r.bodies().get(1)).get("text"))
          .asString()
          .startsWith("[RESOLVED warning] low-win-rate, rep R07: Win rate for rep R07 was 23.0%")
          .endsWith("; resolved");
    }
  }

  @Test
  void slackTextEscapesItsMarkupCharacters() {
    assertThat(WebhookBodies.slackEscape("a<b> & <!channel>"))
        .isEqualTo("a&lt;b&gt; &amp; &lt;!channel&gt;");
  }

  @Test
  @SuppressWarnings("unchecked")
  void alertmanagerBodyFiresEscalatesAndResolvesWithLabelsAndTimes() throws Exception {
    List<AlertEvent> events = workedExample();
    try (Receiver r = new Receiver();
        WebhookListener hook =
            quiet(r.uri("/api/v2/alerts"), new TestClock(T0), new ArrayList<>())
                .format(WebhookFormat.ALERTMANAGER)
                .build()) {
      events.forEach(hook::onEvent);
      assertThat(hook.flush(WAIT)).isTrue();

      // pending is not an Alertmanager alert: skipped, and counted
      assertThat(hook.stats().skipped()).isEqualTo(1);
      assertThat(r.bodies()).hasSize(4);
      List<Object> firing = JsonReader.array(r.bodies().get(0));
      assertThat(firing).hasSize(1);
      Map<String, Object> a = (Map<String, Object>) firing.get(0);
      assertThat(a.get("labels"))
          .isEqualTo(
              Map.of(
                  "alertname", "low-win-rate",
                  "severity", "warning",
                  "metric", "win_rate",
                  "rep", "R07"));
      Map<String, Object> ann = (Map<String, Object>) a.get("annotations");
      assertThat(ann)
          .containsEntry("summary", events.get(1).sentence())
          .containsEntry("state", "firing")
          .containsEntry("value", "0.18")
          .containsEntry("metric_value", "18.0% (9/50)")
          .containsEntry("threshold", "0.2")
          .containsEntry("period", "2025-W10")
          .containsEntry("episode", "1");
      assertThat(a).containsEntry("startsAt", "2025-03-10T00:00:00Z").doesNotContainKey("endsAt");

      // escalation: critical fires and the warning alert (another label set) is resolved
      List<Object> escalation = JsonReader.array(r.bodies().get(1));
      assertThat(escalation).hasSize(2);
      Map<String, Object> critical = (Map<String, Object>) escalation.get(0);
      Map<String, Object> warning = (Map<String, Object>) escalation.get(1);
      assertThat((Map<String, Object>) critical.get("labels")).containsEntry("severity", "critical");
      assertThat(critical).doesNotContainKey("endsAt");
      assertThat((Map<String, Object>) warning.get("labels")).containsEntry("severity", "warning");
      assertThat(warning).containsEntry("endsAt", "2025-03-31T00:00:00Z");
      assertThat((Map<String, Object>) warning.get("annotations"))
          .containsEntry("state", "resolved");

      // de-escalation resolves critical
      List<Object> back = JsonReader.array(r.bodies().get(2));
      assertThat(((Map<String, Object>) ((Map<String, Object>) back.get(1)).get("labels")))
          .containsEntry("severity", "critical");

      // resolved: endsAt is the evaluation instant
      List<Object> resolved = JsonReader.array(r.bodies().get(3));
      assertThat(resolved).hasSize(1);
      Map<String, Object> end = (Map<String, Object>) resolved.get(0);
      assertThat((Map<String, Object>) end.get("labels")).containsEntry("severity", "warning");
      assertThat(end).containsEntry("endsAt", "2025-04-14T00:00:00Z");
    }
  }

  @Test
  void labelNamesAreSanitisedAndNeverClash() {
    AlertEvent e = workedExample().get(1);
    AlertEvent odd =
        new AlertEvent(e.ruleId(), e.metricId(),
            GroupKey.of("severity", "x", "lead-source", "web"), e.from(), e.to(), e.level(),
            e.value(), e.metricValue(), e.threshold(), e.recoveryThreshold(), e.comparison(),
            e.consecutive(), e.since(), e.evaluatedAt(), e.periodStart(), e.periodEnd(),
            e.periodLabel(), e.episode(), e.sentence());
    assertThat(WebhookBodies.labels(odd, odd.level()))
        .containsEntry("severity", "warning")
        .containsEntry("group_severity", "x")
        .containsEntry("lead_source", "web");
  }

  @Test
  void receiverFailingTwiceGetsTheTransitionOnceThenTheNextInOrder() throws Exception {
    List<AlertEvent> events = workedExample();
    List<Duration> pauses = new ArrayList<>();
    try (Receiver r = new Receiver().answer(500, 500, 200);
        WebhookListener hook =
            quiet(r.uri("/hook"), new TestClock(T0), pauses)
                .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .build()) {
      hook.onEvent(events.get(1));
      hook.onEvent(events.get(2));
      assertThat(hook.flush(WAIT)).isTrue();

      List<String> tos = new ArrayList<>();
      for (String b : r.bodies()) {
        Map<String, Object> m = JsonReader.object(b);
        tos.add(m.get("to") + " " + m.get("level"));
      }
      // three attempts of the first (two answered 500), one of the second: accepted once each
      assertThat(tos)
          .containsExactly("firing warning", "firing warning", "firing warning", "firing critical");
      WebhookStats s = hook.stats();
      assertThat(s.delivered()).isEqualTo(2);
      assertThat(s.retries()).isEqualTo(2);
      assertThat(s.failed()).isZero();
      assertThat(s.lastFailure()).contains("HTTP 500; retrying");
      // exponential backoff, jitter 1.0: the full 1 s, then 2 s
      assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertBalanced(s);
    }
  }

  @Test
  void givesUpAfterTheConfiguredTimeAndLogsOncePerOutage() throws Exception {
    List<AlertEvent> events = workedExample();
    List<Duration> pauses = new ArrayList<>();
    RecordingLogger log = new RecordingLogger();
    TestClock clock = new TestClock(T0);
    try (Receiver r = new Receiver().answerAlways(503);
        WebhookListener hook =
            quiet(r.uri("/hook"), clock, pauses)
                .logger(log)
                .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .giveUpAfter(Duration.ofSeconds(10))
                .build()) {
      hook.onEvent(events.get(1));
      assertThat(hook.flush(WAIT)).isTrue();
      // attempts at 0, 1, 3 and 7 s; the next wait (4 s, capped) would end after 10 s
      assertThat(pauses)
          .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
      assertThat(r.bodies()).hasSize(4);
      WebhookStats s = hook.stats();
      assertThat(s.failed()).isEqualTo(1);
      assertThat(s.retries()).isEqualTo(3);
      assertThat(s.lastFailure()).contains("HTTP 503; gave up after 4 attempts");

      hook.onEvent(events.get(3));
      assertThat(hook.flush(WAIT)).isTrue();
      assertThat(hook.stats().failed()).isEqualTo(2);
      assertThat(log.lines()).hasSize(1);
      assertThat(log.lines().get(0))
          .startsWith("WARNING webhook http://127.0.0.1:" + r.port() + "/… (json): HTTP 503");

      r.answerAlways(200);
      hook.onEvent(events.get(4));
      assertThat(hook.flush(WAIT)).isTrue();
      assertThat(hook.stats().delivered()).isEqualTo(1);
      assertThat(log.lines()).hasSize(2);
      assertThat(log.lines().get(1))
          .isEqualTo(
              "INFO webhook http://127.0.0.1:" + r.port() + "/… delivers again after 6 retries,"
                  + " 2 failed and 0 dropped notifications");
      assertBalanced(hook.stats());
    }
  }

  @Test
  void logsWithoutHoldingTheListenersLock() throws Exception {
    // a logger that, while it logs, asks the listener for its stats from another thread: if the
    // line were written under the listener's lock, stats() would wait for the logger
    List<String> seen = new ArrayList<>();
    WebhookListener[] hook = new WebhookListener[1];
    RecordingLogger log =
        new RecordingLogger() {
          @Override
          public synchronized void log(
              Level level, ResourceBundle bundle, String format, Object... params) {
            super.log(level, bundle, format, params);
            try {
              seen.add(
                  CompletableFuture.supplyAsync(() -> hook[0].stats())
                      .get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                      .toString());
            } catch (TimeoutException e) {
              seen.add("stats() blocked while logging");
            } catch (InterruptedException | ExecutionException e) {
              seen.add(e.toString());
            }
          }
        };
    try (Receiver r = new Receiver()) {
      hook[0] = quiet(r.uri("/hook"), new TestClock(T0), new ArrayList<>()).logger(log).build();
      hook[0].close();
      hook[0].onEvent(workedExample().get(1)); // after close: dropped, logged as trouble
    }
    assertThat(log.lines()).hasSize(1);
    assertThat(log.lines().get(0)).contains("notification received after close");
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).startsWith("WebhookStats[").contains("dropped=1");
  }

  @Test
  void clientErrorsAreNotRetried() throws Exception {
    try (Receiver r = new Receiver().answer(400);
        WebhookListener hook = quiet(r.uri("/"), new TestClock(T0), new ArrayList<>()).build()) {
      hook.onEvent(workedExample().get(1));
      assertThat(hook.flush(WAIT)).isTrue();
      assertThat(r.bodies()).hasSize(1);
      assertThat(hook.stats().failed()).isEqualTo(1);
      assertThat(hook.stats().retries()).isZero();
      assertThat(hook.stats().lastFailure()).contains("HTTP 400 is not retried");
    }
  }

  @Test
  void tooManyRequestsIsRetried() throws Exception {
    try (Receiver r = new Receiver().answer(429, 408);
        WebhookListener hook = quiet(r.uri("/"), new TestClock(T0), new ArrayList<>()).build()) {
      hook.onEvent(workedExample().get(1));
      assertThat(hook.flush(WAIT)).isTrue();
      assertThat(r.bodies()).hasSize(3);
      assertThat(hook.stats().delivered()).isEqualTo(1);
      assertThat(hook.stats().retries()).isEqualTo(2);
    }
  }

  @Test
  void hungReceiverDoesNotSlowTheEngine() throws Exception {
    Rule flip =
        Rule.builder("flip").metric("m", "M", MetricUnit.NUMBER).per("rep").above().warning(1)
            .build();
    int n = 50;
    int capacity = 4;
    try (Receiver r = new Receiver().hold();
        WebhookListener hook =
            quiet(r.uri("/"), new TestClock(T0), new ArrayList<>())
                .queueCapacity(capacity)
                .timeout(Duration.ofMinutes(5))
                .build()) {
      RuleEngine engine = RuleEngine.builder().rule(flip).listener(hook).build();
      List<AlertEvent> returned = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Instant at = T0.plus(Duration.ofDays(i));
        returned.addAll(
            engine.evaluate(
                Evaluation.builder(at.plus(Duration.ofDays(1)), at, at.plus(Duration.ofDays(1)))
                    .value("m", R07, dev.salesmetrics.metric.Count.of(i % 2 == 0 ? 2 : 0))
                    .build()));
        if (i == 0) {
          r.awaitFirst(); // the sender is now stuck in its first request
        }
      }
      // the engine completed every evaluation, each with its transition, while the receiver
      // still held the first request
      assertThat(returned).hasSize(n);
      assertThat(r.bodies()).hasSize(1);
      assertThat(engine.listenerFailures()).isEmpty();
      WebhookStats held = hook.stats();
      assertThat(held.accepted()).isEqualTo(n);
      assertThat(held.pending()).isEqualTo(capacity + 1);
      assertThat(held.dropped()).isEqualTo(n - 1 - capacity);
      assertThat(held.lastFailure()).contains("queue full (4 notifications); the oldest was dropped");
      assertBalanced(held);

      r.release();
      assertThat(hook.flush(WAIT)).isTrue();
      // the one in flight, then the newest four, in order
      List<String> evaluatedAt = new ArrayList<>();
      for (String b : r.bodies()) {
        evaluatedAt.add((String) JsonReader.object(b).get("evaluated_at"));
      }
      List<String> expected = new ArrayList<>();
      expected.add(returned.get(0).evaluatedAt().toString());
      for (int i = n - capacity; i < n; i++) {
        expected.add(returned.get(i).evaluatedAt().toString());
      }
      assertThat(evaluatedAt).isEqualTo(expected);
      assertThat(hook.stats().delivered()).isEqualTo(capacity + 1);
      assertBalanced(hook.stats());
    }
  }

  @Test
  void closeWithAHungReceiverCountsWhatIsLeftAsDropped() throws Exception {
    List<AlertEvent> events = workedExample();
    Receiver r = new Receiver().hold();
    WebhookListener hook =
        quiet(r.uri("/"), new TestClock(T0), new ArrayList<>())
            .timeout(Duration.ofMinutes(5))
            .closeTimeout(Duration.ZERO)
            .build();
    try {
      hook.onEvent(events.get(1));
      r.awaitFirst();
      hook.onEvent(events.get(3));
      hook.onEvent(events.get(4));
      hook.close();
      hook.close(); // idempotent
      hook.onEvent(events.get(4)); // after close, and a duplicate: only counted as a duplicate
      WebhookStats s = hook.stats();
      assertThat(s.delivered()).isZero();
      assertThat(s.dropped()).isEqualTo(3);
      assertThat(s.duplicates()).isEqualTo(1);
      assertThat(s.pending()).isZero();
      assertBalanced(s);
    } finally {
      r.close();
    }
  }

  @Test
  void eventsAfterCloseAreCountedAsDropped() {
    List<AlertEvent> events = workedExample();
    try (Receiver r = new Receiver()) {
      WebhookListener hook = quiet(r.uri("/"), new TestClock(T0), new ArrayList<>()).build();
      hook.close();
      hook.onEvent(events.get(1));
      assertThat(hook.stats().dropped()).isEqualTo(1);
      assertThat(hook.stats().lastFailure()).contains("notification received after close");
      assertBalanced(hook.stats());
    }
  }

  @Test
  void aTransitionIsSentOnce() throws Exception {
    List<AlertEvent> events = workedExample();
    try (Receiver r = new Receiver();
        WebhookListener hook = quiet(r.uri("/"), new TestClock(T0), new ArrayList<>()).build()) {
      hook.onEvent(events.get(1));
      hook.onEvent(events.get(1));
      hook.onEvent(events.get(0)); // older than the last one queued for this rule and group
      assertThat(hook.flush(WAIT)).isTrue();
      assertThat(r.bodies()).hasSize(1);
      assertThat(hook.stats().duplicates()).isEqualTo(2);
    }
  }

  @Test
  void firingAlertsRepeatEveryIntervalByTheInjectedClock() throws Exception {
    List<AlertEvent> events = workedExample();
    TestClock clock = new TestClock(T0);
    try (Receiver r = new Receiver();
        WebhookListener hook =
            quiet(r.uri("/"), clock, new ArrayList<>())
                .repeatInterval(Duration.ofHours(4))
                .build()) {
      hook.onEvent(events.get(0)); // pending: not repeated
      hook.onEvent(events.get(1)); // firing
      assertThat(hook.sendDueRepeats()).isZero();
      clock.advance(Duration.ofHours(3));
      assertThat(hook.sendDueRepeats()).isZero();
      clock.advance(Duration.ofHours(1));
      assertThat(hook.sendDueRepeats()).isEqualTo(1);
      assertThat(hook.sendDueRepeats()).isZero(); // sent just now
      assertThat(hook.flush(WAIT)).isTrue();
      hook.onEvent(events.get(4)); // resolved: no more repeats
      clock.advance(Duration.ofHours(8));
      assertThat(hook.sendDueRepeats()).isZero();
      assertThat(hook.flush(WAIT)).isTrue();

      List<String> seen = new ArrayList<>();
      for (String b : r.bodies()) {
        Map<String, Object> m = JsonReader.object(b);
        seen.add(m.get("to") + " repeat " + m.get("repeat"));
      }
      assertThat(seen)
          .containsExactly(
              "pending repeat 0.0", "firing repeat 0.0", "firing repeat 1.0",
              "resolved repeat 0.0");
      assertThat(hook.stats().repeats()).isEqualTo(1);
      assertBalanced(hook.stats());
    }
  }

  @Test
  void secretsOfTheUrlNeverAppearInMessages() throws Exception {
    RecordingLogger log = new RecordingLogger();
    List<String> texts = new ArrayList<>();
    int port;
    try (Receiver r = new Receiver().answerAlways(500)) {
      port = r.port();
      URI secret =
          URI.create(
              "http://alice:hunter2pw@127.0.0.1:" + r.port()
                  + "/services/T0/B0/s3cr3tT0ken?token=qs-secret-value");
      WebhookListener hook =
          quiet(secret, new TestClock(T0), new ArrayList<>())
              .logger(log)
              .header("Authorization", "Bearer header-secret-value")
              .giveUpAfter(Duration.ZERO)
              .build();
      texts.add(hook.toString());
      hook.onEvent(workedExample().get(1));
      assertThat(hook.flush(WAIT)).isTrue();
      hook.close();
      assertThat(r.bodies()).hasSize(1);
      texts.add(hook.stats().toString());
      texts.addAll(log.lines());
    }
    // nothing listens on a port once its server is closed: a connection error
    int closedPort;
    try (Receiver gone = new Receiver()) {
      closedPort = gone.port();
    }
    WebhookListener refused =
        quiet(
                URI.create(
                    "http://bob:pw-secret-2@127.0.0.1:" + closedPort
                        + "/hook/s3cr3tT0ken?token=qs-secret-value"),
                new TestClock(T0),
                new ArrayList<>())
            .logger(log)
            .giveUpAfter(Duration.ZERO)
            .build();
    refused.onEvent(workedExample().get(1));
    assertThat(refused.flush(WAIT)).isTrue();
    refused.close();
    assertThat(refused.stats().failed()).isEqualTo(1);
    texts.add(refused.stats().toString());
    texts.add(refused.toString());
    texts.addAll(log.lines());
    for (String bad :
        List.of("ftp://carol:pw-secret-3@example.com/x?token=qs-secret-value", "relative/path")) {
      assertThatThrownBy(() -> WebhookListener.builder(URI.create(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> texts.add(e.getMessage()));
    }

    assertThat(texts).isNotEmpty();
    for (String t : texts) {
      assertThat(t)
          .doesNotContain("alice", "hunter2pw", "bob", "pw-secret", "carol", "s3cr3tT0ken",
              "qs-secret-value", "header-secret-value", "services/T0");
    }
    assertThat(texts.get(0)).isEqualTo("WebhookListener[http://127.0.0.1:" + port
        + "/…, json, 0 pending]");
  }

  @Test
  void builderChecksItsArguments() {
    WebhookListener.Builder b = WebhookListener.builder(URI.create("http://127.0.0.1:9/"));
    assertThatThrownBy(() -> b.queueCapacity(0))
        .hasMessage("queue capacity must be >= 1: 0");
    assertThatThrownBy(() -> b.timeout(Duration.ZERO))
        .hasMessage("timeout must be positive: PT0S");
    assertThatThrownBy(() -> b.retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("max backoff PT1S must be >= the initial backoff PT2S");
    assertThatThrownBy(() -> b.retryBackoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .hasMessage("initial backoff must be positive: PT-1S");
    assertThatThrownBy(() -> b.giveUpAfter(Duration.ofSeconds(-1)))
        .hasMessage("give-up time must not be negative: PT-1S");
    assertThatThrownBy(() -> b.repeatInterval(Duration.ofSeconds(-1)))
        .hasMessage("repeat interval must not be negative: PT-1S");
    assertThatThrownBy(() -> b.closeTimeout(Duration.ofSeconds(-1)))
        .hasMessage("close timeout must not be negative: PT-1S");
    assertThatThrownBy(() -> b.header("Content-Type", "text/plain"))
        .hasMessage("header name must not be blank or Content-Type: \"Content-Type\"");
    assertThatThrownBy(() -> b.header("Host", "secret-host-value"))
        .hasMessage("header \"Host\" is not allowed or its value is not valid");
    assertThatThrownBy(() -> WebhookListener.builder(URI.create("mailto:a@b.c")))
        .hasMessage("webhook URL must be http or https: scheme mailto");
    assertThatThrownBy(() -> WebhookFormat.parse("teams"))
        .hasMessage("unknown webhook format \"teams\"; expected json, slack or alertmanager");
    assertThat(WebhookFormat.parse("Slack")).isEqualTo(WebhookFormat.SLACK);
  }

  @Test
  void backoffDoublesUpToItsCapWithJitterBetweenHalfAndAll() {
    try (Receiver r = new Receiver()) {
      WebhookListener full =
          quiet(r.uri("/"), new TestClock(T0), new ArrayList<>())
              .retryBackoff(Duration.ofMillis(100), Duration.ofMillis(1000))
              .build();
      WebhookListener half =
          quiet(r.uri("/"), new TestClock(T0), new ArrayList<>())
              .jitter(() -> 0.0)
              .retryBackoff(Duration.ofMillis(100), Duration.ofMillis(1000))
              .build();
      List<Long> fullMs = new ArrayList<>();
      List<Long> halfMs = new ArrayList<>();
      for (int attempt = 1; attempt <= 6; attempt++) {
        fullMs.add(full.backoff(attempt).toMillis());
        halfMs.add(half.backoff(attempt).toMillis());
      }
      assertThat(fullMs).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
      assertThat(halfMs).containsExactly(50L, 100L, 200L, 400L, 500L, 500L);
      assertThat(full.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
      full.close();
      half.close();
      assertThat(r.bodies()).isEmpty();
    }
  }
}
