package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import javax.annotation.Nullable;

/**
 * The columnar fast path: the {@link ColumnarMetrics} over {@link DealColumns}, grouped by rep,
 * team, region, product, customer and period, with exactly the table {@link Query} gives over the
 * same deals.
 *
 * <pre>{@code
 * MetricTable t = ColumnarQuery.of(DealColumns.of(deals))
 *     .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
 *     .metrics(ColumnarMetrics.WIN_RATE, ColumnarMetrics.WON_DEAL_AMOUNT)
 *     .runParallel();
 * }</pre>
 *
 * <p>How it is fast: every group is a dense {@code int}: the rep code (mapped once per rep to its
 * team or region code), the product or customer code, and the period index, combined in mixed
 * radix; the period index comes from a lookup table of slots between precomputed period
 * boundaries ({@link Dimension#period}), never from a date object per row. The counters of a
 * group sit side by side in one flat {@code long} array (open, won and lost counts, and the sum,
 * min and max of won amounts), so the hot loop reads four columns and updates one group's
 * counters without a branch on the status; grouped by rep (or team or region) with a period made
 * of whole days, as calendar months in UTC, a row's group is two small-table reads (rep, day
 * number). A parallel run merges per-thread arrays by addition. Sums overflow-check like {@code
 * Money}; amounts are summed only when a metric reads them (win rate alone never overflows, as on
 * the object path).
 *
 * <p>Dimensions supported: {@link Dimension#REP}, {@link Dimension#PRODUCT}, {@link
 * Dimension#CUSTOMER}, {@code team}/{@code region} (any dimension whose value depends only on the
 * rep id), and one period dimension; other dimensions are refused. The number of dense groups (the
 * product of the dimensions' cardinalities and the periods) must not exceed 2<sup>24</sup>.
 * Immutable; runs may be concurrent.
 */
public final class ColumnarQuery {
  private static final int MAX_CELLS = 1 << 24;
  private static final int MIN_CHUNK = 1 << 16;

  private final DealColumns columns;
  @Nullable private final OrderColumns orders;
  private final ImmutableList<Dimension> groupBy;
  private final ImmutableList<Metric<?, ?>> metrics;

  private ColumnarQuery(
      DealColumns columns,
      @Nullable OrderColumns orders,
      ImmutableList<Dimension> groupBy,
      ImmutableList<Metric<?, ?>> metrics) {
    this.columns = columns;
    this.orders = orders;
    this.groupBy = groupBy;
    this.metrics = metrics;
  }

  /**
   * Starts a query over {@code columns}.
   *
   * @param columns the deals
   * @return a query with no grouping and no metric yet
   */
  public static ColumnarQuery of(DealColumns columns) {
    return new ColumnarQuery(
        checkNotNull(columns, "columns"), null, ImmutableList.of(), ImmutableList.of());
  }

  /**
   * Starts a query over {@code orders}: {@link ColumnarMetrics#REVENUE}, {@link
   * ColumnarMetrics#ORDERS} and {@link ColumnarMetrics#AVERAGE_ORDER_VALUE} grouped by rep, team,
   * region, customer, product (orders of one product each) and one period dimension.
   *
   * @param orders the orders
   * @return a query with no grouping and no metric yet
   */
  public static ColumnarQuery of(OrderColumns orders) {
    return new ColumnarQuery(
        DealColumns.builder().build(),
        checkNotNull(orders, "orders"),
        ImmutableList.of(),
        ImmutableList.of());
  }

  /**
   * Groups by {@code dimensions}, as {@link Query#groupBy}.
   *
   * @param dimensions rep, team, region, product, customer and at most one period dimension
   * @return the grouped query
   */
  public ColumnarQuery groupBy(Dimension... dimensions) {
    return new ColumnarQuery(columns, orders, ImmutableList.copyOf(dimensions), metrics);
  }

  /**
   * Computes {@code metrics}, which must be {@link ColumnarMetrics} constants.
   *
   * @param metrics the metrics
   * @return the query with these metrics
   */
  public ColumnarQuery metrics(Metric<?, ?>... metrics) {
    return new ColumnarQuery(columns, orders, groupBy, ImmutableList.copyOf(metrics));
  }

