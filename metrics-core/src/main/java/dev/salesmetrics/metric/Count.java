package dev.salesmetrics.metric;

import java.util.OptionalDouble;

/**
 * A whole count, such as the number of deals won. A count is always defined: zero records give
 * {@code 0}, which is the true answer for "how many".
 *
 * @param value the count, {@code >= 0}
 */
public record Count(long value) implements MetricValue {

  /**
   * Validates the count.
   *
   * @param value the count, {@code >= 0}
   * @throws IllegalArgumentException if negative
   */
  public Count {
    if (value < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + value);
    }
  }

  /**
   * Returns the count {@code value}.
   *
   * @param value the count, {@code >= 0}
   * @return the count
   * @throws IllegalArgumentException if negative
   */
  public static Count of(long value) {
    return new Count(value);
  }

  /**
   * Adds two counts.
   *
   * @param other another count
   * @return the sum
   * @throws ArithmeticException on overflow
   */
  public Count plus(Count other) {
    return new Count(Math.addExact(value, other.value));
  }

  /**
   * Returns the count as a double.
   *
   * @return the count, always present
   */
  @Override
  public OptionalDouble asDouble() {
    return OptionalDouble.of((double) value);
  }

  /**
   * Returns the count itself.
   *
   * @return the count
   */
  @Override
  public long sampleSize() {
    return value;
  }

  /**
   * Formats as the plain number.
   *
   * @return e.g. {@code "42"}
   */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
