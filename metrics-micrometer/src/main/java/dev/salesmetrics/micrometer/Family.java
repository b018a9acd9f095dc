package dev.salesmetrics.micrometer;

import static com.google.common.base.Preconditions.checkNotNull;

import javax.annotation.Nullable;

/**
 * One exported meter name with its kind and base unit; the rows of a family share one set of tag
 * keys.
 *
 * @param name the Micrometer name, e.g. {@code salesmetrics.win.rate}
 * @param kind how it is exported
 * @param baseUnit the base unit, or null (for time gauges: ignored, the registry picks seconds or
 *     milliseconds)
 * @param metricId the metric it comes from, for the cardinality guard
 * @param description the meter's description
 */
record Family(
    String name, Kind kind, @Nullable String baseUnit, String metricId, String description) {

  /** How a family is exported. */
  enum Kind {
    /** A {@code MultiGauge}: a value that goes up and down. */
    GAUGE,
    /** A {@code FunctionCounter} per row: a count that only grows. */
    COUNTER,
    /** A {@code TimeGauge} per row; values are in seconds. */
    TIME
  }

  /**
   * Returns {@code prefix} if it can start a meter name: empty, or lowercase words of letters and
   * digits separated by single dots.
   */
  static String checkPrefix(String prefix) {
    checkNotNull(prefix, "prefix");
    if (!prefix.isEmpty() && !prefix.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*")) {
      throw new IllegalArgumentException(
          "prefix must be lowercase dot-separated words: \"" + prefix + "\"");
    }
    return prefix;
  }
}
