package dev.salesmetrics.rule;

/**
 * What a rule compares: the metric's value itself, or the value relative to a goal, to the
 * previous period, to a rolling baseline, or to the pace needed to reach the goal.
 *
 * <p>For every reference except {@link #VALUE} the compared quantity is a fraction and thresholds
 * are fractions too: {@code 0.8} is 80% of goal, {@code -0.15} is 15% down on the previous period.
 */
public enum Reference {
  /** The metric's own value, {@code MetricValue.asDouble()}. */
  VALUE,
  /** Attainment: {@code value / target}, with the target from the evaluation's {@code Goals}. */
  GOAL,
  /**
   * Percent change on the previous period: {@code (value - previous) / |previous|}; undefined when
   * the previous value is absent, undefined or 0.
   */
  PREVIOUS_PERIOD,
  /**
   * Percent change on the mean of the last N periods: {@code (value - mean) / |mean|}; undefined
   * with fewer than N contiguous previous periods of defined values, or a mean of 0.
   */
  BASELINE,
  /**
   * Run-rate forecast attainment: {@code value / (target × elapsed)}, where elapsed is the share
   * of the period elapsed at the evaluation instant; below 1 means behind pace. Undefined without
   * a target or at the very start of the period.
   */
  PACE
}
