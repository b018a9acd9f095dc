package dev.salesmetrics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every catalogue metric that SparkQuery computes (all but stage conversion, which reads the
 * stage history) gives on Spark the table Query gives over the same records: the sample data set
 * and random ones, grouped by rep and month, and by team and quarter in a zone with daylight
 * saving time. All metrics run in one Spark query per grouping.
 */
class SparkQueryEqualityTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static List<Metric<?, ?>> groupable() {
    List<Metric<?, ?>> out = new ArrayList<>();
    for (Metric<?, ?> m : Metrics.all()) {
      if (!m.recordKinds().contains(StageChange.class)) {
        out.add(m);
      }
    }
    return out;
  }

  static List<SalesRecord> records(Dataset d) {
    List<SalesRecord> all = new ArrayList<>();
    all.addAll(d.reps());
    all.addAll(d.quotas());
    all.addAll(d.leads());
    all.addAll(d.deals());
    all.addAll(d.orders());
    all.addAll(d.customers());
    all.addAll(d.campaigns());
    all.addAll(d.responses());
    return all;
  }

  /** Runs both groupings on Spark and with Query, and compares the tables. */
  static MetricTable assertSameTables(Dataset data, Path dir, LocalDate from, LocalDate to)
      throws IOException {
    data.writeCsv(dir);
    SalesFrames frames = SalesFrames.read(SharedSpark.get(), dir.toString());
    List<Metric<?, ?>> metrics = groupable();
    List<SalesRecord> records = records(data);

    Dimension month = Dimension.month(PARIS);
    MetricTable expected =
        Query.of(records).groupBy(Dimension.REP, month).metrics(metrics).periods(from, to).run();
    MetricTable actual =
        SparkQuery.of(frames).groupBy(Dimension.REP, month).metrics(metrics).periods(from, to).run();
    assertThat(actual.size()).isGreaterThan(0);
    assertThat(actual.show()).isEqualTo(expected.show());
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.toCsv()).isEqualTo(expected.toCsv());

    Dimension team = Dimension.team(RepDirectory.of(data.reps()));
    Dimension quarter =
        Dimension.period(Granularity.QUARTER, PARIS, FiscalCalendar.startingIn(Month.APRIL));
    MetricTable expectedTeams =
        Query.of(records).groupBy(team, quarter).metrics(metrics).periods(from, to).run();
    MetricTable actualTeams =
        SparkQuery.of(frames).groupBy(team, quarter).metrics(metrics).periods(from, to).run();
    assertThat(actualTeams.size()).isGreaterThan(0);
    assertThat(actualTeams).isEqualTo(expectedTeams);
    assertThat(actualTeams.toCsv()).isEqualTo(expectedTeams.toCsv());
    return actual;
  }

  /** The money ratios of a table that carry their currency. */
  private static long moneyRatios(MetricTable t, String metricId) {
    return t.rows().stream()
        .flatMap(r -> r.value(metricId).stream())
        .filter(v -> v instanceof Ratio r && r.currency() != null)
        .count();
  }

  @Test
  void sampleDataGivesQuerysTables(@TempDir Path dir) throws IOException {
    Dataset sample = SampleData.generate(SampleData.DEFAULT_SEED);
    MetricTable t =
        assertSameTables(sample, dir, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 1));
    // money ratios come back from the executors in their currency
    for (String id : List.of("quota_attainment", "pipeline_coverage", "campaign_roi")) {
      assertThat(moneyRatios(t, id)).as(id).isGreaterThan(0);
    }
  }

  @Test
  void randomDataGivesQuerysTables(@TempDir Path dir) throws IOException {
    long seed = Long.getLong("QT_SEED", 20261127L);
    for (int i = 0; i < 2; i++) {
      Path sub = Files.createDirectory(dir.resolve("set" + i));
      assertSameTables(
          RandomSales.generate(seed + i), sub, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
    }
  }

  @Test
  void everyMetricButStageConversionIsCompared() {
    assertThat(groupable()).hasSize(Metrics.all().size() - 1);
  }
}
