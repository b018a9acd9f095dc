package dev.salesmetrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics as SQL functions and typed aggregators: every function gives, per rep, the value
 * Query gives over the same records; an empty group is undefined (null), never 0; bad values name
 * metric, column and value.
 */
class SparkMetricsTest {
  @TempDir static Path dir;
  private static SparkSession spark;
  private static Dataset data;

  @BeforeAll
  static void load() throws IOException {
    spark = SharedSpark.get();
    data = RandomSales.generate(7);
    data.writeCsv(dir);
    SalesFrames frames = SalesFrames.read(spark, dir.toString());
    for (CsvFile f : List.of(CsvFile.DEALS, CsvFile.ORDERS, CsvFile.LEADS, CsvFile.CUSTOMERS,
        CsvFile.RESPONSES)) {
      frames.frame(f).orElseThrow().createOrReplaceTempView(f.fileName().replace(".csv", ""));
    }
    SparkMetrics.register(spark);
  }

  private static String table(Metric<?, ?> m) {
    return SparkMetrics.columns(m).contains("deal_id") || m.id().startsWith("deal")
            || m.id().startsWith("win_rate") || m.id().equals("sales_volume")
            || m.id().equals("average_deal_size") || m.id().equals("sales_cycle")
            || m.id().equals("weighted_pipeline") || m.id().equals("pipeline_value")
            || m.id().equals("sales_velocity")
        ? "deals"
        : switch (m.recordType().getSimpleName()) {
          case "Order" -> "orders";
          case "Lead" -> "leads";
          case "Customer" -> "customers";
          default -> "responses";
        };
  }

