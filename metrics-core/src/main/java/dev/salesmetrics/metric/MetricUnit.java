package dev.salesmetrics.metric;

/**
 * What a metric's value measures, which decides how it prints and exports.
 *
 * <p>In tidy CSV the {@code unit} column is {@link #csvName()}, except for money, whose unit is the
 * ISO 4217 currency code of the value.
 */
public enum MetricUnit {
  /** A whole number of records or customers, such as {@code deals_won}. */
  COUNT("count"),
  /** A {@code Ratio}: a fraction in [0, 1] for most rates, printed as a percentage. */
  RATIO("ratio"),
  /** An exact amount of money. */
  MONEY("money"),
  /** Money per day, such as {@code sales_velocity}. */
  MONEY_PER_DAY("money_per_day"),
  /** Durations summarised as {@code DurationStats}, in days of 86,400 seconds. */
  DAYS("days"),
  /** A dimensionless score, such as NPS in [-100, 100] or a lead score in [0, 100]. */
  SCORE("score"),
  /** A plain decimal number, such as purchases per customer. */
  NUMBER("number"),
  /** A table of values, such as cohort retention. */
  TABLE("table");

  private final String csvName;

  MetricUnit(String csvName) {
    this.csvName = csvName;
  }

  /**
   * Returns the lowercase name used in exports.
   *
   * @return e.g. {@code "ratio"}
   */
  public String csvName() {
    return csvName;
  }
}
