package dev.salesmetrics.aggregate;

import dev.salesmetrics.metric.Kernel;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.metric.WindowBounds;
import dev.salesmetrics.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The one cell store of every engine: the cells of one pass (a query, a chunk of a parallel run,
 * a thread), each a group and a period of a {@link Keys} layout. A cell's kernel metrics sit side
 * by side in one flat {@code long[]}, a block of {@link Plan#width} longs per cell (per kernel
 * metric a presence slot and the kernel's slots); its other metrics keep a {@link
 * MetricAccumulator} each, in a parallel array. Two stores merge slot by slot as each slot's kind
 * says, and accumulator by accumulator.
 *
 * <p>A <em>dense</em> store (the columnar engine, over radix keys) holds every group × period up
 * front, so a row's cell is {@code group × periods + period}; a <em>dynamic</em> store (queries
 * over records) adds cells as rows arrive. Not thread safe.
 */
final class CellStore {
  final Plan plan;
  final Keys keys;
  private final int width;
  private final int objectCount;
  private final int stride;
  long[] slots;
  MetricAccumulator<?, ?>[] objects;
  private int size;
  private int[] cellGroup;
  private int[] cellPeriod;
  private final int densePeriods;
  private int[][] cellOf = new int[16][];
  private final List<Window> windows = new ArrayList<>();
  private final List<WindowBounds> bounds = new ArrayList<>();
  private final Window baseWindow;

  private CellStore(Plan plan, Keys keys, int capacity, int densePeriods, boolean twins) {
    this.plan = plan;
    this.keys = keys;
    this.width = plan.width;
    this.objectCount = plan.objectCount;
    this.stride = twins ? 2 * objectCount : objectCount;
    this.densePeriods = densePeriods;
    this.slots = new long[Math.multiplyExact(capacity, width)];
    this.objects = new MetricAccumulator<?, ?>[Math.multiplyExact(capacity, stride)];
    this.cellGroup = new int[capacity];
    this.cellPeriod = new int[capacity];
    this.baseWindow = new Window(plan.during, plan.asOf);
  }

  /** A store that adds cells as rows arrive. */
  static CellStore dynamic(Plan plan, Keys keys) {
    return new CellStore(plan, keys, 16, 0, false);
  }

  /**
   * A dynamic store whose accumulators each have a twin, the committed one, for the cells of a
   * live stripe (see {@link Cells}).
   */
  static CellStore withTwins(Plan plan, Keys keys) {
    return new CellStore(plan, keys, 16, 0, true);
  }

  /** A store of every one of {@code groups × periods} cells, cell {@code g × periods + p}. */
  static CellStore dense(Plan plan, Keys keys, int groups, int periods) {
    int n = Math.multiplyExact(groups, periods);
    CellStore s = new CellStore(plan, keys, n, periods, false);
    for (int c = 0; c < n; c++) {
      s.cellGroup[c] = c / periods;
      s.cellPeriod[c] = c % periods;
      s.initialize(c);
    }
    s.size = n;
    return s;
  }

  /** The number of cells. */
  int size() {
    return size;
  }

  /** Tells whether cells are addressed by arithmetic. */
  boolean isDense() {
    return densePeriods > 0;
  }

  /** Returns the cell of a group and period, adding it to a dynamic store when new. */
  int cell(int group, int period) {
    if (densePeriods > 0) {
      return group * densePeriods + period;
    }
    int[][] index = cellOf;
    int[] row = group < index.length ? index[group] : null;
    if (row != null && period < row.length && row[period] != 0) {
      return row[period] - 1;
    }
    return add(group, period);
  }

  private int add(int group, int period) {
    if (group >= cellOf.length) {
      cellOf = Arrays.copyOf(cellOf, Math.max(group + 1, cellOf.length * 2));
    }
    int[] row = cellOf[group];
    if (row == null) {
      row = new int[Math.max(4, period + 1)];
      cellOf[group] = row;
    } else if (period >= row.length) {
      row = Arrays.copyOf(row, Math.max(period + 1, row.length * 2));
      cellOf[group] = row;
    }
    int c = size;
    if (c == cellGroup.length) {
      int n = c * 2;
      cellGroup = Arrays.copyOf(cellGroup, n);
      cellPeriod = Arrays.copyOf(cellPeriod, n);
      slots = Arrays.copyOf(slots, n * width);
      objects = Arrays.copyOf(objects, n * stride);
    }
    cellGroup[c] = group;
    cellPeriod[c] = period;
    initialize(c);
    row[period] = c + 1;
    size = c + 1;
    return c;
  }

