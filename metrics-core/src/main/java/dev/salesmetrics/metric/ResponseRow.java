package dev.salesmetrics.metric;

/**
 * A survey response as a {@link Kernel} reads it: primitive accessors over a {@link
 * dev.salesmetrics.model.SurveyResponse} or over the columns of a column store (see {@link
 * DealRow} for the conventions).
 */
public interface ResponseRow {
  /**
   * Returns the epoch second of {@code responded_at}.
   *
   * @return the second
   */
  long respondedAtSecond();

  /**
   * Returns the nanosecond of {@code responded_at} within its second.
   *
   * @return in [0, 999,999,999]
   */
  int respondedAtNano();

  /**
   * Returns the score.
   *
   * @return 0 to 10 on the NPS scale, 1 to 5 on the CSAT scale
   */
  int score();

  /**
   * Tells whether the answer is on the NPS scale (0 to 10).
   *
   * @return true for NPS
   */
  boolean nps();

  /**
   * Tells whether the answer is on the CSAT scale (1 to 5).
   *
   * @return true for CSAT
   */
  boolean csat();
}
