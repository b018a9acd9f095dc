package dev.salesmetrics.aggregate;

import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * Which periods a {@link LiveView} keeps: the {@code n} latest periods any event has fallen in,
 * by start. A period older than those is evicted; an event placed in it is dropped and counted.
 * Thread safe: the horizon is read on every event (a volatile read) and moves, under a lock, only
 * when an event brings a period not seen before.
 */
final class Retention implements LongPredicate {
  private final int periods;
  private final TreeSet<Long> latest = new TreeSet<>();
  private volatile long horizon = Long.MIN_VALUE;

  /** Keeps the {@code periods} latest periods; {@code Integer.MAX_VALUE} keeps all. */
  Retention(int periods) {
    this.periods = periods;
  }

  /** Tells whether the period starting at {@code startSecond} is kept. */
  @Override
  public boolean test(long startSecond) {
    return startSecond >= horizon;
  }

  /**
   * Tells whether the period starting at {@code startSecond} would be kept once {@link #seen}:
   * what {@code seen(startSecond)} then {@code test(startSecond)} would answer, without telling
   * anything. A live view asks this for a period it has not yet reported, so that an event it
   * then rejects leaves the kept periods as they were.
   */
  boolean wouldKeep(long startSecond) {
    if (startSecond < horizon) {
      return false;
    }
    if (periods == Integer.MAX_VALUE) {
      return true;
    }
    synchronized (this) {
      return latest.contains(startSecond)
          || latest.size() < periods
          || startSecond > latest.first();
    }
  }

  /** Returns the start of the oldest period kept, {@code Long.MIN_VALUE} while all are kept. */
  long horizon() {
    return horizon;
  }

  /** Notes a period an event fell in, which may evict the oldest kept one. */
  void seen(long startSecond) {
    if (periods == Integer.MAX_VALUE || startSecond < horizon) {
      return;
    }
    synchronized (this) {
      if (latest.add(startSecond) && latest.size() > periods) {
        latest.pollFirst();
        horizon = latest.first();
      }
    }
  }
}