  @Test
  void everyRegisteredFunctionEqualsQueryPerRep() {
    List<String> names = SparkMetrics.register(spark);
    List<SalesRecord> records = SparkQueryEqualityTest.records(data);
    int compared = 0;
    for (Metric<?, ?> m : Metrics.all()) {
      if (!names.contains(SparkMetrics.functionName(m))) {
        continue;
      }
      String group = m.id().equals("nps") || m.id().equals("csat") ? "customer_id" : "rep_id";
      Dimension dim = group.equals("rep_id") ? Dimension.REP : Dimension.CUSTOMER;
      MetricTable expected = Query.of(records).groupBy(dim).metrics(m).run();
      String sql =
          "SELECT " + group + " AS g, " + SparkMetrics.functionName(m) + "("
              + String.join(", ", SparkMetrics.columns(m)) + ") AS v FROM " + table(m)
              + " GROUP BY " + group;
      List<Row> rows = spark.sql(sql).collectAsList();
      for (Row r : rows) {
        String key = r.isNullAt(0) ? Dimension.NONE : r.getString(0);
        MetricValue actual = SparkMetrics.value(r.getStruct(1));
        assertThat(Map.of(m.id() + " " + key, actual))
            .isEqualTo(Map.of(m.id() + " " + key,
                expected.get(GroupKey.of(dim.id(), key), m.id()).orElseThrow()));
      }
      assertThat(rows).hasSize(expected.size());
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(20);
  }

  @Test
  void needsPeriodMetricsRunOverAGivenPeriod() {
    Period q1 = Period.of(LocalDate.of(2024, 1, 1), Granularity.QUARTER, ZoneOffset.UTC);
    MetricAggregator<?> churn = SparkMetrics.aggregator(Metrics.CHURN_RATE, q1);
    Row out =
        spark.table("customers")
            .select(col("signed_up_at").cast("timestamp"), col("cancelled_at").cast("timestamp"))
            .select(churn.toColumn())
            .first();
    MetricValue expected =
        Metrics.CHURN_RATE.compute(data.customers(), dev.salesmetrics.metric.Window.of(q1)).value();
    assertThat(SparkMetrics.value(out)).isEqualTo(expected);
    assertThatThrownBy(() -> SparkMetrics.aggregator(Metrics.CHURN_RATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("churn_rate");
  }

  @Test
  void anEmptyGroupIsUndefinedNeverZero() {
    Row r =
        spark.sql("SELECT win_rate(status, closed_at) AS v, sales_volume(status, closed_at,"
                + " amount, currency) AS s, deals_won(status, closed_at) AS n FROM deals"
                + " WHERE deal_id = 'none'")
            .first();
    assertThat(r.getStruct(0).isNullAt(0)).isTrue();
    assertThat(SparkMetrics.value(r.getStruct(0))).isEqualTo(Ratio.empty());
    assertThat(r.getStruct(1).isNullAt(0)).isTrue();
    assertThat(r.getStruct(2).getDouble(0)).isEqualTo(0.0);
  }

  @Test
  void badValuesNameMetricColumnAndValue() throws IOException {
    Path bad = Files.createTempDirectory(dir, "bad");
    String header = "deal_id,rep_id,amount,currency,created_at,status,closed_at";
    Files.writeString(bad.resolve("deals.csv"),
        header + "\nD1,R1,12.505,USD,2024-03-01T00:00:00Z,won,2024-03-02T00:00:00Z\n");
    spark.read().option("header", true).csv(bad.resolve("deals.csv").toString())
        .createOrReplaceTempView("bad_deals");
    assertThatThrownBy(
            () -> spark.sql("SELECT sales_volume(status, closed_at, amount, currency) FROM bad_deals")
                .collectAsList())
        .satisfies(e -> assertThat(SparkQuery.unwrap(e))
            .hasMessage("sales_volume: column amount: \"12.505\": amount 12.505 has more than 2"
                + " fraction digits allowed for USD"));
    SalesFrames frames = SalesFrames.read(spark, bad.toString());
    assertThatThrownBy(
            () -> SparkQuery.of(frames).metrics(Metrics.SALES_CYCLE).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deals.csv: row with deal_id D1: column amount: \"12.505\": amount 12.505 has"
            + " more than 2 fraction digits allowed for USD");
  }

  private static MetricValue volumeOf(String amountExpression) {
    Row r =
        spark.sql("SELECT sales_volume(status, closed_at, " + amountExpression + ", currency) AS v"
                + " FROM VALUES ('won', TIMESTAMP '2024-03-01 10:00:00', 'USD')"
                + " AS t(status, closed_at, currency)")
            .first();
    return SparkMetrics.value(r.getStruct(0));
  }

  @Test
  void amountsOfAnyColumnTypeAreTakenExactly() {
    // by hand: the decimal 12.5000 is 12.50 USD, the double 0.1 is 0.10 USD, 1.0E7 is 10,000,000
    assertThat(volumeOf("CAST('12.5000' AS DECIMAL(10,4))"))
        .isEqualTo(new Amount(Money.ofMinor(1250, "USD"), 1));
    assertThat(volumeOf("CAST(0.1 AS DOUBLE)")).isEqualTo(new Amount(Money.ofMinor(10, "USD"), 1));
    assertThat(volumeOf("CAST(1E7 AS DOUBLE)"))
        .isEqualTo(new Amount(Money.ofMinor(1_000_000_000L, "USD"), 1));
    assertThat(volumeOf("'92233720368547758.07'"))
        .isEqualTo(new Amount(Money.ofMinor(Long.MAX_VALUE, "USD"), 1));
    // a typed decimal with a third fraction digit is refused, not rounded to the cent
    assertThatThrownBy(() -> volumeOf("CAST('12.505' AS DECIMAL(10,4))"))
        .satisfies(e -> assertThat(SparkQuery.unwrap(e))
            .hasMessage("sales_volume: column amount: \"12.505\": amount 12.505 has more than 2"
                + " fraction digits allowed for USD"));
    assertThatThrownBy(() -> volumeOf("'12,50'"))
        .satisfies(e -> assertThat(SparkQuery.unwrap(e))
            .hasMessage("sales_volume: column amount: \"12,50\": amount must be a plain decimal"
                + " like 1250.00: \"12,50\""));
  }

  @Test
  void metricsWithoutAFunctionOfTheirOwnPointToSparkQuery() {
    List<String> without = new ArrayList<>();
    for (Metric<?, ?> m : Metrics.all()) {
      if (!SparkMetrics.hasFunction(m)) {
        without.add(m.id());
      }
    }
    assertThat(without).contains("quota_attainment", "stage_conversion", "arpu", "campaign_roi");
    assertThatThrownBy(() -> SparkMetrics.aggregator(Metrics.QUOTA_ATTAINMENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SparkQuery");
    assertThatThrownBy(() -> SparkMetrics.aggregator(Metrics.leadScore(
            dev.salesmetrics.metric.LeadScoreModel.defaults())))
        .hasMessageContaining("not the catalogue's");
  }
}
