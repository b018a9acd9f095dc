package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SalesRecord;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Errors while aggregating name the metric, the group (and period) and the record, on every path,
 * and keep their type so that callers can still catch them.
 */
class ErrorContextTest {
  private static final Instant MARCH_10 = Instant.parse("2024-03-10T12:00:00Z");
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");

  private static Deal won(String id, String rep, Money amount, Instant closed) {
    return Deal.builder(id, rep, amount, closed.minusSeconds(86_400)).won(closed).build();
  }

  private static final Deal HUGE = won("D1", "R1", Money.ofMinor(Long.MAX_VALUE, "USD"), MARCH_10);
  private static final Deal ONE = won("D2", "R1", Money.ofMinor(1, "USD"), MARCH_10);
  private static final Deal EURO = won("D3", "R1", Money.of("5.00", "EUR"), MARCH_10);

  @Test
  void anOverflowInQueryRunNamesMetricGroupPeriodAndDeal() {
    assertThatThrownBy(
            () ->
                Query.of(List.of(HUGE, ONE))
                    .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                    .metrics(Metrics.DEALS_WON, Metrics.SALES_VOLUME)
                    .run())
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "long overflow in metric sales_volume, group rep=R1, period 2024-03, at deal D2")
        .hasCauseInstanceOf(ArithmeticException.class);
  }

  @Test
  void aCurrencyMismatchInQueryRunNamesMetricGroupAndDealAndKeepsTheCurrencies() {
    assertThatThrownBy(
            () -> Query.of(List.of(ONE, EURO)).groupBy(Dimension.REP).metrics(Metrics.SALES_VOLUME).run())
        .isInstanceOfSatisfying(
            CurrencyMismatchException.class,
            e -> {
              assertThat(e.left()).isEqualTo(USD);
              assertThat(e.right()).isEqualTo(EUR);
            })
        .hasMessage(
            "currency mismatch in metric sales_volume, group rep=R1, at deal D3: USD and EUR"
                + " cannot be combined without a currency converter");
  }

  @Test
  void anOverflowWhenMergingParallelChunksNamesMetricAndGroup() {
    // one deal per chunk: each chunk is fine, their sum overflows
    Query q =
        Query.of(List.of(HUGE, ONE))
            .groupBy(Dimension.REP)
            .metrics(Metrics.SALES_VOLUME);
    assertThatThrownBy(() -> q.runParallel(ForkJoinPool.commonPool(), 2, 1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("metric sales_volume, group rep=R1")
        .hasMessageContaining("parallel");
    assertThatThrownBy(() -> q.runParallel(ForkJoinPool.commonPool()))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("long overflow in metric sales_volume, group rep=R1, at deal D2");
  }

  @Test
  void aFailingResultNamesMetricAndGroup() {
    Campaign ca =
        new Campaign(
            "CA", "Spring", null, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31),
            Money.of("1000.00", "USD"));
    Lead lead = Lead.builder("L1", MARCH_10.minusSeconds(86_400 * 5)).campaignId("CA").build();
    Deal euro =
        Deal.builder("D9", "R1", Money.of("3000.00", "EUR"), MARCH_10.minusSeconds(86_400))
            .leadId("L1")
            .won(MARCH_10)
            .build();
    List<SalesRecord> records = List.of(ca, lead, euro);
    assertThatThrownBy(() -> Query.of(records).metrics(Metrics.CAMPAIGN_ROI).run())
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageStartingWith("currency mismatch in metric campaign_roi, computing the result: ");
  }

  @Test
  void anInstantAtTheEndOfTimeGroupedByPeriodNamesTheDealAndItsField() {
    Deal end =
        Deal.builder("D7", "R1", Money.of("1.00", "USD"), Instant.MAX.minusSeconds(10))
            .won(Instant.MAX)
            .build();
    assertThatThrownBy(
            () ->
                Query.of(List.of(end))
                    .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                    .metrics(Metrics.WIN_RATE)
                    .run())
        .isInstanceOf(DateTimeException.class)
        .hasMessageStartingWith(
            "closed_at +1000000000-12-31T23:59:59.999999999Z of deal D7 cannot be placed in a"
                + " period of period(month, Z)");
    Deal start =
        Deal.builder("D8", "R1", Money.of("1.00", "USD"), Instant.MIN).won(MARCH_10).build();
    assertThatThrownBy(
            () ->
                Query.of(List.of(start))
                    .groupBy(Dimension.month(ZoneOffset.UTC))
                    .metrics(Metrics.WIN_RATE, Metrics.WIN_RATE_ALL_CREATED)
                    .run())
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("created_at -1000000000-01-01T00:00:00Z of deal D8");
  }

  @Test
  void theColumnarEngineNamesMetricGroupPeriodAndRecordAsQueryOverRecordsDoes() {
    Deal end =
        Deal.builder("D7", "R1", Money.of("1.00", "USD"), Instant.MAX.minusSeconds(10))
            .won(Instant.MAX)
            .build();
    ColumnStore columns = ColumnStore.of(List.of(HUGE, ONE));
    assertThatThrownBy(
            () ->
                Query.of(columns)
                    .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                    .metrics(Metrics.DEALS_WON, Metrics.SALES_VOLUME)
                    .run())
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "long overflow in metric sales_volume, group rep=R1, period 2024-03, at deal D2");
    // one deal per chunk: each chunk is fine, their merge overflows
    assertThatThrownBy(
            () ->
                Query.of(columns)
                    .groupBy(Dimension.REP)
                    .metrics(Metrics.AVERAGE_DEAL_SIZE)
                    .runParallel(ForkJoinPool.commonPool(), 2, 1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("metric average_deal_size, group rep=R1")
        .hasMessageContaining("parallel");
    assertThatThrownBy(
            () ->
                Query.of(ColumnStore.of(List.of(ONE, EURO)))
                    .groupBy(Dimension.REP)
                    .metrics(Metrics.SALES_VOLUME)
                    .run())
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage(
            "currency mismatch in metric sales_volume, group rep=R1, at deal D3: USD and EUR"
                + " cannot be combined without a currency converter");
    assertThatThrownBy(
            () ->
                Query.of(ColumnStore.of(List.of(ONE, end)))
                    .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                    .metrics(Metrics.WIN_RATE)
                    .run())
        .isInstanceOf(DateTimeException.class)
        .hasMessageStartingWith(
            "closed_at +1000000000-12-31T23:59:59.999999999Z of deal D7 cannot be placed in a"
                + " period of period(month, Z)");
  }

  @Test
  void theColumnarEngineSumsNoAmountItIsNotAskedFor() {
    // win rate alone reads no amount, so Query never overflows on it, over records or columns
    ColumnStore deals = ColumnStore.of(List.of(HUGE, ONE));
    for (Dimension[] dims :
        List.of(
            new Dimension[] {Dimension.REP, Dimension.month(ZoneOffset.UTC)},
            new Dimension[] {Dimension.REP})) {
      assertThat(Query.of(deals).groupBy(dims).metrics(Metrics.WIN_RATE).run())
          .isEqualTo(Query.of(List.of(HUGE, ONE)).groupBy(dims).metrics(Metrics.WIN_RATE).run());
    }
    List<Order> orders =
        List.of(
            Order.builder("O1", "C1", MARCH_10, Money.ofMinor(Long.MAX_VALUE, "USD")).build(),
            Order.builder("O2", "C1", MARCH_10, Money.ofMinor(1, "USD")).build());
    assertThat(
            Query.of(ColumnStore.of(orders))
                .groupBy(Dimension.CUSTOMER)
                .metrics(Metrics.ORDERS)
                .run())
        .isEqualTo(Query.of(orders).groupBy(Dimension.CUSTOMER).metrics(Metrics.ORDERS).run());
    assertThatThrownBy(
            () ->
                Query.of(ColumnStore.of(orders))
                    .groupBy(Dimension.CUSTOMER)
                    .metrics(Metrics.ORDERS, Metrics.REVENUE)
                    .run())
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("long overflow in metric revenue, group customer=C1, at order O2");
  }

  @Test
  void periodsAgesApartAreMadeOnlyForTheRowsThatFallInThem() {
    // 12 billion months between the two deals: only the two months with a deal are made
    Deal far =
        Deal.builder(
                "D7", "R1", Money.of("1.00", "USD"), Instant.parse("+999999999-01-01T00:00:00Z"))
            .won(Instant.parse("+999999999-01-02T00:00:00Z"))
            .build();
    List<Deal> deals = List.of(ONE, far);
    MetricTable columns =
        Query.of(ColumnStore.of(deals))
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE)
            .run();
    assertThat(columns.periods()).hasSize(2);
    assertThat(columns)
        .isEqualTo(
            Query.of(deals)
                .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                .metrics(Metrics.WIN_RATE)
                .run());
  }

  @Test
  void theLiveGenericPathNamesMetricGroupAndDeal() {
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.DEALS_WON, Metrics.SALES_VOLUME)
            .build();
    live.record(HUGE);
    assertThatThrownBy(() -> live.record(ONE))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "long overflow in metric sales_volume, group rep=R1, period 2024-03, at deal D2");
    assertThatThrownBy(() -> live.record(EURO))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageStartingWith(
            "currency mismatch in metric sales_volume, group rep=R1, period 2024-03, at deal"
                + " D3: ");
  }

  @Test
  void theLiveKernelCellsNameMetricGroupAndDeal() throws Exception {
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE)
            .build();
    assertThat(live.isCounterPath()).isTrue();
    live.record(HUGE);
    assertThatThrownBy(() -> live.record(ONE))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "long overflow in metric average_deal_size, group rep=R1, period 2024-03, at deal D2");
    assertThatThrownBy(() -> live.record(EURO))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageStartingWith(
            "currency mismatch in metric average_deal_size, group rep=R1, period 2024-03, at deal"
                + " D3: ");
    // another writer thread accepts one cent in its own cell; adding up the writers overflows
    CompletableFuture.runAsync(() -> live.record(ONE), ForkJoinPool.commonPool()).get();
    assertThatThrownBy(live::snapshot)
        .isInstanceOf(ArithmeticException.class)
        .hasMessage(
            "long overflow in metric average_deal_size, group rep=R1, period 2024-03, adding up"
                + " the writers of a live view");
  }

  @Test
  void theLiveViewsNameTheDealAtTheEndOfTime() {
    Deal end =
        Deal.builder("D7", "R1", Money.of("1.00", "USD"), Instant.MAX.minusSeconds(10))
            .won(Instant.MAX)
            .build();
    List<LiveView> views = new ArrayList<>();
    views.add(
        LiveView.builder()
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.SALES_CYCLE)
            .build());
    views.add(
        LiveView.builder()
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE)
            .build());
    for (LiveView live : views) {
      assertThatThrownBy(() -> live.record(end))
          .as(live.toString())
          .isInstanceOf(DateTimeException.class)
          .hasMessageStartingWith(
              "closed_at +1000000000-12-31T23:59:59.999999999Z of deal D7 cannot be placed in a"
                  + " period of period(month, Z)");
      assertThat(live.snapshot().rows()).isEmpty();
    }
  }
}
