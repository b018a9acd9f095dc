package dev.salesmetrics.metric;

import static dev.salesmetrics.testing.MoneyRatios.assertMoneyRatio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.testing.OrderGenerators;
import dev.salesmetrics.testing.OrderReference;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the order and customer metrics (QuickTheories, seed from {@code QT_SEED}). */
class OrderMetricsProperties {
  private static final int EXAMPLES = 300;
  private static final Instant AFTER_EVERYTHING = Instant.parse("2030-01-01T00:00:00Z");

  private static final List<Metric<Order, ?>> ORDER_METRICS =
      List.of(
          Metrics.REVENUE,
          Metrics.ORDERS,
          Metrics.AVERAGE_ORDER_VALUE,
          Metrics.REVENUE_GROWTH,
          Metrics.REVENUE_PER_BUYER,
          Metrics.PURCHASE_FREQUENCY,
          Metrics.REPEAT_PURCHASE_RATE,
          Metrics.HISTORIC_CLV);

  private static final List<Metric<Customer, ?>> CUSTOMER_METRICS =
      List.of(
          Metrics.NEW_CUSTOMERS,
          Metrics.ACTIVATION_RATE,
          Metrics.CHURN_RATE,
          Metrics.CHURN_RATE_WITH_NEW,
          Metrics.RETENTION_RATE,
          Metrics.COHORT_RETENTION,
          Metrics.cohortRetention(Granularity.WEEK));

  private static final List<Metric<SalesRecord, ?>> MIXED_METRICS =
      List.of(Metrics.ARPU, Metrics.SIMPLE_CLV, Metrics.simpleClv(0.7));

  /** A window over a month of 2024 in UTC or New York. */
  private static Gen<Window> windows() {
    return OrderGenerators.months().zip(OrderGenerators.zones(), (m, z) -> Window.of(month(m, z)));
  }

  private static Period month(YearMonth m, ZoneId zone) {
    return Period.of(m.atDay(1), Granularity.MONTH, zone);
  }

  private static <T, R extends MetricValue> R whole(
      Metric<T, R> metric, List<? extends T> records, Window window) {
    return metric.compute(records, window).value();
  }

  private static <T, R extends MetricValue> void splitMergeIsWhole(
      Metric<T, R> metric, List<? extends T> records, int cut, Window window) {
    int at = Math.min(cut, records.size());
    MetricAccumulator<T, R> first = metric.accumulator(window);
    MetricAccumulator<T, R> second = metric.accumulator(window);
    records.subList(0, at).forEach(first::add);
    records.subList(at, records.size()).forEach(second::add);
    R secondBefore = second.result();
    first.merge(second);
    assertThat(first.result()).as(metric.id()).isEqualTo(whole(metric, records, window));
    assertThat(second.result()).as(metric.id() + " other unchanged").isEqualTo(secondBefore);
  }

  private static <T, R extends MetricValue> void orderDoesNotMatter(
      Metric<T, R> metric, List<? extends T> records, long seed, Window window) {
    List<T> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(whole(metric, shuffled, window))
        .as(metric.id())
        .isEqualTo(whole(metric, records, window));
  }

  private static <T, R extends MetricValue> void asOfAfterEverythingIsPlain(
      Metric<T, R> metric, List<? extends T> records, Window window) {
    assertThat(whole(metric, records, window.asOf(AFTER_EVERYTHING)))
        .as(metric.id())
        .isEqualTo(whole(metric, records, window));
  }

  private static List<SalesRecord> mixed(List<Order> orders, List<Customer> customers) {
    List<SalesRecord> all = new ArrayList<>(orders);
    all.addAll(customers);
    return all;
  }

  @Test
  void splitAtAnyPointThenMergeEqualsWhole() {
    qt().withExamples(EXAMPLES)
        .forAll(
            OrderGenerators.orders(30),
            OrderGenerators.customers(20),
            integers().between(0, 50),
            windows())
        .checkAssert(
            (orders, customers, cut, window) -> {
              for (Metric<Order, ?> m : ORDER_METRICS) {
                splitMergeIsWhole(m, orders, cut, window);
              }
              for (Metric<Customer, ?> m : CUSTOMER_METRICS) {
                splitMergeIsWhole(m, customers, cut, window);
              }
              List<SalesRecord> all = mixed(orders, customers);
              for (Metric<SalesRecord, ?> m : MIXED_METRICS) {
                splitMergeIsWhole(m, all, cut, window);
              }
            });
  }

