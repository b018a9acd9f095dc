package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalDouble;

/**
 * One row of a {@link BulletChart}: progress towards a target.
 *
 * @param label the row's name, e.g. a rep (escaped when written)
 * @param actual the value so far, finite
 * @param target the target, finite and {@code > 0}
 * @param expected the value expected by now on a straight line to the target, or empty
 * @param forecast the run-rate forecast at the period's end, or empty
 * @param behind whether the row is behind pace (drawn in the warning colour)
 * @param text the short text beside the row, e.g. {@code "64% · on track"}
 * @param title the exact figures for people
 */
public record BulletRow(
    String label,
    double actual,
    double target,
    OptionalDouble expected,
    OptionalDouble forecast,
    boolean behind,
    String text,
    String title) {
  /**
   * Checks the components.
   *
   * @param label the label
   * @param actual the value so far
   * @param target the target
   * @param expected the expected value by now
   * @param forecast the forecast
   * @param behind whether behind pace
   * @param text the short text
   * @param title the title
   * @throws IllegalArgumentException if a number is not finite or the target is not positive
   */
  public BulletRow {
    checkNotNull(label, "label");
    checkNotNull(expected, "expected");
    checkNotNull(forecast, "forecast");
    checkNotNull(text, "text");
    checkNotNull(title, "title");
    checkArgument(Double.isFinite(actual), "actual must be finite: %s", actual);
    checkArgument(Double.isFinite(target) && target > 0, "target must be > 0: %s", target);
    checkArgument(
        expected.isEmpty() || Double.isFinite(expected.getAsDouble()),
        "expected must be finite: %s",
        expected);
    checkArgument(
        forecast.isEmpty() || Double.isFinite(forecast.getAsDouble()),
        "forecast must be finite: %s",
        forecast);
  }
}
