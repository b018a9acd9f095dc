package dev.salesmetrics.aggregate;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The change of a metric's headline number from the previous period to this one, as a
 * period-over-period column of a {@link MetricTable} ({@link MetricTable#withChanges()}).
 *
 * <p>{@link #asDouble()} is the relative change {@code (current - previous) / |previous|}, a
 * fraction ({@code 0.25} = up 25%); it is undefined when either number is undefined or the
 * previous one is 0. For a ratio metric the numbers compared are the fractions, so a win rate from
 * 40% to 50% is a change of {@code 0.25} (and a {@link #difference()} of {@code 0.10}). Immutable.
 *
 * @param previous the previous period's number, or empty when undefined or absent
 * @param current this period's number, or empty when undefined
 */
public record Change(OptionalDouble previous, OptionalDouble current) implements
    dev.salesmetrics.metric.MetricValue {

  /**
   * Validates the components.
   *
   * @param previous the previous number
   * @param current the current number
   * @throws NullPointerException if a component is null
   */
  public Change {
    java.util.Objects.requireNonNull(previous, "previous");
    java.util.Objects.requireNonNull(current, "current");
  }

  /**
   * Returns {@code current - previous}.
   *
   * @return the difference, or empty when either is undefined
   */
  public OptionalDouble difference() {
    if (previous.isEmpty() || current.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(current.getAsDouble() - previous.getAsDouble());
  }

  /**
   * Returns the relative change {@code (current - previous) / |previous|}.
   *
   * @return the fraction, or empty when either is undefined or {@code previous} is 0
   */
  @Override
  public OptionalDouble asDouble() {
    if (previous.isEmpty() || current.isEmpty() || previous.getAsDouble() == 0) {
      return OptionalDouble.empty();
    }
    double p = previous.getAsDouble();
    return OptionalDouble.of((current.getAsDouble() - p) / Math.abs(p));
  }

  /**
   * Returns 0: a change has no records of its own.
   *
   * @return 0
   */
  @Override
  public long sampleSize() {
    return 0;
  }

  /**
   * Formats as a signed percentage.
   *
   * @return e.g. {@code "+25.0%"}, or {@code "—"} when undefined
   */
  @Override
  public String toString() {
    OptionalDouble v = asDouble();
    return v.isPresent() ? String.format(Locale.ROOT, "%+.1f%%", v.getAsDouble() * 100) : "—";
  }
}
