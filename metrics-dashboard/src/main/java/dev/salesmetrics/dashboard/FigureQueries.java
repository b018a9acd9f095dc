package dev.salesmetrics.dashboard;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Evaluations;
import dev.salesmetrics.rule.Goals;
import dev.salesmetrics.rule.Reference;
import dev.salesmetrics.rule.Replay;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Computes the {@link Figures} of the default page from a data set: every number comes from a
 * catalogue metric through {@link Query}; this class only chooses the periods, groups and records.
 */
final class FigureQueries {
  /** The metrics of the tiles, over the last complete period and the one before. */
  static final ImmutableList<Metric<?, ?>> TILES =
      ImmutableList.of(
          Metrics.SALES_VOLUME,
          Metrics.WIN_RATE,
          Metrics.AVERAGE_DEAL_SIZE,
          Metrics.SALES_CYCLE,
          Metrics.PIPELINE_VALUE,
          Metrics.PIPELINE_COVERAGE,
          Metrics.NEW_CUSTOMERS,
          Metrics.CHURN_RATE,
          Metrics.NPS,
          // not a tile: everyone's goal when no period is in progress
          Metrics.QUOTA_ATTAINMENT);

  /** The metrics of the trends, over the trend periods and a year earlier. */
  static final ImmutableList<Metric<?, ?>> TRENDS =
      ImmutableList.of(
          Metrics.SALES_VOLUME, Metrics.REVENUE, Metrics.WIN_RATE, Metrics.CHURN_RATE);

  /** The deal's stage as known (at the query's as-of instant): the pipeline's grouping. */
  static final Dimension STAGE =
      Dimension.of("stage", r -> r instanceof Deal d ? d.stage() : null);

  private FigureQueries() {}

