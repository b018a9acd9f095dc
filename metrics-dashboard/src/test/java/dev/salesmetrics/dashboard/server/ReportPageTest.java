package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.dashboard.Panel;
import dev.salesmetrics.dashboard.Report;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Severity;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {
  private static final String EVIL = "<script>alert(1)</script>";
  private static final Period DEC =
      Period.of(LocalDate.of(2025, 12, 1), Granularity.MONTH, ZoneOffset.UTC);

  @TempDir Path dir;

  /** The report of the same records, showing the period in progress as the live page does. */
  private Report report(Dataset records) {
    return Report.builder(records)
        .title("Sales dashboard", dir.toString())
        .inProgress(true)
        .build();
  }

  private static final List<Panel> REPORT_PANELS =
      List.of(Panel.TILES, Panel.TRENDS, Panel.PIPELINE, Panel.FUNNEL, Panel.LEADERBOARD,
          Panel.GOALS, Panel.LEADS);

  /**
   * Item 3 of the dashboard issue: {@code /} is the page of {@code salesmetrics report}. Every
   * report panel of the live page equals the report's of the same records, before and after a
   * post (the pipeline, funnel and leads once the page has drawn them again in the background).
   */
  @Test
  void theLivePageIsTheReportOfTheSameRecords() throws Exception {
    try (Served s = new Served(Served.builder(dir).start()); SseStream events = s.events()) {
      String page = s.service.dashboard().page();
      Report before = report(s.service.data().dataset());
      for (Panel p : REPORT_PANELS) {
        assertThat(page).as(p.id()).contains(before.panel(p.id()));
      }
      // December is in progress: D3 won 800.00 USD; D4 (proposal, 200.00) and D5 (qualified,
      // 400.00) are open at the end of 2025-12-03
      assertThat(before.panel("panel-tiles")).contains("2025-12 so far", ">800.00 USD<");
      assertThat(before.panel("panel-pipeline"))
          .contains("<td>proposal</td><td class=\"num\">1</td>",
              "<td>qualified</td><td class=\"num\">1</td>");

      assertThat(s.post("/api/deals", TestData.d4Won()).statusCode()).isEqualTo(200);
      // the pipeline changes (D4 is no longer open) once the background has drawn it again
      var unused =
          events.await(
              e -> e.name().equals("update")
                  && e.data().contains("\"sequence\":1")
                  && e.data().contains("\"panel-pipeline\""),
              Served.WAIT);
      Report after = report(s.service.data().dataset());
      String live = s.service.dashboard().page();
      for (Panel p : REPORT_PANELS) {
        assertThat(live).as(p.id()).contains(after.panel(p.id()));
      }
      assertThat(after.panel("panel-pipeline")).doesNotContain("<td>proposal</td>");
      assertThat(after.panel("panel-tiles")).contains(">1,000.00 USD<");
    }
  }

  private static Deal won(String id, String rep, String amount, String closed) {
    Instant c = Instant.parse(closed);
    return Deal.builder(id, rep, Money.of(amount, "USD"), c.minusSeconds(86_400 * 10))
        .won(c)
        .build();
  }

  /** Figures as a data directory's live views give them, over {@code records}. */
  private static LiveFigures figures(
      long version, List<? extends SalesRecord> records, List<AlertStatus> alerts,
      Dataset dataset, String failure) {
    List<Metric<?, ?>> overall = new ArrayList<>(ReportPage.builder().build().metrics());
    overall.add(Metrics.REVENUE);
    overall.add(Metrics.QUOTA_ATTAINMENT);
    List<Period> months = List.of(DEC.previous(), DEC);
    MetricTable all =
        Query.of(records).groupBy(Dimension.month(ZoneOffset.UTC)).metrics(overall)
            .periods(months).run();
    MetricTable byRep =
        Query.of(records).groupBy(Dimension.month(ZoneOffset.UTC), Dimension.REP)
            .metrics(Metrics.QUOTA_ATTAINMENT, Metrics.SALES_VOLUME)
            .periods(months).run();
    Instant newest = Instant.parse("2025-12-10T10:00:00Z");
    return new LiveFigures(
        version, 3, Instant.parse("2026-01-15T00:00:00Z").plusSeconds(version), DEC, newest,
        ImmutableList.of(all, byRep), ImmutableList.copyOf(alerts), ImmutableList.copyOf(alerts),
        1, dataset, failure);
  }

  private static List<SalesRecord> records(Deal... extra) {
    List<SalesRecord> out = new ArrayList<>();
    out.add(won("D1", "R1", "100.00", "2025-11-20T10:00:00Z"));
    out.add(won("D2", EVIL, "300.00", "2025-12-10T10:00:00Z"));
    out.add(new Quota("R1", DEC, Money.of("1000.00", "USD")));
    out.add(new Quota(EVIL, DEC, Money.of("600.00", "USD")));
    out.addAll(List.of(extra));
    return out;
  }

  @Test
  void panelsAreDrawnAgainOnlyWhenTheFiguresTheyReadChange() {
    ReportPage page = ReportPage.builder().build();
    ImmutableMap<String, String> first = page.panels(figures(1, records(), List.of(), null, null));
    // another update with the same figures: the same HTML, not drawn again
    ImmutableMap<String, String> second =
        page.panels(figures(2, records(), List.of(), null, null));
    for (String id : List.of("panel-tiles", "panel-trends", "panel-leaderboard", "panel-goals")) {
      assertThat(second.get(id)).as(id).isSameAs(first.get(id));
    }
    // a deal won by R1 in December changes the tiles, the trends, the leaderboard and the goals
    ImmutableMap<String, String> third =
        page.panels(figures(3, records(won("D3", "R1", "50.00", "2025-12-11T10:00:00Z")),
            List.of(), null, null));
    for (String id : List.of("panel-tiles", "panel-trends", "panel-leaderboard", "panel-goals")) {
      assertThat(third.get(id)).as(id).isNotEqualTo(first.get(id));
    }
    assertThat(third.get("panel-tiles")).contains(">350.00 USD<");
    // no survey answer: NPS is a dash with its reason, never 0
    assertThat(third.get("panel-tiles"))
        .contains("<div class=\"tile-value\"><span class=\"undefined\" title=\"undefined: no NPS"
            + " answer in 2025-12\">—</span></div>");
    // over views (no records) there is no pipeline, funnel or leads panel
    assertThat(third.keySet())
        .containsExactly("panel-live", "panel-tiles", "panel-trends", "panel-leaderboard",
            "panel-goals", "panel-alerts");
  }

  @Test
  void everyUserStringIsEscaped() {
    ReportPage page = ReportPage.builder().build();
    AlertStatus alert =
        new AlertStatus(
            "low\"rule'<x>",
            "win_rate",
            GroupKey.of("rep", EVIL),
            AlertState.PENDING,
            AlertState.FIRING,
            Optional.of(Severity.CRITICAL),
            1,
            Instant.parse("2025-12-10T00:00:00Z"),
            "2025-12",
            "win rate of rep " + EVIL + " was <img src=x onerror=alert(2)>");
    LiveFigures f = figures(1, records(), List.of(alert), null, "money & <b>trouble</b>");
    ImmutableMap<String, String> panels = page.panels(f);
    String html = page.page(f, panels, "<script>/*live*/</script>");
    assertThat(html)
        .contains("<td>rep &lt;script&gt;alert(1)&lt;/script&gt;</td>")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("<td>low&quot;rule&#39;&lt;x&gt;</td>")
        .contains("Figures not updated: money &amp; &lt;b&gt;trouble&lt;/b&gt;")
        // the leaderboard's label of the rep, in its table and chart
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;</td>")
        .doesNotContain(EVIL)
        .doesNotContain("<img")
        .doesNotContain("<b>trouble");
    assertThat(html.split("<script", -1)).hasSize(2); // only the dashboard's own script
    assertThat(panels.get("panel-alerts"))
        .contains("<td><span class=\"state firing\">firing</span></td>"
            + "<td><span class=\"severity critical\">critical</span></td>");
    // the page's own policy allows that script only, by its hash
    assertThat(html).contains("script-src &#39;" + LiveDashboard.hash("/*live*/") + "&#39;;");
  }

  @Test
  void thePanelsOfTheRecordsAreDrawnInTheBackgroundTheLatestWinning() throws Exception {
    Path data = TestData.write(dir.resolve("data"));
    ReportPage page = ReportPage.builder().build();
    Semaphore redraws = new Semaphore(0);
    page.attach(redraws::release);
    try (LiveData live =
        LiveData.builder(data).metrics(page.metrics()).scope("rep",
            List.of(Metrics.QUOTA_ATTAINMENT)).open()) {
      Dataset d1 = live.dataset();
      // the first page waits for them
      ImmutableMap<String, String> first = page.panels(of(live, d1));
      assertThat(first.get("panel-pipeline")).isEqualTo(report(d1).panel("panel-pipeline"));
      assertThat(redraws.availablePermits()).isZero();

      var unused = live.accept(RecordKind.DEALS, TestData.d4Won(), "deals.csv");
      Dataset d2 = live.dataset();
      var unused2 =
          live.accept(
              RecordKind.DEALS,
              TestData.deal("D5", "R1", "400.00", "2025-12-02T09:00:00Z", "lost",
                  "2025-12-06T10:00:00Z"),
              "deals.csv");
      Dataset d3 = live.dataset();
      // later updates do not wait: the panels of the last records drawn, until the new ones
      // (the page's lock, held here, keeps its worker from taking the job before we look)
      ImmutableMap<String, String> meanwhile;
      synchronized (page) {
        meanwhile = page.panels(of(live, d2));
      }
      assertThat(meanwhile.get("panel-pipeline")).isEqualTo(first.get("panel-pipeline"));
      ImmutableMap<String, String> latest = page.panels(of(live, d3));
      String expected = report(d3).panel("panel-pipeline");
      assertThat(expected).isNotEqualTo(first.get("panel-pipeline"));
      // d2 may be drawn before d3 was asked for, never after: at most two redraws
      for (int i = 0; i < 2 && !latest.get("panel-pipeline").equals(expected); i++) {
        assertThat(redraws.tryAcquire(20, TimeUnit.SECONDS)).as("redraw " + i).isTrue();
        latest = page.panels(of(live, d3));
      }
      assertThat(latest.get("panel-pipeline")).isEqualTo(expected).contains("No open deal.");
    } finally {
      page.detach();
    }
  }

  private static LiveFigures of(LiveData live, Dataset records) {
    RecordStore.Snapshot s = live.store().snapshot();
    return new LiveFigures(
        s.version(), s.applied(), Instant.EPOCH, s.current().orElse(null),
        s.newest().orElse(null), s.tables(), ImmutableList.of(), ImmutableList.of(), 0, records,
        null);
  }

  @Test
  void servesOneDashboardAtATime() {
    ReportPage page = ReportPage.builder().by("team").build();
    page.attach(() -> {});
    assertThatThrownBy(() -> page.attach(() -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this page serves another dashboard already");
    page.detach();
    page.attach(() -> {});
    page.detach();
    assertThat(page.extraMetrics())
        .containsOnlyKeys("", "team")
        .containsEntry("team", ImmutableList.of(Metrics.QUOTA_ATTAINMENT, Metrics.SALES_VOLUME));
    assertThat(page).hasToString("ReportPage[Sales dashboard, by team]");
    assertThatThrownBy(() -> ReportPage.builder().by("region"))
        .hasMessage("by must be rep or team: \"region\"");
  }

  @Test
  void escapingCoversTheFiveCharacters() {
    assertThat(Html.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    assertThat(Html.escape("plain")).isSameAs("plain");
    StringBuilder sb = new StringBuilder();
    Json.quote(sb, "<\u2028\"\\\n&");
    assertThat(sb).hasToString("\"\\u003c\\u2028\\\"\\\\\\n\\u0026\"");
  }

  @Test
  void thePagePolicyNeedsTheDashboardsScriptElement() {
    assertThat(ReportPage.policy("<script>x()</script>"))
        .isEqualTo("default-src 'none'; script-src '" + LiveDashboard.hash("x()") + "';"
            + " style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
            + " base-uri 'none'; form-action 'none'");
    assertThatThrownBy(() -> ReportPage.policy("<p>"))
        .hasMessage("the dashboard's script must be one <script> element");
  }
}
