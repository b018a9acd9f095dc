package dev.salesmetrics.dashboard;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A report: one self-contained HTML page of panels, each a {@code <section>} with a stable id,
 * holding SVG charts with their data tables. The page needs no script and no network: the style
 * sheet is inline, the charts are inline SVG, and a content security policy ({@link
 * #CONTENT_SECURITY_POLICY}) forbids loading anything, so it opens from disk and prints on A4
 * landscape.
 *
 * <p>The default page, from a data set:
 *
 * <pre>{@code
 * Report.builder(SampleData.generate(SampleData.DEFAULT_SEED))
 *     .period(Granularity.MONTH)
 *     .rules(RuleFile.read(Path.of("rules.txt"), Metrics.registry()))
 *     .build()
 *     .writeTo(Path.of("report.html"));
 * }</pre>
 *
 * <p>A custom page, from tables:
 *
 * <pre>{@code
 * Report.pageBuilder("Q4 review")
 *     .table("Win rate by rep", Query.of(deals).groupBy(Dimension.REP)
 *         .metrics(Metrics.WIN_RATE).during(q4).run())
 *     .build()
 *     .writeTo(writer);
 * }</pre>
 *
 * <p>For a live page: {@link #panel(Figures, Panel)} draws one panel's {@code <section>} from
 * {@link Figures}, with the same id as in the full page, so a client can replace the panel in
 * place; {@link #html(String, String, String)} writes the page with another content security
 * policy and extra HTML (a script that listens for updates). The same figures always give the
 * same bytes. Immutable and thread safe.
 */
public final class Report {
  /**
   * The content security policy of the static page: nothing may be loaded or run; only the
   * inline style sheet applies.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private final String title;
  private final String meta;
  private final ImmutableList<Page.Section> sections;
  @Nullable private final Figures figures;

  private Report(
      String title, String meta, List<Page.Section> sections, @Nullable Figures figures) {
    this.title = title;
    this.meta = meta;
    this.sections = ImmutableList.copyOf(sections);
    this.figures = figures;
  }

  /**
   * Starts the default page of a data set (see docs/DASHBOARD.md for each panel).
   *
   * @param data the records
   * @return a builder: months in UTC up to the end of the data's last day, by rep, no rules
   */
  public static Builder builder(Dataset data) {
    return new Builder(data);
  }

  /**
   * Returns the default page drawn from figures.
   *
   * @param figures the figures, e.g. of a live view
   * @return the report
   */
  public static Report of(Figures figures) {
    return of(figures, EnumSet.allOf(Panel.class));
  }

  private static Report of(Figures figures, Set<Panel> panels) {
    checkNotNull(figures, "figures");
    List<Page.Section> sections = new ArrayList<>();
    for (Panel p : Panel.values()) {
      if (panels.contains(p)) {
        sections.add(new Page.Section(p.id(), p.heading(), Panels.render(p, figures)));
      }
    }
    return new Report(figures.title(), meta(figures), sections, figures);
  }

  /**
   * Draws one panel of the default page: its whole {@code <section id="...">} element, as it
   * appears in {@link #html()}.
   *
   * @param figures the figures
   * @param panel the panel
   * @return the HTML of the section, ending in a line break
   */
  public static String panel(Figures figures, Panel panel) {
    return Panels.render(checkNotNull(panel, "panel"), checkNotNull(figures, "figures"));
  }

  /**
   * Returns how many periods the trends show when no start is given.
   *
   * @param granularity the period length
   * @return 31 days, 26 weeks, 12 months, 8 quarters or 5 years
   */
  public static int defaultPeriods(Granularity granularity) {
    return Settings.defaultPeriods(checkNotNull(granularity, "granularity"));
  }

  /**
   * Starts a custom page of tables.
   *
   * @param title the page title
   * @return a builder with no panel yet
   */
  public static PageBuilder pageBuilder(String title) {
    return new PageBuilder(title);
  }

  private static String meta(Figures f) {
    List<String> parts = new ArrayList<>();
    if (!f.source().isEmpty()) {
      parts.add("Data: " + f.source());
    }
    parts.add("as of " + Panels.dateTime(f.asOf(), f.zone()) + " (" + f.zone() + ")");
    parts.add("periods: " + f.granularity().id() + "s");
    Optional<Period> shown = f.tilePeriod();
    if (shown.isPresent() && shown.equals(f.inProgress())) {
      parts.add(f.granularity().id() + " in progress: " + shown.get().label());
    } else {
      shown.ifPresent(p -> parts.add("last complete " + f.granularity().id() + ": "
          + p.label()));
    }
    return String.join(" · ", parts);
  }

  /**
   * Returns the ids of the panels, in page order.
   *
   * @return e.g. {@code [panel-tiles, panel-trends, ...]}
   */
  public ImmutableList<String> panelIds() {
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    sections.forEach(s -> ids.add(s.id()));
    return ids.build();
  }

  /**
   * Returns one panel's {@code <section>} element, as it appears in the page.
   *
   * @param id a panel id of {@link #panelIds()}
   * @return the HTML of the section
   * @throws IllegalArgumentException if there is no such panel
   */
  public String panel(String id) {
    checkNotNull(id, "id");
    for (Page.Section s : sections) {
      if (s.id().equals(id)) {
        return s.html();
      }
    }
    throw new IllegalArgumentException("no panel with id \"" + id + "\"; panels: " + panelIds());
  }

  /**
   * Returns the figures the default page was drawn from.
   *
   * @return the figures, or empty for a custom page
   */
  public Optional<Figures> figures() {
    return Optional.ofNullable(figures);
  }

  /**
   * Returns the page.
   *
   * @return the HTML document, UTF-8 text ending in a line break
   */
  public String html() {
    return html(CONTENT_SECURITY_POLICY, "", "");
  }

  /**
   * Returns the page with another content security policy and extra HTML at the end of the
   * {@code <head>} and of the {@code <body>}, as a live page needs for its script.
   *
   * @param contentSecurityPolicy the policy, e.g. {@code CONTENT_SECURITY_POLICY + "; script-src
   *     'self'; connect-src 'self'"}
   * @param headEnd HTML inserted before {@code </head>}, written as given (not escaped)
   * @param bodyEnd HTML inserted before {@code </body>}, written as given (not escaped)
   * @return the HTML document
   */
  public String html(String contentSecurityPolicy, String headEnd, String bodyEnd) {
    return Page.render(
        title,
        meta,
        sections,
        checkNotNull(contentSecurityPolicy, "contentSecurityPolicy"),
        checkNotNull(headEnd, "headEnd"),
        checkNotNull(bodyEnd, "bodyEnd"));
  }

  /**
   * Writes the page to {@code out}; does not close it.
   *
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void writeTo(Writer out) throws IOException {
    checkNotNull(out, "out").write(html());
    out.flush();
  }

  /**
   * Writes the page to a file in UTF-8, replacing it if it exists.
   *
   * @param file the file, e.g. {@code report.html}
   * @throws IOException if writing fails
   */
  public void writeTo(Path file) throws IOException {
    Files.writeString(checkNotNull(file, "file"), html(), StandardCharsets.UTF_8);
  }

  /**
   * Formats as the title and the panel count.
   *
   * @return e.g. {@code "Report[Sales report, 8 panels]"}
   */
  @Override
  public String toString() {
    return "Report[" + title + ", " + sections.size() + " panels]";
  }

  /**
   * Builds the default page of a data set. Every figure comes from a catalogue metric through
   * {@link dev.salesmetrics.aggregate.Query}. Not thread safe.
   */
  public static final class Builder {
    private final Dataset data;
    private String title = "Sales report";
    private String source = "";
    private Granularity period = Granularity.MONTH;
    private ZoneId zone = ZoneOffset.UTC;
    private FiscalCalendar fiscal = FiscalCalendar.calendar();
    @Nullable private LocalDate from;
    @Nullable private LocalDate to;
    private int periods;
    private ImmutableList<Rule> rules = ImmutableList.of();
    @Nullable private Granularity alertPeriod;
    private String by = "rep";
    @Nullable private ImmutableList<String> stageOrder;
    private boolean showInProgress;
    private ImmutableSet<Panel> panels = Sets.immutableEnumSet(EnumSet.allOf(Panel.class));

    private Builder(Dataset data) {
      this.data = checkNotNull(data, "data");
    }

    /**
     * Sets the page title and where the data came from (default "Sales report", no source).
     *
     * @param title the title
     * @param source e.g. the data directory; empty for none
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder title(String title, String source) {
      this.title = checkNotNull(title, "title");
      this.source = checkNotNull(source, "source");
      return this;
    }

    /**
     * Sets the period of the tiles, trends and leaderboard (default month).
     *
     * @param period day, week, month, quarter or year
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder period(Granularity period) {
      this.period = checkNotNull(period, "period");
      return this;
    }

    /**
     * Sets the zone whose local midnights bound the periods (default UTC).
     *
     * @param zone the zone
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder zone(ZoneId zone) {
      this.zone = checkNotNull(zone, "zone");
      return this;
    }

    /**
     * Sets the fiscal calendar of quarters and years (default the calendar year).
     *
     * @param fiscal the fiscal calendar
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder fiscal(FiscalCalendar fiscal) {
      this.fiscal = checkNotNull(fiscal, "fiscal");
      return this;
    }

    /**
     * Sets the range: the trends start with the period containing {@code from}, and the figures
     * are as of the start of {@code to} (the last complete period is the last one that ends by
     * then; a period containing {@code to} is in progress and paced in the goals panel). Records
     * after {@code to} are seen as they were known then.
     *
     * @param from the first day, or null for the default number of periods before {@code to}
     * @param to the day after the last, exclusive, or null for the end of the data's last day
     * @return this builder
     * @throws IllegalArgumentException if both are given and {@code from} is not before {@code
     *     to}
     */
    @CanIgnoreReturnValue
    public Builder range(@Nullable LocalDate from, @Nullable LocalDate to) {
      checkArgument(
          from == null || to == null || from.isBefore(to),
          "from %s must be before to %s (to is exclusive)",
          from,
          to);
      this.from = from;
      this.to = to;
      return this;
    }

    /**
     * Sets how many periods the trends show when no {@code from} date is given (default 31 days,
     * 26 weeks, 12 months, 8 quarters or 5 years).
     *
     * @param count 1 to 1,000
     * @return this builder
     * @throws IllegalArgumentException if the count is out of range
     */
    @CanIgnoreReturnValue
    public Builder periods(int count) {
      checkArgument(count >= 1 && count <= 1000, "periods must be 1 to 1000: %s", count);
      this.periods = count;
      return this;
    }

    /**
     * Sets the rules replayed over the history for the alerts panel (default none).
     *
     * @param rules rules with distinct ids
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder rules(List<Rule> rules) {
      this.rules = ImmutableList.copyOf(rules);
      return this;
    }

    /**
     * Sets the period the rules are evaluated per (default: the report's period).
     *
     * @param period the evaluation period
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder alertPeriod(Granularity period) {
      this.alertPeriod = checkNotNull(period, "period");
      return this;
    }

    /**
     * Sets the grouping of the leaderboard and goals (default rep).
     *
     * @param dimension {@code "rep"} or {@code "team"} (teams from the reps' directory)
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
     * Sets the funnel's stage order (default: every stage of the deals' histories, in the order
     * of its mean position in them, without stages whose name contains "lost").
     *
     * @param stages at least two distinct stage names, first to last
     * @return this builder
     * @throws IllegalArgumentException if there are fewer than two stages or a stage twice
     */
    @CanIgnoreReturnValue
    public Builder stageOrder(List<String> stages) {
      Set<String> distinct = new LinkedHashSet<>(stages);
      checkArgument(
          stages.size() >= 2 && distinct.size() == stages.size(),
          "the stage order needs at least two distinct stages: %s",
          stages);
      this.stageOrder = ImmutableList.copyOf(stages);
      return this;
    }

    /**
     * Shows the period in progress (the one the as-of instant falls inside, when it is not at a
     * period's start) in the tiles, the leaderboard and the goals, and ends the trends and the
     * range of the funnel, leads and alerts with it, as a live page does; by default they show
     * the last complete period. Without a period in progress this changes nothing.
     *
     * @param show true to show the period in progress
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder inProgress(boolean show) {
      this.showInProgress = show;
      return this;
    }

    /**
     * Draws only some panels, in page order, and computes only their figures (default all).
     *
     * @param panels at least one panel
     * @return this builder
     * @throws IllegalArgumentException if the set is empty
     */
    @CanIgnoreReturnValue
    public Builder panels(Set<Panel> panels) {
      checkArgument(!panels.isEmpty(), "a report needs at least one panel");
      this.panels = Sets.immutableEnumSet(panels);
      return this;
    }

    /**
     * Computes the figures and draws the page.
     *
     * @return the report
     * @throws dev.salesmetrics.model.CurrencyMismatchException if money in two currencies meets
     *     in one figure
     * @throws ArithmeticException if a sum overflows
     * @throws IllegalArgumentException if a rule is per an unknown dimension, or a quota used as
     *     a rule's goal is zero
     */
    public Report build() {
      Settings s =
          new Settings(
              title,
              source,
              period,
              zone,
              fiscal,
              from,
              to,
              periods == 0 ? Settings.defaultPeriods(period) : periods,
              rules,
              alertPeriod == null ? period : alertPeriod,
              by,
              stageOrder,
              showInProgress,
              panels);
      return Report.of(FigureQueries.compute(data, s), panels);
    }
  }

  /** Builds a custom page of {@link MetricTable}s, one panel each. Not thread safe. */
  public static final class PageBuilder {
    private final String title;
    private String meta = "";
    @Nullable private Currency currency;
    private final List<Page.Section> sections = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();

    private PageBuilder(String title) {
      this.title = checkNotNull(title, "title");
    }

    /**
     * Sets the line under the title (default none).
     *
     * @param text e.g. the data's source and period
     * @return this builder
     */
    @CanIgnoreReturnValue
    public PageBuilder subtitle(String text) {
      this.meta = checkNotNull(text, "text");
      return this;
    }

    /**
     * Sets the currency of the counts of money ratios (quota attainment, pipeline coverage), so
     * that their hover texts show money rather than minor units (default none).
     *
     * @param currency the currency
     * @return this builder
     */
    @CanIgnoreReturnValue
    public PageBuilder currency(Currency currency) {
      this.currency = checkNotNull(currency, "currency");
      return this;
    }

    /**
     * Adds a panel for a table: a chart per metric with one number per cell (a line per group
     * when the table has periods, a bar per group otherwise) and the table itself. The panel's
     * id is {@code panel-table-} followed by the heading in lowercase letters, digits and dashes
     * (and {@code -2}, {@code -3}... when taken).
     *
     * @param heading the panel's heading
     * @param table the figures
     * @return this builder
     */
    @CanIgnoreReturnValue
    public PageBuilder table(String heading, MetricTable table) {
      checkNotNull(heading, "heading");
      checkNotNull(table, "table");
      String slug = heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
          .replaceAll("^-+|-+$", "");
      String base = "panel-table-" + (slug.isEmpty() ? "panel" : slug);
      String id = base;
      for (int n = 2; !ids.add(id); n++) {
        id = base + "-" + n;
      }
      sections.add(new Page.Section(id, heading,
          TablePanels.render(id, heading, table, Optional.ofNullable(currency))));
      return this;
    }

    /**
     * Adds a panel drawn elsewhere, such as {@link Report#panel(Figures, Panel)} or a live
     * page's own panel, placed as given.
     *
     * @param id the panel's id: the {@code id} of the one element {@code html} is
     * @param heading the panel's name in the page's navigation
     * @param html the panel's HTML, written as given (not escaped): it must escape every text
     *     from the data itself
     * @return this builder
     * @throws IllegalArgumentException if the id is taken or {@code html} does not start with an
     *     element with that id
     */
    @CanIgnoreReturnValue
    public PageBuilder section(String id, String heading, String html) {
      checkNotNull(id, "id");
      checkNotNull(heading, "heading");
      checkNotNull(html, "html");
      int end = html.indexOf('>');
      checkArgument(
          html.startsWith("<") && end > 0
              && html.substring(0, end).contains(" id=\"" + Html.esc(id) + "\""),
          "the HTML of panel %s must start with an element with id=\"%s\"", id, id);
      checkArgument(ids.add(id), "panel id %s is taken", id);
      sections.add(new Page.Section(id, heading, html));
      return this;
    }

    /**
     * Builds the page.
     *
     * @return the report
     */
    public Report build() {
      return new Report(title, meta, sections, null);
    }
  }
}
