package dev.salesmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.rule.RuleFile;
import dev.salesmetrics.time.Granularity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser (Debian's headless Chromium, see {@link Chromium}): the charts and
 * tables are in the DOM, the page logs nothing (its content security policy makes any script or
 * load show as a console message), and a screenshot is not blank.
 *
 * <p>{@code -Dreadme.screenshot=PATH} also writes the README's picture of the sample data's
 * report to {@code PATH} (the repository keeps it at {@code docs/img/report.png}).
 */
class ReportBrowserTest {
  /** Two of the demo's stories, as rules replayed per quarter. */
  static final String RULES =
      """
      rule rep-win-rate-collapse
        metric: win_rate
        per: rep
        when: below
        critical: 0.10 recover 0.20
        minimum_sample: 20

      rule churn-rising
        metric: churn_rate
        when: above
        warning: 0.08 recover 0.07
        critical: 0.12 recover 0.10
        minimum_sample: 200
      """;

  @TempDir static Path dir;
  private static Path sample;
  private static Path small;

  @BeforeAll
  static void writeReports() throws IOException {
    Dataset data = SampleData.generate(SampleData.DEFAULT_SEED);
    sample = dir.resolve("sample.html");
    Report.builder(data)
        .title("Sales report", "sample data (seed " + SampleData.DEFAULT_SEED + ")")
        .rules(RuleFile.parse(RULES, "rules", Metrics.registry()))
        .alertPeriod(Granularity.QUARTER)
        .build()
        .writeTo(sample);
    small = dir.resolve("small.html");
    SmallData.report().writeTo(small);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void chartsAndTablesAreInTheDomAndThePageLogsNothing() throws IOException {
    Chromium chromium = Chromium.require();
    Chromium.Run run = chromium.dumpDom(sample.toUri());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.console()).as("console messages").isEmpty();
    String dom = run.stdout();
    String html = Files.readString(sample);
    for (Panel p : Panel.values()) {
      assertThat(dom).contains("<section id=\"" + p.id() + "\"");
    }
    assertThat(count(dom, "<svg ")).isEqualTo(count(html, "<svg ")).isGreaterThanOrEqualTo(10);
    assertThat(count(dom, "role=\"img\"")).isEqualTo(count(html, "role=\"img\""));
    assertThat(count(dom, "<table>")).isEqualTo(count(html, "<table>")).isGreaterThan(8);
    assertThat(count(dom, "<details>")).isEqualTo(count(html, "<details>"));
    assertThat(dom).contains("<title id=\"chart-leaderboard-title\">Quota attainment per rep,"
        + " 2025-12</title>");
    assertThat(dom).contains("Win rate for rep R07 was 8.6% (3/35), below 10%");
  }

  @Test
  void aRepNamedLikeAScriptStaysText() {
    Chromium.Run run = Chromium.require().dumpDom(small.toUri());
    assertThat(run.console()).isEmpty();
    // the browser parsed no script element: the name came back as escaped text
    assertThat(run.stdout()).doesNotContain("<script").contains("&lt;script&gt;alert(1)");
  }

  @Test
  void theScreenshotIsNotBlank() throws IOException {
    Path png = dir.resolve("report.png");
    Chromium.Run run = Chromium.require().screenshot(sample.toUri(), png, 1280, 1700);
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.console()).isEmpty();
    Chromium.Picture picture = Chromium.Picture.of(png);
    assertThat(picture.width()).isEqualTo(1280);
    assertThat(picture.height()).isEqualTo(1700);
    // tiles, text, bars and lines in many colours: far from a blank page
    assertThat(picture.colours()).isGreaterThan(200);
    assertThat(picture.nonBackground()).isGreaterThan(0.2);
    String target = System.getProperty("readme.screenshot", "");
    if (!target.isEmpty()) {
      Files.copy(png, Path.of(target), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void theConsoleCheckSeesABlockedLoadAndAScript() throws IOException {
    // a control: the same policy on a page that tries to load an image and run a script
    Path bad = dir.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\""
        + " content=\"" + Report.CONTENT_SECURITY_POLICY + "\"></head><body>"
        + "<img src=\"https://example.com/x.png\"><script>console.log(1)</script></body></html>");
    Chromium.Run run = Chromium.require().dumpDom(bad.toUri());
    assertThat(run.console()).hasSize(2);
  }
}
