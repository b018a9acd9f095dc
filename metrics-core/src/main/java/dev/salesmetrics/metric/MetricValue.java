package dev.salesmetrics.metric;

import java.util.OptionalDouble;

/**
 * The result of a metric: a value that prints readably and reduces to one number for tables,
 * exports and threshold rules.
 *
 * <p>Implementations are immutable. {@link #asDouble()} is empty when the value is undefined (a
 * zero denominator, no records); it is never NaN or infinite.
 */
public interface MetricValue {

  /**
   * Returns the headline number of this value: a ratio's fraction, a count, money in major units,
   * a mean duration in days, a score.
   *
   * @return the number, or empty when undefined
   */
  OptionalDouble asDouble();

  /**
   * Returns how many records (deals, leads, customers, answers) stand behind the value, for
   * minimum-sample checks: a ratio's denominator, a count of durations, of amounts.
   *
   * @return a count {@code >= 0}
   */
  long sampleSize();
}
