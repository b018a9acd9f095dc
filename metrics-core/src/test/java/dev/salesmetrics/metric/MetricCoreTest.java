package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric framework, exercised with a custom metric written as a user would write it. */
class MetricCoreTest {
  private static final Instant JAN_10 = Instant.parse("2024-01-10T00:00:00Z");
  private static final Instant FEB_01 = Instant.parse("2024-02-01T00:00:00Z");
  private static final Instant FEB_15 = Instant.parse("2024-02-15T00:00:00Z");
  private static final Period FEBRUARY = Period.of(LocalDate.of(2024, 2, 1), Granularity.MONTH,
      ZoneOffset.UTC);

  /** Won deals of at least 100.00: count over closed. */
  private static final Metric<Deal, Ratio> BIG_WIN_SHARE =
      Metric.builder("big_win_share", Deal.class)
          .description("won deals of at least 100.00 over closed deals in the period")
          .unit(MetricUnit.RATIO)
          .placedAt("closed_at", Deal::closedAt)
          .accumulate(
              window -> new long[2],
              (counts, deal, window) -> {
                if (deal.closedAt() != null && window.contains(deal.closedAt())) {
                  counts[1]++;
                  if (deal.status() == DealStatus.WON && deal.amount().minorUnits() >= 10_000) {
                    counts[0]++;
                  }
                }
              },
              (counts, other) -> {
                counts[0] += other[0];
                counts[1] += other[1];
              },
              counts -> Ratio.of(counts[0], counts[1]));

  private static Deal won(String id, String amount, Instant closed) {
    return Deal.builder(id, "R1", Money.of(amount, "USD"), JAN_10).won(closed).build();
  }

  private static Deal lost(String id, Instant closed) {
    return Deal.builder(id, "R1", Money.of("50", "USD"), JAN_10).lost(closed).build();
  }

  private final List<Deal> deals =
      List.of(
          won("D1", "150.00", FEB_01), // in February, exactly at its start
          won("D2", "99.99", FEB_15), // too small
          lost("D3", FEB_15),
          won("D4", "500.00", JAN_10), // January
          Deal.builder("D5", "R1", Money.of("10", "USD"), JAN_10).build()); // open

  @Test
  void customMetricComputesOverAWindow() {
    MetricResult<Ratio> feb = BIG_WIN_SHARE.compute(deals, Window.of(FEBRUARY));
    assertThat(feb.metricId()).isEqualTo("big_win_share");
    assertThat(feb.value()).isEqualTo(Ratio.of(1, 3));
    assertThat(feb).hasToString("big_win_share: 33.3% (1/3)");
    assertThat(BIG_WIN_SHARE.compute(deals).value()).isEqualTo(Ratio.of(2, 4));
    assertThat(BIG_WIN_SHARE.compute(List.of(), Window.of(FEBRUARY)).value().value()).isEmpty();
  }

  @Test
  void asOfSeesDealsAsTheyWereKnown() {
    // As of Feb 10 the deals closed on Feb 15 were still open: only D1 is closed in February.
    Window feb10 = Window.of(FEBRUARY).asOf(Instant.parse("2024-02-10T00:00:00Z"));
    assertThat(BIG_WIN_SHARE.compute(deals, feb10).value()).isEqualTo(Ratio.of(1, 1));
    // As of a time after every event, the plain result.
    Window late = Window.of(FEBRUARY).asOf(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(BIG_WIN_SHARE.compute(deals, late).value())
        .isEqualTo(BIG_WIN_SHARE.compute(deals, Window.of(FEBRUARY)).value());
    // Before any deal existed, nothing is known.
    Window early = Window.all().asOf(Instant.parse("2023-01-01T00:00:00Z"));
    assertThat(BIG_WIN_SHARE.compute(deals, early).value()).isEqualTo(Ratio.empty());
  }

  @Test
  void collectorAndMergeGiveTheWholeResult() {
    MetricResult<Ratio> collected =
        deals.parallelStream().collect(BIG_WIN_SHARE.collector(Window.of(FEBRUARY)));
    assertThat(collected.value()).isEqualTo(Ratio.of(1, 3));

    MetricAccumulator<Deal, Ratio> left = BIG_WIN_SHARE.accumulator(Window.of(FEBRUARY));
    MetricAccumulator<Deal, Ratio> right = BIG_WIN_SHARE.accumulator(Window.of(FEBRUARY));
    deals.subList(0, 2).forEach(left::add);
    deals.subList(2, deals.size()).forEach(right::add);
    left.merge(right);
    assertThat(left.result()).isEqualTo(Ratio.of(1, 3));
    assertThat(right.result()).isEqualTo(Ratio.of(0, 1)); // other is not changed
  }

  @Test
  void mergeRefusesAnotherWindowOrMetric() {
    MetricAccumulator<Deal, Ratio> feb = BIG_WIN_SHARE.accumulator(Window.of(FEBRUARY));
    assertThatThrownBy(() -> feb.merge(BIG_WIN_SHARE.accumulator(Window.all())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over different windows");
    Metric<Deal, Ratio> twin =
        Metric.builder("twin", Deal.class)
            .placedAt("closed_at", Deal::closedAt)
            .accumulate(w -> new long[1], (s, d, w) -> s[0]++, (s, o) -> s[0] += o[0],
                s -> Ratio.of(s[0], s[0]));
    assertThatThrownBy(() -> feb.merge(twin.accumulator(Window.of(FEBRUARY))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge an accumulator of twin into big_win_share");
  }

  @Test
  void metricsThatNeedAPeriodRefuseAllTime() {
    Metric<Deal, Ratio> needy =
        Metric.builder("needy", Deal.class)
            .spanning("open at the period start")
            .needsPeriod()
            .accumulate(w -> new long[1], (s, d, w) -> s[0]++, (s, o) -> s[0] += o[0],
                s -> Ratio.of(s[0], s[0]));
    assertThatThrownBy(() -> needy.compute(deals))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("needy needs a period: compute it over Window.of(period), not all time");
    assertThat(needy.compute(deals, Window.of(FEBRUARY)).value()).isEqualTo(Ratio.of(5, 5));
    assertThat(needy.placement().isSpanning()).isTrue();
  }

  @Test
  void builderChecksIdsAndPlacement() {
    assertThatThrownBy(() -> Metric.builder("Win Rate", Deal.class))
        .hasMessage(
            "metric id must be lowercase snake_case with optional dotted variant: \"Win Rate\"");
    assertThat(Metric.builder("win_rate.all_created", Deal.class)).isNotNull();
    assertThatThrownBy(
            () -> Metric.builder("x", Deal.class)
                .accumulate(w -> new long[1], (s, d, w) -> {}, (s, o) -> {}, s -> Count.of(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("metric x needs a placement: call placedAt(...) or spanning(...)");
  }

  @Test
  void registryFindsMetricsAndRejectsDuplicates() {
    MetricRegistry registry = MetricRegistry.of(ImmutableList.of(BIG_WIN_SHARE));
    assertThat(registry.byId("big_win_share")).isSameAs(BIG_WIN_SHARE);
    assertThat(registry.find("nope")).isEmpty();
    assertThatThrownBy(() -> registry.byId("big_wins"))
        .hasMessage("unknown metric id: \"big_wins\" (did you mean: big_win_share)");
    assertThatThrownBy(() -> registry.with(BIG_WIN_SHARE))
        .hasMessage("metric id is registered twice: big_win_share");
    assertThat(Metrics.registry().with(BIG_WIN_SHARE).find("big_win_share")).isPresent();
  }
}
