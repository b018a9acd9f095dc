package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/** Worked examples of docs/METRICS.md (orders and customers) and the edges. */
class OrderMetricsTest {
  private static final Currency USD = Money.currency("USD");
  private static final Currency EUR = Money.currency("EUR");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Period MARCH =
      Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC);
  private static final Window IN_MARCH = Window.of(MARCH);

  /** A hang guard only: the assertions are on values; correct code returns at once. */
  private static final java.time.Duration HANG = java.time.Duration.ofMinutes(1);

  /** EUR to USD at 1.10, HALF_EVEN per amount; USD unchanged. */
  private static final CurrencyConverter TO_USD =
      (amount, target, at) ->
          amount.currency().equals(target)
              ? amount
              : Money.of(
                  amount
                      .toBigDecimal()
                      .multiply(new BigDecimal("1.10"))
                      .setScale(2, RoundingMode.HALF_EVEN),
                  target);

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static Order order(String customer, String placedAt, String usd) {
    return Order.builder("O", customer, at(placedAt), Money.of(usd, "USD")).build();
  }

  private static Order refunded(String customer, String placedAt, String usd) {
    return Order.builder("O", customer, at(placedAt), Money.of(usd, "USD"))
        .status(OrderStatus.REFUNDED)
        .build();
  }

  private static Customer customer(
      String id, String signedUp, @Nullable String activated, @Nullable String cancelled) {
    return Customer.builder(id, at(signedUp))
        .activatedAt(activated == null ? null : at(activated))
        .cancelledAt(cancelled == null ? null : at(cancelled))
        .build();
  }

  // The worked example of docs/METRICS.md.
  private static final List<Order> ORDERS =
      List.of(
          order("C1", "2024-02-10T12:00:00Z", "50.00"),
          order("C1", "2024-03-01T00:00:00Z", "30.00"),
          order("C1", "2024-03-15T12:00:00Z", "20.00"),
          order("C2", "2024-03-20T12:00:00Z", "40.00"),
          refunded("C3", "2024-03-25T12:00:00Z", "100.00"),
          order("C2", "2024-04-01T00:00:00Z", "10.00"));

  private static final List<Customer> CUSTOMERS =
      List.of(
          customer("C1", "2024-01-05T00:00:00Z", "2024-01-06T00:00:00Z", null),
          customer("C2", "2024-02-10T00:00:00Z", null, "2024-03-10T00:00:00Z"),
          customer("C3", "2024-03-05T00:00:00Z", "2024-03-07T00:00:00Z", "2024-04-01T00:00:00Z"),
          customer("C4", "2024-01-20T00:00:00Z", null, "2024-03-01T00:00:00Z"),
          customer("C5", "2024-03-20T00:00:00Z", null, null));

  private static List<SalesRecord> all() {
    List<SalesRecord> all = new ArrayList<>(ORDERS);
    all.addAll(CUSTOMERS);
    return all;
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  @Test
  void workedExampleOrders() {
    assertThat(Metrics.REVENUE.compute(ORDERS, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("90.00"), 3));
    assertThat(Metrics.ORDERS.compute(ORDERS, IN_MARCH).value()).isEqualTo(Count.of(3));
    assertThat(Metrics.AVERAGE_ORDER_VALUE.compute(ORDERS, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("30.00"), 3));
    Ratio growth = Metrics.REVENUE_GROWTH.compute(ORDERS, IN_MARCH).value();
    assertThat(growth).isEqualTo(Ratio.ofMoney(4000, 5000, USD));
    assertThat(growth.toString()).isEqualTo("80.0% (40.00 / 50.00 USD)");
    assertThat(Metrics.REVENUE_PER_BUYER.compute(ORDERS, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("45.00"), 2));
    assertThat(Metrics.PURCHASE_FREQUENCY.compute(ORDERS, IN_MARCH).value())
        .isEqualTo(Score.of(1.5, 2));
    assertThat(Metrics.REPEAT_PURCHASE_RATE.compute(ORDERS, IN_MARCH).value())
        .isEqualTo(Ratio.of(1, 2));
    MoneyStats clv = Metrics.HISTORIC_CLV.compute(ORDERS, IN_MARCH).value();
    assertThat(clv.toString()).isEqualTo("n=2 sum=140.00 USD mean=70.00 USD");
    assertThat(clv.min()).contains(usd("40.00"));
    assertThat(clv.max()).contains(usd("100.00"));
  }

  @Test
  void workedExampleCustomers() {
    assertThat(Metrics.CHURN_RATE.compute(CUSTOMERS, IN_MARCH).value()).isEqualTo(Ratio.of(1, 2));
    assertThat(Metrics.RETENTION_RATE.compute(CUSTOMERS, IN_MARCH).value())
        .isEqualTo(Ratio.of(1, 2));
    assertThat(Metrics.NEW_CUSTOMERS.compute(CUSTOMERS, IN_MARCH).value()).isEqualTo(Count.of(2));
    assertThat(Metrics.ACTIVATION_RATE.compute(CUSTOMERS, IN_MARCH).value())
        .isEqualTo(Ratio.of(1, 2));
    assertThat(Metrics.CHURN_RATE_WITH_NEW.compute(CUSTOMERS, IN_MARCH).value())
        .isEqualTo(Ratio.of(1, 4));
  }

  @Test
  void workedExampleArpuAndSimpleClv() {
    assertThat(Metrics.ARPU.compute(all(), IN_MARCH).value()).isEqualTo(Amount.of(usd("22.50"), 4));
    assertThat(Metrics.SIMPLE_CLV.compute(all(), IN_MARCH).value())
        .isEqualTo(Amount.of(usd("45.00"), 4));
    assertThat(Metrics.simpleClv(0.4).compute(all(), IN_MARCH).value())
        .isEqualTo(Amount.of(usd("18.00"), 4));
  }

  @Test
  void workedExampleCohortTable() {
    CohortTable table =
        Metrics.COHORT_RETENTION
            .compute(CUSTOMERS, Window.all().asOf(at("2024-05-01T00:00:00Z")))
            .value();
    assertThat(table.rows()).hasSize(3);
    assertThat(table.rows().get(0).cells())
        .containsExactly(Ratio.of(2, 2), Ratio.of(1, 2), Ratio.of(1, 2), Ratio.of(1, 2));
    assertThat(table.rows().get(1).cells())
        .containsExactly(Ratio.of(1, 1), Ratio.of(0, 1), Ratio.of(0, 1));
    assertThat(table.rows().get(2).cells()).containsExactly(Ratio.of(1, 2), Ratio.of(1, 2));
    assertThat(table.sampleSize()).isEqualTo(5);
    assertThat(table.asDouble()).isEmpty();
    assertThat(table.toString())
        .isEqualTo(
            """
            cohort   size           k=0          k=1          k=2          k=3
            2024-01     2  100.0% (2/2)  50.0% (1/2)  50.0% (1/2)  50.0% (1/2)
            2024-02     1  100.0% (1/1)   0.0% (0/1)   0.0% (0/1)
            2024-03     2   50.0% (1/2)  50.0% (1/2)""");
  }

  @Test
  void cohortsWithAPeriodAreTheSignUpsInItFollowedToItsEnd() {
    Period q1 = Period.of(LocalDate.of(2024, 1, 1), Granularity.QUARTER, ZoneOffset.UTC);
    List<Customer> customers = new ArrayList<>(CUSTOMERS);
    customers.add(customer("C6", "2024-04-02T00:00:00Z", null, null)); // after Q1: not a cohort
    CohortTable table = Metrics.COHORT_RETENTION.compute(customers, Window.of(q1)).value();
    assertThat(table.rows())
        .extracting(r -> r.cohort().label())
        .containsExactly("2024-01", "2024-02", "2024-03");
    assertThat(table.rows().get(0).cells())
        .containsExactly(Ratio.of(2, 2), Ratio.of(1, 2), Ratio.of(1, 2));
    assertThat(table.rows().get(1).cells()).containsExactly(Ratio.of(1, 1), Ratio.of(0, 1));
    assertThat(table.rows().get(2).cells()).containsExactly(Ratio.of(1, 2));
  }

  @Test
  void cohortsWithoutPeriodOrAsOfRunToTheLatestEvent() {
    // latest event: C3 cancelled 2024-04-01, so columns end at April 1
    CohortTable table = Metrics.COHORT_RETENTION.compute(CUSTOMERS).value();
    assertThat(table.rows()).extracting(r -> r.cells().size()).containsExactly(3, 2, 1);
  }

  @Test
  void aCancellationAtTheEndOfTimeCostsNoMoreThanTheWindowsPeriods() {
    // used to walk every month up to the cancellation: 0.6 s for 9999-12-31, forever for
    // Instant.MAX; now the walk stops at the window's end (a hang guard only, not a timing)
    Customer forever = customer("C1", "2024-03-05T00:00:00Z", null, null);
    for (Instant far : List.of(Instant.MAX, at("9999-12-31T00:00:00Z"))) {
      Customer late = Customer.builder("C1", at("2024-03-05T00:00:00Z")).cancelledAt(far).build();
      CohortTable table =
          assertTimeoutPreemptively(
              HANG, () -> Metrics.COHORT_RETENTION.compute(List.of(late), IN_MARCH).value());
      assertThat(table)
          .isEqualTo(Metrics.COHORT_RETENTION.compute(List.of(forever), IN_MARCH).value());
      assertThat(table.rows().get(0).cells()).containsExactly(Ratio.of(1, 1));
      Period q1 = Period.of(LocalDate.of(2024, 1, 1), Granularity.QUARTER, ZoneOffset.UTC);
      CohortTable daily =
          assertTimeoutPreemptively(
              HANG,
              () ->
                  Metrics.cohortRetention(Granularity.DAY)
                      .compute(List.of(late), Window.of(q1))
                      .value());
      assertThat(daily.rows().get(0).cells()).hasSize(27).containsOnly(Ratio.of(1, 1));
    }
  }

  @Test
  void aCancellationBeyondEveryPeriodOfAQueryRangeStopsAtTheRange() {
    Customer late =
        Customer.builder("C1", at("2024-01-05T00:00:00Z")).cancelledAt(Instant.MAX).build();
    Customer gone =
        Customer.builder("C2", at("2024-01-06T00:00:00Z"))
            .cancelledAt(at("2024-02-15T00:00:00Z"))
            .build();
    dev.salesmetrics.aggregate.MetricTable t =
        assertTimeoutPreemptively(
            HANG,
            () ->
                dev.salesmetrics.aggregate.Query.of(List.of(late, gone))
                    .groupBy(dev.salesmetrics.aggregate.Dimension.quarter(ZoneOffset.UTC))
                    .metrics(Metrics.COHORT_RETENTION)
                    .periods(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 1))
                    .run());
    Period q1 = Period.of(LocalDate.of(2024, 1, 1), Granularity.QUARTER, ZoneOffset.UTC);
    CohortTable first =
        t.get(dev.salesmetrics.aggregate.GroupKey.overall(), q1, Metrics.COHORT_RETENTION)
            .orElseThrow();
    assertThat(first.rows().get(0).cells())
        .containsExactly(Ratio.of(2, 2), Ratio.of(1, 2), Ratio.of(1, 2));
  }

  @Test
  void withoutAWindowACancellationWithoutAPeriodNamesTheCustomer() {
    Customer late =
        Customer.builder("C1", at("2024-01-05T00:00:00Z")).cancelledAt(Instant.MAX).build();
    assertThatThrownBy(
            () ->
                assertTimeoutPreemptively(
                    HANG, () -> Metrics.COHORT_RETENTION.compute(List.of(late))))
        .isInstanceOf(java.time.DateTimeException.class)
        .hasMessageStartingWith(
            "cancelled_at +1000000000-12-31T23:59:59.999999999Z of customer C1 cannot be placed"
                + " in a month of cohort_retention");
  }

  @Test
  void cohortWhosePeriodHasNotEndedHasNoCells() {
    CohortTable table =
        Metrics.COHORT_RETENTION
            .compute(List.of(customer("C1", "2024-03-05T00:00:00Z", null, null)))
            .value();
    assertThat(table.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.size()).isEqualTo(1);
              assertThat(r.cells()).isEmpty();
            });
  }

  @Test
  void weeklyCohortsInNewYork() {
    Period march = Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, NEW_YORK);
    // Monday 2024-03-04 00:30 in New York is 05:30Z; the cohort is ISO week 10
    List<Customer> customers =
        List.of(customer("C1", "2024-03-04T05:30:00Z", null, "2024-03-18T04:00:00Z"));
    CohortTable table =
        Metrics.cohortRetention(Granularity.WEEK).compute(customers, Window.of(march)).value();
    assertThat(table.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.cohort().label()).isEqualTo("2024-W10");
              // week ends: 03-11 (active), 03-18 00:00 EDT = 04:00Z (cancelled then), 03-25, 04-01
              // (<= end)
              assertThat(r.cells())
                  .containsExactly(Ratio.of(1, 1), Ratio.of(0, 1), Ratio.of(0, 1), Ratio.of(0, 1));
            });
  }

  @Test
  void noRecords() {
    List<Order> none = List.of();
    List<Customer> nobody = List.of();
    assertThat(Metrics.REVENUE.compute(none, IN_MARCH).value()).isEqualTo(Amount.empty());
    assertThat(Metrics.REVENUE.compute(none, IN_MARCH).value().asDouble()).isEmpty();
    assertThat(Metrics.ORDERS.compute(none, IN_MARCH).value()).isEqualTo(Count.of(0));
    assertThat(Metrics.AVERAGE_ORDER_VALUE.compute(none, IN_MARCH).value())
        .isEqualTo(Amount.empty());
    assertThat(Metrics.REVENUE_GROWTH.compute(none, IN_MARCH).value()).isEqualTo(Ratio.empty());
    assertThat(Metrics.REVENUE_PER_BUYER.compute(none, IN_MARCH).value()).isEqualTo(Amount.empty());
    assertThat(Metrics.PURCHASE_FREQUENCY.compute(none, IN_MARCH).value().asDouble()).isEmpty();
    assertThat(Metrics.REPEAT_PURCHASE_RATE.compute(none, IN_MARCH).value())
        .isEqualTo(Ratio.empty());
    assertThat(Metrics.HISTORIC_CLV.compute(none, IN_MARCH).value()).isEqualTo(MoneyStats.empty());
    assertThat(Metrics.ARPU.compute(List.of(), IN_MARCH).value()).isEqualTo(Amount.empty());
    assertThat(Metrics.SIMPLE_CLV.compute(List.of(), IN_MARCH).value().asDouble()).isEmpty();
    assertThat(Metrics.NEW_CUSTOMERS.compute(nobody, IN_MARCH).value()).isEqualTo(Count.of(0));
    assertThat(Metrics.ACTIVATION_RATE.compute(nobody, IN_MARCH).value()).isEqualTo(Ratio.empty());
    assertThat(Metrics.CHURN_RATE.compute(nobody, IN_MARCH).value()).isEqualTo(Ratio.empty());
    assertThat(Metrics.CHURN_RATE_WITH_NEW.compute(nobody, IN_MARCH).value())
        .isEqualTo(Ratio.empty());
    assertThat(Metrics.RETENTION_RATE.compute(nobody, IN_MARCH).value()).isEqualTo(Ratio.empty());
    assertThat(Metrics.COHORT_RETENTION.compute(nobody, IN_MARCH).value())
        .isEqualTo(CohortTable.empty());
    assertThat(CohortTable.empty().toString()).isEqualTo("(no cohorts)");
  }

  @Test
  void oneOrderAndOneCustomer() {
    List<Order> one = List.of(order("C1", "2024-03-05T00:00:00Z", "12.35"));
    assertThat(Metrics.REVENUE.compute(one, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("12.35"), 1));
    assertThat(Metrics.PURCHASE_FREQUENCY.compute(one, IN_MARCH).value()).isEqualTo(Score.of(1, 1));
    assertThat(Metrics.REPEAT_PURCHASE_RATE.compute(one, IN_MARCH).value())
        .isEqualTo(Ratio.of(0, 1));
    assertThat(Metrics.REVENUE_GROWTH.compute(one, IN_MARCH).value())
        .isEqualTo(Ratio.ofMoney(1235, 0, USD));
    List<Customer> c = List.of(customer("C1", "2024-02-01T00:00:00Z", null, null));
    assertThat(Metrics.CHURN_RATE.compute(c, IN_MARCH).value()).isEqualTo(Ratio.of(0, 1));
    assertThat(Metrics.RETENTION_RATE.compute(c, IN_MARCH).value()).isEqualTo(Ratio.of(1, 1));
    List<SalesRecord> both = new ArrayList<>(one);
    both.addAll(c);
    assertThat(Metrics.ARPU.compute(both, IN_MARCH).value()).isEqualTo(Amount.of(usd("12.35"), 1));
    // no churn: simple CLV is undefined, not infinite
    assertThat(Metrics.SIMPLE_CLV.compute(both, IN_MARCH).value()).isEqualTo(Amount.undefined(1));
  }

  @Test
  void averagesRoundHalfEven() {
    List<Order> orders =
        List.of(
            order("C1", "2024-03-05T00:00:00Z", "0.01"),
            order("C2", "2024-03-05T00:00:00Z", "0.00"));
    // 1 / 2 = 0.5 minor units, rounds to 0
    assertThat(Metrics.AVERAGE_ORDER_VALUE.compute(orders, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("0.00"), 2));
    List<Order> three =
        List.of(
            order("C1", "2024-03-05T00:00:00Z", "0.03"),
            order("C2", "2024-03-05T00:00:00Z", "0.00"));
    // 3 / 2 = 1.5 minor units, rounds to 2
    assertThat(Metrics.REVENUE_PER_BUYER.compute(three, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("0.02"), 2));
  }

  @Test
  void zeroAmountsCountAsOrdersAndBuyers() {
    List<Order> zero = List.of(order("C1", "2024-03-05T00:00:00Z", "0.00"));
    assertThat(Metrics.REVENUE.compute(zero, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("0.00"), 1));
    assertThat(Metrics.ORDERS.compute(zero, IN_MARCH).value()).isEqualTo(Count.of(1));
    assertThat(Metrics.REVENUE_PER_BUYER.compute(zero, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("0.00"), 1));
    assertThat(Metrics.HISTORIC_CLV.compute(zero, IN_MARCH).value().sum()).contains(usd("0.00"));
    // zero revenue in February: growth undefined
    List<Order> zeroBefore =
        List.of(
            order("C1", "2024-02-05T00:00:00Z", "0.00"),
            order("C1", "2024-03-05T00:00:00Z", "5.00"));
    assertThat(Metrics.REVENUE_GROWTH.compute(zeroBefore, IN_MARCH).value().value()).isEmpty();
  }

  @Test
  void boundariesExactlyAtStartAndJustBeforeEnd() {
    List<Order> orders =
        List.of(
            order("C1", "2024-02-29T23:59:59.999999999Z", "1.00"),
            order("C1", "2024-03-01T00:00:00Z", "2.00"),
            order("C1", "2024-03-31T23:59:59.999999999Z", "4.00"),
            order("C1", "2024-04-01T00:00:00Z", "8.00"));
    assertThat(Metrics.REVENUE.compute(orders, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("6.00"), 2));
    assertThat(Metrics.REVENUE_GROWTH.compute(orders, IN_MARCH).value())
        .isEqualTo(Ratio.ofMoney(500, 100, USD));
    assertThat(Metrics.HISTORIC_CLV.compute(orders, IN_MARCH).value().sum()).contains(usd("7.00"));
    List<Customer> customers =
        List.of(
            customer("A", "2024-03-01T00:00:00Z", null, null), // active at P.start
            customer("B", "2024-01-01T00:00:00Z", null, "2024-03-31T23:59:59.999999999Z"),
            customer("C", "2024-01-01T00:00:00Z", null, "2024-04-01T00:00:00Z"),
            customer("D", "2024-03-31T23:59:59.999999999Z", null, null));
    assertThat(Metrics.CHURN_RATE.compute(customers, IN_MARCH).value()).isEqualTo(Ratio.of(1, 3));
    // C is cancelled exactly at P.end: neither retained nor lost in P
    assertThat(Metrics.RETENTION_RATE.compute(customers, IN_MARCH).value())
        .isEqualTo(Ratio.of(1, 3));
    assertThat(Metrics.NEW_CUSTOMERS.compute(customers, IN_MARCH).value()).isEqualTo(Count.of(2));
    assertThat(Metrics.CHURN_RATE_WITH_NEW.compute(customers, IN_MARCH).value())
        .isEqualTo(Ratio.of(1, 4));
  }

  @Test
  void arpuCountsCustomersActiveAtAnyInstantOfThePeriod() {
    List<SalesRecord> records =
        List.of(
            order("X", "2024-03-10T00:00:00Z", "100.00"),
            customer("before", "2024-01-01T00:00:00Z", null, "2024-03-01T00:00:00Z"), // no
            customer("lastNano", "2024-01-01T00:00:00Z", null, "2024-03-01T00:00:00.000000001Z"),
            customer("lateSignUp", "2024-03-31T23:59:59.999999999Z", null, null),
            customer("atEnd", "2024-04-01T00:00:00Z", null, null), // no
            customer("never", "2024-03-10T00:00:00Z", null, "2024-03-10T00:00:00Z"), // no
            customer("within", "2024-03-10T00:00:00Z", null, "2024-03-11T00:00:00Z"));
    assertThat(Metrics.ARPU.compute(records, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("33.33"), 3));
    // without a period: every customer ever active
    assertThat(Metrics.ARPU.compute(records).value()).isEqualTo(Amount.of(usd("20.00"), 5));
    // customers but no order: no currency to state zero in, unless converted
    List<SalesRecord> noOrders = records.subList(1, records.size());
    assertThat(Metrics.ARPU.compute(noOrders, IN_MARCH).value()).isEqualTo(Amount.undefined(3));
    assertThat(Metrics.arpu(TO_USD, USD).compute(noOrders, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("0.00"), 3));
  }

  @Test
  void daylightSavingMonthInNewYork() {
    // March 2024 in New York: [03-01T05:00Z, 04-01T04:00Z); clocks go forward on 03-10
    Window march = Window.of(Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, NEW_YORK));
    List<Order> orders =
        List.of(
            order("C1", "2024-03-01T04:59:59Z", "1.00"),
            order("C1", "2024-03-01T05:00:00Z", "2.00"),
            order("C1", "2024-04-01T03:59:59Z", "4.00"),
            order("C1", "2024-04-01T04:00:00Z", "8.00"));
    assertThat(Metrics.REVENUE.compute(orders, march).value()).isEqualTo(Amount.of(usd("6.00"), 2));
    // February in New York is [02-01T05:00Z, 03-01T05:00Z)
    assertThat(Metrics.REVENUE_GROWTH.compute(orders, march).value())
        .isEqualTo(Ratio.ofMoney(500, 100, USD));
    List<Customer> customers =
        List.of(
            customer("A", "2024-03-01T04:59:59Z", null, "2024-04-01T03:59:59Z"),
            customer("B", "2024-03-01T04:59:59Z", null, "2024-04-01T04:00:00Z"));
    assertThat(Metrics.CHURN_RATE.compute(customers, march).value()).isEqualTo(Ratio.of(1, 2));
    assertThat(Metrics.RETENTION_RATE.compute(customers, march).value()).isEqualTo(Ratio.of(0, 2));
  }

  @Test
  void refundedOrdersCountNowhere() {
    List<Order> refunds = List.of(refunded("C1", "2024-03-05T00:00:00Z", "9.00"));
    assertThat(Metrics.ORDERS.compute(refunds, IN_MARCH).value()).isEqualTo(Count.of(0));
    assertThat(Metrics.REVENUE.compute(refunds, IN_MARCH).value()).isEqualTo(Amount.empty());
    assertThat(Metrics.REPEAT_PURCHASE_RATE.compute(refunds, IN_MARCH).value())
        .isEqualTo(Ratio.empty());
    assertThat(Metrics.HISTORIC_CLV.compute(refunds).value()).isEqualTo(MoneyStats.empty());
  }

  @Test
  void asOfUndoesLaterEvents() {
    Window early = IN_MARCH.asOf(at("2024-03-05T00:00:00Z"));
    // C2 cancels on 03-10: not yet known
    assertThat(Metrics.CHURN_RATE.compute(CUSTOMERS, early).value()).isEqualTo(Ratio.of(0, 2));
    // orders after 03-05 have not been placed
    assertThat(Metrics.REVENUE.compute(ORDERS, early).value())
        .isEqualTo(Amount.of(usd("30.00"), 1));
    // the cohort table stops at the as-of instant: no month of 2024 has ended after 03-01
    CohortTable table =
        Metrics.COHORT_RETENTION
            .compute(CUSTOMERS, Window.all().asOf(at("2024-03-05T00:00:00Z")))
            .value();
    assertThat(table.rows()).extracting(r -> r.cells().size()).containsExactly(2, 1, 0);
  }

  @Test
  void mixedCurrenciesNeedAConverter() {
    List<Order> mixed =
        List.of(
            order("C1", "2024-03-05T00:00:00Z", "10.00"),
            Order.builder("O", "C2", at("2024-03-06T00:00:00Z"), Money.of("10.05", "EUR")).build(),
            Order.builder("O", "C2", at("2024-02-06T00:00:00Z"), Money.of("10.00", "EUR")).build());
    assertThatThrownBy(() -> Metrics.REVENUE.compute(mixed, IN_MARCH))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> Metrics.HISTORIC_CLV.compute(mixed))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> Metrics.REVENUE_GROWTH.compute(mixed, IN_MARCH))
        .isInstanceOf(CurrencyMismatchException.class);
    // 10.05 EUR x 1.10 = 11.055 -> 11.06 USD (HALF_EVEN: 6 is even)
    assertThat(Metrics.revenue(TO_USD, USD).compute(mixed, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("21.06"), 2));
    assertThat(Metrics.averageOrderValue(TO_USD, USD).compute(mixed, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("10.53"), 2));
    assertThat(Metrics.revenuePerBuyer(TO_USD, USD).compute(mixed, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("10.53"), 2));
    // 2106 - 1100 over 1100
    assertThat(Metrics.revenueGrowth(TO_USD, USD).compute(mixed, IN_MARCH).value())
        .isEqualTo(Ratio.ofMoney(1006, 1100, USD));
    MoneyStats clv = Metrics.historicClv(TO_USD, USD).compute(mixed).value();
    assertThat(clv.sum()).contains(usd("32.06"));
    assertThat(clv.max()).contains(usd("22.06"));
    List<SalesRecord> withCustomers = new ArrayList<>(mixed);
    withCustomers.add(customer("C1", "2024-01-01T00:00:00Z", null, "2024-03-20T00:00:00Z"));
    withCustomers.add(customer("C2", "2024-01-01T00:00:00Z", null, null));
    assertThat(Metrics.arpu(TO_USD, USD).compute(withCustomers, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("10.53"), 2));
    // arpu 10.53 / churn 1/2 = 21.06
    assertThat(Metrics.simpleClv(1.0, TO_USD, USD).compute(withCustomers, IN_MARCH).value())
        .isEqualTo(Amount.of(usd("21.06"), 2));
    assertThatThrownBy(() -> Metrics.ARPU.compute(withCustomers, IN_MARCH))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void convertedRevenueOfNoOrderIsZeroInTheTarget() {
    assertThat(Metrics.revenue(TO_USD, USD).compute(List.of(), IN_MARCH).value())
        .isEqualTo(Amount.of(usd("0.00"), 0));
    assertThat(Metrics.averageOrderValue(TO_USD, EUR).compute(List.of(), IN_MARCH).value())
        .isEqualTo(Amount.empty());
  }

  @Test
  void aConverterReturningAnotherCurrencyIsRejected() {
    CurrencyConverter wrong = (amount, target, instant) -> amount;
    List<Order> orders = List.of(order("C1", "2024-03-05T00:00:00Z", "1.00"));
    assertThatThrownBy(() -> Metrics.revenue(wrong, EUR).compute(orders, IN_MARCH))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void periodMetricsRefuseAllTime() {
    assertThatThrownBy(() -> Metrics.CHURN_RATE.compute(CUSTOMERS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("churn_rate needs a period");
    assertThatThrownBy(() -> Metrics.RETENTION_RATE.compute(CUSTOMERS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Metrics.CHURN_RATE_WITH_NEW.compute(CUSTOMERS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Metrics.SIMPLE_CLV.compute(all()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Metrics.REVENUE_GROWTH.compute(ORDERS))
        .isInstanceOf(IllegalArgumentException.class);
    Period custom =
        Period.between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 15), ZoneOffset.UTC);
    assertThatThrownBy(() -> Metrics.REVENUE_GROWTH.compute(ORDERS, Window.of(custom)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revenue_growth needs a period of a granularity");
  }

  @Test
  void allTimeWithoutAPeriod() {
    assertThat(Metrics.REVENUE.compute(ORDERS).value()).isEqualTo(Amount.of(usd("150.00"), 5));
    assertThat(Metrics.NEW_CUSTOMERS.compute(CUSTOMERS).value()).isEqualTo(Count.of(5));
    assertThat(Metrics.HISTORIC_CLV.compute(ORDERS).value().sum()).contains(usd("150.00"));
  }

  @Test
  void grossMarginMustBeInZeroToOne() {
    for (double bad : new double[] {0, -0.1, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> Metrics.simpleClv(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("gross margin must be in (0, 1]: ");
    }
    assertThat(Metrics.simpleClv(1.0).id()).isEqualTo("simple_clv");
  }

  @Test
  void cohortRowsValidateTheirCells() {
    assertThatThrownBy(() -> new CohortTable.Row(MARCH, 2, List.of(Ratio.of(1, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cohort size 2");
    assertThatThrownBy(() -> new CohortTable.Row(MARCH, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be >= 0: -1 for cohort 2024-03 [Z]");
  }

  @Test
  void everyIdIsRegisteredInCatalogueOrder() {
    List<String> ids =
        List.of(
            "revenue",
            "orders",
            "average_order_value",
            "revenue_growth",
            "revenue_per_buyer",
            "arpu",
            "purchase_frequency",
            "repeat_purchase_rate",
            "historic_clv",
            "simple_clv",
            "new_customers",
            "activation_rate",
            "churn_rate",
            "churn_rate.with_new",
            "retention_rate",
            "cohort_retention");
    for (String id : ids) {
      assertThat(Metrics.byId(id).id()).isEqualTo(id);
    }
    assertThat(Metrics.byId("cohort_retention").unit()).isEqualTo(MetricUnit.TABLE);
    assertThat(Metrics.byId("churn_rate").placement().isSpanning()).isTrue();
    assertThat(Metrics.byId("revenue").placement().field()).isEqualTo("placed_at");
  }
}
