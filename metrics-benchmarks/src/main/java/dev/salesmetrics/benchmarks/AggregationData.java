package dev.salesmetrics.benchmarks;

import dev.salesmetrics.aggregate.ColumnarMetrics;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
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
    String[] reps = new String[REPS];
    for (int i = 0; i < REPS; i++) {
      reps[i] = String.format(java.util.Locale.ROOT, "R%03d", i);
    }
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

  /** "rep|yyyy-mm" to {won, lost, sum, min, max} (min and max 0 without a won deal). */
  static Map<String, List<Long>> canonical(MetricTable table) {
    Map<String, List<Long>> out = new TreeMap<>();
    for (MetricTable.Row r : table.rows()) {
      String key = r.key().get("rep").orElseThrow() + "|" + r.period().orElseThrow().label();
      MetricValue rate = r.value(ColumnarMetrics.WIN_RATE.id()).orElseThrow();
      MoneyStats s = (MoneyStats) r.value(ColumnarMetrics.WON_DEAL_AMOUNT.id()).orElseThrow();
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
