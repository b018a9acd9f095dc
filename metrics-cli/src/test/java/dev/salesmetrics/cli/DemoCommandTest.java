package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  private static String demo;

  record Result(int code, String out, String err) {}

  /** Where the demos of this test write their HTML report (not the working directory). */
  @TempDir static Path reports;

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new java.util.ArrayList<>(List.of(args));
    if (all.get(0).equals("demo") && !all.contains("--report")) {
      all.addAll(List.of("--report", reports.resolve("report.html").toString()));
    }
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(new String[0]));
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void runDemo() {
    Result r = run("demo");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    demo = r.out();
  }

  @Test
  void printsTheFourSectionsInOrder() {
    assertThat(demo)
        .containsSubsequence(
            "Salesmetrics demo on sample data (seed 20240101)",
            "== Scorecard 2025-12 (top 10 of 40 reps by sales volume",
            "== Trends per month, 2025-01-01 to 2025-12-31",
            "== Funnel of deals that entered a stage from 2025-01-01 to 2025-12-31",
            "lead → qualified",
            "proposal → negotiation",
            "== Alerts: 4 rules replayed per quarter, 2024-01-01 to 2025-12-31",
            "rule                      fired  groups  firing at the end",
            "7 of 7 transitions shown");
  }

  @Test
  void r07CollapseAlertSaysWhyWithCountsFromThePlainRecords() {
    Instant from = Instant.parse("2025-10-01T00:00:00Z");
    Instant to = Instant.parse("2026-01-01T00:00:00Z");
    long won = 0;
    long closed = 0;
    for (Deal d : SampleData.generate(SampleData.DEFAULT_SEED).deals()) {
      Instant at = d.closedAt();
      if (d.repId().equals("R07") && at != null && !at.isBefore(from) && at.isBefore(to)) {
        closed++;
        won += d.status() == DealStatus.WON ? 1 : 0;
      }
    }
    String sentence =
        "Win rate for rep R07 was " + Ratio.of(won, closed) + ", below 10%, for 1 quarter since"
            + " 2025-10-01";
    assertThat(sentence).contains("8.6% (3/35)");
    assertThat(demo.replaceAll("\n +", " "))
        .contains("2025-Q4  rep-win-rate-collapse  inactive -> firing (critical) " + sentence);
  }

  @Test
  void churnAndNpsAlertsFireFromThePriceChangeAndCampaignNinePoorConversion() {
    String joined = demo.replaceAll("\n +", " ");
    assertThat(joined)
        .contains("2025-Q2  churn-rising  inactive -> firing (warning) Churn rate overall was")
        .contains("2025-Q2  nps-falling  inactive -> firing (critical) NPS overall was")
        .contains("2024-Q3  campaign-poor-conversion  inactive -> firing (warning) Lead conversion"
            + " rate for campaign CMP09");
    assertThat(joined).doesNotContain("churn-rising  inactive -> firing (warning) Churn rate overall"
        + " was 5");
  }

  @Test
  void scorecardShowsR07BesideTheTopTenBecauseItsAlertIsFiring() {
    List<String> lines = demo.lines().toList();
    int start = lines.indexOf(
        lines.stream().filter(l -> l.startsWith("== Scorecard")).findFirst().orElseThrow());
    assertThat(lines.get(start)).endsWith("plus R07 (rank 29, alert firing))");
    assertThat(lines.get(start + 1))
        .matches("rep +team +deals_won +sales_volume +win_rate +quota_attainment");
    List<String> rows = lines.subList(start + 3, start + 14);
    assertThat(rows).hasSize(11).allMatch(l -> l.matches("R\\d\\d  .*"));
    assertThat(rows.get(0))
        .matches("R07 +North +2 +58,800.00 USD +13.3% \\(2/15\\) +71.7% \\(58,800.00 /"
            + " 82,000.00 USD\\)");
    assertThat(lines.get(start + 14)).startsWith("quota_attainment:");
  }

  @Test
  void trendsHaveTwelveMonths() {
    List<String> lines = demo.lines().toList();
    int start = lines.indexOf("== Trends per month, 2025-01-01 to 2025-12-31");
    assertThat(lines.get(start + 1).split(" +"))
        .containsExactly(
            "period", "revenue", "orders", "new_customers", "churn_rate", "nps", "win_rate");
    for (int m = 1; m <= 12; m++) {
      assertThat(lines.get(start + 2 + m)).startsWith(String.format("2025-%02d ", m));
    }
    assertThat(lines.get(start + 15)).isEmpty();
  }

  @Test
  void everyLineFitsAHundredColumns() {
    assertThat(demo.lines()).allMatch(l -> l.length() <= DemoCommand.WIDTH);
  }

  @Test
  void endsByWritingTheHtmlReportAndPrintingItsPath(@TempDir Path dir) throws Exception {
    assertThat(demo).endsWith("\nReport: " + reports.resolve("report.html").toAbsolutePath()
        + " (open it in a browser)\n");
    Path file = dir.resolve("demo.html");
    Result r = run("demo", "--report", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .endsWith("\nReport: " + file.toAbsolutePath() + " (open it in a browser)\n");
    String html = java.nio.file.Files.readString(file);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<section id=\"panel-tiles\"",
        "<section id=\"panel-alerts\"", "Win rate for rep R07 was 8.6% (3/35), below 10%");
  }

  @Test
  void allShowsEveryRep() {
    Result r = run("demo", "--all");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("== Scorecard 2025-12 (every rep)");
    assertThat(r.out().lines().filter(l -> l.matches("R\\d\\d  .*"))).hasSize(40);
  }

  @Test
  void negativeTopIsBadUsage() {
    Result r = run("demo", "--top", "-1");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--top must be >= 0: -1");
  }

  @Test
  void sampleWrittenAsCsvGivesTheSameDemo(@TempDir Path dir) {
    Result written = run("sample", "--out", dir.toString());
    assertThat(written.code()).as(written.err()).isZero();
    Result fromCsv = run("demo", "--data", dir.toString());
    assertThat(fromCsv.code()).as(fromCsv.err()).isZero();
    assertThat(fromCsv.out())
        .isEqualTo(demo.replace("sample data (seed 20240101)", dir.toString()));
  }

  @Test
  void ownRuleFileIsReplayed(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.txt");
    java.nio.file.Files.writeString(
        rules, "rule low\n  metric: win_rate\n  per: team\n  when: below\n  warning: 0.5\n");
    Result r = run("demo", "--rules", rules.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("== Alerts: 1 rule replayed per quarter")
        .contains("2024-Q1  low  inactive -> firing (warning)\n    Win rate for team ")
        .containsPattern("\nlow +\\d+ +\\d+ +");
  }

  @Test
  void stageOrderFollowsTheHistories() {
    assertThat(DemoCommand.stageOrder(SampleData.generate(SampleData.DEFAULT_SEED).deals()))
        .containsExactly("lead", "qualified", "proposal", "negotiation", "won");
  }

  @Test
  void wrapBreaksAtWordsWithinTheWidth() {
    StringBuilder sb = new StringBuilder();
    DemoCommand.wrap(sb, "aaa bbb ccc ddd", "  ", 10);
    assertThat(sb.toString()).isEqualTo("  aaa bbb\n  ccc ddd\n");
  }
}