  static Figures compute(Dataset data, Settings s) {
    Figures.Builder b = Figures.builder().title(s.title(), s.source());
    Map<String, String> names = new LinkedHashMap<>();
    for (Rep r : data.reps()) {
      names.putIfAbsent(r.id(), r.name());
    }
    b.names(names, currency(data));
    Optional<Instant[]> span = span(data);
    Instant asOf;
    if (s.to() != null) {
      asOf = s.to().atStartOfDay(s.zone()).toInstant();
    } else if (span.isPresent()) {
      asOf =
          LocalDate.ofInstant(span.get()[1], s.zone())
              .plusDays(1)
              .atStartOfDay(s.zone())
              .toInstant();
    } else {
      b.periods(s.granularity(), s.zone(), Instant.EPOCH, null, null);
      return b.alerts(s.rules().size(), List.of(), List.of()).build();
    }
    Period atAsOf = Period.containing(asOf, s.granularity(), s.zone(), s.fiscal());
    Period inProgress = atAsOf.start().equals(asOf) ? null : atAsOf;
    Period last = atAsOf.previous();
    b.periods(s.granularity(), s.zone(), asOf, last, inProgress);
    // the period of the tiles and the leaderboard: the last complete one, or the one in progress
    Period shown = s.showInProgress() && inProgress != null ? inProgress : last;
    if (!shown.equals(last)) {
      b.tilePeriod(shown);
    }
    boolean cut = s.to() != null;

    List<Period> trend = trendPeriods(s, shown);
    b.trendPeriods(trend);
    Period range = Period.ofInstants(trend.get(0).start(), shown.end(), s.zone());

    Dimension byPeriod = Dimension.period(s.granularity(), s.zone(), s.fiscal());
    // the tiles: the shown period and the one before
    MetricTable tiles = null;
    if (s.wants(Panel.TILES) || s.wants(Panel.GOALS)) {
      List<SalesRecord> tileRecords = new ArrayList<>();
      tileRecords.addAll(data.deals());
      tileRecords.addAll(data.quotas());
      tileRecords.addAll(data.customers());
      tileRecords.addAll(data.responses());
      tiles =
          run(Query.of(tileRecords).groupBy(byPeriod).metrics(TILES)
              .periods(List.of(shown.previous(), shown)), cut, asOf);
      b.tiles(tiles);
    }

    // the trends: the trend periods and, for the dotted lines, the same periods a year earlier
    if (s.wants(Panel.TRENDS)) {
      Set<Period> wanted = new LinkedHashSet<>();
      if (s.granularity() != Granularity.YEAR) {
        for (Period p : trend) {
          wanted.add(previousYear(p));
        }
      }
      wanted.addAll(trend);
      List<Period> periods = new ArrayList<>(wanted);
      periods.sort(Comparator.comparing(Period::start));
      List<SalesRecord> trendRecords = new ArrayList<>();
      trendRecords.addAll(data.deals());
      trendRecords.addAll(data.orders());
      trendRecords.addAll(data.customers());
      b.trends(
          trend,
          run(Query.of(trendRecords).groupBy(byPeriod).metrics(TRENDS).periods(periods), cut,
              asOf));
    }

    // open pipeline by stage at the as-of instant, stages as known then
    if (s.wants(Panel.PIPELINE)) {
      b.pipeline(
          run(Query.of(data.deals())
              .groupBy(STAGE)
              .metrics(Metrics.PIPELINE_VALUE, Metrics.WEIGHTED_PIPELINE)
              .during(Period.ofInstants(asOf, asOf.plus(Duration.ofDays(1)), s.zone())), cut,
              asOf));
    }

    // the funnel over the trend range
    if (s.wants(Panel.FUNNEL)) {
      List<String> order = s.stageOrder() != null ? s.stageOrder() : stageOrder(data.deals());
      funnel(b, data, order, range, cut, asOf);
    }

    // leaderboard and goals per rep or team
    if (s.wants(Panel.LEADERBOARD) || s.wants(Panel.GOALS)) {
      List<SalesRecord> dealsAndQuotas = new ArrayList<>(data.deals());
      dealsAndQuotas.addAll(data.quotas());
      Dimension by =
          s.by().equals("team") ? Dimension.team(RepDirectory.of(data.reps())) : Dimension.REP;
      MetricTable board =
          run(Query.of(dealsAndQuotas)
              .groupBy(by)
              .metrics(Metrics.QUOTA_ATTAINMENT, Metrics.SALES_VOLUME)
              .during(shown), cut, asOf);
      b.leaderboard(s.by(), board);
      if (s.wants(Panel.GOALS) && (inProgress == null || inProgress.equals(shown))) {
        // the goals are those of the leaderboard's period: same figures
        b.goals(shown, board,
            checkNotNull(tiles).get(GroupKey.overall(), shown, Metrics.QUOTA_ATTAINMENT)
                .orElse(null));
      } else if (s.wants(Panel.GOALS)) {
        Query goals =
            Query.of(dealsAndQuotas).metrics(Metrics.QUOTA_ATTAINMENT).during(inProgress);
        b.goals(inProgress, run(goals.groupBy(by), cut, asOf),
            run(goals, cut, asOf).get(GroupKey.overall(), Metrics.QUOTA_ATTAINMENT)
                .orElse(null));
      }
    }

    // leads by source over the trend range
    if (s.wants(Panel.LEADS)) {
      b.leads(
          run(Query.of(data.leads())
              .groupBy(Dimension.SOURCE)
              .metrics(Metrics.LEADS_CREATED, Metrics.LEAD_SCORE, Metrics.LEAD_CONVERSION_RATE)
              .during(range), cut, asOf));
    }

    if (s.wants(Panel.ALERTS)) {
      alerts(b, data, s, span.get()[0], asOf, cut, range);
    } else {
      b.alerts(s.rules().size(), List.of(), List.of());
    }
    return b.build();
  }

  /**
   * Runs a query in parallel (same table as on one thread), as of {@code asOf} when the report
   * is cut before the end of the data (then records are seen as they were known at the cut).
   */
  private static MetricTable run(Query q, boolean cut, Instant asOf) {
    return (cut ? q.asOf(asOf) : q).runParallel();
  }

  /** The trend periods: from {@code --from}, or the default number, ending with {@code last}. */
  static List<Period> trendPeriods(Settings s, Period last) {
    List<Period> out = new ArrayList<>();
    if (s.from() != null) {
      Period first = Period.of(s.from(), s.granularity(), s.zone(), s.fiscal());
      for (Period p = last; !p.start().isBefore(first.start()); p = p.previous()) {
        out.add(0, p);
      }
    } else {
      Period p = last;
      for (int i = 0; i < s.periods(); i++) {
        out.add(0, p);
        p = p.previous();
      }
    }
    if (out.isEmpty()) {
      out.add(last);
    }
    return out;
  }

  /** The period a year before {@code p}: 52 weeks before for weeks, the same dates otherwise. */
  static Period previousYear(Period p) {
    Granularity g = p.granularity();
    if (g == null) {
      throw new IllegalArgumentException("a custom period has no previous year: " + p);
    }
    LocalDate start = g == Granularity.WEEK ? p.startDate().minusWeeks(52)
        : p.startDate().minusYears(1);
    return Period.of(start, g, p.zone(), p.fiscal());
  }

