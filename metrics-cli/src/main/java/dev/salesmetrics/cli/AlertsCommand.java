package dev.salesmetrics.cli;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LeadDirectory;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.CsvFormatException;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.Evaluation;
import dev.salesmetrics.rule.Goals;
import dev.salesmetrics.rule.Reference;
import dev.salesmetrics.rule.Replay;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleEngine;
import dev.salesmetrics.rule.RuleFile;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.rule.WebhookListener;
import dev.salesmetrics.rule.WebhookStats;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code salesmetrics alerts}: replays a rule file over the data and prints every transition. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Replay a rule file over the data, period by period, and print every alert transition:",
      "period, rule, group, from->to state, level and a sentence that says why.",
      "Each rule's metric is computed per period (and per value of the rule's 'per' dimension) "
          + "over the days the data spans (or [--from, --to)); each period is evaluated at its "
          + "end. Rules against "
          + "'goal' or 'pace' use the quotas of quotas.csv as targets per rep and period."
    },
    footer = {
      "",
      "Rule file format: docs/RULES.md. Example: metrics-cli/src/main/resources/default-rules.txt",
      "",
      "With --webhook, the command waits up to a minute for the notifications to be delivered"
          + " before exiting.",
      "",
      "Exit codes: 0 ok, 2 bad usage (including a malformed rule file), 3 bad input data,",
      "4 output not written, 5 a --webhook notification not delivered (the transitions are"
          + " printed all the same)."
    })
