package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code restoreState} refuses a state the engine can never be in, naming the line, the rule or
 * metric, the group and the field, and leaves the engine as it was.
 */
class ImpossibleStateTest {
  private static final String LAST = "last 2025-03-31T00:00:00Z";

  /** A recovering alert of rule {@code levels} for R07, fields as in docs/RULES.md. */
  private static final String[] ALERT = {
    "alert", "levels", "rep=R07", "RECOVERING", "WARNING", "2", "2",
    "2025-03-10T00:00:00Z", "2025-03-03T00:00:00Z", "2025-03-10T00:00:00Z",
    "2025-03-24T00:00:00Z", "1", "0", "1"
  };

  private static final String[] HISTORY = {
    "history", "m", "rep=R07", "2025-03-24T00:00:00Z", "2025-03-31T00:00:00Z", "0.3"
  };

  private static final String OLDER_HISTORY =
      "history m rep=R07 2025-03-17T00:00:00Z 2025-03-24T00:00:00Z 0.25";

  private static List<String> valid() {
    return List.of(
        EngineState.HEADER, LAST, String.join(" ", ALERT), OLDER_HISTORY,
        String.join(" ", HISTORY));
  }

  /** The valid state with field {@code index} of the alert line replaced. */
  private static List<String> alert(int index, String value) {
    String[] f = ALERT.clone();
    f[index] = value;
    return replace(2, String.join(" ", f));
  }

  private static List<String> alertFields(String... pairs) {
    String[] f = ALERT.clone();
    for (int i = 0; i < pairs.length; i += 2) {
      f[Integer.parseInt(pairs[i])] = pairs[i + 1];
    }
    return replace(2, String.join(" ", f));
  }

  private static List<String> history(int index, String value) {
    String[] f = HISTORY.clone();
    f[index] = value;
    return replace(4, String.join(" ", f));
  }

  private static List<String> replace(int line, String text) {
    List<String> lines = new ArrayList<>(valid());
    lines.set(line, text);
    return lines;
  }

  private static List<String> edit(UnaryOperator<List<String>> f) {
    return f.apply(new ArrayList<>(valid()));
  }

  private static final String AT_R07 = "rule levels, group rep=R07, ";
  private static final String M_R07 = "metric m, group rep=R07, ";

