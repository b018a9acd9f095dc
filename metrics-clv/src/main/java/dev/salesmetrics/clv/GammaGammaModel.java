package dev.salesmetrics.clv;

import java.util.OptionalDouble;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader and Hardie note 025): a customer's purchase
 * values are {@code Gamma(shape p, rate nu)}, and {@code nu ~ Gamma(shape q, rate v)} across
 * customers. It assumes that spend per purchase does not depend on how often a customer buys.
 *
 * <p>{@code q > 1} is required, because the mean spend {@code p v / (q - 1)} is undefined (and
 * lifetime values would turn negative) otherwise. Spend is in major units of one currency.
 * Immutable and thread safe.
 *
 * @param p shape of the purchase values, {@code > 0}
 * @param q shape of the distribution of the rate {@code nu}, {@code > 1}
 * @param v rate of the distribution of {@code nu} (a money amount), {@code > 0}
 */
public record GammaGammaModel(double p, double q, double v) {
  /**
   * Validates the parameters.
   *
   * @param p shape of the purchase values, {@code > 0}
   * @param q shape of the distribution of {@code nu}, {@code > 1}
   * @param v rate of the distribution of {@code nu}, {@code > 0}
   * @throws IllegalArgumentException if a parameter is out of range or not finite
   */
  public GammaGammaModel {
    if (!(p > 0) || !Double.isFinite(p)) {
      throw new IllegalArgumentException("p must be finite and > 0: " + p);
    }
    if (!(q > 1) || !Double.isFinite(q)) {
      throw new IllegalArgumentException(
          "q must be finite and > 1 for a finite mean spend: " + q);
    }
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException("v must be finite and > 0: " + v);
    }
  }

  /**
   * Mean spend per purchase across customers, {@code p v / (q - 1)}.
   *
   * @return the population mean, {@code > 0}
   * @throws ArithmeticException if the mean exceeds the range of a double
   */
  public double populationMean() {
    return finite("population mean", p / (q - 1) * v);
  }

  /**
   * Variance of the mean spend across customers, {@code p^2 v^2 / ((q-1)^2 (q-2))}, defined only
   * when {@code q > 2}.
   *
   * @return the variance, or empty when {@code q <= 2}
   * @throws ArithmeticException if the variance exceeds the range of a double
   */
  public OptionalDouble populationVariance() {
    if (q <= 2) {
      return OptionalDouble.empty();
    }
    double m = populationMean();
    return OptionalDouble.of(finite("population variance", m / (q - 2) * m));
  }

  /**
   * Expected spend per purchase of a customer whose {@code x} repeat purchases averaged {@code
   * zbar}: {@code p (v + x zbar) / (p x + q - 1)}, a weighted mean of the population mean and
   * {@code zbar}. For {@code x = 0} it is the population mean.
   *
   * @param x the number of repeat purchases
   * @param meanSpend {@code zbar}, ignored when {@code x = 0}
   * @return the expected spend, {@code > 0}
   * @throws IllegalArgumentException if {@code x < 0} or {@code zbar} is negative or not finite
   * @throws ArithmeticException if the expected spend exceeds the range of a double
   */
  public double expectedAverageSpend(int x, double meanSpend) {
    checkSpend(x, meanSpend);
    if (x == 0) {
      return populationMean();
    }
    // p (v + x zbar) / (p x + q - 1) as a weighted mean, with no intermediate overflow
    double denominator = p * x + q - 1;
    double weight = p * x / denominator;
    return finite("expected average spend", p / denominator * v + weight * meanSpend);
  }

  private double finite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new ArithmeticException(what + " " + value + " exceeds the range of a double in " + this);
    }
    return value;
  }

  /**
   * Log-likelihood of a customer's mean repeat spend, {@code ln f(zbar | x)}.
   *
   * @param x the number of repeat purchases, {@code >= 1}
   * @param meanSpend {@code zbar > 0}
   * @return the log density, finite
   * @throws IllegalArgumentException if {@code x < 1} or {@code zbar <= 0}
   * @throws ArithmeticException if the log density is outside the range of a double (only for
   *     parameters near the limits of the double range)
   */
  public double logLikelihood(int x, double meanSpend) {
    if (x < 1 || !(meanSpend > 0) || !Double.isFinite(meanSpend)) {
      throw new IllegalArgumentException(
          "need x >= 1 and finite mean spend > 0: x " + x + ", mean spend " + meanSpend);
    }
    return finite(
        "log-likelihood of mean spend " + meanSpend + " over " + x + " purchases",
        logDensity(p, q, v, x, meanSpend));
  }

  static double logDensity(double p, double q, double v, int x, double zbar) {
    double px = p * x;
    return Gamma.logGamma(px + q)
        - Gamma.logGamma(px)
        - Gamma.logGamma(q)
        + q * Math.log(v)
        + (px - 1) * Math.log(zbar)
        + px * Math.log(x)
        - (px + q) * (Math.log(v) + Math.log1p(x * zbar / v));
  }

  private static void checkSpend(int x, double meanSpend) {
    if (x < 0) {
      throw new IllegalArgumentException("frequency must be >= 0: " + x);
    }
    if (!(meanSpend >= 0) || !Double.isFinite(meanSpend)) {
      throw new IllegalArgumentException("mean spend must be finite and >= 0: " + meanSpend);
    }
  }
}
