package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code compute} streams the files through the query ({@code Dataset.stream}) when the query
 * folds, and prints byte for byte what the object path prints (a mapping that maps nothing makes
 * it take that path): the same table, summary, rejected rows and errors.
 */
class ComputeStreamingTest {
  @TempDir static Path dir;
  static Path sample;
  static Path scaled;
  static Path noMapping;

  @BeforeAll
  static void writeData() throws IOException {
    sample = dir.resolve("sample");
    SampleData.writeCsv(sample);
    scaled = dir.resolve("scaled");
    SampleData.writeCsv(scaled, 5, new SampleData.Counts(20_000, 0, 0, 0));
    noMapping = Files.writeString(dir.resolve("none.mapping"), "# maps nothing\n");
  }

  /** Runs the command streamed (asserting it streamed) and on the object path. */
  private static void assertStreamsAsTheObjectPath(Path data, String... args) {
    List<String> streamed = new ArrayList<>(List.of("compute", "--data", data.toString()));
    streamed.addAll(List.of(args));
    List<String> objects = new ArrayList<>(streamed);
    objects.addAll(List.of("--mapping", noMapping.toString()));
    int before = ComputeCommand.STREAMED.get();
    Cli.Result s = Cli.run(streamed.toArray(new String[0]));
    assertThat(ComputeCommand.STREAMED.get()).as("streamed: %s", streamed).isEqualTo(before + 1);
    Cli.Result o = Cli.run(objects.toArray(new String[0]));
    assertThat(s.code()).as(s.err()).isEqualTo(o.code());
    assertThat(s.out()).isEqualTo(o.out());
    assertThat(s.err()).isEqualTo(o.err());
  }

  @Test
  void theBenchmarkCommandStreamsInEveryFormat() {
    for (Path data : List.of(sample, scaled)) {
      for (String format : List.of("table", "csv", "json")) {
        assertStreamsAsTheObjectPath(data, "--metrics", "win_rate,sales_volume,average_deal_size",
            "--by", "rep", "--period", "month", "--zone", "UTC", "--format", format);
      }
    }
  }

  @Test
  void otherFoldingQueriesStream() {
    for (Path data : List.of(sample, scaled)) {
      assertStreamsAsTheObjectPath(data, "--metrics", "deals_won,win_rate.all_created", "--by",
          "product,customer", "--period", "week", "--zone", "America/New_York", "--format", "csv");
      assertStreamsAsTheObjectPath(data, "--metrics", "win_rate", "--by", "rep", "--from",
          "2024-03-01", "--to", "2025-02-01", "--format", "csv");
      assertStreamsAsTheObjectPath(data, "--metrics", "sales_volume", "--period", "quarter",
          "--from", "2024-03-01", "--to", "2025-02-01", "--lenient", "--format", "json");
    }
  }

  @Test
  void queriesThatDoNotFoldTakeTheLoadedPath() {
    int before = ComputeCommand.STREAMED.get();
    List<List<String>> runs =
        List.of(
            List.of("--metrics", "sales_cycle", "--by", "rep", "--period", "month"),
            List.of("--metrics", "win_rate", "--by", "team", "--period", "month"),
            List.of("--metrics", "win_rate", "--by", "rep"),
            List.of("--metrics", "win_rate", "--period", "month", "--from", "2024-01-01"));
    for (List<String> args : runs) {
      List<String> all = new ArrayList<>(List.of("compute", "--data", sample.toString()));
      all.addAll(args);
      Cli.Result r = Cli.run(all.toArray(new String[0]));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isNotEmpty();
    }
    assertThat(ComputeCommand.STREAMED.get()).isEqualTo(before);
  }

  @Test
  void badRowsDuplicatesAndMixedCurrenciesGiveTheSameErrorsAndRejectedRows()
      throws IOException {
    Path bad = dir.resolve("bad");
    SampleData.writeCsv(bad, 3, new SampleData.Counts(2_000, 0, 0, 0));
    Path deals = bad.resolve("deals.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(deals));
    lines.set(700, lines.get(700).replace(",USD,", ",usd,"));
    lines.set(1200, "\"" + lines.get(1200).replaceFirst(",", "\",") + ",extra");
    lines.set(1500, lines.get(1500).replaceFirst("D0+1500", "D000000003"));
    lines.set(1600, lines.get(1600).replace(",USD,", ",EUR,"));
    Files.write(deals, lines);
    for (String mode : List.of("--lenient", "--zone=UTC")) {
      for (String metric : List.of("win_rate", "sales_volume")) {
        List<String> streamed = new ArrayList<>(List.of("compute", "--data", bad.toString(),
            "--metrics", metric, "--by", "rep", "--period", "month", mode));
        List<String> objects = new ArrayList<>(streamed);
        objects.addAll(List.of("--mapping", noMapping.toString()));
        Cli.Result s = Cli.run(streamed.toArray(new String[0]));
        Cli.Result o = Cli.run(objects.toArray(new String[0]));
        assertThat(s.code()).as(s.err()).isEqualTo(o.code());
        assertThat(s.out()).isEqualTo(o.out());
        assertThat(s.err()).isEqualTo(o.err());
      }
    }
    Cli.Result strict = Cli.run("compute", "--data", bad.toString(), "--metrics", "win_rate",
        "--by", "rep", "--period", "month");
    assertThat(strict.errors()).contains("deals.csv, line 701, column currency, value \"usd\"");
  }
}
