package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * How far and how to discount a lifetime value: a horizon of whole months, a discount rate per
 * month applied at the end of each month, and the length of a month in days, which converts
 * months into the purchase model's time unit explicitly.
 *
 * <p>The default month is the average Gregorian month, {@value #AVERAGE_DAYS_PER_MONTH} days
 * (4.348 weeks). To reproduce lifetimes' {@code freq="W"} use {@code withDaysPerMonth(7 *
 * 4.345)}; its default {@code freq="D"} on weekly data amounts to {@code withDaysPerMonth(210)}
 * (30 weeks a month), which overstates value about 3.7 times on CDNOW.
 *
 * <pre>{@code
 * ClvHorizon oneYear = ClvHorizon.months(12).withDiscountRate(0.01);
 * }</pre>
 *
 * @param months the number of months, {@code >= 1}
 * @param monthlyDiscountRate the discount rate per month, {@code >= 0}; month k is divided by
 *     {@code (1 + rate)^k}
 * @param daysPerMonth the length of a month in days, {@code > 0}
 */
public record ClvHorizon(int months, double monthlyDiscountRate, double daysPerMonth) {
  /** Days in an average Gregorian month, 365.25 / 12. */
  public static final double AVERAGE_DAYS_PER_MONTH = 30.4375;

  /**
   * Validates the components.
   *
   * @param months the number of months, {@code >= 1}
   * @param monthlyDiscountRate the discount rate per month, {@code >= 0}
   * @param daysPerMonth the length of a month in days, {@code > 0}
   * @throws IllegalArgumentException if a component is out of range or not finite
   */
  public ClvHorizon {
    if (months < 1) {
      throw new IllegalArgumentException("months must be >= 1: " + months);
    }
    if (!(monthlyDiscountRate >= 0) || !Double.isFinite(monthlyDiscountRate)) {
      throw new IllegalArgumentException(
          "monthly discount rate must be finite and >= 0: " + monthlyDiscountRate);
    }
    if (!(daysPerMonth > 0) || !Double.isFinite(daysPerMonth)) {
      throw new IllegalArgumentException("days per month must be finite and > 0: " + daysPerMonth);
    }
  }

  /**
   * Returns a horizon of {@code months} average months without discounting.
   *
   * @param months the number of months, {@code >= 1}
   * @return the horizon
   * @throws IllegalArgumentException if {@code months < 1}
   */
  public static ClvHorizon months(int months) {
    return new ClvHorizon(months, 0, AVERAGE_DAYS_PER_MONTH);
  }

  /**
   * Returns this horizon with another monthly discount rate.
   *
   * @param rate the discount rate per month, {@code >= 0}
   * @return the new horizon
   * @throws IllegalArgumentException if {@code rate} is negative or not finite
   */
  public ClvHorizon withDiscountRate(double rate) {
    return new ClvHorizon(months, rate, daysPerMonth);
  }

  /**
   * Returns this horizon with another month length.
   *
   * @param days the length of a month in days, {@code > 0}
   * @return the new horizon
   * @throws IllegalArgumentException if {@code days} is not finite and positive
   */
  public ClvHorizon withDaysPerMonth(double days) {
    return new ClvHorizon(months, monthlyDiscountRate, days);
  }

  /**
   * Returns the length of one month in the given time unit.
   *
   * @param unit a model's time unit
   * @return {@code daysPerMonth / unit.days()}
   */
  public double monthIn(ClvTimeUnit unit) {
    checkNotNull(unit, "unit");
    return daysPerMonth / unit.days();
  }
}
