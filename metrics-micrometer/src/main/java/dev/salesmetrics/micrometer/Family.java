package dev.salesmetrics.micrometer;

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
}
