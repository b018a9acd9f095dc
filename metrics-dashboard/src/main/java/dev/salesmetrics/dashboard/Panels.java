package dev.salesmetrics.dashboard;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.Change;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.dashboard.chart.Bar;
import dev.salesmetrics.dashboard.chart.BarChart;
import dev.salesmetrics.dashboard.chart.BulletChart;
import dev.salesmetrics.dashboard.chart.BulletRow;
import dev.salesmetrics.dashboard.chart.FunnelChart;
import dev.salesmetrics.dashboard.chart.TickFormat;
import dev.salesmetrics.dashboard.chart.TimeChart;
import dev.salesmetrics.dashboard.chart.TimePoint;
import dev.salesmetrics.dashboard.chart.TimeSeries;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.Score;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.GoalProgress;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Draws each {@link Panel} of the default page from {@link Figures}. */
final class Panels {
  private static final int MAX_BARS = 40;

  private Panels() {}

  /** What a tile shows of its metric's value. */
  private enum Kind {
    AMOUNT,
    MEAN,
    MEDIAN_DAYS,
    RATIO,
    MONEY_RATIO,
    COUNT,
    SCORE
  }

  /** A KPI tile: a metric, its label, how it reads and which way is good. */
  private record TileSpec(String metricId, String label, Kind kind, boolean higherIsBetter) {}

  private static final ImmutableList<TileSpec> TILES =
      ImmutableList.of(
          new TileSpec(Metrics.SALES_VOLUME.id(), "Won amount", Kind.AMOUNT, true),
          new TileSpec(Metrics.WIN_RATE.id(), "Win rate", Kind.RATIO, true),
          new TileSpec(Metrics.AVERAGE_DEAL_SIZE.id(), "Average deal size", Kind.MEAN, true),
          new TileSpec(Metrics.SALES_CYCLE.id(), "Median sales cycle", Kind.MEDIAN_DAYS, false),
          new TileSpec(Metrics.PIPELINE_VALUE.id(), "Open pipeline", Kind.AMOUNT, true),
          new TileSpec(
              Metrics.PIPELINE_COVERAGE.id(), "Pipeline coverage", Kind.MONEY_RATIO, true),
          new TileSpec(Metrics.NEW_CUSTOMERS.id(), "New customers", Kind.COUNT, true),
          new TileSpec(Metrics.CHURN_RATE.id(), "Churn rate", Kind.RATIO, false),
          new TileSpec(Metrics.NPS.id(), "NPS", Kind.SCORE, true));

  /** A value as a tile or a chart reads it: the number, the short text and the exact text. */
  private record Reading(OptionalDouble number, String text, String exact) {}

  static String render(Panel panel, Figures f) {
    return switch (panel) {
      case TILES -> tiles(f);
      case TRENDS -> trends(f);
      case PIPELINE -> pipeline(f);
      case FUNNEL -> funnel(f);
      case LEADERBOARD -> leaderboard(f);
      case GOALS -> goals(f);
      case LEADS -> leads(f);
      case ALERTS -> alerts(f);
    };
  }

  static String section(Panel panel, String heading, String sub, String body) {
    return section(panel.id(), panel.wide(), heading, sub, body);
  }

  static String section(String id, boolean wide, String heading, String sub, String body) {
    StringBuilder sb = new StringBuilder();
    sb.append("<section id=\"").append(Html.esc(id))
        .append(wide ? "\" class=\"panel wide\"" : "\" class=\"panel\"")
        .append(" aria-labelledby=\"").append(Html.esc(id)).append("-h\">\n<h2 id=\"")
        .append(Html.esc(id)).append("-h\">")
        .append(Html.esc(heading));
    if (!sub.isEmpty()) {
      sb.append(" <span class=\"sub\">").append(Html.esc(sub)).append("</span>");
    }
    return sb.append("</h2>\n").append(body).append("</section>\n").toString();
  }

  private static String empty(String text) {
    return "<p class=\"empty\">" + Html.esc(text) + "</p>\n";
  }

  // ---- tiles ------------------------------------------------------------------------------

  private static String tiles(Figures f) {
    Panel panel = Panel.TILES;
    if (f.tilePeriod().isEmpty() || f.tiles().isEmpty()) {
      return section(panel, panel.heading(), "", empty("No events in the data."));
    }
    Period p = f.tilePeriod().get();
    Period before = p.previous();
    MetricTable t = f.tiles().get();
    StringBuilder sb = new StringBuilder("<div class=\"tiles\">\n");
    for (TileSpec spec : TILES) {
      Optional<MetricValue> now = overall(t, p, spec.metricId());
      Optional<MetricValue> then = overall(t, before, spec.metricId());
      Reading r = reading(spec, now, p, f.currency());
      Reading prev = reading(spec, then, before, f.currency());
      String label = spec.label();
      if (spec.metricId().equals(Metrics.PIPELINE_VALUE.id())) {
        label += " at " + date(p.start(), p.zone());
      }
      sb.append("<div class=\"tile\" id=\"tile-").append(Html.esc(spec.metricId())).append("\">\n")
          .append("<div class=\"tile-label\">").append(Html.esc(label)).append("</div>\n")
          .append("<div class=\"tile-value\">")
          .append(r.number().isPresent() ? Html.titled(r.text(), r.exact())
              : Html.undefined(r.exact()))
          .append("</div>\n");
      sb.append(change(spec, r, prev, before)).append("</div>\n");
    }
    sb.append("</div>\n");
    return section(panel, p.label() + (inProgress(f, p) ? " so far" : " at a glance"),
        "change against " + before.label(), sb.toString());
  }