  private static void funnel(
      Figures.Builder b,
      Dataset data,
      List<String> order,
      Period range,
      boolean cut,
      Instant asOf) {
    if (order.size() < 2) {
      b.funnel(order, null, List.of());
      return;
    }
    Metric<Deal, StageFunnel> metric = Metrics.stageConversion(order);
    Optional<StageFunnel> funnel =
        run(Query.of(data.deals()).metrics(metric).during(range), cut, asOf)
            .get(GroupKey.overall(), metric);
    if (funnel.isEmpty()) {
      b.funnel(order, null, List.of());
      return;
    }
    List<Ratio> cumulative = new ArrayList<>();
    cumulative.add(funnel.get().steps().get(0).ratio());
    for (int k = 2; k < order.size() - 1; k++) {
      // the conversion from the first stage to stage k is stage_conversion over those two stages
      Metric<Deal, StageFunnel> toK = Metrics.stageConversion(List.of(order.get(0), order.get(k)));
      cumulative.add(
          run(Query.of(data.deals()).metrics(toK).during(range), cut, asOf)
              .get(GroupKey.overall(), toK)
              .map(StageFunnel::overall)
              .orElse(Ratio.empty()));
    }
    if (order.size() > 2) {
      cumulative.add(funnel.get().overall());
    }
    b.funnel(order, funnel.get(), cumulative);
  }

  private static void alerts(
      Figures.Builder b,
      Dataset data,
      Settings s,
      Instant first,
      Instant asOf,
      boolean cut,
      Period range) {
    List<Rule> rules = s.rules();
    if (rules.isEmpty()) {
      b.alerts(0, List.of(), List.of());
      return;
    }
    Granularity g = s.alertGranularity();
    Period firstPeriod = Period.containing(first, g, s.zone(), s.fiscal());
    Period atAsOf = Period.containing(asOf, g, s.zone(), s.fiscal());
    LocalDate from = firstPeriod.startDate();
    LocalDate to = atAsOf.startDate();
    if (!from.isBefore(to)) {
      b.alerts(rules.size(), List.of(), List.of());
      return;
    }
    Map<String, List<Rule>> byScope = new LinkedHashMap<>();
    for (Rule r : rules) {
      String scope = r.dimension().orElse("").toLowerCase(Locale.ROOT);
      byScope.computeIfAbsent(scope, k -> new ArrayList<>()).add(r);
    }
    List<SalesRecord> all = new ArrayList<>();
    all.addAll(data.reps());
    all.addAll(data.quotas());
    all.addAll(data.leads());
    all.addAll(data.deals());
    all.addAll(data.orders());
    all.addAll(data.customers());
    all.addAll(data.campaigns());
    all.addAll(data.responses());
    RepDirectory directory = RepDirectory.of(data.reps());
    List<AlertEvent> events = new ArrayList<>();
    for (Map.Entry<String, List<Rule>> scope : byScope.entrySet()) {
      Set<Metric<?, ?>> metrics = new LinkedHashSet<>();
      for (Rule r : scope.getValue()) {
        metrics.add(Metrics.byId(r.metricId()));
      }
      List<Dimension> dims = new ArrayList<>();
      dims.add(Dimension.period(g, s.zone(), s.fiscal()));
      if (!scope.getKey().isEmpty()) {
        dims.add(dimension(scope.getKey(), directory, scope.getValue().get(0)));
      }
      MetricTable t =
          run(Query.of(all)
              .groupBy(dims.toArray(new Dimension[0]))
              .metrics(ImmutableList.copyOf(metrics))
              .periods(from, to), cut, asOf);
      for (Rule r : scope.getValue()) {
        Goals goals =
            r.reference() == Reference.GOAL || r.reference() == Reference.PACE
                ? Evaluations.quotaGoals(data.quotas(), r.metricId())
                : Goals.empty();
        events.addAll(Replay.run(List.of(r), Evaluations.perPeriod(t, goals)));
      }
    }
    List<String> ruleOrder = new ArrayList<>();
    rules.forEach(r -> ruleOrder.add(r.id()));
    events.sort(
        Comparator.comparing(AlertEvent::evaluatedAt)
            .thenComparingInt(e -> ruleOrder.indexOf(e.ruleId()))
            .thenComparing(AlertEvent::group));
    List<AlertEvent> fired = new ArrayList<>();
    for (AlertEvent e : events) {
      if (e.to() == AlertState.FIRING
          && e.from() != AlertState.RECOVERING
          && e.evaluatedAt().isAfter(range.start())
          && !e.evaluatedAt().isAfter(range.end())) {
        fired.add(e);
      }
    }
    b.alerts(rules.size(), fired, events);
  }

