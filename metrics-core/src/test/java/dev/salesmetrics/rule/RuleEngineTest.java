package dev.salesmetrics.rule;

import static dev.salesmetrics.rule.Series.REP;
import static dev.salesmetrics.rule.Series.transitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Ratio;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleEngineTest {

  private static Rule.Builder below20() {
    return Rule.builder("low").metric("m", "M", MetricUnit.NUMBER).per("rep").below().warning(0.2);
  }

  private static Rule.Builder coverage() {
    return Rule.builder("coverage")
        .metric("m", "Pipeline coverage", MetricUnit.NUMBER)
        .per("rep")
        .below()
        .warning(3.0)
        .critical(2.0, 2.5);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // name, rule, series, expected transitions
        Arguments.of(
            "no timing fires at the first breach and resolves at the first clear",
            below20().build(),
            "0.25 0.18 0.15 0.25",
            List.of("w2 INACTIVE>FIRING warning", "w4 FIRING>RESOLVED warning")),
        Arguments.of(
            "exactly at the threshold is not a breach",
            below20().build(),
            "0.2 0.2",
            List.of()),
        Arguments.of(
            "for 2 evaluations: a single breach stays pending, two fire",
            below20().forEvaluations(2).build(),
            "0.25 0.18 0.25 0.18 0.17 0.16 0.3",
            List.of(
                "w2 INACTIVE>PENDING warning",
                "w3 PENDING>INACTIVE warning",
                "w4 INACTIVE>PENDING warning",
                "w5 PENDING>FIRING warning",
                "w7 FIRING>RESOLVED warning")),
        Arguments.of(
            "for 10 days evaluated weekly: pending from the first breach, fires 14 days later",
            below20().forDuration(Duration.ofDays(10)).build(),
            "0.1 0.1 0.1 0.3",
            List.of(
                "w1 INACTIVE>PENDING warning",
                "w3 PENDING>FIRING warning",
                "w4 FIRING>RESOLVED warning")),
        Arguments.of(
            "for exactly 14 days fires when 14 days have passed",
            below20().forDuration(Duration.ofDays(14)).build(),
            "0.1 0.1 0.1",
            List.of("w1 INACTIVE>PENDING warning", "w3 PENDING>FIRING warning")),
        Arguments.of(
            "for-N and for-duration together: both must be met",
            below20().forEvaluations(2).forDuration(Duration.ofDays(14)).build(),
            "0.1 0.1 0.1",
            List.of("w1 INACTIVE>PENDING warning", "w3 PENDING>FIRING warning")),
        Arguments.of(
            "keep firing for 2 evaluations after it clears",
            below20().keepFiringForEvaluations(2).build(),
            "0.1 0.3 0.3 0.3",
            List.of(
                "w1 INACTIVE>FIRING warning",
                "w2 FIRING>RECOVERING warning",
                "w4 RECOVERING>RESOLVED warning")),
        Arguments.of(
            "a breach inside keep-firing fires again in the same episode",
            below20().keepFiringForEvaluations(2).build(),
            "0.1 0.3 0.1 0.3 0.3 0.3",
            List.of(
                "w1 INACTIVE>FIRING warning",
                "w2 FIRING>RECOVERING warning",
                "w3 RECOVERING>FIRING warning",
                "w4 FIRING>RECOVERING warning",
                "w6 RECOVERING>RESOLVED warning")),
        Arguments.of(
            "keep firing for 10 days, evaluated weekly",
            below20().keepFiringFor(Duration.ofDays(10)).build(),
            "0.1 0.3 0.3 0.3",
            List.of(
                "w1 INACTIVE>FIRING warning",
                "w2 FIRING>RECOVERING warning",
                "w4 RECOVERING>RESOLVED warning")),
        Arguments.of(
            "hysteresis: holds until past the recovery threshold",
            below20().warning(0.20, 0.25).build(),
            "0.18 0.22 0.24 0.26 0.22",
            List.of("w1 INACTIVE>FIRING warning", "w4 FIRING>RESOLVED warning")),
        Arguments.of(
            "without hysteresis the same series flaps",
            below20().build(),
            "0.18 0.22 0.18",
            List.of(
                "w1 INACTIVE>FIRING warning",
                "w2 FIRING>RESOLVED warning",
                "w3 RESOLVED>FIRING warning")),
        Arguments.of(
            "escalation and de-escalation are single transitions",
            coverage().build(),
            "3.5 2.8 1.9 2.2 2.6 3.2",
            List.of(
                "w2 INACTIVE>FIRING warning",
                "w3 FIRING>FIRING critical",
                "w5 FIRING>FIRING warning",
                "w6 FIRING>RESOLVED warning")),
        Arguments.of(
            "straight to critical and straight out",
            coverage().build(),
            "1.5 3.5",
            List.of("w1 INACTIVE>FIRING critical", "w2 FIRING>RESOLVED critical")),
        Arguments.of(
            "pending takes the level breached when it fires",
            coverage().forEvaluations(2).build(),
            "2.8 1.5",
            List.of("w1 INACTIVE>PENDING warning", "w2 PENDING>FIRING critical")),
        Arguments.of(
            "undefined, keep state: nothing changes while firing",
            below20().build(),
            "0.1 - - 0.1 0.3",
            List.of("w1 INACTIVE>FIRING warning", "w5 FIRING>RESOLVED warning")),
        Arguments.of(
            "undefined, keep state: a pending count is neither advanced nor reset",
            below20().forEvaluations(2).build(),
            "0.1 - 0.1",
            List.of("w1 INACTIVE>PENDING warning", "w3 PENDING>FIRING warning")),
        Arguments.of(
            "undefined, resolve: clears, and a later breach is a new episode",
            below20().whenUndefined(UndefinedPolicy.RESOLVE).build(),
            "0.1 - 0.1",
            List.of(
                "w1 INACTIVE>FIRING warning",
                "w2 FIRING>RESOLVED warning",
                "w3 RESOLVED>FIRING warning")),
        Arguments.of(
            "undefined, resolve: pending goes inactive",
            below20().forEvaluations(2).whenUndefined(UndefinedPolicy.RESOLVE).build(),
            "0.1 -",
            List.of("w1 INACTIVE>PENDING warning", "w2 PENDING>INACTIVE warning")),
        Arguments.of(
            "undefined, alert: counts as a breach at the lowest level, with timing",
            coverage().forEvaluations(2).whenUndefined(UndefinedPolicy.ALERT).build(),
            "- - 3.5",
            List.of(
                "w1 INACTIVE>PENDING warning",
                "w2 PENDING>FIRING warning",
                "w3 FIRING>RESOLVED warning")),
        Arguments.of(
            "undefined, alert: a firing critical keeps its level",
            coverage().whenUndefined(UndefinedPolicy.ALERT).build(),
            "1.5 - 3.5",
            List.of("w1 INACTIVE>FIRING critical", "w3 FIRING>RESOLVED critical")),
        Arguments.of(
            "vanished group resolves after K evaluations and is forgotten",
            below20().resolveVanishedAfter(2).build(),
            "0.1 x x 0.1",
            List.of(
                "w1 INACTIVE>FIRING warning",
                "w3 FIRING>RESOLVED warning",
                "w4 INACTIVE>FIRING warning")),
        Arguments.of(
            "a group back before K keeps its state",
            below20().resolveVanishedAfter(2).build(),
            "0.1 x 0.1 x 0.3",
            List.of("w1 INACTIVE>FIRING warning", "w5 FIRING>RESOLVED warning")),
        Arguments.of(
            "a vanished pending group goes inactive",
            below20().forEvaluations(3).build(),
            "0.1 x",
            List.of("w1 INACTIVE>PENDING warning", "w2 PENDING>INACTIVE warning")),
        Arguments.of(
            "a vanished recovering group resolves",
            below20().keepFiringForEvaluations(5).build(),
            "0.1 0.3 x",
            List.of(
                "w1 INACTIVE>FIRING warning",
                "w2 FIRING>RECOVERING warning",
                "w3 RECOVERING>RESOLVED warning")),
        Arguments.of(
            "minimum sample: smaller samples are undefined",
            Rule.builder("wr")
                .metric("m", "Win rate", MetricUnit.RATIO)
                .per("rep")
                .below()
                .warning(0.2)
                .minimumSample(5)
                .build(),
            "1/4 3/17 0/3 5/20 0/4 0/5",
            List.of(
                "w2 INACTIVE>FIRING warning",
                "w4 FIRING>RESOLVED warning",
                "w6 RESOLVED>FIRING warning")),
        Arguments.of(
            "minimum sample with resolve: a small sample resolves",
            Rule.builder("wr")
                .metric("m", "Win rate", MetricUnit.RATIO)
                .per("rep")
                .below()
                .warning(0.2)
                .minimumSample(5)
                .whenUndefined(UndefinedPolicy.RESOLVE)
                .build(),
            "3/17 0/3",
            List.of("w1 INACTIVE>FIRING warning", "w2 FIRING>RESOLVED warning")),
        Arguments.of(
            "percent change: a zero base is undefined, not infinite",
            Rule.builder("drop")
                .metric("m", "Revenue", MetricUnit.MONEY)
                .per("rep")
                .againstPreviousPeriod()
                .below()
                .warning(-0.15)
                .whenUndefined(UndefinedPolicy.RESOLVE)
                .build(),
            "100 0 50 40",
            List.of(
                "w2 INACTIVE>FIRING warning",
                "w3 FIRING>RESOLVED warning",
                "w4 RESOLVED>FIRING warning")),
        Arguments.of(
            "percent change: a missing previous period is undefined",
            Rule.builder("drop")
                .metric("m", "Revenue", MetricUnit.MONEY)
                .per("rep")
                .againstPreviousPeriod()
                .below()
                .warning(-0.15)
                .whenUndefined(UndefinedPolicy.ALERT)
                .build(),
            "100 80",
            List.of("w1 INACTIVE>FIRING warning")),
        Arguments.of(
            "baseline of 3: undefined until 3 previous periods exist",
            Rule.builder("spike")
                .metric("m", "Revenue", MetricUnit.MONEY)
                .per("rep")
                .againstBaseline(3)
                .above()
                .warning(0.5)
                .build(),
            "100 200 200 200 400",
            List.of("w5 INACTIVE>FIRING warning")),
        Arguments.of(
            "baseline of 3: fewer than 3 periods alerts under the alert policy",
            Rule.builder("spike")
                .metric("m", "Revenue", MetricUnit.MONEY)
                .per("rep")
                .againstBaseline(3)
                .above()
                .warning(0.5)
                .whenUndefined(UndefinedPolicy.ALERT)
                .build(),
            "100 200 200 200",
            List.of("w1 INACTIVE>FIRING warning", "w4 FIRING>RESOLVED warning")),
        Arguments.of(
            "baseline: a gap in the periods breaks the baseline",
            Rule.builder("spike")
                .metric("m", "Revenue", MetricUnit.MONEY)
                .per("rep")
                .againstBaseline(2)
                .above()
                .warning(0.5)
                .resolveVanishedAfter(5)
                .build(),
            "100 100 x 100 300 300 500",
            List.of("w7 INACTIVE>FIRING warning")),
        Arguments.of(
            "outside a band with a recovery band",
            Rule.builder("band")
                .metric("m", "Discount", MetricUnit.RATIO)
                .per("rep")
                .outside()
                .warningBand(0.1, 0.3, 0.12, 0.28)
                .criticalBand(0.05, 0.4)
                .build(),
            "0.2 0.35 0.29 0.27 0.09 0.5 0.11 0.13",
            List.of(
                "w2 INACTIVE>FIRING warning",
                "w4 FIRING>RESOLVED warning",
                "w5 RESOLVED>FIRING warning",
                "w6 FIRING>FIRING critical",
                "w7 FIRING>FIRING warning",
                "w8 FIRING>RESOLVED warning")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void transitionsOfASeries(String name, Rule rule, String series, List<String> expected) {
    assertThat(transitions(rule, series)).as(name).containsExactlyElementsOf(expected);
  }

  @Test
  void sentenceSaysWhy() {
    Rule rule =
        Rule.builder("low-win-rate")
            .metric("win_rate", "Win rate", MetricUnit.RATIO)
            .per("rep")
            .below()
            .warning(0.20)
            .forEvaluations(2)
            .build();
    List<AlertEvent> events = Replay.run(List.of(rule), Series.weekly("win_rate", REP, "9/50 9/50"));
    assertThat(events).hasSize(2);
    AlertEvent firing = events.get(1);
    assertThat(firing.sentence())
        .isEqualTo(
            "Win rate for rep R07 was 18.0% (9/50), below 20%, for 2 consecutive weeks since"
                + " 2025-03-03");
    assertThat(firing.ruleId()).isEqualTo("low-win-rate");
    assertThat(firing.group()).isEqualTo(REP);
    assertThat(firing.from()).isEqualTo(AlertState.PENDING);
    assertThat(firing.to()).isEqualTo(AlertState.FIRING);
    assertThat(firing.level()).contains(Severity.WARNING);
    assertThat(firing.value().getAsDouble()).isEqualTo(9.0 / 50);
    assertThat(firing.metricValue()).contains(Ratio.of(9, 50));
    assertThat(firing.threshold().getAsDouble()).isEqualTo(0.2);
    assertThat(firing.recoveryThreshold().getAsDouble()).isEqualTo(0.2);
    assertThat(firing.comparison()).isEqualTo(Comparison.BELOW);
    assertThat(firing.consecutive()).isEqualTo(2);
    assertThat(firing.since()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
    assertThat(firing.evaluatedAt()).isEqualTo(Instant.parse("2025-03-17T00:00:00Z"));
    assertThat(firing.episode()).isEqualTo(1);
    assertThat(events.get(0).sentence())
        .isEqualTo("Win rate for rep R07 was 18.0% (9/50), below 20%, for 1 week since 2025-03-03"
            + "; pending");
  }

  @Test
  void sentencesOfClearsAndOtherReferences() {
    Rule rule = coverage().keepFiringForEvaluations(1).build();
    List<String> sentences =
        Replay.run(List.of(rule), Series.weekly("m", REP, "2.8 1.9 2.6 3.5 3.5")).stream()
            .map(AlertEvent::sentence)
            .toList();
    assertThat(sentences)
        .containsExactly(
            "Pipeline coverage for rep R07 was 2.8, below 3, for 1 week since 2025-03-03",
            "Pipeline coverage for rep R07 was 1.9, below 2, for 2 consecutive weeks since"
                + " 2025-03-03; now critical",
            "Pipeline coverage for rep R07 was 2.6, below 3, for 3 consecutive weeks since"
                + " 2025-03-03; now warning",
            "Pipeline coverage for rep R07 was 3.5, no longer below 3; keeps firing for 1"
                + " evaluation",
            "Pipeline coverage for rep R07 was 3.5, no longer below 3 since 2025-03-31; resolved");

    Rule drop =
        Rule.builder("drop")
            .metric("revenue", "Revenue", MetricUnit.MONEY)
            .overall()
            .againstPreviousPeriod()
            .below()
            .warning(-0.15)
            .whenUndefined(UndefinedPolicy.RESOLVE)
            .build();
    List<String> dropSentences =
        Replay.run(List.of(drop), Series.weekly("revenue", GroupKey.overall(), "100 80 0 10"))
            .stream()
            .map(AlertEvent::sentence)
            .toList();
    assertThat(dropSentences)
        .containsExactly(
            "Revenue overall was 80, -20.0% on the previous period (100.00), below -15%, for 1"
                + " week since 2025-03-10",
            "Revenue overall had no value (previous period was 0); resolved");
  }

  @Test
  void scopeSelectsGroupsWithExactlyTheDimension() {
    Rule perRep = below20().build();
    Rule overall =
        Rule.builder("all").metric("m", "M", MetricUnit.NUMBER).below().warning(0.2).build();
    Instant start = Series.START;
    Evaluation e =
        Evaluation.builder(start.plus(Series.WEEK), start, start.plus(Series.WEEK))
            .value("m", GroupKey.overall(), Series.parseValue("0.1"))
            .value("m", REP, Series.parseValue("0.1"))
            .value("m", GroupKey.of("rep", "R01", "product", "Pro"), Series.parseValue("0.1"))
            .value("m", GroupKey.of("team", "East"), Series.parseValue("0.1"))
            .build();
    List<AlertEvent> events = RuleEngine.of(List.of(perRep, overall)).evaluate(e);
    assertThat(events)
        .extracting(ev -> ev.ruleId() + " " + ev.group())
        .containsExactly("low rep=R07", "all *");
  }

  @Test
  void groupsComeInKeyOrder() {
    Instant start = Series.START;
    Evaluation e =
        Evaluation.builder(start.plus(Series.WEEK), start, start.plus(Series.WEEK))
            .value("m", GroupKey.of("rep", "R09"), Count.of(0))
            .value("m", GroupKey.of("rep", "R01"), Count.of(0))
            .value("m", GroupKey.of("rep", "R05"), Count.of(1))
            .build();
    assertThat(RuleEngine.of(List.of(below20().build())).evaluate(e))
        .extracting(ev -> ev.group().get("rep").orElseThrow())
        .containsExactly("R01", "R09");
  }

  @Test
  void newEpisodeAfterResolved() {
    List<AlertEvent> events =
        Replay.run(List.of(below20().build()), Series.weekly("m", REP, "0.1 0.3 0.1"));
    assertThat(events).extracting(AlertEvent::episode).containsExactly(1L, 1L, 2L);
    assertThat(events.get(2).from()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void stateReportsTheCurrentState() {
    RuleEngine engine = RuleEngine.of(List.of(below20().forEvaluations(2).build()));
    List<Evaluation> evaluations = Series.weekly("m", REP, "0.1 0.1");
    assertThat(engine.state("low", REP)).isEqualTo(AlertState.INACTIVE);
    assertThat(engine.evaluate(evaluations.get(0))).hasSize(1);
    assertThat(engine.state("low", REP)).isEqualTo(AlertState.PENDING);
    assertThat(engine.evaluate(evaluations.get(1))).hasSize(1);
    assertThat(engine.state("low", REP)).isEqualTo(AlertState.FIRING);
    assertThatThrownBy(() -> engine.state("nope", REP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no rule with id nope");
  }

  @Test
  void evaluationsMustMoveForward() {
    RuleEngine engine = RuleEngine.of(List.of(below20().build()));
    List<Evaluation> evaluations = Series.weekly("m", REP, "0.1 0.1");
    assertThat(engine.evaluate(evaluations.get(1))).hasSize(1);
    assertThatThrownBy(() -> engine.evaluate(evaluations.get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "evaluatedAt 2025-03-10T00:00:00Z must be after the previous evaluation"
                + " 2025-03-17T00:00:00Z");
    assertThatThrownBy(() -> engine.evaluate(evaluations.get(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void duplicateRuleIdsAreRejected() {
    assertThatThrownBy(() -> RuleEngine.of(List.of(below20().build(), below20().build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate rule id: low");
  }

  @Test
  void aThrowingListenerStopsNeitherOthersNorTheState() {
    List<AlertEvent> heard = new ArrayList<>();
    AlertListener bad =
        event -> {
          throw new IllegalStateException("boom " + event.periodLabel());
        };
    RuleEngine engine =
        RuleEngine.builder()
            .rule(below20().forEvaluations(2).build())
            .listener(bad)
            .listener(heard::add)
            .build();
    List<AlertEvent> returned =
        Replay.run(engine, Series.weekly("m", REP, "0.1 0.1 0.3"));
    List<AlertEvent> quiet =
        Replay.run(List.of(below20().forEvaluations(2).build()), Series.weekly("m", REP, "0.1 0.1 0.3"));
    assertThat(heard).isEqualTo(returned).isEqualTo(quiet).hasSize(3);
    assertThat(engine.listenerFailures())
        .extracting(f -> f.error().getMessage())
        .containsExactly("boom w1", "boom w2", "boom w3");
    assertThat(engine.listenerFailures().get(0).listener()).isSameAs(bad);
    assertThat(engine.listenerFailures().get(0).event()).isEqualTo(returned.get(0));
    assertThat(engine.state("low", REP)).isEqualTo(AlertState.RESOLVED);
    engine.clearListenerFailures();
    assertThat(engine.listenerFailures()).isEmpty();
  }

  @Test
  void anErrorFromAListenerReachesTheCallerOnlyAfterEveryListenerHadEveryEvent() {
    List<String> heard = new ArrayList<>();
    List<String> second = new ArrayList<>();
    AlertListener failing =
        event -> {
          heard.add("failing " + event.group().label());
          throw new OutOfMemoryError("listener out of memory at " + event.group().label());
        };
    AlertListener alsoFailing =
        event -> {
          throw new StackOverflowError("deep at " + event.group().label());
        };
    RuleEngine engine =
        RuleEngine.builder()
            .rule(below20().build())
            .listener(failing)
            .listener(alsoFailing)
            .listener(event -> second.add(event.group().label()))
            .build();
    Instant start = Series.START;
    Evaluation e =
        Evaluation.builder(start.plus(Series.WEEK), start, start.plus(Series.WEEK))
            .value("m", GroupKey.of("rep", "R01"), Series.parseValue("0.1"))
            .value("m", GroupKey.of("rep", "R02"), Series.parseValue("0.1"))
            .build();

    assertThatThrownBy(() -> engine.evaluate(e))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("listener out of memory at rep R01")
        .satisfies(
            t ->
                assertThat(t.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .containsExactly(
                        "deep at rep R01", "listener out of memory at rep R02", "deep at rep R02"));
    assertThat(heard).containsExactly("failing rep R01", "failing rep R02");
    assertThat(second).containsExactly("rep R01", "rep R02");
    // the evaluation was committed: the state moved on and the next evaluation continues it
    assertThat(engine.state("low", GroupKey.of("rep", "R01"))).isEqualTo(AlertState.FIRING);
    assertThat(engine.listenerFailures()).isEmpty();
    assertThatThrownBy(() -> engine.evaluate(e)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCheckedExceptionThrownSneakilyByAListenerIsRecordedLikeARuntimeException() {
    List<AlertEvent> heard = new ArrayList<>();
    AlertListener sneaky = event -> RuleEngineTest.<RuntimeException>sneak(
        new java.io.IOException("disk gone"));
    RuleEngine engine =
        RuleEngine.builder().rule(below20().build()).listener(sneaky).listener(heard::add).build();
    List<AlertEvent> returned = Replay.run(engine, Series.weekly("m", REP, "0.1"));
    assertThat(heard).isEqualTo(returned).hasSize(1);
    assertThat(engine.listenerFailures()).hasSize(1);
    assertThat(engine.listenerFailures().get(0).error())
        .isInstanceOf(java.lang.reflect.UndeclaredThrowableException.class)
        .hasCauseInstanceOf(java.io.IOException.class)
        .hasRootCauseMessage("disk gone");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneak(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void metricMissingFromTheEvaluationVanishesItsGroups() {
    RuleEngine engine = RuleEngine.of(List.of(below20().build()));
    assertThat(Replay.run(engine, Series.weekly("m", REP, "0.1"))).hasSize(1);
    Instant start = Series.weekStart(2);
    Evaluation other =
        Evaluation.builder(start.plus(Series.WEEK), start, start.plus(Series.WEEK))
            .value("other", REP, Count.of(1))
            .build();
    assertThat(engine.evaluate(other))
        .extracting(Series::compact)
        .containsExactly("2025-03-10 FIRING>RESOLVED warning");
    Instant next = Series.weekStart(3);
    Evaluation again =
        Evaluation.builder(next.plus(Series.WEEK), next, next.plus(Series.WEEK))
            .value("other", REP, Count.of(1))
            .build();
    assertThat(engine.evaluate(again)).isEmpty();
    assertThat(engine.state("low", REP)).isEqualTo(AlertState.INACTIVE);
  }
}
