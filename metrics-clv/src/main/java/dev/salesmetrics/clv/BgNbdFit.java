package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
   * <p>A fit is refused, rather than returned with parameters no prediction can use, when the
   * data do not determine the model (see {@code docs/CLV.md}, "Fitting"): when the maximum runs
   * away to the edge of the parameter range ({@code r}, {@code a} or {@code b} above 1e4 or below
   * 1e-4, or {@code alpha} beyond 1e6 times or below 1e-6 times the mean time per repeat
   * purchase), for instance because nobody seems to drop out or every customer buys at the same
   * rate; when the gradient does not vanish; or when the standard errors are undefined (the
   * log-likelihood is not concave, or a standard error of {@code ln theta} is above 5).
   *
   * @param data the customers (spend is ignored); weights count customers
   * @return the fit
   * @throws ModelFitException if nobody made a repeat purchase, or the fit is refused; the
   *     message names the cause and the parameter values
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
    ClvTimeUnit unit = data.unit();
    MaximumLikelihood.Result result =
        MaximumLikelihood.maximize(
            "BG/NBD",
            NAMES,
            likelihood::valueAndGradient,
            total,
            starts,
            new double[] {1, rateAlpha, 1, 1},
            r -> runaway(r, rateAlpha, unit));
    BgNbdModel model =
        new BgNbdModel(
            result.theta(0), result.theta(1), result.theta(2), result.theta(3), unit);
    return new BgNbdFit(
        model,
        result.logLikelihood(),
        total,
        result.stdError(0),
        result.stdError(1),
        result.stdError(2),
        result.stdError(3));
  }

  /** Largest plausible {@code r}, {@code a} and {@code b}; the inverse is the smallest. */
  static final double RUNAWAY = 1e4;

  /** Largest plausible {@code alpha} relative to the mean time per repeat purchase. */
  private static final double ALPHA_RUNAWAY = 1e6;

  private static final ImmutableList<String> NAMES = ImmutableList.of("r", "alpha", "a", "b");

  /** Names the parameters that run away, and what that says about the data. */
  private static Optional<String> runaway(
      MaximumLikelihood.Result result, double rateAlpha, ClvTimeUnit unit) {
    double r = result.theta(0);
    double alpha = result.theta(1);
    double a = result.theta(2);
    double b = result.theta(3);
    List<String> causes = new ArrayList<>();
    if (r > RUNAWAY) {
      causes.add(
          String.format(
              Locale.ROOT,
              "purchase rates look the same for every customer (r = %.3g and alpha = %.3g run"
                  + " away together, mean rate r/alpha = %.4g per %s), but BG/NBD needs rates"
                  + " that vary across customers",
              r,
              alpha,
              r / alpha,
              unit.id()));
    } else if (r < 1 / RUNAWAY) {
      causes.add(
          String.format(
              Locale.ROOT,
              "r = %.3g runs away to 0 (alpha = %.3g): a few customers make nearly all the"
                  + " purchases",
              r,
              alpha));
    } else if (alpha > ALPHA_RUNAWAY * rateAlpha || alpha < rateAlpha / ALPHA_RUNAWAY) {
      causes.add(
          String.format(
              Locale.ROOT,
              "alpha = %.3g %ss runs away (r = %.3g, mean time per repeat purchase %.3g %ss)",
              alpha,
              unit.id(),
              r,
              rateAlpha,
              unit.id()));
    }
    double meanDropout = 1 / (1 + b / a);
    if (a < 1 / RUNAWAY || (b > RUNAWAY && a <= RUNAWAY)) {
      causes.add(
          String.format(
              Locale.ROOT,
              "no dropout seen (a = %.3g, b = %.3g: the mean dropout probability a/(a+b) = %.3g"
                  + " runs away to 0): customers keep buying until the calibration end, so the"
                  + " model cannot tell when they leave",
              a,
              b,
              meanDropout));
    } else if (a > RUNAWAY && b > RUNAWAY) {
      causes.add(
          String.format(
              Locale.ROOT,
              "the dropout probability looks the same for every customer (a = %.3g and b = %.3g"
                  + " run away together, mean a/(a+b) = %.3g), but BG/NBD needs it to vary across"
                  + " customers",
              a,
              b,
              meanDropout));
    } else if (a > RUNAWAY || b < 1 / RUNAWAY) {
      causes.add(
          String.format(
              Locale.ROOT,
              "the dropout probability runs away to 1 (a = %.3g, b = %.3g, mean a/(a+b) = %.3g):"
                  + " customers seem to leave right after their first repeat purchase",
              a,
              b,
              meanDropout));
    }
    if (causes.isEmpty() && result.atBoundary()) {
      causes.add("a parameter reached the edge of the search at " 
          + MaximumLikelihood.parameters(NAMES, result));
    }
    if (causes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "parameters run away to the edge of their range: " + String.join("; ", causes));
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
