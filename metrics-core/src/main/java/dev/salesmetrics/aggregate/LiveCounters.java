package dev.salesmetrics.aggregate;

import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.Nullable;

/**
 * The lock-free fast path of {@link LiveView} for the {@link ColumnarMetrics} (win rate and won
 * deal amounts): the primitive counters of one writer thread, one cell per group and period.
 *
 * <p>Only the owning thread writes. A cell is {@value #STRIDE} longs in one array: a version, then
 * won, lost, won count, sum, min and max. The writer makes the version odd, updates the counters
 * and makes it even again (a per-cell sequence lock: release stores, no lock and no CAS), so a
 * reader copies each cell whole, retrying while the writer is inside it. Cells and their keys live
 * in a {@link Table} that the writer replaces when it grows or when evicted periods are dropped,
 * and publishes through a volatile field; the number of cells is published last, so a reader sees
 * every cell it counts.
 */
final class LiveCounters {
  static final int STRIDE = 8;
  private static final int VERSION = 0;
  private static final int WON = 1;
  private static final int LOST = 2;
  private static final int COUNT = 3;
  private static final int SUM = 4;
  private static final int MIN = 5;
  private static final int MAX = 6;
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

  /** Cells and their keys; the writer only appends to a table it has published. */
  static final class Table {
    final long[] data;
    final Cells.RowKey[] keys;
    final long[] periodStart;
    volatile int size;

    Table(int capacity) {
      data = new long[capacity * STRIDE];
      keys = new Cells.RowKey[capacity];
      periodStart = new long[capacity];
    }
  }

  private final Plan plan;
  private final AtomicReference<Currency> currency;
  private final Dimension[] dims;
  private final Codes.Values[] dictionaries;
  private final Codes.Pairs[] chains;
  private final PeriodLookup lookup;
  private Codes.Pairs cellIds = new Codes.Pairs();
  private volatile Table table = new Table(64);
  @Nullable private Currency mine;

  LiveCounters(Plan plan, AtomicReference<Currency> currency) {
    this.plan = plan;
    this.currency = currency;
    this.dims = plan.dimensions.toArray(new Dimension[0]);
    this.dictionaries = new Codes.Values[dims.length];
    this.chains = new Codes.Pairs[dims.length];
    for (int i = 0; i < dims.length; i++) {
      dictionaries[i] = new Codes.Values();
      chains[i] = new Codes.Pairs();
    }
    this.lookup = plan.periodDimension == null ? null : new PeriodLookup(plan.periodDimension);
  }

