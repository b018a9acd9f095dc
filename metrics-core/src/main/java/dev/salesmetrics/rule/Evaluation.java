package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The input of one evaluation: the instant it runs at, the period the values are for, the metric
 * values per metric id and group, and the goals. A group missing from a metric's map has no value
 * at all ("vanished"); a present group with an undefined value is "undefined".
 *
 * <p>An evaluation made from a {@link dev.salesmetrics.aggregate.MetricTable} ({@link
 * Evaluations}) also knows its {@link Columns}: the table's metrics and grouping dimensions. The
 * {@link RuleEngine} then refuses a rule whose metric is not among them or whose {@code per}
 * dimension is not the table's grouping, instead of finding no value and firing nothing.
 * Immutable.
 *
 * <pre>{@code
 * Evaluation e = Evaluation.builder(
 *         Instant.parse("2025-03-10T00:00:00Z"),     // evaluated at
 *         Instant.parse("2025-03-03T00:00:00Z"),     // period start
 *         Instant.parse("2025-03-10T00:00:00Z"))     // period end
 *     .label("2025-W10")
 *     .value("win_rate", GroupKey.of("rep", "R07"), Ratio.of(3, 17))
 *     .build();
 * }</pre>
 *
 * @param evaluatedAt the evaluation instant; timing and pacing use it, never the wall clock
 * @param periodStart the start of the period the values are for, inclusive
 * @param periodEnd the end of the period, exclusive, after the start
 * @param periodLabel a label for the period, e.g. {@code "2025-W10"}
 * @param zone the zone in which dates in sentences are written
 * @param values metric id to (group to value)
 * @param goals the targets, {@link Goals#empty()} when none
 * @param columns the metrics and dimensions the values were computed for, or null when not
 *     known (an evaluation built value by value)
 */
public record Evaluation(
    Instant evaluatedAt,
    Instant periodStart,
    Instant periodEnd,
    String periodLabel,
    ZoneId zone,
    ImmutableMap<String, ImmutableMap<GroupKey, MetricValue>> values,
    Goals goals,
    @Nullable Columns columns) {

  /**
   * Validates the components.
   *
   * @param evaluatedAt the evaluation instant
   * @param periodStart the period's start
   * @param periodEnd the period's end, after the start
   * @param periodLabel the period's label
   * @param zone the zone for dates in sentences
   * @param values metric id to (group to value)
   * @param goals the targets
   * @param columns the metrics and dimensions of the values, or null
   * @throws IllegalArgumentException if the period end is not after its start
   */
  public Evaluation {
    checkNotNull(evaluatedAt, "evaluatedAt");
    checkNotNull(periodStart, "periodStart");
    checkNotNull(periodEnd, "periodEnd");
    checkNotNull(periodLabel, "periodLabel");
    checkNotNull(zone, "zone");
    checkNotNull(values, "values");
    checkNotNull(goals, "goals");
    if (!periodEnd.isAfter(periodStart)) {
      throw new IllegalArgumentException(
          "period end " + periodEnd + " must be after its start " + periodStart);
    }
  }

  /**
   * Starts an evaluation at {@code evaluatedAt} of the period {@code [periodStart, periodEnd)}.
   *
   * @param evaluatedAt the evaluation instant
   * @param periodStart the period's start
   * @param periodEnd the period's end
   * @return a new builder, labelled with the period's start date in its zone, zone UTC, no goals
   */
  public static Builder builder(Instant evaluatedAt, Instant periodStart, Instant periodEnd) {
    return new Builder(evaluatedAt, periodStart, periodEnd);
  }

  /**
   * Returns the metrics and grouping dimensions the values were computed for.
   *
   * @return the columns, or empty when the evaluation was built value by value
   */
  public java.util.Optional<Columns> knownColumns() {
    return java.util.Optional.ofNullable(columns);
  }

  /**
   * The metrics and grouping dimensions (the period aside) of the table an evaluation was made
   * from: a metric id absent from {@code metricIds} was not computed at all, which is not the same
   * as a group without a value. Immutable.
   *
   * @param metricIds the ids of the table's metrics
   * @param dimensionIds the ids of the table's grouping dimensions, without the period; empty for
   *     the overall value only
   */
  public record Columns(ImmutableSet<String> metricIds, ImmutableSet<String> dimensionIds) {
    /**
     * Copies the sets.
     *
     * @param metricIds the metric ids
     * @param dimensionIds the dimension ids
     */
    public Columns {
      metricIds = ImmutableSet.copyOf(metricIds);
      dimensionIds = ImmutableSet.copyOf(dimensionIds);
    }
  }

  /**
   * Returns the values of one metric.
   *
   * @param metricId the metric id
   * @return group to value; empty when the evaluation has no value of that metric
   */
  public ImmutableMap<GroupKey, MetricValue> values(String metricId) {
    ImmutableMap<GroupKey, MetricValue> v = values.get(metricId);
    return v == null ? ImmutableMap.of() : v;
  }

  /** Builds an {@link Evaluation}. Not thread safe. */
  public static final class Builder {
    private final Instant evaluatedAt;
    private final Instant periodStart;
    private final Instant periodEnd;
    @Nullable private String periodLabel;
    private ZoneId zone = ZoneId.of("UTC");
    private final Map<String, Map<GroupKey, MetricValue>> values = new LinkedHashMap<>();
    private Goals goals = Goals.empty();
    @Nullable private Columns columns;

    private Builder(Instant evaluatedAt, Instant periodStart, Instant periodEnd) {
      this.evaluatedAt = checkNotNull(evaluatedAt, "evaluatedAt");
      this.periodStart = checkNotNull(periodStart, "periodStart");
      this.periodEnd = checkNotNull(periodEnd, "periodEnd");
    }

    /**
     * Sets the period's label.
     *
     * @param label e.g. {@code "2025-W10"}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder label(String label) {
      this.periodLabel = checkNotNull(label, "label");
      return this;
    }

    /**
     * Sets the zone for dates in sentences; the default is UTC.
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
     * Sets the value of a metric for a group, replacing any earlier one.
     *
     * @param metricId the metric id
     * @param group the group
     * @param value the value
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder value(String metricId, GroupKey group, MetricValue value) {
      checkNotNull(metricId, "metricId");
      checkNotNull(group, "group");
      checkNotNull(value, "value");
      values.computeIfAbsent(metricId, k -> new LinkedHashMap<>()).put(group, value);
      return this;
    }

    /**
     * Sets the values of a metric for several groups.
     *
     * @param metricId the metric id
     * @param byGroup group to value
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder values(String metricId, Map<GroupKey, ? extends MetricValue> byGroup) {
      checkNotNull(metricId, "metricId");
      Map<GroupKey, MetricValue> m = values.computeIfAbsent(metricId, k -> new LinkedHashMap<>());
      byGroup.forEach(
          (g, v) -> m.put(checkNotNull(g, "group"), checkNotNull(v, "value for " + g)));
      return this;
    }

    /**
     * Sets the goals used by rules against a goal or pace.
     *
     * @param goals the goals
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder goals(Goals goals) {
      this.goals = checkNotNull(goals, "goals");
      return this;
    }

    /**
     * Declares the metrics and grouping dimensions the values were computed for, as {@link
     * Evaluations} does for a table, so that the engine refuses rules that cannot match them.
     *
     * @param metricIds the ids of the metrics computed
     * @param dimensionIds the ids of the grouping dimensions, without the period
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder columns(Collection<String> metricIds, Collection<String> dimensionIds) {
      this.columns =
          new Columns(
              ImmutableSet.copyOf(checkNotNull(metricIds, "metricIds")),
              ImmutableSet.copyOf(checkNotNull(dimensionIds, "dimensionIds")));
      return this;
    }

    /**
     * Builds the evaluation.
     *
     * @return the evaluation
     * @throws IllegalArgumentException if the period end is not after its start
     */
    public Evaluation build() {
      ImmutableMap.Builder<String, ImmutableMap<GroupKey, MetricValue>> b = ImmutableMap.builder();
      values.forEach((k, v) -> b.put(k, ImmutableMap.copyOf(v)));
      String label =
          periodLabel != null ? periodLabel : LocalDate.ofInstant(periodStart, zone).toString();
      return new Evaluation(
          evaluatedAt, periodStart, periodEnd, label, zone, b.buildOrThrow(), goals, columns);
    }
  }
}
