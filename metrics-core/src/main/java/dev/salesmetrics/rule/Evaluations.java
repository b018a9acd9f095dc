package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the aggregation core's {@link MetricTable}s into rule {@link Evaluation}s, and quotas into
 * {@link Goals}.
 *
 * <pre>{@code
 * MetricTable weekly = Query.of(deals).groupBy(Dimension.REP, Dimension.week(zone))
 *     .metrics(Metrics.WIN_RATE).run();
 * List<AlertEvent> history = Replay.run(rules, Evaluations.perPeriod(weekly, Goals.empty()));
 * }</pre>
 */
public final class Evaluations {
  private Evaluations() {}

  /**
   * Returns the evaluation of {@code period} at instant {@code evaluatedAt}: the values of the
   * table's rows for that period (or of every row when the table is not grouped by period), keyed
   * by the rows' groups without the period. The evaluation knows the table's metrics and grouping
   * dimensions ({@link Evaluation#knownColumns()}), so that the engine refuses a rule whose metric
   * or {@code per} dimension the table does not have.
   *
   * @param table the figures
   * @param period the period the values are for
   * @param evaluatedAt the evaluation instant (for a period in progress, "now")
   * @param goals the targets
   * @return the evaluation, labelled with the period's label and zone
   */
  public static Evaluation of(MetricTable table, Period period, Instant evaluatedAt, Goals goals) {
    checkNotNull(table, "table");
    checkNotNull(period, "period");
    Evaluation.Builder b =
        Evaluation.builder(evaluatedAt, period.start(), period.end())
            .label(period.label())
            .zone(period.zone())
            .goals(goals)
            .columns(table.metricIds(), table.dimensionIds());
    for (MetricTable.Row row : table.rows()) {
      Optional<Period> rowPeriod = row.period();
      if (rowPeriod.isPresent() && !rowPeriod.get().equals(period)) {
        continue;
      }
      GroupKey key = row.key();
      for (Map.Entry<String, MetricValue> e : row.values().entrySet()) {
        b.value(e.getKey(), key, e.getValue());
      }
    }
    return b.build();
  }

  /**
   * Returns one evaluation per period of a table grouped by period, in time order, each evaluated
   * at its period's end: the input of {@link Replay} over a history.
   *
   * @param table figures grouped by a period dimension
   * @param goals the targets
   * @return the evaluations, oldest first
   * @throws IllegalArgumentException if the table is not grouped by period
   */
  public static ImmutableList<Evaluation> perPeriod(MetricTable table, Goals goals) {
    checkNotNull(table, "table");
    if (!table.hasPeriods()) {
      throw new IllegalArgumentException(
          "a replay needs a table grouped by period, e.g. groupBy(Dimension.month(zone))");
    }
    ImmutableList.Builder<Evaluation> out = ImmutableList.builder();
    table.periods().stream()
        .sorted((a, b) -> a.start().compareTo(b.start()))
        .forEach(p -> out.add(of(table, p, p.end(), goals)));
    return out.build();
  }

  /**
   * Returns goals made from quotas: each quota becomes the target of {@code metricId} for group
   * {@code rep=<rep id>} and the quota's period, in major units (50,000.00 USD is 50000.0), so
   * that {@code quotaGoals(quotas, "sales_volume")} makes sales volume goals per rep.
   *
   * @param quotas the quotas; two quotas of one rep for one period start are added
   * @param metricId the metric the targets are for, e.g. {@code "sales_volume"}
   * @return the goals
   * @throws IllegalArgumentException if a quota's amount is zero (a goal must be positive)
   */
  public static Goals quotaGoals(Iterable<Quota> quotas, String metricId) {
    checkNotNull(quotas, "quotas");
    checkNotNull(metricId, "metricId");
    Map<GroupKey, Map<Instant, BigDecimal>> sums = new LinkedHashMap<>();
    for (Quota q : quotas) {
      sums.computeIfAbsent(GroupKey.of("rep", q.repId()), k -> new LinkedHashMap<>())
          .merge(q.period().start(), q.amount().toBigDecimal(), BigDecimal::add);
    }
    Goals.Builder b = Goals.builder();
    sums.forEach(
        (group, byStart) ->
            byStart.forEach(
                (start, amount) -> b.target(metricId, group, start, amount.doubleValue())));
    return b.build();
  }
}
