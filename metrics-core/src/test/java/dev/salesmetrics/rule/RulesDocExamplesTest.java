package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/RULES.md, run as written there. */
class RulesDocExamplesTest {
  private static final GroupKey R07 = GroupKey.of("rep", "R07");

  @Test
  void winRateBelowTwentyPercentForTwoWeeks() {
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
              .value("win_rate", R07, values.get(i))
              .build());
    }
    List<AlertEvent> events = Replay.run(List.of(lowWinRate), weeks);
    assertThat(Series.compact(events))
        .containsExactly(
            "2025-03-03 INACTIVE>PENDING warning",
            "2025-03-10 PENDING>FIRING warning",
            "2025-03-24 FIRING>FIRING critical",
            "2025-03-31 FIRING>FIRING warning",
            "2025-04-07 FIRING>RESOLVED warning");
    assertThat(events.get(1).sentence())
        .isEqualTo(
            "Win rate for rep R07 was 18.0% (9/50), below 20%, for 2 consecutive weeks since"
                + " 2025-03-03");
  }

  private static Evaluation month(String start, String end, MetricValue revenue) {
    return Evaluation.builder(Instant.parse(end), Instant.parse(start), Instant.parse(end))
        .value("revenue", GroupKey.overall(), revenue)
        .build();
  }

  private static Amount usd(String amount) {
    return Amount.of(Money.of(amount, "USD"), 10);
  }

  @Test
  void revenueDownOnLastMonth() {
    Rule revenueDrop =
        Rule.builder("revenue-drop")
            .metric("revenue", "Revenue", MetricUnit.MONEY)
            .overall()
            .againstPreviousPeriod()
            .below()
            .warning(-0.15)
            .critical(-0.30)
            .whenUndefined(UndefinedPolicy.RESOLVE)
            .build();
    List<AlertEvent> events =
        Replay.run(
            List.of(revenueDrop),
            List.of(
                month("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z", usd("100000.00")),
                month("2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z", usd("80000.00")),
                month("2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z", usd("0.00")),
                month("2025-04-01T00:00:00Z", "2025-05-01T00:00:00Z", usd("5000.00"))));
    assertThat(Series.compact(events))
        .containsExactly(
            "2025-02-01 INACTIVE>FIRING warning",
            "2025-03-01 FIRING>FIRING critical",
            "2025-04-01 FIRING>RESOLVED critical");
    assertThat(events.get(0).sentence())
        .isEqualTo(
            "Revenue overall was 80000.00 USD, -20.0% on the previous period (100000.00), below"
                + " -15%, for 1 month since 2025-02-01");
    assertThat(events.get(2).sentence())
        .isEqualTo("Revenue overall had no value (previous period was 0); resolved");
  }

  @Test
  void behindPaceOnQuota() {
    Instant q1 = Instant.parse("2025-01-01T00:00:00Z");
    Instant q2 = Instant.parse("2025-04-01T00:00:00Z");
    Rule quotaPace =
        Rule.builder("quota-pace")
            .metric("revenue", "Revenue", MetricUnit.MONEY)
            .per("rep")
            .behindPace()
            .critical(0.7)
            .build();
    Goals quotas = Goals.builder().target("revenue", R07, q1, 100_000).build();
    Evaluation midQuarter =
        Evaluation.builder(Instant.parse("2025-02-15T00:00:00Z"), q1, q2)
            .label("2025-Q1")
            .value("revenue", R07, Amount.of(Money.of("30000.00", "USD"), 7))
            .goals(quotas)
            .build();
    List<AlertEvent> events = RuleEngine.of(List.of(quotaPace)).evaluate(midQuarter);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).level()).contains(Severity.CRITICAL);
    assertThat(events.get(0).sentence())
        .isEqualTo(
            "Revenue for rep R07 was 30000.00 USD, on pace for 60.0% of the goal 100000.00 with"
                + " 50.0% of the period elapsed, below 70%, for 1 quarter since 2025-01-01");
  }
}
