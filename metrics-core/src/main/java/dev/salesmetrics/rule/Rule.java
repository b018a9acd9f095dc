package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.internal.Suggestions;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A threshold rule: a metric, a scope, a condition against a reference, severity levels with
 * optional recovery thresholds, timing, a minimum sample and policies for undefined values and
 * vanished groups. Built with {@link #builder(String)}; every inconsistency is rejected when the
 * rule is built. Immutable and thread safe.
 *
 * <pre>{@code
 * Rule lowWinRate = Rule.builder("low-win-rate")
 *     .metric("win_rate", "Win rate", MetricUnit.RATIO)
 *     .per("rep")
 *     .below()
 *     .warning(0.20, 0.22)
 *     .critical(0.10)
 *     .forEvaluations(2)
 *     .minimumSample(5)
 *     .build();
 * }</pre>
 */
public final class Rule {
  private final String id;
  private final String metricId;
  private final String metricName;
  private final MetricUnit unit;
  @Nullable private final String dimension;
  private final Comparison comparison;
  private final Reference reference;
  private final int baselinePeriods;
  private final ImmutableList<Level> levels;
  private final int forEvaluations;
  private final Duration forDuration;
  private final int keepFiringForEvaluations;
  private final Duration keepFiringFor;
  private final long minimumSample;
  private final UndefinedPolicy undefinedPolicy;
  private final int resolveVanishedAfter;

  private Rule(Builder b, ImmutableList<Level> levels) {
    this.id = b.id;
    this.metricId = checkNotNull(b.metricId);
    this.metricName = checkNotNull(b.metricName);
    this.unit = checkNotNull(b.unit);
    this.dimension = b.dimension;
    this.comparison = checkNotNull(b.comparison);
    this.reference = b.reference;
    this.baselinePeriods = b.baselinePeriods;
    this.levels = levels;
    this.forEvaluations = b.forEvaluations;
    this.forDuration = b.forDuration;
    this.keepFiringForEvaluations = b.keepFiringForEvaluations;
    this.keepFiringFor = b.keepFiringFor;
    this.minimumSample = b.minimumSample;
    this.undefinedPolicy = b.undefinedPolicy;
    this.resolveVanishedAfter = b.resolveVanishedAfter;
  }

  /**
   * Starts a rule with the given id.
   *
   * @param id the rule's id, unique within an engine, not blank
   * @return a new builder
   * @throws IllegalArgumentException if the id is blank
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Returns the rule's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the id of the metric the rule watches.
   *
   * @return e.g. {@code "win_rate"}
   */
  public String metricId() {
    return metricId;
  }

  /**
   * Returns the metric's display name, used in sentences.
   *
   * @return e.g. {@code "Win rate"}
   */
  public String metricName() {
    return metricName;
  }

  /**
   * Returns the metric's unit, used to format thresholds.
   *
   * @return the unit
   */
  public MetricUnit unit() {
    return unit;
  }

  /**
   * Returns the dimension the rule is evaluated per, or empty for the overall group only.
   *
   * @return the dimension id, e.g. {@code "rep"}, or empty
   */
  public Optional<String> dimension() {
    return Optional.ofNullable(dimension);
  }

  /**
   * Tells whether the rule watches a group: with a dimension, groups whose key has exactly that
   * one dimension; otherwise the overall group.
   *
   * @param group a group key
   * @return true when the group is in the rule's scope
   */
  public boolean selects(GroupKey group) {
    if (dimension == null) {
      return group.isOverall();
    }
    return group.values().size() == 1 && group.values().containsKey(dimension);
  }

  /**
   * Returns the comparison.
   *
   * @return above, below or outside
   */
  public Comparison comparison() {
    return comparison;
  }

  /**
   * Returns what the rule compares.
   *
   * @return the reference
   */
  public Reference reference() {
    return reference;
  }

  /**
   * Returns the number of periods in the rolling baseline.
   *
   * @return N for {@link Reference#BASELINE}, 1 for {@link Reference#PREVIOUS_PERIOD}, else 0
   */
  public int baselinePeriods() {
    return baselinePeriods;
  }

  /**
   * Returns the rule's severity levels, lowest first.
   *
   * @return one or two levels
   */
  public ImmutableList<Severity> severities() {
    return levels.stream().map(Level::severity).collect(ImmutableList.toImmutableList());
  }

  ImmutableList<Level> levels() {
    return levels;
  }

  /**
   * Returns how many consecutive breached evaluations the rule waits for before it fires.
   *
   * @return {@code >= 1}; 1 fires at the first breach
   */
  public int forEvaluations() {
    return forEvaluations;
  }

  /**
   * Returns how long the condition must hold, from the first breach, before the rule fires.
   *
   * @return a non-negative duration; zero fires at the first breach
   */
  public Duration forDuration() {
    return forDuration;
  }

  /**
   * Returns how many evaluations after it clears a firing alert keeps firing.
   *
   * @return {@code >= 0}
   */
  public int keepFiringForEvaluations() {
    return keepFiringForEvaluations;
  }

  /**
   * Returns how long after it clears a firing alert keeps firing.
   *
   * @return a non-negative duration
   */
  public Duration keepFiringFor() {
    return keepFiringFor;
  }

  /**
   * Returns the minimum sample size; values over fewer records are treated as undefined.
   *
   * @return {@code >= 0}
   */
  public long minimumSample() {
    return minimumSample;
  }

  /**
   * Returns the policy for undefined values.
   *
   * @return the policy
   */
  public UndefinedPolicy undefinedPolicy() {
    return undefinedPolicy;
  }

  /**
   * Returns after how many consecutive evaluations without a value a group is resolved and
   * forgotten.
   *
   * @return {@code >= 1}
   */
  public int resolveVanishedAfter() {
    return resolveVanishedAfter;
  }

  boolean keepsFiring() {
    return keepFiringForEvaluations > 0 || !keepFiringFor.isZero();
  }

  /**
   * Describes the rule in one line, such as {@code "low-win-rate: win_rate per rep below
   * warning 20% (recovers at 22%), critical 10%, for 2 evaluations"}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(id).append(": ").append(metricId);
    s.append(dimension == null ? " overall" : " per " + dimension);
    switch (reference) {
      case GOAL -> s.append(" vs goal");
      case PACE -> s.append(" vs pace");
      case PREVIOUS_PERIOD -> s.append(" vs previous period");
      case BASELINE -> s.append(" vs mean of last ").append(baselinePeriods).append(" periods");
      case VALUE -> { }
    }
    s.append(' ').append(comparison.word());
    List<String> parts = new ArrayList<>();
    for (Level level : levels) {
      parts.add(level.severity().label() + " " + Formats.levelText(this, level));
    }
    s.append(' ').append(String.join(", ", parts));
    if (forEvaluations > 1) {
      s.append(", for ").append(forEvaluations).append(" evaluations");
    }
    if (!forDuration.isZero()) {
      s.append(", for ").append(Formats.duration(forDuration));
    }
    if (keepFiringForEvaluations > 0) {
      s.append(", keep firing for ").append(keepFiringForEvaluations).append(" evaluations");
    }
    if (!keepFiringFor.isZero()) {
      s.append(", keep firing for ").append(Formats.duration(keepFiringFor));
    }
    if (minimumSample > 0) {
      s.append(", minimum sample ").append(minimumSample);
    }
    return s.toString();
  }

  /**
   * Builds a {@link Rule}. Setters check their argument at once; {@link #build()} checks the rule
   * as a whole. Not thread safe.
   */
  public static final class Builder {
    private final String id;
    @Nullable private String metricId;
    @Nullable private String metricName;
    @Nullable private MetricUnit unit;
    @Nullable private String dimension;
    @Nullable private Comparison comparison;
    private Reference reference = Reference.VALUE;
    private int baselinePeriods;
    private final Map<Severity, double[]> thresholds = new EnumMap<>(Severity.class);
    private final Map<Severity, Boolean> bands = new EnumMap<>(Severity.class);
    private int forEvaluations = 1;
    private Duration forDuration = Duration.ZERO;
    private int keepFiringForEvaluations;
    private Duration keepFiringFor = Duration.ZERO;
    private long minimumSample;
    private UndefinedPolicy undefinedPolicy = UndefinedPolicy.KEEP_STATE;
    private int resolveVanishedAfter = 1;

    private Builder(String id) {
      checkNotNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("rule id must not be blank: '" + id + "'");
      }
      this.id = id;
    }

    /**
     * Sets the metric the rule watches, with the name and unit used in sentences.
     *
     * @param metricId the metric id, e.g. {@code "win_rate"}
     * @param displayName the name in sentences, e.g. {@code "Win rate"}
     * @param unit the metric's unit; not {@link MetricUnit#TABLE}
     * @return this builder
     * @throws IllegalArgumentException if the id or name is blank or the unit is TABLE
     */
    @CanIgnoreReturnValue
    public Builder metric(String metricId, String displayName, MetricUnit unit) {
      checkNotNull(metricId, "metricId");
      checkNotNull(displayName, "displayName");
      checkNotNull(unit, "unit");
      if (metricId.isBlank()) {
        throw new IllegalArgumentException("metric id must not be blank for rule " + id);
      }
      if (displayName.isBlank()) {
        throw new IllegalArgumentException("metric display name must not be blank for rule " + id);
      }
      if (unit == MetricUnit.TABLE) {
        throw new IllegalArgumentException(
            "metric unit must not be TABLE for rule " + id + ": a table has no single value");
      }
      this.metricId = metricId;
      this.metricName = displayName;
      this.unit = unit;
      return this;
    }

    /**
     * Sets the metric the rule watches from its definition: its id, its unit and its display name
     * ({@link Metric#displayName()}).
     *
     * @param metric the metric
     * @return this builder
     * @throws IllegalArgumentException if the metric's unit is TABLE
     */
    @CanIgnoreReturnValue
    public Builder metric(Metric<?, ?> metric) {
      checkNotNull(metric, "metric");
      return metric(metric.id(), metric.displayName(), metric.unit());
    }

    /**
     * Evaluates the rule for the overall group only. The default.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder overall() {
      this.dimension = null;
      return this;
    }

    /**
     * Evaluates the rule per value of a dimension: each group whose key has exactly this one
     * dimension. The id must be a dimension id (lowercase snake_case, not {@code period}): a
     * built-in one ({@link Dimension#builtInIds()}) or a custom one ({@link Dimension#of}).
     * Whether the values the rule is evaluated on are grouped by it is checked by the {@link
     * RuleEngine} on an evaluation made from a table.
     *
     * @param dimension the dimension id, e.g. {@code "rep"}
     * @return this builder
     * @throws IllegalArgumentException if blank or not a dimension id; the message suggests the
     *     closest built-in id ({@code "Rep"}: did you mean rep?)
     */
    @CanIgnoreReturnValue
    public Builder per(String dimension) {
      checkNotNull(dimension, "dimension");
      if (dimension.isBlank()) {
        throw new IllegalArgumentException("dimension must not be blank for rule " + id);
      }
      if (!Dimension.isValidId(dimension)) {
        throw new IllegalArgumentException(
            "dimension of rule " + id + " must be a lowercase dimension id such as "
                + String.join(", ", Dimension.builtInIds()) + ": \"" + dimension + "\""
                + Suggestions.didYouMean(dimension, Dimension.builtInIds()));
      }
      this.dimension = dimension;
      return this;
    }

    /**
     * Breaches when the compared quantity is greater than a level's trigger.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder above() {
      this.comparison = Comparison.ABOVE;
      return this;
    }

    /**
     * Breaches when the compared quantity is less than a level's trigger.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder below() {
      this.comparison = Comparison.BELOW;
      return this;
    }

    /**
     * Breaches when the compared quantity is outside a level's band; levels are then given with
     * {@link #warningBand} and {@link #criticalBand}.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder outside() {
      this.comparison = Comparison.OUTSIDE;
      return this;
    }

    /**
     * Compares the metric's own value. The default.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder againstValue() {
      this.reference = Reference.VALUE;
      this.baselinePeriods = 0;
      return this;
    }

    /**
     * Compares attainment of the goal for the group and period, {@code value / target}: a
     * threshold of 0.8 means 80% of goal.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder againstGoal() {
      this.reference = Reference.GOAL;
      this.baselinePeriods = 0;
      return this;
    }

    /**
     * Compares the run-rate forecast attainment {@code value / (target × elapsed)}: below 1 is
     * behind pace.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder againstPace() {
      this.reference = Reference.PACE;
      this.baselinePeriods = 0;
      return this;
    }

    /**
     * Shorthand for {@code againstPace().below().warning(1.0)}: warns when behind pace on the
     * goal.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder behindPace() {
      return againstPace().below().warning(1.0);
    }

    /**
     * Compares the percent change on the previous period, as a fraction: {@code -0.15} is 15%
     * down.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder againstPreviousPeriod() {
      this.reference = Reference.PREVIOUS_PERIOD;
      this.baselinePeriods = 1;
      return this;
    }

    /**
     * Compares the percent change on the mean of the last {@code periods} periods, as a
     * fraction. With fewer than {@code periods} contiguous previous periods of defined values the
     * quantity is undefined and the undefined-value policy applies.
     *
     * @param periods N, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code periods < 1}
     */
    @CanIgnoreReturnValue
    public Builder againstBaseline(int periods) {
      if (periods < 1) {
        throw new IllegalArgumentException(
            "baseline periods must be >= 1 for rule " + id + ": " + periods);
      }
      this.reference = Reference.BASELINE;
      this.baselinePeriods = periods;
      return this;
    }

    /**
     * Sets the warning level's trigger, recovering when the condition no longer holds.
     *
     * @param trigger the threshold
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    @CanIgnoreReturnValue
    public Builder warning(double trigger) {
      return level(Severity.WARNING, trigger, trigger);
    }

    /**
     * Sets the warning level's trigger and recovery threshold: once firing, the alert holds until
     * the quantity is past {@code recovery} (hysteresis).
     *
     * @param trigger the threshold that fires
     * @param recovery the threshold to cross back; for {@code above} at most the trigger, for
     *     {@code below} at least the trigger (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    @CanIgnoreReturnValue
    public Builder warning(double trigger, double recovery) {
      return level(Severity.WARNING, trigger, recovery);
    }

    /**
     * Sets the critical level's trigger.
     *
     * @param trigger the threshold, beyond the warning trigger if there is one
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    @CanIgnoreReturnValue
    public Builder critical(double trigger) {
      return level(Severity.CRITICAL, trigger, trigger);
    }

    /**
     * Sets the critical level's trigger and recovery threshold.
     *
     * @param trigger the threshold that fires, beyond the warning trigger if there is one
     * @param recovery the threshold to cross back
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    @CanIgnoreReturnValue
    public Builder critical(double trigger, double recovery) {
      return level(Severity.CRITICAL, trigger, recovery);
    }

    /**
     * Sets the warning band for an {@link #outside()} rule: breached below {@code low} or above
     * {@code high}.
     *
     * @param low the band's low end
     * @param high the band's high end, {@code > low}
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    @CanIgnoreReturnValue
    public Builder warningBand(double low, double high) {
      return band(Severity.WARNING, low, high, low, high);
    }

    /**
     * Sets the warning band with a recovery band inside it.
     *
     * @param low the band's low end
     * @param high the band's high end
     * @param recoveryLow the recovery band's low end, {@code >= low}
     * @param recoveryHigh the recovery band's high end, {@code <= high}
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    @CanIgnoreReturnValue
    public Builder warningBand(double low, double high, double recoveryLow, double recoveryHigh) {
      return band(Severity.WARNING, low, high, recoveryLow, recoveryHigh);
    }

    /**
     * Sets the critical band for an {@link #outside()} rule; it must contain the warning band.
     *
     * @param low the band's low end
     * @param high the band's high end
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    @CanIgnoreReturnValue
    public Builder criticalBand(double low, double high) {
      return band(Severity.CRITICAL, low, high, low, high);
    }

    /**
     * Sets the critical band with a recovery band inside it.
     *
     * @param low the band's low end
     * @param high the band's high end
     * @param recoveryLow the recovery band's low end, {@code >= low}
     * @param recoveryHigh the recovery band's high end, {@code <= high}
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    @CanIgnoreReturnValue
    public Builder criticalBand(double low, double high, double recoveryLow, double recoveryHigh) {
      return band(Severity.CRITICAL, low, high, recoveryLow, recoveryHigh);
    }

    private Builder level(Severity severity, double trigger, double recovery) {
      finite(severity, "trigger", trigger);
      finite(severity, "recovery threshold", recovery);
      thresholds.put(severity, new double[] {trigger, recovery});
      bands.put(severity, false);
      return this;
    }

    private Builder band(Severity s, double low, double high, double recLow, double recHigh) {
      finite(s, "band low end", low);
      finite(s, "band high end", high);
      finite(s, "recovery band low end", recLow);
      finite(s, "recovery band high end", recHigh);
      thresholds.put(s, new double[] {low, high, recLow, recHigh});
      bands.put(s, true);
      return this;
    }

    private void finite(Severity severity, String what, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            severity.label() + " " + what + " must be finite for rule " + id + ": " + value);
      }
    }

    /**
     * Fires only after the condition held for {@code n} consecutive evaluations; pending until
     * then.
     *
     * @param n the number of evaluations, {@code >= 1}; 1 (the default) fires at once
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    @CanIgnoreReturnValue
    public Builder forEvaluations(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("for evaluations must be >= 1 for rule " + id + ": " + n);
      }
      this.forEvaluations = n;
      return this;
    }

    /**
     * Fires only once the condition has held for {@code duration} since its first breach
     * (Prometheus {@code for}); pending until then. With {@link #forEvaluations} both must be
     * met.
     *
     * @param duration non-negative; zero (the default) fires at once
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    @CanIgnoreReturnValue
    public Builder forDuration(Duration duration) {
      checkNotNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException(
            "for duration must not be negative for rule " + id + ": " + duration);
      }
      this.forDuration = duration;
      return this;
    }

    /**
     * Keeps a firing alert firing (state {@link AlertState#RECOVERING}) until {@code duration}
     * has passed since the condition cleared (Prometheus {@code keep_firing_for}).
     *
     * @param duration non-negative; zero (the default) resolves at once
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    @CanIgnoreReturnValue
    public Builder keepFiringFor(Duration duration) {
      checkNotNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException(
            "keep firing duration must not be negative for rule " + id + ": " + duration);
      }
      this.keepFiringFor = duration;
      return this;
    }

    /**
     * Keeps a firing alert firing for {@code n} evaluations after the one where the condition
     * cleared. With {@link #keepFiringFor(Duration)} both must have passed.
     *
     * @param n the number of evaluations, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    @CanIgnoreReturnValue
    public Builder keepFiringForEvaluations(int n) {
      if (n < 0) {
        throw new IllegalArgumentException(
            "keep firing evaluations must be >= 0 for rule " + id + ": " + n);
      }
      this.keepFiringForEvaluations = n;
      return this;
    }

    /**
     * Treats values over fewer than {@code n} records ({@code MetricValue.sampleSize()}) as
     * undefined.
     *
     * @param n the minimum sample, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    @CanIgnoreReturnValue
    public Builder minimumSample(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("minimum sample must be >= 0 for rule " + id + ": " + n);
      }
      this.minimumSample = n;
      return this;
    }

    /**
     * Sets the policy for undefined values; the default is {@link UndefinedPolicy#KEEP_STATE}.
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder whenUndefined(UndefinedPolicy policy) {
      this.undefinedPolicy = checkNotNull(policy, "policy");
      return this;
    }

    /**
     * Resolves (and forgets) a group after {@code k} consecutive evaluations in which it has no
     * value at all; until then its state is kept unchanged. The default is 1.
     *
     * @param k the number of evaluations, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code k < 1}
     */
    @CanIgnoreReturnValue
    public Builder resolveVanishedAfter(int k) {
      if (k < 1) {
        throw new IllegalArgumentException(
            "resolve vanished after must be >= 1 for rule " + id + ": " + k);
      }
      this.resolveVanishedAfter = k;
      return this;
    }

    /**
     * Checks the rule as a whole and builds it.
     *
     * @return the rule
     * @throws IllegalStateException if the metric, the comparison or every level is missing
     * @throws IllegalArgumentException if a recovery threshold is on the wrong side of its
     *     trigger, the levels are out of order for the comparison, or bands are used with a
     *     one-sided comparison (or the other way round)
     */
    public Rule build() {
      if (metricId == null) {
        throw new IllegalStateException("rule " + id + " has no metric: call metric(...)");
      }
      if (comparison == null) {
        throw new IllegalStateException(
            "rule " + id + " has no comparison: call above(), below() or outside()");
      }
      if (thresholds.isEmpty()) {
        throw new IllegalStateException(
            "rule " + id + " has no level: call warning(...) or critical(...)");
      }
      ImmutableList.Builder<Level> levels = ImmutableList.builder();
      for (Map.Entry<Severity, double[]> e : thresholds.entrySet()) {
        levels.add(checkLevel(e.getKey(), e.getValue(), bands.get(e.getKey())));
      }
      ImmutableList<Level> built = levels.build();
      if (built.size() == 2) {
        checkOrder(built.get(0), built.get(1));
      }
      return new Rule(this, built);
    }

    private Level checkLevel(Severity s, double[] t, boolean band) {
      String name = s.label();
      Comparison c = checkNotNull(comparison);
      if (band != (c == Comparison.OUTSIDE)) {
        throw new IllegalArgumentException(
            band
                ? name + " band needs outside() for rule " + id + ", not " + c.word() + "()"
                : name + " level of an outside() rule " + id + " needs " + name + "Band(...)");
      }
      switch (c) {
        case ABOVE -> {
          if (t[1] > t[0]) {
            throw new IllegalArgumentException(
                name + " recovery threshold " + t[1] + " must be <= its trigger " + t[0]
                    + " for rule " + id + " (above)");
          }
          return Level.above(s, t[0], t[1]);
        }
        case BELOW -> {
          if (t[1] < t[0]) {
            throw new IllegalArgumentException(
                name + " recovery threshold " + t[1] + " must be >= its trigger " + t[0]
                    + " for rule " + id + " (below)");
          }
          return Level.below(s, t[0], t[1]);
        }
        case OUTSIDE -> {
          if (!(t[0] < t[1])) {
            throw new IllegalArgumentException(
                name + " band low end " + t[0] + " must be < its high end " + t[1]
                    + " for rule " + id);
          }
          if (t[2] < t[0] || t[3] > t[1] || t[2] > t[3]) {
            throw new IllegalArgumentException(
                name + " recovery band [" + t[2] + ", " + t[3] + "] must lie inside the band ["
                    + t[0] + ", " + t[1] + "] for rule " + id);
          }
          return Level.outside(s, t[0], t[1], t[2], t[3]);
        }
      }
      throw new AssertionError(c);
    }

    private void checkOrder(Level warning, Level critical) {
      switch (checkNotNull(comparison)) {
        case ABOVE -> {
          if (!(critical.high() > warning.high())) {
            throw new IllegalArgumentException(
                "critical trigger " + critical.high() + " must be > warning trigger "
                    + warning.high() + " for rule " + id + " (above)");
          }
        }
        case BELOW -> {
          if (!(critical.low() < warning.low())) {
            throw new IllegalArgumentException(
                "critical trigger " + critical.low() + " must be < warning trigger "
                    + warning.low() + " for rule " + id + " (below)");
          }
        }
        case OUTSIDE -> {
          if (!(critical.low() < warning.low() && critical.high() > warning.high())) {
            throw new IllegalArgumentException(
                "critical band [" + critical.low() + ", " + critical.high()
                    + "] must strictly contain the warning band [" + warning.low() + ", "
                    + warning.high() + "] for rule " + id);
          }
        }
      }
    }
  }

  /**
   * Returns the display name of a metric id: the {@link Metric#displayName()} of the built-in
   * metric with that id ({@code win_rate.all_created} reads "Win rate (all created)", {@code arpu}
   * "ARPU"), else {@link Metric#defaultDisplayName(String)}.
   *
   * @param metricId a metric id
   * @return the display name
   */
  public static String displayName(String metricId) {
    return Metrics.registry()
        .find(metricId)
        .map(Metric::displayName)
        .orElseGet(() -> Metric.defaultDisplayName(metricId));
  }
}
