package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes on the command line are one clear line, and what the command prints reads one way
 * (issue 11, items 10, 11, 15, 16 and 17), on the sample data written as CSV files.
 */
class CommandLineMistakesTest {
  @TempDir static Path sample;
  static Dataset data;

  @BeforeAll
  static void writeSample() throws IOException {
    SampleData.writeCsv(sample);
    data = SampleData.generate(SampleData.DEFAULT_SEED);
  }

  private static Cli.Result compute(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("compute", "--data", sample.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  // ---- item 10: a usage error is one line, "did you mean", and where the help is ------------------

  @Test
  void anUnknownMetricIdSuggestsTheClosestAndNotTheWholeHelp() {
    Cli.Result r = compute("--metrics", "win_rat");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "salesmetrics: unknown metric id \"win_rat\"; did you mean win_rate or"
                + " win_rate.all_created? ('salesmetrics metrics' lists the ids)\n"
                + "Try 'salesmetrics compute --help'\n");
  }

  @Test
  void anUnknownDimensionSuggestsTheClosest() {
    Cli.Result r = compute("--metrics", "win_rate", "--by", "teams");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "salesmetrics: unknown dimension \"teams\"; did you mean team? (expected one of rep,"
                + " team, region, product, campaign, source, customer)\n"
                + "Try 'salesmetrics compute --help'\n");
  }

  @Test
  void anUnknownOptionOrCommandSuggestsTheClosest() {
    Cli.Result option = compute("--metrics", "win_rate", "--perod", "month");
    assertThat(option.code()).isEqualTo(Main.USAGE);
    assertThat(option.err().lines().toList())
        .containsExactly(
            "salesmetrics: unknown options: '--perod', 'month'; did you mean --period?",
            "Try 'salesmetrics compute --help'");
    Cli.Result command = Cli.run("comptue");
    assertThat(command.code()).isEqualTo(Main.USAGE);
    assertThat(command.err().lines().toList())
        .hasSize(2)
        .containsExactly(
            "salesmetrics: unmatched argument at index 0: 'comptue'; did you mean compute?",
            "Try 'salesmetrics --help'");
  }

