package dev.salesmetrics.metric;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Collects durations into {@link DurationStats}. Keeps every duration (to the millisecond) so that
 * the median and p90 are exact; memory is 8 bytes per duration. Not thread safe; combine
 * per-thread accumulators with {@link #addAll}.
 */
public final class DurationStatsAccumulator {
  private long[] millis = new long[8];
  private int size;

  /** Creates an empty accumulator. */
  public DurationStatsAccumulator() {}

  /**
   * Adds one duration.
   *
   * @param duration the duration
   * @return this accumulator
   * @throws ArithmeticException if it does not fit in a {@code long} of milliseconds
   */
  @CanIgnoreReturnValue
  public DurationStatsAccumulator add(Duration duration) {
    return addMillis(duration.toMillis());
  }

  /**
   * Adds the duration from {@code start} to {@code end}.
   *
   * @param start the earlier instant
   * @param end the later instant
   * @return this accumulator
   * @throws ArithmeticException if it does not fit in a {@code long} of milliseconds
   */
  @CanIgnoreReturnValue
  public DurationStatsAccumulator addBetween(Instant start, Instant end) {
    return add(Duration.between(start, end));
  }

  /**
   * Adds one duration in milliseconds.
   *
   * @param durationMillis the duration in milliseconds
   * @return this accumulator
   */
  @CanIgnoreReturnValue
  public DurationStatsAccumulator addMillis(long durationMillis) {
    if (size == millis.length) {
      millis = Arrays.copyOf(millis, size * 2);
    }
    millis[size++] = durationMillis;
    return this;
  }

  /**
   * Adds every duration of {@code stats}.
   *
   * @param stats statistics of other durations
   * @return this accumulator
   */
  @CanIgnoreReturnValue
  public DurationStatsAccumulator addAll(DurationStats stats) {
    for (long m : stats.millis()) {
      addMillis(m);
    }
    return this;
  }

  /**
   * Adds every duration of another accumulator.
   *
   * @param other another accumulator; not changed
   * @return this accumulator
   */
  @CanIgnoreReturnValue
  public DurationStatsAccumulator addAll(DurationStatsAccumulator other) {
    for (int i = 0; i < other.size; i++) {
      addMillis(other.millis[i]);
    }
    return this;
  }

  /**
   * Returns how many durations were added.
   *
   * @return the count
   */
  public long count() {
    return size;
  }

  /**
   * Returns the statistics of the durations added so far.
   *
   * @return an immutable snapshot
   */
  public DurationStats snapshot() {
    return DurationStats.ofMillisUnsafe(Arrays.copyOf(millis, size));
  }
}
