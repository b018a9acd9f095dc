package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir static Path sample;

  @BeforeAll
  static void writeSample() throws IOException {
    SampleData.writeCsv(sample);
  }

  @Test
  void writesOneSelfContainedFileAndPrintsItsPath(@TempDir Path out) throws IOException {
    Path file = out.resolve("report.html");
    Cli.Result r = Cli.run("report", "--data", sample.toString(), "--out", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errors()).isEmpty();
    assertThat(r.summary()).hasSize(9).contains("deals.csv: 7,890 rows, 7,890 loaded, 0 rejected");
    assertThat(r.out()).isEqualTo("Report written to " + file.toAbsolutePath() + "\n");
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<title>Sales report</title>", "Data: " + sample, "2025-12 at a glance",
            "Leaderboard by rep", "No rule set was given")
        .doesNotContain("<script", "<link");
    // the same command twice gives the same bytes
    Path again = out.resolve("again.html");
    assertThat(Cli.run("report", "--data", sample.toString(), "--out", again.toString()).code())
        .isZero();
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void takesComputesDataAndPeriodOptionsPlusRulesAndBy(@TempDir Path out) throws IOException {
    Path rules = out.resolve("rules.txt");
    Files.writeString(
        rules, "rule low\n  metric: win_rate\n  per: team\n  when: below\n  warning: 0.5\n");
    Path file = out.resolve("q.html");
    Cli.Result r =
        Cli.run("report", "--data", sample.toString(), "--out", file.toString(), "--period",
            "quarter", "--zone", "UTC", "--fiscal-start", "april", "--from", "2024-04-01",
            "--to", "2025-11-16", "--rules", rules.toString(), "--by", "team", "--title",
            "Board <pack>");
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<title>Board &lt;pack&gt;</title>")
        // fiscal quarters from April; 2025-11-16 lies in FY2026-Q3, so FY2026-Q2 is complete
        .contains("FY2026-Q2 at a glance", "change against FY2026-Q1")
        .contains("Leaderboard by team", "<td>North</td>")
        .contains("Goals <span class=\"sub\">FY2026-Q3, ")
        .contains("1 rule</span>");
  }

  @Test
  void badUsageGivesExitTwo(@TempDir Path out) throws IOException {
    String file = out.resolve("r.html").toString();
    Cli.Result by = Cli.run("report", "--data", sample.toString(), "--out", file, "--by", "region");
    assertThat(by.code()).isEqualTo(Main.USAGE);
    assertThat(by.err()).contains("--by must be rep or team: \"region\"");
    Cli.Result range =
        Cli.run("report", "--data", sample.toString(), "--out", file, "--from", "2025-02-01",
            "--to", "2025-01-01");
    assertThat(range.code()).isEqualTo(Main.USAGE);
    assertThat(range.err())
        .contains("--from 2025-02-01 must be before --to 2025-01-01 (--to is exclusive)");
    Cli.Result missing = Cli.run("report", "--data", out.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("is not a directory");
    Path rules = out.resolve("bad-rules.txt");
    Files.writeString(rules, "rule x\n  metric: win_rat\n");
    Cli.Result bad =
        Cli.run("report", "--data", sample.toString(), "--out", file, "--rules",
            rules.toString());
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("bad-rules.txt:2");
    assertThat(Files.exists(out.resolve("r.html"))).isFalse();
  }

  @Test
  void anUnwritableOutputFileGivesExitFour(@TempDir Path out) throws IOException {
    Path file = out.resolve("no-such-dir").resolve("r.html");
    Cli.Result r = Cli.run("report", "--data", sample.toString(), "--out", file.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.OUTPUT_ERROR);
    assertThat(r.err())
        .contains("salesmetrics: cannot write --out " + file + ": " + file + ": no such file")
        .doesNotContain("--help");
    assertThat(r.out()).doesNotContain("Report written");
  }

  @Test
  void aBadRowGivesExitThreeNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("deals.csv"),
        """
        deal_id,rep_id,amount,currency,created_at,status,closed_at
        D1,R1,100.00,USD,2025-01-05T00:00:00Z,won,2025-01-20T00:00:00Z
        D2,R1,12.505,USD,2025-01-05T00:00:00Z,won,2025-01-20T00:00:00Z
        """,
        StandardCharsets.UTF_8);
    Cli.Result r =
        Cli.run("report", "--data", dir.toString(), "--out", dir.resolve("r.html").toString());
    assertThat(r.code()).isEqualTo(Main.BAD_DATA);
    assertThat(r.err())
        .contains(dir.resolve("deals.csv").toString(), "line 3", "column amount",
            "value \"12.505\"");
  }
}
