package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.util.List;
import java.util.Map;
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
 * <p><b>How it is safe.</b> The view holds a fixed number of stripes (a power of two, about four
 * per processor), each with its own lock and its own accumulators per group and period. A writer
 * takes the stripe picked by its thread id, so writers on different threads rarely meet and never
 * wait for a reader for longer than the copy of one stripe. {@link #snapshot()} visits the
 * stripes one after the other, copies each stripe's accumulators under its lock (through {@link
 * MetricAccumulator#merge}, which leaves the originals unchanged), and merges the copies. Every
 * event recorded before {@code snapshot()} was called is in the snapshot; an event recorded
 * concurrently is either wholly in or wholly out, per metric of its stripe. No update is lost:
 * after the writers stop, the snapshot equals {@link Query#run()} over the same events.
 *
 * <p><b>Periods.</b> Events are placed by their own instants (event time), never by the wall
 * clock, so periods roll over as the events' instants cross a boundary, and a late event lands in
 * the period it belongs to, however late it arrives.
 *
 * <p><b>Memory.</b> Each group and period holds one accumulator per metric per stripe that has
 * seen it: a fixed size for counts, ratios and money statistics, whatever the number of events.
 * Metrics that keep every value (duration percentiles) or every customer (distinct buyers) grow
 * with their input, as they do in a batch query.
 */
public final class LiveView {
  private final Plan plan;
  private final Stripe[] stripes;
  private final int mask;

  private LiveView(Plan plan) {
    this.plan = plan;
    int n = Integer.highestOneBit(Math.max(4, Runtime.getRuntime().availableProcessors() * 4) - 1)
        << 1;
    this.stripes = new Stripe[n];
    for (int i = 0; i < n; i++) {
      stripes[i] = new Stripe(plan.newCells());
    }
    this.mask = n - 1;
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
   * Safe to call from many threads at once.
   *
   * @param record the event
   * @throws dev.salesmetrics.model.CurrencyMismatchException if a money metric without converter
   *     meets a second currency in the stripe's group
   * @throws ArithmeticException if a sum overflows
   */
  public void record(SalesRecord record) {
    checkNotNull(record, "record");
    Stripe s = stripes[(int) Thread.currentThread().getId() & mask];
    s.lock.lock();
    try {
      s.cells.add(record);
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
    Stripe s = stripes[(int) Thread.currentThread().getId() & mask];
    s.lock.lock();
    try {
      for (SalesRecord r : records) {
        s.cells.add(checkNotNull(r, "record"));
      }
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * Returns the figures of the events recorded so far, without stopping the writers (each stripe
   * is locked only while it is copied).
   *
   * @return the table, as {@link Query#run()} would compute it over the same events
   */
  public MetricTable snapshot() {
    Map<Cells.RowKey, MetricAccumulator<?, ?>[]> merged = null;
    for (Stripe s : stripes) {
      Map<Cells.RowKey, MetricAccumulator<?, ?>[]> copy;
      s.lock.lock();
      try {
        copy = s.cells.copy();
      } finally {
        s.lock.unlock();
      }
      if (merged == null) {
        merged = copy;
      } else {
        Plan.merge(merged, copy);
      }
    }
    return plan.toTable(checkNotNull(merged, "merged"));
  }

  /**
   * Formats as the number of stripes.
   *
   * @return e.g. {@code "LiveView[8 stripes]"}
   */
  @Override
  public String toString() {
    return "LiveView[" + stripes.length + " stripes]";
  }

  private static final class Stripe {
    final ReentrantLock lock = new ReentrantLock();
    final Cells cells;

    Stripe(Cells cells) {
      this.cells = cells;
    }
  }

  /** Defines a {@link LiveView}: filter, grouping, metrics, period range. Not thread safe. */
  public static final class Builder {
    private ImmutableList<Dimension> groupBy = ImmutableList.of();
    private ImmutableList<Metric<?, ?>> metrics = ImmutableList.of();
    private Predicate<? super SalesRecord> filter = Plan.ACCEPT_ALL;
    @Nullable private ImmutableList<Period> range;

    private Builder() {}

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
     *     range
     * @throws IllegalArgumentException if a metric or dimension is listed twice
     */
    public LiveView build() {
      return new LiveView(new Plan(groupBy, metrics, filter, range, null, null));
    }
  }
}
