package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.metric.Kernel;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Slots;
import dev.salesmetrics.metric.WindowBounds;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javax.annotation.Nullable;

/**
 * The columnar engine: a query over a {@link ColumnStore} with every kernel metric fed straight
 * from the columns. Rows are taken in batches; for each batch and each route (the kernel metrics
 * of one kind of row placed by one instant, or spanning), a first loop finds each row's cell (the
 * group from the dimension codes of the row, the period from its instant) and a second updates the
 * cell for each metric of the route, through one call site per metric, so that the compiler can
 * inline each kernel into the loop.
 *
 * <p>Cells follow the one key layout ({@link Keys}): when every value of the grouping dimensions
 * is known from the store's dictionaries and the groups × periods fit, in <em>radix</em> form, the
 * cells of each chunk of rows sit side by side in one flat array addressed by arithmetic, and
 * chunks merge slot by slot; otherwise (sparse groups, periods decades apart) each chunk grows
 * its cells as rows arrive, as a query over records does. What kernels cannot take goes through
 * the object engine ({@link Cells}) into cells of its own, merged at the end: the metrics without
 * a kernel (each row made into a record), the records kept as objects (reps, quotas, campaigns),
 * and orders of several products when grouping by product (split into parts).
 *
 * <p>A query with a filter, an as-of instant or a custom dimension reads records; {@link Query}
 * runs it on the object engine over the store's records.
 */
final class ColumnarEngine {
  /** The most longs (slots and accumulator references) the cells of one chunk may hold, dense. */
  private static final long MAX_DENSE = 1L << 22;

  private static final int BATCH = 512;
  private static final int MIN_CHUNK = 1 << 15;

  private final Plan plan;
  private final ColumnStore store;
  private final List<Segment> segments;
  private final List<Route> routes = new ArrayList<>();
  private final java.util.EnumSet<RowKind> accumulatorKinds = java.util.EnumSet.noneOf(RowKind.class);
  private final boolean needsObjects;
  @Nullable private final Keys radix;
  private final int periods;
  @Nullable private final PeriodBuckets buckets;
  @Nullable private final int[] bucketPeriod;
  private final WindowBounds[] bounds;
  /** With buckets of whole UTC days: the period of each day from {@link #dayBase}, or -1. */
  @Nullable private final int[] dayPeriod;

  private final long dayBase;
  private final long dayEnd;

  /** The kernel metrics of one kind of row placed by one instant field, or spanning. */
  private static final class Route {
    final RowKind kind;
    @Nullable final String field;
    final int[] metrics;
    final Kernel.Update<?>[] updates;
    final int[] presence;

    Route(RowKind kind, @Nullable String field, List<Integer> ms, Plan plan) {
      this.kind = kind;
      this.field = field;
      this.metrics = new int[ms.size()];
      this.updates = new Kernel.Update<?>[ms.size()];
      this.presence = new int[ms.size()];
      for (int i = 0; i < metrics.length; i++) {
        int m = ms.get(i);
        metrics[i] = m;
        updates[i] = plan.kernels[m].update();
        presence[i] = plan.presence[m];
      }
    }
  }

  /** Tells whether the engine can run {@code plan}: no filter, no as-of, built-in dimensions. */
  static boolean supports(Plan plan) {
    if (plan.filter != Plan.ACCEPT_ALL || plan.asOf != null) {
      return false;
    }
    for (Dimension d : plan.dimensions) {
      if (!d.isColumnar()) {
        return false;
      }
    }
    return true;
  }

