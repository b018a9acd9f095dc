package dev.salesmetrics.aggregate;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The columnar path over {@link OrderColumns}: revenue, orders and average order value grouped by
 * rep, team, region, customer, product and one period dimension, with dense int cells and period
 * buckets as for deals. Immutable once built; {@link #accumulate} may run on several threads, each
 * with its own counters.
 */
final class OrderRun {
  private static final int MAX_CELLS = 1 << 24;

  private final OrderColumns columns;
  private final ImmutableList<Metric<?, ?>> metrics;
  final Plan plan;
  private final int[] kinds;
  private final int[] radix;
  private final List<int[]> repMaps = new ArrayList<>();
  private final List<List<String>> names = new ArrayList<>();
  @Nullable private final PeriodBuckets buckets;
  private final int periods;
  final int cells;
  /** All bits when revenue or average order value is computed, else 0 (amounts not summed). */
  private final long amountMask;

  OrderRun(OrderColumns columns, ImmutableList<Dimension> groupBy, ImmutableList<Metric<?, ?>> metrics) {
    this.columns = columns;
    this.metrics = metrics;
    for (Metric<?, ?> m : metrics) {
      if (!m.equals(ColumnarMetrics.REVENUE)
          && !m.equals(ColumnarMetrics.ORDERS)
          && !m.equals(ColumnarMetrics.AVERAGE_ORDER_VALUE)) {
        throw new IllegalArgumentException(
            "the columnar path over orders computes revenue, orders and average_order_value only,"
                + " not " + m.id() + ": use Query for other metrics");
      }
    }
    plan = new Plan(groupBy, metrics, Plan.ACCEPT_ALL, null, null, null);
    kinds = new int[plan.dimensions.size()];
    radix = new int[kinds.length];
    long total = 1;
    for (int d = 0; d < kinds.length; d++) {
      Dimension dim = plan.dimensions.get(d);
      if (dim.equals(Dimension.CUSTOMER)) {
        kinds[d] = 1;
        names.add(columns.customers);
        repMaps.add(new int[0]);
      } else if (dim.equals(Dimension.PRODUCT)) {
        if (columns.severalProducts) {
          throw new IllegalArgumentException(
              "the columnar path cannot group by product orders whose lines name several"
                  + " products: use Query, which splits them");
        }
        kinds[d] = 2;
        List<String> n = new ArrayList<>();
        n.add(Dimension.NONE);
        n.addAll(columns.products);
        names.add(n);
        repMaps.add(new int[0]);
      } else if (dim.id().equals("rep") || dim.id().equals("team") || dim.id().equals("region")) {
        kinds[d] = 0;
        Map<String, Integer> codes = new LinkedHashMap<>();
        int[] map = new int[columns.reps.size() + 1];
        for (int r = -1; r < columns.reps.size(); r++) {
          String v = dim.valueOf(probe(r < 0 ? null : columns.reps.get(r)));
          Integer code = codes.get(v);
          if (code == null) {
            code = codes.size();
            codes.put(v, code);
          }
          map[r + 1] = code;
        }
        repMaps.add(map);
        names.add(new ArrayList<>(codes.keySet()));
      } else {
        throw new IllegalArgumentException(
            "the columnar path cannot group orders by " + dim + ": use Query");
      }
      radix[d] = Math.max(1, names.get(d).size());
      total *= radix[d];
    }
    amountMask =
        metrics.contains(ColumnarMetrics.REVENUE)
                || metrics.contains(ColumnarMetrics.AVERAGE_ORDER_VALUE)
            ? -1L
            : 0L;
    if (plan.periodDimension != null && columns.size > 0) {
      buckets =
          PeriodBuckets.over(
              plan.periodDimension,
              columns.minSec,
              columns.maxSec,
              total,
              MAX_CELLS,
              "placed_at",
              sec -> describeRow(firstRowPlacedAt(sec)));
      periods = buckets.size();
    } else {
      buckets = null;
      periods = 1;
    }
    total *= periods;
    if (total > MAX_CELLS) {
      throw new IllegalArgumentException(
          "too many groups for the columnar path: " + total + " > " + MAX_CELLS + ": use Query");
    }
    cells = (int) total;
  }

  private static Order probe(@Nullable String repId) {
    return Order.builder("probe", "probe", Instant.EPOCH, Money.ofMinor(0, "USD"))
        .repId(repId)
        .build();
  }

  /** Per-cell counters: orders routed, paid orders, and the sum, min and max of paid amounts. */
  static final class Counters {
    final long[] routed;
    final long[] paid;
    final long[] sum;
    final long[] min;
    final long[] max;

    Counters(int cells) {
      routed = new long[cells];
      paid = new long[cells];
      sum = new long[cells];
      min = new long[cells];
      max = new long[cells];
      Arrays.fill(min, Long.MAX_VALUE);
      Arrays.fill(max, Long.MIN_VALUE);
    }

    void add(Counters o, OrderRun run) {
      for (int i = 0; i < routed.length; i++) {
        routed[i] += o.routed[i];
        paid[i] += o.paid[i];
        try {
          sum[i] = Math.addExact(sum[i], o.sum[i]);
        } catch (ArithmeticException e) {
          throw ErrorContext.add(e, run.where(i) + ", adding up the parts of a parallel run");
        }
        min[i] = Math.min(min[i], o.min[i]);
        max[i] = Math.max(max[i], o.max[i]);
      }
    }
  }

  void accumulate(Counters c, int from, int to) {
    final long[] at = columns.placedAtSec;
    final long[] amount = columns.amountMinor;
    final byte[] status = columns.status;
    final PeriodBuckets b = buckets;
    final long amounts = amountMask;
    int i = from;
    try {
      for (; i < to; i++) {
        int cell = groupCell(i) * periods;
        if (b != null) {
          cell += b.index(at[i]);
        }
        c.routed[cell]++;
        if (status[i] == OrderColumns.PAID) {
          long a = amount[i] & amounts;
          c.paid[cell]++;
          c.sum[cell] = Math.addExact(c.sum[cell], a);
          if (a < c.min[cell]) {
            c.min[cell] = a;
          }
          if (a > c.max[cell]) {
            c.max[cell] = a;
          }
        }
      }
    } catch (ArithmeticException e) {
      int cell = groupCell(i) * periods + (b == null ? 0 : b.index(at[i]));
      throw ErrorContext.add(e, where(cell) + ", at " + describeRow(i));
    }
  }

  /** Names the summed amounts of a dense cell (group and period), for an error message. */
  String where(int cell) {
    int p = cell % periods;
    int rest = cell / periods;
    String[] values = new String[kinds.length];
    for (int d = kinds.length - 1; d >= 0; d--) {
      values[d] = names.get(d).get(rest % radix[d]);
      rest /= radix[d];
    }
    Map<String, String> key = new LinkedHashMap<>();
    for (int d = 0; d < kinds.length; d++) {
      key.put(plan.dimensions.get(d).id(), values[d]);
    }
    String metric =
        metrics.contains(ColumnarMetrics.REVENUE)
            ? ColumnarMetrics.REVENUE.id()
            : ColumnarMetrics.AVERAGE_ORDER_VALUE.id();
    return ErrorContext.where(
        metric, GroupKey.of(key), buckets == null ? null : buckets.periods.get(p));
  }

  private int firstRowPlacedAt(long sec) {
    for (int r = 0; r < columns.size; r++) {
      if (columns.placedAtSec[r] == sec) {
        return r;
      }
    }
    throw new IllegalStateException("no row placed at " + sec);
  }

  /** {@code "the order in row 17 (customer C1, status paid, placed_at ..., amount 0.01 USD)"}. */
  private String describeRow(int row) {
    return SafeText.forTerminal(
        "the order in row "
            + row
            + " (customer "
            + columns.customers.get(columns.customer[row])
            + ", status "
            + (columns.status[row] == OrderColumns.PAID ? "paid" : "refunded")
            + ", placed_at "
            + Instant.ofEpochSecond(columns.placedAtSec[row])
            + ", amount "
            + Money.ofMinor(columns.amountMinor[row], columns.currency).toPlainString()
            + " "
            + columns.currency.getCurrencyCode()
            + ")");
  }

  private int groupCell(int row) {
    int cell = 0;
    for (int d = 0; d < kinds.length; d++) {
      int code;
      if (kinds[d] == 0) {
        code = repMaps.get(d)[columns.rep == null ? 0 : columns.rep[row] + 1];
      } else if (kinds[d] == 1) {
        code = columns.customer[row];
      } else {
        code = columns.product == null ? 0 : columns.product[row] + 1;
      }
      cell = cell * radix[d] + code;
    }
    return cell;
  }

  MetricTable table(Counters c) {
    Map<Cells.RowKey, MetricValue[]> out = new HashMap<>();
    for (int cell = 0; cell < cells; cell++) {
      if (c.routed[cell] == 0) {
        continue;
      }
      int p = cell % periods;
      int rest = cell / periods;
      String[] values = new String[kinds.length];
      for (int d = kinds.length - 1; d >= 0; d--) {
        values[d] = names.get(d).get(rest % radix[d]);
        rest /= radix[d];
      }
      Map<String, String> key = new LinkedHashMap<>();
      for (int d = 0; d < kinds.length; d++) {
        key.put(plan.dimensions.get(d).id(), values[d]);
      }
      long n = c.paid[cell];
      MetricValue[] v = new MetricValue[metrics.size()];
      for (int m = 0; m < v.length; m++) {
        Metric<?, ?> metric = metrics.get(m);
        if (metric.equals(ColumnarMetrics.ORDERS)) {
          v[m] = Count.of(n);
        } else if (n == 0) {
          v[m] = Amount.empty();
        } else if (metric.equals(ColumnarMetrics.REVENUE)) {
          v[m] = Amount.of(Money.ofMinor(c.sum[cell], columns.currency), n);
        } else {
          MoneyStats s =
              ColumnarQuery.moneyStats(n, c.sum[cell], c.min[cell], c.max[cell], columns.currency);
          v[m] = Amount.of(s.mean().orElseThrow(), n);
        }
      }
      out.put(new Cells.RowKey(GroupKey.of(key), buckets == null ? null : buckets.periods.get(p)), v);
    }
    return MetricTable.create(plan, out);
  }
}