  static Stream<Arguments> impossible() {
    return Stream.of(
        Arguments.of(
            "since after the last evaluation",
            alertFields("3", "FIRING", "7", "2025-04-07T00:00:00Z", "10", "-", "11", "0"),
            "line 3 is impossible (" + AT_R07 + "field since: 2025-04-07T00:00:00Z is after the"
                + " last evaluation 2025-03-31T00:00:00Z)"),
        Arguments.of(
            "a negative episode",
            alert(13, "-1"),
            "line 3 is malformed (" + AT_R07 + "field episode: must be >= 1: -1)"),
        Arguments.of(
            "episode 0: every kept alert had a breach",
            alert(13, "0"),
            "line 3 is malformed (" + AT_R07 + "field episode: must be >= 1: 0)"),
        Arguments.of(
            "a negative count",
            alert(12, "-2"),
            "line 3 is malformed (" + AT_R07 + "field missing: must be >= 0: -2)"),
        Arguments.of(
            "a count that is not a number",
            alert(5, "two"),
            "line 3 is malformed (" + AT_R07 + "field consecutive: not a whole number: two)"),
        Arguments.of(
            "a count beyond int",
            alert(11, "2147483648"),
            "line 3 is malformed (" + AT_R07
                + "field evaluationsSinceCleared: not a whole number: 2147483648)"),
        Arguments.of(
            "a run of no evaluation",
            alertFields("5", "0", "6", "0"),
            "line 3 is malformed (" + AT_R07 + "field consecutive: must be >= 1: 0)"),
        Arguments.of(
            "more periods than evaluations in the run",
            alert(6, "3"),
            "line 3 is impossible (" + AT_R07 + "field periodsInRun: 3 is more than consecutive"
                + " 2)"),
        Arguments.of(
            "the run's last period before its first",
            alert(9, "2025-02-24T00:00:00Z"),
            "line 3 is impossible (" + AT_R07 + "field lastPeriodStart: 2025-02-24T00:00:00Z is"
                + " before sincePeriodStart 2025-03-03T00:00:00Z)"),
        Arguments.of(
            "cleared before the run began",
            alert(10, "2025-03-03T00:00:00Z"),
            "line 3 is impossible (" + AT_R07 + "field clearedAt: 2025-03-03T00:00:00Z must be"
                + " after since 2025-03-10T00:00:00Z)"),
        Arguments.of(
            "cleared after the last evaluation",
            alert(10, "2025-04-01T00:00:00Z"),
            "line 3 is impossible (" + AT_R07 + "field clearedAt: 2025-04-01T00:00:00Z is after"
                + " the last evaluation 2025-03-31T00:00:00Z)"),
        Arguments.of(
            "recovering without a cleared instant",
            alertFields("10", "-", "11", "0"),
            "line 3 is impossible (" + AT_R07 + "field clearedAt: state RECOVERING needs a"
                + " cleared instant, not -)"),
        Arguments.of(
            "firing with a cleared instant",
            alertFields("3", "FIRING", "11", "0"),
            "line 3 is impossible (" + AT_R07 + "field clearedAt: state FIRING has no cleared"
                + " instant, not 2025-03-24T00:00:00Z)"),
        Arguments.of(
            "evaluations since a clear that never was",
            alertFields("3", "RESOLVED", "10", "-"),
            "line 3 is impossible (" + AT_R07 + "field evaluationsSinceCleared: 1 without a"
                + " cleared instant)"),
        Arguments.of(
            "no level",
            alert(4, "-"),
            "line 3 is impossible (" + AT_R07 + "field level: state RECOVERING needs a level,"
                + " not -)"),
        Arguments.of(
            "an unknown state",
            alert(3, "FIRE"),
            "line 3 is malformed (" + AT_R07 + "field state: FIRE is not one of INACTIVE,"
                + " PENDING, FIRING, RECOVERING, RESOLVED)"),
        Arguments.of(
            "an unknown level",
            alert(4, "MAJOR"),
            "line 3 is malformed (" + AT_R07 + "field level: MAJOR is not one of WARNING,"
                + " CRITICAL, -)"),
        Arguments.of(
            "not an instant",
            alert(8, "yesterday"),
            "line 3 is malformed (" + AT_R07 + "field sincePeriodStart: not an instant:"
                + " yesterday)"),
        Arguments.of(
            "a dimension twice in a group",
            alert(2, "rep=R07&rep=R08"),
            "line 3 is malformed (rule levels, field group: dimension rep twice in"
                + " rep=R07&rep=R08)"),
        Arguments.of(
            "a blank group value",
            alert(2, "rep="),
            "line 3 is malformed (rule levels, field group: value of dimension rep must not be"
                + " blank: {rep=})"),
        Arguments.of(
            "a bad URL escape",
            alert(1, "lev%zzels"),
            "line 3 is malformed (field ruleId: not URL-encoded: lev%zzels)"),
        Arguments.of(
            "a field too many",
            replace(2, String.join(" ", ALERT) + " 7"),
            "line 3 is malformed (expected 14 fields, got 15)"),
        Arguments.of(
            "the same alert twice",
            edit(
                l -> {
                  l.add(l.get(2));
                  return l;
                }),
            "line 6 is impossible (" + AT_R07 + "a second alert line for the rule and group;"
                + " the first is line 3)"),
        Arguments.of(
            "the same history period twice",
            edit(
                l -> {
                  l.add(String.join(" ", HISTORY).replace(" 0.3", " 0.4"));
                  return l;
                }),
            "line 6 is impossible (" + M_R07 + "field periodEnd: a second history line for"
                + " period end 2025-03-31T00:00:00Z; the first is line 5)"),
        Arguments.of(
            "a history period that ends before it starts",
            history(4, "2025-03-17T00:00:00Z"),
            "line 5 is impossible (" + M_R07 + "field periodEnd: 2025-03-17T00:00:00Z must be"
                + " after periodStart 2025-03-24T00:00:00Z)"),
        Arguments.of(
            "a NaN in the history",
            history(5, "NaN"),
            "line 5 is malformed (" + M_R07 + "field value: must be finite: NaN)"),
        Arguments.of(
            "two last lines",
            edit(
                l -> {
                  l.add(LAST);
                  return l;
                }),
            "line 6 is malformed (a second 'last' line; the first is line 2)"),
        Arguments.of(
            "an alert without a last evaluation",
            replace(1, "last -"),
            "line 3 is impossible (" + AT_R07 + "an alert needs a last evaluation, and last is"
                + " -)"),
        Arguments.of(
            "history without a last evaluation",
            edit(
                l -> {
                  l.remove(2);
                  l.set(1, "last -");
                  return l;
                }),
            "line 3 is impossible (" + M_R07 + "history needs a last evaluation, and last is"
                + " -)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("impossible")
  void isRefusedAndLeavesTheEngineUnchanged(String name, List<String> lines, String message) {
    RuleEngine engine = RuleEngine.of(RuleSets.everyOption());
    engine.restoreState(EngineState.of(valid()));
    EngineState before = engine.exportState();

    assertThatThrownBy(() -> engine.restoreState(EngineState.of(lines)))
        .as(name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule engine state " + message + ": ");
    assertThat(engine.exportState()).isEqualTo(before);
  }

  @Test
  void theValidStateOfTheseTestsIsAccepted() {
    RuleEngine engine = RuleEngine.of(RuleSets.everyOption());
    engine.restoreState(EngineState.of(valid()));
    assertThat(engine.exportState().lines()).containsExactlyElementsOf(valid());
    assertThat(engine.state("levels", Series.REP)).isEqualTo(AlertState.RECOVERING);
  }

  @Test
  void aStateWithoutALastLineIsRefused() {
    RuleEngine engine = RuleEngine.of(RuleSets.everyOption());
    assertThatThrownBy(() -> engine.restoreState(EngineState.of(List.of(EngineState.HEADER))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule engine state has no 'last' line");
  }
}
