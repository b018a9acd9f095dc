package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Properties;

/**
 * A BG/NBD model fitted by maximum likelihood, with what a user needs to judge it: the maximized
 * log-likelihood, the number of customers, and standard errors from the observed information.
 *
 * <p>Fitting maximizes over {@code ln r, ln alpha, ln a, ln b}: a Nelder-Mead search (Hipparchus)
 * followed by Newton steps on the analytic gradient. The result is accepted only where the
 * gradient per customer is below 1e-7 and the Hessian is negative definite; otherwise the fit is
 * retried from other starts and finally refused with {@link ModelFitException}. Immutable.
 *
 * <pre>{@code
 * BgNbdFit fit = BgNbdFit.fit(data);
 * BgNbdModel model = fit.model();
 * String text = fit.toText(); // BgNbdFit.parse(text) gives it back
 * }</pre>
 *
 * @param model the fitted parameters and their time unit
 * @param logLikelihood the maximized log-likelihood (in {@code model.unit()})
 * @param customers the number of customers fitted (sum of the weights)
 * @param rStdError standard error of {@code r}
 * @param alphaStdError standard error of {@code alpha}
 * @param aStdError standard error of {@code a}
 * @param bStdError standard error of {@code b}
 */
public record BgNbdFit(
    BgNbdModel model,
    double logLikelihood,
    double customers,
    double rStdError,
    double alphaStdError,
    double aStdError,
    double bStdError) {

  /**
   * Validates the components.
   *
   * @param model the fitted parameters and their time unit
   * @param logLikelihood the maximized log-likelihood
   * @param customers the number of customers fitted
   * @param rStdError standard error of {@code r}
   * @param alphaStdError standard error of {@code alpha}
   * @param aStdError standard error of {@code a}
   * @param bStdError standard error of {@code b}
   * @throws IllegalArgumentException if a number is not finite, or a count or error is negative
   */
  public BgNbdFit {
    checkNotNull(model, "model");
    Checks.finite("log_likelihood", logLikelihood);
    Checks.nonNegative("customers", customers);
    Checks.nonNegative("r_std_error", rStdError);
    Checks.nonNegative("alpha_std_error", alphaStdError);
    Checks.nonNegative("a_std_error", aStdError);
    Checks.nonNegative("b_std_error", bStdError);
  }

  /**
   * Fits the BG/NBD model to the customers, in the data's time unit.
   *
   * @param data the customers (spend is ignored); weights count customers
   * @return the fit
   * @throws ModelFitException if nobody made a repeat purchase, or no start converges
   */
  public static BgNbdFit fit(RfmData data) {
    checkNotNull(data, "data");
    double total = 0;
    double purchases = 0;
    double ageSum = 0;
    double maxAge = 0;
    for (int i = 0; i < data.size(); i++) {
      total += data.weight(i);
      purchases += data.weight(i) * data.frequency(i);
      ageSum += data.weight(i) * data.age(i);
      maxAge = Math.max(maxAge, data.age(i));
    }
    if (purchases == 0 || ageSum == 0) {
      throw new ModelFitException(
          "BG/NBD needs at least one repeat purchase and a positive age: "
              + data.size()
              + " customers, "
              + purchases
              + " repeat purchases");
    }
    double rateAlpha = ageSum / purchases; // alpha for r = 1 matching the mean purchase rate
    ImmutableList<double[]> starts =
        ImmutableList.of(
            new double[] {1, rateAlpha, 1, 3},
            new double[] {1.105171, 1.105171 * maxAge, 1.105171, 1.105171},
            new double[] {0.5, rateAlpha / 2, 0.5, 1},
            new double[] {2, rateAlpha * 2, 2, 6});
    BgNbdLikelihood likelihood = new BgNbdLikelihood(data);
    MaximumLikelihood.Result result =
        MaximumLikelihood.maximize("BG/NBD", likelihood::valueAndGradient, total, starts);
    BgNbdModel model =
        new BgNbdModel(
            result.theta(0), result.theta(1), result.theta(2), result.theta(3), data.unit());
    return new BgNbdFit(
        model,
        result.logLikelihood(),
        total,
        result.stdError(0),
        result.stdError(1),
        result.stdError(2),
        result.stdError(3));
  }

  /**
   * Writes the fit as {@code key=value} lines (Java properties syntax, keys sorted, numbers in
   * round-trip precision): {@code model=bgnbd}, {@code unit}, {@code r}, {@code alpha}, {@code
   * a}, {@code b}, {@code log_likelihood}, {@code customers} and the {@code *_std_error} keys.
   *
   * @return the text, ending with a newline
   */
  public String toText() {
    return Checks.lines(
        "a", model.a(),
        "a_std_error", aStdError,
        "alpha", model.alpha(),
        "alpha_std_error", alphaStdError,
        "b", model.b(),
        "b_std_error", bStdError,
        "customers", customers,
        "log_likelihood", logLikelihood,
        "model", "bgnbd",
        "r", model.r(),
        "r_std_error", rStdError,
        "unit", model.unit().id());
  }

  /**
   * Reads a fit written by {@link #toText()}; other keys (such as a Gamma-Gamma fit's) are
   * ignored, so both fits can share one file.
   *
   * @param text the properties text
   * @return the fit
   * @throws IllegalArgumentException if a key is missing or a value is malformed
   */
  public static BgNbdFit parse(String text) {
    Properties p = Checks.load(text);
    BgNbdModel model =
        new BgNbdModel(
            Checks.number(p, "r"),
            Checks.number(p, "alpha"),
            Checks.number(p, "a"),
            Checks.number(p, "b"),
            ClvTimeUnit.parse(Checks.text(p, "unit")));
    return new BgNbdFit(
        model,
        Checks.number(p, "log_likelihood"),
        Checks.number(p, "customers"),
        Checks.number(p, "r_std_error"),
        Checks.number(p, "alpha_std_error"),
        Checks.number(p, "a_std_error"),
        Checks.number(p, "b_std_error"));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "BgNbdFit[r=%.6g (%.3g), alpha=%.6g (%.3g), a=%.6g (%.3g), b=%.6g (%.3g), unit=%s,"
            + " log_likelihood=%.4f, customers=%.0f]",
        model.r(),
        rStdError,
        model.alpha(),
        alphaStdError,
        model.a(),
        aStdError,
        model.b(),
        bStdError,
        model.unit().id(),
        logLikelihood,
        customers);
  }
}
