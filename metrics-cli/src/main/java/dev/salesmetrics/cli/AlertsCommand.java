package dev.salesmetrics.cli;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.internal.Suggestions;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.AlertListener;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Evaluation;
import dev.salesmetrics.rule.Goals;
import dev.salesmetrics.rule.Reference;
import dev.salesmetrics.rule.Replay;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleEngine;
import dev.salesmetrics.rule.RuleFile;
import dev.salesmetrics.rule.WebhookListener;
import dev.salesmetrics.rule.WebhookStats;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import java.util.function.Predicate;
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
      "Replay a rule file over the data, period by period, and print the alert transitions",
      "(period, rule, group, from -> to state, level and a sentence that says why), then a",
      "summary line per rule: how often it fired, in how many groups, and what still fires.",
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

  @Mixin DataOptions input;

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
      names = "--only",
      split = ",",
      paramLabel = "firing|resolved|all",
      description = {
        "Which transitions to print (and post to --webhook): firing (into firing, level changes"
            + " included), resolved (episodes that ended), all (pending and inactive too);"
            + " default firing,resolved."
      })
  List<String> only = new ArrayList<>(List.of("firing", "resolved"));

  @Mixin WebhookOptions webhook;

  /** Exit code when a {@code --webhook} notification was not delivered. */
  static final int WEBHOOK_FAILED = 5;

  /** How long a notification is retried, and how long the command waits for the queue. */
  static final Duration WEBHOOK_GIVE_UP = Duration.ofSeconds(30);

  static final Duration WEBHOOK_WAIT = Duration.ofMinutes(1);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    input.checkRange();
    Predicate<AlertEvent> shown = onlyFilter();
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
    Map<String, Set<Metric<?, ?>>> byScope = new LinkedHashMap<>();
    List<Metric<?, ?>> metrics = new ArrayList<>();
    for (Rule r : rules) {
      String scope = r.dimension().orElse("");
      if (!scope.isEmpty() && !Inputs.DIMENSIONS.contains(scope)) {
        throw usage("rule " + r.id() + ": " + Inputs.unknownDimension(scope));
      }
      Metric<?, ?> m = Metrics.byId(r.metricId());
      byScope.computeIfAbsent(scope, k -> new LinkedHashSet<>()).add(m);
      if (!metrics.contains(m)) {
        metrics.add(m);
      }
    }
    ZoneId z = input.zone();
    LoadOptions.Loaded loaded = input.load(err);
    Optional<String> missing = Inputs.missingFile(metrics, loaded);
    if (missing.isPresent()) {
      throw Failures.badData(missing.get());
    }
    for (Rule r : rules) {
      String scope = r.dimension().orElse("");
      if ((scope.equals("team") || scope.equals("region")) && !loaded.has(CsvFile.REPS)) {
        throw Failures.badData("rule " + r.id() + " is per " + scope + ", which reads reps.csv,"
            + " but the data directory has no reps.csv");
      }
    }
    Optional<LocalDate[]> span = Inputs.span(loaded.data(), z);
    if (span.isEmpty() && (input.from == null || input.to == null)) {
      out.println("no transitions (the data has no events)");
      out.flush();
      return Main.OK;
    }
    LocalDate first = input.from != null ? input.from : span.orElseThrow()[0];
    LocalDate last = input.to != null ? input.to : span.orElseThrow()[1];
    if (!first.isBefore(last)) {
      out.println("no transitions (the range " + first + " to " + last + " is empty)");
      out.flush();
      return Main.OK;
    }
    FiscalCalendar fiscal = input.fiscal();
    Optional<String> tooMany =
        Inputs.tooManyPeriods(
            first,
            last,
            period,
            fiscal,
            Inputs.rangeSource(input.from, input.to),
            Inputs.NARROW_THE_RANGE);
    if (tooMany.isPresent()) {
      throw usage(tooMany.get());
    }
    Dimension periodDim = Dimension.period(period, z, fiscal);
    List<SalesRecord> records = loaded.data().records();
    List<MetricTable> tables = new ArrayList<>();
    try {
      for (Map.Entry<String, Set<Metric<?, ?>>> e : byScope.entrySet()) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(periodDim);
        if (!e.getKey().isEmpty()) {
          dims.add(Inputs.dimension(e.getKey(), loaded.data()));
        }
        tables.add(
            Query.of(records)
                .groupBy(dims.toArray(new Dimension[0]))
                .metrics(new ArrayList<>(e.getValue()))
                .periods(first, last)
                .run());
      }
    } catch (CurrencyMismatchException | ArithmeticException e) {
      throw Failures.badData(e.getMessage());
    }
    Goals goals = goals(rules, loaded.data().quotas());
    if (hookBuilder.isEmpty()) {
      List<AlertEvent> events = Replay.run(rules, evaluations(tables, z, goals));
      print(out, rules, events, shown);
      return Main.OK;
    }
    WebhookListener hook =
        hookBuilder
            .get()
            .queueCapacity(1_000_000)
            .giveUpAfter(WEBHOOK_GIVE_UP)
            .closeTimeout(WEBHOOK_WAIT)
            .build();
    try {
      // the webhook gets the transitions that are printed, in the order printed
      AlertListener posted =
          e -> {
            if (shown.test(e)) {
              hook.onEvent(e);
            }
          };
      RuleEngine engine = RuleEngine.builder().rules(rules).listener(posted).build();
      List<AlertEvent> events = Replay.run(engine, evaluations(tables, z, goals));
      print(out, rules, events, shown);
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

  /** The transitions {@code --only} shows: firing, resolved, all, or a comma list of these. */
  private Predicate<AlertEvent> onlyFilter() {
    Predicate<AlertEvent> p = e -> false;
    if (only.isEmpty()) {
      throw usage("--only needs firing, resolved or all");
    }
    for (String o : only) {
      switch (o.strip().toLowerCase(Locale.ROOT)) {
        case "all" -> p = p.or(e -> true);
        case "firing" -> p = p.or(AlertsCommand::firing);
        case "resolved" -> p = p.or(AlertsCommand::resolved);
        default ->
            throw usage(
                "--only must be firing, resolved or all: \"" + Terminal.safe(o) + "\""
                    + Suggestions.didYouMean(o, List.of("firing", "resolved", "all")));
      }
    }
    return p;
  }

  /** Into firing (from pending or recovering), or a change of level while firing. */
  static boolean firing(AlertEvent e) {
    return e.to().isFiring();
  }

  /** The end of an episode. */
  static boolean resolved(AlertEvent e) {
    return e.to() == AlertState.RESOLVED;
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

  private static void print(
      PrintWriter out, List<Rule> rules, List<AlertEvent> events, Predicate<AlertEvent> shown) {
    List<AlertEvent> printed = new ArrayList<>();
    for (AlertEvent e : events) {
      if (shown.test(e)) {
        printed.add(e);
      }
    }
    out.print(render(printed));
    out.print(System.lineSeparator());
    out.print(summary(rules, events, printed.size(), " (--only all shows every one)"));
    out.flush();
  }

  /** A state as a word: {@code pending}, {@code firing}; the same in alerts and demo. */
  static String word(AlertState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  /** A transition in words: {@code pending -> firing}. */
  static String transition(AlertEvent e) {
    return word(e.from()) + " -> " + word(e.to());
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
            transition(e),
            e.level().map(l -> l.label()).orElse("-"),
            Terminal.safe(e.sentence())
          });
    }
    return aligned(lines);
  }

  /**
   * One line per rule: how many times it started firing, in how many groups, and the groups
   * still firing after the last period; then how many transitions were printed of how many.
   */
  static String summary(List<Rule> rules, List<AlertEvent> events, int printed, String hint) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"rule", "fired", "groups", "firing at the end"});
    for (Rule r : rules) {
      long fired = 0;
      Set<GroupKey> groups = new LinkedHashSet<>();
      Map<GroupKey, Boolean> firingNow = new TreeMap<>();
      for (AlertEvent e : events) {
        if (!e.ruleId().equals(r.id())) {
          continue;
        }
        if (e.to().isFiring() && !e.from().isFiring()) {
          fired++;
          groups.add(e.group());
        }
        firingNow.put(e.group(), e.to().isFiring());
      }
      List<String> stillFiring = new ArrayList<>();
      firingNow.forEach(
          (g, f) -> {
            if (f) {
              stillFiring.add(g.isOverall() ? "overall" : g.label());
            }
          });
      lines.add(
          new String[] {
            Terminal.safe(r.id()),
            Long.toString(fired),
            Integer.toString(groups.size()),
            stillFiring.isEmpty() ? "-" : Terminal.safe(String.join("; ", stillFiring))
          });
    }
    String text = aligned(lines);
    return text + printed + " of " + events.size() + " transitions shown"
        + (printed < events.size() ? hint : "")
        + System.lineSeparator();
  }

  /** Aligns columns two spaces apart; the last column is not padded. */
  private static String aligned(List<String[]> lines) {
    int columns = lines.get(0).length;
    int[] width = new int[columns - 1];
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
      text.append(l[columns - 1]).append(System.lineSeparator());
    }
    return text.toString();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
