package dev.salesmetrics.metric;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A plain number derived from records, such as an NPS, a mean lead score or purchases per buyer,
 * with the number of records it is computed from. Undefined (empty) when it has no records or its
 * denominator is zero.
 */
public final class Score implements MetricValue {
  private static final Score EMPTY = new Score(0, 0, true);

  private final double value;
  private final long sampleSize;
  private final boolean empty;

  private Score(double value, long sampleSize, boolean empty) {
    this.value = value;
    this.sampleSize = sampleSize;
    this.empty = empty;
  }

  /**
   * Returns a defined score.
   *
   * @param value the value, finite
   * @param sampleSize how many records it is computed from, {@code >= 0}
   * @return the score
   * @throws IllegalArgumentException if the value is NaN or infinite or the size negative
   */
  public static Score of(double value, long sampleSize) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("score must be finite: " + value);
    }
    if (sampleSize < 0) {
      throw new IllegalArgumentException("sample size must be >= 0: " + sampleSize);
    }
    return new Score(value, sampleSize, false);
  }

  /**
   * Returns an undefined score over {@code sampleSize} records (for example a mean over none).
   *
   * @param sampleSize how many records were seen, {@code >= 0}
   * @return the undefined score
   * @throws IllegalArgumentException if the size is negative
   */
  public static Score undefined(long sampleSize) {
    if (sampleSize < 0) {
      throw new IllegalArgumentException("sample size must be >= 0: " + sampleSize);
    }
    return sampleSize == 0 ? EMPTY : new Score(0, sampleSize, true);
  }

  /**
   * Returns the undefined score over no records.
   *
   * @return the empty score
   */
  public static Score empty() {
    return EMPTY;
  }

  /**
   * Returns the value.
   *
   * @return the value, or empty when undefined
   */
  public OptionalDouble value() {
    return empty ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Override
  public OptionalDouble asDouble() {
    return value();
  }

  @Override
  public long sampleSize() {
    return sampleSize;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Score that)) {
      return false;
    }
    return empty == that.empty
        && sampleSize == that.sampleSize
        && Double.compare(empty ? 0 : value, that.empty ? 0 : that.value) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sampleSize) * 31 + (empty ? 0 : Double.hashCode(value));
  }

  /**
   * Formats with up to two decimals, or {@code "—"} when undefined.
   *
   * @return e.g. {@code "42.5"}, {@code "—"}
   */
  @Override
  public String toString() {
    if (empty) {
      return "—";
    }
    String s = String.format(Locale.ROOT, "%.2f", value);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }
}