  ColumnarEngine(Plan plan, ColumnStore store) {
    this.plan = plan;
    this.store = store;
    this.segments = Segment.of(store);
    for (RowKind kind : RowKind.values()) {
      List<String> fields = new ArrayList<>();
      List<List<Integer>> byField = new ArrayList<>();
      for (int m = 0; m < plan.metrics.size(); m++) {
        Metric<?, ?> metric = plan.metrics.get(m);
        if (plan.kernels[m] != null) {
          if (RowKind.ofRow(plan.kernels[m].rowType()) != kind) {
            continue;
          }
          String field = metric.placement().isSpanning() ? null : metric.placement().field();
          int at = fields.indexOf(field);
          if (at < 0) {
            fields.add(field);
            byField.add(new ArrayList<>());
            at = fields.size() - 1;
          }
          byField.get(at).add(m);
        } else if (metric.recordType().isAssignableFrom(kind.recordType)) {
          accumulatorKinds.add(kind);
        }
      }
      for (int i = 0; i < fields.size(); i++) {
        routes.add(new Route(kind, fields.get(i), byField.get(i), plan));
      }
    }
    boolean objects = !store.others.isEmpty() || !accumulatorKinds.isEmpty();
    if (plan.splitProducts) {
      for (OrderAppender a : store.orders) {
        for (int r = 0; r < a.size() && !objects; r++) {
          objects = a.severalProducts(r);
        }
      }
    }
    this.needsObjects = objects;

    // the radix layout, when it fits
    Keys keys = null;
    int p = 1;
    PeriodBuckets b = null;
    int[] map = null;
    Codes.Values[] dictionaries = dictionaries();
    long groups = 1;
    for (Codes.Values v : dictionaries) {
      groups *= Math.max(1, v.size());
    }
    long perCell = Math.max(1, plan.width + plan.objectCount);
    if (groups * perCell <= MAX_DENSE) {
      if (plan.periodDimension == null) {
        keys = Keys.radix(plan, dictionaries, null);
      } else if (plan.range != null) {
        b = rangeBuckets(plan.range, groups * perCell);
        if (b != null) {
          map = new int[b.size()];
          for (int i = 0; i < map.length; i++) {
            map[i] = plan.range.indexOf(b.periods.get(i));
          }
          p = plan.range.size();
          keys =
              Keys.radix(plan, dictionaries, new PeriodLookup(plan.periodDimension, plan.range));
        }
      } else {
        long[] span = span();
        if (span == null) {
          keys =
              Keys.radix(plan, dictionaries, new PeriodLookup(plan.periodDimension, List.of()));
        } else {
          b = buckets(span[0], span[1], groups * perCell);
          if (b != null) {
            p = b.size();
            map = new int[p];
            for (int i = 0; i < p; i++) {
              map[i] = i;
            }
            keys = Keys.radix(plan, dictionaries, new PeriodLookup(plan.periodDimension, b.periods));
          }
        }
      }
    }
    if (keys != null && groups * p * perCell > MAX_DENSE) {
      keys = null;
    }
    this.radix = keys;
    this.periods = p;
    this.buckets = keys == null ? null : b;
    this.bucketPeriod = keys == null ? null : map;
    this.bounds = new WindowBounds[keys == null ? 0 : p];
    int[] days = keys == null || b == null ? null : b.dayTable();
    if (days != null) {
      int[] byDay = new int[days.length];
      for (int i = 0; i < days.length; i++) {
        byDay[i] = map[days[i]];
      }
      this.dayPeriod = byDay;
      this.dayBase = b.base();
      this.dayEnd = b.end();
    } else {
      this.dayPeriod = null;
      this.dayBase = 0;
      this.dayEnd = 0;
    }
    if (keys != null && (keys.periods == null || keys.periods.size() > 0)) {
      CellStore windows = CellStore.dynamic(plan, keys);
      for (int i = 0; i < p; i++) {
        bounds[i] = windows.bounds(i);
      }
    }
  }

  /**
   * Every value each grouping dimension can take over the store: the values its text columns map
   * to, and those of the records kept as objects.
   */
  private Codes.Values[] dictionaries() {
    int d = plan.dimensions.size();
    Codes.Values[] out = new Codes.Values[d];
    for (int i = 0; i < d; i++) {
      Dimension dim = plan.dimensions.get(i);
      Codes.Values values = new Codes.Values();
      for (Segment s : segments) {
        TextField f = dim.field(s.kind);
        Columns.Text text = f == null ? null : s.text(f);
        values.code(dim.fromField(s.kind, null));
        if (text != null) {
          for (String v : text.names()) {
            values.code(dim.fromField(s.kind, v));
          }
        }
      }
      for (SalesRecord r : store.others) {
        values.code(dim.rawValueOf(r));
      }
      out[i] = values;
    }
    return out;
  }

