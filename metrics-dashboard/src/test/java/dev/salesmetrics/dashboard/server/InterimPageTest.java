package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Severity;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterimPageTest {
  private static final String EVIL = "<script>alert(1)</script>";
  private static final Period DEC =
      Period.of(LocalDate.of(2025, 12, 1), Granularity.MONTH, ZoneOffset.UTC);

  private static LiveFigures figures() {
    Instant t = Instant.parse("2025-12-02T00:00:00Z");
    List<Deal> deals =
        List.of(
            Deal.builder("D1", EVIL, Money.of("120.50", "USD"), t)
                .won(t.plusSeconds(86_400 * 3))
                .build(),
            Deal.builder("D2", "R2", Money.of("10.00", "USD"), t).lost(t.plusSeconds(60)).build());
    MetricTable table =
        Query.of(deals)
            .groupBy(Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.SALES_CYCLE)
            .periods(List.of(DEC.previous(), DEC))
            .run();
    AlertStatus alert =
        new AlertStatus(
            "low\"rule'<x>",
            "win_rate",
            GroupKey.of("rep", EVIL),
            AlertState.PENDING,
            AlertState.FIRING,
            Optional.of(Severity.CRITICAL),
            1,
            t,
            "2025-12",
            "win rate of rep " + EVIL + " was <img src=x onerror=alert(2)>");
    return new LiveFigures(
        3, 7, t, DEC, ImmutableList.of(table), ImmutableList.of(alert), ImmutableList.of(alert),
        null, "money & <b>trouble</b>");
  }

  @Test
  void tilesShowTheCurrentPeriodAndUndefinedValuesAsADashWithTheirReason() {
    InterimPage page =
        InterimPage.of(List.of(Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.SALES_CYCLE,
            Metrics.NPS));
    ImmutableMap<String, String> panels = page.panels(figures());
    assertThat(panels.keySet())
        .containsExactly("status", "kpi-win_rate", "kpi-sales_volume", "kpi-sales_cycle",
            "kpi-nps", "alerts");
    assertThat(panels.get("kpi-win_rate"))
        .isEqualTo("<div class=\"tile\" id=\"kpi-win_rate\"><h2>Win rate</h2><p class=\"value\""
            + " title=\"1 of 2\">50.0%</p><p class=\"change\" title=\"previous period: —\">"
            + "previous —</p></div>");
    assertThat(panels.get("kpi-sales_volume")).contains(">120.50 USD<");
    assertThat(panels.get("kpi-sales_cycle")).contains(">3.0 d<");
    assertThat(panels.get("kpi-nps"))
        .contains("title=\"not computed by the live views\">—</p>");
    assertThat(panels.get("status"))
        .isEqualTo("<p id=\"status\">Current period <b>2025-12</b>, compared with 2025-11 · 7"
            + " batches received · <strong>figures not updated: money &amp; &lt;b&gt;trouble"
            + "&lt;/b&gt;</strong></p>");
  }

  @Test
  void everyUserStringIsEscaped() {
    InterimPage page = InterimPage.standard();
    LiveFigures f = figures();
    ImmutableMap<String, String> panels = page.panels(f);
    String html = page.page(f, panels, "<script>/*live*/</script>");
    assertThat(html)
        .contains("rep &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("<b>low&quot;rule&#39;&lt;x&gt;</b>")
        .doesNotContain(EVIL)
        .doesNotContain("<img");
    assertThat(html.split("<script", -1)).hasSize(2); // only the dashboard's own script
    assertThat(panels.get("alerts")).contains("<li class=\"critical\"><span class=\"badge\">"
        + "critical</span>");
  }

  @Test
  void escapingCoversTheFiveCharacters() {
    assertThat(Html.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    assertThat(Html.escape("plain")).isSameAs("plain");
    StringBuilder sb = new StringBuilder();
    Json.quote(sb, "<\u2028\"\\\n&");
    assertThat(sb).hasToString("\"\\u003c\\u2028\\\"\\\\\\n\\u0026\"");
  }
}