  private void initialize(int cell) {
    int base = cell * width;
    for (int m = 0; m < plan.kernels.length; m++) {
      Kernel<?, ?> k = plan.kernels[m];
      if (k != null) {
        slots[base + plan.presence[m]] = 0;
        k.initialize(slots, base + plan.presence[m] + 1);
      }
    }
  }

  /** The group of a cell. */
  int group(int cell) {
    return cellGroup[cell];
  }

  /** The period id of a cell. */
  int period(int cell) {
    return cellPeriod[cell];
  }

  /** The key of a cell for the table and messages. */
  Cells.RowKey rowKey(int cell) {
    return new Cells.RowKey(keys.key(cellGroup[cell]), keys.period(cellPeriod[cell]));
  }

  /** Names metric {@code m} in a cell, for an error message. */
  String where(int m, int cell) {
    return ErrorContext.where(plan.metrics.get(m).id(), rowKey(cell));
  }

  /** The window of a period id (the query's window without a period dimension). */
  Window window(int period) {
    if (keys.periods == null) {
      return baseWindow;
    }
    while (windows.size() <= period) {
      windows.add(new Window(keys.periods.period(windows.size()), plan.asOf));
    }
    return windows.get(period);
  }

  /**
   * The bounds of a period id for the kernels, made once per period after checking that every
   * kernel accepts its window.
   */
  WindowBounds bounds(int period) {
    int p = keys.periods == null ? 0 : period;
    while (bounds.size() <= p) {
      Window w = window(bounds.size());
      for (Kernel<?, ?> k : plan.kernels) {
        if (k != null) {
          k.check(w);
        }
      }
      bounds.add(WindowBounds.of(w));
    }
    return bounds.get(p);
  }

  /** The accumulator of metric {@code m} (not a kernel metric) in a cell, made when missing. */
  MetricAccumulator<?, ?> accumulator(int cell, int m) {
    int i = cell * stride + plan.objectIndex[m];
    MetricAccumulator<?, ?> acc = objects[i];
    if (acc == null) {
      acc = plan.metrics.get(m).accumulator(window(cellPeriod[cell]));
      objects[i] = acc;
    }
    return acc;
  }

  /** The accumulator of metric {@code m} in a cell, or null. */
  @Nullable
  MetricAccumulator<?, ?> object(int cell, int m) {
    return objects[cell * stride + plan.objectIndex[m]];
  }

  /** Sets the accumulator of metric {@code m} in a cell. */
  void setObject(int cell, int m, @Nullable MetricAccumulator<?, ?> acc) {
    objects[cell * stride + plan.objectIndex[m]] = acc;
  }

  /** The committed twin of metric {@code m}'s accumulator in a cell of a store with twins. */
  @Nullable
  MetricAccumulator<?, ?> twin(int cell, int m) {
    return objects[cell * stride + objectCount + plan.objectIndex[m]];
  }

  /** Sets the committed twin of metric {@code m}'s accumulator in a cell. */
  void setTwin(int cell, int m, MetricAccumulator<?, ?> acc) {
    objects[cell * stride + objectCount + plan.objectIndex[m]] = acc;
  }

  /**
   * Keeps only the cells whose period {@code keep} accepts, compacting the store (a live view
   * drops the cells of evicted periods). A dynamic store only.
   */
  void retain(java.util.function.IntPredicate keep) {
    int kept = 0;
    for (int c = 0; c < size; c++) {
      if (keep.test(cellPeriod[c])) {
        kept++;
      }
    }
    if (kept == size) {
      return;
    }
    long[] oldSlots = slots;
    MetricAccumulator<?, ?>[] oldObjects = objects;
    int[] oldGroup = cellGroup;
    int[] oldPeriod = cellPeriod;
    int oldSize = size;
    int capacity = Math.max(16, kept);
    slots = new long[capacity * width];
    objects = new MetricAccumulator<?, ?>[capacity * stride];
    cellGroup = new int[capacity];
    cellPeriod = new int[capacity];
    cellOf = new int[16][];
    size = 0;
    for (int c = 0; c < oldSize; c++) {
      if (!keep.test(oldPeriod[c])) {
        continue;
      }
      int n = add(oldGroup[c], oldPeriod[c]);
      System.arraycopy(oldSlots, c * width, slots, n * width, width);
      System.arraycopy(oldObjects, c * stride, objects, n * stride, stride);
    }
  }