  @Test
  void aMissingRequiredOptionIsOneLineToo() {
    Cli.Result r = Cli.run("compute", "--metrics", "win_rate");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err().lines().toList())
        .containsExactly(
            "salesmetrics: missing required option: '--data=DIR'",
            "Try 'salesmetrics compute --help'");
  }

  // ---- item 11: a period-less pipeline is refused; no phantom groups -------------------------

  @Test
  void aMetricOfThePeriodStartNeedsAPeriod() {
    Cli.Result r = compute("--metrics", "pipeline_value", "--by", "team");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "salesmetrics: metric pipeline_value needs a period: add --period day, week, month,"
                + " quarter or year, or give the period with --from and --to\n"
                + "Try 'salesmetrics compute --help'\n");
    Cli.Result given =
        compute("--metrics", "pipeline_value", "--by", "team", "--from", "2025-01-01", "--to",
            "2025-02-01", "--format", "csv");
    assertThat(given.code()).as(given.err()).isZero();
    assertThat(given.lines()).hasSize(1 + 4).allMatch(l -> !l.contains(",,USD"));
  }

  @Test
  void recordsAMetricDoesNotReadMakeNoGroupForIt() {
    // customers.csv and orders.csv are in the directory: they have no place in attainment rows
    Cli.Result r =
        compute("--metrics", "quota_attainment,pipeline_coverage", "--by", "rep", "--period",
            "month", "--from", "2025-12-01", "--to", "2026-01-01", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("(none)");
    assertThat(r.lines()).hasSize(1 + 2 * data.reps().size());
    Cli.Result table =
        compute("--metrics", "quota_attainment", "--by", "rep", "--period", "month", "--from",
            "2025-12-01", "--to", "2026-01-01");
    assertThat(table.out()).doesNotContain("(none)").contains(" USD)");
  }

  // ---- item 13: money ratios read as money, money with separators ------------------------------

  @Test
  void theTableShowsMoneyRatiosInMoneyAndMoneyWithThousandsSeparators() {
    Cli.Result r =
        compute("--metrics", "sales_volume,quota_attainment", "--by", "rep", "--period", "month",
            "--from", "2025-12-01", "--to", "2026-01-01");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines())
        .anyMatch(l -> l.matches("2025-12 +R07 +58,800\\.00 USD +71\\.7% \\(58,800\\.00 /"
            + " 82,000\\.00 USD\\)"));
  }

  // ---- item 15: money statistics and durations under their own id -------------------------------

  @Test
  void averageDealSizeWritesItsMeanUnderItsOwnId() {
    Cli.Result r =
        compute("--metrics", "average_deal_size", "--from", "2025-01-01", "--to", "2026-01-01",
            "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    MoneyStats expected =
        Query.of(data.deals())
            .metrics(Metrics.AVERAGE_DEAL_SIZE)
            .during(Period.between(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1),
                ZoneOffset.UTC))
            .run()
            .get(dev.salesmetrics.aggregate.GroupKey.overall(), Metrics.AVERAGE_DEAL_SIZE)
            .orElseThrow();
    long won = 0;
    for (Deal d : data.deals()) {
      if (d.status() == DealStatus.WON && d.closedAt() != null
          && d.closedAt().toString().startsWith("2025-")) {
        won++;
      }
    }
    assertThat(expected.count()).isEqualTo(won);
    String range = "2025-01-01,2026-01-01,";
    assertThat(r.lines())
        .containsExactly(
            "period_start,period_end,metric,value,unit",
            range + "average_deal_size," + expected.mean().map(Money::toPlainString).orElseThrow()
                + ",USD",
            range + "average_deal_size.count," + won + ",count",
            range + "average_deal_size.sum," + expected.sum().orElseThrow().toPlainString()
                + ",USD",
            range + "average_deal_size.min," + expected.min().orElseThrow().toPlainString()
                + ",USD",
            range + "average_deal_size.max," + expected.max().orElseThrow().toPlainString()
                + ",USD");
  }

  // ---- item 16: metrics says which files each metric reads --------------------------------------

  @Test
  void metricsPrintsAHeaderAndTheFilesEachMetricReads() {
    List<String> lines = Cli.run("metrics").lines();
    assertThat(lines.get(0)).matches("id +unit +reads +definition");
    assertThat(lines)
        .anyMatch(l -> l.matches("win_rate +ratio +deals\\.csv +won / \\(won \\+ lost\\).*"))
        .anyMatch(l -> l.matches("quota_attainment +ratio +quotas\\.csv,deals\\.csv +.*"))
        .anyMatch(l -> l.matches("stage_conversion +table +deals\\.csv,deal_stages\\.csv +.*"))
        .anyMatch(l -> l.matches("campaign_roi +ratio +leads\\.csv,deals\\.csv,campaigns\\.csv .*"))
        .anyMatch(l -> l.matches("nps +score +responses\\.csv +.*"));
    assertThat(lines).hasSize(1 + Metrics.all().size());
  }

  // ---- item 17: one run per query, one CSV writer with LF ---------------------------------------

  @Test
  void csvLinesEndInLineFeedsAsTheDataFilesDo() {
    Cli.Result r =
        compute("--metrics", "win_rate", "--by", "team", "--period", "quarter", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("\r").endsWith("\n");
    String expected =
        Query.of(data.records())
            .groupBy(Dimension.quarter(ZoneOffset.UTC), data.team())
            .metrics(Metrics.WIN_RATE)
            .periods(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1))
            .run()
            .toCsv();
    assertThat(r.out()).isEqualTo(expected);
  }

  @Test
  void tableValuedMetricsArePrintedAsBlocksOfTheSameTable() {
    Cli.Result r =
        compute("--metrics", "win_rate,stage_conversion", "--from", "2025-01-01", "--to",
            "2026-01-01");
    assertThat(r.code()).as(r.err()).isZero();
    String expected =
        Query.of(data.records())
            .metrics(Metrics.WIN_RATE, Metrics.STAGE_CONVERSION)
            .during(Period.between(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1),
                ZoneOffset.UTC))
            .run()
            .show();
    assertThat(r.out()).isEqualTo(expected).contains("\nstage_conversion\n");
  }

  @Test
  void everyDataCommandPrintsOneSummaryLinePerFileOnStandardError() {
    Cli.Result r = compute("--metrics", "deals_won");
    assertThat(r.summary())
        .containsExactly(
            "reps.csv: 40 rows, 40 loaded, 0 rejected",
            "quotas.csv: " + String.format("%,d", data.quotas().size()) + " rows, "
                + String.format("%,d", data.quotas().size()) + " loaded, 0 rejected",
            "leads.csv: 30,000 rows, 30,000 loaded, 0 rejected",
            "deal_stages.csv: 30,848 rows, 30,848 loaded, 0 rejected",
            "deals.csv: 7,890 rows, 7,890 loaded, 0 rejected",
            "orders.csv: 31,571 rows, 31,571 loaded, 0 rejected",
            "customers.csv: 3,175 rows, 3,175 loaded, 0 rejected",
            "campaigns.csv: 24 rows, 24 loaded, 0 rejected",
            "responses.csv: 8,701 rows, 8,701 loaded, 0 rejected");
    assertThat(r.errors()).isEmpty();
    Cli.Result demo =
        Cli.run("demo", "--data", sample.toString(), "--report",
            sample.resolve("r.html").toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.summary()).hasSize(9);
  }
}
