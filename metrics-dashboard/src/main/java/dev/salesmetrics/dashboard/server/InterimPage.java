package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.rule.Severity;
import dev.salesmetrics.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live page until the full dashboard report plugs in: a status line, one tile per key figure
 * of the current period (with the change against the previous period) and the alerts. Every
 * user string is HTML-escaped; an undefined figure reads "—" with its reason on hover.
 *
 * <p>Panels: {@code status}, {@code kpi-<metric id>} per tile, {@code alerts}.
 *
 * <p>Immutable and thread safe.
 */
public final class InterimPage implements LivePage {
  /** How many recent transitions the alerts panel lists. */
  static final int RECENT = 10;

  private static final String CSS =
      "body{font:15px/1.4 system-ui,sans-serif;margin:0;color:#1d232b;background:#f4f6f8}"
          + "header{background:#1d3557;color:#fff;padding:12px 24px}"
          + "header h1{margin:0;font-size:20px}header p{margin:4px 0 0}"
          + ".note{font-size:12px;opacity:.8}"
          + "main{padding:16px 24px}"
          + ".tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px}"
          + ".tile{background:#fff;border-radius:6px;padding:12px;box-shadow:0 1px 2px #0002}"
          + ".tile h2{font-size:13px;font-weight:600;margin:0;color:#4a5562}"
          + ".tile .value{font-size:24px;margin:6px 0 2px;font-variant-numeric:tabular-nums}"
          + ".tile .change{font-size:12px;margin:0;color:#4a5562}"
          + ".alerts{margin-top:16px;background:#fff;border-radius:6px;padding:12px 16px;"
          + "box-shadow:0 1px 2px #0002}"
          + ".alerts h2{font-size:16px;margin:0 0 8px}.alerts h3{font-size:14px;margin:12px 0 4px}"
          + ".badge{display:inline-block;min-width:60px;text-align:center;border-radius:3px;"
          + "padding:0 4px;font-size:12px;color:#fff;background:#6c757d}"
          + ".critical .badge{background:#b00020}.warning .badge{background:#c77700}"
          + "li{margin:2px 0}";

  private final ImmutableList<Metric<?, ?>> metrics;

  private InterimPage(List<? extends Metric<?, ?>> metrics) {
    this.metrics = ImmutableList.copyOf(metrics);
  }

  /**
   * Returns the page with the sales board's key figures: won amount ({@code sales_volume}), win
   * rate, average deal size, median sales cycle, open pipeline ({@code pipeline_value}), pipeline
   * coverage, new customers, churn and NPS.
   *
   * @return the page
   */
  public static InterimPage standard() {
    return new InterimPage(
        List.of(
            Metrics.SALES_VOLUME,
            Metrics.WIN_RATE,
            Metrics.AVERAGE_DEAL_SIZE,
            Metrics.SALES_CYCLE,
            Metrics.PIPELINE_VALUE,
            Metrics.PIPELINE_COVERAGE,
            Metrics.NEW_CUSTOMERS,
            Metrics.CHURN_RATE,
            Metrics.NPS));
  }

  /**
   * Returns a page with one tile per metric.
   *
   * @param metrics the metrics, with distinct ids
   * @return the page
   * @throws IllegalArgumentException if two metrics share an id
   */
  public static InterimPage of(List<? extends Metric<?, ?>> metrics) {
    checkNotNull(metrics, "metrics");
    long distinct = metrics.stream().map(Metric::id).distinct().count();
    if (distinct != metrics.size()) {
      throw new IllegalArgumentException("metrics must have distinct ids: " + metrics);
    }
    return new InterimPage(metrics);
  }

  @Override
  public ImmutableList<Metric<?, ?>> metrics() {
    return metrics;
  }

  @Override
  public ImmutableMap<String, String> panels(LiveFigures figures) {
    ImmutableMap.Builder<String, String> out = ImmutableMap.builder();
    out.put("status", status(figures));
    for (Tile t : Tile.of(figures, metrics)) {
      out.put("kpi-" + t.metricId(), tile(t));
    }
    out.put("alerts", alerts(figures));
    return out.buildOrThrow();
  }

