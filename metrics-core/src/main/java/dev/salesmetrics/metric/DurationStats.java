package dev.salesmetrics.metric;

import com.google.common.math.Quantiles;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Count, mean, median, 90th percentile, minimum and maximum of durations, in days of 86,400
 * seconds (so a daylight-saving change does not bend them).
 *
 * <p>Percentiles interpolate linearly between closest ranks, as Guava {@link Quantiles} and R's
 * type 7: with n sorted values the p-th percentile sits at index {@code p/100 × (n − 1)}.
 * Durations are kept to the millisecond. With no durations every statistic is empty and the count
 * is 0. Immutable; build one with {@link DurationStatsAccumulator}. {@link #asDouble()} is the
 * mean.
 */
public final class DurationStats implements MetricValue {
  static final double MILLIS_PER_DAY = 86_400_000.0;
  private static final DurationStats EMPTY = new DurationStats(new long[0]);

  /** Sorted durations in milliseconds. */
  private final long[] sortedMillis;

  private DurationStats(long[] sortedMillis) {
    this.sortedMillis = sortedMillis;
  }

  /** Creates stats from durations in milliseconds; takes ownership of the array. */
  static DurationStats ofMillisUnsafe(long[] millis) {
    if (millis.length == 0) {
      return EMPTY;
    }
    Arrays.sort(millis);
    return new DurationStats(millis);
  }

  /**
   * Returns the statistics of no durations.
   *
   * @return the empty statistics
   */
  public static DurationStats empty() {
    return EMPTY;
  }

  /**
   * Returns the statistics of {@code durations}.
   *
   * @param durations any durations; may be empty
   * @return the statistics
   * @throws ArithmeticException if a duration does not fit in a {@code long} of milliseconds
   */
  public static DurationStats of(Iterable<Duration> durations) {
    DurationStatsAccumulator acc = new DurationStatsAccumulator();
    for (Duration d : durations) {
      acc.add(d);
    }
    return acc.snapshot();
  }

  /**
   * Returns how many durations there are.
   *
   * @return the count, {@code >= 0}
   */
  public long count() {
    return sortedMillis.length;
  }

  /**
   * Returns the mean in days.
   *
   * @return the mean, or empty when there are no durations
   */
  public OptionalDouble meanDays() {
    if (sortedMillis.length == 0) {
      return OptionalDouble.empty();
    }
    // Sum in double: exact enough (relative 1e-16) and cannot overflow.
    double sum = 0;
    for (long m : sortedMillis) {
      sum += m;
    }
    return OptionalDouble.of(sum / sortedMillis.length / MILLIS_PER_DAY);
  }

  /**
   * Returns the median in days.
   *
   * @return the median, or empty when there are no durations
   */
  public OptionalDouble medianDays() {
    return percentileDays(50);
  }

  /**
   * Returns the 90th percentile in days.
   *
   * @return the 90th percentile, or empty when there are no durations
   */
  public OptionalDouble p90Days() {
    return percentileDays(90);
  }

  /**
   * Returns the {@code p}-th percentile in days, by linear interpolation between closest ranks.
   *
   * @param p the percentile, in [0, 100]
   * @return the percentile, or empty when there are no durations
   * @throws IllegalArgumentException if {@code p} is outside [0, 100]
   */
  public OptionalDouble percentileDays(int p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in [0, 100]: " + p);
    }
    if (sortedMillis.length == 0) {
      return OptionalDouble.empty();
    }
    // The durations are sorted: read the two closest ranks, with Guava's arithmetic (a selection
    // over a copy, as Quantiles does, takes quadratic time when many durations are equal).
    long rank = (long) p * (sortedMillis.length - 1);
    int lowerIndex = (int) (rank / 100);
    int remainder = (int) (rank - (long) lowerIndex * 100);
    double lower = sortedMillis[lowerIndex];
    double millis =
        remainder == 0
            ? lower
            : lower + ((double) sortedMillis[lowerIndex + 1] - lower) * remainder / 100;
    return OptionalDouble.of(millis / MILLIS_PER_DAY);
  }

  /**
   * Returns the shortest duration in days.
   *
   * @return the minimum, or empty when there are no durations
   */
  public OptionalDouble minDays() {
    return sortedMillis.length == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(sortedMillis[0] / MILLIS_PER_DAY);
  }

  /**
   * Returns the longest duration in days.
   *
   * @return the maximum, or empty when there are no durations
   */
  public OptionalDouble maxDays() {
    return sortedMillis.length == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(sortedMillis[sortedMillis.length - 1] / MILLIS_PER_DAY);
  }

  /**
   * Returns the statistics of the union of both samples.
   *
   * @param other statistics of other durations
   * @return the combined statistics
   */
  public DurationStats plus(DurationStats other) {
    if (other.sortedMillis.length == 0) {
      return this;
    }
    if (sortedMillis.length == 0) {
      return other;
    }
    long[] all = Arrays.copyOf(sortedMillis, sortedMillis.length + other.sortedMillis.length);
    System.arraycopy(other.sortedMillis, 0, all, sortedMillis.length, other.sortedMillis.length);
    return ofMillisUnsafe(all);
  }

  long[] millis() {
    return sortedMillis;
  }

  /**
   * Returns the mean in days.
   *
   * @return the mean, or empty when there are no durations
   */
  @Override
  public OptionalDouble asDouble() {
    return meanDays();
  }

  /**
   * Returns the count of durations.
   *
   * @return the count
   */
  @Override
  public long sampleSize() {
    return count();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DurationStats that && Arrays.equals(sortedMillis, that.sortedMillis);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sortedMillis);
  }

  /**
   * Formats compactly in days: {@code "n=12 mean=30.5d median=28.0d p90=55.2d"}, or {@code "n=0"}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    if (sortedMillis.length == 0) {
      return "n=0";
    }
    return String.format(
        Locale.ROOT,
        "n=%d mean=%.1fd median=%.1fd p90=%.1fd",
        count(),
        meanDays().getAsDouble(),
        medianDays().getAsDouble(),
        p90Days().getAsDouble());
  }
}
