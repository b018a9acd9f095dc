package dev.salesmetrics.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM: local[2], the driver bound to 127.0.0.1, no UI, two
 * shuffle partitions. Started on first use, stopped when the JVM exits.
 */
final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("salesmetrics-tests")
              .master("local[2]")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
