package dev.salesmetrics.dashboard;

import dev.salesmetrics.aggregate.Change;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.dashboard.chart.Bar;
import dev.salesmetrics.dashboard.chart.BarChart;
import dev.salesmetrics.dashboard.chart.TickFormat;
import dev.salesmetrics.dashboard.chart.TimeChart;
import dev.salesmetrics.dashboard.chart.TimePoint;
import dev.salesmetrics.dashboard.chart.TimeSeries;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.CohortTable;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.Shares;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Draws a panel of a custom page from any {@link MetricTable}: for each metric with one number
 * per cell, a chart (a line per group over the periods when the table has periods, else a bar per
 * group), and the whole table in a {@code <details>}.
 */
final class TablePanels {
  private static final int MAX_LINES = 6;
  private static final int MAX_BARS = 40;

  private TablePanels() {}

  static String render(String id, String heading, MetricTable t, Optional<Currency> currency) {
    StringBuilder sb = new StringBuilder();
    if (t.size() == 0) {
      return Panels.section(id, true, heading, "", "<p class=\"empty\">No rows.</p>\n");
    }
    String slug = id.startsWith("panel-") ? id.substring("panel-".length()) : id;
    sb.append("<div class=\"charts\">\n");
    for (String metric : t.metricIds()) {
      if (!chartable(t, metric)) {
        continue;
      }
      String chartId = "chart-" + slug + "-" + metric;
      String title = metric + (t.dimensionIds().isEmpty() ? "" : " by "
          + String.join(", ", t.dimensionIds())) + (t.hasPeriods() ? " per period" : "");
      sb.append("<figure class=\"chart\">\n")
          .append(t.hasPeriods() ? lines(t, metric, chartId, title, currency)
              : bars(t, metric, chartId, title, currency))
          .append("</figure>\n");
    }
    sb.append("</div>\n");
    String caption = heading;
    sb.append("<details><summary>Table: ").append(Html.esc(caption)).append("</summary>\n")
        .append(table(t, currency).html(caption)).append("</details>\n");
    return Panels.section(id, true, heading, "", sb.toString());
  }

  /** A metric gets a chart when some cell holds a single number (not a table of them). */
  private static boolean chartable(MetricTable t, String metric) {
    for (MetricTable.Row r : t.rows()) {
      Optional<MetricValue> v = r.value(metric);
      if (v.isPresent()) {
        MetricValue x = v.get();
        return !(x instanceof StageFunnel || x instanceof Shares || x instanceof CohortTable);
      }
    }
    return false;
  }

  private static TickFormat format(MetricTable t, String metric) {
    for (MetricTable.Row r : t.rows()) {
      Optional<MetricValue> v = r.value(metric);
      if (v.isPresent()) {
        MetricValue x = v.get();
        if (x instanceof Ratio || x instanceof Change) {
          return TickFormat.PERCENT;
        }
        if (x instanceof Amount || x instanceof MoneyStats) {
          return TickFormat.COMPACT;
        }
        return TickFormat.NUMBER;
      }
    }
    return TickFormat.NUMBER;
  }

  private static String groupLabel(GroupKey key) {
    return key.isOverall() ? "overall" : key.label();
  }

