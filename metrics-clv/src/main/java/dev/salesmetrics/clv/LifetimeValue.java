package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Predictive customer lifetime value: a purchase model and a spend model combined over a
 * discounted horizon of months, as lifetimes' {@code customer_lifetime_value} computes it:
 *
 * <pre>
 * CLV = sum over k = 1..K of m * (E[Y(k f)] - E[Y((k-1) f)]) / (1 + d)^k
 * </pre>
 *
 * <p>where {@code m} is the Gamma-Gamma expected spend per purchase, {@code E[Y(t)]} the BG/NBD
 * conditional expected number of purchases, {@code K} the number of months, {@code d} the monthly
 * discount rate and {@code f} one month in the purchase model's unit ({@link
 * ClvHorizon#monthIn}), so a weekly model never reads months as days. With {@code d = 0} the sum
 * telescopes to {@code m * E[Y(K f)]}, one evaluation; otherwise it stops early once the months
 * left cannot add 1e-17 of it ({@code E[Y(t)]} is concave in {@code t}). The cost grows with the
 * square of the horizon, since a later month's expectation needs more series terms. The value is
 * in the
 * currency of the spend model and is never negative. Immutable and thread safe.
 *
 * <pre>{@code
 * LifetimeValue clv = new LifetimeValue(bgNbdFit.model(), gammaGammaFit.model());
 * double value = clv.value(2, 30.43, 38.86, 22.35, ClvHorizon.months(12).withDiscountRate(0.01));
 * }</pre>
 *
 * @param purchases the purchase model
 * @param spend the spend model
 */
public record LifetimeValue(BgNbdModel purchases, GammaGammaModel spend) {
  /**
   * Validates the components.
   *
   * @param purchases the purchase model
   * @param spend the spend model
   * @throws NullPointerException if either is null
   */
  public LifetimeValue {
    checkNotNull(purchases, "purchases");
    checkNotNull(spend, "spend");
  }

  /**
   * Discounted expected value of a customer's purchases over the horizon.
   *
   * @param x the number of repeat purchases in calibration
   * @param recency {@code t_x} in the purchase model's unit
   * @param age {@code T} in the purchase model's unit
   * @param meanSpend {@code zbar}, the mean repeat-purchase value (ignored when {@code x = 0})
   * @param horizon months, discount rate and month length
   * @return the lifetime value, finite and {@code >= 0}
   * @throws IllegalArgumentException if the history is invalid (see {@link BgNbdModel})
   * @throws ArithmeticException if the value exceeds the range of a double
   */
  public double value(int x, double recency, double age, double meanSpend, ClvHorizon horizon) {
    checkNotNull(horizon, "horizon");
    double m = spend.expectedAverageSpend(x, meanSpend);
    double step = horizon.monthIn(purchases.unit());
    double rate = horizon.monthlyDiscountRate();
    double sum = 0;
    if (rate == 0) {
      // the monthly increments telescope
      sum = purchases.expectedPurchases(horizon.months() * step, x, recency, age);
    } else {
      double discount = 1 + rate;
      double previous = 0;
      double factor = 1;
      for (int k = 1; k <= horizon.months(); k++) {
        double expected = purchases.expectedPurchases(k * step, x, recency, age);
        factor /= discount;
        double increment = Math.max(0, expected - previous) * factor;
        sum += increment;
        previous = expected;
        // E[Y(t)] is concave in t, so no later month adds more purchases than this one: the rest
        // of the sum is at most increment * (1/(1+d) + 1/(1+d)^2 + ...) = increment / d
        if (increment / rate <= 1e-17 * sum) {
          break;
        }
      }
    }
    double value = m * sum;
    if (!Double.isFinite(value)) {
      throw new ArithmeticException(
          "lifetime value " + value + " exceeds the range of a double: expected spend " + m
              + " times discounted purchases " + sum);
    }
    return value;
  }
}