  private static String change(TileSpec spec, Reading now, Reading prev, Period before) {
    Change c = new Change(prev.number(), now.number());
    // rates change by percentage points and scores (NPS may cross 0) by points; the rest by %
    boolean points = spec.kind() == Kind.RATIO || spec.kind() == Kind.MONEY_RATIO;
    boolean absolute = points || spec.kind() == Kind.SCORE;
    OptionalDouble d = absolute ? c.difference() : c.asDouble();
    String title = before.label() + ": " + (prev.number().isPresent() ? prev.exact()
        : Format.UNDEFINED + " (" + prev.exact() + ")");
    if (d.isEmpty()) {
      String why = now.number().isEmpty() || prev.number().isEmpty()
          ? "no change: " + title
          : "no relative change: " + before.label() + " was 0";
      return "<div class=\"tile-change\">" + Html.undefined(why) + "</div>\n";
    }
    double v = d.getAsDouble();
    String dir = v > 0 ? "up" : v < 0 ? "down" : "flat";
    String mood = v == 0 ? "" : (v > 0) == spec.higherIsBetter() ? " good" : " bad";
    String arrow = v > 0 ? "▲ " : v < 0 ? "▼ " : "";
    String text = points ? Format.signedPoints(v)
        : absolute ? Format.signedScore(v) : Format.signedPercent(v);
    return "<div class=\"tile-change " + dir + mood + "\" title=\"" + Html.esc(title) + "\">"
        + arrow + Html.esc(text) + "</div>\n";
  }

  private static Reading reading(
      TileSpec spec, Optional<MetricValue> value, Period p, Optional<Currency> currency) {
    String where = p.label();
    if (value.isEmpty()) {
      return new Reading(OptionalDouble.empty(), Format.UNDEFINED,
          Reasons.undefined(spec.metricId(), where, true));
    }
    MetricValue v = value.get();
    String reason = Reasons.undefined(spec.metricId(), where, false);
    switch (spec.kind()) {
      case AMOUNT -> {
        Amount a = (Amount) v;
        return a.value()
            .map(m -> new Reading(a.asDouble(), Format.moneyShort(m), Format.exact(a, currency)))
            .orElse(new Reading(OptionalDouble.empty(), Format.UNDEFINED, reason));
      }
      case MEAN -> {
        MoneyStats s = (MoneyStats) v;
        return s.mean()
            .map(m -> new Reading(s.asDouble(), Format.moneyShort(m), Format.exact(s, currency)))
            .orElse(new Reading(OptionalDouble.empty(), Format.UNDEFINED, reason));
      }
      case MEDIAN_DAYS -> {
        DurationStats d = (DurationStats) v;
        OptionalDouble median = d.medianDays();
        return median.isPresent()
            ? new Reading(median, Format.days(median.getAsDouble()), Format.exact(d, currency))
            : new Reading(OptionalDouble.empty(), Format.UNDEFINED, reason);
      }
      case RATIO, MONEY_RATIO -> {
        Ratio r = (Ratio) v;
        Optional<Currency> unit = spec.kind() == Kind.MONEY_RATIO ? currency : Optional.empty();
        return r.value().isPresent()
            ? new Reading(r.value(), Format.percent(r), Format.ratioTitle(r, unit))
            : new Reading(OptionalDouble.empty(), Format.UNDEFINED, reason);
      }
      case COUNT -> {
        Count c = (Count) v;
        return new Reading(c.asDouble(), Format.count(c.value()), Format.count(c.value()));
      }
      case SCORE -> {
        Score s = (Score) v;
        return s.value().isPresent()
            ? new Reading(s.value(), Format.score(s.value().getAsDouble()),
                Format.exact(s, currency))
            : new Reading(OptionalDouble.empty(), Format.UNDEFINED, reason);
      }
    }
    throw new AssertionError(spec.kind());
  }

  // ---- trends -----------------------------------------------------------------------------

