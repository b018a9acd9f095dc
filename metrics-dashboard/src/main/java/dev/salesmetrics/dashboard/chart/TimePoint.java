package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One value of a {@link TimeSeries}: a span of time (a period), its value, and the exact text
 * that the mark's {@code <title>} shows.
 *
 * @param start the start of the span, inclusive
 * @param end the end of the span, exclusive, after {@code start}
 * @param value the value, or empty when undefined (no mark is drawn; a line is broken there)
 * @param title the exact value for people, e.g. {@code "2025-03: 3,996,100.00 USD"}
 */
public record TimePoint(Instant start, Instant end, OptionalDouble value, String title) {
  /**
   * Checks the components.
   *
   * @param start the start
   * @param end the end, after the start
   * @param value the value
   * @param title the title
   * @throws IllegalArgumentException if the end is not after the start or the value is not finite
   */
  public TimePoint {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(value, "value");
    checkNotNull(title, "title");
    checkArgument(end.isAfter(start), "end %s must be after start %s", end, start);
    checkArgument(
        value.isEmpty() || Double.isFinite(value.getAsDouble()),
        "value must be finite: %s",
        value);
  }
}