  @Test
  void splitThenMergeEqualsWholeOverAllTime() {
    qt().withExamples(EXAMPLES)
        .forAll(
            OrderGenerators.orders(30), OrderGenerators.customers(20), integers().between(0, 50))
        .checkAssert(
            (orders, customers, cut) -> {
              for (Metric<Order, ?> m : ORDER_METRICS) {
                if (!m.needsPeriod()) {
                  splitMergeIsWhole(m, orders, cut, Window.all());
                }
              }
              splitMergeIsWhole(Metrics.COHORT_RETENTION, customers, cut, Window.all());
              splitMergeIsWhole(Metrics.NEW_CUSTOMERS, customers, cut, Window.all());
              splitMergeIsWhole(Metrics.ARPU, mixed(orders, customers), cut, Window.all());
            });
  }

  @Test
  void resultIsIndependentOfInputOrder() {
    qt().withExamples(EXAMPLES)
        .forAll(OrderGenerators.orders(30), OrderGenerators.customers(20), longs().all(), windows())
        .checkAssert(
            (orders, customers, seed, window) -> {
              for (Metric<Order, ?> m : ORDER_METRICS) {
                orderDoesNotMatter(m, orders, seed, window);
              }
              for (Metric<Customer, ?> m : CUSTOMER_METRICS) {
                orderDoesNotMatter(m, customers, seed, window);
              }
              List<SalesRecord> all = mixed(orders, customers);
              for (Metric<SalesRecord, ?> m : MIXED_METRICS) {
                orderDoesNotMatter(m, all, seed, window);
              }
            });
  }

  @Test
  void asOfAfterEveryEventEqualsThePlainResult() {
    qt().withExamples(EXAMPLES)
        .forAll(OrderGenerators.orders(30), OrderGenerators.customers(20), windows())
        .checkAssert(
            (orders, customers, window) -> {
              for (Metric<Order, ?> m : ORDER_METRICS) {
                asOfAfterEverythingIsPlain(m, orders, window);
              }
              for (Metric<Customer, ?> m : CUSTOMER_METRICS) {
                asOfAfterEverythingIsPlain(m, customers, window);
              }
              List<SalesRecord> all = mixed(orders, customers);
              for (Metric<SalesRecord, ?> m : MIXED_METRICS) {
                asOfAfterEverythingIsPlain(m, all, window);
              }
            });
  }

  @Test
  void ratesAreBetweenZeroAndOne() {
    qt().withExamples(EXAMPLES)
        .forAll(OrderGenerators.orders(30), OrderGenerators.customers(20), windows())
        .checkAssert(
            (orders, customers, window) -> {
              List<Ratio> rates =
                  List.of(
                      whole(Metrics.REPEAT_PURCHASE_RATE, orders, window),
                      whole(Metrics.ACTIVATION_RATE, customers, window),
                      whole(Metrics.CHURN_RATE, customers, window),
                      whole(Metrics.CHURN_RATE_WITH_NEW, customers, window),
                      whole(Metrics.RETENTION_RATE, customers, window));
              for (Ratio r : rates) {
                assertThat(r.numerator()).isBetween(0L, r.denominator());
              }
              whole(Metrics.PURCHASE_FREQUENCY, orders, window)
                  .value()
                  .ifPresent(f -> assertThat(f).isGreaterThanOrEqualTo(1.0));
              for (CohortTable.Row row :
                  whole(Metrics.COHORT_RETENTION, customers, window).rows()) {
                // retention never rises: once cancelled, always cancelled
                for (int k = 1; k < row.cells().size(); k++) {
                  assertThat(row.cells().get(k).numerator())
                      .isLessThanOrEqualTo(row.cells().get(k - 1).numerator());
                }
              }
            });
  }

  private static OptionalLong minor(Amount amount) {
    return amount.value().map(m -> OptionalLong.of(m.minorUnits())).orElse(OptionalLong.empty());
  }

  private static Ratio ratio(long[] counts) {
    return Ratio.of(counts[0], counts[1]);
  }

