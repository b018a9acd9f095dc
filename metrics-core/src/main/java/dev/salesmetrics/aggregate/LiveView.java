package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * A live, thread-safe version of a {@link Query}: services call {@link #record} for each event, from
 * any number of threads, and read the figures at any time with {@link #snapshot()}.
 *
 * <pre>{@code
 * LiveView live = LiveView.builder()
 *     .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
 *     .metrics(winRate, dealSize)
 *     .build();
 * live.record(deal);                  // from any thread
 * MetricTable now = live.snapshot();  // at any time
 * }</pre>
 *
 * <p><b>Counter path (lock-free).</b> When every metric is a {@link ColumnarMetrics} constant
 * (win rate, won deal amounts) and there is no period range, each writer thread gets its own
 * primitive counters (count, sum, min, max and win/loss counts per group and period, one array
 * of {@code long}s) that only it writes; a per-cell sequence number lets {@link #snapshot()}
 * copy each cell whole without stopping or locking the writer, and the snapshot adds up the
 * threads' cells. With {@code WON_DEAL_AMOUNT}, one currency per view for won amounts (the first
 * seen; another one throws {@code CurrencyMismatchException}).
 *
 * <p><b>Generic path.</b> For any other metric the view holds a fixed number of stripes (a power
 * of two, about four per processor), each with its own lock and its own accumulators per group
 * and period. A writer takes the stripe picked by its thread id; {@link #snapshot()} copies each
 * stripe's accumulators under its lock (through {@link MetricAccumulator#merge}, which leaves the
 * originals unchanged), and merges the copies.
 *
 * <p>On both paths every event recorded before {@code snapshot()} was called is in the snapshot;
 * an event recorded concurrently is either wholly in or wholly out of each cell. No update is
 * lost: after the writers stop, the snapshot equals {@link Query#run()} over the same events.
 *
 * <p><b>Rejected events.</b> An event is applied to every metric or to none. When a metric
 * rejects it ({@code record} throws: a second currency, a sum that would overflow), no metric,
 * group, period or retention keeps a trace of it, so after the writers stop the snapshot equals
 * {@link Query#run()} over the accepted events. The counter path checks everything before it
 * touches a cell. The generic path keeps each accumulator twice: a working one, and a committed
 * twin that receives an event only once every accumulator the event goes to has accepted it; a
 * rejected event puts the working accumulators it reached back from their twins (or removes them
 * if the event created them). So on the generic path an event costs two adds, the accumulators
 * take twice the memory, and a rejected event costs a copy of the accumulators it reached. Each
 * stripe (each writer on the counter path) checks currencies and sums on its own: two events of
 * one group recorded from different threads may each be accepted and still clash when {@link
 * #snapshot()} adds them up, which then throws as {@code Query.run()} over those events would.
 *
 * <p><b>Periods.</b> Events are placed by their own instants (event time), never by the wall
 * clock, so periods roll over as the events' instants cross a boundary, and a late event lands in
 * the period it belongs to, however late it arrives, unless that period is no longer kept.
 *
 * <p><b>Memory.</b> Without retention every period ever seen is kept. With {@link
 * Builder#retainPeriods(int) retainPeriods(n)} only the {@code n} latest periods (by start) that
 * events fell in are kept: cells of older periods are freed when a writer next records, and an
 * event placed in an older period is dropped and counted in {@link #lateDropped()}. Per group and
 * kept period the counter path holds 8 {@code long}s per writer thread; the generic path two
 * accumulators (working and committed) per metric per stripe, of fixed size for counts, ratios
 * and money statistics.
 * Metrics that keep every value are unbounded within a period: {@code DurationStats} metrics (sales
 * cycle, time to convert) keep every duration, distinct-customer metrics every customer id, as
 * they do in a batch query. The generic path also keeps, per group, one array slot per period
 * ever seen (a pointer), and the period lookup a few longs per period ever seen.
 */
public final class LiveView {
  private final Plan plan;
  private final Stripe[] stripes;
  private final int mask;
  private final Retention retention;
  private final LongAdder lateDropped = new LongAdder();
  private final boolean fast;
  private final AtomicReference<Currency> currency = new AtomicReference<>();
  private final List<Writer> writers = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Writer> writer;

  private LiveView(Plan plan, int retainPeriods) {
    this.plan = plan;
    this.retention = new Retention(retainPeriods);
    this.fast = LiveCounters.supports(plan);
    int n = Integer.highestOneBit(Math.max(4, Runtime.getRuntime().availableProcessors() * 4) - 1)
        << 1;
    this.stripes = new Stripe[fast ? 0 : n];
    Plan accumulators = plan.accumulatorsOnly();
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Stripe(accumulators.newLiveCells(retention));
    }
    this.mask = n - 1;
    this.writer =
        ThreadLocal.withInitial(
            () -> {
              Writer w = new Writer(new LiveCounters(plan, currency));
              writers.add(w);
              return w;
            });
  }

  /**
   * Starts the definition of a live view.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records one event: adds {@code record} to every metric that reads it, in its group and period.
   * Safe to call from many threads at once. An event whose period is no longer kept (see {@link
   * Builder#retainPeriods(int)}) is dropped and counted in {@link #lateDropped()}.
   *
   * @param record the event
   * @throws dev.salesmetrics.model.CurrencyMismatchException if a money metric without converter
   *     meets a second currency in the stripe's group (on the counter path: a won amount in
   *     another currency than the view's); the event is then recorded for no metric
   * @throws ArithmeticException if a sum would overflow; the event is then recorded for no metric
   */
  public void record(SalesRecord record) {
    checkNotNull(record, "record");
    if (fast) {
      Writer w = writer.get();
      long h = retention.horizon();
      if (h != w.horizon) {
        w.counters.evict(retention);
        w.horizon = h;
      }
      if (!w.counters.add(record, retention)) {
        lateDropped.increment();
      }
      return;
    }
    Stripe s = stripes[(int) Thread.currentThread().getId() & mask];
    s.lock.lock();
    try {
      long h = retention.horizon();
      if (h != s.horizon) {
        s.cells.evict();
        s.horizon = h;
      }
      if (s.cells.addLive(record)) {
        lateDropped.increment();
      }
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * Records several events, in order, as {@link #record} does.
   *
   * @param records the events
   */
  public void recordAll(Iterable<? extends SalesRecord> records) {
    checkNotNull(records, "records");
    for (SalesRecord r : records) {
      record(checkNotNull(r, "record"));
    }
  }

  /**
   * Returns how many events were dropped because they fell in a period no longer kept (always 0
   * without {@link Builder#retainPeriods(int)}).
   *
   * @return the count of late events dropped
   */
  public long lateDropped() {
    return lateDropped.sum();
  }

  /**
   * Tells whether this view runs on lock-free primitive counters (its metrics are all {@link
   * ColumnarMetrics}) rather than on striped accumulators.
   *
   * @return true on the counter path
   */
  public boolean isCounterPath() {
    return fast;
  }

  /**
   * Returns the figures of the events recorded so far, without stopping the writers, in the kept
   * periods only.
   *
   * @return the table, as {@link Query#run()} would compute it over the same events (kept periods)
   * @throws dev.salesmetrics.model.CurrencyMismatchException if events accepted by different
   *     stripes (writers) clash when added up, as {@code Query.run()} over them would throw
   * @throws ArithmeticException if the sums of different stripes (writers) overflow when added up
   */
  public MetricTable snapshot() {
    if (fast) {
      Map<Cells.RowKey, long[]> sums = new HashMap<>();
      for (Writer w : writers) {
        w.counters.copyInto(sums, retention);
      }
      Map<Cells.RowKey, MetricValue[]> values = new HashMap<>();
      for (Map.Entry<Cells.RowKey, long[]> e : sums.entrySet()) {
        values.put(e.getKey(), LiveCounters.values(plan, e.getValue(), currency.get()));
      }
      return MetricTable.create(plan, values);
    }
    CellStore merged = null;
    for (Stripe s : stripes) {
      CellStore copy;
      s.lock.lock();
      try {
        copy = s.cells.copy();
      } finally {
        s.lock.unlock();
      }
      if (merged == null) {
        merged = copy;
      } else {
        merged.mergeFrom(copy, "adding up the stripes of a live view");
      }
    }
    CellStore all = checkNotNull(merged, "merged");
    return all.plan.toTable(all);
  }

  /**
   * Formats as the path and the number of stripes or writers.
   *
   * @return e.g. {@code "LiveView[8 stripes]"}, {@code "LiveView[counters, 2 writers]"}
   */
  @Override
  public String toString() {
    return fast
        ? "LiveView[counters, " + writers.size() + " writers]"
        : "LiveView[" + stripes.length + " stripes]";
  }

  private static final class Stripe {
    final ReentrantLock lock = new ReentrantLock();
    final Cells cells;
    long horizon = Long.MIN_VALUE;

    Stripe(Cells cells) {
      this.cells = cells;
    }
  }

  private static final class Writer {
    final LiveCounters counters;
    long horizon = Long.MIN_VALUE;

    Writer(LiveCounters counters) {
      this.counters = counters;
    }
  }

  /** Defines a {@link LiveView}: filter, grouping, metrics, period range. Not thread safe. */
  public static final class Builder {
    private ImmutableList<Dimension> groupBy = ImmutableList.of();
    private ImmutableList<Metric<?, ?>> metrics = ImmutableList.of();
    private Predicate<? super SalesRecord> filter = Plan.ACCEPT_ALL;
    @Nullable private ImmutableList<Period> range;
    private int retainPeriods = Integer.MAX_VALUE;

    private Builder() {}

    /**
     * Keeps only the {@code n} latest periods that events fell in (by period start), so memory
     * per group stays bounded as time goes on: the cells of older periods are freed, and an event
     * placed in a period older than those is dropped and counted in {@link
     * LiveView#lateDropped()}, never silently.
     *
     * @param n how many periods to keep, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    @CanIgnoreReturnValue
    public Builder retainPeriods(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("retainPeriods must be >= 1: " + n);
      }
      this.retainPeriods = n;
      return this;
    }

    /**
     * Keeps only the events {@code predicate} accepts.
     *
     * @param predicate the condition
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder filter(Predicate<? super SalesRecord> predicate) {
      this.filter = checkNotNull(predicate, "predicate");
      return this;
    }

    /**
     * Groups by {@code dimensions}, as {@link Query#groupBy}.
     *
     * @param dimensions distinct dimensions
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder groupBy(Dimension... dimensions) {
      this.groupBy = ImmutableList.copyOf(dimensions);
      return this;
    }

    /**
     * Computes {@code metrics}, as {@link Query#metrics}.
     *
     * @param metrics metrics with distinct ids
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder metrics(Metric<?, ?>... metrics) {
      this.metrics = ImmutableList.copyOf(metrics);
      return this;
    }

    /**
     * Limits the periods, as {@link Query#periods(List)}; needed for spanning metrics.
     *
     * @param periods periods of the period dimension
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder periods(List<Period> periods) {
      this.range = ImmutableList.copyOf(periods);
      return this;
    }

    /**
     * Builds the view.
     *
     * @return an empty live view
     * @throws IllegalStateException if there is no metric, or a spanning metric has no period
     *     range, or periods are retained without a period dimension or with a range
     * @throws IllegalArgumentException if a metric or dimension is listed twice
     */
    public LiveView build() {
      Plan plan = new Plan(groupBy, metrics, filter, range, null, null);
      if (retainPeriods != Integer.MAX_VALUE && (plan.periodDimension == null || range != null)) {
        throw new IllegalStateException(
            "retainPeriods(" + retainPeriods + ") needs a period dimension and no periods(...)"
                + " range");
      }
      return new LiveView(plan, retainPeriods);
    }
  }
}