  private static String trends(Figures f) {
    Panel panel = Panel.TRENDS;
    if (f.trends().isEmpty() || f.trendPeriods().isEmpty()) {
      return section(panel, panel.heading(), "", empty("No events in the data."));
    }
    MetricTable t = f.trends().get();
    List<Period> periods = f.trendPeriods();
    String unit = f.granularity().id();
    String range = periods.get(0).label() + " to " + periods.get(periods.size() - 1).label();
    StringBuilder sb = new StringBuilder("<div class=\"charts\">\n");
    sb.append(trend(f, t, Metrics.SALES_VOLUME.id(), "Won amount per " + unit, true,
        TickFormat.COMPACT));
    if (anyDefined(t, periods, Metrics.REVENUE.id())) {
      sb.append(trend(f, t, Metrics.REVENUE.id(), "Revenue per " + unit, true,
          TickFormat.COMPACT));
    }
    sb.append(trend(f, t, Metrics.WIN_RATE.id(), "Win rate per " + unit, false,
        TickFormat.PERCENT));
    sb.append(trend(f, t, Metrics.CHURN_RATE.id(), "Churn rate per " + unit, false,
        TickFormat.PERCENT));
    sb.append("</div>\n");
    String sub = range + (f.granularity() == Granularity.YEAR ? "" : ", a year earlier dotted");
    return section(panel, panel.heading(), sub, sb.toString());
  }

