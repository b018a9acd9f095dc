package dev.salesmetrics.benchmarks;

import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The aggregation query of issue 4 on the same data by every path: group closed deals by rep and
 * calendar month (UTC), and compute the win rate and the count, sum, mean, min and max of the won
 * amounts (the catalogue's {@code win_rate} and {@code average_deal_size}).
 *
 * <ul>
 *   <li>{@code streamsBaseline}: baseline A, a {@code List<Deal>} and {@code Collectors.groupingBy}
 *       with {@code YearMonth} keys, as a developer writes it by hand;
 *   <li>{@code duckDbDateTrunc}, {@code duckDbYearMonth}: baseline B, DuckDB in process (its default
 *       threads), data loaded once through its appender; the GROUP BY and reading the result are
 *       timed;
 *   <li>{@code objectPath}, {@code objectPathParallel}: {@link Query} over the {@code List<Deal>};
 *   <li>{@code columnar}, {@code columnarParallel}: {@link Query} over a {@link ColumnStore} of the
 *       deals (the columnar engine);
 *   <li>{@code readOnly1}, {@code readOnly2}: the memory-speed floor, one pass that reads the same
 *       four columns (rep, instant, amount, status) and sums them, on 1 and 2 threads.
 * </ul>
 *
 * <p>The setup checks that every path gives the same groups and figures before anything is timed.
 * Parallel runs use a pool of 2 threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@State(Scope.Benchmark)
public class AggregationBenchmark {
  private static final String DATE_TRUNC =
      "SELECT rep, date_trunc('month', ts) AS m, count(*) FILTER (WHERE status = 1) AS won,"
          + " count(*) FILTER (WHERE status = 2) AS lost, sum(amount) FILTER (WHERE status = 1),"
          + " avg(amount) FILTER (WHERE status = 1), min(amount) FILTER (WHERE status = 1),"
          + " max(amount) FILTER (WHERE status = 1) FROM deals GROUP BY rep, m";
  private static final String YEAR_MONTH =
      "SELECT rep, year(ts) AS y, month(ts) AS mo, count(*) FILTER (WHERE status = 1) AS won,"
          + " count(*) FILTER (WHERE status = 2) AS lost, sum(amount) FILTER (WHERE status = 1),"
          + " avg(amount) FILTER (WHERE status = 1), min(amount) FILTER (WHERE status = 1),"
          + " max(amount) FILTER (WHERE status = 1) FROM deals GROUP BY rep, y, mo";

  /** Number of deals. */
  @Param({"1000000", "10000000"})
  public int n;

  List<Deal> deals;
  ColumnStore columns;
  Query query;
  Query columnarQuery;
  ForkJoinPool pool;
  Connection duck;
  ReadOnlyPass readOnly;

  /**
   * Builds the data, loads DuckDB and checks that all paths agree.
   *
   * @throws SQLException if DuckDB fails
   */
  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    deals = AggregationData.deals(n);
    columns = ColumnStore.of(deals);
    readOnly = new ReadOnlyPass(deals);
    pool = new ForkJoinPool(2);
    query =
        Query.of(deals)
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE);
    columnarQuery =
        Query.of(columns)
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE);
    duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE TABLE deals (rep VARCHAR, ts TIMESTAMP, amount BIGINT, status TINYINT)");
    }
    try (DuckDBAppender app =
        ((DuckDBConnection) duck).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "deals")) {
      for (Deal d : deals) {
        app.beginRow()
            .append(d.repId())
            .append(LocalDateTime.ofEpochSecond(d.closedAt().getEpochSecond(), 0, ZoneOffset.UTC))
            .append(d.amount().minorUnits())
            .append((byte) (d.status() == DealStatus.WON ? 1 : 2))
            .endRow();
      }
    }
    Map<String, List<Long>> expected = AggregationData.canonical(query.run());
    AggregationData.check("objectPathParallel", expected,
        AggregationData.canonical(query.runParallel(pool)));
    AggregationData.check("columnar", expected, AggregationData.canonical(columnarQuery.run()));
    AggregationData.check("columnarParallel", expected,
        AggregationData.canonical(columnarQuery.runParallel(pool)));
    AggregationData.check("streamsBaseline", expected, canonicalStreams(streamsBaseline()));
    AggregationData.check("duckDbDateTrunc", expected, canonicalDuck(duckDbDateTrunc(), false));
    AggregationData.check("duckDbYearMonth", expected, canonicalDuck(duckDbYearMonth(), true));
  }

  /**
   * Closes DuckDB and the pool.
   *
   * @throws SQLException if DuckDB fails
   */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duck.close();
    pool.shutdown();
  }

  /** Per-group figures of the Streams baseline. */
  static final class Figures {
    long won;
    long lost;
    long sum;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    void add(Deal d) {
      if (d.status() == DealStatus.WON) {
        won++;
        long a = d.amount().minorUnits();
        sum = Math.addExact(sum, a);
        min = Math.min(min, a);
        max = Math.max(max, a);
      } else {
        lost++;
      }
    }

    Figures merge(Figures o) {
      won += o.won;
      lost += o.lost;
      sum = Math.addExact(sum, o.sum);
      min = Math.min(min, o.min);
      max = Math.max(max, o.max);
      return this;
    }
  }

  /**
   * Baseline A: Java Streams {@code groupingBy} rep, then {@code YearMonth}.
   *
   * @return the figures per rep and month
   */
  @Benchmark
  public Map<String, Map<YearMonth, Figures>> streamsBaseline() {
    return deals.stream()
        .collect(
            Collectors.groupingBy(
                Deal::repId,
                Collectors.groupingBy(
                    d -> YearMonth.from(d.closedAt().atZone(ZoneOffset.UTC)),
                    Collectors.reducing(
                        new Figures(),
                        d -> {
                          Figures f = new Figures();
                          f.add(d);
                          return f;
                        },
                        (a, b) -> new Figures().merge(a).merge(b)))));
  }

  /**
   * Baseline B: DuckDB grouping by {@code date_trunc('month', ts)}.
   *
   * @return the rows read
   * @throws SQLException if DuckDB fails
   */
  @Benchmark
  public List<Object[]> duckDbDateTrunc() throws SQLException {
    return runDuck(DATE_TRUNC, 8);
  }

  /**
   * Baseline B: DuckDB grouping by {@code year(ts), month(ts)}.
   *
   * @return the rows read
   * @throws SQLException if DuckDB fails
   */
  @Benchmark
  public List<Object[]> duckDbYearMonth() throws SQLException {
    return runDuck(YEAR_MONTH, 9);
  }

  private List<Object[]> runDuck(String sql, int columnCount) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        Object[] row = new Object[columnCount];
        for (int c = 0; c < columnCount; c++) {
          row[c] = rs.getObject(c + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Ours: the object path over {@code List<Deal>}, one thread.
   *
   * @return the table
   */
  @Benchmark
  public MetricTable objectPath() {
    return query.run();
  }

  /**
   * Ours: the object path over {@code List<Deal>}, 2 threads.
   *
   * @return the table
   */
  @Benchmark
  public MetricTable objectPathParallel() {
    return query.runParallel(pool);
  }

  /**
   * Ours: the columnar path, one thread.
   *
   * @return the table
   */
  @Benchmark
  public MetricTable columnar() {
    return columnarQuery.run();
  }

  /**
   * Ours: the columnar path, 2 threads.
   *
   * @return the table
   */
  @Benchmark
  public MetricTable columnarParallel() {
    return columnarQuery.runParallel(pool);
  }

  /**
   * The floor: read rep, instant, amount and status of every row and sum them, one thread.
   *
   * @return the sum
   */
  @Benchmark
  public long readOnly1() {
    return readOnly.sum(0, readOnly.size());
  }

  /**
   * The floor on 2 threads.
   *
   * @return the sum
   */
  @Benchmark
  public long readOnly2() {
    int half = readOnly.size() / 2;
    ForkJoinTask<Long> first = pool.submit(() -> readOnly.sum(0, half));
    ForkJoinTask<Long> second = pool.submit(() -> readOnly.sum(half, readOnly.size()));
    return first.join() + second.join();
  }

  private static Map<String, List<Long>> canonicalStreams(Map<String, Map<YearMonth, Figures>> m) {
    Map<String, List<Long>> out = new TreeMap<>();
    m.forEach(
        (rep, byMonth) ->
            byMonth.forEach(
                (ym, f) ->
                    out.put(
                        rep + "|" + ym,
                        List.of(
                            f.won,
                            f.lost,
                            f.sum,
                            f.won == 0 ? 0 : f.min,
                            f.won == 0 ? 0 : f.max))));
    return out;
  }

  private static Map<String, List<Long>> canonicalDuck(List<Object[]> rows, boolean yearMonth) {
    Map<String, List<Long>> out = new TreeMap<>();
    for (Object[] r : rows) {
      String month;
      int c;
      if (yearMonth) {
        month = String.format(java.util.Locale.ROOT, "%04d-%02d",
            ((Number) r[1]).intValue(), ((Number) r[2]).intValue());
        c = 3;
      } else {
        month = r[1].toString().substring(0, 7);
        c = 2;
      }
      out.put(
          r[0] + "|" + month,
          List.of(
              ((Number) r[c]).longValue(),
              ((Number) r[c + 1]).longValue(),
              r[c + 2] == null ? 0L : ((Number) r[c + 2]).longValue(),
              r[c + 4] == null ? 0L : ((Number) r[c + 4]).longValue(),
              r[c + 5] == null ? 0L : ((Number) r[c + 5]).longValue()));
    }
    return out;
  }
}
