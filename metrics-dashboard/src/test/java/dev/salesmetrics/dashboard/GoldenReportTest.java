package dev.salesmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The report of {@link SmallData}, byte for byte, against a golden file; run with {@code
 * -Dgolden.update=true} to rewrite the file after a deliberate change, then review its diff.
 */
class GoldenReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/small-report.html");

  @Test
  void matchesTheGoldenFile() throws IOException {
    String html = SmallData.report().html();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, html, StandardCharsets.UTF_8);
    }
    assertThat(html).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  // The figures below were worked out by hand from SmallData's records (see its comments);
  // February 2025 is the last complete month, March is 15 of 31 days in progress.

  private static final Report REPORT = SmallData.report();

  @Test
  void tilesOfFebruaryAgainstJanuary() {
    String tiles = REPORT.panel(Panel.TILES.id());
    // won in February: D1 4,000 + D3 3,000; January: D6 1,000 (+600%)
    assertThat(tiles).contains("title=\"7,000.00 USD (n=2)\">7,000.00 USD<", "▲ +600.0%");
    // closed in February: D1 won, D2 lost, D3 won; January: D6 won
    assertThat(tiles).contains("title=\"66.7% (2/3)\">66.7%<", "▼ -33.3 pp");
    // mean of 4,000 and 3,000 against 1,000
    assertThat(tiles).contains(">3,500.00 USD<", "▲ +250.0%");
    // cycles 36 days (D1) and 31 days (D3): median 33.5; January 28 days (D6): +19.6%
    assertThat(tiles).contains("median 33.50 days (n=2, mean 33.50, p90 35.50)", ">33.5 days<",
        "▲ +19.6%");
    // open on 2025-02-01: D1 4,000 + D2 6,000 + D3 3,000; nothing open on 2025-01-01
    assertThat(tiles).contains("title=\"13,000.00 USD (n=3)\"",
        "no change: 2025-01: — (undefined: no deal open at the start of 2025-01)");
    // 13,000 of the February quotas 10,000 + 5,000
    assertThat(tiles).contains("86.7% (13,000.00 USD / 15,000.00 USD)", "▲ +86.7 pp");
    // churn: C1 cancelled of C1, C2, C4 active on 2025-02-01; none of C1, C4 in January
    assertThat(tiles).contains("title=\"33.3% (1/3)\">33.3%<", "2025-01: 0.0% (0/2)");
    // NPS: 10 and 9 promoters, 3 a detractor: (2 - 1) / 3 = 33.33; January one 8: 0
    assertThat(tiles).contains("title=\"33.33 (n=3)\">33.3<", "▲ +33.3 pts");
  }

  @Test
  void pipelineFunnelLeaderboardGoalsLeadsAndAlerts() {
    // open at 2025-03-16: D7 8,000 at lead (x 0.10) and D4 2,000 at proposal (x 0.50)
    assertThat(REPORT.panel(Panel.PIPELINE.id()))
        .contains("<td>lead</td><td class=\"num\">1</td>", "8,000.00 USD", "800.00 USD")
        .contains("<td>proposal</td><td class=\"num\">1</td>", "2,000.00 USD", "1,000.00 USD");
    // entered lead 2024-03..2025-02: D1-D6; reached qualified 6, proposal 5 (not D2), won 4
    assertThat(REPORT.panel(Panel.FUNNEL.id()))
        .contains("lead → qualified: 100.0% (6/6)", "qualified → proposal: 83.3% (5/6)",
            "proposal → won: 80.0% (4/5)", "title=\"66.7% (4/6)\"");
    // February: R2 3,000 of 5,000 first, R1 4,000 of 10,000 second
    assertThat(REPORT.panel(Panel.LEADERBOARD.id()))
        .containsSubsequence("won 3,000.00 USD of a quota of 5,000.00 USD",
            "won 4,000.00 USD of a quota of 10,000.00 USD");
    // March so far: R1 won D5 5,000 of 10,000 with 15/31 elapsed: expected 4,838.71,
    // run-rate 5,000 x 31/15 = 10,333.33; everyone 5,000 of 15,000: expected 7,258.06
    assertThat(REPORT.panel(Panel.GOALS.id()))
        .contains("2025-03, 48.4% elapsed at 2025-03-16", "4,838.71 USD",
            "10,333.33 USD (103.3% of quota)", "7,258.06 USD", "10,333.33 USD (68.9% of quota)");
    // referral: full contact (40), referral (30), contacted within the hour (30): 100, converted;
    // outbound: no contact, outbound scores 30 of 100 (x 0.30 = 9), not contacted
    assertThat(REPORT.panel(Panel.LEADS.id()))
        .contains("title=\"9.00 (n=1)\"", "title=\"100.00 (n=1)\"", "title=\"0.0% (0/1)\"");
    // R1 closed D1 won, D2 lost in February: 50% < 60%
    assertThat(REPORT.panel(Panel.ALERTS.id()))
        .contains("Win rate for rep R1 was 50.0% (1/2), below 60%, for 1 month since 2025-02-01");
  }
}
