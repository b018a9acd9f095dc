package dev.salesmetrics.spark;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.metric.Metrics;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * The example of {@code docs/SPARK.md}, for {@code spark-submit}: reads the CSV files of a data
 * directory, computes win rate, sales volume, sales cycle and churn per team and quarter with
 * {@link SparkQuery}, prints the table, then runs the same win rate as a SQL function per rep.
 *
 * <pre>
 * spark-submit --class dev.salesmetrics.spark.SparkExample \
 *   --jars metrics-core.jar,guava.jar,failureaccess.jar,fastcsv.jar \
 *   metrics-spark.jar DIR [ZONE]
 * </pre>
 */
public final class SparkExample {
  private SparkExample() {}

  /**
   * Runs the example.
   *
   * @param args the data directory (as Spark names paths), and optionally a zone id (default
   *     Europe/Paris)
   */
  @SuppressWarnings("SystemOut") // an example prints its results
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: SparkExample DATA_DIR [ZONE]; got " + Arrays.toString(args));
      System.exit(2);
    }
    ZoneId zone = ZoneId.of(args.length > 1 ? args[1] : "Europe/Paris");
    SparkSession spark = SparkSession.builder().appName("salesmetrics example").getOrCreate();
    try {
      SalesFrames data = SalesFrames.read(spark, args[0]);
      MetricTable table =
          SparkQuery.of(data)
              .groupBy(Dimension.team(RepDirectory.empty()), Dimension.quarter(zone))
              .metrics(
                  Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.SALES_CYCLE, Metrics.CHURN_RATE)
              .periods(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))
              .run();
      System.out.print(table.show());

      SparkMetrics.register(spark);
      data.frame(dev.salesmetrics.io.CsvFile.DEALS)
          .orElseThrow()
          .createOrReplaceTempView("deals");
      spark
          .sql(
              "SELECT rep_id, win_rate(status, closed_at).display AS win_rate,"
                  + " sales_volume(status, closed_at, amount, currency).value AS sales_volume"
                  + " FROM deals GROUP BY rep_id ORDER BY rep_id LIMIT 5")
          .show(false);
    } finally {
      spark.stop();
    }
  }
}
