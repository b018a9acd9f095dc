package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineStateTest {

  private static final List<Integer> CODES =
      List.of(4, 2 | 1 << 3, 1 | 1 << 3, 0 | 7 << 3, 6 | 7 << 3, 0 | 5 << 3, 3, 4, 4, 7, 7, 7, 5);

  @Test
  void restoreInTheMiddleOfAnEpisodeGivesTheSameTransitions() {
    List<Evaluation> evaluations = RuleSets.series(CODES);
    List<AlertEvent> whole = Replay.run(RuleSets.everyOption(), evaluations);
    assertThat(whole).extracting(AlertEvent::to).contains(AlertState.FIRING);

    RuleEngine first = RuleEngine.of(RuleSets.everyOption());
    List<AlertEvent> before = Replay.run(first, evaluations.subList(0, 4));
    assertThat(first.state("levels", Series.REP)).isEqualTo(AlertState.FIRING);
    String text = first.exportState().toText();

    RuleEngine second = RuleEngine.of(RuleSets.everyOption());
    second.restoreState(EngineState.parse(text));
    assertThat(second.exportState()).isEqualTo(first.exportState());
    List<AlertEvent> after = Replay.run(second, evaluations.subList(4, evaluations.size()));

    assertThat(concat(before, after)).isEqualTo(whole);
  }

  @Test
  void exportedTextIsPlainLines() {
    RuleEngine engine = RuleEngine.of(RuleSets.everyOption());
    assertThat(engine.exportState().lines()).containsExactly(EngineState.HEADER, "last -");
    Rule odd =
        Rule.builder("odd id/with spaces")
            .metric("m", "M", MetricUnit.NUMBER)
            .per("rep")
            .below()
            .warning(0.2)
            .build();
    RuleEngine withOdd = RuleEngine.of(List.of(odd));
    GroupKey strange = GroupKey.of("rep", "A&B=C D");
    assertThat(withOdd.evaluate(Series.weekly("m", strange, "0.1").get(0))).hasSize(1);
    EngineState state = withOdd.exportState();
    assertThat(state.lines())
        .containsExactly(
            "salesmetrics-rule-state 1",
            "last 2025-03-10T00:00:00Z",
            "alert odd+id%2Fwith+spaces rep=A%26B%3DC+D FIRING WARNING 1 1 2025-03-10T00:00:00Z"
                + " 2025-03-03T00:00:00Z 2025-03-03T00:00:00Z - 0 0 1");
    RuleEngine restored = RuleEngine.of(List.of(odd));
    restored.restoreState(EngineState.parse(state.toText()));
    assertThat(restored.state("odd id/with spaces", strange)).isEqualTo(AlertState.FIRING);
  }

  @Test
  void unknownRulesAreDroppedOnRestore() {
    RuleEngine engine = RuleEngine.of(RuleSets.everyOption());
    List<AlertEvent> events = Replay.run(engine, RuleSets.series(CODES.subList(0, 4)));
    assertThat(events).isNotEmpty();
    RuleEngine fewer = RuleEngine.of(RuleSets.everyOption().subList(0, 1));
    fewer.restoreState(engine.exportState());
    assertThat(fewer.exportState().lines())
        .allMatch(l -> !l.startsWith("alert ") || l.startsWith("alert levels "))
        .noneMatch(l -> l.startsWith("history "));
    assertThat(fewer.state("levels", Series.REP)).isEqualTo(engine.state("levels", Series.REP));
  }

  @Test
  void malformedStateIsRejectedAndLeavesTheEngineUnchanged() {
    assertThatThrownBy(() -> EngineState.parse("hello\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule engine state must start with 'salesmetrics-rule-state 1': 'hello'");
    RuleEngine engine = RuleEngine.of(RuleSets.everyOption());
    List<AlertEvent> events = Replay.run(engine, RuleSets.series(CODES.subList(0, 4)));
    assertThat(events).isNotEmpty();
    EngineState before = engine.exportState();
    EngineState bad =
        EngineState.of(
            List.of(
                EngineState.HEADER,
                "last 2025-03-10T00:00:00Z",
                "alert levels rep=R07 FIRING - 1 1 2025-03-10T00:00:00Z 2025-03-03T00:00:00Z"
                    + " 2025-03-03T00:00:00Z - 0 0 1"));
    assertThatThrownBy(() -> engine.restoreState(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "rule engine state line 3 is impossible (rule levels, group rep=R07, field level:"
                + " state FIRING needs a level, not -)");
    EngineState badInstant =
        EngineState.of(List.of(EngineState.HEADER, "last yesterday"));
    assertThatThrownBy(() -> engine.restoreState(badInstant))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule engine state line 2 is malformed");
    assertThat(engine.exportState()).isEqualTo(before);
  }

  private static List<AlertEvent> concat(List<AlertEvent> a, List<AlertEvent> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
