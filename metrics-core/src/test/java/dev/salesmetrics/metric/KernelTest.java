package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of a kernel: slots and their merge, window bounds, currency codes, the builder. */
class KernelTest {
  private static final int USD = CurrencyCodes.code(Currency.getInstance("USD"));
  private static final int EUR = CurrencyCodes.code(Currency.getInstance("EUR"));

  private static final Kernel<DealRow, Ratio> WON_OF_CLOSED =
      Kernel.of(
          DealRow.class,
          List.of(SlotKind.SUM, SlotKind.SUM),
          (deal, s, window) -> {
            s.countIf(0, deal.won());
            s.countIf(1, deal.closed());
          },
          s -> Ratio.of(s.get(0), s.get(1)));

  @Test
  void slotsStartAtTheirKindsIdentity() {
    Kernel<DealRow, Ratio> k =
        Kernel.of(
            DealRow.class,
            List.of(SlotKind.SUM, SlotKind.MIN, SlotKind.MAX, SlotKind.CURRENCY),
            (deal, s, window) -> {},
            s -> Ratio.empty());
    long[] cell = {7, 7, 7, 7, 7, 7};
    k.initialize(cell, 1);
    assertThat(cell).containsExactly(7, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0, 7);
    assertThat(k.size()).isEqualTo(4);
    assertThat(k.toString()).isEqualTo("Kernel[DealRow, SUM, MIN, MAX, CURRENCY]");
  }

