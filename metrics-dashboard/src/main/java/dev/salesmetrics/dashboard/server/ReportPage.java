package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.dashboard.Figures;
import dev.salesmetrics.dashboard.Panel;
import dev.salesmetrics.dashboard.Report;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Severity;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * The live page of the dashboard report: the page {@code salesmetrics report} writes (the same
 * panels, ids, style and charts, drawn by {@link Report}), kept up to date in place. The live
 * server's default page.
 *
 * <p><b>Panels.</b> A status line ({@code panel-live}: the current period, the newest event, the
 * batches received, and why figures could not be updated, if so), then the report's panels: tiles
 * ({@code panel-tiles}), trends, pipeline, funnel, leaderboard, goals, leads and alerts ({@code
 * panel-alerts}).
 *
 * <p><b>Where each figure comes from.</b>
 *
 * <ul>
 *   <li>From the live views, at every update: the tiles (the <em>current</em> period, the one of
 *       the newest event, so far, against the period before), the trends (the periods ending with
 *       the current one, a year earlier dotted), the leaderboard and the goals (quota attainment
 *       per rep or team in the current period, paced at the end of the newest event's day). The
 *       views compute the tile metrics, {@code revenue} and {@code quota_attainment} overall, and
 *       {@code quota_attainment} and {@code sales_volume} per rep or team ({@link
 *       #extraMetrics()}). A panel is drawn again only when the figures it reads changed.
 *   <li>From the records, on a thread of the page's own: the pipeline by stage (open at the end
 *       of the newest event's day), the stage funnel and the leads by source (over the trend
 *       periods), which need a pass over every record. The first page waits for them; after that
 *       they are computed again when records arrived, one computation at a time (the latest
 *       records win: batches that arrive meanwhile are taken together by the next one), and
 *       pushed to the open pages when ready.
 *   <li>From the rule engine: the alerts panel lists the alerts pending or firing now and the
 *       latest transitions, as they happen.
 * </ul>
 *
 * <p>Over your own views ({@link LiveDashboard.Builder#views}) there are no records: the page
 * shows the status, tiles, trends and alerts, and the leaderboard and goals when a view grouped by
 * period and by rep (or team) computes {@code quota_attainment}; the tiles read the first view
 * grouped by period only, and the current period counts as complete.
 *
 * <p>Every text from the data is escaped. The page carries the dashboard's one script and a
 * content security policy that allows that script only (by its hash). A page serves one dashboard
 * at a time. Thread safe.
 */
public final class ReportPage implements LivePage {
  /** The id of the status panel. */
  public static final String STATUS = "panel-live";

  private static final ImmutableList<Metric<?, ?>> TILES =
      ImmutableList.of(
          Metrics.SALES_VOLUME,
          Metrics.WIN_RATE,
          Metrics.AVERAGE_DEAL_SIZE,
          Metrics.SALES_CYCLE,
          Metrics.PIPELINE_VALUE,
          Metrics.PIPELINE_COVERAGE,
          Metrics.NEW_CUSTOMERS,
          Metrics.CHURN_RATE,
          Metrics.NPS);

  /** The panels drawn from the records, in the background. */
  private static final Set<Panel> FROM_RECORDS =
      EnumSet.of(Panel.PIPELINE, Panel.FUNNEL, Panel.LEADS);

  /** How many recent transitions the alerts panel lists. */
  static final int RECENT = 10;

  private final String title;
  private final String source;
  private final String by;

  @GuardedBy("this")
  @Nullable
  private Runnable redraw;

  @GuardedBy("this")
  @Nullable
  private ExecutorService worker;

  @GuardedBy("this")
  @Nullable
  private Job pending;

  @GuardedBy("this")
  private boolean running;

  /** The latest panels drawn from the records. */
  @Nullable private volatile History history;

  // on the dashboard's update thread only (under its lock)
  @Nullable private Dataset requested;
  private final Map<Panel, Drawn> drawn = new HashMap<>();

  private ReportPage(Builder b) {
    this.title = b.title;
    this.source = b.source;
    this.by = b.by;
  }

  /**
   * Starts the definition of a page.
   *
   * @return a builder: title "Sales dashboard", no source, leaderboard and goals per rep
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the tile metrics: won amount ({@code sales_volume}), win rate, average deal size,
   * median sales cycle, open pipeline ({@code pipeline_value}), pipeline coverage, new customers,
   * churn and NPS, as in the report.
   *
   * @return the metrics, in the tiles' order
   */
  @Override
  public ImmutableList<Metric<?, ?>> metrics() {
    return TILES;
  }

  /**
   * Returns {@code revenue} and {@code quota_attainment} overall (the trends, the goal of
   * everyone), {@code quota_attainment} and {@code sales_volume} per rep or team (the
   * leaderboard and goals).
   *
   * @return the metrics by grouping
   */
  @Override
  public ImmutableMap<String, ImmutableList<Metric<?, ?>>> extraMetrics() {
    return ImmutableMap.of(
        "", ImmutableList.of(Metrics.REVENUE, Metrics.QUOTA_ATTAINMENT),
        by, ImmutableList.of(Metrics.QUOTA_ATTAINMENT, Metrics.SALES_VOLUME));
  }

  /**
   * Returns true: the pipeline, funnel and leads panels are drawn from the records.
   *
   * @return true
   */
  @Override
  public boolean readsRecords() {
    return true;
  }

  @Override
  public synchronized void attach(Runnable redraw) {
    checkNotNull(redraw, "redraw");
    if (this.redraw != null) {
      throw new IllegalStateException("this page serves another dashboard already");
    }
    this.redraw = redraw;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "salesmetrics-report-page");
              t.setDaemon(true);
              return t;
            });
    this.pending = null;
    this.running = false;
    this.history = null;
    this.requested = null;
    this.drawn.clear();
  }

  @Override
  public synchronized void detach() {
    if (worker != null) {
      worker.shutdownNow();
    }
    worker = null;
    redraw = null;
    pending = null;
  }

  @Override
  public ImmutableMap<String, String> panels(LiveFigures f) {
    Optional<Dataset> records = f.dataset();
    if (records.isPresent() && !sameCopy(requested, records.get())) {
      requested = records.get();
      Job job = new Job(records.get(), f.period().orElse(null));
      if (history == null) {
        history = compute(job, null); // the first page waits for the history panels
      } else {
        request(job);
      }
    }
    Live live = live(f);
    ImmutableMap.Builder<String, String> out = ImmutableMap.builder();
    out.put(STATUS, status(f));
    out.put(Panel.TILES.id(), draw(Panel.TILES, live, live.tilesKey()));
    out.put(Panel.TRENDS.id(), draw(Panel.TRENDS, live, live.trendsKey()));
    History h = history;
    boolean fromRecords = records.isPresent() && h != null;
    if (fromRecords) {
      out.put(Panel.PIPELINE.id(), h.pipeline);
      out.put(Panel.FUNNEL.id(), h.funnel);
    }
    if (fromRecords || live.byTable != null) {
      out.put(Panel.LEADERBOARD.id(), draw(Panel.LEADERBOARD, live, live.boardKey()));
      out.put(Panel.GOALS.id(), draw(Panel.GOALS, live, live.goalsKey()));
    }
    if (fromRecords) {
      out.put(Panel.LEADS.id(), h.leads);
    }
    out.put(Panel.ALERTS.id(), alerts(f));
    return out.buildOrThrow();
  }

  /**
   * Tells whether two record sets are the same copy: the dashboard copies the records only when
   * records arrived, so a new copy means new records (comparing the lists would cost a pass).
   */
  @SuppressWarnings("ReferenceEquality")
  private static boolean sameCopy(@Nullable Dataset a, Dataset b) {
    return a == b;
  }

  /** A panel's HTML, drawn again only when the figures it reads changed. */
  private String draw(Panel panel, Live live, List<Object> key) {
    Drawn d = drawn.get(panel);
    if (d != null && d.key.equals(key)) {
      return d.html;
    }
    String html = Report.panel(live.figures.get(), panel);
    drawn.put(panel, new Drawn(key, html));
    return html;
  }

  @Override
  public String page(LiveFigures f, ImmutableMap<String, String> panels, String script) {
    Report.PageBuilder b = Report.pageBuilder(title).subtitle(meta(f));
    panels.forEach((id, html) -> b.section(id, heading(id), html));
    return b.build().html(policy(script), "", script + "\n");
  }

  private static String heading(String id) {
    for (Panel p : Panel.values()) {
      if (p.id().equals(id)) {
        return p.heading();
      }
    }
    return id.equals(STATUS) ? "Live" : id;
  }

  private String meta(LiveFigures f) {
    List<String> parts = new ArrayList<>();
    if (!source.isEmpty()) {
      parts.add("Data: " + source);
    }
    parts.add("live: updated in place as records arrive");
    f.period()
        .ifPresent(
            p -> parts.add("periods: " + granularity(p).id() + "s (" + p.zone() + ")"));
    return String.join(" · ", parts);
  }

  /**
   * The page's own content security policy, as the dashboard's header but without {@code
   * frame-ancestors} (which a {@code <meta>} element cannot carry): the page saved to disk keeps
   * it.
   */
  static String policy(String scriptElement) {
    int open = scriptElement.indexOf('>');
    int close = scriptElement.lastIndexOf("</script>");
    checkArgument(
        scriptElement.startsWith("<script>") && open >= 0 && close > open,
        "the dashboard's script must be one <script> element");
    String body = scriptElement.substring(open + 1, close);
    return "default-src 'none'; script-src '" + LiveDashboard.hash(body) + "';"
        + " style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
        + " base-uri 'none'; form-action 'none'";
  }

  // ---- the figures of the live views -------------------------------------------------------

  /** The report's figures from the live views at one update, and what each panel reads. */
  private final class Live {
    final Supplier<Figures> figures;
    @Nullable final Period period;
    @Nullable final Period inProgress;
    @Nullable final Instant asOf;
    @Nullable final MetricTable overall;
    @Nullable final MetricTable byTable;
    final ImmutableList<Period> trend;
    @Nullable final Ratio everyone;
    final Map<String, String> names;
    @Nullable final Currency currency;

    Live(LiveFigures f, @Nullable History h) {
      this.names = h == null ? Map.of() : h.names;
      this.period = f.period().orElse(null);
      MetricTable all = null;
      MetricTable per = null;
      for (MetricTable t : f.tables()) {
        if (!t.hasPeriods()) {
          continue;
        }
        if (all == null && t.dimensionIds().isEmpty()) {
          all = t;
        } else if (per == null
            && t.dimensionIds().equals(List.of(by))
            && t.metricIds().contains(Metrics.QUOTA_ATTAINMENT.id())) {
          per = t;
        }
      }
      this.overall = all;
      this.byTable = per;
      // the records' currency; over views, that of the first amount in the tables
      this.currency = h != null ? h.currency : currencyOf(f.tables());
      if (period == null) {
        this.inProgress = null;
        this.asOf = null;
        this.trend = ImmutableList.of();
        this.everyone = null;
      } else {
        Granularity g = granularity(period);
        ZoneId zone = period.zone();
        // as the report: the end of the newest event's day; over views, the period's end
        Instant at =
            f.newest()
                .map(t -> LocalDate.ofInstant(t, zone).plusDays(1).atStartOfDay(zone).toInstant())
                .orElse(period.end());
        Period atAsOf = Period.containing(at, g, zone);
        this.asOf = at;
        this.inProgress = atAsOf.start().equals(at) ? null : atAsOf;
        List<Period> periods = new ArrayList<>();
        Period p = period;
        for (int i = Report.defaultPeriods(g); i > 0; i--) {
          periods.add(0, p);
          p = p.previous();
        }
        this.trend = ImmutableList.copyOf(periods);
        // a live view without quota attainment has no such column (a lookup of it is refused)
        this.everyone =
            all == null || !all.metricIds().contains(Metrics.QUOTA_ATTAINMENT.id())
                ? null
                : all.get(GroupKey.overall(), period, Metrics.QUOTA_ATTAINMENT).orElse(null);
      }
      this.figures = Suppliers.memoize(() -> figures(f));
    }

    private Figures figures(LiveFigures f) {
      Figures.Builder b = Figures.builder().title(title, source).names(names, currency);
      if (period == null) {
        b.periods(Granularity.MONTH, ZoneOffset.UTC, Instant.EPOCH, null, null);
        return b.alerts(f.ruleCount(), List.of(), List.of()).build();
      }
      Period atAsOf = Period.containing(checkNotNull(asOf), granularity(period), period.zone());
      Period last = atAsOf.previous();
      b.periods(granularity(period), period.zone(), asOf, last, inProgress);
      if (!period.equals(last)) {
        b.tilePeriod(period);
      }
      if (overall != null) {
        b.tiles(overall).trends(trend, overall);
      }
      if (byTable != null) {
        b.leaderboard(by, byTable).goals(period, byTable, everyone);
      }
      return b.alerts(f.ruleCount(), List.of(), List.of()).build();
    }

    List<Object> tilesKey() {
      return Arrays.asList(
          period, inProgress, currency, row(overall, period),
          period == null ? null : row(overall, period.previous()));
    }

    List<Object> trendsKey() {
      List<Object> key = new ArrayList<>(Arrays.asList(period, currency));
      if (overall != null && !trend.isEmpty()) {
        // the trend periods and a year before them: a superset of what the panel reads
        Instant from = trend.get(0).start().minus(java.time.Duration.ofDays(400));
        Instant to = trend.get(trend.size() - 1).end();
        for (MetricTable.Row r : overall.rows()) {
          Period p = r.period().orElseThrow();
          if (!p.start().isBefore(from) && !p.end().isAfter(to)) {
            key.add(r);
          }
        }
      }
      return key;
    }

    List<Object> boardKey() {
      return Arrays.asList(period, inProgress, currency, names, rows(byTable, period));
    }

    List<Object> goalsKey() {
      return Arrays.asList(
          period, inProgress, asOf, currency, names, everyone, rows(byTable, period));
    }
  }

  private Live live(LiveFigures f) {
    return new Live(f, history);
  }

  @Nullable
  private static Currency currencyOf(List<MetricTable> tables) {
    for (MetricTable t : tables) {
      for (MetricTable.Row r : t.rows()) {
        for (MetricValue v : r.values().values()) {
          if (v instanceof Amount a && a.value().isPresent()) {
            return a.value().get().currency();
          }
        }
      }
    }
    return null;
  }

  @Nullable
  private static MetricTable.Row row(@Nullable MetricTable t, @Nullable Period p) {
    return t == null || p == null ? null : t.row(GroupKey.overall(), p).orElse(null);
  }

  private static List<MetricTable.Row> rows(@Nullable MetricTable t, @Nullable Period p) {
    List<MetricTable.Row> out = new ArrayList<>();
    if (t == null || p == null) {
      return out;
    }
    for (MetricTable.Row r : t.rows()) {
      if (p.equals(r.period().orElse(null))) {
        out.add(r);
      }
    }
    return out;
  }

  private static Granularity granularity(Period p) {
    Granularity g = p.granularity();
    if (g == null) {
      throw new IllegalStateException("a live period has a granularity: " + p);
    }
    return g;
  }

  /** A panel drawn and the figures it was drawn from. */
  private record Drawn(List<Object> key, String html) {}

  // ---- the panels from the records, in the background --------------------------------------

  /** Records to draw the history panels from, and the current period then. */
  private record Job(Dataset data, @Nullable Period current) {}

  /** The panels drawn from the records, and the names and currency the live panels use. */
  private record History(
      String pipeline,
      String funnel,
      String leads,
      ImmutableMap<String, String> names,
      @Nullable Currency currency,
      @Nullable String failure) {}

  private synchronized void request(Job job) {
    ExecutorService w = worker;
    if (w == null) {
      return; // detached
    }
    pending = job; // the latest wins
    if (!running) {
      running = true;
      try {
        w.execute(this::work);
      } catch (RejectedExecutionException e) {
        running = false; // detached meanwhile
      }
    }
  }

  private void work() {
    while (true) {
      Job job;
      synchronized (this) {
        job = pending;
        pending = null;
        if (job == null || worker == null) {
          running = false;
          return;
        }
      }
      History h = compute(job, history);
      Runnable r;
      synchronized (this) {
        if (worker == null) {
          running = false;
          return;
        }
        history = h;
        r = redraw;
      }
      if (r != null) {
        r.run();
      }
    }
  }

  /** Draws the history panels; on failure keeps the previous ones and says why. */
  private History compute(Job job, @Nullable History previous) {
    Granularity g = job.current == null ? Granularity.MONTH : granularity(job.current);
    ZoneId zone = job.current == null ? ZoneOffset.UTC : job.current.zone();
    try {
      Report r =
          Report.builder(job.data)
              .title(title, source)
              .period(g)
              .zone(zone)
              .by(by)
              .inProgress(true)
              .panels(FROM_RECORDS)
              .build();
      Figures f = r.figures().orElseThrow();
      return new History(
          r.panel(Panel.PIPELINE.id()),
          r.panel(Panel.FUNNEL.id()),
          r.panel(Panel.LEADS.id()),
          f.repNames(),
          f.currency().orElse(null),
          null);
    } catch (RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      if (previous != null) {
        return new History(
            previous.pipeline, previous.funnel, previous.leads, previous.names,
            previous.currency, why);
      }
      return new History(
          unavailable(Panel.PIPELINE, why),
          unavailable(Panel.FUNNEL, why),
          unavailable(Panel.LEADS, why),
          ImmutableMap.of(),
          null,
          why);
    }
  }

  private static String unavailable(Panel p, String why) {
    return "<section id=\"" + p.id() + "\" class=\"panel\" aria-labelledby=\"" + p.id()
        + "-h\">\n<h2 id=\"" + p.id() + "-h\">" + Html.escape(p.heading()) + "</h2>\n"
        + "<p class=\"empty\">Not available: " + Html.escape(why) + "</p>\n</section>\n";
  }

  // ---- status and alerts -------------------------------------------------------------------

  private String status(LiveFigures f) {
    StringBuilder sb =
        new StringBuilder("<section id=\"")
            .append(STATUS)
            .append("\" class=\"panel wide\" aria-labelledby=\"")
            .append(STATUS)
            .append("-h\">\n<h2 id=\"")
            .append(STATUS)
            .append("-h\">Live");
    Optional<Period> p = f.period();
    if (p.isEmpty()) {
      sb.append("</h2>\n<p>No events yet: the figures appear with the first record.</p>\n");
    } else {
      Period current = p.get();
      String unit = granularity(current).id();
      sb.append(" <span class=\"sub\">current ")
          .append(unit)
          .append(' ')
          .append(Html.escape(current.label()))
          .append("</span></h2>\n<p>");
      Optional<Instant> newest = f.newest();
      if (newest.isPresent()) {
        sb.append("Figures up to the newest event, on <b>")
            .append(LocalDate.ofInstant(newest.get(), current.zone()))
            .append("</b>: the tiles, leaderboard and goals show ")
            .append(Html.escape(current.label()))
            .append(" so far");
      } else {
        sb.append("The tiles, leaderboard and goals show ").append(Html.escape(current.label()));
      }
      sb.append(", compared with ").append(Html.escape(current.previous().label())).append('.');
      if (f.sequence() > 0) {
        sb.append(" Batches received: ").append(f.sequence()).append('.');
      }
      sb.append("</p>\n");
    }
    f.failure()
        .ifPresent(
            m ->
                sb.append("<p class=\"state firing\">Figures not updated: ")
                    .append(Html.escape(m))
                    .append("</p>\n"));
    History h = history;
    if (h != null && h.failure != null && f.dataset().isPresent()) {
      sb.append("<p class=\"state firing\">Pipeline, funnel and leads not updated: ")
          .append(Html.escape(h.failure))
          .append("</p>\n");
    }
    return sb.append("</section>\n").toString();
  }

  private static String alerts(LiveFigures f) {
    Panel panel = Panel.ALERTS;
    StringBuilder sb =
        new StringBuilder("<section id=\"")
            .append(panel.id())
            .append("\" class=\"panel wide\" aria-labelledby=\"")
            .append(panel.id())
            .append("-h\">\n<h2 id=\"")
            .append(panel.id())
            .append("-h\">")
            .append(panel.heading());
    if (f.ruleCount() == 0) {
      return sb.append("</h2>\n<p class=\"empty\">No rule set was given: pass one with"
              + " <code>--rules FILE</code> (the format is in docs/RULES.md).</p>\n</section>\n")
          .toString();
    }
    sb.append(" <span class=\"sub\">")
        .append(f.ruleCount())
        .append(f.ruleCount() == 1 ? " rule" : " rules")
        .append(", evaluated on the current period as records arrive</span></h2>\n")
        .append("<div class=\"alerts\">\n");
    List<AlertStatus> active = f.alerts().stream().filter(AlertStatus::isActive).toList();
    if (active.isEmpty()) {
      sb.append("<p class=\"empty\">No alert is pending or firing.</p>\n");
    } else {
      List<String[]> rows = new ArrayList<>();
      for (AlertStatus a : active) {
        rows.add(
            new String[] {
              state(a.state()),
              severity(a.level()),
              Html.escape(a.ruleId()),
              Html.escape(group(a.group())),
              Html.escape(a.periodLabel()),
              Html.escape(a.sentence())
            });
      }
      table(sb, "Alerts pending or firing now", rows, "state", "severity", "rule", "group",
          "since", "why");
    }
    List<AlertStatus> recent = f.transitions();
    if (!recent.isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      for (AlertStatus a : recent.subList(0, Math.min(RECENT, recent.size()))) {
        rows.add(
            new String[] {
              Html.escape(a.periodLabel()),
              Html.escape(a.ruleId()),
              Html.escape(group(a.group())),
              lower(a.from()) + " → " + state(a.state()),
              severity(a.level()),
              Html.escape(a.sentence())
            });
      }
      table(sb, "Latest transitions, newest first", rows, "period", "rule", "group",
          "transition", "severity", "why");
    }
    return sb.append("</div>\n</section>\n").toString();
  }

  private static String group(GroupKey g) {
    return g.isOverall() ? "overall" : g.label();
  }

  private static String lower(AlertState s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static String state(AlertState s) {
    return "<span class=\"state " + (s.isFiring() ? "firing" : lower(s)) + "\">" + lower(s)
        + "</span>";
  }

  private static String severity(Optional<Severity> level) {
    String l = level.map(Severity::label).orElse("");
    return l.isEmpty() ? "" : "<span class=\"severity " + Html.escape(l) + "\">"
        + Html.escape(l) + "</span>";
  }

  /** A table as the report writes them; the cells are HTML, escaped by the caller. */
  private static void table(
      StringBuilder sb, String caption, List<String[]> rows, String... headers) {
    sb.append("<table>\n<caption>").append(Html.escape(caption)).append("</caption>\n<thead><tr>");
    for (String h : headers) {
      sb.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (String[] r : rows) {
      sb.append("<tr>");
      for (String cell : r) {
        sb.append("<td>").append(cell).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  /**
   * Formats as the title and the grouping.
   *
   * @return e.g. {@code ReportPage[Sales dashboard, by rep]}
   */
  @Override
  public String toString() {
    return "ReportPage[" + title + ", by " + by + "]";
  }

  /** Defines a {@link ReportPage}. Not thread safe. */
  public static final class Builder {
    private String title = "Sales dashboard";
    private String source = "";
    private String by = "rep";

    private Builder() {}

    /**
     * Sets the page title and where the data comes from, for the header.
     *
     * @param title the title; default "Sales dashboard"
     * @param source e.g. the data directory, or empty for none (the default)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder title(String title, String source) {
      this.title = checkNotNull(title, "title");
      this.source = checkNotNull(source, "source");
      return this;
    }

    /**
     * Sets the grouping of the leaderboard and the goals.
     *
     * @param dimension {@code "rep"} (default) or {@code "team"}
     * @return this builder
     * @throws IllegalArgumentException for another dimension
     */
    @CanIgnoreReturnValue
    public Builder by(String dimension) {
      String d = checkNotNull(dimension, "dimension").strip().toLowerCase(Locale.ROOT);
      checkArgument(
          d.equals("rep") || d.equals("team"), "by must be rep or team: \"%s\"", dimension);
      this.by = d;
      return this;
    }

    /**
     * Builds the page.
     *
     * @return the page, serving no dashboard yet
     */
    public ReportPage build() {
      return new ReportPage(this);
    }
  }
}
