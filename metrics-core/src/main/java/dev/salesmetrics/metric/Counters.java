package dev.salesmetrics.metric;

/** Helpers for accumulator states that are arrays of exact counters. */
final class Counters {
  private Counters() {}

  /** Adds {@code other} into {@code into} element by element; throws on overflow. */
  static void addInto(long[] into, long[] other) {
    for (int i = 0; i < into.length; i++) {
      into[i] = Math.addExact(into[i], other[i]);
    }
  }

  /** The ratio of a {@code {numerator, denominator}} state. */
  static Ratio ratio(long[] state) {
    return Ratio.of(state[0], state[1]);
  }
}
