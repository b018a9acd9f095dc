package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.aggregate.GroupKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Targets per metric, group and period, such as each rep's revenue quota per quarter. A period is
 * identified by its start instant. Targets are in the units of {@code MetricValue.asDouble()}:
 * money in major units, ratios as fractions. Immutable and thread safe.
 *
 * <pre>{@code
 * Instant q1 = Instant.parse("2025-01-01T00:00:00Z");
 * Goals goals = Goals.builder()
 *     .target("revenue", GroupKey.of("rep", "R07"), q1, 100_000)
 *     .target("revenue", GroupKey.overall(), q1, 1_200_000)
 *     .build();
 * goals.target("revenue", GroupKey.of("rep", "R07"), q1);   // OptionalDouble[100000.0]
 * }</pre>
 */
public final class Goals {
  private static final Goals EMPTY = new Goals(ImmutableMap.of());

  private final ImmutableMap<Key, Double> targets;

  private Goals(ImmutableMap<Key, Double> targets) {
    this.targets = targets;
  }

  private record Key(String metricId, GroupKey group, Instant periodStart) {}

  /**
   * Returns goals with no target.
   *
   * @return the empty goals
   */
  public static Goals empty() {
    return EMPTY;
  }

  /**
   * Starts a set of goals.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the target for a metric, group and period.
   *
   * @param metricId the metric id
   * @param group the group
   * @param periodStart the period's start
   * @return the target, or empty when there is none
   */
  public OptionalDouble target(String metricId, GroupKey group, Instant periodStart) {
    Double t = targets.get(new Key(metricId, group, periodStart));
    return t == null ? OptionalDouble.empty() : OptionalDouble.of(t);
  }

  /**
   * Returns the progress of {@code actual} towards the target for a metric, group and period at
   * instant {@code at}.
   *
   * @param metricId the metric id
   * @param group the group
   * @param periodStart the period's start
   * @param periodEnd the period's end, after the start
   * @param at the evaluation instant
   * @param actual the value so far, finite
   * @return the progress, or empty when there is no target
   * @throws IllegalArgumentException if the period is empty or the actual value not finite
   */
  public Optional<GoalProgress> progress(
      String metricId,
      GroupKey group,
      Instant periodStart,
      Instant periodEnd,
      Instant at,
      double actual) {
    OptionalDouble t = target(metricId, group, periodStart);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(GoalProgress.of(actual, t.getAsDouble(), periodStart, periodEnd, at));
  }

  /**
   * Returns how many targets there are.
   *
   * @return the count
   */
  public int size() {
    return targets.size();
  }

  /**
   * Tells whether two goal sets hold the same targets.
   *
   * @param o another object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Goals g && g.targets.equals(targets);
  }

  /**
   * Returns a hash of the targets.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return targets.hashCode();
  }

  /**
   * Formats as {@code Goals[3 targets]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "Goals[" + targets.size() + " targets]";
  }

  /** Builds {@link Goals}; a later target for the same key replaces the earlier. Not thread safe. */
  public static final class Builder {
    private final Map<Key, Double> targets = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the target for a metric, group and period.
     *
     * @param metricId the metric id
     * @param group the group, e.g. {@code GroupKey.of("rep", "R07")}
     * @param periodStart the period's start
     * @param target the target, finite and {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if the target is not finite or not positive
     */
    @CanIgnoreReturnValue
    public Builder target(String metricId, GroupKey group, Instant periodStart, double target) {
      checkNotNull(metricId, "metricId");
      checkNotNull(group, "group");
      checkNotNull(periodStart, "periodStart");
      if (!Double.isFinite(target) || target <= 0) {
        throw new IllegalArgumentException(
            "target must be finite and > 0 for " + metricId + " " + group + " " + periodStart
                + ": " + target);
      }
      targets.put(new Key(metricId, group, periodStart), target);
      return this;
    }

    /**
     * Builds the goals.
     *
     * @return the goals
     */
    public Goals build() {
      return targets.isEmpty() ? EMPTY : new Goals(ImmutableMap.copyOf(targets));
    }
  }
}