  /**
   * Adds everything {@code other} (cells of the same plan) accumulated into this store: slots
   * merged as their kinds say, accumulators merged or taken over. Over the same radix keys and
   * dense layout cells match by number; otherwise by their groups' values and periods' starts.
   * {@code other} must not be used afterwards.
   *
   * @param step names the step in an error message, e.g. {@code "adding up the parts of a
   *     parallel run"}
   */
  void mergeFrom(CellStore other, String step) {
    if (other.keys == keys && other.densePeriods == densePeriods && densePeriods > 0) {
      for (int c = 0; c < other.size; c++) {
        mergeCell(c, other, c, step);
      }
      return;
    }
    int d = keys.dimensions();
    int[][] valueMap = new int[d][];
    for (int i = 0; i < d; i++) {
      Codes.Values theirs = other.keys.dictionaries[i];
      valueMap[i] = new int[theirs.size()];
      for (int v = 0; v < valueMap[i].length; v++) {
        valueMap[i][v] = keys.dictionaries[i].code(theirs.name(v));
      }
    }
    int[] periodMap = new int[other.keys.periods == null ? 1 : other.keys.periods.size()];
    for (int p = 0; p < periodMap.length; p++) {
      periodMap[p] =
          keys.periods == null ? 0 : keys.periods.indexOf(other.keys.periods.period(p).start());
    }
    int[] codes = new int[d];
    int lastGroup = -1;
    int mapped = -1;
    for (int c = 0; c < other.size; c++) {
      if (!other.hasAny(c)) {
        continue;
      }
      int g = other.cellGroup[c];
      if (g != lastGroup) {
        other.keys.codes(g, codes);
        for (int i = 0; i < d; i++) {
          codes[i] = valueMap[i][codes[i]];
        }
        mapped = keys.group(codes);
        lastGroup = g;
      }
      mergeCell(cell(mapped, periodMap[other.cellPeriod[c]]), other, c, step);
    }
  }

  /** Tells whether any metric has something in a cell. */
  boolean hasAny(int cell) {
    int base = cell * width;
    for (int m = 0; m < plan.kernels.length; m++) {
      if (plan.kernels[m] != null
          ? slots[base + plan.presence[m]] != 0
          : objects[cell * stride + plan.objectIndex[m]] != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Merges a block of kernel slots (a cell's {@link Plan#width} longs, as laid out by the plan)
   * into a cell.
   */
  void mergeBlock(int cell, long[] block, int blockBase, String step) {
    int a = cell * width;
    for (int m = 0; m < plan.kernels.length; m++) {
      Kernel<?, ?> k = plan.kernels[m];
      if (k == null) {
        continue;
      }
      int p = plan.presence[m];
      if (block[blockBase + p] == 0) {
        continue;
      }
      try {
        if (slots[a + p] == 0) {
          System.arraycopy(block, blockBase + p, slots, a + p, 1 + k.size());
        } else {
          k.merge(slots, a + p + 1, block, blockBase + p + 1);
        }
      } catch (RuntimeException e) {
        throw ErrorContext.add(e, where(m, cell) + ", " + step);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void mergeCell(int mine, CellStore other, int theirs, String step) {
    int a = mine * width;
    int b = theirs * width;
    for (int m = 0; m < plan.kernels.length; m++) {
      Kernel<?, ?> k = plan.kernels[m];
      try {
        if (k != null) {
          int p = plan.presence[m];
          if (other.slots[b + p] == 0) {
            continue;
          }
          if (slots[a + p] == 0) {
            System.arraycopy(other.slots, b + p, slots, a + p, 1 + k.size());
          } else {
            k.merge(slots, a + p + 1, other.slots, b + p + 1);
          }
        } else {
          int i = plan.objectIndex[m];
          MetricAccumulator<?, ?> acc = other.objects[theirs * other.stride + i];
          if (acc == null) {
            continue;
          }
          int at = mine * stride + i;
          if (objects[at] == null) {
            objects[at] = acc;
          } else {
            ((MetricAccumulator) objects[at]).merge(acc);
          }
        }
      } catch (RuntimeException e) {
        throw ErrorContext.add(e, where(m, mine) + ", " + step);
      }
    }
  }

  /** The period of a period id, or null without a period dimension. */
  @Nullable
  Period periodOf(int period) {
    return keys.period(period);
  }
}
