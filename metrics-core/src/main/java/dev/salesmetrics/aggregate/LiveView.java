package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *     .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE)
 *     .build();
 * live.record(deal);                  // from any thread
 * MetricTable now = live.snapshot();  // at any time
 * }</pre>
 *
 * <p><b>Kernel metrics (lock-free).</b> Every metric with a {@link dev.salesmetrics.metric.Kernel}
 * runs on cells of the writer thread's own, one block of slots per group and period, in the
 * layout of a query's cells: only that thread writes them, with no lock and no compare-and-set.
 * Each cell keeps two copies of its block and a version telling which one is published; the
 * writer computes an event's new blocks first, then fills the unpublished copies and publishes
 * each with one release store. {@link #snapshot()} reads the published copy of every writer's
 * cells and adds them up: it never waits for a writer (a writer stopped anywhere leaves the
 * published copy whole) and reads a cell again only when its writer published a newer block
 * meanwhile.
 *
 * <p><b>Other metrics.</b> A metric without a kernel (order statistics, distinct customers,
 * several kinds of record) runs on accumulators in a fixed number of stripes (a power of two,
 * about four per processor), each with its own lock; a writer takes the stripe picked by its
 * thread id, and {@link #snapshot()} copies each stripe's accumulators under its lock (through
 * {@link dev.salesmetrics.metric.MetricAccumulator#merge}, which leaves them unchanged).
 *
 * <p>Every event recorded before {@code snapshot()} was called is in the snapshot; an event
 * recorded concurrently is either wholly in or wholly out of each cell. No update is lost: after
 * the writers stop, the snapshot equals {@link Query#run()} over the same events.
 *
 * <p><b>Rejected events.</b> An event is applied to every metric or to none. When a metric
 * rejects it ({@code record} throws: a second currency, a sum that would overflow, an instant
 * that lies in no period), no metric, group, period or retention keeps a trace of it, so after the
 * writers stop the snapshot equals {@link Query#run()} over the accepted events. The kernels run
 * on scratch copies of the cells before anything is published; the stripes keep each accumulator
 * twice, a working one and a committed twin that receives an event only once every accumulator
 * the event goes to has accepted it, and a rejected event puts the working accumulators it
 * reached back from their twins (or removes them if the event created them). So on the stripes
 * an event costs two adds, the accumulators take twice the memory, and a rejected event costs a
 * copy of the accumulators it reached. Each writer (each stripe) checks currencies and sums on its
 * own: two events of one group recorded from different threads may each be accepted and still
 * clash when {@link #snapshot()} adds them up, which then throws as {@code Query.run()} over
 * those events would.
 *
 * <p><b>Periods.</b> Events are placed by their own instants (event time), never by the wall
 * clock, so periods roll over as the events' instants cross a boundary, and a late event lands in
 * the period it belongs to, however late it arrives, unless that period is no longer kept.
 *
 * <p><b>Memory.</b> Without retention every period ever seen is kept. With {@link
 * Builder#retainPeriods(int) retainPeriods(n)} only the {@code n} latest periods (by start) that
 * events fell in are kept: cells of older periods are freed when a writer next records, and an
 * event placed in an older period is dropped and counted in {@link #lateDropped()}. Per group and
 * kept period a writer holds twice the kernel slots plus one long per writer thread (16 bytes per
 * slot); the stripes two accumulators (working and committed) per metric without a kernel per
 * stripe. Metrics that keep every value are unbounded within a period: {@code DurationStats}
 * metrics (sales cycle, time to convert) keep every duration, distinct-customer metrics every
 * customer id, as they do in a batch query. The stripes also keep, per group, one array slot per
 * period ever seen (a pointer), and the period lookups a few longs per period ever seen.
 */
public final class LiveView {
  private final Plan plan;
  private final Stripe[] stripes;
  private final int mask;
  private final Retention retention;
  private final LongAdder lateDropped = new LongAdder();
  private final boolean kernels;
  private final List<Writer> writers = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Writer> writer;

  private LiveView(Plan plan, int retainPeriods) {
    this.plan = plan;
    this.retention = new Retention(retainPeriods);
    this.kernels = plan.hasKernels();
    int n = Integer.highestOneBit(Math.max(4, Runtime.getRuntime().availableProcessors() * 4) - 1)
        << 1;
    this.stripes = new Stripe[plan.objectCount > 0 ? n : 0];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Stripe(plan.newLiveCells(retention));
    }
    this.mask = n - 1;
    this.writer =
        ThreadLocal.withInitial(
            () -> {
              Writer w = new Writer(new LiveCells(plan));
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
   *     meets a second currency in the writer's (or the stripe's) cell; the event is then recorded
   *     for no metric
   * @throws ArithmeticException if a sum would overflow; the event is then recorded for no metric
   */
  public void record(SalesRecord record) {
    checkNotNull(record, "record");
    Writer w = null;
    boolean late = false;
    if (kernels) {
      w = writer.get();
      long h = retention.horizon();
      if (h != w.horizon) {
        w.cells.evict(retention);
        w.horizon = h;
      }
      late = w.cells.prepare(record, retention);
    }
    if (stripes.length > 0) {
      Stripe s = stripes[(int) Thread.currentThread().getId() & mask];
      s.lock.lock();
      try {
        long h = retention.horizon();
        if (h != s.horizon) {
          s.cells.evict();
          s.horizon = h;
        }
        late |= s.cells.addLive(record);
      } catch (RuntimeException | Error e) {
        if (w != null) {
          w.cells.discard();
        }
        throw e;
      } finally {
        s.lock.unlock();
      }
    }
    if (w != null) {
      w.cells.publish(retention);
    }
    if (late) {
      lateDropped.increment();
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
   * Tells whether every metric of this view runs on kernels, so that recording takes no lock
   * (each writer thread updates cells of its own); a metric without a kernel runs on striped
   * accumulators, each stripe with a lock.
   *
   * @return true when no metric needs a stripe
   */
  public boolean isCounterPath() {
    return stripes.length == 0;
  }

  /**
   * Returns the figures of the events recorded so far, without stopping the writers, in the kept
   * periods only.
   *
   * @return the table, as {@link Query#run()} would compute it over the same events (kept periods)
   * @throws dev.salesmetrics.model.CurrencyMismatchException if events accepted by different
   *     writers (stripes) clash when added up, as {@code Query.run()} over them would throw
   * @throws ArithmeticException if the sums of different writers (stripes) overflow when added up
   */
  public MetricTable snapshot() {
    CellStore all = CellStore.dynamic(plan, Keys.chained(plan));
    for (Writer w : writers) {
      w.cells.copyInto(all, retention);
    }
    for (Stripe s : stripes) {
      CellStore copy;
      s.lock.lock();
      try {
        copy = s.cells.copy();
      } finally {
        s.lock.unlock();
      }
      all.mergeFrom(copy, "adding up the stripes of a live view");
    }
    return plan.toTable(all);
  }

  /**
   * Formats as the writers of the kernel metrics and the stripes of the others.
   *
   * @return e.g. {@code "LiveView[kernels, 2 writers]"}, {@code "LiveView[8 stripes]"}, {@code
   *     "LiveView[kernels, 1 writers, 8 stripes]"}
   */
  @Override
  public String toString() {
    if (!kernels) {
      return "LiveView[" + stripes.length + " stripes]";
    }
    return "LiveView[kernels, " + writers.size() + " writers"
        + (stripes.length == 0 ? "" : ", " + stripes.length + " stripes") + "]";
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
    final LiveCells cells;
    long horizon = Long.MIN_VALUE;

    Writer(LiveCells cells) {
      this.cells = cells;
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