  @Test
  void conditionalUpdatesChangeOnlyWhenTheConditionHolds() {
    long[] cell = {0, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0};
    Slots s = new Slots().at(cell, 0);
    s.addIf(0, false, 500);
    s.minIf(1, false, -5);
    s.maxIf(2, false, 5);
    s.currencyIf(3, false, EUR);
    s.countIf(4, false);
    assertThat(cell).containsExactly(0, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0);
    s.addIf(0, true, 500);
    s.minIf(1, true, -5);
    s.maxIf(2, true, 5);
    s.currencyIf(3, true, EUR);
    s.countIf(4, true);
    assertThat(cell).containsExactly(500, -5, 5, EUR, 1);
    s.minIf(1, true, Long.MIN_VALUE);
    s.maxIf(2, true, Long.MAX_VALUE);
    assertThat(cell[1]).isEqualTo(Long.MIN_VALUE);
    assertThat(cell[2]).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void sumsOverflowAndCurrenciesClashAsMoneyDoes() {
    long[] cell = {Long.MAX_VALUE, USD};
    Slots s = new Slots().at(cell, 0);
    assertThatThrownBy(() -> s.add(0, 1)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> s.currency(1, EUR))
        .isInstanceOfSatisfying(
            CurrencyMismatchException.class,
            e -> {
              assertThat(e.left()).isEqualTo(Currency.getInstance("USD"));
              assertThat(e.right()).isEqualTo(Currency.getInstance("EUR"));
            });
    s.currency(1, CurrencyCodes.NONE);
    s.currency(1, USD);
    assertThat(cell).containsExactly(Long.MAX_VALUE, USD);
    assertThat(s.currencyOf(1)).contains(Currency.getInstance("USD"));
  }

  @Test
  void mergeIsSlotWiseAndLeavesTheTargetAloneWhenItFails() {
    Kernel<DealRow, Ratio> k =
        Kernel.of(
            DealRow.class,
            List.of(SlotKind.SUM, SlotKind.MIN, SlotKind.MAX, SlotKind.CURRENCY),
            (deal, s, window) -> {},
            s -> Ratio.empty());
    long[] a = {10, 4, 9, USD};
    k.merge(a, 0, new long[] {5, 2, 7, CurrencyCodes.NONE}, 0);
    assertThat(a).containsExactly(15, 2, 9, USD);
    long[] clash = {1, 1, 1, EUR};
    assertThatThrownBy(() -> k.merge(a, 0, clash, 0))
        .isInstanceOf(CurrencyMismatchException.class);
    long[] overflow = {Long.MAX_VALUE, 1, 1, USD};
    assertThatThrownBy(() -> k.merge(a, 0, overflow, 0)).isInstanceOf(ArithmeticException.class);
    assertThat(a).containsExactly(15, 2, 9, USD);
  }

  @Test
  void windowBoundsCompareInstantsToTheNanosecond() {
    Period march = Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC);
    WindowBounds w = WindowBounds.of(Window.of(march));
    Instant start = march.start();
    assertThat(w.compareToStart(start.getEpochSecond(), 0)).isZero();
    assertThat(w.compareToStart(start.getEpochSecond() - 1, 999_999_999)).isNegative();
    assertThat(w.compareToStart(start.getEpochSecond(), 1)).isPositive();
    assertThat(w.contains(march.end().getEpochSecond() - 1, 999_999_999)).isTrue();
    assertThat(w.contains(march.end().getEpochSecond(), 0)).isFalse();
    assertThat(w.previousContains(start.getEpochSecond() - 1, 0)).isTrue();
    assertThat(w.previousContains(start.getEpochSecond(), 0)).isFalse();
    // a custom period may start inside a second
    Period odd =
        Period.ofInstants(
            Instant.parse("2024-03-01T00:00:00.5Z"), Instant.parse("2024-03-02T00:00:00Z"),
            ZoneOffset.UTC);
    WindowBounds b = WindowBounds.of(Window.of(odd));
    long sec = Instant.parse("2024-03-01T00:00:00Z").getEpochSecond();
    assertThat(b.contains(sec, 499_999_999)).isFalse();
    assertThat(b.contains(sec, 500_000_000)).isTrue();
    assertThatThrownBy(() -> b.previousContains(sec, 0)).isInstanceOf(IllegalStateException.class);
    assertThat(WindowBounds.of(Window.all()).contains(Long.MIN_VALUE, 0)).isTrue();
    assertThatThrownBy(() -> WindowBounds.of(Window.all()).compareToStart(0, 0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void currencyCodesRoundTrip() {
    for (Currency c : Currency.getAvailableCurrencies()) {
      assertThat(CurrencyCodes.currency(CurrencyCodes.code(c))).isEqualTo(c);
    }
    assertThat(CurrencyCodes.size()).isEqualTo(Currency.getAvailableCurrencies().size());
    assertThatThrownBy(() -> CurrencyCodes.currency(CurrencyCodes.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKernelMetricsAccumulatorIsDerivedFromItsKernel() {
    Metric<Deal, Ratio> m =
        Metric.builder("won_of_closed", Deal.class)
            .unit(MetricUnit.RATIO)
            .placedAt("closed_at", Deal::createdAt) // replaced by the closed_at accessor
            .kernel(WON_OF_CLOSED);
    Instant created = Instant.parse("2024-02-20T00:00:00Z");
    List<Deal> deals =
        List.of(
            Deal.builder("D1", "R1", Money.of("1.00", "USD"), created)
                .won(Instant.parse("2024-03-05T00:00:00Z"))
                .build(),
            Deal.builder("D2", "R1", null, created)
                .lost(Instant.parse("2024-03-31T23:59:59.999999999Z"))
                .build(),
            Deal.builder("D3", "R1", null, created)
                .lost(Instant.parse("2024-04-01T00:00:00Z"))
                .build(),
            Deal.builder("D4", "R1", null, created).build());
    Period march = Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC);
    assertThat(m.compute(deals, Window.of(march)).value()).isEqualTo(Ratio.of(1, 2));
    assertThat(m.compute(deals).value()).isEqualTo(Ratio.of(1, 3));
    assertThat(m.kernel()).containsSame(WON_OF_CLOSED);
    assertThat(m.placement().instant(deals.get(0)))
        .contains(Instant.parse("2024-03-05T00:00:00Z"));
    assertThat(m.displayName()).isEqualTo("Won of closed");
    assertThat(m.recordKinds()).containsExactly(Deal.class);
  }

  @Test
  void theBuilderRefusesAKernelOfAnotherRecordOrAnUnknownInstant() {
    assertThatThrownBy(
            () ->
                Metric.builder("x", dev.salesmetrics.model.Order.class)
                    .placedAt("placed_at", dev.salesmetrics.model.Order::placedAt)
                    .kernel(WON_OF_CLOSED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric x reads Order but its kernel reads DealRow, the row view of Deal");
    assertThatThrownBy(
            () ->
                Metric.builder("x", Deal.class)
                    .placedAt("won_at", Deal::closedAt)
                    .kernel(WON_OF_CLOSED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "kernel metric x must be placed by an instant of the deal, one of [created_at,"
                + " closed_at]: won_at");
    assertThatThrownBy(
            () -> Kernel.of(Deal.class, List.of(SlotKind.SUM), (d, s, w) -> {}, s -> Ratio.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void catalogueMetricsNameThemselvesAndTheRecordsTheyRead() {
    assertThat(Metrics.ARPU.displayName()).isEqualTo("ARPU");
    assertThat(Metrics.NPS.displayName()).isEqualTo("NPS");
    assertThat(Metrics.CSAT.displayName()).isEqualTo("CSAT");
    assertThat(Metrics.HISTORIC_CLV.displayName()).isEqualTo("Historic CLV");
    assertThat(Metrics.SIMPLE_CLV.displayName()).isEqualTo("Simple CLV");
    assertThat(Metrics.CAMPAIGN_ROI.displayName()).isEqualTo("Campaign ROI");
    assertThat(Metrics.WIN_RATE_ALL_CREATED.displayName()).isEqualTo("Win rate (all created)");
    assertThat(Metrics.STAGE_CONVERSION.recordKinds())
        .containsExactly(Deal.class, dev.salesmetrics.model.StageChange.class);
    assertThat(Metrics.CAMPAIGN_ROI.recordKinds())
        .containsExactly(
            dev.salesmetrics.model.Campaign.class, Deal.class, dev.salesmetrics.model.Lead.class);
    for (Metric<?, ?> m : Metrics.all()) {
      assertThat(m.recordKinds()).as(m.id()).isNotEmpty();
      // a metric of every record names the kinds it reads, so tools know which files to load
      assertThat(m.recordKinds())
          .as(m.id())
          .doesNotContain(dev.salesmetrics.model.SalesRecord.class);
    }
    assertThatThrownBy(
            () -> Metric.builder("x", Deal.class).reads(dev.salesmetrics.model.Order.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "metric x of Deal records cannot read Order: a kind must be a subtype of the record"
                + " type");
  }

  @Test
  void theCatalogueDeclaresAKernelForEveryMetricThatFitsOne() {
    List<String> kernels =
        Metrics.all().stream().filter(m -> m.kernel().isPresent()).map(Metric::id).toList();
    assertThat(kernels)
        .containsExactlyInAnyOrder(
            "deals_won", "sales_volume", "win_rate", "win_rate.all_created", "average_deal_size",
            "pipeline_value", "sales_velocity", "leads_created", "lead_contact_completeness",
            "lead_conversion_rate", "nps", "csat", "units_sold", "revenue", "orders",
            "average_order_value", "revenue_growth", "new_customers", "activation_rate",
            "churn_rate", "churn_rate.with_new", "retention_rate");
    // with a converter the same kernel reads converted amounts, on the accumulator path only
    assertThat(
            Metrics.salesVolume((m, c, at) -> m, Currency.getInstance("USD")).kernel())
        .isEmpty();
  }
}