  @Test
  void agreesWithThePlainReferenceOverAMonth() {
    qt().withExamples(EXAMPLES)
        .forAll(
            OrderGenerators.orders(30),
            OrderGenerators.customers(20),
            OrderGenerators.months(),
            OrderGenerators.zones())
        .checkAssert(
            (orders, customers, month, zone) -> {
              Window w = Window.of(month(month, zone));
              Instant start = OrderReference.monthStart(month, zone);
              Instant end = OrderReference.monthStart(month.plusMonths(1), zone);
              Instant previous = OrderReference.monthStart(month.minusMonths(1), zone);
              assertThat(minor(whole(Metrics.REVENUE, orders, w)))
                  .isEqualTo(OrderReference.revenue(orders, start, end));
              assertThat(whole(Metrics.ORDERS, orders, w).value())
                  .isEqualTo(OrderReference.orders(orders, start, end));
              assertThat(minor(whole(Metrics.AVERAGE_ORDER_VALUE, orders, w)))
                  .isEqualTo(OrderReference.averageOrderValue(orders, start, end));
              assertMoneyRatio(
                  whole(Metrics.REVENUE_GROWTH, orders, w),
                  ratio(OrderReference.revenueGrowth(orders, previous, start, end)),
                  Money.currency("USD"));
              assertThat(minor(whole(Metrics.REVENUE_PER_BUYER, orders, w)))
                  .isEqualTo(OrderReference.revenuePerBuyer(orders, start, end));
              long[] frequency = OrderReference.purchaseFrequency(orders, start, end);
              Score score = whole(Metrics.PURCHASE_FREQUENCY, orders, w);
              assertThat(score.sampleSize()).isEqualTo(frequency[1]);
              if (frequency[1] == 0) {
                assertThat(score.value()).isEmpty();
              } else {
                assertThat(score.value().getAsDouble())
                    .isEqualTo((double) frequency[0] / (double) frequency[1]);
              }
              assertThat(whole(Metrics.REPEAT_PURCHASE_RATE, orders, w))
                  .isEqualTo(ratio(OrderReference.repeatPurchaseRate(orders, start, end)));
              Map<String, Long> clv = OrderReference.historicClv(orders, end);
              MoneyStats stats = whole(Metrics.HISTORIC_CLV, orders, w);
              assertThat(stats.count()).isEqualTo(clv.size());
              assertThat(stats.sum().map(Money::minorUnits))
                  .isEqualTo(clv.values().stream().reduce(Long::sum));
              assertThat(stats.min().map(Money::minorUnits))
                  .isEqualTo(clv.values().stream().min(Long::compare));
              assertThat(stats.max().map(Money::minorUnits))
                  .isEqualTo(clv.values().stream().max(Long::compare));

              List<SalesRecord> all = mixed(orders, customers);
              assertThat(minor(whole(Metrics.ARPU, all, w)))
                  .isEqualTo(OrderReference.arpu(orders, customers, start, end));
              assertThat(whole(Metrics.ARPU, all, w).sampleSize())
                  .isEqualTo(OrderReference.activeSometime(customers, start, end));
              assertThat(minor(whole(Metrics.simpleClv(0.7), all, w)))
                  .isEqualTo(OrderReference.simpleClv(orders, customers, start, end, 0.7));
              assertThat(minor(whole(Metrics.SIMPLE_CLV, all, w)))
                  .isEqualTo(OrderReference.simpleClv(orders, customers, start, end, 1.0));

              assertThat(whole(Metrics.NEW_CUSTOMERS, customers, w).value())
                  .isEqualTo(OrderReference.newCustomers(customers, start, end));
              assertThat(whole(Metrics.ACTIVATION_RATE, customers, w))
                  .isEqualTo(ratio(OrderReference.activation(customers, start, end)));
              assertThat(whole(Metrics.CHURN_RATE, customers, w))
                  .isEqualTo(ratio(OrderReference.churn(customers, start, end)));
              assertThat(whole(Metrics.CHURN_RATE_WITH_NEW, customers, w))
                  .isEqualTo(ratio(OrderReference.churnWithNew(customers, start, end)));
              assertThat(whole(Metrics.RETENTION_RATE, customers, w))
                  .isEqualTo(ratio(OrderReference.retention(customers, start, end)));
            });
  }