  private static boolean anyDefined(MetricTable t, List<Period> periods, String metricId) {
    for (Period p : periods) {
      if (overall(t, p, metricId).flatMap(v -> box(v.asDouble())).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Double> box(OptionalDouble d) {
    return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
  }

  private static String trend(
      Figures f, MetricTable t, String metricId, String title, boolean bars, TickFormat format) {
    List<Period> periods = f.trendPeriods();
    boolean withPrevious = f.granularity() != Granularity.YEAR;
    List<TimePoint> now = new ArrayList<>();
    List<TimePoint> earlier = new ArrayList<>();
    Html.Table table =
        withPrevious ? new Html.Table("lrlr", "period", "value", "a year earlier", "value")
            : new Html.Table("lr", "period", "value");
    int defined = 0;
    for (Period p : periods) {
      Optional<MetricValue> v = overall(t, p, metricId);
      OptionalDouble n = v.map(MetricValue::asDouble).orElse(OptionalDouble.empty());
      String exact = exactOrReason(v, metricId, p.label(), f.currency());
      defined += n.isPresent() ? 1 : 0;
      now.add(new TimePoint(p.start(), p.end(), n, p.label() + ": " + exact));
      String cell = cell(v, metricId, p.label(), f.currency());
      if (withPrevious) {
        Period q = FigureQueries.previousYear(p);
        Optional<MetricValue> w = overall(t, q, metricId);
        OptionalDouble m = w.map(MetricValue::asDouble).orElse(OptionalDouble.empty());
        earlier.add(new TimePoint(p.start(), p.end(), m,
            q.label() + ": " + exactOrReason(w, metricId, q.label(), f.currency())));
        table.row(Html.esc(p.label()), cell, Html.esc(q.label()),
            cell(w, metricId, q.label(), f.currency()));
      } else {
        table.row(Html.esc(p.label()), cell);
      }
    }
    TimeSeries series = TimeSeries.of(label(metricId), now);
    TimeChart.Builder chart =
        TimeChart.builder("chart-" + metricId, title)
            .description(title + ", " + periods.get(0).label() + " to "
                + periods.get(periods.size() - 1).label() + ": " + defined + " of "
                + periods.size() + " periods have a value"
                + (withPrevious ? "; the same periods a year earlier dotted" : "") + ".")
            .zone(f.zone())
            .tickFormat(format);
    if (bars) {
      chart.bars(series);
    } else {
      chart.line(series);
    }
    if (withPrevious) {
      chart.dottedLine(TimeSeries.of("a year earlier", earlier));
    }
    return Html.figure(chart.build().svg(), title, table);
  }

  private static String label(String metricId) {
    return switch (metricId) {
      case "sales_volume" -> "won amount";
      case "revenue" -> "revenue";
      case "win_rate" -> "win rate";
      case "churn_rate" -> "churn rate";
      default -> metricId;
    };
  }

  /** A table cell for a value: its short text with the exact value on hover, or "—". */
  private static String cell(
      Optional<MetricValue> v, String metricId, String where, Optional<Currency> currency) {
    if (v.isEmpty()) {
      return Html.undefined(Reasons.undefined(metricId, where, true));
    }
    if (v.get().asDouble().isEmpty()) {
      return Html.undefined(Reasons.undefined(metricId, where, false));
    }
    return Html.titled(Format.value(v.get()), Format.exact(v.get(), Format.moneyRatio(metricId,
        currency)));
  }

  private static String exactOrReason(
      Optional<MetricValue> v, String metricId, String where, Optional<Currency> currency) {
    if (v.isEmpty()) {
      return Format.UNDEFINED + " (" + Reasons.undefined(metricId, where, true) + ")";
    }
    if (v.get().asDouble().isEmpty()) {
      return Format.UNDEFINED + " (" + Reasons.undefined(metricId, where, false) + ")";
    }
    return Format.exact(v.get(), Format.moneyRatio(metricId, currency));
  }

  // ---- pipeline ---------------------------------------------------------------------------

  private static String pipeline(Figures f) {
    Panel panel = Panel.PIPELINE;
    String sub = "open at " + dateTime(f.asOf(), f.zone());
    if (f.pipeline().isEmpty() || f.pipeline().get().size() == 0) {
      return section(panel, panel.heading(), sub, empty("No open deal."));
    }
    MetricTable t = f.pipeline().get();
    List<MetricTable.Row> rows = new ArrayList<>(t.rows());
    List<String> order = f.stageOrder();
    rows.sort(
        Comparator.comparingInt(
                (MetricTable.Row r) -> {
                  int i = order.indexOf(r.key().get("stage").orElse(""));
                  return i < 0 ? Integer.MAX_VALUE : i;
                })
            .thenComparing(r -> r.key().get("stage").orElse("")));
    String where = "the pipeline at " + dateTime(f.asOf(), f.zone());
    BarChart.Builder chart =
        BarChart.builder("chart-pipeline", "Open pipeline by stage")
            .description("Amount of the deals open at " + dateTime(f.asOf(), f.zone())
                + " by stage, with the amount weighted by each stage's probability inside.")
            .tickFormat(TickFormat.COMPACT)
            .legend("amount", "weighted amount");
    Html.Table table = new Html.Table("lrrr", "stage", "open deals", "amount", "weighted amount");
    int shown = 0;
    for (MetricTable.Row r : rows) {
      String stage = r.key().get("stage").orElse("");
      Optional<MetricValue> amount = r.value(Metrics.PIPELINE_VALUE.id());
      Optional<MetricValue> weighted = r.value(Metrics.WEIGHTED_PIPELINE.id());
      long deals = amount.map(MetricValue::sampleSize).orElse(0L);
      if (deals == 0) {
        continue;
      }
      OptionalDouble a = amount.map(MetricValue::asDouble).orElse(OptionalDouble.empty());
      OptionalDouble w = weighted.map(MetricValue::asDouble).orElse(OptionalDouble.empty());
      String amountText = amount.map(Format::value).orElse(Format.UNDEFINED);
      String weightedText = weighted.map(Format::value).orElse(Format.UNDEFINED);
      String title = stage + ": " + Format.count(deals) + " open deals, " + amountText
          + ", weighted " + weightedText;
      if (shown++ < MAX_BARS) {
        chart.bar(new Bar(stage + " (" + Format.count(deals) + ")", a,
            amount.flatMap(v -> ((Amount) v).value()).map(Format::moneyShort)
                .orElse(Format.UNDEFINED), title, w, stage + ": weighted " + weightedText));
      }
      table.row(Html.esc(stage), Html.esc(Format.count(deals)),
          cell(amount, Metrics.PIPELINE_VALUE.id(), where, f.currency()),
          cell(weighted, Metrics.WEIGHTED_PIPELINE.id(), where, f.currency()));
    }
    if (table.size() == 0) {
      return section(panel, panel.heading(), sub, empty("No open deal."));
    }
    return section(panel, panel.heading(), sub,
        Html.figure(chart.build().svg(), "Open pipeline by stage", table));
  }

  // ---- funnel -----------------------------------------------------------------------------

  private static String funnel(Figures f) {
    Panel panel = Panel.FUNNEL;
    Optional<Period> range = f.rangePeriod();
    if (f.funnel().isEmpty() || range.isEmpty()) {
      String why = f.stageOrder().size() < 2 ? "The deals have no stage history."
          : "No deal entered a stage in the range.";
      return section(panel, panel.heading(), "", empty(why));
    }
    StageFunnel funnel = f.funnel().get();
    List<String> stages = funnel.stages();
    String first = stages.get(0);
    String span = rangeText(range.get());
    long cohort = funnel.overall().denominator();
    String title = "Deals that entered " + first + ", " + span;
    FunnelChart.Builder chart =
        FunnelChart.builder("chart-funnel", "Stage funnel")
            .description("Of the " + Format.count(cohort) + " deals that entered " + first + " "
                + span + ", how many reached each later stage, with the conversion of each step.");
    Html.Table table =
        new Html.Table("lrrr", "stage", "deals reaching it", "step conversion",
            "cumulative conversion");
    chart.stage(first, cohort, Format.count(cohort),
        first + ": " + Format.count(cohort) + " deals entered it " + span);
    table.row(Html.esc(first), Html.esc(Format.count(cohort)), "", "");
    for (int k = 1; k < stages.size(); k++) {
      Ratio cum = f.cumulative().get(k - 1);
      StageFunnel.Step step = funnel.steps().get(k - 1);
      String stage = stages.get(k);
      String cumText = Format.ratioTitle(cum, Optional.empty());
      String stepText = step.from() + " → " + step.to() + ": "
          + Format.ratioTitle(step.ratio(), Optional.empty())
          + " of the deals that entered " + step.from() + " " + span;
      chart.stage(stage, cum.numerator(), Format.count(cum.numerator()),
          stage + ": " + Format.count(cum.numerator()) + " of the " + Format.count(cohort)
              + " deals that entered " + first + " (" + cumText + ")");
      chart.step(Format.percent(step.ratio()), stepText);
      table.row(Html.esc(stage), Html.esc(Format.count(cum.numerator())),
          step.ratio().isDefined() ? Html.titled(Format.percent(step.ratio()), stepText)
              : Html.undefined("undefined: no deal entered " + step.from() + " " + span),
          cum.isDefined() ? Html.titled(Format.percent(cum), cumText)
              : Html.undefined("undefined: no deal entered " + first + " " + span));
    }
    return section(panel, panel.heading(), span,
        Html.figure(chart.build().svg(), title, table));
  }

  // ---- leaderboard ------------------------------------------------------------------------

  private static String leaderboard(Figures f) {
    Panel panel = Panel.LEADERBOARD;
    if (f.leaderboard().isEmpty() || f.tilePeriod().isEmpty()) {
      return section(panel, panel.heading(), "", empty("No deals or quotas."));
    }
    Period p = f.tilePeriod().get();
    MetricTable t = f.leaderboard().get();
    String by = f.by();
    List<MetricTable.Row> rows = rows(t, p);
    rows.sort(
        Comparator.comparing(
                (MetricTable.Row r) ->
                    r.value(Metrics.QUOTA_ATTAINMENT.id()).map(v -> v.asDouble().isEmpty())
                        .orElse(true))
            .thenComparing(
                (MetricTable.Row r) -> -number(r.value(Metrics.QUOTA_ATTAINMENT.id())).orElse(0))
            .thenComparing(r -> r.key().get(by).orElse("")));
    String when = p.label() + (inProgress(f, p) ? " so far" : "");
    if (rows.isEmpty()) {
      return section(panel, panel.heading(), when, empty("No deals or quotas."));
    }
    String title = "Quota attainment per " + by + ", " + when;
    BarChart.Builder chart =
        BarChart.builder("chart-leaderboard", title)
            .description("Won amount as a share of quota per " + by + " in " + p.label()
                + ", highest first; the dashed line is 100% of quota."
                + (rows.size() > MAX_BARS ? " The chart shows the first " + MAX_BARS + " of "
                    + rows.size() + "; the table lists all." : ""))
            .tickFormat(TickFormat.PERCENT)
            .width(560, 170)
            .referenceLine(1.0, "100% of quota");
    Html.Table table = new Html.Table("rlrrr", "#", by, "won", "quota", "attainment");
    int rank = 0;
    for (MetricTable.Row r : rows) {
      rank++;
      String label = groupLabel(f, by, r.key());
      Optional<MetricValue> att = r.value(Metrics.QUOTA_ATTAINMENT.id());
      Optional<MetricValue> won = r.value(Metrics.SALES_VOLUME.id());
      String wonText = won.flatMap(v -> ((Amount) v).value()).map(Format::money)
          .orElse(Format.UNDEFINED);
      Optional<Ratio> ratio = att.map(v -> (Ratio) v).filter(Ratio::isDefined);
      String barTitle;
      if (ratio.isPresent()) {
        barTitle = label + ": " + Format.percent(ratio.get()) + " of quota ("
            + f.currency().map(c -> "won " + Format.minor(ratio.get().numerator(), c)
                + " of a quota of " + Format.minor(ratio.get().denominator(), c))
                .orElse(Format.ratioTitle(ratio.get(), Optional.empty())) + ")";
      } else {
        barTitle = label + ": " + Reasons.undefined(Metrics.QUOTA_ATTAINMENT.id(), p.label(),
            att.isEmpty());
      }
      if (rank <= MAX_BARS) {
        chart.bar(Bar.of(label, ratio.map(Ratio::value).orElse(OptionalDouble.empty()),
            ratio.map(Format::percent).orElse(Format.UNDEFINED), barTitle));
      }
      String quota = ratio.isPresent() && f.currency().isPresent()
          ? Html.esc(Format.minor(ratio.get().denominator(), f.currency().get()))
          : Html.undefined(Reasons.undefined(Metrics.QUOTA_ATTAINMENT.id(), p.label(), false));
      table.row(Integer.toString(rank), Html.esc(label),
          won.isPresent() && won.get().asDouble().isPresent() ? Html.esc(wonText)
              : Html.undefined(Reasons.undefined(Metrics.SALES_VOLUME.id(), p.label(),
                  won.isEmpty())),
          quota,
          ratio.isPresent() ? Html.titled(Format.percent(ratio.get()), barTitle)
              : Html.undefined(barTitle));
    }
    return section(panel, panel.heading() + " by " + by, when,
        Html.figure(chart.build().svg(), title, table));
  }

  /** Tells whether {@code p} is the period in progress at the figures' as-of instant. */
  private static boolean inProgress(Figures f, Period p) {
    return f.inProgress().isPresent() && f.inProgress().get().equals(p);
  }

  /**
   * The rows of a table over one period: all of them, or for a table grouped by period too (a
   * live view's), those of {@code p}.
   */
  private static List<MetricTable.Row> rows(MetricTable t, Period p) {
    List<MetricTable.Row> out = new ArrayList<>();
    for (MetricTable.Row r : t.rows()) {
      if ((!t.hasPeriods() || p.equals(r.period().orElse(null))) && holdsFigure(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Tells whether a row of the leaderboard or goals has something to show: a quota or an amount
   * won. A group with neither (a rep with only open or lost deals and no quota, records without
   * a rep, or on a live view's table a rep known only from reps.csv) is left out.
   */
  private static boolean holdsFigure(MetricTable.Row r) {
    Optional<MetricValue> attainment = r.value(Metrics.QUOTA_ATTAINMENT.id());
    if (attainment.isPresent() && attainment.get() instanceof Ratio ratio
        && (ratio.numerator() != 0 || ratio.denominator() != 0)) {
      return true;
    }
    return r.value(Metrics.SALES_VOLUME.id())
        .filter(v -> v instanceof Amount a && a.value().isPresent())
        .isPresent();
  }

  private static String groupLabel(Figures f, String by, GroupKey key) {
    String id = key.get(by).orElse("");
    if (by.equals("rep")) {
      String name = f.repNames().get(id);
      return name == null ? id : id + " " + name;
    }
    return id;
  }

  private static OptionalDouble number(Optional<MetricValue> v) {
    return v.map(MetricValue::asDouble).orElse(OptionalDouble.empty());
  }

  // ---- goals ------------------------------------------------------------------------------

  private static String goals(Figures f) {
    Panel panel = Panel.GOALS;
    if (f.goals().isEmpty() || f.goalPeriod().isEmpty() || f.currency().isEmpty()) {
      return section(panel, panel.heading(), "", empty("No quotas."));
    }
    Period p = f.goalPeriod().get();
    boolean running = inProgress(f, p);
    double elapsed = GoalProgress.elapsedShare(p.start(), p.end(), f.asOf());
    String sub = running
        ? p.label() + ", " + Format.percent(elapsed) + " elapsed at " + dateTime(f.asOf(), f.zone())
        : p.label() + " (complete)";
    String everyone = f.by().equals("rep") ? "all reps" : "all teams";
    Map<String, Ratio> overall = new LinkedHashMap<>();
    f.goalsOverall().ifPresent(r -> overall.put(everyone, r));
    Map<String, Ratio> groups = new LinkedHashMap<>();
    for (MetricTable.Row r : rows(f.goals().get(), p)) {
      r.value(Metrics.QUOTA_ATTAINMENT.id())
          .ifPresent(v -> groups.put(groupLabel(f, f.by(), r.key()), (Ratio) v));
    }
    if (overall.isEmpty() && groups.isEmpty()) {
      return section(panel, panel.heading(), sub, empty("No deals or quotas."));
    }
    String how = running
        ? ": grey band up to the quota, bar for the amount won so far, dashed tick at the amount"
            + " expected by now on a straight line to the quota, circle at the run-rate forecast"
            + " for the period's end."
        : ": grey band up to the quota, bar for the amount won.";
    Html.Table table =
        new Html.Table("lrrrrrl", f.by(), running ? "won so far" : "won", "quota", "attainment",
            "expected by now", "run-rate at period end", "pacing");
    String totalTitle = "Quota progress of " + everyone + ", " + p.label();
    String groupTitle = "Quota progress per " + f.by() + ", " + p.label();
    String totalSvg = bullets(f, p, running, overall, table,
        BulletChart.builder("chart-goals-total", totalTitle)
            .description("Won amount against the quota of " + everyone + " in " + p.label() + how)
            .width(560, 170));
    String groupSvg = bullets(f, p, running, groups, table,
        BulletChart.builder("chart-goals", groupTitle)
            .description("Won amount against quota per " + f.by() + " in " + p.label() + how)
            .width(560, 170));
    String body = (totalSvg.isEmpty() ? "" : "<figure class=\"chart\">\n" + totalSvg
        + "</figure>\n") + (groupSvg.isEmpty() ? table.html(groupTitle)
        : Html.figure(groupSvg, groupTitle, table));
    return section(panel, panel.heading(), sub, body);
  }

  /**
   * Adds a bullet row and a table row for each group with a quota (a table row only for the
   * others) and returns the chart's SVG, or an empty string when no group has a quota.
   */
  private static String bullets(
      Figures f,
      Period p,
      boolean running,
      Map<String, Ratio> rows,
      Html.Table table,
      BulletChart.Builder chart) {
    Currency currency = f.currency().orElseThrow();
    int bullets = 0;
    for (Map.Entry<String, Ratio> e : rows.entrySet()) {
      String label = e.getKey();
      Ratio r = e.getValue();
      String won = Format.minor(r.numerator(), currency);
      if (!r.isDefined()) {
        String why = Reasons.undefined(Metrics.QUOTA_ATTAINMENT.id(), p.label(), false);
        table.row(Html.esc(label), Html.esc(won), Html.undefined(why), Html.undefined(why),
            Html.undefined(why), Html.undefined(why), Html.undefined(why));
        continue;
      }
      double actual = major(r.numerator(), currency);
      double target = major(r.denominator(), currency);
      GoalProgress g = GoalProgress.of(actual, target, p.start(), p.end(), f.asOf());
      boolean behind = running ? g.behindPace() : actual < target;
      String pacing = running ? (behind ? "behind" : "on track") : (behind ? "missed" : "met");
      OptionalDouble forecast = g.forecast();
      String forecastText = forecast.isPresent()
          ? Format.money(forecast.getAsDouble(), currency) + " ("
              + Format.percent(g.forecastAttainment().orElseThrow()) + " of quota)"
          : Format.UNDEFINED;
      String detail = label + ": won " + won + " of " + Format.minor(r.denominator(), currency)
          + " (" + Format.percent(r) + ")"
          + (running ? "; " + Format.percent(g.elapsed()) + " of " + p.label() + " elapsed, "
              + Format.money(g.expected(), currency) + " expected by now; run-rate at period end "
              + forecastText : "")
          + ": " + pacing;
      if (bullets++ < MAX_BARS) {
        chart.row(new BulletRow(label, actual, target,
            running ? OptionalDouble.of(g.expected()) : OptionalDouble.empty(),
            running ? forecast : OptionalDouble.empty(), behind,
            Format.percent(r) + " · " + pacing, detail));
      }
      table.row(Html.esc(label), Html.esc(won),
          Html.esc(Format.minor(r.denominator(), currency)),
          Html.titled(Format.percent(r), Format.ratioTitle(r, Optional.of(currency))),
          Html.esc(Format.money(g.expected(), currency)),
          forecast.isPresent() ? Html.esc(forecastText)
              : Html.undefined("undefined: no time of " + p.label() + " has elapsed"),
          "<span class=\"pacing " + (behind ? "bad" : "good") + "\">" + Html.esc(pacing)
              + "</span>");
    }
    return bullets == 0 ? "" : chart.build().svg();
  }

  private static double major(long minor, Currency currency) {
    return BigDecimal.valueOf(minor).movePointLeft(Math.max(0, Money.fractionDigits(currency)))
        .doubleValue();
  }

  // ---- leads ------------------------------------------------------------------------------

  private static String leads(Figures f) {
    Panel panel = Panel.LEADS;
    Optional<Period> range = f.rangePeriod();
    if (f.leads().isEmpty() || f.leads().get().size() == 0 || range.isEmpty()) {
      return section(panel, panel.heading(), "", empty("No leads in the range."));
    }
    String span = rangeText(range.get());
    List<MetricTable.Row> rows = new ArrayList<>(f.leads().get().rows());
    rows.sort(
        Comparator.comparingLong(
                (MetricTable.Row r) ->
                    -r.value(Metrics.LEADS_CREATED.id()).map(MetricValue::sampleSize).orElse(0L))
            .thenComparing(r -> r.key().get("source").orElse("")));
    BarChart.Builder conversion =
        BarChart.builder("chart-lead_conversion_rate", "Lead conversion rate by source")
            .description("Of the leads created " + span + ", the share converted, per source.")
            .tickFormat(TickFormat.PERCENT)
            .width(420, 120);
    BarChart.Builder quality =
        BarChart.builder("chart-lead_score", "Lead quality by source")
            .description("Mean lead score (0 to 100) of the leads created " + span
                + ", per source.")
            .width(420, 120);
    Html.Table table = new Html.Table("lrrr", "source", "leads", "lead score", "conversion rate");
    int shown = 0;
    for (MetricTable.Row r : rows) {
      String source = r.key().get("source").orElse("");
      Optional<MetricValue> created = r.value(Metrics.LEADS_CREATED.id());
      Optional<MetricValue> score = r.value(Metrics.LEAD_SCORE.id());
      Optional<MetricValue> rate = r.value(Metrics.LEAD_CONVERSION_RATE.id());
      long n = created.map(v -> ((Count) v).value()).orElse(0L);
      String rateTitle = source + ": " + exactOrReason(rate, Metrics.LEAD_CONVERSION_RATE.id(),
          span, Optional.empty()) + " of " + Format.count(n) + " leads converted";
      String scoreTitle = source + ": mean lead score " + exactOrReason(score,
          Metrics.LEAD_SCORE.id(), span, Optional.empty());
      if (shown++ < MAX_BARS) {
        conversion.bar(Bar.of(source, number(rate), rate.map(Format::value)
            .orElse(Format.UNDEFINED), rateTitle));
        quality.bar(Bar.of(source, number(score), score.map(Format::value)
            .orElse(Format.UNDEFINED), scoreTitle));
      }
      table.row(Html.esc(source), Html.esc(Format.count(n)),
          cell(score, Metrics.LEAD_SCORE.id(), span, Optional.empty()),
          cell(rate, Metrics.LEAD_CONVERSION_RATE.id(), span, Optional.empty()));
    }
    String caption = "Leads by source, " + span;
    return section(panel, panel.heading(), span,
        "<div class=\"charts\">\n<figure class=\"chart\">\n" + conversion.build().svg()
            + "</figure>\n<figure class=\"chart\">\n" + quality.build().svg() + "</figure>\n"
            + "</div>\n<details><summary>Table: " + Html.esc(caption) + "</summary>\n"
            + table.html(caption) + "</details>\n");
  }

  // ---- alerts -----------------------------------------------------------------------------

  private static String alerts(Figures f) {
    Panel panel = Panel.ALERTS;
    if (f.ruleCount() == 0) {
      return section(panel, panel.heading(), "",
          "<p class=\"empty\">No rule set was given: pass one with <code>--rules FILE</code>"
              + " (the format is in docs/RULES.md).</p>\n");
    }
    String sub = f.rangePeriod().map(Panels::rangeText).orElse("") + ", " + f.ruleCount()
        + (f.ruleCount() == 1 ? " rule" : " rules");
    if (f.alerts().isEmpty()) {
      return section(panel, panel.heading(), sub, empty("No alert fired."));
    }
    Map<String, AlertEvent> lastOf = new LinkedHashMap<>();
    for (AlertEvent e : f.history()) {
      lastOf.put(e.ruleId() + "\u0000" + e.group(), e);
    }
    Html.Table table =
        new Html.Table("lllllll", "period", "rule", "group", "severity", "since", "now", "why");
    for (AlertEvent e : f.alerts()) {
      String severity = e.level().map(l -> l.label()).orElse("");
      AlertEvent last = lastOf.get(e.ruleId() + "\u0000" + e.group());
      String now;
      if (last == null || last.to().isFiring()) {
        now = "firing";
      } else {
        now = last.to().name().toLowerCase(Locale.ROOT) + " " + last.periodLabel();
      }
      table.row(
          Html.esc(e.periodLabel()),
          Html.esc(e.ruleId()),
          Html.esc(e.group().isOverall() ? "overall" : e.group().label()),
          "<span class=\"severity " + Html.esc(severity) + "\">" + Html.esc(severity) + "</span>",
          Html.esc(since(f, e)),
          "<span class=\"state " + (now.equals("firing") ? "firing" : "resolved") + "\">"
              + Html.esc(now) + "</span>",
          Html.esc(e.sentence()));
    }
    return section(panel, panel.heading(), sub,
        "<div class=\"alerts\">\n" + table.html("Alerts that fired " + sub) + "</div>\n");
  }

  /**
   * The period in which the alert's run of breaches began: the period of the transition
   * evaluated at {@link AlertEvent#since()}, else that instant's date.
   */
  private static String since(Figures f, AlertEvent e) {
    for (AlertEvent h : f.history()) {
      if (h.ruleId().equals(e.ruleId()) && h.group().equals(e.group())
          && h.evaluatedAt().equals(e.since())) {
        return h.periodLabel();
      }
    }
    return date(e.since(), f.zone());
  }

  // ---- dates ------------------------------------------------------------------------------

  static String date(Instant t, ZoneId zone) {
    return LocalDate.ofInstant(t, zone).toString();
  }

  /** A date, or a date and time when the instant is not a local midnight. */
  static String dateTime(Instant t, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        ? local.toLocalDate().toString()
        : local.toLocalDate() + " " + local.toLocalTime();
  }

  /** {@code from 2025-01-01 to 2025-12-31} (the last day inclusive). */
  static String rangeText(Period p) {
    return "from " + p.startDate() + " to " + p.endDate().minusDays(1);
  }

  /**
   * The overall value of a metric in a period; empty when no record of it fell there, or when the
   * table does not compute the metric (a live view of some metrics), whose lookup is refused.
   */
  private static Optional<MetricValue> overall(MetricTable t, Period p, String metricId) {
    return t.metricIds().contains(metricId)
        ? t.get(GroupKey.overall(), p, metricId)
        : Optional.empty();
  }
}