  /** The smallest and largest epoch second of the instants the placed routes read, or null. */
  @Nullable
  private long[] span() {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Route route : routes) {
      if (route.field == null) {
        continue;
      }
      for (Segment s : segments) {
        if (s.kind != route.kind) {
          continue;
        }
        Columns.Instants column = s.instants(route.field);
        if (column != null) {
          min = Math.min(min, column.min);
          max = Math.max(max, column.max);
        }
      }
    }
    return min > max ? null : new long[] {min, max};
  }

  /**
   * The buckets of the periods from {@code minSec} to {@code maxSec}, or null when an end lies
   * too near the ends of time or the periods × {@code perPeriod} would not fit densely.
   */
  @Nullable
  private PeriodBuckets buckets(long minSec, long maxSec, long perPeriod) {
    Dimension dim = checkNotNull(plan.periodDimension, "periodDimension");
    try {
      var unused = dim.periodOf(Instant.ofEpochSecond(minSec)).next();
      var unused2 = dim.periodOf(Instant.ofEpochSecond(maxSec)).next();
    } catch (DateTimeException e) {
      return null;
    }
    long shortest =
        switch (dim.granularity().orElseThrow()) {
          case DAY -> 23 * 3600L;
          case WEEK -> 7 * 86_400L - 3600;
          case MONTH -> 28 * 86_400L - 3600;
          case QUARTER -> 89 * 86_400L - 3600;
          case YEAR -> 365 * 86_400L - 3600;
        };
    long atMost = (maxSec - minSec) / shortest + 2;
    if (atMost * perPeriod > MAX_DENSE) {
      return null;
    }
    return new PeriodBuckets(dim, minSec, maxSec);
  }

  /** The buckets covering the range's periods, or null when they would not fit densely. */
  @Nullable
  private PeriodBuckets rangeBuckets(List<Period> range, long perPeriod) {
    if (range.isEmpty()) {
      return null;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Period p : range) {
      min = Math.min(min, p.start().getEpochSecond());
      max = Math.max(max, p.end().getEpochSecond() - 1);
    }
    return buckets(min, max, perPeriod);
  }

  /** Tells whether the cells sit in one flat array addressed by arithmetic (radix keys). */
  boolean isDense() {
    return radix != null;
  }

  /** Runs on the calling thread, or in chunks on {@code executor} when given. */
  MetricTable run(@Nullable Executor executor, int threads) {
    return run(executor, threads, MIN_CHUNK);
  }

  /** Runs in at most {@code maxChunks} chunks of at least {@code minChunk} rows. */
  MetricTable run(@Nullable Executor executor, int maxChunks, int minChunk) {
    return plan.toTable(cells(executor, maxChunks, minChunk));
  }

  /** The cells of the whole store, run as {@link #run(Executor, int, int)}. */
  CellStore cells(@Nullable Executor executor, int maxChunks, int minChunk) {
    int rows = 0;
    for (Segment s : segments) {
      rows += s.size;
    }
    int chunks = executor == null ? 1 : Math.max(1, Math.min(maxChunks, rows / minChunk));
    int total = rows;
    Task merged =
        executor == null
            ? task(0, 1, total)
            : Chunks.run(executor, chunks, c -> task(c, chunks, total), Task::merge);
    if (merged.objects == null) {
      return merged.cells;
    }
    CellStore all = merged.objects.store;
    all.mergeFrom(merged.cells, "adding up the columns and the records");
    return all;
  }

  private Task task(int c, int chunks, int rows) {
    Task t = new Task();
    int from = Chunks.from(rows, c, chunks);
    int to = Chunks.from(rows, c + 1, chunks);
    int at = 0;
    for (Segment s : segments) {
      int lo = Math.max(from, at);
      int hi = Math.min(to, at + s.size);
      if (lo < hi) {
        t.segment(s, lo - at, hi - at);
      }
      at += s.size;
    }
    if (c == 0 && needsObjects) {
      for (SalesRecord r : store.others) {
        t.objects().add(r);
      }
    }
    return t;
  }

  /** The cells of one chunk of rows and what runs it. */
  private final class Task {
    final CellStore cells;
    @Nullable Cells objects;
    private final Slots slots = new Slots();
    private final ColumnViews.Deals deals = new ColumnViews.Deals();
    private final ColumnViews.Orders orders = new ColumnViews.Orders();
    private final ColumnViews.Leads leads = new ColumnViews.Leads();
    private final ColumnViews.Customers customers = new ColumnViews.Customers();
    private final ColumnViews.Responses responses = new ColumnViews.Responses();
    private final int[] group = new int[BATCH];
    private final int[] cell = new int[BATCH];
    private final int[] period = new int[BATCH];
    private final boolean[] update = new boolean[BATCH];
    private final int[] codes;

    Task() {
      this.cells =
          radix == null
              ? CellStore.dynamic(plan, Keys.chained(plan))
              : CellStore.dense(plan, radix, (int) radix.groupCount(), periods);
      this.codes = new int[plan.dimensions.size()];
    }

    Cells objects() {
      if (objects == null) {
        objects = new Cells(plan);
      }
      return objects;
    }

    void merge(Task other) {
      cells.mergeFrom(other.cells, "adding up the parts of a parallel run");
      if (other.objects != null) {
        objects().mergeFrom(other.objects);
      }
    }

    /** Runs rows {@code [from, to)} of a segment. */
    void segment(Segment s, int from, int to) {
      int[][] maps = codeMaps(s);
      int[][] columns = columns(s);
      boolean split = plan.splitProducts && s.kind == RowKind.ORDER;
      boolean accumulators = accumulatorKinds.contains(s.kind);
      Object view = point(s);
      for (int b = from; b < to; b += BATCH) {
        int e = Math.min(to, b + BATCH);
        groups(maps, columns, b, e);
        for (Route route : routes) {
          if (route.kind == s.kind) {
            route(route, s, view, b, e, split);
          }
        }
        if (accumulators || split) {
          for (int r = b; r < e; r++) {
            boolean parts = split && s.severalProducts(r);
            if (!parts && !accumulators) {
              continue;
            }
            SalesRecord record = s.record(r);
            if (parts) {
              for (Order part : Cells.productParts((Order) record)) {
                objects().addPart(part, false);
              }
            } else {
              objects().addPart(record, true);
            }
          }
        }
      }
    }

    /** Per dimension, the code of each dictionary code of the segment's column (0: none). */
    private int[][] codeMaps(Segment s) {
      int d = plan.dimensions.size();
      int[][] maps = new int[d][];
      Keys keys = cells.keys;
      for (int i = 0; i < d; i++) {
        Dimension dim = plan.dimensions.get(i);
        TextField f = dim.field(s.kind);
        Columns.Text text = f == null ? null : s.text(f);
        int n = text == null ? 0 : text.names().size();
        int[] map = new int[n + 1];
        map[0] = keys.dictionaries[i].code(dim.fromField(s.kind, null));
        for (int v = 0; v < n; v++) {
          map[v + 1] = keys.dictionaries[i].code(dim.fromField(s.kind, text.names().get(v)));
        }
        maps[i] = map;
      }
      return maps;
    }

    /** Per dimension, the segment's code column (null: every row lacks the value). */
    private int[][] columns(Segment s) {
      int d = plan.dimensions.size();
      int[][] out = new int[d][];
      for (int i = 0; i < d; i++) {
        TextField f = plan.dimensions.get(i).field(s.kind);
        Columns.Text text = f == null ? null : s.text(f);
        out[i] = text == null ? null : text.codes;
      }
      return out;
    }

    /** The group of each row of the batch. */
    private void groups(int[][] maps, int[][] columns, int b, int e) {
      int d = maps.length;
      Keys keys = cells.keys;
      if (d == 0) {
        java.util.Arrays.fill(group, 0, e - b, 0);
      } else if (d == 1 && keys.isRadix()) {
        int[] map = maps[0];
        int[] col = columns[0];
        for (int r = b; r < e; r++) {
          group[r - b] = map[col == null ? 0 : col[r] + 1];
        }
      } else {
        for (int r = b; r < e; r++) {
          for (int i = 0; i < d; i++) {
            int[] col = columns[i];
            codes[i] = maps[i][col == null ? 0 : col[r] + 1];
          }
          group[r - b] = keys.group(codes);
        }
      }
    }

    private Object point(Segment s) {
      switch (s.kind) {
        case DEAL -> {
          deals.segment((DealAppender) s.columns);
          return deals;
        }
        case ORDER -> {
          orders.segment((OrderAppender) s.columns);
          return orders;
        }
        case LEAD -> {
          leads.segment((LeadAppender) s.columns);
          return leads;
        }
        case CUSTOMER -> {
          customers.segment((CustomerAppender) s.columns);
          return customers;
        }
        default -> {
          responses.segment((ResponseAppender) s.columns);
          return responses;
        }
      }
    }

    /** Feeds the batch's rows to the kernels of one route. */
    private void route(Route route, Segment s, Object view, int b, int e, boolean split) {
      int n = e - b;
      if (route.field != null) {
        Columns.Instants column = s.instants(route.field);
        long[] seconds = column == null ? null : column.seconds;
        if (plan.periodDimension == null) {
          // one window: every row reaches the cell; only those placed in the window update it
          for (int j = 0; j < n; j++) {
            int r = b + j;
            cell[j] = split && s.severalProducts(r) ? -1 : cells.cell(group[j], 0);
            period[j] = 0;
            long sec = seconds == null ? Columns.NO_INSTANT : seconds[r];
            update[j] =
                sec != Columns.NO_INSTANT
                    && (plan.during == null
                        || plan.during.contains(Instant.ofEpochSecond(sec, column.nano(r))));
          }
        } else if (dayPeriod != null && seconds != null && !split) {
          // periods made of whole UTC days: a row's period is a lookup by its day number
          int[] days = dayPeriod;
          long lo = dayBase;
          long hi = dayEnd;
          int periodCount = periods;
          for (int j = 0; j < n; j++) {
            long sec = seconds[b + j];
            int p = sec >= lo && sec < hi ? days[(int) ((sec - lo) / 86_400)] : -1;
            cell[j] = p < 0 ? -1 : group[j] * periodCount + p;
            period[j] = p;
            update[j] = true;
          }
        } else {
          for (int j = 0; j < n; j++) {
            int r = b + j;
            long sec = seconds == null ? Columns.NO_INSTANT : seconds[r];
            int p =
                sec == Columns.NO_INSTANT || (split && s.severalProducts(r))
                    ? -1
                    : period(s, column, r, route, sec);
            cell[j] = p < 0 ? -1 : cells.cell(group[j], p);
            period[j] = p;
            update[j] = true;
          }
        }
        feed(route, s, view, b, n);
      } else if (plan.periodDimension == null) {
        for (int j = 0; j < n; j++) {
          cell[j] = split && s.severalProducts(b + j) ? -1 : cells.cell(group[j], 0);
          period[j] = 0;
          update[j] = true;
        }
        feed(route, s, view, b, n);
      } else {
        int count = checkNotNull(plan.range, "range").size();
        for (int p = 0; p < count; p++) {
          for (int j = 0; j < n; j++) {
            cell[j] = split && s.severalProducts(b + j) ? -1 : cells.cell(group[j], p);
            period[j] = p;
            update[j] = true;
          }
          feed(route, s, view, b, n);
        }
      }
    }

    /** The period of row {@code r} at second {@code sec}, or -1 outside the periods computed. */
    private int period(Segment s, Columns.Instants column, int r, Route route, long sec) {
      PeriodBuckets bk = buckets;
      if (bk != null) {
        int i = bk.find(sec);
        return i < 0 ? -1 : bucketPeriod[i];
      }
      PeriodLookup lookup = checkNotNull(cells.keys.periods, "periods");
      try {
        return lookup.indexOf(sec, column.nano(r));
      } catch (DateTimeException e) {
        throw ErrorContext.unplaceable(
            e,
            checkNotNull(route.field, "field"),
            Segment.instant(column, r),
            s.describe(r),
            checkNotNull(plan.periodDimension, "periodDimension"));
      }
    }

    /**
     * Updates the cells of the batch, one call site per metric of the route. {@code k} follows the
     * metric being updated, for the message of an error.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void feed(Route route, Segment s, Object view, int b, int n) {
      Kernel.Update[] u = route.updates;
      int[] presence = route.presence;
      int j = 0;
      int k = 0;
      long[] data = cells.slots; // no cell is added while the batch is fed
      slots.at(data, 0);
      int width = plan.width;
      try {
        switch (u.length) {
          case 1 -> {
            Kernel.Update u0 = u[0];
            int p0 = presence[0];
            for (; j < n; j++) {
              int c = cell[j];
              if (c < 0) {
                continue;
              }
              int base = c * width;
              data[base + p0] = 1;
              if (update[j]) {
                row(view, b + j);
                u0.update(view, slots.at(base + p0 + 1), bounds(period[j]));
              }
            }
          }
          case 2 -> {
            Kernel.Update u0 = u[0];
            Kernel.Update u1 = u[1];
            int p0 = presence[0];
            int p1 = presence[1];
            for (; j < n; j++) {
              int c = cell[j];
              if (c < 0) {
                continue;
              }
              int base = c * width;
              data[base + p0] = 1;
              data[base + p1] = 1;
              if (update[j]) {
                row(view, b + j);
                WindowBounds w = bounds(period[j]);
                k = 0;
                u0.update(view, slots.at(base + p0 + 1), w);
                k = 1;
                u1.update(view, slots.at(base + p1 + 1), w);
              }
            }
          }
          case 3 -> {
            Kernel.Update u0 = u[0];
            Kernel.Update u1 = u[1];
            Kernel.Update u2 = u[2];
            int p0 = presence[0];
            int p1 = presence[1];
            int p2 = presence[2];
            for (; j < n; j++) {
              int c = cell[j];
              if (c < 0) {
                continue;
              }
              int base = c * width;
              data[base + p0] = 1;
              data[base + p1] = 1;
              data[base + p2] = 1;
              if (update[j]) {
                row(view, b + j);
                WindowBounds w = bounds(period[j]);
                k = 0;
                u0.update(view, slots.at(base + p0 + 1), w);
                k = 1;
                u1.update(view, slots.at(base + p1 + 1), w);
                k = 2;
                u2.update(view, slots.at(base + p2 + 1), w);
              }
            }
          }
          default -> {
            for (; j < n; j++) {
              int c = cell[j];
              if (c < 0) {
                continue;
              }
              int base = c * width;
              boolean up = update[j];
              if (up) {
                row(view, b + j);
              }
              WindowBounds w = up ? bounds(period[j]) : null;
              for (k = 0; k < u.length; k++) {
                data[base + presence[k]] = 1;
                if (up) {
                  u[k].update(view, slots.at(base + presence[k] + 1), w);
                }
              }
            }
          }
        }
      } catch (RuntimeException x) {
        throw ErrorContext.add(
            x, cells.where(route.metrics[k], cell[j]) + ", at " + s.describe(b + j));
      }
    }

    private WindowBounds bounds(int p) {
      return radix != null ? bounds[p] : cells.bounds(p);
    }

    private void row(Object view, int r) {
      if (view == deals) {
        deals.row = r;
      } else if (view == orders) {
        orders.row = r;
      } else if (view == leads) {
        leads.row = r;
      } else if (view == customers) {
        customers.row = r;
      } else {
        responses.row = r;
      }
    }
  }
}