  @Override
  public String page(LiveFigures figures, ImmutableMap<String, String> panels, String script) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Salesmetrics live</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>Salesmetrics live</h1>\n")
        .append(panels.getOrDefault("status", ""))
        .append("\n<p class=\"note\">Interim live page: key figures and alerts, updated as records"
            + " arrive.</p>\n</header>\n<main>\n")
        .append("<section class=\"tiles\" aria-label=\"Key figures\">\n");
    for (Map.Entry<String, String> e : panels.entrySet()) {
      if (e.getKey().startsWith("kpi-")) {
        sb.append(e.getValue()).append('\n');
      }
    }
    sb.append("</section>\n")
        .append(panels.getOrDefault("alerts", ""))
        .append("\n</main>\n")
        .append(script)
        .append("\n</body>\n</html>\n");
    return sb.toString();
  }

  private static String status(LiveFigures f) {
    StringBuilder sb = new StringBuilder("<p id=\"status\">");
    Optional<Period> p = f.period();
    if (p.isEmpty()) {
      sb.append("No data yet.");
    } else {
      sb.append("Current period <b>")
          .append(Html.escape(p.get().label()))
          .append("</b>, compared with ")
          .append(Html.escape(f.previousPeriod().orElseThrow().label()));
      if (f.sequence() > 0) {
        sb.append(" · ").append(f.sequence()).append(" batches received");
      }
    }
    f.failure()
        .ifPresent(
            m ->
                sb.append(" · <strong>figures not updated: ")
                    .append(Html.escape(m))
                    .append("</strong>"));
    return sb.append("</p>").toString();
  }

  private static String tile(Tile t) {
    StringBuilder sb =
        new StringBuilder("<div class=\"tile\" id=\"kpi-")
            .append(Html.escape(t.metricId()))
            .append("\"><h2>")
            .append(Html.escape(t.label()))
            .append("</h2><p class=\"value\" title=\"")
            .append(Html.escape(t.detail()))
            .append("\">")
            .append(Html.escape(t.text()))
            .append("</p><p class=\"change\" title=\"previous period: ")
            .append(Html.escape(t.previousText()))
            .append("\">");
    if (t.change().isEmpty()) {
      sb.append("previous ").append(Html.escape(t.previousText()));
    } else {
      sb.append(Html.escape(t.change())).append(" on the previous period");
    }
    return sb.append("</p></div>").toString();
  }

  private static String alerts(LiveFigures f) {
    StringBuilder sb =
        new StringBuilder("<section id=\"alerts\" class=\"alerts\"><h2>Alerts</h2>");
    List<AlertStatus> active = f.alerts().stream().filter(AlertStatus::isActive).toList();
    if (active.isEmpty()) {
      sb.append("<p>No alert is firing or pending.</p>");
    } else {
      sb.append("<ul>");
      for (AlertStatus a : active) {
        String level = a.level().map(Severity::label).orElse("pending");
        sb.append("<li class=\"")
            .append(Html.escape(level))
            .append("\"><span class=\"badge\">")
            .append(Html.escape(a.state().isFiring() ? level : "pending"))
            .append("</span> <b>")
            .append(Html.escape(a.ruleId()))
            .append("</b> (")
            .append(Html.escape(a.group().label()))
            .append(", since ")
            .append(Html.escape(a.periodLabel()))
            .append("): ")
            .append(Html.escape(a.sentence()))
            .append("</li>");
      }
      sb.append("</ul>");
    }
    List<AlertStatus> recent = f.transitions();
    if (!recent.isEmpty()) {
      sb.append("<h3>Latest changes</h3><ol>");
      for (AlertStatus a : recent.subList(0, Math.min(RECENT, recent.size()))) {
        sb.append("<li>")
            .append(Html.escape(a.periodLabel()))
            .append(" <b>")
            .append(Html.escape(a.ruleId()))
            .append("</b> (")
            .append(Html.escape(a.group().label()))
            .append(") ")
            .append(a.from())
            .append(" → ")
            .append(a.state())
            .append(": ")
            .append(Html.escape(a.sentence()))
            .append("</li>");
      }
      sb.append("</ol>");
    }
    return sb.append("</section>").toString();
  }

  /**
   * Returns the tile metric ids.
   *
   * @return e.g. {@code InterimPage[sales_volume, win_rate]}
   */
  @Override
  public String toString() {
    return "InterimPage" + metrics.stream().map(Metric::id).toList();
  }
}
