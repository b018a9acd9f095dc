package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compute} and {@code alerts} read interchange files into columns ({@code Dataset.loadColumns}) and gives
 * exactly the output of the object path, which a mapping file (here one that maps nothing) makes
 * it take: the same table, the same load summary, the same errors.
 */
class ComputeColumnsTest {
  @TempDir static Path dir;
  static Path sample;
  static Path scaled;
  static Path noMapping;

  @BeforeAll
  static void writeData() throws IOException {
    sample = dir.resolve("sample");
    SampleData.writeCsv(sample);
    scaled = dir.resolve("scaled");
    SampleData.writeCsv(scaled, 11, new SampleData.Counts(30_000, 4_000, 1_500, 5_000));
    noMapping = Files.writeString(dir.resolve("none.mapping"), "# maps nothing\n");
  }

  private static void assertSameAsObjectPath(Path data, String... args) {
    assertSameAsObjectPath("compute", data, args);
  }

  private static void assertSameAsObjectPath(String command, Path data, String... args) {
    List<String> columns = new ArrayList<>(List.of(command, "--data", data.toString()));
    columns.addAll(List.of(args));
    List<String> objects = new ArrayList<>(columns);
    objects.addAll(List.of("--mapping", noMapping.toString()));
    Cli.Result c = Cli.run(columns.toArray(new String[0]));
    Cli.Result o = Cli.run(objects.toArray(new String[0]));
    assertThat(c.code()).as(c.err()).isEqualTo(o.code());
    assertThat(c.out()).isEqualTo(o.out());
    assertThat(c.err()).isEqualTo(o.err());
  }

  @Test
  void winRateSalesVolumeAndAverageDealSizeByRepAndMonth() {
    for (Path data : List.of(sample, scaled)) {
      for (String format : List.of("table", "csv", "json")) {
        assertSameAsObjectPath(data, "--metrics", "win_rate,sales_volume,average_deal_size",
            "--by", "rep", "--period", "month", "--zone", "UTC", "--format", format);
      }
    }
  }

  @Test
  void otherMetricsDimensionsPeriodsAndZones() {
    for (Path data : List.of(sample, scaled)) {
      assertSameAsObjectPath(data, "--metrics", "deals_won,pipeline_value,sales_cycle", "--by",
          "team", "--period", "quarter", "--zone", "America/New_York", "--format", "csv");
      assertSameAsObjectPath(data, "--metrics", "win_rate.all_created", "--by", "product,region",
          "--from", "2024-03-01", "--to", "2025-02-01", "--format", "csv");
      assertSameAsObjectPath(data, "--metrics", "revenue,average_order_value", "--period", "week",
          "--format", "csv");
      assertSameAsObjectPath(data, "--metrics", "lead_conversion_rate,new_customers", "--by",
          "rep", "--period", "year", "--lenient", "--format", "csv");
    }
  }

  @Test
  void alertsOverTheDefaultRulesAreTheSame() throws IOException {
    Path rules = dir.resolve("default-rules.txt");
    try (java.io.InputStream in =
        ComputeColumnsTest.class.getResourceAsStream("/default-rules.txt")) {
      assertThat(in).isNotNull();
      Files.copy(in, rules, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Path deals = Files.writeString(dir.resolve("deal-rules.txt"),
        """
        rule low-win-rate
          metric: win_rate
          per: rep
          when: below
          warning: 0.30
          critical: 0.20
          minimum_sample: 5

        rule volume-drop
          metric: sales_volume
          per: team
          when: below
          against: previous_period
          warning: -0.10
        """);
    assertSameAsObjectPath("alerts", sample, "--rules", rules.toString());
    assertSameAsObjectPath("alerts", scaled, "--rules", deals.toString(), "--period", "quarter");
  }

  @Test
  void badRowsAreTheSameErrorOrTheSameRejectedRows() throws IOException {
    Path bad = dir.resolve("bad");
    SampleData.writeCsv(bad, 3, new SampleData.Counts(2_000, 0, 0, 0));
    Path deals = bad.resolve("deals.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(deals));
    lines.set(700, lines.get(700).replace(",USD,", ",usd,"));
    lines.set(1200, "\"" + lines.get(1200).replaceFirst(",", "\",") + ",extra");
    lines.set(1500, lines.get(1500).replaceFirst("D0+1500", "D000000003"));
    Files.write(deals, lines);
    for (String mode : List.of("--lenient", "--zone=UTC")) {
      assertSameAsObjectPath(bad, "--metrics", "win_rate", "--by", "rep", "--period", "month",
          mode);
    }
    assertThat(Cli.run("compute", "--data", bad.toString(), "--metrics", "win_rate", "--period",
        "month").errors()).contains("deals.csv, line 701, column currency, value \"usd\"");
  }

  @Test
  void theColumnLoaderGivesTheRecordsOfTheObjectLoader() throws IOException {
    ColumnStore store = Dataset.loadColumns(scaled).value();
    Dataset data = Dataset.load(scaled).value();
    assertThat(store.deals()).isEqualTo(30_000);
    assertThat(store.leads()).isEqualTo(4_000);
    assertThat(store.customers()).isEqualTo(1_500);
    assertThat(store.orders()).isEqualTo(5_000);
    assertThat(store.records()).containsExactlyInAnyOrderElementsOf(data.records());
  }
}
