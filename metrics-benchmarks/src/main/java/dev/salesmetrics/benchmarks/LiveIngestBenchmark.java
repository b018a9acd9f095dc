package dev.salesmetrics.benchmarks;

import dev.salesmetrics.aggregate.ColumnarMetrics;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
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
 * calendar month (UTC) with the win rate and won-amount statistics of the aggregation benchmark, on
 * 1 and 2 writer threads. Each operation records one deal of the same synthetic data. {@code
 * liveIngest*} use the {@link ColumnarMetrics}, so the view runs on its lock-free counter path;
 * {@code liveIngestGeneric*} compute the same figures with the catalogue's {@code WIN_RATE} and
 * {@code AVERAGE_DEAL_SIZE}, on the striped generic path.
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

    List<Deal> deals;
    LiveView live;
    LiveView generic;

    /** Builds the events and an empty view; checks that the view equals the batch query. */
    @Setup(Level.Trial)
    public void setUp() {
      deals = AggregationData.deals(n);
      live = newView();
      generic =
          LiveView.builder()
              .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
              .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE)
              .build();
      if (!live.isCounterPath() || generic.isCounterPath()) {
        throw new IllegalStateException("unexpected live paths: " + live + ", " + generic);
      }
      LiveView check = newView();
      for (Deal d : deals) {
        check.record(d);
      }
      AggregationData.check(
          "live",
          AggregationData.canonical(
              dev.salesmetrics.aggregate.Query.of(deals)
                  .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                  .metrics(ColumnarMetrics.WIN_RATE, ColumnarMetrics.WON_DEAL_AMOUNT)
                  .run()),
          AggregationData.canonical(check.snapshot()));
    }

    private static LiveView newView() {
      return LiveView.builder()
          .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
          .metrics(ColumnarMetrics.WIN_RATE, ColumnarMetrics.WON_DEAL_AMOUNT)
          .build();
    }
  }

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
      next = (int) (Thread.currentThread().getId() * 7919 % view.deals.size());
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
    record(view, cursor);
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
    record(view, cursor);
  }

  /**
   * One writer thread, generic path.
   *
   * @param view the view
   * @param cursor this thread's position
   */
  @Benchmark
  @Threads(1)
  public void liveIngestGeneric1(View view, Cursor cursor) {
    record(view.generic, view, cursor);
  }

  /**
   * Two writer threads, generic path.
   *
   * @param view the view
   * @param cursor this thread's position
   */
  @Benchmark
  @Threads(2)
  public void liveIngestGeneric2(View view, Cursor cursor) {
    record(view.generic, view, cursor);
  }

  private static void record(View view, Cursor cursor) {
    record(view.live, view, cursor);
  }

  private static void record(LiveView live, View view, Cursor cursor) {
    live.record(view.deals.get(cursor.next));
    cursor.next = cursor.next + 1 == view.deals.size() ? 0 : cursor.next + 1;
  }
}