  private static String lines(
      MetricTable t, String metric, String id, String title, Optional<Currency> currency) {
    Map<GroupKey, List<TimePoint>> byGroup = new LinkedHashMap<>();
    List<Period> periods = t.periods();
    ZoneId zone = periods.get(0).zone();
    for (MetricTable.Row r : t.rows()) {
      if (!byGroup.containsKey(r.key()) && byGroup.size() >= MAX_LINES) {
        continue;
      }
      byGroup.computeIfAbsent(r.key(), k -> new ArrayList<>());
    }
    for (Map.Entry<GroupKey, List<TimePoint>> e : byGroup.entrySet()) {
      for (Period p : periods) {
        Optional<MetricValue> v = t.get(e.getKey(), p, metric);
        OptionalDouble n = v.map(MetricValue::asDouble).orElse(OptionalDouble.empty());
        e.getValue().add(new TimePoint(p.start(), p.end(), n,
            groupLabel(e.getKey()) + " " + p.label() + ": " + text(v, metric, p.label(),
                currency)));
      }
    }
    long groups = t.rows().stream().map(MetricTable.Row::key).distinct().count();
    TimeChart.Builder chart =
        TimeChart.builder(id, title)
            .description(title + ", " + periods.get(0).label() + " to "
                + periods.get(periods.size() - 1).label()
                + (groups > MAX_LINES ? "; the first " + MAX_LINES + " of " + groups
                    + " groups, the table lists all" : "") + ".")
            .zone(zone)
            .tickFormat(format(t, metric));
    for (Map.Entry<GroupKey, List<TimePoint>> e : byGroup.entrySet()) {
      chart.line(TimeSeries.of(groupLabel(e.getKey()), e.getValue()));
    }
    return chart.build().svg();
  }

  private static String bars(
      MetricTable t, String metric, String id, String title, Optional<Currency> currency) {
    BarChart.Builder chart =
        BarChart.builder(id, title)
            .description(title + (t.size() > MAX_BARS ? "; the first " + MAX_BARS + " of "
                + t.size() + " groups, the table lists all" : "") + ".")
            .tickFormat(format(t, metric));
    int n = 0;
    for (MetricTable.Row r : t.rows()) {
      if (n++ >= MAX_BARS) {
        break;
      }
      Optional<MetricValue> v = r.value(metric);
      String label = groupLabel(r.key());
      String where = r.period().map(Period::label).orElse("the table");
      chart.bar(Bar.of(label, v.map(MetricValue::asDouble).orElse(OptionalDouble.empty()),
          v.map(Format::value).orElse(Format.UNDEFINED),
          label + ": " + text(v, metric, where, currency)));
    }
    return chart.build().svg();
  }

  private static String text(
      Optional<MetricValue> v, String metric, String where, Optional<Currency> currency) {
    if (v.isEmpty()) {
      return Format.UNDEFINED + " (" + Reasons.undefined(metric, where, true) + ")";
    }
    if (v.get().asDouble().isEmpty()) {
      return Format.UNDEFINED + " (" + Reasons.undefined(metric, where, false) + ")";
    }
    return Format.exact(v.get(), Format.moneyRatio(metric, currency));
  }

  private static Html.Table table(MetricTable t, Optional<Currency> currency) {
    List<String> headers = new ArrayList<>();
    StringBuilder align = new StringBuilder();
    if (t.hasPeriods()) {
      headers.add("period");
      align.append('l');
    }
    for (String d : t.dimensionIds()) {
      headers.add(d);
      align.append('l');
    }
    for (String m : t.metricIds()) {
      headers.add(m);
      align.append('r');
    }
    Html.Table table = new Html.Table(align.toString(), headers.toArray(new String[0]));
    for (MetricTable.Row r : t.rows()) {
      List<String> cells = new ArrayList<>();
      r.period().ifPresent(p -> cells.add(Html.esc(p.label())));
      for (String d : t.dimensionIds()) {
        cells.add(Html.esc(r.key().get(d).orElse("")));
      }
      String where = r.period().map(Period::label).orElse("the table");
      for (String m : t.metricIds()) {
        Optional<MetricValue> v = r.value(m);
        if (v.isEmpty()) {
          cells.add(Html.undefined(Reasons.undefined(m, where, true)));
        } else if (v.get() instanceof StageFunnel || v.get() instanceof Shares
            || v.get() instanceof CohortTable) {
          cells.add(Html.esc(v.get().toString()).replace("\n", "<br>"));
        } else if (v.get().asDouble().isEmpty()) {
          cells.add(Html.undefined(Reasons.undefined(m, where, false)));
        } else {
          cells.add(Html.titled(Format.value(v.get()), Format.exact(v.get(),
              Format.moneyRatio(m, currency))));
        }
      }
      table.row(cells.toArray(new String[0]));
    }
    return table;
  }
}
