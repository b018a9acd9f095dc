package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A metric's value together with the id of the definition that made it and the window it covers.
 *
 * @param metricId the id of the definition, e.g. {@code "win_rate"} or {@code
 *     "win_rate.all_created"}
 * @param window the period and as-of instant the value covers
 * @param value the value
 * @param <R> the value type
 */
public record MetricResult<R extends MetricValue>(String metricId, Window window, R value) {

  /**
   * Validates the components.
   *
   * @param metricId the id of the definition
   * @param window the window
   * @param value the value
   */
  public MetricResult {
    checkNotNull(metricId, "metricId");
    checkNotNull(window, "window");
    checkNotNull(value, "value");
  }

  /**
   * Formats as {@code id: value}, e.g. {@code "win_rate: 41.7% (5/12)"}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return metricId + ": " + value;
  }
}
