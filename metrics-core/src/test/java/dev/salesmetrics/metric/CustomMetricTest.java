package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Evaluation;
import dev.salesmetrics.rule.Evaluations;
import dev.salesmetrics.rule.Goals;
import dev.salesmetrics.rule.Replay;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented custom metric of docs/METRICS.md, used everywhere a built-in one is: a registry,
 * a query, a live view and a rule.
 */
class CustomMetricTest {
  /** Mean amount of won deals of at least 10,000.00, placed by close date. */
  static final Metric<Deal, MoneyStats> BIG_DEAL_SIZE =
      Metric.builder("big_deal_size", Deal.class)
          .description("mean amount of won deals of at least 10,000 closed in the period")
          .unit(MetricUnit.MONEY)
          .placedAt("closed_at", Deal::closedAt)
          .accumulate(
              window -> new MoneyStatsAccumulator(),
              (acc, deal, window) -> {
                if (deal.status() == DealStatus.WON
                    && window.contains(deal.closedAt())
                    && deal.amount().minorUnits() >= 1_000_000) {
                  acc.add(deal.amount());
                }
              },
              (acc, other) -> acc.addAll(other.snapshot()),
              MoneyStatsAccumulator::snapshot);

  private static final Instant CREATED = Instant.parse("2025-01-02T00:00:00Z");

  private static Deal won(String id, String rep, String amount, String closed) {
    return Deal.builder(id, rep, Money.of(amount, "USD"), CREATED)
        .won(Instant.parse(closed))
        .build();
  }

  private final List<Deal> deals =
      List.of(
          won("D1", "R1", "12000.00", "2025-01-10T00:00:00Z"),
          won("D2", "R1", "20000.00", "2025-01-20T00:00:00Z"),
          won("D3", "R1", "500.00", "2025-01-21T00:00:00Z"),
          won("D4", "R2", "30000.00", "2025-02-03T00:00:00Z"));

  @Test
  void worksInRegistryQueryLiveViewAndRules() {
    MetricRegistry registry = Metrics.registry().with(BIG_DEAL_SIZE);
    assertThat(registry.byId("big_deal_size")).isSameAs(BIG_DEAL_SIZE);

    MetricTable table =
        Query.of(deals).groupBy(Dimension.REP).metrics(BIG_DEAL_SIZE, Metrics.DEALS_WON).run();
    assertThat(table.get(GroupKey.of("rep", "R1"), BIG_DEAL_SIZE).orElseThrow().mean())
        .contains(Money.of("16000.00", "USD"));

    LiveView live = LiveView.builder().groupBy(Dimension.REP).metrics(BIG_DEAL_SIZE).build();
    deals.forEach(live::record);
    assertThat(live.snapshot().get(GroupKey.of("rep", "R1"), BIG_DEAL_SIZE))
        .isEqualTo(table.get(GroupKey.of("rep", "R1"), BIG_DEAL_SIZE));

    List<Rule> rules =
        RuleFile.parse(
            """
            rule small-big-deals
              metric: big_deal_size
              per: rep
              when: below
              warning: 20000
            """,
            "rules.txt", registry);
    MetricTable monthly =
        Query.of(deals)
            .groupBy(Dimension.REP, Dimension.month(java.time.ZoneOffset.UTC))
            .metrics(BIG_DEAL_SIZE)
            .run();
    List<Evaluation> evaluations = Evaluations.perPeriod(monthly, Goals.empty());
    List<AlertEvent> events = Replay.run(rules, evaluations);
    // R1 fires in January (mean 16,000 < 20,000) and resolves in February, when it has no data.
    assertThat(events).extracting(AlertEvent::to)
        .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
    assertThat(events.get(0).sentence())
        .startsWith("Big deal size for rep R1 was n=2 sum=32000.00 USD mean=16000.00 USD, below");
  }
}
