package dev.salesmetrics.rule;

import java.util.Locale;

/**
 * How a rule compares the compared quantity with its thresholds. Comparisons are strict: a win
 * rate of exactly 20% is not below 20%.
 */
public enum Comparison {
  /** Breached when the quantity is greater than the trigger. */
  ABOVE,
  /** Breached when the quantity is less than the trigger. */
  BELOW,
  /** Breached when the quantity is less than the band's low end or greater than its high end. */
  OUTSIDE;

  /**
   * Returns the lowercase word used in sentences.
   *
   * @return {@code "above"}, {@code "below"} or {@code "outside"}
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
