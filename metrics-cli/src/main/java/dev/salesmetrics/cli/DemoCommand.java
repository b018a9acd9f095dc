package dev.salesmetrics.cli;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.io.Resources;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.dashboard.Report;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin SampleOrData input;

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
    PrintWriter err = spec.commandLine().getErr();
    List<Rule> ruleSet;
    try {
      ruleSet = rules == null ? defaultRules() : RuleFile.read(rules, Metrics.registry());
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read rule file " + rules);
    }
    for (Rule r : ruleSet) {
      String scope = r.dimension().orElse("");
      if (!scope.isEmpty() && !Inputs.DIMENSIONS.contains(scope)) {
        throw new IllegalArgumentException("rule " + r.id() + ": " + Inputs.unknownDimension(scope));
      }
    }
    Dataset dataset;
    String source;
    Path dir = input.dataDir();
    if (dir == null) {
      var unused = input.csvOptions(null); // the loading options are checked, nothing to load
      dataset = SampleData.generate(SampleData.DEFAULT_SEED);
      source = "sample data (seed " + SampleData.DEFAULT_SEED + ")";
    } else {
      dataset = input.load(null, err, false).data();
      source = dir.toString();
    }
    try {
      out.print(report(dataset, source, ruleSet, all ? Integer.MAX_VALUE : top));
    } catch (CurrencyMismatchException | ArithmeticException e) {
      throw Failures.badData(e.getMessage());
    }
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
                "%,d reps, %,d leads, %,d deals, %,d orders, %,d customers, %,d survey answers",
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
    alertSection(sb, alerts, rules, historyStart, historyEnd);
    return sb.toString();
  }

  private static void scorecard(
      StringBuilder sb, Dataset data, Period month, int top, Set<String> alertedReps) {
    List<Dimension> by = new ArrayList<>(List.of(Dimension.REP));
    if (!data.reps().isEmpty()) {
      by.add(data.team());
    }
    StringBuilder leftOut = new StringBuilder();
    List<Metric<?, ?>> metrics =
        withRecords(
            data,
            leftOut,
            Metrics.DEALS_WON,
            Metrics.SALES_VOLUME,
            Metrics.WIN_RATE,
            Metrics.QUOTA_ATTAINMENT);
    MetricTable t =
        Query.of(data.deals(), data.quotas())
            .groupBy(by.toArray(new Dimension[0]))
            .metrics(metrics)
            .during(month)
            .run();
    List<MetricTable.Row> ranked = new ArrayList<>(t.rows());
    ranked.sort(
        Comparator.comparingDouble(
                (MetricTable.Row r) -> number(r.value(Metrics.SALES_VOLUME.id())).orElse(0))
            .reversed()
            .thenComparing(r -> r.key().get("rep").orElse("")));
    Set<String> shown = new LinkedHashSet<>();
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      String rep = ranked.get(i).key().get("rep").orElse("");
      if (i < top) {
        shown.add(rep);
      } else if (alertedReps.contains(rep)) {
        shown.add(rep);
        extra.add(Terminal.safe(rep) + " (rank " + (i + 1) + ", alert firing)");
      }
    }
    String heading =
        shown.size() == ranked.size()
            ? "every rep"
            : "top " + Math.min(top, ranked.size()) + " of " + ranked.size()
                + " reps by sales volume" + (extra.isEmpty() ? "" : ", plus " + String.join(", ", extra));
    sb.append("== Scorecard ").append(month.label()).append(" (").append(heading).append(")\n");
    sb.append(leftOut);
    sb.append(t.filter(r -> shown.contains(r.key().get("rep").orElse(""))).show());
    if (metrics.contains(Metrics.QUOTA_ATTAINMENT)) {
      sb.append("quota_attainment: sales volume / quota of the month\n");
    }
  }

  private static void trends(StringBuilder sb, Dataset data, Period lastMonth) {
    LocalDate to = lastMonth.endDate();
    LocalDate from = to.minusMonths(TREND_MONTHS);
    sb.append("== Trends per month, ").append(from).append(" to ").append(to.minusDays(1));
    sb.append('\n');
    List<Metric<?, ?>> metrics =
        withRecords(
            data,
            sb,
            Metrics.REVENUE,
            Metrics.ORDERS,
            Metrics.NEW_CUSTOMERS,
            Metrics.CHURN_RATE,
            Metrics.NPS,
            Metrics.WIN_RATE);
    if (metrics.isEmpty()) {
      return;
    }
    MetricTable t =
        Query.of(data.orders(), data.customers(), data.responses(), data.deals())
            .groupBy(Dimension.month(UTC))
            .metrics(metrics)
            .periods(from, to)
            .run();
    sb.append(t.show());
  }

  /**
   * Returns the metrics whose kinds of record the data holds, and notes the others in {@code sb}:
   * {@code (no survey answers in the data: nps left out)}.
   */
  private static List<Metric<?, ?>> withRecords(
      Dataset data, StringBuilder sb, Metric<?, ?>... metrics) {
    List<Metric<?, ?>> kept = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Metric<?, ?> m : metrics) {
      List<CsvFile> missing = new ArrayList<>();
      for (CsvFile f : Inputs.filesOf(m)) {
        if (f != CsvFile.DEAL_STAGES && !has(data, f)) {
          missing.add(f);
        }
      }
      if (missing.isEmpty()) {
        kept.add(m);
      } else {
        left.add(m.id() + " (no record in "
            + missing.stream().map(CsvFile::fileName).collect(Collectors.joining(", ")) + ")");
      }
    }
    if (!left.isEmpty()) {
      sb.append("(left out: ").append(String.join(", ", left)).append(")\n");
    }
    return kept;
  }

  private static boolean has(Dataset data, CsvFile file) {
    return switch (file) {
      case REPS -> !data.reps().isEmpty();
      case QUOTAS -> !data.quotas().isEmpty();
      case LEADS -> !data.leads().isEmpty();
      case DEALS, DEAL_STAGES -> !data.deals().isEmpty();
      case ORDERS -> !data.orders().isEmpty();
      case CUSTOMERS -> !data.customers().isEmpty();
      case CAMPAIGNS -> !data.campaigns().isEmpty();
      case RESPONSES -> !data.responses().isEmpty();
    };
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
    Period year = Period.between(from, to, UTC);
    MetricTable t = Query.of(data.deals()).metrics(metric, Metrics.WIN_RATE).during(year).run();
    if (t.get(GroupKey.overall(), metric).isEmpty()) {
      sb.append("(no deal entered a stage in the period)\n");
      return;
    }
    sb.append(t.show());
  }

  private static void alertSection(
      StringBuilder sb, List<AlertEvent> alerts, List<Rule> rules, LocalDate from, LocalDate to) {
    int ruleCount = rules.size();
    sb.append("== Alerts: ")
        .append(ruleCount)
        .append(ruleCount == 1 ? " rule" : " rules")
        .append(" replayed per quarter, ")
        .append(from)
        .append(" to ")
        .append(to.minusDays(1))
        .append('\n');
    List<AlertEvent> shown = new ArrayList<>();
    for (AlertEvent e : alerts) {
      if (AlertsCommand.firing(e) || AlertsCommand.resolved(e)) {
        shown.add(e);
      }
    }
    if (shown.isEmpty()) {
      sb.append("(no alert fired)\n");
    }
    for (AlertEvent e : shown) {
      sb.append(e.periodLabel())
          .append("  ")
          .append(Terminal.safe(e.ruleId()))
          .append("  ")
          .append(AlertsCommand.transition(e))
          .append(e.level().filter(l -> e.to().isFiring()).map(l -> " (" + l.label() + ")").orElse(""))
          .append('\n');
      wrap(sb, Terminal.safe(e.sentence()), "    ", WIDTH);
    }
    sb.append('\n').append(AlertsCommand.summary(rules, alerts, shown.size(), ""));
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
    List<SalesRecord> records = data.records();
    List<AlertEvent> events = new ArrayList<>();
    for (Map.Entry<String, List<Rule>> scope : byScope.entrySet()) {
      Set<Metric<?, ?>> metrics = new LinkedHashSet<>();
      for (Rule r : scope.getValue()) {
        metrics.add(Metrics.byId(r.metricId()));
      }
      List<Dimension> dims = new ArrayList<>();
      if (!scope.getKey().isEmpty()) {
        dims.add(Inputs.dimension(scope.getKey(), data));
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
}
