package dev.salesmetrics.spark;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.ValueCodec;
import dev.salesmetrics.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * The catalogue's metrics on Spark: one {@link MetricAggregator} per metric, and one call that
 * registers them all as SQL functions named by metric id.
 *
 * <pre>{@code
 * SparkMetrics.register(spark);
 * spark.read().option("header", true).csv("data/deals.csv").createOrReplaceTempView("deals");
 * spark.sql("SELECT rep_id, win_rate(status, closed_at).value AS win_rate,"
 *     + " sales_volume(status, closed_at, amount, currency).display AS volume"
 *     + " FROM deals GROUP BY rep_id").show();
 *
 * // typed, from Java
 * MetricAggregator<Ratio> winRate = SparkMetrics.aggregator(Metrics.WIN_RATE);
 * Row r = deals.select(col("status"), col("closed_at").cast("timestamp"))
 *     .select(winRate.toColumn()).first();
 * Ratio value = (Ratio) SparkMetrics.value(r);
 * }</pre>
 *
 * <p>A function's name is its metric's id with dots as underscores ({@code
 * win_rate.all_created} is {@code win_rate_all_created}); it takes the columns {@link
 * #columns(Metric)} lists. Metrics that read several kinds of record together (quota attainment,
 * pipeline coverage, ARPU, CAC, campaign ROI...) or a deal's stage history (stage conversion) have
 * no function of their own: {@link SparkQuery} computes them. Metrics that need a period
 * (pipeline value, churn...) are registered by {@link #register(SparkSession, Period)} for one
 * period, and are left out by {@link #register(SparkSession)}. Thread safe.
 */
public final class SparkMetrics {
  private SparkMetrics() {}

  /**
   * Returns the aggregator of a catalogue metric over all time.
   *
   * @param metric a metric of {@link Metrics#all()}
   * @param <R> the result type
   * @return the aggregator
   * @throws IllegalArgumentException if the metric is not the catalogue's (a custom metric, or one
   *     made with other parameters), reads several kinds of record, or needs a period
   */
  public static <R extends MetricValue> MetricAggregator<R> aggregator(Metric<?, R> metric) {
    return new MetricAggregator<>(metric, columnsOf(metric), null);
  }

  /**
   * Returns the aggregator of a catalogue metric over one period: rows placed outside it are
   * skipped, and spanning metrics (pipeline value, churn) are computed for it.
   *
   * @param metric a metric of {@link Metrics#all()}
   * @param period the period
   * @param <R> the result type
   * @return the aggregator
   * @throws IllegalArgumentException as {@link #aggregator(Metric)}, or if the metric refuses the
   *     period (revenue growth needs a period of a granularity)
   */
  public static <R extends MetricValue> MetricAggregator<R> aggregator(
      Metric<?, R> metric, Period period) {
    return new MetricAggregator<>(metric, columnsOf(metric), checkNotNull(period, "period"));
  }

  /**
   * Returns the columns a metric's function takes, in order.
   *
   * @param metric a metric of {@link Metrics#all()}
   * @return the interchange column names, e.g. {@code [status, closed_at]} for win rate
   * @throws IllegalArgumentException if the metric has no function of its own
   */
  public static ImmutableList<String> columns(Metric<?, ?> metric) {
    return columnsOf(metric);
  }

  /**
   * Returns the SQL function name of a metric: its id with dots as underscores.
   *
   * @param metric a metric
   * @return e.g. {@code win_rate_all_created}
   */
  public static String functionName(Metric<?, ?> metric) {
    return metric.id().replace('.', '_').toLowerCase(Locale.ROOT);
  }

  /**
   * Tells whether a metric has a function of its own (it reads one kind of record).
   *
   * @param metric a metric
   * @return true when {@link #aggregator(Metric, Period)} accepts it
   */
  public static boolean hasFunction(Metric<?, ?> metric) {
    return isCatalogue(metric) && Arguments.of(metric).isPresent();
  }

  /**
   * Returns the user-defined aggregate function of an aggregator, taking its columns.
   *
   * @param aggregator an aggregator
   * @return the function, for {@code spark.udf().register(name, function)} or to call on columns
   */
  public static UserDefinedFunction udaf(MetricAggregator<?> aggregator) {
    return functions.udaf(aggregator, Encoders.row(aggregator.inputSchema()));
  }

  /**
   * Registers every catalogue metric that has a function and computes over all time, under its
   * {@link #functionName}.
   *
   * @param spark the session
   * @return the names registered, in catalogue order
   */
  public static List<String> register(SparkSession spark) {
    checkNotNull(spark, "spark");
    List<String> names = new ArrayList<>();
    for (Metric<?, ?> m : Metrics.all()) {
      if (hasFunction(m) && !m.needsPeriod()) {
        spark.udf().register(functionName(m), udaf(aggregator(m)));
        names.add(functionName(m));
      }
    }
    return names;
  }

  /**
   * Registers every catalogue metric that has a function, computed over {@code period}, under its
   * {@link #functionName}: the metrics that need a period too.
   *
   * @param spark the session
   * @param period the period every function computes over
   * @return the names registered, in catalogue order
   */
  public static List<String> register(SparkSession spark, Period period) {
    checkNotNull(spark, "spark");
    checkNotNull(period, "period");
    List<String> names = new ArrayList<>();
    for (Metric<?, ?> m : Metrics.all()) {
      if (hasFunction(m)) {
        try {
          spark.udf().register(functionName(m), udaf(aggregator(m, period)));
          names.add(functionName(m));
        } catch (IllegalArgumentException e) {
          // the metric refuses this period (revenue growth without a granularity): left out
        }
      }
    }
    return names;
  }

  /**
   * Returns the exact value of an aggregator's output.
   *
   * @param output the struct a {@link MetricAggregator} returns
   * @return the metric's value, e.g. a {@code Ratio}
   * @throws IllegalArgumentException if the struct has no {@code exact} field holding a value
   */
  public static MetricValue value(Row output) {
    checkNotNull(output, "output");
    Object exact = output.get(output.fieldIndex("exact"));
    if (!(exact instanceof byte[] bytes)) {
      throw new IllegalArgumentException("not the output of a metric aggregator: " + output);
    }
    return ValueCodec.decode(bytes);
  }

  static boolean isCatalogue(Metric<?, ?> metric) {
    try {
      return Metrics.byId(metric.id()) == metric;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ImmutableList<String> columnsOf(Metric<?, ?> metric) {
    checkNotNull(metric, "metric");
    if (!isCatalogue(metric)) {
      throw new IllegalArgumentException(
          "metric " + metric.id() + " is not the catalogue's: Spark finds a metric by its id on"
              + " every executor, so only the metrics of Metrics.all() run there");
    }
    return Arguments.of(metric)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "metric " + metric.id() + " reads " + metric.recordKinds()
                        + " together and has no function of its own: compute it with"
                        + " SparkQuery"));
  }
}
