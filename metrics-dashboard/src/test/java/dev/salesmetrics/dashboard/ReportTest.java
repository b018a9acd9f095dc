package dev.salesmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.dashboard.chart.Svg;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportTest {
  private static final Pattern SVG = Pattern.compile("<svg[^>]*>.*?</svg>", Pattern.DOTALL);

  private static List<String> svgs(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void thePageIsTheEightPanelsInOrderWithStableIds() {
    Report r = SmallData.report();
    assertThat(r.panelIds())
        .containsExactly("panel-tiles", "panel-trends", "panel-pipeline", "panel-funnel",
            "panel-leaderboard", "panel-goals", "panel-leads", "panel-alerts");
    String html = r.html();
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    assertThat(html).containsSubsequence(r.panelIds().stream()
        .map(id -> "<section id=\"" + id + "\"").toArray(String[]::new));
    for (String id : r.panelIds()) {
      assertThat(html).contains(r.panel(id));
      assertThat(r.panel(id)).startsWith("<section id=\"" + id + "\"").endsWith("</section>\n");
    }
    for (String metric : List.of("sales_volume", "win_rate", "average_deal_size", "sales_cycle",
        "pipeline_value", "pipeline_coverage", "new_customers", "churn_rate", "nps")) {
      assertThat(r.panel("panel-tiles"))
          .contains("<div class=\"tile\" id=\"tile-" + metric + "\">");
    }
    // a panel drawn alone from the figures is the same as in the page
    Figures f = r.figures().orElseThrow();
    for (Panel p : Panel.values()) {
      assertThat(Report.panel(f, p)).isEqualTo(r.panel(p.id()));
    }
    assertThatThrownBy(() -> r.panel("panel-nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no panel with id \"panel-nope\"; panels: [panel-tiles,");
  }

  @Test
  void selfContainedNoScriptNoNetworkAndA4Landscape() {
    String html = SmallData.report().html();
    assertThat(html)
        .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
            + " &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:\">")
        .contains("@page { size: A4 landscape;")
        .contains("<style>");
    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("<script", "<link", "<img", "<iframe", "src=", "href=\"http", "url(",
            "@import");
    // the only links are the in-page anchors of the navigation
    assertThat(count(html, "href=\"")).isEqualTo(count(html, "href=\"#"));
  }

  @Test
  void everyChartIsAnAccessibleImageWithATitledMarkPerValueAndATableBeside() {
    String html = SmallData.report().html();
    List<String> charts = svgs(html);
    assertThat(charts).hasSize(10);
    for (String svg : charts) {
      Document doc = Svg.parse(svg);
      String title = doc.getDocumentElement().getElementsByTagName("title").item(0)
          .getTextContent();
      Svg.assertAccessible(doc, title);
      for (String cls : List.of("bar", "point", "stage", "band", "target")) {
        for (Element mark : Svg.byClass(doc, cls)) {
          assertThat(Svg.titleOf(mark)).as("%s in %s", cls, title).isNotBlank();
        }
      }
    }
    // each chart's figure holds a details element with a table, except the total of the goals
    assertThat(count(html, "<details>")).isEqualTo(charts.size() - 1 - 1);
    assertThat(count(html, "<table>")).isEqualTo(count(html, "<details>") + 1); // alerts' table
  }

  @Test
  void everyUserStringIsEscaped() {
    String html = SmallData.report().html();
    assertThat(html).doesNotContain(SmallData.SCRIPT_NAME).doesNotContainIgnoringCase("<script");
    assertThat(html).contains("R2 &lt;script&gt;alert(1)&lt;/script&gt;");
    for (String svg : svgs(html)) {
      // the escaped name keeps every chart well-formed
      assertThat(Svg.parse(svg).getDocumentElement().getTagName()).isEqualTo("svg");
    }
  }

  @Test
  void undefinedShowsADashWithItsReasonNeverZero() {
    Report r = SmallData.report();
    // no deal was open on 2025-01-01: January's pipeline is undefined, so is the change
    assertThat(r.panel("panel-tiles"))
        .contains("<span class=\"undefined\" title=\"no change: 2025-01: — (undefined: no deal"
            + " open at the start of 2025-01)\">—</span>");
    // no deal closed in March 2024: its win rate is a dash with the reason, not 0%
    assertThat(r.panel("panel-trends"))
        .contains("<td>2024-03</td><td class=\"num\"><span class=\"undefined\" title=\"undefined:"
            + " no deal closed in 2024-03\">—</span></td>");
  }

  @Test
  void sameDataSameBytes(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.html");
    Path b = dir.resolve("b.html");
    SmallData.report().writeTo(a);
    SmallData.report().writeTo(b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    StringWriter w = new StringWriter();
    SmallData.report().writeTo(w);
    assertThat(w.toString()).isEqualTo(Files.readString(a, StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyDataSetGivesAPageThatSaysSo() {
    String html = Report.builder(Dataset.empty()).build().html();
    assertThat(html).contains("No events in the data.", "No rule set was given");
    assertThat(svgs(html)).isEmpty();
  }

  @Test
  void byTeamAndWeeks() {
    Report r = Report.builder(SmallData.data()).by("team").period(Granularity.WEEK)
        .range(null, SmallData.TO).build();
    assertThat(r.panel("panel-leaderboard"))
        .contains("Leaderboard by team", "<td>South</td>", "<td>North</td>");
    assertThat(r.panel("panel-tiles")).contains("2025-W10 at a glance",
        "change against 2025-W09");
    assertThatThrownBy(() -> Report.builder(Dataset.empty()).by("region"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("by must be rep or team: \"region\"");
    assertThatThrownBy(
            () -> Report.builder(Dataset.empty())
                .range(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("from 2025-02-01 must be before to 2025-02-01 (to is exclusive)");
  }

  @Test
  void customPagesFromTables() {
    List<SalesRecord> records = new ArrayList<>(SmallData.data().deals());
    records.addAll(SmallData.data().quotas());
    MetricTable byRep =
        Query.of(records).groupBy(Dimension.REP)
            .metrics(Metrics.WIN_RATE, Metrics.QUOTA_ATTAINMENT)
            .during(dev.salesmetrics.time.Period.of(LocalDate.of(2025, 2, 1), Granularity.MONTH,
                ZoneOffset.UTC))
            .run();
    MetricTable monthly =
        Query.of(records).groupBy(Dimension.month(ZoneOffset.UTC), Dimension.REP)
            .metrics(Metrics.SALES_VOLUME, Metrics.STAGE_CONVERSION)
            .periods(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1))
            .run();
    Report r = Report.pageBuilder("Review <Q1>")
        .subtitle("hand-made")
        .currency(java.util.Currency.getInstance("USD"))
        .table("Win rate by rep", byRep)
        .table("Win rate by rep", monthly)
        .build();
    assertThat(r.panelIds())
        .containsExactly("panel-table-win-rate-by-rep", "panel-table-win-rate-by-rep-2");
    String html = r.html();
    assertThat(html).contains("<title>Review &lt;Q1&gt;</title>");
    // a bar chart per metric of the first table, a line chart of sales volume for the second
    assertThat(svgs(html)).hasSize(3);
    assertThat(r.panel("panel-table-win-rate-by-rep"))
        .contains("title=\"40.0% (4,000.00 USD / 10,000.00 USD)\"", "title=\"50.0% (1/2)\"");
    // the funnel of a table cell is written as text in the table
    assertThat(r.panel("panel-table-win-rate-by-rep-2")).contains("lead → qualified: ");
    assertThat(r.figures()).isEmpty();
  }

  /**
   * As of 2025-03-16 March is in progress: shown, the tiles and leaderboard read March so far
   * (D5 won 5,000.00 USD on 2025-03-05: win rate 1 of 1; R1 5,000.00 of a 10,000.00 quota, R2
   * nothing of 5,000.00), and the trends end with March.
   */
  @Test
  void thePeriodInProgressCanBeShown() {
    Report r = Report.builder(SmallData.data()).range(null, SmallData.TO).inProgress(true)
        .build();
    Figures f = r.figures().orElseThrow();
    assertThat(f.tilePeriod().orElseThrow().label()).isEqualTo("2025-03");
    assertThat(f.lastComplete().orElseThrow().label()).isEqualTo("2025-02");
    assertThat(f.trendPeriods().get(f.trendPeriods().size() - 1).label()).isEqualTo("2025-03");
    assertThat(r.panel("panel-tiles"))
        .contains("2025-03 so far", "change against 2025-02", ">5,000.00 USD<",
            "title=\"100.0% (1/1)\"");
    assertThat(r.panel("panel-leaderboard"))
        .contains("2025-03 so far", "R1 Ann Lee: 50.0% of quota (won 5,000.00 USD of a quota of"
            + " 10,000.00 USD)", "0.0% of quota (won 0.00 USD of a quota of 5,000.00 USD)");
    assertThat(r.panel("panel-trends")).contains("2024-04 to 2025-03");
    assertThat(r.html()).contains("month in progress: 2025-03");
    // the goals are March's either way
    assertThat(r.panel("panel-goals")).isEqualTo(SmallData.report().panel("panel-goals"));
    // without a period in progress nothing changes
    assertThat(Report.builder(SmallData.data()).range(null, LocalDate.of(2025, 3, 1))
            .inProgress(true).build().html())
        .isEqualTo(Report.builder(SmallData.data()).range(null, LocalDate.of(2025, 3, 1))
            .build().html());
  }

  @Test
  void somePanelsOnly() {
    Report r = Report.builder(SmallData.data()).range(null, SmallData.TO)
        .panels(java.util.EnumSet.of(Panel.LEADS, Panel.FUNNEL)).build();
    assertThat(r.panelIds()).containsExactly("panel-funnel", "panel-leads");
    Report all = Report.builder(SmallData.data()).range(null, SmallData.TO).build();
    assertThat(r.panel("panel-funnel")).isEqualTo(all.panel("panel-funnel"));
    assertThat(r.panel("panel-leads")).isEqualTo(all.panel("panel-leads"));
    assertThat(r.figures().orElseThrow().tiles()).isEmpty();
    assertThatThrownBy(() -> Report.builder(SmallData.data()).panels(java.util.Set.of()))
        .hasMessage("a report needs at least one panel");
  }

  /**
   * A live view's tables are grouped by period as well: the leaderboard reads the rows of the
   * tile period and the goals those of the goal period, and draw the same as from the report's
   * own tables.
   */
  @Test
  void leaderboardAndGoalsReadTheirPeriodOfATableGroupedByPeriod() {
    Report r = SmallData.report();
    Figures f = r.figures().orElseThrow();
    List<SalesRecord> records = new ArrayList<>(SmallData.data().deals());
    records.addAll(SmallData.data().quotas());
    MetricTable byMonthAndRep =
        Query.of(records).groupBy(Dimension.month(ZoneOffset.UTC), Dimension.REP)
            .metrics(Metrics.QUOTA_ATTAINMENT, Metrics.SALES_VOLUME)
            .periods(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1))
            .run();
    Figures live =
        f.toBuilder()
            .leaderboard("rep", byMonthAndRep)
            .goals(f.goalPeriod().orElseThrow(), byMonthAndRep, f.goalsOverall().orElseThrow())
            .build();
    assertThat(Report.panel(live, Panel.LEADERBOARD)).isEqualTo(r.panel("panel-leaderboard"));
    assertThat(Report.panel(live, Panel.GOALS)).isEqualTo(r.panel("panel-goals"));
  }

  @Test
  void pagesOfPanelsDrawnElsewhere() {
    Figures f = SmallData.report().figures().orElseThrow();
    String tiles = Report.panel(f, Panel.TILES);
    Report page = Report.pageBuilder("Live <page>")
        .subtitle("live")
        .section("panel-status", "Status", "<section id=\"panel-status\" class=\"panel wide\">"
            + "<p>ok</p></section>\n")
        .section(Panel.TILES.id(), Panel.TILES.heading(), tiles)
        .build();
    assertThat(page.panelIds()).containsExactly("panel-status", "panel-tiles");
    assertThat(page.panel("panel-tiles")).isEqualTo(tiles);
    String html = page.html(Report.CONTENT_SECURITY_POLICY, "", "<!-- end -->\n");
    assertThat(html)
        .contains("<title>Live &lt;page&gt;</title>", "<a href=\"#panel-status\">Status</a>",
            "<a href=\"#panel-tiles\">At a glance</a>", tiles)
        .containsSubsequence("<p>ok</p>", tiles, "<!-- end -->\n</body>");
    Report.PageBuilder b = Report.pageBuilder("x").section("a", "A", "<div id=\"a\"></div>");
    assertThatThrownBy(() -> b.section("a", "A", "<div id=\"a\"></div>"))
        .hasMessage("panel id a is taken");
    assertThatThrownBy(() -> b.section("b", "B", "<div id=\"c\"></div>"))
        .hasMessage("the HTML of panel b must start with an element with id=\"b\"");
  }
}
