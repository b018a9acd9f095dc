package dev.salesmetrics.benchmarks;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Live ingest throughput: events per second that {@link LiveView#record} takes, grouping by rep and
 * calendar month (UTC), on 1 and 2 writer threads, for one catalogue metric at a time ({@code
 * metric}, any metric with a kernel; a spanning one over the twelve months of 2024). Each operation
 * records one event of the metric's kind (deals, orders, leads, customers or survey responses of
 * {@link AggregationData}). Every kernel metric runs on the writers' lock-free cells; {@code
 * liveIngestGeneric*} record deals for {@code sales_cycle}, which has no kernel and runs on the
 * striped accumulators, for comparison.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class LiveIngestBenchmark {

  /** The shared view and events. */
  @State(Scope.Benchmark)
  public static class View {
    /** Number of distinct events cycled through. */
    @Param({"1000000"})
    public int n;

    /** The id of the catalogue metric the view computes. */
    @Param({
      "win_rate",
      "average_deal_size",
      "sales_volume",
      "win_rate.all_created",
      "revenue",
      "units_sold",
      "leads_created",
      "lead_contact_completeness",
      "activation_rate",
      "churn_rate",
      "nps"
    })
    public String metric;

    List<? extends SalesRecord> events;
    List<? extends SalesRecord> deals;
    LiveView live;
    LiveView generic;

    /** Builds the events and the views; checks that a view equals the batch query. */
    @Setup(Level.Trial)
    public void setUp() {
      Metric<?, ?> m = Metrics.byId(metric);
      if (m.kernel().isEmpty()) {
        throw new IllegalStateException(metric + " has no kernel");
      }
      events = AggregationData.recordsFor(m, n);
      deals = AggregationData.deals(n);
      live = view(m);
      generic =
          LiveView.builder()
              .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
              .metrics(Metrics.SALES_CYCLE)
              .build();
      if (!live.isCounterPath() || generic.isCounterPath()) {
        throw new IllegalStateException("unexpected live paths: " + live + ", " + generic);
      }
      LiveView check = view(m);
      for (SalesRecord r : events) {
        check.record(r);
      }
      Query q =
          Query.of(events).groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC)).metrics(m);
      if (m.placement().isSpanning()) {
        q = q.periods(YEAR_2024);
      }
      if (!q.run().equals(check.snapshot())) {
        throw new IllegalStateException("the live view of " + metric + " differs from the query");
      }
    }

    private static LiveView view(Metric<?, ?> m) {
      LiveView.Builder b =
          LiveView.builder().groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC)).metrics(m);
      if (m.placement().isSpanning()) {
        b.periods(YEAR_2024);
      }
      return b.build();
    }
  }

  /** The twelve months of 2024 in UTC, the periods of a spanning metric. */
  static final List<Period> YEAR_2024 =
      Period.covering(
          Instant.parse("2024-01-01T00:00:00Z"),
          Instant.parse("2025-01-01T00:00:00Z"),
          Granularity.MONTH,
          ZoneOffset.UTC);

  /** Each writer thread's position in the events. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    /**
     * Starts each thread at a different place.
     *
     * @param view the shared events
     */
    @Setup(Level.Trial)
    public void setUp(View view) {
      next = (int) (Thread.currentThread().getId() * 7919 % view.events.size());
    }
  }

  /**
   * One writer thread.
   *
   * @param view the view
   * @param cursor this thread's position
   */
  @Benchmark
  @Threads(1)
  public void liveIngest1(View view, Cursor cursor) {
    record(view.live, view, cursor);
  }

  /**
   * Two writer threads.
   *
   * @param view the view
   * @param cursor this thread's position
   */
  @Benchmark
  @Threads(2)
  public void liveIngest2(View view, Cursor cursor) {
    record(view.live, view, cursor);
  }

  /**
   * One writer thread, striped accumulators ({@code sales_cycle} over deals).
   *
   * @param view the view
   * @param cursor this thread's position
   */
  @Benchmark
  @Threads(1)
  public void liveIngestGeneric1(View view, Cursor cursor) {
    recordDeal(view, cursor);
  }

  /**
   * Two writer threads, striped accumulators.
   *
   * @param view the view
   * @param cursor this thread's position
   */
  @Benchmark
  @Threads(2)
  public void liveIngestGeneric2(View view, Cursor cursor) {
    recordDeal(view, cursor);
  }

  private static void recordDeal(View view, Cursor cursor) {
    view.generic.record(view.deals.get(cursor.next % view.deals.size()));
    cursor.next = cursor.next + 1 == view.events.size() ? 0 : cursor.next + 1;
  }

  private static void record(LiveView live, View view, Cursor cursor) {
    live.record(view.events.get(cursor.next));
    cursor.next = cursor.next + 1 == view.events.size() ? 0 : cursor.next + 1;
  }
}