final class AlertsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Directory of interchange CSV files.")
  Path data;

  @Option(
      names = "--rules",
      required = true,
      paramLabel = "FILE",
      description = "Rule file (docs/RULES.md).")
  Path rulesFile;

  @Option(
      names = "--period",
      paramLabel = "UNIT",
      converter = Options.GranularityConverter.class,
      description = "Evaluation period: day, week, month (default), quarter or year.")
  Granularity period = Granularity.MONTH;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      converter = Options.ZoneConverter.class,
      description = "Zone for periods and dates (default UTC).")
  @Nullable ZoneId zone;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = Options.DateConverter.class,
      description = "First day, YYYY-MM-DD (default: the first day of the data).")
  @Nullable LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = Options.DateConverter.class,
      description = "Day after the last, YYYY-MM-DD, exclusive (default: after the data's last).")
  @Nullable LocalDate to;

  @Mixin WebhookOptions webhook;

  /** Exit code when a {@code --webhook} notification was not delivered. */
  static final int WEBHOOK_FAILED = 5;

  /** How long a notification is retried, and how long the command waits for the queue. */
  static final Duration WEBHOOK_GIVE_UP = Duration.ofSeconds(30);

  static final Duration WEBHOOK_WAIT = Duration.ofMinutes(1);

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (from != null && to != null && !from.isBefore(to)) {
      throw usage("--from " + from + " must be before --to " + to + " (--to is exclusive)");
    }
    Optional<WebhookListener.Builder> hookBuilder = webhook.listener();
    List<Rule> rules;
    try {
      rules = RuleFile.read(rulesFile, Metrics.registry());
    } catch (UncheckedIOException e) {
      throw usage("cannot read rule file " + rulesFile);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (rules.isEmpty()) {
      throw usage("rule file " + rulesFile + " has no rule");
    }
    ZoneId z = zone == null ? ZoneOffset.UTC : zone;
    CsvOptions options = zone == null ? CsvOptions.strict() : CsvOptions.strict().withZone(zone);
    DataLoader.Loaded loaded;
    try {
      loaded = DataLoader.load(data, options);
    } catch (CsvFormatException e) {
      return Failures.badRow(err, data, e);
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw usage("--data " + data + " is not a directory");
    }
    List<String> metricIds = new ArrayList<>();
    rules.forEach(r -> metricIds.add(r.metricId()));
    Optional<String> missing = Inputs.missingFile(metricIds, loaded);
    if (missing.isPresent()) {
      return Failures.badData(err, missing.get());
    }
    RepDirectory reps = RepDirectory.of(loaded.data().reps());
    LeadDirectory leads = LeadDirectory.of(loaded.data().leads());

    // one query per scope: overall, per rep, per team, ...
    Map<String, Set<Metric<?, ?>>> byScope = new LinkedHashMap<>();
    for (Rule r : rules) {
      String scope = r.dimension().orElse("").toLowerCase(Locale.ROOT);
      if ((scope.equals("team") || scope.equals("region")) && !loaded.has(CsvFile.REPS)) {
        return Failures.badData(
            err, "rule " + r.id() + " is per " + scope + ", which reads reps.csv, but the data "
                + "directory has no reps.csv");
      }
      if (!scope.isEmpty() && !Inputs.DIMENSIONS.contains(scope)) {
        throw usage(
            "rule " + r.id() + ": unknown dimension \"" + scope + "\"; expected one of "
                + String.join(", ", Inputs.DIMENSIONS));
      }
      byScope.computeIfAbsent(scope, k -> new LinkedHashSet<>()).add(Metrics.byId(r.metricId()));
    }
    Optional<LocalDate[]> span = Inputs.span(loaded.data(), z);
    if (span.isEmpty()) {
      out.println("no transitions (the data has no events)");
      out.flush();
      return Main.OK;
    }
    LocalDate first = from != null ? from : span.get()[0];
    LocalDate last = to != null ? to : span.get()[1];
    if (!first.isBefore(last)) {
      out.println("no transitions (the range " + first + " to " + last + " is empty)");
      out.flush();
      return Main.OK;
    }
    Optional<String> tooMany =
        Inputs.tooManyPeriods(
            first,
            last,
            period,
            FiscalCalendar.calendar(),
            Inputs.rangeSource(from, to),
            Inputs.NARROW_THE_RANGE);
    if (tooMany.isPresent()) {
      throw usage(tooMany.get());
    }
    Dimension periodDim = Dimension.period(period, z);
    List<MetricTable> tables = new ArrayList<>();
    try {
      for (Map.Entry<String, Set<Metric<?, ?>>> e : byScope.entrySet()) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(periodDim);
        if (!e.getKey().isEmpty()) {
          dims.add(Inputs.dimension(e.getKey(), reps, leads));
        }
        tables.add(
            Query.of(Inputs.records(loaded.data()))
                .groupBy(dims.toArray(new Dimension[0]))
                .metrics(new ArrayList<>(e.getValue()))
                .periods(first, last)
                .run());
      }
    } catch (CurrencyMismatchException | ArithmeticException e) {
      return Failures.badData(err, e.getMessage());
    }
    Goals goals = goals(rules, loaded.data().quotas());
    if (hookBuilder.isEmpty()) {
      List<AlertEvent> events = Replay.run(rules, evaluations(tables, z, goals));
      print(out, events);
      return Main.OK;
    }
    WebhookListener hook =
        hookBuilder
            .get()
            .queueCapacity(1_000_000)
            .giveUpAfter(WEBHOOK_GIVE_UP)
            .closeTimeout(WEBHOOK_WAIT)
            .build();
    List<AlertEvent> events;
    try {
      RuleEngine engine = RuleEngine.builder().rules(rules).listener(hook).build();
      events = Replay.run(engine, evaluations(tables, z, goals));
      print(out, events);
    } finally {
      hook.close();
    }
    WebhookStats stats = hook.stats();
    if (stats.undelivered() > 0) {
      err.println(
          "salesmetrics: webhook " + hook + ": " + stats.undelivered() + " of "
              + (stats.accepted() + stats.repeats()) + " notifications not delivered ("
              + stats.failed() + " failed, " + stats.dropped() + " dropped); last failure: "
              + stats.lastFailure().orElse("none"));
      err.flush();
      return WEBHOOK_FAILED;
    }
    return Main.OK;
  }

  /** Merges the tables into one evaluation per period, evaluated at the period's end. */
  static List<Evaluation> evaluations(List<MetricTable> tables, ZoneId zone, Goals goals) {
    TreeMap<Instant, Period> periods = new TreeMap<>();
    for (MetricTable t : tables) {
      t.periods().forEach(p -> periods.put(p.start(), p));
    }
    List<Evaluation> out = new ArrayList<>();
    for (Period p : periods.values()) {
      Evaluation.Builder b =
          Evaluation.builder(p.end(), p.start(), p.end()).label(p.label()).zone(zone).goals(goals);
      for (MetricTable t : tables) {
        for (MetricTable.Row row : t.rows()) {
          if (!row.period().orElseThrow().equals(p)) {
            continue;
          }
          GroupKey key = row.key();
          for (Map.Entry<String, MetricValue> v : row.values().entrySet()) {
            b.value(v.getKey(), key, v.getValue());
          }
        }
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * Returns quota targets, per rep and quota period in major units, for the metrics of the rules
   * against a goal or pace.
   */
  static Goals goals(List<Rule> rules, List<Quota> quotas) {
    Set<String> metrics = new LinkedHashSet<>();
    for (Rule r : rules) {
      if (r.reference() == Reference.GOAL || r.reference() == Reference.PACE) {
        metrics.add(r.metricId());
      }
    }
    if (metrics.isEmpty() || quotas.isEmpty()) {
      return Goals.empty();
    }
    Map<GroupKey, Map<Instant, BigDecimal>> sums = new LinkedHashMap<>();
    for (Quota q : quotas) {
      sums.computeIfAbsent(GroupKey.of("rep", q.repId()), k -> new LinkedHashMap<>())
          .merge(q.period().start(), q.amount().toBigDecimal(), BigDecimal::add);
    }
    Goals.Builder b = Goals.builder();
    for (String metric : metrics) {
      sums.forEach(
          (group, byStart) ->
              byStart.forEach(
                  (start, amount) -> b.target(metric, group, start, amount.doubleValue())));
    }
    return b.build();
  }

  private static void print(PrintWriter out, List<AlertEvent> events) {
    out.print(render(events));
    out.flush();
  }

  /**
   * Renders the transitions as aligned columns, one line each, with every text from the data or
   * the rule file made safe for a terminal ({@link Terminal#safe}).
   */
  static String render(List<AlertEvent> events) {
    if (events.isEmpty()) {
      return "no transitions" + System.lineSeparator();
    }
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"period", "rule", "group", "transition", "level", "why"});
    for (AlertEvent e : events) {
      lines.add(
          new String[] {
            Terminal.safe(e.periodLabel()),
            Terminal.safe(e.ruleId()),
            Terminal.safe(e.group().isOverall() ? "overall" : e.group().label()),
            e.from() + "->" + e.to(),
            e.level().map(l -> l.label()).orElse("-"),
            Terminal.safe(e.sentence())
          });
    }
    int[] width = new int[5];
    for (String[] l : lines) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], l[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] l : lines) {
      for (int i = 0; i < width.length; i++) {
        text.append(l[i]).append(" ".repeat(width[i] - l[i].length() + 2));
      }
      text.append(l[5]).append(System.lineSeparator());
    }
    return text.toString();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
