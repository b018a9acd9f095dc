package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricUnit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RuleTest {

  private static Rule.Builder winRate() {
    return Rule.builder("low-win-rate").metric("win_rate", "Win rate", MetricUnit.RATIO);
  }

  @Test
  void buildsAReadableRule() {
    Rule rule =
        winRate()
            .per("rep")
            .below()
            .warning(0.20, 0.22)
            .critical(0.10)
            .forEvaluations(2)
            .keepFiringFor(Duration.ofDays(7))
            .minimumSample(5)
            .build();
    assertThat(rule.id()).isEqualTo("low-win-rate");
    assertThat(rule.metricId()).isEqualTo("win_rate");
    assertThat(rule.metricName()).isEqualTo("Win rate");
    assertThat(rule.unit()).isEqualTo(MetricUnit.RATIO);
    assertThat(rule.dimension()).contains("rep");
    assertThat(rule.comparison()).isEqualTo(Comparison.BELOW);
    assertThat(rule.reference()).isEqualTo(Reference.VALUE);
    assertThat(rule.severities()).containsExactly(Severity.WARNING, Severity.CRITICAL);
    assertThat(rule.forEvaluations()).isEqualTo(2);
    assertThat(rule.forDuration()).isEqualTo(Duration.ZERO);
    assertThat(rule.keepFiringFor()).isEqualTo(Duration.ofDays(7));
    assertThat(rule.minimumSample()).isEqualTo(5);
    assertThat(rule.undefinedPolicy()).isEqualTo(UndefinedPolicy.KEEP_STATE);
    assertThat(rule.resolveVanishedAfter()).isEqualTo(1);
    assertThat(rule.toString())
        .isEqualTo(
            "low-win-rate: win_rate per rep below warning 20% (recovers at 22%), critical 10%,"
                + " for 2 evaluations, keep firing for 7 days, minimum sample 5");
  }

  @Test
  void thresholdsPrintInTheMetricsUnit() {
    assertThat(
            Rule.builder("big")
                .metric("deal_size", "Average deal size", MetricUnit.MONEY)
                .above()
                .warning(12500)
                .build()
                .toString())
        .isEqualTo("big: deal_size overall above warning 12500.00");
    assertThat(
            Rule.builder("slow")
                .metric("sales_cycle", "Sales cycle", MetricUnit.DAYS)
                .above()
                .warning(12.5)
                .build()
                .toString())
        .isEqualTo("slow: sales_cycle overall above warning 12.5 days");
    assertThat(
            Rule.builder("drop")
                .metric("revenue", "Revenue", MetricUnit.MONEY)
                .againstPreviousPeriod()
                .below()
                .warning(-0.15)
                .build()
                .toString())
        .isEqualTo("drop: revenue overall vs previous period below warning -15%");
    assertThat(
            Rule.builder("pace")
                .metric("revenue", "Revenue", MetricUnit.MONEY)
                .per("rep")
                .behindPace()
                .build()
                .toString())
        .isEqualTo("pace: revenue per rep vs pace below warning 100%");
  }

  @Test
  void scope() {
    Rule perRep = winRate().per("rep").below().warning(0.2).build();
    assertThat(perRep.selects(GroupKey.of("rep", "R07"))).isTrue();
    assertThat(perRep.selects(GroupKey.overall())).isFalse();
    assertThat(perRep.selects(GroupKey.of("team", "East"))).isFalse();
    assertThat(perRep.selects(GroupKey.of("rep", "R07", "product", "Pro"))).isFalse();
    Rule overall = winRate().per("rep").overall().below().warning(0.2).build();
    assertThat(overall.dimension()).isEmpty();
    assertThat(overall.selects(GroupKey.overall())).isTrue();
    assertThat(overall.selects(GroupKey.of("rep", "R07"))).isFalse();
  }

  @Test
  void recoveryOnTheWrongSideIsRejected() {
    assertThatThrownBy(() -> winRate().below().warning(0.20, 0.18).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "warning recovery threshold 0.18 must be >= its trigger 0.2 for rule low-win-rate"
                + " (below)");
    assertThatThrownBy(() -> winRate().above().critical(0.5, 0.6).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "critical recovery threshold 0.6 must be <= its trigger 0.5 for rule low-win-rate"
                + " (above)");
    assertThatThrownBy(() -> winRate().outside().warningBand(0.1, 0.3, 0.05, 0.2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "warning recovery band [0.05, 0.2] must lie inside the band [0.1, 0.3] for rule"
                + " low-win-rate");
  }

  @Test
  void levelsMustBeOrderedForTheComparison() {
    assertThatThrownBy(() -> winRate().below().warning(0.2).critical(0.3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("critical trigger 0.3 must be < warning trigger 0.2 for rule low-win-rate (below)");
    assertThatThrownBy(() -> winRate().above().warning(0.5).critical(0.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("critical trigger 0.5 must be > warning trigger 0.5 for rule low-win-rate (above)");
    assertThatThrownBy(
            () -> winRate().outside().warningBand(0.1, 0.3).criticalBand(0.05, 0.3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("critical band [0.05, 0.3] must strictly contain the warning band");
    assertThatThrownBy(() -> winRate().outside().warningBand(0.3, 0.1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("warning band low end 0.3 must be < its high end 0.1 for rule low-win-rate");
  }

  @Test
  void bandsNeedOutsideAndOutsideNeedsBands() {
    assertThatThrownBy(() -> winRate().below().warningBand(0.1, 0.3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("warning band needs outside() for rule low-win-rate, not below()");
    assertThatThrownBy(() -> winRate().outside().critical(0.1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("critical level of an outside() rule low-win-rate needs criticalBand(...)");
  }

  @Test
  void missingPartsAreReportedAtBuild() {
    assertThatThrownBy(() -> Rule.builder("r").below().warning(1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rule r has no metric: call metric(...)");
    assertThatThrownBy(() -> winRate().warning(1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rule low-win-rate has no comparison: call above(), below() or outside()");
    assertThatThrownBy(() -> winRate().below().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rule low-win-rate has no level: call warning(...) or critical(...)");
  }

  @Test
  void settersCheckTheirArgumentAtOnce() {
    assertThatThrownBy(() -> Rule.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule id must not be blank: ' '");
    assertThatThrownBy(() -> Rule.builder("t").metric("cohorts", "Cohorts", MetricUnit.TABLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric unit must not be TABLE for rule t: a table has no single value");
    assertThatThrownBy(() -> winRate().warning(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("warning trigger must be finite for rule low-win-rate: NaN");
    assertThatThrownBy(() -> winRate().forEvaluations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("for evaluations must be >= 1 for rule low-win-rate: 0");
    assertThatThrownBy(() -> winRate().forDuration(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("for duration must not be negative for rule low-win-rate: PT-1H");
    assertThatThrownBy(() -> winRate().keepFiringFor(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> winRate().keepFiringForEvaluations(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> winRate().minimumSample(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimum sample must be >= 0 for rule low-win-rate: -1");
    assertThatThrownBy(() -> winRate().resolveVanishedAfter(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resolve vanished after must be >= 1 for rule low-win-rate: 0");
    assertThatThrownBy(() -> winRate().againstBaseline(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseline periods must be >= 1 for rule low-win-rate: 0");
    assertThatThrownBy(() -> winRate().per(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
