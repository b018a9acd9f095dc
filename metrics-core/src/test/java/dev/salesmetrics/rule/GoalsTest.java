package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTest {
  private static final Instant Q1 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant Q2 = Instant.parse("2025-04-01T00:00:00Z");
  private static final Instant MID = Instant.parse("2025-02-15T00:00:00Z"); // day 45 of 90
  private static final GroupKey R07 = GroupKey.of("rep", "R07");

  @Test
  void progressAttainmentPaceAndForecast() {
    GoalProgress p = GoalProgress.of(30_000, 100_000, Q1, Q2, MID);
    assertThat(p.elapsed()).isEqualTo(0.5);
    assertThat(p.attainment()).isEqualTo(0.3);
    assertThat(p.expected()).isEqualTo(50_000);
    assertThat(p.forecast().getAsDouble()).isEqualTo(60_000);
    assertThat(p.forecastAttainment().getAsDouble()).isEqualTo(0.6);
    assertThat(p.behindPace()).isTrue();
    assertThat(GoalProgress.of(60_000, 100_000, Q1, Q2, MID).behindPace()).isFalse();
  }

  @Test
  void elapsedShareIsClampedToThePeriod() {
    assertThat(GoalProgress.elapsedShare(Q1, Q2, Q1)).isEqualTo(0);
    assertThat(GoalProgress.elapsedShare(Q1, Q2, Q1.minusSeconds(1))).isEqualTo(0);
    assertThat(GoalProgress.elapsedShare(Q1, Q2, Q2)).isEqualTo(1);
    assertThat(GoalProgress.elapsedShare(Q1, Q2, Q2.plusSeconds(86_400))).isEqualTo(1);
    GoalProgress atStart = GoalProgress.of(0, 100, Q1, Q2, Q1);
    assertThat(atStart.forecast()).isEmpty();
    assertThat(atStart.forecastAttainment()).isEmpty();
    assertThat(atStart.behindPace()).isFalse();
    assertThatThrownBy(() -> GoalProgress.elapsedShare(Q2, Q1, MID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period end 2025-01-01T00:00:00Z must be after its start 2025-04-01T00:00:00Z");
  }

  @Test
  void targetsByMetricGroupAndPeriod() {
    Goals goals =
        Goals.builder()
            .target("revenue", R07, Q1, 100_000)
            .target("revenue", GroupKey.overall(), Q1, 1_200_000)
            .build();
    assertThat(goals.size()).isEqualTo(2);
    assertThat(goals.target("revenue", R07, Q1).getAsDouble()).isEqualTo(100_000);
    assertThat(goals.target("revenue", R07, Q2)).isEmpty();
    assertThat(goals.target("deals_won", R07, Q1)).isEmpty();
    assertThat(goals.progress("revenue", R07, Q1, Q2, MID, 30_000).orElseThrow().attainment())
        .isEqualTo(0.3);
    assertThat(goals.progress("revenue", R07, Q2, Q2.plusSeconds(1), MID, 1)).isEmpty();
    assertThat(Goals.empty().size()).isZero();
    assertThatThrownBy(() -> Goals.builder().target("revenue", R07, Q1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must be finite and > 0 for revenue rep=R07 2025-01-01T00:00:00Z: 0.0");
  }

  private static Evaluation quarter(Instant at, long dollars, Goals goals) {
    return Evaluation.builder(at, Q1, Q2)
        .label("2025-Q1")
        .value("revenue", R07, Amount.of(Money.ofMinor(dollars * 100, "USD"), 7))
        .goals(goals)
        .build();
  }

  @Test
  void behindPaceAsARuleCondition() {
    Goals goals = Goals.builder().target("revenue", R07, Q1, 100_000).build();
    Rule rule =
        Rule.builder("quota-pace")
            .metric("revenue", "Revenue", MetricUnit.MONEY)
            .per("rep")
            .behindPace()
            .build();
    List<AlertEvent> events =
        Replay.run(
            List.of(rule),
            List.of(
                quarter(Q1, 0, goals), // no time elapsed: undefined, kept
                quarter(MID, 30_000, goals), // 60% of pace
                quarter(Instant.parse("2025-03-01T00:00:00Z"), 70_000, goals))); // ahead
    assertThat(Series.compact(events))
        .containsExactly("2025-Q1 INACTIVE>FIRING warning", "2025-Q1 FIRING>RESOLVED warning");
    assertThat(events.get(0).value().getAsDouble()).isEqualTo(0.6);
    assertThat(events.get(0).threshold().getAsDouble()).isEqualTo(1.0);
    assertThat(events.get(0).sentence())
        .isEqualTo(
            "Revenue for rep R07 was 30000.00 USD, on pace for 60.0% of the goal 100000.00 with"
                + " 50.0% of the period elapsed, below 100%, for 1 quarter since 2025-01-01");
  }

  @Test
  void againstGoalComparesAttainment() {
    Goals goals = Goals.builder().target("revenue", R07, Q1, 100_000).build();
    Rule rule =
        Rule.builder("quota")
            .metric("revenue", "Revenue", MetricUnit.MONEY)
            .per("rep")
            .againstGoal()
            .below()
            .warning(0.8)
            .critical(0.5)
            .whenUndefined(UndefinedPolicy.ALERT)
            .build();
    List<AlertEvent> events =
        Replay.run(
            List.of(rule),
            List.of(
                quarter(Q2, 64_000, goals),
                quarter(Q2.plusSeconds(1), 40_000, goals),
                quarter(Q2.plusSeconds(2), 90_000, Goals.empty())));
    assertThat(Series.compact(events))
        .containsExactly(
            "2025-Q1 INACTIVE>FIRING warning", "2025-Q1 FIRING>FIRING critical");
    assertThat(events.get(0).sentence())
        .isEqualTo(
            "Revenue for rep R07 was 64000.00 USD, 64.0% of the goal 100000.00, below 80%, for 1"
                + " quarter since 2025-01-01");
    // Two evaluations inside one quarter count evaluations, not quarters.
    assertThat(events.get(1).sentence())
        .isEqualTo(
            "Revenue for rep R07 was 40000.00 USD, 40.0% of the goal 100000.00, below 50%, for 2"
                + " consecutive evaluations since 2025-01-01; now critical");
  }
}
