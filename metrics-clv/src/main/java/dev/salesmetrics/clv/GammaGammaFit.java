package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
   * @throws ModelFitException if fewer than two customers qualify, the fit is refused (parameters
   *     running away, no convergence, standard errors undefined: the same checks as {@link
   *     BgNbdFit#fit}), or the maximum has {@code q <= 1} (mean spend undefined)
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
    MaximumLikelihood.Objective objective = new Likelihood(xs, zbars, weights);
    ImmutableList<double[]> starts =
        ImmutableList.of(
            new double[] {1, 3, 2 * mean},
            new double[] {1.105171, 1.105171, 1.105171},
            new double[] {5, 5, 4 * mean / 5},
            new double[] {0.5, 2, 2 * mean});
    MaximumLikelihood.Result result =
        MaximumLikelihood.maximize(
            "Gamma-Gamma",
            NAMES,
            objective,
            total,
            starts,
            new double[] {1, 1, mean},
            r -> runaway(r, mean));
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

  private static final ImmutableList<String> NAMES = ImmutableList.of("p", "q", "v");

  /** Largest plausible {@code p} and {@code q}, and {@code v} relative to the mean spend. */
  private static final double RUNAWAY = 1e4;

  /** Names the parameters that run away, and what that says about the data. */
  private static Optional<String> runaway(MaximumLikelihood.Result result, double meanSpend) {
    double p = result.theta(0);
    double q = result.theta(1);
    double v = result.theta(2);
    List<String> causes = new ArrayList<>();
    if (p > RUNAWAY) {
      causes.add(
          String.format(
              Locale.ROOT,
              "p = %.3g runs away: each customer's purchase values barely vary around their mean",
              p));
    } else if (p < 1 / RUNAWAY) {
      causes.add(String.format(Locale.ROOT, "p = %.3g runs away to 0", p));
    }
    if (q > RUNAWAY) {
      causes.add(
          String.format(
              Locale.ROOT,
              "mean spend looks the same for every customer (q = %.3g and v = %.3g run away"
                  + " together), but Gamma-Gamma needs it to vary across customers",
              q,
              v));
    } else if (v > RUNAWAY * RUNAWAY * meanSpend || v < meanSpend / (RUNAWAY * RUNAWAY)) {
      causes.add(
          String.format(
              Locale.ROOT, "v = %.3g runs away (mean spend per purchase %.3g)", v, meanSpend));
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
   * The Gamma-Gamma log-likelihood and its gradient with respect to {@code (ln p, ln q, ln v)};
   * the log-gamma and digamma terms depend only on {@code x}, so they are computed once per
   * distinct {@code x}.
   */
  private static final class Likelihood implements MaximumLikelihood.Objective {
    private final int[] distinctX;
    private final int[] group;
    private final double[] logZ;
    private final double[] xz;
    private final double[] weights;

    Likelihood(int[] xs, double[] zbars, double[] weights) {
      this.distinctX = Arrays.stream(xs).distinct().sorted().toArray();
      this.group = new int[xs.length];
      this.logZ = new double[xs.length];
      this.xz = new double[xs.length];
      this.weights = weights.clone();
      for (int i = 0; i < xs.length; i++) {
        group[i] = Arrays.binarySearch(distinctX, xs[i]);
        logZ[i] = Math.log(zbars[i]);
        xz[i] = xs[i] * zbars[i];
      }
    }

    @Override
    public double valueAndGradient(double[] theta, @Nullable double[] gradient) {
      double p = theta[0];
      double q = theta[1];
      double v = theta[2];
      boolean wantGradient = gradient != null;
      double logV = Math.log(v);
      double lgQ = Gamma.logGamma(q);
      double psiQ = wantGradient ? Gamma.digamma(q) : 0;
      int k = distinctX.length;
      double[] constant = new double[k];
      double[] psiPxq = new double[k];
      double[] psiPx = new double[k];
      double[] logX = new double[k];
      for (int j = 0; j < k; j++) {
        int x = distinctX[j];
        double px = p * x;
        logX[j] = Math.log(x);
        constant[j] = Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgQ + px * logX[j];
        if (wantGradient) {
          psiPxq[j] = Gamma.digamma(px + q);
          psiPx[j] = Gamma.digamma(px);
        }
      }
      double sum = 0;
      double gp = 0;
      double gq = 0;
      double gv = 0;
      for (int i = 0; i < group.length; i++) {
        int j = group[i];
        int x = distinctX[j];
        double px = p * x;
        double w = weights[i];
        double log1pRatio = Math.log1p(xz[i] / v); // ln((v + x zbar) / v)
        // q ln v - (px + q) ln(v + x zbar) = -px ln v - (px + q) ln(1 + x zbar / v)
        sum += w * (constant[j] + (px - 1) * logZ[i] - px * logV - (px + q) * log1pRatio);
        if (wantGradient) {
          double logVxz = logV + log1pRatio;
          gp += w * x * (psiPxq[j] - psiPx[j] + logZ[i] + logX[j] - logVxz);
          gq += w * (psiPxq[j] - psiQ - log1pRatio);
          gv += w * (q / v - (px + q) / (v + xz[i]));
        }
      }
      if (wantGradient) {
        gradient[0] = gp * p;
        gradient[1] = gq * q;
        gradient[2] = gv * v;
      }
      return sum;
    }
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