  @Test
  void cohortTableAgreesWithThePlainReferenceOverAQuarter() {
    qt().withExamples(EXAMPLES)
        .forAll(OrderGenerators.customers(25), integers().between(0, 1), OrderGenerators.zones())
        .checkAssert(
            (customers, half, zone) -> {
              YearMonth first = YearMonth.of(2024, 1 + 3 * half);
              Period quarter = Period.of(first.atDay(1), Granularity.QUARTER, zone);
              Map<String, List<Long>> expected =
                  OrderReference.monthlyCohorts(
                      customers,
                      OrderReference.monthStart(first, zone),
                      OrderReference.monthStart(first.plusMonths(3), zone),
                      zone);
              CohortTable table = whole(Metrics.COHORT_RETENTION, customers, Window.of(quarter));
              assertThat(table.rows())
                  .extracting(r -> r.cohort().label())
                  .containsExactlyElementsOf(expected.keySet());
              for (CohortTable.Row row : table.rows()) {
                List<Long> actual = new ArrayList<>();
                actual.add(row.size());
                row.cells().forEach(c -> actual.add(c.numerator()));
                assertThat(actual).isEqualTo(expected.get(row.cohort().label()));
              }
            });
  }

  @Test
  void arpuAllTimeCountsEveryCustomerEverActive() {
    qt().withExamples(EXAMPLES)
        .forAll(OrderGenerators.customers(20))
        .checkAssert(
            customers ->
                assertThat(
                        whole(Metrics.ARPU, new ArrayList<SalesRecord>(customers), Window.all())
                            .sampleSize())
                    .isEqualTo(
                        OrderReference.activeSometime(
                            customers, Instant.parse("2000-01-01T00:00:00Z"), AFTER_EVERYTHING)));
  }

  /**
   * Cohort retention of every granularity, over a month or a quarter or all time, with some
   * cancellations far after the window (9999-12-31, {@code Instant.MAX}) when there is one, agrees
   * with a plain reference that walks the periods up to the horizon.
   */
  @Test
  void cohortTablesOfEveryGranularityAgreeWithThePlainReference() {
    List<Granularity> granularities = List.of(Granularity.values());
    qt().withExamples(EXAMPLES)
        .forAll(
            OrderGenerators.customers(25),
            integers().between(0, 3 * granularities.size() - 1),
            OrderGenerators.zones(),
            longs().all())
        .checkAssert(
            (generated, pick, zone, seed) -> {
              Granularity granularity = granularities.get(pick % granularities.size());
              int kind = pick / granularities.size(); // 0: all time, 1: a month, 2: a quarter
              Period window =
                  kind == 0
                      ? null
                      : Period.of(
                          LocalDate.of(2024, 1 + (int) Math.floorMod(seed, 5L), 1),
                          kind == 1 ? Granularity.MONTH : Granularity.QUARTER,
                          zone);
              List<Customer> customers = new ArrayList<>(generated);
              if (window != null) {
                Random rnd = new Random(seed);
                for (int i = 0; i < customers.size(); i++) {
                  Customer c = customers.get(i);
                  int far4 = rnd.nextInt(4);
                  Instant far =
                      far4 == 0
                          ? Instant.MAX
                          : far4 == 1 ? Instant.parse("9999-12-31T00:00:00Z") : null;
                  if (far != null) {
                    customers.set(
                        i, new Customer(c.id(), c.signedUpAt(), c.activatedAt(), far, null, null));
                  }
                }
              }
              Instant horizon;
              if (window != null) {
                horizon = window.end();
              } else {
                horizon = Instant.MIN;
                for (Customer c : customers) {
                  horizon = max(horizon, c.signedUpAt());
                  if (c.cancelledAt() != null) {
                    horizon = max(horizon, c.cancelledAt());
                  }
                }
              }
              Map<Instant, List<Long>> expected =
                  OrderReference.cohorts(
                      customers,
                      granularity,
                      window == null ? ZoneId.of("UTC") : zone,
                      window == null ? null : window.start(),
                      window == null ? null : window.end(),
                      horizon);
              CohortTable table =
                  whole(
                      Metrics.cohortRetention(granularity),
                      customers,
                      window == null ? Window.all() : Window.of(window));
              Map<Instant, List<Long>> actual = new java.util.TreeMap<>();
              for (CohortTable.Row row : table.rows()) {
                List<Long> cells = new ArrayList<>();
                cells.add(row.size());
                row.cells().forEach(c -> cells.add(c.numerator()));
                actual.put(row.cohort().start(), cells);
              }
              assertThat(actual).isEqualTo(expected);
            });
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
