package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Progress towards a goal at an instant: the actual value so far, the target for the period and
 * the share of the period elapsed.
 *
 * <p>The run-rate forecast assumes the value grows linearly over the period, which suits
 * cumulative metrics (revenue, deals won, new customers), not rates. Immutable.
 *
 * <pre>{@code
 * GoalProgress p = GoalProgress.of(30_000, 100_000,
 *     Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"),
 *     Instant.parse("2025-02-15T00:00:00Z"));
 * p.attainment();   // 0.3
 * p.elapsed();      // 0.5 (45 of 90 days)
 * p.behindPace();   // true: 30,000 is less than the 50,000 expected by now
 * }</pre>
 *
 * @param actual the value so far, finite
 * @param target the goal for the period, finite and {@code > 0}
 * @param elapsed the share of the period elapsed, in [0, 1]
 */
public record GoalProgress(double actual, double target, double elapsed) {

  /**
   * Validates the components.
   *
   * @param actual the value so far, finite
   * @param target the goal, finite and {@code > 0}
   * @param elapsed the share of the period elapsed, in [0, 1]
   * @throws IllegalArgumentException if a component is out of range
   */
  public GoalProgress {
    if (!Double.isFinite(actual)) {
      throw new IllegalArgumentException("actual must be finite: " + actual);
    }
    if (!Double.isFinite(target) || target <= 0) {
      throw new IllegalArgumentException("target must be finite and > 0: " + target);
    }
    if (!(elapsed >= 0 && elapsed <= 1)) {
      throw new IllegalArgumentException("elapsed must be in [0, 1]: " + elapsed);
    }
  }

  /**
   * Returns the progress at {@code at} for a period {@code [periodStart, periodEnd)}.
   *
   * @param actual the value so far, finite
   * @param target the goal, finite and {@code > 0}
   * @param periodStart the period's start
   * @param periodEnd the period's end, after the start
   * @param at the instant of the evaluation; clamped to the period
   * @return the progress
   * @throws IllegalArgumentException if the period is empty or a value out of range
   */
  public static GoalProgress of(
      double actual, double target, Instant periodStart, Instant periodEnd, Instant at) {
    return new GoalProgress(actual, target, elapsedShare(periodStart, periodEnd, at));
  }

  /**
   * Returns the share of {@code [periodStart, periodEnd)} elapsed at {@code at}: 0 at or before
   * the start, 1 at or after the end.
   *
   * @param periodStart the period's start
   * @param periodEnd the period's end, after the start
   * @param at the instant
   * @return the share in [0, 1]
   * @throws IllegalArgumentException if the end is not after the start
   */
  public static double elapsedShare(Instant periodStart, Instant periodEnd, Instant at) {
    checkNotNull(periodStart, "periodStart");
    checkNotNull(periodEnd, "periodEnd");
    checkNotNull(at, "at");
    if (!periodEnd.isAfter(periodStart)) {
      throw new IllegalArgumentException(
          "period end " + periodEnd + " must be after its start " + periodStart);
    }
    if (!at.isAfter(periodStart)) {
      return 0;
    }
    if (!at.isBefore(periodEnd)) {
      return 1;
    }
    double total = seconds(Duration.between(periodStart, periodEnd));
    return seconds(Duration.between(periodStart, at)) / total;
  }

  private static double seconds(Duration d) {
    return (double) d.getSeconds() + d.getNano() / 1e9;
  }

  /**
   * Returns attainment, {@code actual / target}.
   *
   * @return e.g. 0.64 for 64% of goal
   */
  public double attainment() {
    return actual / target;
  }

  /**
   * Returns the value expected by now on a straight line to the target, {@code target ×
   * elapsed}.
   *
   * @return the expected value
   */
  public double expected() {
    return target * elapsed;
  }

  /**
   * Returns the run-rate forecast to the period's end, {@code actual / elapsed}.
   *
   * @return the forecast, or empty when no time has elapsed
   */
  public OptionalDouble forecast() {
    return elapsed == 0 ? OptionalDouble.empty() : OptionalDouble.of(actual / elapsed);
  }

  /**
   * Returns the forecast attainment, {@code actual / (target × elapsed)}: below 1 is behind pace.
   *
   * @return the forecast as a share of the target, or empty when no time has elapsed
   */
  public OptionalDouble forecastAttainment() {
    return elapsed == 0 ? OptionalDouble.empty() : OptionalDouble.of(actual / expected());
  }

  /**
   * Tells whether the actual value is below the straight line to the target. Never behind at the
   * very start of the period.
   *
   * @return true when {@code actual < target × elapsed}
   */
  public boolean behindPace() {
    return actual < expected();
  }
}
