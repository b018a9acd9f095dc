package dev.salesmetrics.cli;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.io.Resources;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LeadDirectory;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.dashboard.Report;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.Evaluations;
import dev.salesmetrics.rule.Goals;
import dev.salesmetrics.rule.Replay;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleFile;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesmetrics demo}: a scorecard per rep for the last month of the data, trends per month
 * over the last 12 months, the deal funnel, and the alerts a rule set fires over the history, on
 * the built-in sample data or on a directory of interchange CSV files.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Scorecard per rep for the last month, monthly trends, the deal funnel and the alerts a rule"
          + " set fires over the history.",
      "Runs on the built-in sample data (see docs/SAMPLE_DATA.md) unless --data is given, and"
          + " ends by writing an HTML report of the data (--report)."
    })
final class DemoCommand implements Callable<Integer> {
  /** The rule file on the class path that the demo replays unless {@code --rules} is given. */
  static final String DEFAULT_RULES = "demo-rules.txt";

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final int TREND_MONTHS = 12;

  /** The width of a terminal the output is made for. */
  static final int WIDTH = 100;

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "A directory of interchange CSV files (default: the built-in sample data).")
  @Nullable Path data;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "A rule file to replay (default: the demo's own rules, demo-rules.txt).")
  @Nullable Path rules;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Scorecard rows: the N reps with the highest sales volume, plus every rep with an"
              + " alert still firing (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--all", description = "Show every rep in the scorecard.")
  boolean all;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      defaultValue = "report.html",
      description = "Where the demo writes its HTML report (default: ${DEFAULT-VALUE}).")
  Path reportFile;

  @Override
  public Integer call() throws IOException {
    if (top < 0) {
      throw new IllegalArgumentException("--top must be >= 0: " + top);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Rule> ruleSet =
        rules == null ? defaultRules() : RuleFile.read(rules, Metrics.registry());
    Dataset dataset;
    String source;
    try (Progress progress = Progress.onConsole("loading")) {
      if (data == null) {
        dataset = SampleData.generate(SampleData.DEFAULT_SEED);
        source = "sample data (seed " + SampleData.DEFAULT_SEED + ")";
      } else {
        dataset = Dataset.load(data).value();
        source = data.toString();
      }
      progress.done();
    }
    out.print(report(dataset, source, ruleSet, all ? Integer.MAX_VALUE : top));
    Report.builder(dataset)
        .title("Salesmetrics demo", source)
        .rules(ruleSet)
        .alertPeriod(Granularity.QUARTER)
        .build()
        .writeTo(reportFile);
    out.println();
    out.println("Report: " + reportFile.toAbsolutePath().normalize() + " (open it in a browser)");
    out.flush();
    return Main.OK;
  }

  /**
   * Reads the demo's rule file from the class path.
   *
   * @return the rules of {@code demo-rules.txt}
   */
  static ImmutableList<Rule> defaultRules() {
    try {
      String text =
          Resources.toString(
              Resources.getResource(DemoCommand.class, "/" + DEFAULT_RULES),
              StandardCharsets.UTF_8);
      return RuleFile.parse(text, DEFAULT_RULES, Metrics.registry());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RULES + " from the class path", e);
    }
  }

  /**
   * Renders the whole demo.
   *
   * @param data the records
   * @param source what the records are, for the heading
   * @param rules the rules to replay
   * @param top how many reps the scorecard shows besides those with a firing alert
   * @return the text, lines ending in {@code \n}
   * @throws IllegalArgumentException if the data spans more than {@link Inputs#MAX_PERIODS}
   *     quarters
   */
  static String report(Dataset data, String source, List<Rule> rules, int top) {
    StringBuilder sb = new StringBuilder();
    Optional<Instant> last = lastInstant(data);
    sb.append("Salesmetrics demo on ").append(Terminal.safe(source)).append('\n');
    sb.append(
            String.format(
                Locale.ROOT,
                "%d reps, %d leads, %d deals, %d orders, %d customers, %d survey answers",
                data.reps().size(),
                data.leads().size(),
                data.deals().size(),
                data.orders().size(),
                data.customers().size(),
                data.responses().size()))
        .append('\n');
    if (last.isEmpty()) {
      return sb.append("\nNo deals, orders or customers: nothing to show.\n").toString();
    }
    Period lastMonth = Period.containing(last.get(), Granularity.MONTH, UTC);
    Instant first = firstInstant(data).orElseThrow();
    LocalDate historyStart = Period.containing(first, Granularity.QUARTER, UTC).startDate();
    LocalDate historyEnd = lastMonth.endDate();
    Optional<String> tooMany =
        Inputs.tooManyPeriods(
            historyStart,
            historyEnd,
            Granularity.QUARTER,
            FiscalCalendar.calendar(),
            "the days the data spans",
            "the demo shows all of its data: look for far-off dates in it, or use compute or"
                + " alerts with --from and --to");
    if (tooMany.isPresent()) {
      throw new IllegalArgumentException(tooMany.get());
    }

    List<AlertEvent> alerts = alerts(data, rules, historyStart, historyEnd);
    Set<String> alertedReps = firingAtEnd(alerts, "rep");

    sb.append('\n');
    scorecard(sb, data, lastMonth, top, alertedReps);
    sb.append('\n');
    trends(sb, data, lastMonth);
    sb.append('\n');
    funnel(sb, data, lastMonth);
    sb.append('\n');
    alertSection(sb, alerts, rules.size(), historyStart, historyEnd);
    return sb.toString();
  }

  private static void scorecard(
      StringBuilder sb, Dataset data, Period month, int top, Set<String> alertedReps) {
    List<SalesRecord> records = new ArrayList<>(data.deals());
    records.addAll(data.quotas());
    MetricTable t =
        Query.of(records)
            .groupBy(Dimension.REP)
            .metrics(
                Metrics.DEALS_WON,
                Metrics.SALES_VOLUME,
                Metrics.WIN_RATE,
                Metrics.AVERAGE_DEAL_SIZE,
                Metrics.QUOTA_ATTAINMENT,
                Metrics.PIPELINE_COVERAGE)
            .during(month)
            .run();
    Map<String, Rep> reps = new HashMap<>();
    for (Rep r : data.reps()) {
      reps.put(r.id(), r);
    }
    List<MetricTable.Row> rows = new ArrayList<>(t.rows());
    rows.sort(
        Comparator.comparingDouble(
                (MetricTable.Row r) -> number(r.value(Metrics.SALES_VOLUME.id())).orElse(0))
            .reversed()
            .thenComparing(r -> r.key().label()));
    List<MetricTable.Row> shown = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      MetricTable.Row r = rows.get(i);
      String rep = r.key().get("rep").orElse("");
      if (i < top) {
        shown.add(r);
      } else if (alertedReps.contains(rep)) {
        shown.add(r);
        extra.add(Terminal.safe(rep) + " (rank " + (i + 1) + ", alert firing)");
      }
    }
    String heading =
        shown.size() == rows.size()
            ? "every rep"
            : "top " + Math.min(top, rows.size()) + " of " + rows.size() + " reps by sales volume"
                + (extra.isEmpty() ? "" : ", plus " + String.join(", ", extra));
    sb.append("== Scorecard ").append(month.label()).append(" (").append(heading).append(")\n");
    TextTable table =
        new TextTable(
            "rep", "name", "team", "won", "sales volume", "win rate", "avg deal", "attainment",
            "coverage");
    table.align("lllrrrrrr");
    for (MetricTable.Row r : shown) {
      String id = r.key().get("rep").orElse("");
      Rep rep = reps.get(id);
      table.row(
          id,
          rep == null ? "" : rep.name(),
          rep == null || rep.team() == null ? "" : rep.team(),
          cell(r, Metrics.DEALS_WON),
          cell(r, Metrics.SALES_VOLUME),
          cell(r, Metrics.WIN_RATE),
          r.value(Metrics.AVERAGE_DEAL_SIZE.id())
              .map(v -> v instanceof MoneyStats s ? s.mean().map(Object::toString).orElse("—") : "")
              .orElse(""),
          r.value(Metrics.QUOTA_ATTAINMENT.id()).map(DemoCommand::percent).orElse(""),
          r.value(Metrics.PIPELINE_COVERAGE.id()).map(DemoCommand::times).orElse(""));
    }
    sb.append(table.render());
    sb.append(
        "attainment: sales volume / quota of the month; coverage: open pipeline at the month's"
            + " start / quota\n");
  }

  private static void trends(StringBuilder sb, Dataset data, Period lastMonth) {
    LocalDate to = lastMonth.endDate();
    LocalDate from = to.minusMonths(TREND_MONTHS);
    List<SalesRecord> records = new ArrayList<>(data.orders());
    records.addAll(data.customers());
    records.addAll(data.responses());
    records.addAll(data.deals());
    MetricTable t =
        Query.of(records)
            .groupBy(Dimension.month(UTC))
            .metrics(
                Metrics.REVENUE,
                Metrics.ORDERS,
                Metrics.NEW_CUSTOMERS,
                Metrics.CHURN_RATE,
                Metrics.NPS,
                Metrics.WIN_RATE)
            .periods(from, to)
            .run();
    sb.append("== Trends per month, ").append(from).append(" to ").append(to.minusDays(1));
    sb.append('\n');
    sb.append(t.show());
  }

  private static void funnel(StringBuilder sb, Dataset data, Period lastMonth) {
    LocalDate to = lastMonth.endDate();
    LocalDate from = to.minusMonths(TREND_MONTHS);
    List<String> order = stageOrder(data.deals());
    sb.append("== Funnel of deals that entered a stage from ")
        .append(from)
        .append(" to ")
        .append(to.minusDays(1))
        .append('\n');
    if (order.size() < 2) {
      sb.append("(the deals have no stage histories)\n");
      return;
    }
    Metric<Deal, StageFunnel> metric = Metrics.stageConversion(order);
    MetricTable t = Query.of(data.deals()).metrics(metric).during(Period.between(from, to, UTC)).run();
    Optional<StageFunnel> funnel = t.get(GroupKey.overall(), metric);
    if (funnel.isEmpty()) {
      sb.append("(no deal entered a stage in the period)\n");
      return;
    }
    TextTable table = new TextTable("step", "conversion", "");
    table.align("lrl");
    for (StageFunnel.Step step : funnel.get().steps()) {
      table.row(step.from() + " → " + step.to(), step.ratio().toString(), bar(step.ratio()));
    }
    Ratio overall = funnel.get().overall();
    table.row(
        "overall " + order.get(0) + " → " + order.get(order.size() - 1),
        overall.toString(),
        bar(overall));
    sb.append(table.render());
    t = Query.of(data.deals()).metrics(Metrics.WIN_RATE).during(Period.between(from, to, UTC)).run();
    sb.append("deals closed in the period: win rate ")
        .append(t.get(GroupKey.overall(), Metrics.WIN_RATE).map(Ratio::toString).orElse("—"))
        .append('\n');
  }

  private static void alertSection(
      StringBuilder sb, List<AlertEvent> alerts, int ruleCount, LocalDate from, LocalDate to) {
    sb.append("== Alerts: ")
        .append(ruleCount)
        .append(ruleCount == 1 ? " rule" : " rules")
        .append(" replayed per quarter, ")
        .append(from)
        .append(" to ")
        .append(to.minusDays(1))
        .append('\n');
    if (alerts.isEmpty()) {
      sb.append("(no alert fired)\n");
      return;
    }
    for (AlertEvent e : alerts) {
      sb.append(e.periodLabel())
          .append("  ")
          .append(Terminal.safe(e.ruleId()))
          .append("  ")
          .append(e.from().name().toLowerCase(Locale.ROOT))
          .append(" → ")
          .append(e.to().name().toLowerCase(Locale.ROOT))
          .append(e.level().filter(l -> e.to().isFiring()).map(l -> " (" + l.label() + ")").orElse(""))
          .append('\n');
      wrap(sb, Terminal.safe(e.sentence()), "    ", WIDTH);
    }
  }

  /** Appends {@code text} in lines of at most {@code width} characters, each after {@code indent}. */
  static void wrap(StringBuilder sb, String text, String indent, int width) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : Splitter.on(' ').split(text)) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        sb.append(line).append('\n');
        line.setLength(0);
        line.append(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    sb.append(line).append('\n');
  }

  /**
   * Replays the rules over the history, one evaluation per quarter, and returns every transition in
   * time order, then rule order. Rules are grouped by scope (overall, per rep, ...), and each scope
   * gets one query over the records its metrics read.
   */
  static ImmutableList<AlertEvent> alerts(
      Dataset data, List<Rule> rules, LocalDate from, LocalDate to) {
    Map<String, List<Rule>> byScope = new LinkedHashMap<>();
    for (Rule r : rules) {
      byScope.computeIfAbsent(r.dimension().orElse(""), k -> new ArrayList<>()).add(r);
    }
    List<SalesRecord> records = allRecords(data);
    RepDirectory directory = RepDirectory.of(data.reps());
    LeadDirectory leads = LeadDirectory.of(data.leads());
    List<AlertEvent> events = new ArrayList<>();
    for (Map.Entry<String, List<Rule>> scope : byScope.entrySet()) {
      Set<Metric<?, ?>> metrics = new LinkedHashSet<>();
      for (Rule r : scope.getValue()) {
        metrics.add(Metrics.byId(r.metricId()));
      }
      List<Dimension> dims = new ArrayList<>();
      if (!scope.getKey().isEmpty()) {
        dims.add(dimension(scope.getKey(), directory, leads));
      }
      dims.add(Dimension.quarter(UTC));
      MetricTable t =
          Query.of(records)
              .groupBy(dims.toArray(new Dimension[0]))
              .metrics(ImmutableList.copyOf(metrics))
              .periods(from, to)
              .run();
      events.addAll(Replay.run(scope.getValue(), Evaluations.perPeriod(t, Goals.empty())));
    }
    List<String> ruleOrder = new ArrayList<>();
    for (Rule r : rules) {
      ruleOrder.add(r.id());
    }
    events.sort(
        Comparator.comparing(AlertEvent::evaluatedAt)
            .thenComparingInt(e -> ruleOrder.indexOf(e.ruleId()))
            .thenComparing(AlertEvent::group));
    return ImmutableList.copyOf(events);
  }

  private static Dimension dimension(String id, RepDirectory directory, LeadDirectory leads) {
    return switch (id) {
      case "rep" -> Dimension.REP;
      case "team" -> Dimension.team(directory);
      case "region" -> Dimension.region(directory);
      case "product" -> Dimension.PRODUCT;
      case "campaign" -> Dimension.campaign(leads);
      case "source" -> Dimension.source(leads);
      case "customer" -> Dimension.CUSTOMER;
      default ->
          throw new IllegalArgumentException(
              "unknown dimension \"" + id + "\" in a rule's per; expected one of rep, team, region,"
                  + " product, campaign, source, customer");
    };
  }

  /** The values of {@code dimension} whose last event leaves their alert firing. */
  private static Set<String> firingAtEnd(List<AlertEvent> alerts, String dimension) {
    Map<String, Boolean> firing = new LinkedHashMap<>();
    for (AlertEvent e : alerts) {
      Optional<String> value = e.group().get(dimension);
      if (value.isPresent() && e.group().values().size() == 1) {
        firing.put(e.ruleId() + "\u0000" + value.get(), e.to().isFiring());
      }
    }
    Set<String> out = new LinkedHashSet<>();
    firing.forEach(
        (k, v) -> {
          if (v) {
            out.add(k.substring(k.indexOf('\u0000') + 1));
          }
        });
    return out;
  }

  private static List<SalesRecord> allRecords(Dataset data) {
    List<SalesRecord> all = new ArrayList<>();
    all.addAll(data.reps());
    all.addAll(data.quotas());
    all.addAll(data.leads());
    all.addAll(data.deals());
    all.addAll(data.orders());
    all.addAll(data.customers());
    all.addAll(data.campaigns());
    all.addAll(data.responses());
    return all;
  }

  /**
   * The funnel's stages: every stage of the deals' histories in the order of its mean position,
   * leaving out stages whose name contains "lost".
   */
  static ImmutableList<String> stageOrder(List<Deal> deals) {
    Map<String, long[]> positions = new LinkedHashMap<>();
    for (Deal d : deals) {
      List<StageChange> history = d.stageHistory();
      for (int i = 0; i < history.size(); i++) {
        long[] sumAndCount = positions.computeIfAbsent(history.get(i).stage(), k -> new long[2]);
        sumAndCount[0] += i;
        sumAndCount[1]++;
      }
    }
    return positions.entrySet().stream()
        .filter(e -> !e.getKey().toLowerCase(Locale.ROOT).contains("lost"))
        .sorted(
            Comparator.comparingDouble(
                (Map.Entry<String, long[]> e) -> (double) e.getValue()[0] / e.getValue()[1]))
        .map(Map.Entry::getKey)
        .collect(ImmutableList.toImmutableList());
  }

  private static Optional<Instant> lastInstant(Dataset data) {
    Instant last = null;
    for (Deal d : data.deals()) {
      last = max(last, d.closedAt() == null ? d.createdAt() : d.closedAt());
    }
    for (Order o : data.orders()) {
      last = max(last, o.placedAt());
    }
    for (Customer c : data.customers()) {
      last = max(last, c.cancelledAt() == null ? c.signedUpAt() : c.cancelledAt());
    }
    return Optional.ofNullable(last);
  }

  private static Optional<Instant> firstInstant(Dataset data) {
    Instant first = null;
    for (Deal d : data.deals()) {
      first = min(first, d.createdAt());
    }
    for (Order o : data.orders()) {
      first = min(first, o.placedAt());
    }
    for (Customer c : data.customers()) {
      first = min(first, c.signedUpAt());
    }
    for (Lead l : data.leads()) {
      first = min(first, l.createdAt());
    }
    return Optional.ofNullable(first);
  }

  private static Instant max(@Nullable Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static Instant min(@Nullable Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static OptionalDouble number(Optional<MetricValue> v) {
    return v.map(MetricValue::asDouble).orElse(OptionalDouble.empty());
  }

  private static String cell(MetricTable.Row r, Metric<?, ?> metric) {
    return r.value(metric.id()).map(v -> v.asDouble().isPresent() ? v.toString() : "—").orElse("");
  }

  /** A ratio as a percentage without its counts: {@code 104.2%}, or {@code —}. */
  static String percent(MetricValue v) {
    OptionalDouble d = v.asDouble();
    return d.isPresent() ? String.format(Locale.ROOT, "%.1f%%", d.getAsDouble() * 100) : "—";
  }

  /** A ratio as a multiple: {@code 2.35x}, or {@code —}. */
  static String times(MetricValue v) {
    OptionalDouble d = v.asDouble();
    return d.isPresent() ? String.format(Locale.ROOT, "%.2fx", d.getAsDouble()) : "—";
  }

  /** A bar of up to 30 characters for a ratio in [0, 1]. */
  static String bar(Ratio r) {
    OptionalDouble d = r.value();
    if (d.isEmpty()) {
      return "";
    }
    int n = (int) Math.round(Math.max(0, Math.min(1, d.getAsDouble())) * 30);
    return "#".repeat(n);
  }

  /** An aligned text table: the first columns left-aligned, the others right-aligned. */
  static final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private String align;

    TextTable(String... header) {
      this.header = List.of(header);
      this.align = "l" + "r".repeat(header.length - 1);
    }

    /** Sets each column's alignment, {@code l} or {@code r}, e.g. {@code "llrr"}. */
    void align(String spec) {
      if (spec.length() != header.size() || !spec.matches("[lr]*")) {
        throw new IllegalArgumentException(
            "alignment must be one l or r per column (" + header.size() + "): " + spec);
      }
      this.align = spec;
    }

    /** Adds a row; cells are made safe for a terminal ({@link Terminal#safe}). */
    void row(String... cells) {
      if (cells.length != header.size()) {
        throw new IllegalArgumentException(
            "row has " + cells.length + " cells, the header " + header.size());
      }
      List<String> safe = new ArrayList<>(cells.length);
      for (String c : cells) {
        safe.add(Terminal.safe(c));
      }
      rows.add(safe);
    }

    String render() {
      int[] width = new int[header.size()];
      for (int c = 0; c < width.length; c++) {
        width[c] = header.get(c).length();
        for (List<String> row : rows) {
          width[c] = Math.max(width[c], row.get(c).length());
        }
      }
      StringBuilder sb = new StringBuilder();
      line(sb, header, width);
      List<String> rule = new ArrayList<>();
      for (int w : width) {
        rule.add("-".repeat(w));
      }
      line(sb, rule, width);
      for (List<String> row : rows) {
        line(sb, row, width);
      }
      return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] width) {
      int start = sb.length();
      for (int c = 0; c < cells.size(); c++) {
        if (c > 0) {
          sb.append("  ");
        }
        String s = cells.get(c);
        String pad = " ".repeat(width[c] - s.length());
        sb.append(align.charAt(c) == 'l' ? s + pad : pad + s);
      }
      int end = sb.length();
      while (end > start && sb.charAt(end - 1) == ' ') {
        end--;
      }
      sb.setLength(end);
      sb.append('\n');
    }
  }

  /**
   * A progress bar on standard error, drawn only on a console and only once the work has taken
   * more than a second; erased when closed.
   */
  static final class Progress implements AutoCloseable {
    private static final long DELAY_MILLIS = 1000;
    private static final int WIDTH = 30;
    @Nullable private final ScheduledExecutorService timer;
    @Nullable private final ScheduledFuture<?> ticks;
    private final String label;
    private final long startNanos;
    private volatile boolean drawn;
    private volatile boolean finished;

    private Progress(String label, boolean enabled) {
      this.label = label;
      this.startNanos = System.nanoTime();
      if (enabled) {
        timer =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "salesmetrics-progress");
                  t.setDaemon(true);
                  return t;
                });
        ticks = timer.scheduleAtFixedRate(this::draw, DELAY_MILLIS, 100, TimeUnit.MILLISECONDS);
      } else {
        timer = null;
        ticks = null;
      }
    }

    /** A progress bar when the JVM has a terminal, else one that never draws. */
    static Progress onConsole(String label) {
      return new Progress(label, hasTerminal());
    }

    // On JDK 17 to 21 a null console means no terminal; from JDK 22 on, System.console() is never
    // null and Console.isTerminal() (called reflectively: it is not in the JDK 17 API) tells.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean hasTerminal() {
      java.io.Console console = System.console();
      if (console == null) {
        return false;
      }
      try {
        return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
      } catch (ReflectiveOperationException e) {
        return true;
      }
    }

    void done() {
      finished = true;
    }

    private void draw() {
      if (finished) {
        return;
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      System.err.print("\r" + frame(label, seconds, WIDTH));
      System.err.flush();
      drawn = true;
    }

    /**
     * One frame of the bar: the work's length is not known, so a block sweeps the track, one
     * position per tenth of a second.
     */
    static String frame(String label, double seconds, int width) {
      int ticks = (int) (seconds * 10);
      int span = width - 4;
      int pos = ticks % (2 * span);
      int at = pos < span ? pos : 2 * span - pos;
      return String.format(
          Locale.ROOT,
          "%s [%s####%s] %.1f s",
          label,
          " ".repeat(at),
          " ".repeat(span - at),
          seconds);
    }

    @Override
    public void close() {
      finished = true;
      if (ticks != null) {
        ticks.cancel(false);
      }
      if (timer != null) {
        timer.shutdownNow();
        try {
          boolean stopped = timer.awaitTermination(1, TimeUnit.SECONDS);
          if (!stopped) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (drawn) {
          System.err.print("\r" + " ".repeat(label.length() + WIDTH + 12) + "\r");
          System.err.flush();
        }
      }
    }
  }
}
