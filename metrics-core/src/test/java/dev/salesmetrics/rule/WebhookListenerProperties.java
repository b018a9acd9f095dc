package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.testing.JsonReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever the receiver answers, a {@link WebhookListener} accounts for every notification, keeps
 * the order, and retries exactly as a plain model of its policy says.
 */
class WebhookListenerProperties {
  private static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");
  private static final int[] STATUSES = {200, 200, 500, 503, 429, 400};

  /** {@code n} transitions of one rule and group, one per day (firing and resolved in turn). */
  static List<AlertEvent> flips(int n) {
    Rule flip =
        Rule.builder("flip").metric("m", "M", MetricUnit.NUMBER).per("rep").above().warning(1)
            .build();
    RuleEngine engine = RuleEngine.builder().rule(flip).build();
    List<AlertEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant at = T0.plus(Duration.ofDays(i));
      out.addAll(
          engine.evaluate(
              Evaluation.builder(at.plus(Duration.ofDays(1)), at, at.plus(Duration.ofDays(1)))
                  .value("m", GroupKey.of("rep", "R1"), Count.of(i % 2 == 0 ? 2 : 0))
                  .build()));
    }
    return out;
  }

  /** The policy, plainly: counts of delivered, failed and retries, and the attempts' order. */
  record Model(int delivered, int failed, int retries, List<Integer> attempts) {
    static Model of(int events, List<Integer> statuses) {
      ArrayDeque<Integer> answers = new ArrayDeque<>(statuses);
      int delivered = 0;
      int failed = 0;
      int retries = 0;
      List<Integer> attempts = new ArrayList<>();
      long[] waits = {1, 2, 4, 4, 4, 4}; // backoff 1 s doubling, capped at 4 s, jitter 1.0
      for (int e = 0; e < events; e++) {
        long elapsed = 0;
        for (int attempt = 1; ; attempt++) {
          attempts.add(e);
          int status = answers.isEmpty() ? 200 : answers.pollFirst();
          if (status == 200) {
            delivered++;
            break;
          }
          if (status == 400) {
            failed++;
            break;
          }
          long wait = waits[Math.min(attempt - 1, waits.length - 1)];
          if (elapsed + wait > 10) {
            failed++;
            break;
          }
          elapsed += wait;
          retries++;
        }
      }
      return new Model(delivered, failed, retries, attempts);
    }
  }

  @Test
  void everyNotificationIsAccountedForInOrderAsTheModelSays() {
    qt().withExamples(40)
        .forAll(
            integers().between(1, 6),
            lists().of(integers().between(0, STATUSES.length - 1)).ofSizeBetween(0, 16))
        .checkAssert(
            (n, picks) -> {
              List<Integer> statuses = new ArrayList<>();
              picks.forEach(p -> statuses.add(STATUSES[p]));
              List<AlertEvent> events = flips(n);
              TestClock clock = new TestClock(T0);
              try (Receiver r = new Receiver().answer(statuses.toArray(new Integer[0]));
                  WebhookListener hook =
                      WebhookListener.builder(r.uri("/"))
                          .clock(clock)
                          .logger(new RecordingLogger())
                          .jitter(() -> 1.0)
                          .pause(clock::advance)
                          .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                          .giveUpAfter(Duration.ofSeconds(10))
                          .build()) {
                events.forEach(hook::onEvent);
                assertThat(hook.flush(Duration.ofSeconds(60))).isTrue();

                Model model = Model.of(events.size(), statuses);
                WebhookStats s = hook.stats();
                assertThat(s.delivered()).as("delivered").isEqualTo(model.delivered());
                assertThat(s.failed()).as("failed").isEqualTo(model.failed());
                assertThat(s.retries()).as("retries").isEqualTo(model.retries());
                assertThat(s.accepted() + s.repeats())
                    .isEqualTo(s.delivered() + s.failed() + s.dropped() + s.pending());
                List<Integer> attempts = new ArrayList<>();
                for (String b : r.bodies()) {
                  String at = (String) JsonReader.object(b).get("evaluated_at");
                  attempts.add(indexOf(events, at));
                }
                assertThat(attempts).isEqualTo(model.attempts());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
              }
            });
  }

  private static int indexOf(List<AlertEvent> events, String evaluatedAt) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).evaluatedAt().toString().equals(evaluatedAt)) {
        return i;
      }
    }
    throw new AssertionError("not an event: " + evaluatedAt);
  }
}
