package dev.salesmetrics.rule;

import java.util.OptionalDouble;

/**
 * One severity level of a rule as a band: breached when {@code q < low || q > high}, still held
 * while {@code q < recoveryLow || q > recoveryHigh}. One-sided rules use an infinite end, which
 * never leaves this package.
 */
record Level(Severity severity, double low, double high, double recoveryLow, double recoveryHigh) {

  static Level above(Severity severity, double trigger, double recovery) {
    return new Level(
        severity, Double.NEGATIVE_INFINITY, trigger, Double.NEGATIVE_INFINITY, recovery);
  }

  static Level below(Severity severity, double trigger, double recovery) {
    return new Level(
        severity, trigger, Double.POSITIVE_INFINITY, recovery, Double.POSITIVE_INFINITY);
  }

  static Level outside(
      Severity severity, double low, double high, double recoveryLow, double recoveryHigh) {
    return new Level(severity, low, high, recoveryLow, recoveryHigh);
  }

  boolean breached(double q) {
    return q < low || q > high;
  }

  boolean held(double q) {
    return q < recoveryLow || q > recoveryHigh;
  }

  /** True when a value on the low side is the one to report: a below rule, or below the middle. */
  private boolean lowSide(OptionalDouble q) {
    if (Double.isInfinite(high)) {
      return true;
    }
    if (Double.isInfinite(low)) {
      return false;
    }
    return q.isPresent() && q.getAsDouble() < low + (high - low) / 2;
  }

  /** The side a value lies on, as a one-sided comparison. */
  Comparison side(OptionalDouble q) {
    return lowSide(q) ? Comparison.BELOW : Comparison.ABOVE;
  }

  OptionalDouble trigger(OptionalDouble q) {
    return lowSide(q) ? OptionalDouble.of(low) : OptionalDouble.of(high);
  }

  OptionalDouble recovery(OptionalDouble q) {
    return lowSide(q) ? OptionalDouble.of(recoveryLow) : OptionalDouble.of(recoveryHigh);
  }

  boolean hasHysteresis() {
    return recoveryLow != low || recoveryHigh != high;
  }
}
