package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What a metric is computed over: a period (or all time) and the instant the data is known at.
 *
 * <p>With a period, a record counts when the metric's instant lies in {@code [start, end)}; metrics
 * that look at the period's start (pipeline, churn) or at the previous period (growth) read it from
 * here. Without one ({@link #all()}), every record counts wherever its instant lies, and metrics
 * that need a period refuse to run. With an as-of instant {@code t}, records are seen as they were
 * known at {@code t}: events after {@code t} have not happened (a deal closed after {@code t} is
 * still open). Immutable.
 *
 * @param period the period, or null for all time
 * @param asOf the instant the data is known at, or null for everything known
 */
public record Window(@Nullable Period period, @Nullable Instant asOf) {
  private static final Window ALL = new Window(null, null);

  /**
   * Returns the window over all time, with everything known.
   *
   * @return the unbounded window
   */
  public static Window all() {
    return ALL;
  }

  /**
   * Returns the window over {@code period}, with everything known.
   *
   * @param period the period
   * @return the window
   */
  public static Window of(Period period) {
    return new Window(checkNotNull(period, "period"), null);
  }

  /**
   * Returns this window as known at {@code t}.
   *
   * @param t the instant the data is known at
   * @return a window with the same period, known at {@code t}
   */
  public Window asOf(Instant t) {
    return new Window(period, checkNotNull(t, "asOf"));
  }

  /**
   * Returns the period, if any.
   *
   * @return the period, or empty for all time
   */
  public Optional<Period> optionalPeriod() {
    return Optional.ofNullable(period);
  }

  /**
   * Returns the as-of instant, if any.
   *
   * @return the instant the data is known at, or empty for everything known
   */
  public Optional<Instant> optionalAsOf() {
    return Optional.ofNullable(asOf);
  }

  /**
   * Tells whether {@code instant} lies in the window's period; always true for all time.
   *
   * @param instant an instant
   * @return true when it lies in {@code [start, end)}, or when there is no period
   */
  public boolean contains(Instant instant) {
    return period == null || period.contains(instant);
  }

  /**
   * Returns the period, for metrics that cannot run without one.
   *
   * @param metricId the id of the metric asking, for the message
   * @return the period
   * @throws IllegalArgumentException if the window has no period
   */
  @CanIgnoreReturnValue
  public Period requirePeriod(String metricId) {
    if (period == null) {
      throw new IllegalArgumentException(
          metricId + " needs a period: compute it over Window.of(period), not all time");
    }
    return period;
  }

  /**
   * Formats as the period label (or {@code all time}) and the as-of instant if any.
   *
   * @return e.g. {@code "2024-03 [UTC]"}, {@code "all time as of 2024-04-01T00:00:00Z"}
   */
  @Override
  public String toString() {
    String p = period == null ? "all time" : period.toString();
    return asOf == null ? p : p + " as of " + asOf;
  }
}
