package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The column store's appenders and the columnar engine, by example. */
class ColumnStoreTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant MARCH_10 = Instant.parse("2024-03-10T12:00:00Z");
  private static final GroupKey R1 = GroupKey.of("rep", "R1");
  private static final Period MARCH =
      Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC);

  private static Deal won(String id, String rep, long minor, Instant closed) {
    return Deal.builder(id, rep, Money.ofMinor(minor, USD), closed.minusSeconds(86_400))
        .won(closed)
        .build();
  }

  @Test
  void rowsAppendedFieldByFieldGiveTheTableOfTheirRecords() {
    ColumnStore.Builder b = ColumnStore.builder();
    DealAppender deals = b.deals();
    deals.id("D1").rep("R1").amount(1000, USD).createdAt(MARCH_10.minusSeconds(60))
        .status(DealStatus.WON).closedAt(MARCH_10).endRow();
    deals.id("D2").rep("R1").createdAt(MARCH_10.minusSeconds(60))
        .status(DealStatus.LOST).closedAt(MARCH_10).product("  ").endRow();
    deals.id("D3").rep("R2").amount(500, USD).createdAt(MARCH_10).endRow();
    ColumnStore store = b.build();
    assertThat(store.deals()).isEqualTo(3);
    List<SalesRecord> records = store.records();
    assertThat(((Deal) records.get(1)).product()).isNull(); // blank is absent, as in the record
    assertThat(((Deal) records.get(1)).hasAmount()).isFalse();
    Query q = Query.of(store).groupBy(Dimension.REP, Dimension.PRODUCT).metrics(Metrics.WIN_RATE);
    assertThat(q.run()).isEqualTo(Query.of(new ArrayList<>(records)).groupBy(
        Dimension.REP, Dimension.PRODUCT).metrics(Metrics.WIN_RATE).run());
    assertThat(q.run().get(GroupKey.of("rep", "R1", "product", Dimension.NONE), Metrics.WIN_RATE))
        .contains(Ratio.of(1, 2));
    assertThat(store.toString())
        .isEqualTo(
            "ColumnStore[3 deals, 0 orders, 0 leads, 0 customers, 0 responses, 0 others]");
  }

  @Test
  void aBadRowThrowsWhatItsRecordThrowsAndIsNotAppended() {
    ColumnStore.Builder b = ColumnStore.builder();
    DealAppender deals = b.deals();
    assertThatThrownBy(
            () ->
                deals.id("D9").rep("R1").createdAt(MARCH_10).status(DealStatus.WON)
                    .closedAt(MARCH_10).endRow())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "amount is required when status is won for deal D9 (only an open or lost deal may"
                + " have no amount)");
    assertThatThrownBy(
            () ->
                deals.id("D8").rep("R1").amount(1, USD).createdAt(MARCH_10)
                    .status(DealStatus.LOST).closedAt(MARCH_10.minusSeconds(1)).endRow())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closed_at 2024-03-10T11:59:59Z is before created_at");
    assertThatThrownBy(() -> deals.id("D7").rep(" ").createdAt(MARCH_10).endRow())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rep_id must not be blank");
    deals.id("D1").rep("R1").createdAt(MARCH_10).endRow();
    OrderAppender orders = b.orders();
    assertThatThrownBy(
            () ->
                orders.id("O1").customer("C1").placedAt(MARCH_10).amount(300, USD)
                    .line("widget", 1, 100).endRow())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lines must add up to amount");
    ColumnStore store = b.build();
    assertThat(store.deals()).isEqualTo(1);
    assertThat(store.orders()).isZero();
    assertThatThrownBy(deals::endRow).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void kernelMetricsNeedNoIdsButRecordsDo() {
    ColumnStore.Builder b = ColumnStore.builder();
    DealAppender deals = b.deals();
    deals.rep("R1").amount(1000, USD).createdAt(MARCH_10).status(DealStatus.WON)
        .closedAt(MARCH_10).endRow();
    ColumnStore store = b.build();
    assertThat(
            Query.of(store).groupBy(Dimension.REP).metrics(Metrics.DEALS_WON).run().get(
                R1, Metrics.DEALS_WON))
        .contains(Count.of(1));
    assertThatThrownBy(
            () -> Query.of(store).groupBy(Dimension.REP).metrics(Metrics.SALES_CYCLE).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the deal in row 0 of the column store has no id: a metric that reads deals as"
                + " records needs their ids");
  }

  @Test
  void anOverflowNamesMetricGroupPeriodAndRow() {
    ColumnStore store =
        ColumnStore.of(List.of(won("D1", "R1", Long.MAX_VALUE, MARCH_10), won("D2", "R1", 1, MARCH_10)));
    assertThatThrownBy(
            () ->
                Query.of(store)
                    .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                    .metrics(Metrics.DEALS_WON, Metrics.SALES_VOLUME)
                    .run())
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "long overflow in metric sales_volume, group rep=R1, period 2024-03, at deal D2");
    // without ids the row is named by its number and fields
    ColumnStore.Builder b = ColumnStore.builder();
    DealAppender deals = b.deals();
    deals.rep("R1").amount(Long.MAX_VALUE, USD).createdAt(MARCH_10).status(DealStatus.WON)
        .closedAt(MARCH_10).endRow();
    deals.rep("R1").amount(1, USD).createdAt(MARCH_10).status(DealStatus.WON)
        .closedAt(MARCH_10).endRow();
    assertThatThrownBy(
            () -> Query.of(b.build()).groupBy(Dimension.REP).metrics(Metrics.AVERAGE_DEAL_SIZE).run())
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "long overflow in metric average_deal_size, group rep=R1, at the deal in row 1 (rep"
                + " R1, status won, closed_at 2024-03-10T12:00:00Z, amount 0.01 USD)");
  }

  @Test
  void chunksThatClashWhenAddedUpNameTheStep() {
    List<Deal> deals = new ArrayList<>();
    deals.add(won("D0", "R1", Long.MAX_VALUE, MARCH_10));
    for (int i = 1; i < 100; i++) {
      deals.add(won("D" + i, "R1", i == 99 ? 1 : 0, MARCH_10));
    }
    Query q = Query.of(ColumnStore.of(deals)).groupBy(Dimension.REP).metrics(Metrics.SALES_VOLUME);
    assertThatThrownBy(() -> q.runParallel(ForkJoinPool.commonPool(), 2, 10))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "long overflow in metric sales_volume, group rep=R1, adding up the parts of a"
                + " parallel run");
  }

  @Test
  void aCurrencyClashKeepsBothCurrencies() {
    Deal eur =
        Deal.builder("D3", "R1", Money.of("5.00", "EUR"), MARCH_10.minusSeconds(60))
            .won(MARCH_10)
            .build();
    ColumnStore store = ColumnStore.of(List.of(won("D1", "R1", 100, MARCH_10), eur));
    assertThatThrownBy(
            () -> Query.of(store).groupBy(Dimension.REP).metrics(Metrics.SALES_VOLUME).run())
        .isInstanceOfSatisfying(
            CurrencyMismatchException.class,
            e -> assertThat(e.right()).isEqualTo(Currency.getInstance("EUR")))
        .hasMessage(
            "currency mismatch in metric sales_volume, group rep=R1, at deal D3: USD and EUR"
                + " cannot be combined without a currency converter");
  }

  @Test
  void instantsFarApartMakeTheCellsGrowAndTheEndOfTimeIsNamed() {
    List<Deal> deals =
        List.of(
            won("D1", "R1", 100, MARCH_10),
            won("D2", "R2", 200, Instant.parse("9999-03-10T00:00:00Z")));
    Plan plan =
        Query.of(deals)
            .groupBy(Dimension.REP, Dimension.period(Granularity.DAY, ZoneOffset.UTC))
            .metrics(Metrics.SALES_VOLUME)
            .plan();
    ColumnarEngine far = new ColumnarEngine(plan, ColumnStore.of(deals));
    assertThat(far.isDense()).isFalse();
    assertThat(far.run(null, 1))
        .isEqualTo(
            Query.of(deals)
                .groupBy(Dimension.REP, Dimension.period(Granularity.DAY, ZoneOffset.UTC))
                .metrics(Metrics.SALES_VOLUME)
                .run());
    ColumnarEngine near =
        new ColumnarEngine(plan, ColumnStore.of(List.of(won("D1", "R1", 100, MARCH_10))));
    assertThat(near.isDense()).isTrue();
    Deal end =
        Deal.builder("D7", "R1", Money.of("1.00", "USD"), Instant.MAX.minusSeconds(10))
            .won(Instant.MAX)
            .build();
    assertThatThrownBy(
            () ->
                Query.of(ColumnStore.of(List.of(won("D1", "R1", 1, MARCH_10), end)))
                    .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                    .metrics(Metrics.WIN_RATE)
                    .run())
        .isInstanceOf(DateTimeException.class)
        .hasMessageStartingWith(
            "closed_at +1000000000-12-31T23:59:59.999999999Z of deal D7 cannot be placed in a"
                + " period of period(month, Z)");
  }

  @Test
  void ordersOfSeveralProductsAreSplitAndQuotasRunBesideTheColumns() {
    Order two =
        Order.builder("O1", "C1", MARCH_10, Money.of("30.00", "USD"))
            .repId("R1")
            .line("widget", 2, Money.of("20.00", "USD"))
            .line("gadget", 1, Money.of("10.00", "USD"))
            .build();
    Order one =
        Order.builder("O2", "C1", MARCH_10, Money.of("5.00", "USD"))
            .line("widget", 1, Money.of("5.00", "USD"))
            .build();
    Quota quota = new Quota("R1", MARCH, Money.of("100.00", "USD"));
    List<SalesRecord> records =
        List.of(two, one, quota, won("D1", "R1", 5000, MARCH_10), won("D2", "R2", 700, MARCH_10));
    ColumnStore store = ColumnStore.of(records);
    assertThat(store.others()).containsExactly(quota);
    List<Metric<?, ?>> metrics =
        List.of(Metrics.REVENUE, Metrics.UNITS_SOLD, Metrics.ORDERS, Metrics.PRODUCT_REVENUE_SHARE);
    assertThat(Query.of(store).groupBy(Dimension.PRODUCT).metrics(metrics).run())
        .isEqualTo(Query.of(records).groupBy(Dimension.PRODUCT).metrics(metrics).run());
    Query attainment =
        Query.of(store)
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .periods(List.of(MARCH))
            .metrics(Metrics.QUOTA_ATTAINMENT, Metrics.SALES_VOLUME);
    assertThat(attainment.run())
        .isEqualTo(
            Query.of(records)
                .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                .periods(List.of(MARCH))
                .metrics(Metrics.QUOTA_ATTAINMENT, Metrics.SALES_VOLUME)
                .run());
    assertThat(attainment.run().get(R1, MARCH, Metrics.QUOTA_ATTAINMENT))
        .contains(Ratio.ofMoney(5000, 10_000, Currency.getInstance("USD")));
  }

  @Test
  void filtersAndCustomDimensionsReadTheRecords() {
    List<Deal> deals = List.of(won("D1", "R1", 100, MARCH_10), won("D2", "R2", 2_000_000, MARCH_10));
    Dimension size =
        Dimension.of("size", r -> ((Deal) r).amount().minorUnits() >= 1_000_000 ? "large" : "small");
    ColumnStore store = ColumnStore.of(deals);
    assertThat(Query.of(store).groupBy(size).metrics(Metrics.AVERAGE_DEAL_SIZE).run())
        .isEqualTo(Query.of(deals).groupBy(size).metrics(Metrics.AVERAGE_DEAL_SIZE).run());
    MoneyStats large =
        Query.of(store)
            .filter(Deal.class, d -> d.amount().minorUnits() >= 1_000_000)
            .metrics(Metrics.AVERAGE_DEAL_SIZE)
            .run()
            .get(GroupKey.overall(), Metrics.AVERAGE_DEAL_SIZE)
            .orElseThrow();
    assertThat(large.count()).isEqualTo(1);
    // a store is an iterable of records: Query.of over it as records still runs on columns
    Iterable<SalesRecord> asRecords = store;
    assertThat(Query.of(asRecords).metrics(Metrics.DEALS_WON).run())
        .isEqualTo(Query.of(deals).metrics(Metrics.DEALS_WON).run());
    assertThat(ImmutableList.copyOf(store)).containsExactlyElementsOf(deals);
  }
}