  private static Dimension dimension(String id, RepDirectory directory, Rule rule) {
    return switch (id) {
      case "rep" -> Dimension.REP;
      case "team" -> Dimension.team(directory);
      case "region" -> Dimension.region(directory);
      case "product" -> Dimension.PRODUCT;
      case "campaign" -> Dimension.CAMPAIGN;
      case "source" -> Dimension.SOURCE;
      case "customer" -> Dimension.CUSTOMER;
      default ->
          throw new IllegalArgumentException(
              "rule " + rule.id() + ": unknown dimension \"" + id + "\" in per; expected one of"
                  + " rep, team, region, product, campaign, source, customer");
    };
  }

  /**
   * The funnel's stages when none is given: every stage of the deals' histories in the order of
   * its mean position in them, leaving out stages whose name contains "lost".
   */
  static ImmutableList<String> stageOrder(List<Deal> deals) {
    Map<String, long[]> positions = new HashMap<>(); // sorted below: order does not matter
    for (Deal d : deals) {
      List<StageChange> history = d.stageHistory();
      for (int i = 0; i < history.size(); i++) {
        long[] sumAndCount = positions.computeIfAbsent(history.get(i).stage(), k -> new long[2]);
        sumAndCount[0] += i;
        sumAndCount[1]++;
      }
    }
    List<Map.Entry<String, long[]>> entries = new ArrayList<>();
    for (Map.Entry<String, long[]> e : positions.entrySet()) {
      if (!e.getKey().toLowerCase(Locale.ROOT).contains("lost")) {
        entries.add(e);
      }
    }
    // compare mean positions exactly: a/b < c/d  <=>  a*d < c*b
    entries.sort(
        (x, y) -> {
          int c =
              Long.compare(
                  Math.multiplyExact(x.getValue()[0], y.getValue()[1]),
                  Math.multiplyExact(y.getValue()[0], x.getValue()[1]));
          return c != 0 ? c : x.getKey().compareTo(y.getKey());
        });
    ImmutableList.Builder<String> out = ImmutableList.builder();
    entries.forEach(e -> out.add(e.getKey()));
    return out.build();
  }

  /** The first and last event instants of the data, or empty when it has none. */
  static Optional<Instant[]> span(Dataset data) {
    Instant[] b = new Instant[2];
    for (Lead l : data.leads()) {
      widen(b, l.createdAt());
      widen(b, l.firstContactAt());
      widen(b, l.convertedAt());
    }
    // the deals are the most records: their span is found in parallel
    Instant[] deals =
        data.deals().parallelStream()
            .map(
                d -> {
                  Instant[] one = new Instant[2];
                  widen(one, d.createdAt());
                  widen(one, d.closedAt());
                  for (StageChange c : d.stageHistory()) {
                    widen(one, c.enteredAt());
                  }
                  return one;
                })
            .reduce(
                new Instant[2],
                (x, y) -> {
                  Instant[] both = x.clone();
                  widen(both, y[0]);
                  widen(both, y[1]);
                  return both;
                });
    widen(b, deals[0]);
    widen(b, deals[1]);
    for (Order o : data.orders()) {
      widen(b, o.placedAt());
    }
    for (Customer c : data.customers()) {
      widen(b, c.signedUpAt());
      widen(b, c.activatedAt());
      widen(b, c.cancelledAt());
    }
    for (SurveyResponse r : data.responses()) {
      widen(b, r.respondedAt());
    }
    return b[0] == null ? Optional.empty() : Optional.of(b);
  }

  private static void widen(Instant[] b, @Nullable Instant t) {
    if (t == null) {
      return;
    }
    if (b[0] == null || t.isBefore(b[0])) {
      b[0] = t;
    }
    if (b[1] == null || t.isAfter(b[1])) {
      b[1] = t;
    }
  }

  /** The currency of the first deal, quota or order, for the counts of money ratios. */
  @Nullable
  static Currency currency(Dataset data) {
    if (!data.deals().isEmpty()) {
      return data.deals().get(0).amount().currency();
    }
    if (!data.quotas().isEmpty()) {
      return data.quotas().get(0).amount().currency();
    }
    if (!data.orders().isEmpty()) {
      return data.orders().get(0).amount().currency();
    }
    return null;
  }
}
