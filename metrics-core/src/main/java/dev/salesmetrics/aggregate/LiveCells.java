package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.metric.Kernel;
import dev.salesmetrics.metric.Placement;
import dev.salesmetrics.metric.RecordView;
import dev.salesmetrics.metric.Slots;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.metric.WindowBounds;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The kernel cells of one writer thread of a {@link LiveView}: the slots of every kernel metric,
 * one block per group and period, in the layout of the one cell store ({@link Plan#width}) and
 * over the one key layout ({@link Keys}). Only the owning thread writes; {@link #copyInto} may run
 * on any thread at any time.
 *
 * <p>An event is applied whole or not at all: {@link #prepare} computes the new state of every
 * cell the event reaches into scratch copies (a kernel may throw there: nothing has changed), and
 * {@link #publish} then makes them visible. Each cell holds two copies of its block and a version
 * whose parity tells which copy is published: the writer fills the other copy and publishes it
 * with one release store of the version. So a reader never waits for a writer (the published copy
 * is never being written, and a writer that stops anywhere leaves it whole); it copies the
 * published block and reads it again only when the writer published a newer one meanwhile.
 */
final class LiveCells {
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

  /** Cells and their keys; the writer only appends to a table it has published. */
  static final class Table {
    final long[] data;
    final String[][] values;
    final Period[] periods;
    final long[] periodStart;
    volatile int size;

    Table(int capacity, int stride) {
      data = new long[capacity * stride];
      values = new String[capacity][];
      periods = new Period[capacity];
      periodStart = new long[capacity];
    }
  }

  private final Plan plan;
  private final Keys keys;
  private final int width;
  private final int stride;
  private final int metricCount;
  private final Class<?>[] recordTypes;
  private final boolean[] spanning;
  private final Placement<?>[] placements;
  private final Kernel.Update<?>[] updates;
  private final RecordView<?>[] views;
  private final int[] rangeIds;
  @Nullable private final PeriodLookup lookup;
  private final List<WindowBounds> bounds = new ArrayList<>();
  private final Slots slots = new Slots();
  private volatile Table table;
  private Codes.Pairs cellIds = new Codes.Pairs();
  private final BitSet notified = new BitSet();
  private final int[] codes;

  // the cells the event being prepared reached, with their new blocks
  private int[] touched = new int[4];
  private long[][] scratch = new long[4][];
  private int touchedCount;
  // the periods it was placed in that the retention has not heard of yet
  private int[] placed = new int[4];
  private int placedCount;

  LiveCells(Plan plan) {
    this.plan = plan;
    this.keys = Keys.chained(plan);
    this.lookup = keys.periods;
    this.width = plan.width;
    this.stride = 1 + 2 * width;
    this.metricCount = plan.metrics.size();
    this.recordTypes = new Class<?>[metricCount];
    this.spanning = new boolean[metricCount];
    this.placements = new Placement<?>[metricCount];
    this.updates = new Kernel.Update<?>[metricCount];
    this.views = new RecordView<?>[metricCount];
    java.util.Map<Class<?>, RecordView<?>> byRow = new java.util.HashMap<>();
    for (int m = 0; m < metricCount; m++) {
      recordTypes[m] = plan.metrics.get(m).recordType();
      spanning[m] = plan.metrics.get(m).placement().isSpanning();
      placements[m] = plan.metrics.get(m).placement();
      Kernel<?, ?> k = plan.kernels[m];
      if (k != null) {
        updates[m] = k.update();
        views[m] = byRow.computeIfAbsent(k.rowType(), LiveCells::view);
      }
    }
    this.rangeIds = new int[plan.periodDimension != null && plan.range != null ? plan.range.size() : 0];
    for (int i = 0; i < rangeIds.length; i++) {
      rangeIds[i] = i;
    }
    this.codes = new int[plan.dimensions.size()];
    this.table = new Table(64, stride);
    for (int i = 0; i < scratch.length; i++) {
      scratch[i] = new long[width];
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RecordView<?> view(Class<?> rowType) {
    return RecordView.of((Class) rowType);
  }

  /**
   * Computes the new state of the cells {@code record} reaches (owner thread only), changing
   * nothing visible: {@link #publish} applies it, {@link #discard} forgets it.
   *
   * @return true if a metric dropped the event because its period is no longer kept
   * @throws RuntimeException what a kernel threw, named with metric, group, period and record;
   *     then nothing was prepared
   */
  boolean prepare(SalesRecord record, Retention retention) {
    touchedCount = 0;
    placedCount = 0;
    if (plan.filter != Plan.ACCEPT_ALL && !plan.filter.test(record)) {
      return false;
    }
    boolean late = false;
    try {
      if (plan.splitProducts && record instanceof Order order && order.lines().size() > 1) {
        for (Order part : Cells.productParts(order)) {
          late |= preparePart(part, retention);
        }
      } else {
        late |= preparePart(record, retention);
      }
    } catch (RuntimeException | Error e) {
      discard();
      throw e;
    }
    return late;
  }

  private boolean preparePart(SalesRecord part, Retention retention) {
    boolean late = false;
    int group = -1;
    Instant lastAt = null;
    int lastId = -1;
    for (int m = 0; m < metricCount; m++) {
      if (updates[m] == null || !recordTypes[m].isInstance(part)) {
        continue;
      }
      if (group < 0) {
        group = keys.groupOf(part);
      }
      if (lookup == null) {
        reach(group, 0, m, part, spanning[m] || placedAt(m, part) != null);
      } else if (spanning[m]) {
        for (int id : rangeIds) {
          reach(group, id, m, part, true);
        }
      } else {
        Instant at = placedAt(m, part);
        if (at == null) {
          continue;
        }
        int id = at.equals(lastAt) ? lastId : periodId(at, m, part);
        lastAt = at;
        lastId = id;
        if (id < 0) {
          continue;
        }
        if (!kept(id, retention)) {
          late = true;
          continue;
        }
        reach(group, id, m, part, true);
      }
    }
    return late;
  }

  @Nullable
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Instant placedAt(int m, SalesRecord part) {
    Optional<Instant> at = ((Placement) placements[m]).instant(part);
    return at.orElse(null);
  }

  private int periodId(Instant at, int m, SalesRecord part) {
    PeriodLookup periods = checkNotNull(lookup, "lookup");
    try {
      return periods.indexOf(at);
    } catch (DateTimeException e) {
      throw ErrorContext.unplaceable(
          e,
          placements[m].field(),
          at,
          ErrorContext.describe(part),
          checkNotNull(plan.periodDimension, "periodDimension"));
    }
  }

  /**
   * Tells whether the period {@code id} is kept, as of the events published before this one; the
   * retention hears of the period once the event is published.
   */
  private boolean kept(int id, Retention retention) {
    long start = lookup.startSecond(id);
    boolean known = notified.get(id);
    boolean kept = known ? retention.test(start) : retention.wouldKeep(start);
    if (kept && !known) {
      if (placedCount == placed.length) {
        placed = Arrays.copyOf(placed, placedCount * 2);
      }
      placed[placedCount++] = id;
    }
    return kept;
  }

  /** Adds {@code part} to metric {@code m} in the scratch copy of a cell. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void reach(int group, int period, int m, SalesRecord part, boolean update) {
    int cell = cell(group, period);
    long[] block = scratchOf(cell);
    int p = plan.presence[m];
    block[p] = 1;
    if (!update) {
      return;
    }
    Kernel.Update u = updates[m];
    try {
      u.update(views[m].at(part), slots.at(block, p + 1), bounds(period));
    } catch (RuntimeException e) {
      Table t = table;
      throw ErrorContext.add(
          e,
          ErrorContext.where(plan.metrics.get(m).id(), keyOf(t, cell), t.periods[cell]),
          part);
    }
  }

  private WindowBounds bounds(int period) {
    while (bounds.size() <= period) {
      Window w =
          lookup == null ? Window.all() : Window.of(lookup.period(bounds.size()));
      for (Kernel<?, ?> k : plan.kernels) {
        if (k != null) {
          k.check(w);
        }
      }
      bounds.add(WindowBounds.of(w));
    }
    return bounds.get(period);
  }

  /** The scratch copy of a cell's published block, made when the event first reaches the cell. */
  private long[] scratchOf(int cell) {
    for (int i = 0; i < touchedCount; i++) {
      if (touched[i] == cell) {
        return scratch[i];
      }
    }
    if (touchedCount == touched.length) {
      int n = touchedCount * 2;
      touched = Arrays.copyOf(touched, n);
      scratch = Arrays.copyOf(scratch, n);
      for (int i = touchedCount; i < n; i++) {
        scratch[i] = new long[width];
      }
    }
    long[] d = table.data;
    int base = cell * stride;
    long v = d[base];
    long[] block = scratch[touchedCount];
    System.arraycopy(d, base + 1 + (int) (v & 1) * width, block, 0, width);
    touched[touchedCount++] = cell;
    return block;
  }

  /** Forgets the prepared event. */
  void discard() {
    touchedCount = 0;
    placedCount = 0;
  }

  /** Publishes the prepared event (owner thread only) and tells the retention of its periods. */
  void publish(Retention retention) {
    long[] d = table.data;
    for (int i = 0; i < touchedCount; i++) {
      int base = touched[i] * stride;
      long v = d[base];
      System.arraycopy(scratch[i], 0, d, base + 1 + (int) ((v + 1) & 1) * width, width);
      LONGS.setRelease(d, base, v + 1);
    }
    touchedCount = 0;
    for (int i = 0; i < placedCount; i++) {
      int id = placed[i];
      if (!notified.get(id)) {
        notified.set(id);
        retention.seen(lookup.startSecond(id));
      }
    }
    placedCount = 0;
  }

  /** The cell of a group and period, added (empty, published) when new. */
  private int cell(int group, int period) {
    int cell = cellIds.code(group, period);
    Table t = table;
    if (cell < t.size) {
      return cell;
    }
    Table target = t;
    if (cell == t.values.length) {
      target = new Table(t.values.length * 2, stride);
      System.arraycopy(t.data, 0, target.data, 0, t.data.length);
      System.arraycopy(t.values, 0, target.values, 0, t.values.length);
      System.arraycopy(t.periods, 0, target.periods, 0, t.periods.length);
      System.arraycopy(t.periodStart, 0, target.periodStart, 0, t.periodStart.length);
      target.size = t.size;
    }
    int d = plan.dimensions.size();
    String[] values = new String[d];
    keys.codes(group, codes);
    for (int i = 0; i < d; i++) {
      values[i] = keys.dictionaries[i].name(codes[i]);
    }
    target.values[cell] = values;
    target.periods[cell] = lookup == null ? null : lookup.period(period);
    target.periodStart[cell] = lookup == null ? Long.MIN_VALUE : lookup.startSecond(period);
    int base = cell * stride;
    for (int m = 0; m < metricCount; m++) {
      Kernel<?, ?> k = plan.kernels[m];
      if (k != null) {
        k.initialize(target.data, base + 1 + plan.presence[m] + 1);
      }
    }
    target.size = cell + 1;
    if (target != t) {
      table = target;
    }
    return cell;
  }

  private GroupKey keyOf(Table t, int cell) {
    String[] values = t.values[cell];
    java.util.Map<String, String> key = new java.util.LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      key.put(plan.dimensions.get(i).id(), values[i]);
    }
    return values.length == 0 ? GroupKey.overall() : GroupKey.of(key);
  }

  /**
   * Drops the cells of periods that are no longer kept (owner thread only), compacting the table;
   * readers holding the old table keep a whole, if older, copy.
   */
  void evict(Retention retention) {
    Table t = table;
    int live = 0;
    for (int c = 0; c < t.size; c++) {
      if (retention.test(t.periodStart[c])) {
        live++;
      }
    }
    if (live == t.size) {
      return;
    }
    Table fresh = new Table(Math.max(64, Integer.highestOneBit(Math.max(1, live)) * 2), stride);
    Codes.Pairs ids = new Codes.Pairs();
    int n = 0;
    for (int c = 0; c < t.size; c++) {
      if (!retention.test(t.periodStart[c])) {
        continue;
      }
      int code = ids.code(cellIds.first(c), cellIds.second(c));
      System.arraycopy(t.data, c * stride, fresh.data, code * stride, stride);
      fresh.values[code] = t.values[c];
      fresh.periods[code] = t.periods[c];
      fresh.periodStart[code] = t.periodStart[c];
      n++;
    }
    fresh.size = n;
    cellIds = ids;
    table = fresh;
  }

  /**
   * Adds this writer's published cells in the kept periods to {@code target} (any thread), each
   * cell read whole.
   */
  void copyInto(CellStore target, Retention retention) {
    Table t = table;
    int size = t.size;
    long[] d = t.data;
    long[] block = new long[width];
    int[] targetCodes = new int[plan.dimensions.size()];
    for (int c = 0; c < size; c++) {
      if (!retention.test(t.periodStart[c])) {
        continue;
      }
      int base = c * stride;
      while (true) {
        long v = (long) LONGS.getAcquire(d, base);
        int from = base + 1 + (int) (v & 1) * width;
        for (int i = 0; i < width; i++) {
          block[i] = (long) LONGS.getOpaque(d, from + i);
        }
        VarHandle.loadLoadFence();
        if ((long) LONGS.getOpaque(d, base) == v) {
          break; // the writer did not publish this cell again while it was read
        }
      }
      boolean any = false;
      for (int m = 0; m < metricCount && !any; m++) {
        any = plan.kernels[m] != null && block[plan.presence[m]] != 0;
      }
      if (!any) {
        continue; // made for an event that was then rejected
      }
      String[] values = t.values[c];
      for (int i = 0; i < values.length; i++) {
        targetCodes[i] = target.keys.dictionaries[i].code(values[i]);
      }
      int group = target.keys.group(targetCodes);
      int period =
          target.keys.periods == null ? 0 : target.keys.periods.indexOf(t.periods[c].start());
      target.mergeBlock(
          target.cell(group, period), block, 0, "adding up the writers of a live view");
    }
  }
}
