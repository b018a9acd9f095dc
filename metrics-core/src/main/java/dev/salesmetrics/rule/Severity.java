package dev.salesmetrics.rule;

import java.util.Locale;

/** The severity level of an alert, in increasing order of urgency. */
public enum Severity {
  /** The less urgent level. */
  WARNING,
  /** The more urgent level: its trigger lies beyond the warning trigger. */
  CRITICAL;

  /**
   * Returns the lowercase name, {@code "warning"} or {@code "critical"}.
   *
   * @return the name
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
