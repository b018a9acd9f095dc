package dev.salesmetrics.rule;

import static dev.salesmetrics.rule.Series.REP;
import static dev.salesmetrics.rule.Series.transitions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.metric.MetricUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value whose {@code asDouble()} is NaN or infinite (a {@code MetricValue} of the user's that
 * breaks the contract), or a compared quantity that overflows, is undefined: it follows the
 * rule's undefined policy and is remembered as undefined.
 */
class NonFiniteValuesTest {

  private static Rule.Builder below20() {
    return Rule.builder("low").metric("m", "M", MetricUnit.NUMBER).per("rep").below().warning(0.2);
  }

  private static Rule.Builder above1() {
    return Rule.builder("high").metric("m", "M", MetricUnit.NUMBER).per("rep").above().warning(1);
  }

  private static Rule.Builder previous() {
    return Rule.builder("change")
        .metric("m", "M", MetricUnit.NUMBER)
        .per("rep")
        .againstPreviousPeriod()
        .above()
        .warning(0.5);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "NaN under keep state leaves a firing alert firing",
            below20().build(),
            "0.1 nan 0.3",
            List.of("w1 INACTIVE>FIRING warning", "w3 FIRING>RESOLVED warning")),
        Arguments.of(
            "NaN under alert is a breach at the lowest level",
            below20().critical(0.1).whenUndefined(UndefinedPolicy.ALERT).build(),
            "nan 0.3",
            List.of("w1 INACTIVE>FIRING warning", "w2 FIRING>RESOLVED warning")),
        Arguments.of(
            "NaN under resolve resolves",
            below20().forEvaluations(2).whenUndefined(UndefinedPolicy.RESOLVE).build(),
            "0.1 nan",
            List.of("w1 INACTIVE>PENDING warning", "w2 PENDING>INACTIVE warning")),
        Arguments.of(
            "infinity is not past an above trigger",
            above1().build(),
            "inf inf 2",
            List.of("w3 INACTIVE>FIRING warning")),
        Arguments.of(
            "minus infinity is not past a below trigger, and keeps a firing alert",
            below20().build(),
            "-inf 0.1 -inf 0.3",
            List.of("w2 INACTIVE>FIRING warning", "w4 FIRING>RESOLVED warning")),
        Arguments.of(
            "a change on a NaN period is undefined, under alert a breach",
            previous().whenUndefined(UndefinedPolicy.ALERT).resolveVanishedAfter(3).build(),
            "1 nan 1 1",
            List.of("w1 INACTIVE>FIRING warning", "w4 FIRING>RESOLVED warning")),
        Arguments.of(
            "a change that overflows is undefined, not infinite",
            previous().build(),
            "-1e308 1e308 1e308",
            List.of()),
        Arguments.of(
            "a baseline mean of huge values does not overflow",
            Rule.builder("spike")
                .metric("m", "M", MetricUnit.NUMBER)
                .per("rep")
                .againstBaseline(2)
                .below()
                .warning(-0.4)
                .build(),
            "1.5e308 1.5e308 0.5e308",
            List.of("w3 INACTIVE>FIRING warning")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void transitionsOfASeries(String name, Rule rule, String series, List<String> expected) {
    assertThat(transitions(rule, series)).as(name).containsExactlyElementsOf(expected);
  }

  @Test
  void theSentenceSaysTheValueIsNotFinite() {
    List<AlertEvent> events =
        Replay.run(
            List.of(below20().whenUndefined(UndefinedPolicy.ALERT).build()),
            Series.weekly("m", REP, "nan"));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).value()).isEmpty();
    assertThat(events.get(0).sentence())
        .isEqualTo("M for rep R07 had no value (value NaN is not finite), for 1 week since"
            + " 2025-03-03");
  }

  @Test
  void aNonFiniteValueIsRememberedAsUndefinedAndTheStateRestores() {
    Rule rule = previous().build();
    List<Evaluation> weeks = Series.weekly("m", REP, "1 nan inf 2 4");
    RuleEngine engine = RuleEngine.of(List.of(rule));
    assertThat(Replay.run(engine, weeks.subList(0, 3))).isEmpty();

    EngineState state = engine.exportState();
    assertThat(state.lines())
        .filteredOn(l -> l.startsWith("history "))
        .containsExactly(
            "history m rep=R07 2025-03-10T00:00:00Z 2025-03-17T00:00:00Z -",
            "history m rep=R07 2025-03-17T00:00:00Z 2025-03-24T00:00:00Z -");
    RuleEngine restored = RuleEngine.of(List.of(rule));
    restored.restoreState(EngineState.parse(state.toText()));
    assertThat(restored.exportState()).isEqualTo(state);

    // week 4 compares with the infinite week 3 (undefined), week 5 doubles week 4
    assertThat(Replay.run(restored, weeks.subList(3, 5)))
        .extracting(Series::compact)
        .containsExactly("w5 INACTIVE>FIRING warning");
  }

  @Test
  void aGoalAttainmentThatOverflowsIsUndefined() {
    Rule rule =
        Rule.builder("goal")
            .metric("m", "M", MetricUnit.NUMBER)
            .per("rep")
            .againstGoal()
            .above()
            .warning(2)
            .whenUndefined(UndefinedPolicy.RESOLVE)
            .build();
    Goals goals =
        Goals.builder()
            .target("m", REP, Series.weekStart(1), 1e-300)
            .target("m", REP, Series.weekStart(2), 1e-300)
            .target("m", REP, Series.weekStart(3), 1)
            .build();
    List<AlertEvent> events =
        Replay.run(List.of(rule), Series.weekly("m", REP, "1e10 nan 3", goals));
    assertThat(events).extracting(Series::compact).containsExactly("w3 INACTIVE>FIRING warning");
  }
}
