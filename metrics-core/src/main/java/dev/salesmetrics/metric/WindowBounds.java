package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.time.Period;
import java.time.Instant;

/**
 * The period of a {@link Window} as numbers, for kernels: instants are compared as epoch seconds
 * and nanoseconds ({@code second}, {@code nano} as {@link Instant#getEpochSecond()} and {@link
 * Instant#getNano()} give them), so that a kernel compares a row's instants with the period's
 * bounds exactly and without creating an object. Without a period every instant is inside.
 * Immutable and thread safe.
 *
 * <pre>{@code
 * // a deal open at the period start: created before it, not closed before it
 * boolean open =
 *     window.compareToStart(deal.createdAtSecond(), deal.createdAtNano()) < 0
 *         && (!deal.closed() || window.compareToStart(deal.closedAtSecond(), deal.closedAtNano()) >= 0);
 * }</pre>
 */
public final class WindowBounds {
  private static final WindowBounds ALL = new WindowBounds(null);

  private final Window window;
  private final boolean period;
  private final long startSecond;
  private final int startNano;
  private final long endSecond;
  private final int endNano;
  private final boolean previous;
  private final long previousStartSecond;
  private final int previousStartNano;

  private WindowBounds(Window window) {
    this.window = window == null ? Window.all() : window;
    Period p = this.window.period();
    this.period = p != null;
    Instant start = p == null ? Instant.EPOCH : p.start();
    Instant end = p == null ? Instant.EPOCH : p.end();
    this.startSecond = start.getEpochSecond();
    this.startNano = start.getNano();
    this.endSecond = end.getEpochSecond();
    this.endNano = end.getNano();
    Instant before = null;
    if (p != null && p.granularity() != null) {
      try {
        before = p.previous().start();
      } catch (java.time.DateTimeException e) {
        before = null; // no previous period before the start of time
      }
    }
    this.previous = before != null;
    Instant previousStart = before == null ? Instant.EPOCH : before;
    this.previousStartSecond = previousStart.getEpochSecond();
    this.previousStartNano = previousStart.getNano();
  }

  /**
   * Returns the bounds of {@code window}.
   *
   * @param window the window
   * @return its bounds
   */
  public static WindowBounds of(Window window) {
    checkNotNull(window, "window");
    return window.period() == null && window.asOf() == null ? ALL : new WindowBounds(window);
  }

  /**
   * Returns the window these bounds are of.
   *
   * @return the window
   */
  public Window window() {
    return window;
  }

  /**
   * Tells whether the window has a period.
   *
   * @return false over all time
   */
  public boolean hasPeriod() {
    return period;
  }

  /**
   * Compares an instant with the period start.
   *
   * @param second the instant's epoch second
   * @param nano the instant's nanosecond of the second, in [0, 999,999,999]
   * @return negative, zero or positive as the instant is before, at or after the start
   * @throws IllegalStateException if the window has no period
   */
  public int compareToStart(long second, int nano) {
    requirePeriod();
    return compare(second, nano, startSecond, startNano);
  }

  /**
   * Compares an instant with the period end (the first instant after the period).
   *
   * @param second the instant's epoch second
   * @param nano the instant's nanosecond of the second
   * @return negative, zero or positive as the instant is before, at or after the end
   * @throws IllegalStateException if the window has no period
   */
  public int compareToEnd(long second, int nano) {
    requirePeriod();
    return compare(second, nano, endSecond, endNano);
  }

  /**
   * Tells whether an instant lies in the period, {@code [start, end)}; always true without a
   * period.
   *
   * @param second the instant's epoch second
   * @param nano the instant's nanosecond of the second
   * @return true when inside
   */
  public boolean contains(long second, int nano) {
    return !period
        || (compare(second, nano, startSecond, startNano) >= 0
            && compare(second, nano, endSecond, endNano) < 0);
  }

  /**
   * Tells whether an instant lies in the period before this one (of the same granularity), which
   * ends where this one starts.
   *
   * @param second the instant's epoch second
   * @param nano the instant's nanosecond of the second
   * @return true when inside the previous period
   * @throws IllegalStateException if the window has no period of a granularity
   */
  public boolean previousContains(long second, int nano) {
    if (!previous) {
      throw new IllegalStateException(
          "the window " + window + " has no previous period: it needs a period of a granularity");
    }
    return compare(second, nano, previousStartSecond, previousStartNano) >= 0
        && compare(second, nano, startSecond, startNano) < 0;
  }

  /**
   * Compares two instants given as epoch second and nanosecond.
   *
   * @param second1 the first instant's epoch second
   * @param nano1 its nanosecond
   * @param second2 the second instant's epoch second
   * @param nano2 its nanosecond
   * @return negative, zero or positive as the first is before, equal to or after the second
   */
  public static int compare(long second1, int nano1, long second2, int nano2) {
    int c = Long.compare(second1, second2);
    return c != 0 ? c : Integer.compare(nano1, nano2);
  }

  /**
   * Returns the whole milliseconds from one instant to a later one, as {@link
   * java.time.Duration#toMillis()} counts them.
   *
   * @param fromSecond the earlier instant's epoch second
   * @param fromNano its nanosecond
   * @param toSecond the later instant's epoch second
   * @param toNano its nanosecond
   * @return the milliseconds, rounded toward negative infinity like {@code Duration.toMillis()}
   * @throws ArithmeticException if they do not fit in a {@code long}
   */
  public static long millisBetween(long fromSecond, int fromNano, long toSecond, int toNano) {
    long seconds = Math.subtractExact(toSecond, fromSecond);
    long nanos = (long) toNano - fromNano;
    if (nanos < 0) {
      nanos += 1_000_000_000L;
      seconds = Math.subtractExact(seconds, 1);
    }
    // as Duration.toMillis: a negative duration counts its nanos from the next second down
    if (seconds < 0) {
      seconds += 1;
      nanos -= 1_000_000_000L;
    }
    return Math.addExact(Math.multiplyExact(seconds, 1000L), nanos / 1_000_000L);
  }

  private void requirePeriod() {
    if (!period) {
      throw new IllegalStateException("the window " + window + " has no period");
    }
  }

  /**
   * Formats as the window.
   *
   * @return e.g. {@code "WindowBounds[2024-03 [UTC]]"}
   */
  @Override
  public String toString() {
    return "WindowBounds[" + window + "]";
  }
}
