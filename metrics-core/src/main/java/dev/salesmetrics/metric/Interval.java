package dev.salesmetrics.metric;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A closed interval {@code [low, high]} of doubles, or the empty interval; used for confidence
 * intervals such as {@link Ratio#wilson(double)}.
 *
 * <p>Immutable. Never holds NaN or Infinity.
 */
public final class Interval {
  private static final Interval EMPTY = new Interval(0, 0, true);

  private final double low;
  private final double high;
  private final boolean empty;

  private Interval(double low, double high, boolean empty) {
    this.low = low;
    this.high = high;
    this.empty = empty;
  }

  /**
   * Returns {@code [low, high]}.
   *
   * @param low the lower bound, finite
   * @param high the upper bound, finite, {@code >= low}
   * @return the interval
   * @throws IllegalArgumentException if a bound is not finite or {@code high < low}
   */
  public static Interval of(double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
      throw new IllegalArgumentException("interval needs finite low <= high: " + low + ", " + high);
    }
    return new Interval(low, high, false);
  }

  /**
   * Returns the empty interval (no data).
   *
   * @return the empty interval
   */
  public static Interval empty() {
    return EMPTY;
  }

  /**
   * Tells whether the interval is empty.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return empty;
  }

  /**
   * Returns the lower bound.
   *
   * @return the lower bound, or empty for the empty interval
   */
  public OptionalDouble low() {
    return empty ? OptionalDouble.empty() : OptionalDouble.of(low);
  }

  /**
   * Returns the upper bound.
   *
   * @return the upper bound, or empty for the empty interval
   */
  public OptionalDouble high() {
    return empty ? OptionalDouble.empty() : OptionalDouble.of(high);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Interval that)) {
      return false;
    }
    return empty == that.empty
        && Double.compare(low, that.low) == 0
        && Double.compare(high, that.high) == 0;
  }

  @Override
  public int hashCode() {
    return empty ? 0 : Double.hashCode(low) * 31 + Double.hashCode(high);
  }

  /**
   * Formats as {@code [0.2134, 0.6103]}, or {@code []} when empty.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return empty ? "[]" : String.format(Locale.ROOT, "[%.4f, %.4f]", low, high);
  }
}
