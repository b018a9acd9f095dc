package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Properties;
import javax.annotation.Nullable;
import org.hipparchus.special.Gamma;

/**
 * A Gamma-Gamma spend model fitted by maximum likelihood on the customers with at least one
 * repeat purchase and a positive mean repeat spend (the others carry no information on spend).
 * Same optimizer and convergence checks as {@link BgNbdFit}. Immutable.
 *
 * @param model the fitted parameters
 * @param logLikelihood the maximized log-likelihood
 * @param customers the number of customers that entered the fit (sum of their weights)
 */
public record GammaGammaFit(GammaGammaModel model, double logLikelihood, double customers) {
  /**
   * Validates the components.
   *
   * @param model the fitted parameters
   * @param logLikelihood the maximized log-likelihood
   * @param customers the number of customers that entered the fit
   * @throws IllegalArgumentException if a number is not finite or the count is negative
   */
  public GammaGammaFit {
    checkNotNull(model, "model");
    Checks.finite("log_likelihood", logLikelihood);
    Checks.nonNegative("customers", customers);
  }

  /**
   * Fits the model to the rows of {@code data} with {@code x >= 1} and mean spend {@code > 0}.
   *
   * @param data customers with their mean repeat spend
   * @return the fit
   * @throws ModelFitException if fewer than two customers qualify, no start converges, or the
   *     maximum has {@code q <= 1} (mean spend undefined)
   */
  public static GammaGammaFit fit(RfmData data) {
    checkNotNull(data, "data");
    int n = 0;
    double total = 0;
    double spendSum = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.frequency(i) >= 1 && data.meanSpend(i) > 0) {
        n++;
        total += data.weight(i);
        spendSum += data.weight(i) * data.meanSpend(i);
      }
    }
    if (n < 2) {
      throw new ModelFitException(
          "Gamma-Gamma needs at least 2 customers with a repeat purchase and positive spend: " + n);
    }
    int[] xs = new int[n];
    double[] zbars = new double[n];
    double[] weights = new double[n];
    int k = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.frequency(i) >= 1 && data.meanSpend(i) > 0) {
        xs[k] = data.frequency(i);
        zbars[k] = data.meanSpend(i);
        weights[k] = data.weight(i);
        k++;
      }
    }
    double mean = spendSum / total;
    MaximumLikelihood.Objective objective =
        (theta, gradient) -> valueAndGradient(theta, gradient, xs, zbars, weights);
    ImmutableList<double[]> starts =
        ImmutableList.of(
            new double[] {1, 3, 2 * mean},
            new double[] {1.105171, 1.105171, 1.105171},
            new double[] {5, 5, 4 * mean / 5},
            new double[] {0.5, 2, 2 * mean});
    MaximumLikelihood.Result result =
        MaximumLikelihood.maximize("Gamma-Gamma", objective, total, starts);
    double q = result.theta(1);
    if (!(q > 1)) {
      throw new ModelFitException(
          String.format(
              Locale.ROOT,
              "Gamma-Gamma maximum has q = %.6g <= 1: mean spend is undefined for these data"
                  + " (p = %.6g, v = %.6g)",
              q,
              result.theta(0),
              result.theta(2)));
    }
    return new GammaGammaFit(
        new GammaGammaModel(result.theta(0), q, result.theta(2)), result.logLikelihood(), total);
  }

  private static double valueAndGradient(
      double[] theta,
      @Nullable double[] gradient,
      int[] xs,
      double[] zbars,
      double[] weights) {
    double p = theta[0];
    double q = theta[1];
    double v = theta[2];
    double sum = 0;
    double gp = 0;
    double gq = 0;
    double gv = 0;
    double psiQ = gradient == null ? 0 : Gamma.digamma(q);
    double logV = Math.log(v);
    for (int i = 0; i < xs.length; i++) {
      int x = xs[i];
      double z = zbars[i];
      double w = weights[i];
      sum += w * GammaGammaModel.logDensity(p, q, v, x, z);
      if (gradient != null) {
        double px = p * x;
        double psiPxq = Gamma.digamma(px + q);
        double logVxz = Math.log(v + x * z);
        gp += w * x * (psiPxq - Gamma.digamma(px) + Math.log(z) + Math.log(x) - logVxz);
        gq += w * (psiPxq - psiQ + logV - logVxz);
        gv += w * (q / v - (px + q) / (v + x * z));
      }
    }
    if (gradient != null) {
      gradient[0] = gp * p;
      gradient[1] = gq * q;
      gradient[2] = gv * v;
    }
    return sum;
  }

  /**
   * Writes the fit as {@code key=value} lines: {@code model=gamma_gamma}, {@code p}, {@code q},
   * {@code v}, {@code gg_log_likelihood}, {@code gg_customers}. The keys do not clash with those
   * of {@link BgNbdFit#toText()}, so both can be concatenated into one file.
   *
   * @return the text, ending with a newline
   */
  public String toText() {
    return Checks.lines(
        "gg_customers", customers,
        "gg_log_likelihood", logLikelihood,
        "gg_model", "gamma_gamma",
        "p", model.p(),
        "q", model.q(),
        "v", model.v());
  }

  /**
   * Reads a fit written by {@link #toText()}; other keys are ignored.
   *
   * @param text the properties text
   * @return the fit
   * @throws IllegalArgumentException if a key is missing or a value is malformed or out of range
   */
  public static GammaGammaFit parse(String text) {
    Properties p = Checks.load(text);
    return new GammaGammaFit(
        new GammaGammaModel(Checks.number(p, "p"), Checks.number(p, "q"), Checks.number(p, "v")),
        Checks.number(p, "gg_log_likelihood"),
        Checks.number(p, "gg_customers"));
  }
}
