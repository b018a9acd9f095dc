package dev.salesmetrics.benchmarks;

import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From a deals.csv file to the table of win rate, sales volume and average deal size by rep and
 * month, in process, both sides measured in the same run: {@code columns} loads the file with
 * {@link Dataset#loadColumns} (parallel chunks) and runs the query on the columnar engine
 * ({@code runParallel}); {@code duckDb} runs DuckDB's {@code read_csv} with the same GROUP BY
 * ({@link DuckDbQuery#SQL}) on 2 threads. Each operation reads the file from the page cache.
 *
 * <p>The file is made by {@code salesmetrics sample --out DIR --deals 10000000} and given as
 * {@code -p dir=DIR}; the machine has 2 cores, so both sides use 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class LoadBenchmark {
  /** The directory holding deals.csv (and reps.csv). */
  @Param("/tmp/salesmetrics-10m")
  public String dir;

  /**
   * Ours: column loader plus the columnar query.
   *
   * @return the table
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  public MetricTable columns() throws IOException {
    ColumnStore store = Dataset.loadColumns(Path.of(dir)).value();
    return Query.of(store)
        .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
        .metrics(Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.AVERAGE_DEAL_SIZE)
        .runParallel();
  }

  /**
   * Baseline: DuckDB {@code read_csv} and GROUP BY, 2 threads.
   *
   * @return the rows
   * @throws SQLException if DuckDB fails
   */
  @Benchmark
  public List<Object[]> duckDb() throws SQLException {
    return DuckDbQuery.run(Path.of(dir).resolve("deals.csv"), 2);
  }
}
