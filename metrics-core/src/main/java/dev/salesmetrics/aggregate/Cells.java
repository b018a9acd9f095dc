package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.metric.CustomerRow;
import dev.salesmetrics.metric.DealRow;
import dev.salesmetrics.metric.Kernel;
import dev.salesmetrics.metric.LeadRow;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.OrderRow;
import dev.salesmetrics.metric.Placement;
import dev.salesmetrics.metric.RecordView;
import dev.salesmetrics.metric.ResponseRow;
import dev.salesmetrics.metric.Slots;
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
 * The object engine: records into a {@link CellStore} over chained {@link Keys}, for one pass (a
 * query, a chunk of a parallel run, a live stripe). Per record it looks up one dictionary code per
 * dimension value and the period of each metric's placing instant (the period found last, then a
 * table of days, then a binary search, see {@link PeriodLookup}); kernel metrics then update their
 * slots through a {@link RecordView} of the record, other metrics their accumulators. No key
 * object is built per record, and nothing is allocated but new groups and cells. Not thread safe.
 *
 * <p><b>Live cells</b> ({@link Plan#newLiveCells}) feed the metrics on accumulators only (a live
 * view runs its kernel metrics on per-writer cells of its own, see {@link LiveCells}), and apply
 * each record to every one of them or to none: each accumulator has a twin, the committed one, which receives a
 * record only after every accumulator the record goes to has accepted it. When one throws, the
 * accumulators the record already reached (and the one that threw, which may have changed before
 * throwing) are replaced by copies of their twins, or removed when the record created them, and
 * the retention is not told of the record's periods. So a record costs two adds, the accumulators
 * twice the memory, and a rejected record a copy of the accumulators it reached.
 */
final class Cells {
  /** A group and its period (null without a period dimension). */
  record RowKey(GroupKey key, @Nullable Period period) {}

  private final Plan plan;
  final CellStore store;
  private final Keys keys;
  private final int metricCount;
  private final Class<?>[][] recordKinds;
  private final boolean[] spanning;
  @Nullable private final PeriodLookup lookup;
  private final int[] rangeIds;
  private final Placement<?>[] placements;
  private final boolean filtered;
  private final Kernel.Update<?>[] updates;
  private final RecordView<?>[] views;
  private final Slots slots = new Slots();
  @Nullable private final Retention retention;
  private final boolean live;
  private boolean late;
  private final BitSet notified = new BitSet();

  // the accumulators a live record reached, in order: cell, metric and record part
  private int[] reachedCell = new int[8];
  private int[] reachedMetric = new int[8];
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
    this.keys = Keys.chained(plan);
    this.store = live ? CellStore.withTwins(plan, keys) : CellStore.dynamic(plan, keys);
    this.metricCount = plan.metrics.size();
    this.recordKinds = new Class<?>[metricCount][];
    this.spanning = new boolean[metricCount];
    this.placements = new Placement<?>[metricCount];
    this.updates = new Kernel.Update<?>[metricCount];
    this.views = new RecordView<?>[metricCount];
    Map<Class<?>, RecordView<?>> viewByRow = new HashMap<>();
    for (int i = 0; i < metricCount; i++) {
      recordKinds[i] = plan.metrics.get(i).recordKinds().toArray(new Class<?>[0]);
      spanning[i] = plan.metrics.get(i).placement().isSpanning();
      placements[i] = plan.metrics.get(i).placement();
      Kernel<?, ?> k = plan.kernels[i];
      if (k != null) {
        updates[i] = k.update();
        views[i] = viewByRow.computeIfAbsent(k.rowType(), Cells::view);
      }
    }
    this.filtered = plan.filter != Plan.ACCEPT_ALL;
    this.lookup = keys.periods;
    if (plan.periodDimension != null && plan.range != null) {
      rangeIds = new int[plan.range.size()];
      for (int i = 0; i < rangeIds.length; i++) {
        rangeIds[i] = i;
      }
    } else {
      rangeIds = new int[0];
    }
  }

  private static RecordView<?> view(Class<?> rowType) {
    if (rowType == DealRow.class) {
      return RecordView.of(DealRow.class);
    } else if (rowType == OrderRow.class) {
      return RecordView.of(OrderRow.class);
    } else if (rowType == LeadRow.class) {
      return RecordView.of(LeadRow.class);
    } else if (rowType == CustomerRow.class) {
      return RecordView.of(CustomerRow.class);
    }
    return RecordView.of(ResponseRow.class);
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
        addPart(part, live);
      }
    } else {
      addPart(record, live);
    }
  }

  /** Adds the records {@code from} (inclusive) to {@code to} (exclusive) of {@code list}. */
  void addAll(List<? extends SalesRecord> list, int from, int to) {
    for (int i = from; i < to; i++) {
      add(list.get(i));
    }
  }

  /**
   * Adds a record (already as of the plan's instant, filtered and split) to the metrics that read
   * it; the columnar engine hands the rows it cannot take itself here.
   */
  void addPart(SalesRecord part) {
    addPart(part, false);
  }

  /** As {@link #addPart(SalesRecord)}, to the metrics on accumulators only when so asked. */
  void addPart(SalesRecord part, boolean accumulatorsOnly) {
    int group = -1;
    Instant lastAt = null;
    int lastId = -1;
    for (int m = 0; m < metricCount; m++) {
      if (!reads(recordKinds[m], part) || (accumulatorsOnly && updates[m] != null)) {
        continue;
      }
      if (group < 0) {
        group = keys.groupOf(part);
      }
      if (lookup == null) {
        apply(group, 0, m, part, spanning[m] || updates[m] == null || inWindow(m, part));
      } else if (spanning[m]) {
        for (int id : rangeIds) {
          apply(group, id, m, part, true);
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
          apply(group, id, m, part, true);
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

  /**
   * Tells whether the placing instant of kernel metric {@code m} lies in the query's one window:
   * a kernel sees only the rows placed in its window.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean inWindow(int m, SalesRecord part) {
    Optional<Instant> at = ((Placement) placements[m]).instant(part);
    return at.isPresent() && (plan.during == null || plan.during.contains(at.get()));
  }

  /**
   * Adds {@code part} to metric {@code m} in a group and period; a kernel metric's cell is marked
   * as reached, and its update runs only when {@code update} holds.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void apply(int group, int period, int m, SalesRecord part, boolean update) {
    int cell = store.cell(group, period);
    Kernel.Update kernel = updates[m];
    if (kernel != null) {
      int at = cell * plan.width + plan.presence[m];
      long[] data = store.slots;
      data[at] = 1;
      if (!update) {
        return;
      }
      try {
        kernel.update(views[m].at(part), slots.at(data, at + 1), store.bounds(period));
      } catch (RuntimeException e) {
        throw ErrorContext.add(e, store.where(m, cell), part);
      }
      return;
    }
    MetricAccumulator acc = store.accumulator(cell, m);
    if (live) {
      reach(cell, m, part);
    }
    try {
      acc.add(part);
    } catch (RuntimeException e) {
      throw ErrorContext.add(e, store.where(m, cell), part);
    }
  }

  private void reach(int cell, int m, SalesRecord part) {
    if (reached == reachedCell.length) {
      int n = reached * 2;
      reachedCell = Arrays.copyOf(reachedCell, n);
      reachedMetric = Arrays.copyOf(reachedMetric, n);
      reachedPart = Arrays.copyOf(reachedPart, n);
    }
    reachedCell[reached] = cell;
    reachedMetric[reached] = m;
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
      int cell = reachedCell[i];
      int m = reachedMetric[i];
      MetricAccumulator twin = store.twin(cell, m);
      if (twin == null) {
        twin = plan.metrics.get(m).accumulator(store.window(store.period(cell)));
        store.setTwin(cell, m, twin);
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
      int cell = reachedCell[i];
      int m = reachedMetric[i];
      MetricAccumulator twin = store.twin(cell, m);
      if (twin == null) {
        store.setObject(cell, m, null); // created for this record
      } else {
        MetricAccumulator copy =
            plan.metrics.get(m).accumulator(store.window(store.period(cell)));
        copy.merge(twin);
        store.setObject(cell, m, copy);
      }
    }
    forget();
  }

  private void forget() {
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

  /** Frees the cells of periods no longer kept. */
  void evict() {
    if (retention == null || lookup == null) {
      return;
    }
    Retention r = retention;
    PeriodLookup periods = lookup;
    store.retain(p -> r.test(periods.startSecond(p)));
  }

  /**
   * Moves everything {@code other} (cells of the same plan) has accumulated into these cells.
   * {@code other} must not be used afterwards.
   */
  void mergeFrom(Cells other) {
    store.mergeFrom(other.store, "adding up the parts of a parallel run");
  }

  /**
   * Returns a store with fresh copies of the cells' accumulators in the kept periods, over keys of
   * its own (so it may be read while these cells go on); these cells stay unchanged.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  CellStore copy() {
    CellStore out = CellStore.dynamic(plan, keys);
    for (int c = 0; c < store.size(); c++) {
      int p = store.period(c);
      if (retention != null && lookup != null && !retention.test(lookup.startSecond(p))) {
        continue;
      }
      int target = -1;
      for (int m = 0; m < metricCount; m++) {
        if (plan.kernels[m] != null) {
          continue; // a live view's kernel metrics run on its writers' cells
        }
        MetricAccumulator<?, ?> acc = store.object(c, m);
        if (acc == null) {
          continue;
        }
        if (target < 0) {
          target = out.cell(store.group(c), p);
        }
        MetricAccumulator fresh = plan.metrics.get(m).accumulator(store.window(p));
        fresh.merge(acc);
        out.setObject(target, m, fresh);
      }
    }
    CellStore own = CellStore.dynamic(plan, Keys.chained(plan));
    own.mergeFrom(out, "copying the cells of a live view");
    return own;
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
