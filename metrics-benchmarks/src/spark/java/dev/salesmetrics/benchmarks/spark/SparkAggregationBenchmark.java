package dev.salesmetrics.benchmarks.spark;

import static com.google.common.base.Preconditions.checkState;

import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.spark.SparkMetrics;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Win rate and sales volume per rep over 10M deals on Spark, two ways in the same run:
 *
 * <ul>
 *   <li>{@code salesmetrics}: the catalogue metrics as SQL functions ({@link
 *       SparkMetrics#register}): {@code win_rate(status, closed_at)} and {@code
 *       sales_volume(status, closed_at, amount, currency)}, each a {@code MetricAggregator} over
 *       the metric's kernel;
 *   <li>{@code sparkNative}: Spark's own aggregation of the same figures, {@code count(*) FILTER}
 *       for won and closed deals and {@code sum(amount) FILTER} for the won amounts (whole-stage
 *       generated code, no currency check, no overflow check beyond the decimal's).
 * </ul>
 *
 * <p>The deals are generated in the setup from {@code spark.range} (200 reps, three years, 30% won,
 * 40% lost, 30% open, amounts 0.00 to 99,999.99 USD as {@code DECIMAL(12,2)}), cached in memory
 * and counted before anything is timed, so both queries read the same cached columns. Each query
 * collects its 200 rows on the driver. The setup checks that both give the same counts and sums
 * per rep. {@code salesmetricsTuned} runs the functions with Spark's object-aggregate fallback
 * threshold raised, as docs/SPARK.md advises for more than 128 groups per task. {@code master} is {@code local[1]} or {@code local[2]} (the speed-up on two cores).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms6g",
      "-Xmx6g",
      // Spark's own list (JavaModuleOptions)
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true"
    })
@State(Scope.Benchmark)
public class SparkAggregationBenchmark {
  private static final String NATIVE =
      "SELECT rep_id, count(*) FILTER (WHERE status = 'won') AS won,"
          + " count(*) FILTER (WHERE status IN ('won', 'lost')) AS closed,"
          + " sum(amount) FILTER (WHERE status = 'won') AS volume"
          + " FROM deals GROUP BY rep_id";
  private static final String SALESMETRICS =
      "SELECT rep_id, win_rate(status, closed_at) AS win_rate,"
          + " sales_volume(status, closed_at, amount, currency) AS volume"
          + " FROM deals GROUP BY rep_id";

  private static final String FALLBACK = "spark.sql.objectHashAggregate.sortBased.fallbackThreshold";

  /** The Spark master: the number of cores the executor uses. */
  @Param({"local[1]", "local[2]"})
  public String master;

  /** The number of deals. */
  @Param("10000000")
  public long deals;

  private SparkSession spark;

  @Setup
  public void setUp() {
    spark =
        SparkSession.builder()
            .appName("salesmetrics-benchmark")
            .master(master)
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> frame =
        spark
            .range(0, deals, 1, 8)
            .selectExpr(
                "concat('R', pmod(hash(id, 1), 200)) AS rep_id",
                "pmod(hash(id, 2), 10) AS s",
                "timestamp_seconds(1672531200 + pmod(hash(id, 3), 94608000)) AS created_at",
                "CAST(pmod(hash(id, 4), 10000000) AS DECIMAL(12,0)) / 100 AS cents",
                "pmod(hash(id, 5), 90) AS days")
            .selectExpr(
                "rep_id",
                "CASE WHEN s < 3 THEN 'won' WHEN s < 7 THEN 'lost' ELSE 'open' END AS status",
                "created_at",
                "CASE WHEN s < 7 THEN created_at + make_interval(0, 0, 0, days) END AS closed_at",
                "CAST(cents AS DECIMAL(12,2)) AS amount",
                "'USD' AS currency");
    frame.cache();
    checkState(frame.count() == deals, "cached %s deals", deals);
    frame.createOrReplaceTempView("deals");
    SparkMetrics.register(spark);
    check();
  }

  /** Both queries give the same won and closed counts and the same won amounts per rep. */
  private void check() {
    Map<String, String> expected = new HashMap<>();
    for (Row r : sparkNative()) {
      BigDecimal volume = r.isNullAt(3) ? null : r.getDecimal(3);
      expected.put(r.getString(0), r.getLong(1) + "/" + r.getLong(2) + " " + volume);
    }
    checkState(figures(salesmetrics()).equals(expected), "different figures");
    checkState(figures(salesmetricsTuned()).equals(expected), "different figures (tuned)");
    checkState(expected.size() == 200, "200 reps, got %s", expected.size());
  }

  private static Map<String, String> figures(List<Row> rows) {
    Map<String, String> actual = new HashMap<>();
    for (Row r : rows) {
      Ratio rate = (Ratio) SparkMetrics.value(r.getStruct(1));
      Amount volume = (Amount) SparkMetrics.value(r.getStruct(2));
      actual.put(
          r.getString(0),
          rate.numerator() + "/" + rate.denominator() + " "
              + volume.value().map(m -> m.toBigDecimal()).orElse(null));
    }
    return actual;
  }

  @TearDown
  public void tearDown() {
    spark.stop();
  }

  /** Spark's own aggregation. */
  @Benchmark
  public List<Row> sparkNative() {
    return spark.sql(NATIVE).collectAsList();
  }

  /** The catalogue metrics as SQL functions, Spark's default settings. */
  @Benchmark
  public List<Row> salesmetrics() {
    return spark.sql(SALESMETRICS).collectAsList();
  }

  /**
   * The same with the object-aggregate fallback threshold raised ({@link #FALLBACK}), as
   * docs/SPARK.md advises: with more groups per task than the threshold (128 by default), Spark
   * sorts the rows of a user-defined aggregate instead of hashing them.
   */
  @Benchmark
  public List<Row> salesmetricsTuned() {
    spark.conf().set(FALLBACK, "100000");
    try {
      return spark.sql(SALESMETRICS).collectAsList();
    } finally {
      spark.conf().unset(FALLBACK);
    }
  }
}