  /** Tells whether the plan can run on counters: only ColumnarMetrics, no range, no as-of. */
  static boolean supports(Plan plan) {
    if (plan.range != null || plan.asOf != null || plan.during != null) {
      return false;
    }
    for (var m : plan.metrics) {
      if (!m.equals(ColumnarMetrics.WIN_RATE) && !m.equals(ColumnarMetrics.WON_DEAL_AMOUNT)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Adds one event (owner thread only).
   *
   * @param retained tells whether a period starting at the given epoch second is still kept
   * @return false if the event fell in a period no longer kept (and was dropped)
   */
  boolean add(SalesRecord record, Retention retained) {
    if (!(record instanceof Deal deal) || !plan.filter.test(record)) {
      return true;
    }
    int period = 0;
    long start = Long.MIN_VALUE;
    if (lookup != null) {
      Instant closed = deal.closedAt();
      if (closed == null) {
        return true;
      }
      int known = lookup.size();
      period = lookup.indexOf(closed);
      start = lookup.startSecond(period);
      if (lookup.size() != known) {
        retained.seen(start);
      }
      if (!retained.test(start)) {
        return false;
      }
    }
    Money amount = deal.amount(); // only a won deal's amount is added; others may have none
    if (amount != null && !amount.currency().equals(mine)) {
      fixCurrency(amount.currency());
    }
    int group = groupOf(deal);
    int cell = cellIds.code(group, period);
    Table t = table;
    if (cell >= t.size) {
      t = newCell(t, cell, group, period, start);
    }
    long[] d = t.data;
    int base = cell * STRIDE;
    long v = d[base + VERSION];
    LONGS.setOpaque(d, base + VERSION, v + 1);
    VarHandle.storeStoreFence();
    DealStatus s = deal.status();
    if (s == DealStatus.WON) {
      long a = amount.minorUnits(); // a won deal always has an amount
      d[base + WON]++;
      d[base + COUNT]++;
      d[base + SUM] = Math.addExact(d[base + SUM], a);
      if (a < d[base + MIN]) {
        d[base + MIN] = a;
      }
      if (a > d[base + MAX]) {
        d[base + MAX] = a;
      }
    } else if (s == DealStatus.LOST) {
      d[base + LOST]++;
    }
    LONGS.setRelease(d, base + VERSION, v + 2);
    // evicted while being recorded: counted as dropped, never silently lost
    return retained.test(start);
  }

  private void fixCurrency(Currency c) {
    Currency fixed = currency.updateAndGet(x -> x == null ? c : x);
    if (!fixed.equals(c)) {
      throw new CurrencyMismatchException(fixed, c);
    }
    mine = c;
  }

  private int groupOf(SalesRecord part) {
    int d = dims.length;
    if (d == 0) {
      return 0;
    }
    int id = dictionaries[0].code(dims[0].rawValueOf(part));
    for (int i = 1; i < d; i++) {
      id = chains[i].code(id, dictionaries[i].code(dims[i].rawValueOf(part)));
    }
    return id;
  }

  private GroupKey keyOf(int group) {
    int d = dims.length;
    if (d == 0) {
      return GroupKey.overall();
    }
    String[] values = new String[d];
    int id = group;
    for (int i = d - 1; i > 0; i--) {
      values[i] = dictionaries[i].name(chains[i].second(id));
      id = chains[i].first(id);
    }
    values[0] = dictionaries[0].name(id);
    Map<String, String> key = new java.util.LinkedHashMap<>();
    for (int i = 0; i < d; i++) {
      key.put(dims[i].id(), values[i]);
    }
    return GroupKey.of(key);
  }

  private Table newCell(Table t, int cell, int group, int period, long start) {
    Table target = t;
    if (cell == t.keys.length) {
      target = new Table(t.keys.length * 2);
      System.arraycopy(t.data, 0, target.data, 0, t.data.length);
      System.arraycopy(t.keys, 0, target.keys, 0, t.keys.length);
      System.arraycopy(t.periodStart, 0, target.periodStart, 0, t.periodStart.length);
      target.size = t.size;
    }
    Period p = lookup == null ? null : lookup.period(period);
    target.keys[cell] = new Cells.RowKey(keyOf(group), p);
    target.periodStart[cell] = start;
    int base = cell * STRIDE;
    target.data[base + MIN] = Long.MAX_VALUE;
    target.data[base + MAX] = Long.MIN_VALUE;
    target.size = cell + 1;
    if (target != t) {
      table = target;
    }
    return target;
  }

  /**
   * Drops the cells of periods that are no longer kept (owner thread only), compacting the
   * table; readers holding the old table keep a consistent, if older, copy.
   */
  void evict(Retention retained) {
    Table t = table;
    int live = 0;
    for (int c = 0; c < t.size; c++) {
      if (retained.test(t.periodStart[c])) {
        live++;
      }
    }
    if (live == t.size) {
      return;
    }
    Table fresh = new Table(Math.max(64, Integer.highestOneBit(Math.max(1, live)) * 2));
    Codes.Pairs ids = new Codes.Pairs();
    int n = 0;
    for (int c = 0; c < t.size; c++) {
      if (!retained.test(t.periodStart[c])) {
        continue;
      }
      int code = ids.code(cellIds.first(c), cellIds.second(c));
      System.arraycopy(t.data, c * STRIDE, fresh.data, code * STRIDE, STRIDE);
      fresh.keys[code] = t.keys[c];
      fresh.periodStart[code] = t.periodStart[c];
      n++;
    }
    fresh.size = n;
    cellIds = ids;
    table = fresh;
  }

  /** Adds this writer's cells to {@code out} (any thread), reading each cell whole. */
  void copyInto(Map<Cells.RowKey, long[]> out, Retention retained) {
    Table t = table;
    int size = t.size;
    long[] d = t.data;
    long[] cell = new long[STRIDE];
    for (int c = 0; c < size; c++) {
      if (!retained.test(t.periodStart[c])) {
        continue;
      }
      int base = c * STRIDE;
      while (true) {
        long v1 = (long) LONGS.getAcquire(d, base + VERSION);
        if ((v1 & 1) == 0) {
          for (int i = 1; i < STRIDE; i++) {
            cell[i] = (long) LONGS.getOpaque(d, base + i);
          }
          VarHandle.loadLoadFence();
          if ((long) LONGS.getOpaque(d, base + VERSION) == v1) {
            break;
          }
        }
        Thread.onSpinWait();
      }
      long[] sum = out.get(t.keys[c]);
      if (sum == null) {
        sum = new long[STRIDE];
        sum[MIN] = Long.MAX_VALUE;
        sum[MAX] = Long.MIN_VALUE;
        out.put(t.keys[c], sum);
      }
      sum[WON] += cell[WON];
      sum[LOST] += cell[LOST];
      sum[COUNT] += cell[COUNT];
      sum[SUM] = Math.addExact(sum[SUM], cell[SUM]);
      sum[MIN] = Math.min(sum[MIN], cell[MIN]);
      sum[MAX] = Math.max(sum[MAX], cell[MAX]);
    }
  }

  /** The values of the plan's metrics from summed counters. */
  static MetricValue[] values(Plan plan, long[] sum, @Nullable Currency currency) {
    MetricValue[] v = new MetricValue[plan.metrics.size()];
    Currency c = currency == null ? Currency.getInstance("USD") : currency;
    for (int m = 0; m < v.length; m++) {
      v[m] =
          plan.metrics.get(m).equals(ColumnarMetrics.WIN_RATE)
              ? Ratio.of(sum[WON], sum[WON] + sum[LOST])
              : ColumnarQuery.moneyStats(sum[COUNT], sum[SUM], sum[MIN], sum[MAX], c);
    }
    return v;
  }
}
