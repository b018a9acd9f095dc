package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.Placement;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The accumulators of one pass (one thread, one chunk, one live stripe): one array of metric
 * accumulators per group and period. Each dimension value gets a dense code from a dictionary of
 * that dimension, several codes are chained into one dense group id ({@link Codes}), and periods
 * get dense ids from a {@link PeriodLookup}; the {@link GroupKey} of a group is only built when
 * the cells are read. The hot path thus does one open-addressing lookup per dimension on strings
 * the records already hold, finds the period mostly from the last one or a day table, and
 * allocates only for a new group or cell. Not thread safe.
 *
 * <p><b>Live cells</b> ({@link Plan#newLiveCells}) apply each record to every metric or to none:
 * each accumulator has a twin, the committed one, which receives a record only after every
 * accumulator the record goes to has accepted it. When one throws, the accumulators the record
 * already reached (and the one that threw, which may have changed before throwing) are replaced
 * by copies of their twins, or removed when the record created them, and the retention is not
 * told of the record's periods. So a record costs two adds, the accumulators twice the memory,
 * and a rejected record a copy of the accumulators it reached.
 */
final class Cells {
  /** A group and its period (null without a period dimension). */
  record RowKey(GroupKey key, @Nullable Period period) {}

  private final Plan plan;
  private final int metricCount;
  private final Class<?>[][] recordKinds;
  private final boolean[] spanning;
  private final Window baseWindow;
  @Nullable private final PeriodLookup lookup;
  private final int[] rangeIds;
  private final List<Window> windows = new ArrayList<>();
  private final Placement<?>[] placements;
  private final boolean filtered;
  private final Dimension[] dims;
  private final Codes.Values[] dictionaries;
  private final Codes.Pairs[] chains;
  private final List<GroupKey> keys = new ArrayList<>();
  private MetricAccumulator<?, ?>[][][] rows = new MetricAccumulator<?, ?>[16][][];
  private int groups;
  private int lastGroup = -1;
  private int lastPeriod = -1;
  private MetricAccumulator<?, ?>[] lastCell = new MetricAccumulator<?, ?>[0];
  @Nullable private final Retention retention;
  private final boolean live;
  private final int slots;
  private boolean late;
  private final BitSet notified = new BitSet();

  // the accumulators a live record reached, in order: cell, metric, period id and record part
  private MetricAccumulator<?, ?>[][] reachedCell = new MetricAccumulator<?, ?>[8][];
  private int[] reachedMetric = new int[8];
  private int[] reachedPeriod = new int[8];
  private SalesRecord[] reachedPart = new SalesRecord[8];
  private int reached;
  // the kept periods a live record was placed in, to tell the retention once it is committed
  private int[] placed = new int[8];
  private int placedCount;

  /** Cells of a batch pass. */
  Cells(Plan plan) {
    this(plan, null, false);
  }

  /**
   * Cells of a batch pass, or with {@code live} the cells of a live stripe, which apply each
   * record whole or not at all and keep the periods {@code retention} keeps.
   */
  Cells(Plan plan, @Nullable Retention retention, boolean live) {
    this.plan = plan;
    this.retention = retention;
    this.live = live;
    this.metricCount = plan.metrics.size();
    this.slots = live ? 2 * metricCount : metricCount;
    this.recordKinds = new Class<?>[metricCount][];
    this.spanning = new boolean[metricCount];
    for (int i = 0; i < metricCount; i++) {
      recordKinds[i] = plan.metrics.get(i).recordKinds().toArray(new Class<?>[0]);
      spanning[i] = plan.metrics.get(i).placement().isSpanning();
    }
    this.baseWindow = new Window(plan.during, plan.asOf);
    this.placements = new Placement<?>[metricCount];
    for (int i = 0; i < metricCount; i++) {
      placements[i] = plan.metrics.get(i).placement();
    }
    this.filtered = plan.filter != Plan.ACCEPT_ALL;
    this.dims = plan.dimensions.toArray(new Dimension[0]);
    this.dictionaries = new Codes.Values[dims.length];
    this.chains = new Codes.Pairs[dims.length];
    for (int i = 0; i < dims.length; i++) {
      dictionaries[i] = new Codes.Values();
      chains[i] = new Codes.Pairs();
    }
    if (plan.periodDimension == null) {
      lookup = null;
      rangeIds = new int[0];
    } else if (plan.range != null) {
      lookup = new PeriodLookup(plan.periodDimension, plan.range);
      rangeIds = new int[plan.range.size()];
      for (int i = 0; i < rangeIds.length; i++) {
        rangeIds[i] = i;
      }
    } else {
      lookup = new PeriodLookup(plan.periodDimension);
      rangeIds = new int[0];
    }
  }

  /** Adds one record to every metric that reads it. */
  void add(SalesRecord input) {
    SalesRecord record = input;
    if (plan.asOf != null) {
      Optional<? extends SalesRecord> known = record.asOf(plan.asOf);
      if (known.isEmpty()) {
        return;
      }
      record = known.get();
    }
    if (filtered && !plan.filter.test(record)) {
      return;
    }
    if (plan.splitProducts && record instanceof Order order && order.lines().size() > 1) {
      for (Order part : productParts(order)) {
        addPart(part);
      }
    } else {
      addPart(record);
    }
  }

  /** Adds the records {@code from} (inclusive) to {@code to} (exclusive) of {@code list}. */
  void addAll(List<? extends SalesRecord> list, int from, int to) {
    for (int i = from; i < to; i++) {
      add(list.get(i));
    }
  }

  private void addPart(SalesRecord part) {
    int group = -1;
    Instant lastAt = null;
    int lastId = -1;
    for (int m = 0; m < metricCount; m++) {
      if (!reads(recordKinds[m], part)) {
        continue;
      }
      if (group < 0) {
        group = groupOf(part);
      }
      if (lookup == null) {
        apply(group, 0, m, part);
      } else if (spanning[m]) {
        for (int id : rangeIds) {
          apply(group, id, m, part);
        }
      } else {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Optional<Instant> placedAt = ((Placement) placements[m]).instant(part);
        Instant at = placedAt.orElse(null);
        if (at == null) {
          continue;
        }
        // metrics placed by the same instant of a record (closed_at) share its period
        int id = at.equals(lastAt) ? lastId : periodId(at, m, part);
        lastAt = at;
        lastId = id;
        if (id >= 0 && retention != null && !kept(id)) {
          late = true;
          continue;
        }
        if (id >= 0) {
          apply(group, id, m, part);
        }
      }
    }
  }

  /** Tells whether a metric of these record kinds reads {@code part}. */
  private static boolean reads(Class<?>[] kinds, SalesRecord part) {
    for (Class<?> kind : kinds) {
      if (kind.isInstance(part)) {
        return true;
      }
    }
    return false;
  }

  /** The id of the period containing {@code at}, the placing instant of metric {@code m}. */
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

  /** Adds {@code part} to the accumulator of metric {@code m} in a group and period. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void apply(int group, int period, int m, SalesRecord part) {
    MetricAccumulator<?, ?>[] cell = cell(group, period);
    MetricAccumulator acc = cell[m] != null ? cell[m] : newAccumulator(cell, period, m);
    if (live) {
      reach(cell, m, period, part);
    }
    try {
      acc.add(part);
    } catch (RuntimeException e) {
      throw ErrorContext.add(e, where(m, group, period), part);
    }
  }

  /** Names metric {@code m} in a group and period, for an error message. */
  private String where(int m, int group, int period) {
    return ErrorContext.where(
        plan.metrics.get(m).id(), keyOf(group), lookup == null ? null : lookup.period(period));
  }

  private void reach(MetricAccumulator<?, ?>[] cell, int m, int period, SalesRecord part) {
    if (reached == reachedCell.length) {
      int n = reached * 2;
      reachedCell = Arrays.copyOf(reachedCell, n);
      reachedMetric = Arrays.copyOf(reachedMetric, n);
      reachedPeriod = Arrays.copyOf(reachedPeriod, n);
      reachedPart = Arrays.copyOf(reachedPart, n);
    }
    reachedCell[reached] = cell;
    reachedMetric[reached] = m;
    reachedPeriod[reached] = period;
    reachedPart[reached] = part;
    reached++;
  }

  /**
   * Adds one record as {@link #add} does, but to every metric or to none (live cells only), and
   * tells whether a metric dropped it because its period is no longer kept.
   *
   * @throws RuntimeException what an accumulator threw, after undoing the record
   */
  boolean addLive(SalesRecord record) {
    late = false;
    reached = 0;
    placedCount = 0;
    try {
      add(record);
    } catch (RuntimeException | Error e) {
      undo();
      throw e;
    }
    commit();
    return late;
  }

  /** Gives the committed twins the record every accumulator accepted; tells the retention. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void commit() {
    for (int i = 0; i < reached; i++) {
      MetricAccumulator<?, ?>[] cell = reachedCell[i];
      int m = reachedMetric[i];
      MetricAccumulator twin = cell[metricCount + m];
      if (twin == null) {
        twin = plan.metrics.get(m).accumulator(window(reachedPeriod[i]));
        cell[metricCount + m] = twin;
      }
      twin.add(reachedPart[i]);
    }
    Retention r = retention;
    if (r != null && lookup != null) {
      for (int i = 0; i < placedCount; i++) {
        int id = placed[i];
        if (!notified.get(id)) {
          notified.set(id);
          r.seen(lookup.startSecond(id));
        }
      }
    }
    forget();
  }

  /** Puts back the accumulators the record reached as they were before it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void undo() {
    for (int i = reached - 1; i >= 0; i--) {
      MetricAccumulator<?, ?>[] cell = reachedCell[i];
      int m = reachedMetric[i];
      MetricAccumulator twin = cell[metricCount + m];
      if (twin == null) {
        cell[m] = null; // created for this record
      } else {
        MetricAccumulator copy = plan.metrics.get(m).accumulator(window(reachedPeriod[i]));
        copy.merge(twin);
        cell[m] = copy;
      }
    }
    forget();
  }

  private void forget() {
    Arrays.fill(reachedCell, 0, reached, null);
    Arrays.fill(reachedPart, 0, reached, null);
    reached = 0;
    placedCount = 0;
  }

  /**
   * Tells whether the period {@code id} is kept, as of the records committed before this one;
   * the retention hears of the period once the record is committed.
   */
  private boolean kept(int id) {
    Retention r = checkNotNull(retention, "retention");
    long start = lookup.startSecond(id);
    boolean known = notified.get(id);
    boolean kept = known ? r.test(start) : r.wouldKeep(start);
    if (kept && !known) {
      if (placedCount == placed.length) {
        placed = Arrays.copyOf(placed, placedCount * 2);
      }
      placed[placedCount++] = id;
    }
    return kept;
  }

  /** Frees the accumulators of periods no longer kept. */
  void evict() {
    if (retention == null || lookup == null) {
      return;
    }
    for (int g = 0; g < groups; g++) {
      MetricAccumulator<?, ?>[][] row = rows[g];
      if (row == null) {
        continue;
      }
      for (int p = 0; p < row.length; p++) {
        if (row[p] != null && !retention.test(lookup.startSecond(p))) {
          row[p] = null;
        }
      }
    }
    lastGroup = -1;
    lastPeriod = -1;
  }

  /**
   * Returns the dense id of the record's group: one dictionary code per dimension value, and
   * with several dimensions the codes chained pairwise into one.
   */
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

  /** Returns the key of a group id. */
  private GroupKey keyOf(int group) {
    int d = dims.length;
    if (d == 0) {
      return GroupKey.overall();
    }
    GroupKey known = group < keys.size() ? keys.get(group) : null;
    if (known != null) {
      return known;
    }
    String[] values = new String[d];
    int id = group;
    for (int i = d - 1; i > 0; i--) {
      values[i] = dictionaries[i].name(chains[i].second(id));
      id = chains[i].first(id);
    }
    values[0] = dictionaries[0].name(id);
    Map<String, String> key = new LinkedHashMap<>();
    for (int i = 0; i < d; i++) {
      key.put(dims[i].id(), values[i]);
    }
    GroupKey k = GroupKey.of(key);
    while (keys.size() <= group) {
      keys.add(null);
    }
    keys.set(group, k);
    return k;
  }

  private MetricAccumulator<?, ?>[] cell(int group, int period) {
    if (group == lastGroup && period == lastPeriod) {
      return lastCell;
    }
    MetricAccumulator<?, ?>[][] row = group < rows.length ? rows[group] : null;
    MetricAccumulator<?, ?>[] cell = row != null && period < row.length ? row[period] : null;
    if (cell == null) {
      cell = newCell(group, period);
    }
    lastGroup = group;
    lastPeriod = period;
    lastCell = cell;
    return cell;
  }

  private MetricAccumulator<?, ?>[] newCell(int group, int period) {
    if (group >= rows.length) {
      rows = Arrays.copyOf(rows, Math.max(group + 1, rows.length * 2));
    }
    MetricAccumulator<?, ?>[][] row = rows[group];
    if (row == null) {
      row = new MetricAccumulator<?, ?>[Math.max(4, period + 1)][];
      rows[group] = row;
      groups = Math.max(groups, group + 1);
    }
    if (period >= row.length) {
      row = Arrays.copyOf(row, Math.max(period + 1, row.length * 2));
      rows[group] = row;
    }
    MetricAccumulator<?, ?>[] cell = row[period];
    if (cell == null) {
      cell = new MetricAccumulator<?, ?>[slots];
      row[period] = cell;
    }
    return cell;
  }

  private MetricAccumulator<?, ?> newAccumulator(
      MetricAccumulator<?, ?>[] cell, int period, int metric) {
    MetricAccumulator<?, ?> acc = plan.metrics.get(metric).accumulator(window(period));
    cell[metric] = acc;
    return acc;
  }

  private Window window(int period) {
    if (lookup == null) {
      return baseWindow;
    }
    while (windows.size() <= period) {
      windows.add(new Window(lookup.period(windows.size()), plan.asOf));
    }
    return windows.get(period);
  }

  /**
   * Moves everything {@code other} (cells of the same plan) has accumulated into these cells:
   * groups and periods are matched by value, accumulators of a cell both have are merged, the
   * others taken over. {@code other} must not be used afterwards.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void mergeFrom(Cells other) {
    int[] periodIds = new int[other.lookup == null ? 1 : other.lookup.size()];
    for (int p = 0; p < periodIds.length; p++) {
      periodIds[p] = lookup == null ? 0 : lookup.indexOf(other.lookup.period(p).start());
    }
    int[][] valueMap = new int[dims.length][];
    for (int i = 0; i < dims.length; i++) {
      valueMap[i] = new int[other.dictionaries[i].size()];
      for (int c = 0; c < valueMap[i].length; c++) {
        valueMap[i][c] = dictionaries[i].code(other.dictionaries[i].name(c));
      }
    }
    for (int g = 0; g < other.groups; g++) {
      MetricAccumulator<?, ?>[][] row = other.rows[g];
      if (row == null) {
        continue;
      }
      int group = groupOf(other, g, valueMap);
      for (int p = 0; p < row.length; p++) {
        MetricAccumulator<?, ?>[] theirs = row[p];
        if (theirs == null) {
          continue;
        }
        MetricAccumulator<?, ?>[] mine = newCell(group, periodIds[p]);
        for (int m = 0; m < metricCount; m++) {
          if (theirs[m] == null) {
            continue;
          }
          if (mine[m] == null) {
            mine[m] = theirs[m];
          } else {
            try {
              ((MetricAccumulator) mine[m]).merge(theirs[m]);
            } catch (RuntimeException e) {
              throw ErrorContext.add(
                  e, where(m, group, periodIds[p]) + ", adding up the parts of a parallel run");
            }
          }
        }
      }
    }
    lastGroup = -1;
    lastPeriod = -1;
  }

  /**
   * Returns the dense id here of the group {@code group} of {@code other}, through {@code
   * valueMap}: per dimension, the code here of each of {@code other}'s value codes.
   */
  private int groupOf(Cells other, int group, int[][] valueMap) {
    int d = dims.length;
    if (d == 0) {
      return 0;
    }
    int[] codes = new int[d];
    int id = group;
    for (int i = d - 1; i > 0; i--) {
      codes[i] = valueMap[i][other.chains[i].second(id)];
      id = other.chains[i].first(id);
    }
    codes[0] = valueMap[0][id];
    int mine = codes[0];
    for (int i = 1; i < d; i++) {
      mine = chains[i].code(mine, codes[i]);
    }
    return mine;
  }

  /** Returns the cells by group and period; this object must not be used afterwards. */
  Map<RowKey, MetricAccumulator<?, ?>[]> drain() {
    Map<RowKey, MetricAccumulator<?, ?>[]> out = new HashMap<>();
    for (int g = 0; g < groups; g++) {
      MetricAccumulator<?, ?>[][] row = rows[g];
      if (row == null) {
        continue;
      }
      for (int p = 0; p < row.length; p++) {
        if (row[p] != null) {
          Period period = lookup == null ? null : lookup.period(p);
          out.put(new RowKey(keyOf(g), period), row[p]);
        }
      }
    }
    return out;
  }

  /** Returns fresh copies of the cells' accumulators; this object stays unchanged. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Map<RowKey, MetricAccumulator<?, ?>[]> copy() {
    Map<RowKey, MetricAccumulator<?, ?>[]> out = new HashMap<>();
    for (int g = 0; g < groups; g++) {
      MetricAccumulator<?, ?>[][] row = rows[g];
      if (row == null) {
        continue;
      }
      for (int p = 0; p < row.length; p++) {
        if (row[p] == null
            || (retention != null && lookup != null && !retention.test(lookup.startSecond(p)))) {
          continue;
        }
        MetricAccumulator<?, ?>[] cell = new MetricAccumulator<?, ?>[metricCount];
        for (int m = 0; m < metricCount; m++) {
          if (row[p][m] != null) {
            MetricAccumulator fresh = plan.metrics.get(m).accumulator(window(p));
            fresh.merge(row[p][m]);
            cell[m] = fresh;
          }
        }
        Period period = lookup == null ? null : lookup.period(p);
        out.put(new RowKey(keyOf(g), period), cell);
      }
    }
    return out;
  }

  /** Returns the per-product parts of an order with lines of several products. */
  static List<Order> productParts(Order order) {
    Map<String, List<OrderLine>> byProduct = new LinkedHashMap<>();
    for (OrderLine line : order.lines()) {
      byProduct.computeIfAbsent(line.product(), k -> new ArrayList<>()).add(line);
    }
    if (byProduct.size() == 1) {
      return List.of(order);
    }
    List<Order> parts = new ArrayList<>(byProduct.size());
    for (List<OrderLine> lines : byProduct.values()) {
      Money amount = Money.zero(order.amount().currency());
      for (OrderLine line : lines) {
        amount = amount.plus(line.amount());
      }
      parts.add(
          new Order(
              order.id(),
              order.customerId(),
              order.placedAt(),
              amount,
              order.status(),
              order.repId(),
              lines));
    }
    return parts;
  }
}
