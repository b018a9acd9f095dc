package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.salesmetrics.metric.MetricUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleEngineProperties {

  @Test
  void oneRunEqualsARunAcrossAnExportAndRestoreAtAnyPoint() {
    qt().forAll(
            lists().of(integers().between(0, 63)).ofSizeBetween(0, 40),
            integers().between(0, 40))
        .checkAssert(
            (codes, cut) -> {
              List<Evaluation> evaluations = RuleSets.series(codes);
              int at = Math.min(cut, evaluations.size());
              List<AlertEvent> whole = Replay.run(RuleSets.everyOption(), evaluations);

              RuleEngine first = RuleEngine.of(RuleSets.everyOption());
              List<AlertEvent> before = Replay.run(first, evaluations.subList(0, at));
              RuleEngine second = RuleEngine.of(RuleSets.everyOption());
              second.restoreState(EngineState.parse(first.exportState().toText()));
              List<AlertEvent> after =
                  Replay.run(second, evaluations.subList(at, evaluations.size()));

              assertThat(Stream.concat(before.stream(), after.stream()).toList())
                  .isEqualTo(whole);
            });
  }

  @Test
  void aRuleWithoutTimingFiresExactlyAtTheFirstBreach() {
    Rule rule =
        Rule.builder("plain")
            .metric("m", "M", MetricUnit.NUMBER)
            .per("rep")
            .below()
            .warning(0.5)
            .build();
    qt().forAll(lists().of(integers().between(0, 100)).ofSizeBetween(0, 30))
        .checkAssert(
            percents -> {
              StringBuilder series = new StringBuilder();
              for (int p : percents) {
                series.append(p / 100.0).append(' ');
              }
              List<String> actual = Series.transitions(rule, series.toString());
              // Reference: fire on entering the breach, resolve on leaving it.
              List<String> expected = new ArrayList<>();
              boolean breached = false;
              boolean ever = false;
              for (int i = 0; i < percents.size(); i++) {
                boolean now = percents.get(i) < 50;
                if (now && !breached) {
                  expected.add("w" + (i + 1) + (ever ? " RESOLVED" : " INACTIVE") + ">FIRING warning");
                  ever = true;
                } else if (!now && breached) {
                  expected.add("w" + (i + 1) + " FIRING>RESOLVED warning");
                }
                breached = now;
              }
              assertThat(actual).isEqualTo(expected);
              int first = -1;
              for (int i = 0; i < percents.size() && first < 0; i++) {
                if (percents.get(i) < 50) {
                  first = i;
                }
              }
              if (first >= 0) {
                assertThat(actual.get(0)).startsWith("w" + (first + 1) + " INACTIVE>FIRING");
              } else {
                assertThat(actual).isEmpty();
              }
            });
  }
}
