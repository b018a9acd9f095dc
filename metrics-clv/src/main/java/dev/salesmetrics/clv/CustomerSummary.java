package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One customer's calibration-period history as the CLV models read it (CLV.md section 1).
 *
 * <p>Purchases on the same day count as one purchase (amounts added). {@code frequency} is the
 * number of purchase days minus one (the repeat purchases), {@code recency} the time from the
 * first to the last purchase day, {@code age} the time from the first purchase day to the end of
 * calibration, both in the summary's {@link ClvTimeUnit}. {@code repeatSpend} is the exact total
 * of the repeat purchases: the first purchase is excluded.
 *
 * @param customerId the customer
 * @param firstPurchase the day of the first purchase
 * @param lastPurchase the day of the last purchase in calibration
 * @param frequency the number of repeat purchase days, {@code x >= 0}
 * @param recency {@code t_x}, 0 when {@code x = 0}
 * @param age {@code T >= t_x}
 * @param repeatSpend the total of the repeat purchases, zero when {@code x = 0}
 */
public record CustomerSummary(
    String customerId,
    LocalDate firstPurchase,
    LocalDate lastPurchase,
    int frequency,
    double recency,
    double age,
    Money repeatSpend) {
  /**
   * Validates the components.
   *
   * @param customerId the customer
   * @param firstPurchase the day of the first purchase
   * @param lastPurchase the day of the last purchase in calibration
   * @param frequency the number of repeat purchase days
   * @param recency {@code t_x}
   * @param age {@code T}
   * @param repeatSpend the total of the repeat purchases
   * @throws IllegalArgumentException if a rule above is broken
   */
  public CustomerSummary {
    checkNotNull(customerId, "customerId");
    checkNotNull(firstPurchase, "firstPurchase");
    checkNotNull(lastPurchase, "lastPurchase");
    checkNotNull(repeatSpend, "repeatSpend");
    if (lastPurchase.isBefore(firstPurchase)) {
      throw new IllegalArgumentException(
          "last purchase " + lastPurchase + " is before first purchase " + firstPurchase
              + " for customer " + customerId);
    }
    BgNbdModel.checkHistory(frequency, recency, age);
    if (repeatSpend.isNegative()) {
      throw new IllegalArgumentException(
          "repeat spend must be >= 0: " + repeatSpend + " for customer " + customerId);
    }
  }

  /**
   * Mean value of the repeat purchases, {@code zbar}, in major units of the currency; 0 when
   * {@code x = 0}.
   *
   * @return {@code repeatSpend / frequency} as a double
   */
  public double meanRepeatSpend() {
    if (frequency == 0) {
      return 0;
    }
    return repeatSpend.toBigDecimal().doubleValue() / frequency;
  }

  /**
   * Returns the exact mean of the repeat purchases.
   *
   * @return {@code repeatSpend / frequency} as a decimal (zero when {@code x = 0}), with up to 16
   *     significant digits
   */
  public BigDecimal meanRepeatSpendExact() {
    if (frequency == 0) {
      return BigDecimal.ZERO;
    }
    return repeatSpend
        .toBigDecimal()
        .divide(BigDecimal.valueOf(frequency), java.math.MathContext.DECIMAL64);
  }
}
