package dev.salesmetrics.benchmarks;

import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.metric.CustomerRow;
import dev.salesmetrics.metric.DealRow;
import dev.salesmetrics.metric.LeadRow;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.OrderRow;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The synthetic data of the aggregation benchmarks: closed deals of 200 reps over the three years
 * 2022-2024, 40% won, amounts 0.01 to 10,000.00 USD, from a fixed seed; and the canonical form in
 * which every path's answer is compared before timing.
 */
final class AggregationData {
  static final long SEED = 20261127L;
  static final int REPS = 200;
  static final long START = Instant.parse("2022-01-01T00:00:00Z").getEpochSecond();
  static final long SPAN = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond() - START;

  private AggregationData() {}

  static List<Deal> deals(int n) {
    SplittableRandom rnd = new SplittableRandom(SEED);
    String[] reps = reps();
    List<Deal> deals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long closed = START + rnd.nextLong(SPAN);
      long created = closed - rnd.nextLong(90L * 86_400);
      Deal.Builder b =
          Deal.builder(
              "D" + i,
              reps[rnd.nextInt(REPS)],
              Money.ofMinor(1 + rnd.nextLong(1_000_000), "USD"),
              Instant.ofEpochSecond(created));
      if (rnd.nextInt(10) < 4) {
        b.won(Instant.ofEpochSecond(closed));
      } else {
        b.lost(Instant.ofEpochSecond(closed));
      }
      deals.add(b.build());
    }
    return deals;
  }

  /** {@code n} records of the kind the metric's kernel reads. */
  static List<? extends SalesRecord> recordsFor(Metric<?, ?> metric, int n) {
    Class<?> row = metric.kernel().orElseThrow().rowType();
    if (row == DealRow.class) {
      return deals(n);
    } else if (row == OrderRow.class) {
      return orders(n);
    } else if (row == LeadRow.class) {
      return leads(n);
    } else if (row == CustomerRow.class) {
      return customers(n);
    }
    return responses(n);
  }

  private static String[] reps() {
    String[] reps = new String[REPS];
    for (int i = 0; i < REPS; i++) {
      reps[i] = String.format(java.util.Locale.ROOT, "R%03d", i);
    }
    return reps;
  }

  /** Paid (90%) and refunded orders of 50,000 customers, one to three lines of four products. */
  static List<Order> orders(int n) {
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    String[] reps = reps();
    String[] products = {"basic", "pro", "max", "support"};
    List<Order> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int lines = 1 + rnd.nextInt(3);
      long total = 0;
      List<OrderLine> list = new ArrayList<>(lines);
      for (int l = 0; l < lines; l++) {
        long a = 100 + rnd.nextLong(100_000);
        total += a;
        list.add(
            new OrderLine(
                products[rnd.nextInt(products.length)],
                1 + rnd.nextInt(5),
                Money.ofMinor(a, "USD")));
      }
      out.add(
          new Order(
              "O" + i,
              "C" + rnd.nextInt(50_000),
              Instant.ofEpochSecond(START + rnd.nextLong(SPAN)),
              Money.ofMinor(total, "USD"),
              rnd.nextInt(10) == 0 ? OrderStatus.REFUNDED : OrderStatus.PAID,
              reps[rnd.nextInt(REPS)],
              list));
    }
    return out;
  }

  /** Leads with some contact fields, a third of them converted. */
  static List<Lead> leads(int n) {
    SplittableRandom rnd = new SplittableRandom(SEED + 2);
    String[] reps = reps();
    List<Lead> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant created = Instant.ofEpochSecond(START + rnd.nextLong(SPAN));
      out.add(
          Lead.builder("L" + i, created)
              .repId(reps[rnd.nextInt(REPS)])
              .contact(
                  new Contact(
                      rnd.nextBoolean() ? "Ann Lee" : null,
                      rnd.nextBoolean() ? "ann" + i + "@example.com" : null,
                      rnd.nextBoolean() ? "+1 555 010 " + (1000 + rnd.nextInt(9000)) : null,
                      null))
              .convertedAt(rnd.nextInt(3) == 0 ? created.plusSeconds(86_400) : null)
              .build());
    }
    return out;
  }

  /** Customers signed up over the three years, half activated, a fifth cancelled. */
  static List<Customer> customers(int n) {
    SplittableRandom rnd = new SplittableRandom(SEED + 3);
    String[] reps = reps();
    List<Customer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant signed = Instant.ofEpochSecond(START + rnd.nextLong(SPAN));
      out.add(
          Customer.builder("C" + i, signed)
              .activatedAt(rnd.nextBoolean() ? signed.plusSeconds(3600) : null)
              .cancelledAt(
                  rnd.nextInt(5) == 0 ? signed.plusSeconds(rnd.nextLong(400L * 86_400)) : null)
              .repId(reps[rnd.nextInt(REPS)])
              .build());
    }
    return out;
  }

  /** NPS (0-10) and CSAT (1-5) answers of 50,000 customers. */
  static List<SurveyResponse> responses(int n) {
    SplittableRandom rnd = new SplittableRandom(SEED + 4);
    List<SurveyResponse> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean nps = rnd.nextBoolean();
      out.add(
          new SurveyResponse(
              "C" + rnd.nextInt(50_000),
              Instant.ofEpochSecond(START + rnd.nextLong(SPAN)),
              nps ? rnd.nextInt(11) : 1 + rnd.nextInt(5),
              nps ? SurveyScale.NPS : SurveyScale.CSAT));
    }
    return out;
  }

  /** "rep|yyyy-mm" to {won, lost, sum, min, max} (min and max 0 without a won deal). */
  static Map<String, List<Long>> canonical(MetricTable table) {
    Map<String, List<Long>> out = new TreeMap<>();
    for (MetricTable.Row r : table.rows()) {
      String key = r.key().get("rep").orElseThrow() + "|" + r.period().orElseThrow().label();
      MetricValue rate = r.value(Metrics.WIN_RATE.id()).orElseThrow();
      MoneyStats s = (MoneyStats) r.value(Metrics.AVERAGE_DEAL_SIZE.id()).orElseThrow();
      Ratio ratio = (Ratio) rate;
      out.put(
          key,
          List.of(
              ratio.numerator(),
              ratio.denominator() - ratio.numerator(),
              s.sum().map(Money::minorUnits).orElse(0L),
              s.min().map(Money::minorUnits).orElse(0L),
              s.max().map(Money::minorUnits).orElse(0L)));
    }
    return out;
  }

  static void check(String what, Map<String, List<Long>> expected, Map<String, List<Long>> actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          what + " disagrees with the object path: " + expected.size() + " vs " + actual.size()
              + " groups");
    }
  }
}