  /**
   * Runs on the calling thread.
   *
   * @return the table, equal to {@link Query#run()} over the same deals
   * @throws IllegalArgumentException if a metric or dimension is not supported, or there are too
   *     many groups (checked before the periods are made)
   * @throws ArithmeticException if a sum of amounts a metric reads overflows; the message names
   *     the metric, the group and period, and the row
   * @throws java.time.DateTimeException if a row's instant is too near the ends of time to lie in
   *     a period of the period dimension; the message names the row
   */
  public MetricTable run() {
    if (orders != null) {
      OrderRun run = new OrderRun(orders, groupBy, metrics);
      OrderRun.Counters c = new OrderRun.Counters(run.cells);
      run.accumulate(c, 0, orders.size);
      return run.table(c);
    }
    Layout layout = new Layout();
    Counters c = new Counters(layout.cells);
    accumulate(layout, c, 0, columns.size);
    return layout.table(c);
  }

  /**
   * Runs on the common fork-join pool; same result as {@link #run()}.
   *
   * @return the table
   * @throws IllegalArgumentException as {@link #run()}
   */
  public MetricTable runParallel() {
    return runParallel(ForkJoinPool.commonPool(), ForkJoinPool.getCommonPoolParallelism() + 1);
  }

  /**
   * Runs in {@code chunks} row ranges on {@code executor} and adds up their counters; same result
   * as {@link #run()}.
   *
   * @param executor runs the chunks
   * @param chunks how many row ranges, at least 1 (ranges of fewer than 65,536 rows are merged)
   * @return the table
   * @throws IllegalArgumentException as {@link #run()}, or if {@code chunks < 1}
   */
  public MetricTable runParallel(Executor executor, int chunks) {
    checkNotNull(executor, "executor");
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be >= 1: " + chunks);
    }
    if (orders != null) {
      return runOrdersParallel(orders, executor, chunks);
    }
    Layout layout = new Layout();
    int n = Math.max(1, Math.min(chunks, columns.size / MIN_CHUNK));
    List<CompletableFuture<Counters>> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int from = (int) ((long) columns.size * i / n);
      int to = (int) ((long) columns.size * (i + 1) / n);
      parts.add(
          CompletableFuture.supplyAsync(
              () -> {
                Counters c = new Counters(layout.cells);
                accumulate(layout, c, from, to);
                return c;
              },
              executor));
    }
    Counters total = null;
    for (CompletableFuture<Counters> part : parts) {
      Counters c;
      try {
        c = part.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw e;
      }
      if (total == null) {
        total = c;
      } else {
        total.add(c, layout);
      }
    }
    return layout.table(checkNotNull(total, "total"));
  }

  private MetricTable runOrdersParallel(OrderColumns o, Executor executor, int chunks) {
    OrderRun run = new OrderRun(o, groupBy, metrics);
    int n = Math.max(1, Math.min(chunks, o.size / MIN_CHUNK));
    List<CompletableFuture<OrderRun.Counters>> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int from = (int) ((long) o.size * i / n);
      int to = (int) ((long) o.size * (i + 1) / n);
      parts.add(
          CompletableFuture.supplyAsync(
              () -> {
                OrderRun.Counters c = new OrderRun.Counters(run.cells);
                run.accumulate(c, from, to);
                return c;
              },
              executor));
    }
    OrderRun.Counters total = null;
    for (CompletableFuture<OrderRun.Counters> part : parts) {
      OrderRun.Counters c;
      try {
        c = part.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw e;
      }
      if (total == null) {
        total = c;
      } else {
        total.add(c, run);
      }
    }
    return run.table(checkNotNull(total, "total"));
  }

  private void accumulate(Layout layout, Counters c, int from, int to) {
    if (layout.plan.periodDimension != null && layout.buckets == null) {
      return; // grouped by period, and no deal is closed: no deal belongs to a period
    }
    PeriodBuckets buckets = layout.buckets;
    long amounts = layout.amountMask;
    if (layout.singleRepMap != null) {
      if (buckets == null) {
        accumulateByRep(layout, layout.singleRepMap, c.data, from, to);
        return;
      }
      int[] days = buckets.dayTable();
      if (days != null) {
        accumulateByRepAndDay(
            layout, layout.singleRepMap, layout.periods, days, buckets.base(), c.data, from, to);
        return;
      }
    }
    final long[] at = columns.closedAtSec;
    final long[] amount = columns.amountMinor;
    final byte[] status = columns.status;
    final long[] data = c.data;
    int i = from;
    try {
      for (; i < to; i++) {
        int cell = layout.groupCell(i);
        if (buckets != null) {
          long sec = at[i];
          if (sec == DealColumns.NO_INSTANT) {
            continue;
          }
          cell = cell * layout.periods + buckets.index(sec);
        }
        count(data, cell << Counters.SHIFT, status[i], amount[i] & amounts);
      }
    } catch (ArithmeticException e) {
      throw layout.overflowAt(e, i);
    }
  }

  /** The hot loop grouped by rep (or team, region) alone. */
  private void accumulateByRep(Layout layout, int[] repCode, long[] data, int from, int to) {
    final int[] rep = columns.rep;
    final long[] amount = columns.amountMinor;
    final byte[] status = columns.status;
    final long amounts = layout.amountMask;
    final int[] offsets = new int[repCode.length];
    for (int r = 0; r < offsets.length; r++) {
      offsets[r] = repCode[r] << Counters.SHIFT;
    }
    int i = from;
    try {
      for (; i < to; i++) {
        count(data, offsets[rep[i]], status[i], amount[i] & amounts);
      }
    } catch (ArithmeticException e) {
      throw layout.overflowAt(e, i);
    }
  }

  /**
   * The hot loop grouped by rep (or team, region) and a period made of whole UTC days: the period
   * of a row is a lookup by its day number, {@code (sec - base) / 86_400}, so a row costs a
   * division by a constant, two small-table reads and the counter updates. Only closed deals have
   * an instant, so a row is won or lost: both counts share one {@code long} during the loop (won
   * in the high 32 bits, lost in the low ones; a range has fewer than 2<sup>31</sup> rows), in
   * the open count's slot, and are moved to their own slots at the end.
   */
  private void accumulateByRepAndDay(
      Layout layout,
      int[] repCode,
      int periods,
      int[] days,
      long base,
      long[] data,
      int from,
      int to) {
    final int[] rep = columns.rep;
    final long[] at = columns.closedAtSec;
    final long[] amount = columns.amountMinor;
    final byte[] status = columns.status;
    final long amounts = layout.amountMask;
    final int[] repOffsets = new int[repCode.length];
    for (int r = 0; r < repOffsets.length; r++) {
      repOffsets[r] = (repCode[r] * periods) << Counters.SHIFT;
    }
    final int[] dayOffsets = new int[days.length];
    for (int d = 0; d < dayOffsets.length; d++) {
      dayOffsets[d] = days[d] << Counters.SHIFT;
    }
    int i = from;
    try {
      for (; i < to; i++) {
        long sec = at[i];
        if (sec == DealColumns.NO_INSTANT) {
          continue;
        }
        int offset = repOffsets[rep[i]] + dayOffsets[(int) ((sec - base) / 86_400)];
        int won = status[i] & DealColumns.WON;
        data[offset + PACKED] += 1L << (won << 5);
        long mask = -(long) won;
        long a = amount[i] & mask & amounts;
        data[offset + Counters.SUM] = Math.addExact(data[offset + Counters.SUM], a);
        data[offset + Counters.MIN] =
            Math.min(data[offset + Counters.MIN], a | (~mask & Long.MAX_VALUE));
        data[offset + Counters.MAX] =
            Math.max(data[offset + Counters.MAX], a | (~mask & Long.MIN_VALUE));
      }
    } catch (ArithmeticException e) {
      throw layout.overflowAt(e, i);
    }
    for (int o = 0; o < data.length; o += 1 << Counters.SHIFT) {
      long packed = data[o + PACKED];
      data[o + PACKED] = 0;
      data[o + DealColumns.WON] += packed >>> 32;
      data[o + DealColumns.LOST] += packed & 0xFFFF_FFFFL;
    }
  }

  /** The slot of the won and lost counts packed in one long: the open count's, unused here. */
  private static final int PACKED = DealColumns.OPEN;

  /**
   * Counts one deal into the counters at {@code offset}, without a branch on its status: the
   * status is the index of its count, and a won mask selects the amount for sum, min and max
   * (the caller passes 0 as the amount when no metric reads amounts, so they never overflow).
   */
  private static void count(long[] data, int offset, byte status, long amount) {
    data[offset + status]++;
    long won = -(long) (status & DealColumns.WON);
    long a = amount & won;
    data[offset + Counters.SUM] = Math.addExact(data[offset + Counters.SUM], a);
    data[offset + Counters.MIN] =
        Math.min(data[offset + Counters.MIN], a | (~won & Long.MAX_VALUE));
    data[offset + Counters.MAX] =
        Math.max(data[offset + Counters.MAX], a | (~won & Long.MIN_VALUE));
  }

  /** The dense key layout of one run: dimension codes, period buckets and cell count. */
  private final class Layout {
    final Plan plan;
    final List<Dimension> dims = new ArrayList<>();
    final List<int[]> codeMaps = new ArrayList<>();
    final List<List<String>> names = new ArrayList<>();
    final int[] kinds;
    final int[] radix;
    @Nullable final PeriodBuckets buckets;
    final int periods;
    final int cells;
    @Nullable final int[] singleRepMap;
    /** All bits when won amounts are computed, else 0: amounts nobody reads are not summed. */
    final long amountMask;

    Layout() {
      for (Metric<?, ?> m : metrics) {
        if (!m.equals(ColumnarMetrics.WIN_RATE) && !m.equals(ColumnarMetrics.WON_DEAL_AMOUNT)) {
          throw new IllegalArgumentException(
              "the columnar path computes ColumnarMetrics only, not " + m.id()
                  + ": use Query for other metrics");
        }
      }
      plan = new Plan(groupBy, metrics, r -> true, null, null, null);
      kinds = new int[plan.dimensions.size()];
      radix = new int[plan.dimensions.size()];
      long total = 1;
      for (int d = 0; d < plan.dimensions.size(); d++) {
        Dimension dim = plan.dimensions.get(d);
        dims.add(dim);
        if (dim.equals(Dimension.PRODUCT)) {
          kinds[d] = 1;
          names.add(withNone(columns.products));
        } else if (dim.equals(Dimension.CUSTOMER)) {
          kinds[d] = 2;
          names.add(withNone(columns.customers));
        } else if (dim.id().equals("rep") || dim.id().equals("team") || dim.id().equals("region")) {
          kinds[d] = 0;
          Map<String, Integer> codes = new LinkedHashMap<>();
          int[] map = new int[columns.reps.size()];
          for (int r = 0; r < map.length; r++) {
            String v = dim.valueOf(probe(columns.reps.get(r)));
            Integer code = codes.get(v);
            if (code == null) {
              code = codes.size();
              codes.put(v, code);
            }
            map[r] = code;
          }
          codeMaps.add(map);
          names.add(new ArrayList<>(codes.keySet()));
          radix[d] = codes.size();
          total *= Math.max(1, radix[d]);
          continue;
        } else {
          throw new IllegalArgumentException(
              "the columnar path cannot group by " + dim + ": use Query");
        }
        codeMaps.add(new int[0]);
        radix[d] = names.get(d).size();
        total *= radix[d];
      }
      amountMask = metrics.contains(ColumnarMetrics.WON_DEAL_AMOUNT) ? -1L : 0L;
      if (plan.periodDimension != null && columns.minSec <= columns.maxSec) {
        buckets =
            PeriodBuckets.over(
                plan.periodDimension,
                columns.minSec,
                columns.maxSec,
                total,
                MAX_CELLS,
                "closed_at",
                sec -> describeRow(firstRowClosedAt(sec)));
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
      singleRepMap = kinds.length == 1 && kinds[0] == 0 ? codeMaps.get(0) : null;
    }

    /** The overflow of the won amounts while adding row {@code row}, with its context. */
    RuntimeException overflowAt(ArithmeticException e, int row) {
      int cell = groupCell(row);
      if (buckets != null) {
        cell = cell * periods + buckets.index(columns.closedAtSec[row]);
      }
      return ErrorContext.add(e, where(cell) + ", at " + describeRow(row));
    }

    /** Names the won amounts of a dense cell (group and period), for an error message. */
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
        key.put(dims.get(d).id(), values[d]);
      }
      return ErrorContext.where(
          ColumnarMetrics.WON_DEAL_AMOUNT.id(),
          GroupKey.of(key),
          buckets == null ? null : buckets.periods.get(p));
    }

    private int firstRowClosedAt(long sec) {
      for (int r = 0; r < columns.size; r++) {
        if (columns.closedAtSec[r] == sec) {
          return r;
        }
      }
      throw new IllegalStateException("no row closed at " + sec);
    }

    /** {@code "the deal in row 17 (rep R1, status won, closed_at ..., amount 0.01 USD)"}. */
    String describeRow(int row) {
      byte st = columns.status[row];
      long sec = columns.closedAtSec[row];
      return SafeText.forTerminal(
          "the deal in row "
              + row
              + " (rep "
              + columns.reps.get(columns.rep[row])
              + ", status "
              + (st == DealColumns.WON ? "won" : st == DealColumns.LOST ? "lost" : "open")
              + (sec == DealColumns.NO_INSTANT ? "" : ", closed_at " + Instant.ofEpochSecond(sec))
              + ", amount "
              + Money.ofMinor(columns.amountMinor[row], columns.currency).toPlainString()
              + " "
              + columns.currency.getCurrencyCode()
              + ")");
    }

    int groupCell(int row) {
      int cell = 0;
      for (int d = 0; d < kinds.length; d++) {
        int code;
        if (kinds[d] == 0) {
          code = codeMaps.get(d)[columns.rep[row]];
        } else if (kinds[d] == 1) {
          code = columns.product == null ? 0 : columns.product[row] + 1;
        } else {
          code = columns.customer == null ? 0 : columns.customer[row] + 1;
        }
        cell = cell * radix[d] + code;
      }
      return cell;
    }

    /**
     * Builds the table, visiting groups in the order of their values (each dimension's codes
     * ranked by name) and periods in order, so that the rows arrive already sorted when the
     * period dimension comes last; one {@link GroupKey} per group.
     */
    MetricTable table(Counters c) {
      List<Map.Entry<Cells.RowKey, MetricValue[]>> out = new ArrayList<>();
      int k = kinds.length;
      int groups = cells / periods;
      int[][] byName = new int[k][];
      for (int d = 0; d < k; d++) {
        if (radix[d] == 0) {
          return MetricTable.create(plan, out); // no rep at all: no deal
        }
        List<String> dimNames = names.get(d);
        byName[d] =
            java.util.stream.IntStream.range(0, radix[d])
                .boxed()
                .sorted((x, y) -> dimNames.get(x).compareTo(dimNames.get(y)))
                .mapToInt(Integer::intValue)
                .toArray();
      }
      Currency currency = columns.currency;
      long[] data = c.data;
      int[] codes = new int[k];
      for (int r = 0; r < groups; r++) {
        int rest = r;
        for (int d = k - 1; d >= 0; d--) {
          codes[d] = byName[d][rest % radix[d]];
          rest /= radix[d];
        }
        int group = 0;
        for (int d = 0; d < k; d++) {
          group = group * radix[d] + codes[d];
        }
        GroupKey groupKey = null;
        for (int p = 0; p < periods; p++) {
          int o = (group * periods + p) << Counters.SHIFT;
          long won = data[o + DealColumns.WON];
          long lost = data[o + DealColumns.LOST];
          if (won + lost + data[o + DealColumns.OPEN] == 0) {
            continue;
          }
          if (groupKey == null) {
            Map<String, String> key = new LinkedHashMap<>();
            for (int d = 0; d < k; d++) {
              key.put(dims.get(d).id(), names.get(d).get(codes[d]));
            }
            groupKey = GroupKey.of(key);
          }
          MetricValue[] v = new MetricValue[metrics.size()];
          for (int m = 0; m < v.length; m++) {
            v[m] =
                metrics.get(m).equals(ColumnarMetrics.WIN_RATE)
                    ? Ratio.of(won, won + lost)
                    : moneyStats(
                        won,
                        data[o + Counters.SUM],
                        data[o + Counters.MIN],
                        data[o + Counters.MAX],
                        currency);
          }
          out.add(
              Map.entry(
                  new Cells.RowKey(groupKey, buckets == null ? null : buckets.periods.get(p)),
                  v));
        }
      }
      return MetricTable.create(plan, out);
    }
  }

  private static List<String> withNone(List<String> names) {
    List<String> out = new ArrayList<>(names.size() + 1);
    out.add(Dimension.NONE);
    out.addAll(names);
    return out;
  }

  private static Deal probe(String repId) {
    return Deal.builder(repId, repId, Money.ofMinor(0, "USD"), Instant.EPOCH).build();
  }

  /**
   * Builds the MoneyStats of {@code count} amounts with this sum, min and max through the public
   * API in O(log count) merges: min, max, and the rest spread as evenly as possible (any amounts
   * with the same count, sum, min and max give an equal MoneyStats).
   */
  static MoneyStats moneyStats(long count, long sum, long min, long max, Currency currency) {
    if (count == 0) {
      return MoneyStats.empty();
    }
    if (count == 1) {
      return MoneyStats.of(List.of(Money.ofMinor(sum, currency)));
    }
    MoneyStats s = MoneyStats.of(List.of(Money.ofMinor(min, currency), Money.ofMinor(max, currency)));
    long rest = count - 2;
    if (rest == 0) {
      return s;
    }
    long restSum = sum - min - max;
    long q = Math.floorDiv(restSum, rest);
    long r = restSum - q * rest;
    s = s.plus(copies(q + 1, r, currency)).plus(copies(q, rest - r, currency));
    return s;
  }

  private static MoneyStats copies(long value, long n, Currency currency) {
    MoneyStats result = MoneyStats.empty();
    MoneyStats power = MoneyStats.of(List.of(Money.ofMinor(value, currency)));
    long k = n;
    while (k > 0) {
      if ((k & 1) != 0) {
        result = result.plus(power);
      }
      k >>= 1;
      if (k > 0) {
        power = power.plus(power);
      }
    }
    return result;
  }

  /**
   * Counters per dense cell, interleaved in one array so that a row touches one or two cache
   * lines: at {@code cell << SHIFT} the open, won and lost counts (at the index of the status),
   * then the sum, min and max of the won amounts.
   */
  private static final class Counters {
    static final int SHIFT = 3;
    static final int SUM = 3;
    static final int MIN = 4;
    static final int MAX = 5;

    final long[] data;

    Counters(int cells) {
      data = new long[cells << SHIFT];
      for (int o = 0; o < data.length; o += 1 << SHIFT) {
        data[o + MIN] = Long.MAX_VALUE;
        data[o + MAX] = Long.MIN_VALUE;
      }
    }

    void add(Counters other, Layout layout) {
      long[] o = other.data;
      for (int i = 0; i < data.length; i += 1 << SHIFT) {
        data[i + DealColumns.OPEN] += o[i + DealColumns.OPEN];
        data[i + DealColumns.WON] += o[i + DealColumns.WON];
        data[i + DealColumns.LOST] += o[i + DealColumns.LOST];
        try {
          data[i + SUM] = Math.addExact(data[i + SUM], o[i + SUM]);
        } catch (ArithmeticException e) {
          throw ErrorContext.add(
              e, layout.where(i >> SHIFT) + ", adding up the parts of a parallel run");
        }
        data[i + MIN] = Math.min(data[i + MIN], o[i + MIN]);
        data[i + MAX] = Math.max(data[i + MAX], o[i + MAX]);
      }
    }
  }
}
