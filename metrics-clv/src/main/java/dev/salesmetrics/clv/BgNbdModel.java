package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005, "Counting your customers the
 * easy way"): while alive a customer buys at a Poisson rate {@code lambda ~ Gamma(shape r, rate
 * alpha)}, and after each purchase drops out for good with probability {@code p ~ Beta(a, b)}.
 *
 * <p>Times ({@code t}, {@code t_x}, {@code T}) and {@code alpha} are in {@link #unit()}. The
 * predictions use forms that stay finite where the textbook formulas overflow or take the log of
 * a negative number: the conditional expectation uses Euler's transformation of the Gauss
 * hypergeometric function and multiplies by {@link #probabilityAlive} (see {@code docs/CLV.md});
 * {@code a = 1} is handled as the limit. Where that series would overflow, need too many terms or
 * lose accuracy (very large {@code a} or {@code r}, horizons far beyond {@code alpha + T}), the
 * same expectation is computed by quadrature over the dropout probability. No method returns NaN
 * or an infinity: a value beyond the range of a double is an {@link ArithmeticException}.
 * Immutable and thread safe.
 *
 * <pre>{@code
 * BgNbdModel m = new BgNbdModel(0.242593, 4.413532, 0.792886, 2.425752, ClvTimeUnit.WEEK);
 * double expected = m.expectedPurchases(39, 2, 30.43, 38.86); // 1.2259...
 * double alive = m.probabilityAlive(2, 30.43, 38.86); // 0.7266...
 * }</pre>
 *
 * @param r shape of the purchase-rate distribution, {@code > 0}
 * @param alpha scale of the purchase-rate distribution in {@link #unit()}, {@code > 0}
 * @param a first shape of the dropout-probability distribution, {@code > 0}
 * @param b second shape of the dropout-probability distribution, {@code > 0}
 * @param unit the time unit of {@code alpha} and of every time argument
 */
public record BgNbdModel(double r, double alpha, double a, double b, ClvTimeUnit unit) {
  /**
   * Series terms allowed before {@link #expectedPurchases} turns to quadrature (z very close to
   * 1, or parameters so large that the terms peak late).
   */
  static final int MAX_SERIES_TERMS = 50_000;

  /**
   * Largest accepted ratio of the magnitudes summed to the result in the series: beyond it
   * rounding could cost more than about 1e-11 relative, and quadrature is used instead.
   */
  private static final double MAX_CANCELLATION = 1e3;

  /**
   * Validates the parameters.
   *
   * @param r shape of the purchase-rate distribution, {@code > 0}
   * @param alpha scale of the purchase-rate distribution, {@code > 0}
   * @param a first dropout shape, {@code > 0}
   * @param b second dropout shape, {@code > 0}
   * @param unit the time unit
   * @throws IllegalArgumentException if a parameter is not finite and positive
   * @throws NullPointerException if {@code unit} is null
   */
  public BgNbdModel {
    checkPositive("r", r);
    checkPositive("alpha", alpha);
    checkPositive("a", a);
    checkPositive("b", b);
    checkNotNull(unit, "unit");
  }

  private static void checkPositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0: " + value);
    }
  }

  /**
   * Returns the same model with {@code alpha} expressed in another time unit.
   *
   * @param target the new unit
   * @return the model in {@code target}; r, a and b do not change
   */
  public BgNbdModel inUnit(ClvTimeUnit target) {
    checkNotNull(target, "target");
    return new BgNbdModel(r, alpha * unit.days() / target.days(), a, b, target);
  }

  /**
   * Log-likelihood of one customer's history, {@code ln L(r, alpha, a, b | x, t_x, T)} (FHL 2005
   * eq. 6, in the overflow-free form of Fader and Hardie note 027).
   *
   * @param x the number of repeat purchases
   * @param recency {@code t_x}
   * @param age {@code T}
   * @return the log-likelihood, finite
   * @throws IllegalArgumentException if {@code x < 0} or not {@code 0 <= t_x <= T}
   * @throws ArithmeticException if the log-likelihood is below the range of a double (only for
   *     parameters or times near the largest doubles)
   */
  public double logLikelihood(int x, double recency, double age) {
    checkHistory(x, recency, age);
    double d =
        Gamma.logGamma(r + x)
            - Gamma.logGamma(r)
            + Gamma.logGamma(a + b)
            + Gamma.logGamma(b + x)
            - Gamma.logGamma(b)
            - Gamma.logGamma(a + b + x);
    double value = d + BgNbdLikelihood.tail(r, alpha, a, b, x, recency, age);
    if (!Double.isFinite(value)) {
      throw new ArithmeticException(
          String.format(
              Locale.ROOT,
              "log-likelihood %s is outside the range of a double for x = %d, recency = %s,"
                  + " age = %s in %s",
              value,
              x,
              recency,
              age,
              this));
    }
    return value;
  }

  /**
   * Log-likelihood of a data set, {@code sum of weight * ln L} over its rows.
   *
   * @param data the customers; converted to {@link #unit()} first
   * @return the log-likelihood, finite
   * @throws ArithmeticException if the log-likelihood is below the range of a double
   */
  public double logLikelihood(RfmData data) {
    double value = new BgNbdLikelihood(data.inUnit(unit)).value(r, alpha, a, b);
    if (!Double.isFinite(value)) {
      throw new ArithmeticException(
          "log-likelihood " + value + " of the data is outside the range of a double in " + this);
    }
    return value;
  }

  /**
   * Probability that a customer with this history is still alive at {@code T} (Hardie note 021),
   * computed as a logistic of a log-ratio so that it never overflows: 1 when {@code x = 0}.
   *
   * @param x the number of repeat purchases
   * @param recency {@code t_x}
   * @param age {@code T}
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if {@code x < 0} or not {@code 0 <= t_x <= T}
   */
  public double probabilityAlive(int x, double recency, double age) {
    checkHistory(x, recency, age);
    if (x == 0) {
      return 1;
    }
    return 1 / (1 + Math.exp(logOddsDead(x, recency, age)));
  }

  /** Returns {@code ln((1 - P(alive)) / P(alive))} for {@code x > 0}. */
  private double logOddsDead(int x, double recency, double age) {
    return Math.log(a) - Math.log(b + x - 1)
        + (r + x) * Math.log1p((age - recency) / (alpha + recency));
  }

  /**
   * Expected number of purchases in {@code (0, t]} by a new customer, {@code E[X(t)]} (FHL 2005
   * eq. 9), including the case {@code a + b < 1} where the hypergeometric factor is negative.
   *
   * @param t the horizon in {@link #unit()}, {@code >= 0}
   * @return the expectation, finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   * @throws ArithmeticException if the expectation exceeds the range of a double (only when
   *     {@code r t / alpha} does, and {@code a <= 1})
   */
  public double expectedPurchases(double t) {
    checkHorizon(t);
    return finite(numerator(t, 0, 0), "expected purchases", t, 0, 0, 0);
  }

  /**
   * Expected number of purchases in {@code (T, T + t]} by a customer with history {@code (x, t_x,
   * T)}, {@code E[Y(t) | x, t_x, T]} (FHL 2005 eq. 10). Finite for any {@code x}: the
   * hypergeometric series is used after Euler's transformation, whose upper parameters do not grow
   * with {@code x}, and the denominator is replaced by a factor {@link #probabilityAlive}.
   *
   * @param t the horizon in {@link #unit()}, {@code >= 0}
   * @param x the number of repeat purchases
   * @param recency {@code t_x}
   * @param age {@code T}
   * @return the expectation, finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code t < 0}, {@code x < 0} or not {@code 0 <= t_x <= T}
   * @throws ArithmeticException if the expectation exceeds the range of a double (only when
   *     {@code (r + x) t / (alpha + T)} does, and {@code a <= 1})
   */
  public double expectedPurchases(double t, int x, double recency, double age) {
    checkHorizon(t);
    double alive = probabilityAlive(x, recency, age);
    if (alive == 0) {
      return 0;
    }
    return finite(alive * numerator(t, x, age), "expected purchases", t, x, recency, age);
  }

  private double finite(double value, String what, double t, int x, double recency, double age) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new ArithmeticException(
          String.format(
              Locale.ROOT,
              "%s %s exceed the range of a double for t = %s, x = %d, recency = %s, age = %s"
                  + " in %s",
              what,
              value,
              t,
              x,
              recency,
              age,
              this));
    }
    return value;
  }

  /**
   * Returns the numerator of FHL 2005 eq. 10, {@code (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha
   * +T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)]} with {@code z = t/(alpha+T+t)}: by the series when
   * it is accurate, otherwise by quadrature ({@link BetaMixture}).
   */
  private double numerator(double t, int x, double age) {
    if (t == 0) {
      return 0;
    }
    double series = numeratorBySeries(t, x, age);
    return series > 0 ? series : numeratorByQuadrature(t, x, age);
  }

  /** The numerator by quadrature over the dropout probability; accurate for any parameters. */
  double numeratorByQuadrature(double t, int x, double age) {
    return BetaMixture.expectedPurchases(a, b + x, r + x, t / (alpha + age));
  }

  /**
   * The numerator as {@code C*E1 - (1-z)^(a-1) * H} where {@code C = a+b+x-1}, {@code E1 = (1 -
   * (1-z)^(a-1))/(a-1)} and {@code H = C * (2F1(a+b-1-r, a-1; C; z) - 1)/(a-1)} summed term by
   * term, so that neither a = 1 nor C near 0 divides by zero; NaN when the series needs more than
   * {@link #MAX_SERIES_TERMS} terms, overflows, or cancels so much that rounding could matter.
   */
  double numeratorBySeries(double t, int x, double age) {
    double z = t / (alpha + age + t);
    double logOneMinusZ = -Math.log1p(t / (alpha + age));
    double eps = a - 1;
    double c = a + b + x - 1;
    double upper = a + b - 1 - r;
    double e1 = eps == 0 ? -logOneMinusZ : -Math.expm1(eps * logOneMinusZ) / eps;
    double[] h = hypergeometricTail(upper, eps, c, z);
    double w = Math.exp(eps * logOneMinusZ);
    double first = c * e1;
    double value = first - w * h[0];
    double magnitude = Math.abs(first) + w * h[1];
    if (!(value > 0) || !(magnitude <= MAX_CANCELLATION * value)) {
      return Double.NaN;
    }
    return value;
  }

  /**
   * Sums {@code H = sum over n >= 1 of (A)_n (eps+1)_(n-1) / ((C+1)_(n-1) n!) z^n} with the ratio
   * recursion {@code h(n+1) = h(n) (A+n)(eps+n) / ((C+n)(n+1)) z}, stopping when the remaining
   * terms (bounded by a geometric tail) fall below 1e-17 of the sum. Returns the sum and the sum
   * of the terms' magnitudes, or NaNs after {@link #MAX_SERIES_TERMS} terms.
   */
  static double[] hypergeometricTail(double upper, double eps, double c, double z) {
    double term = upper * z;
    double sum = term;
    double magnitude = Math.abs(term);
    double signStable = Math.max(0, -upper) + 2;
    for (int n = 1; n < MAX_SERIES_TERMS; n++) {
      double ratio = (upper + n) * (eps + n) / ((c + n) * (n + 1)) * z;
      term *= ratio;
      sum += term;
      magnitude += Math.abs(term);
      if (term == 0) {
        return new double[] {sum, magnitude};
      }
      if (n > signStable && ratio < 1) {
        double tail = Math.abs(term) * Math.max(ratio, z) / (1 - Math.max(ratio, z));
        if (tail <= 1e-17 * Math.abs(sum)) {
          return new double[] {sum, magnitude};
        }
      }
    }
    return new double[] {Double.NaN, Double.NaN};
  }

  /**
   * Probability that a new customer makes exactly {@code n} purchases in {@code (0, t]}, {@code
   * P(X(t) = n)} (FHL 2005 eq. 8), in log space; the NBD tail is the regularized incomplete beta
   * function, so no cancellation occurs for large {@code n}.
   *
   * @param n the number of purchases, {@code >= 0}
   * @param t the horizon in {@link #unit()}, {@code >= 0}
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if {@code n < 0} or {@code t} is negative or not finite
   * @throws ArithmeticException if the probability cannot be computed in doubles (only for
   *     parameters near the limits of the double range)
   */
  public double probabilityOfPurchases(int n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    checkHorizon(t);
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logBetaAb = logBeta(a, b);
    double logP = -Math.log1p(t / alpha); // ln(alpha / (alpha + t))
    double logQ = -Math.log1p(alpha / t); // ln(t / (alpha + t))
    double logFirst =
        logBeta(a, b + n)
            - logBetaAb
            + Gamma.logGamma(r + n)
            - Gamma.logGamma(r)
            - Gamma.logGamma(n + 1.0)
            + r * logP
            + n * logQ;
    double first = Math.exp(logFirst);
    double value = first;
    if (n > 0) {
      double nbdTail = nbdTail(n, logP, logQ);
      double second =
          nbdTail == 0 ? 0 : Math.exp(logBeta(a + 1, b + n - 1) - logBetaAb + Math.log(nbdTail));
      value = first + second;
    }
    if (Double.isNaN(value)) {
      throw new ArithmeticException(
          String.format(
              Locale.ROOT,
              "probability of %d purchases in t = %s cannot be computed in doubles for %s",
              n,
              t,
              this));
    }
    return clamp01(value);
  }

  /**
   * {@code P(N >= n)} for a negative binomial count {@code N} with shape {@code r} and success
   * probability {@code q = t / (alpha + t)}: the regularized incomplete beta function {@code
   * I_q(n, r)}, or, where its continued fraction fails (extreme {@code r}), one minus the
   * probabilities of {@code 0 .. n-1} summed by their ratio recursion.
   */
  private double nbdTail(int n, double logP, double logQ) {
    double q = Math.exp(logQ);
    try {
      double v = Beta.regularizedBeta(q, n, r);
      if (v >= 0 && v <= 1) {
        return v;
      }
    } catch (MathRuntimeException e) {
      // fall through to the sum
    }
    if (n > MAX_SERIES_TERMS) {
      throw new ArithmeticException(
          "negative binomial tail P(N >= " + n + ") cannot be computed for " + this);
    }
    double logTerm = r * logP; // ln P(N = 0)
    double below = 0;
    for (int j = 0; j < n; j++) {
      below += Math.exp(logTerm);
      logTerm += Math.log(r + j) - Math.log(j + 1.0) + logQ;
    }
    return clamp01(1 - below);
  }

  /** {@code ln B(x, y)}, also where Hipparchus overflows for tiny arguments. */
  private static double logBeta(double x, double y) {
    double v = Beta.logBeta(x, y);
    return Double.isFinite(v) ? v : Gamma.logGamma(x) + Gamma.logGamma(y) - Gamma.logGamma(x + y);
  }

  /**
   * Probability that a customer with history {@code (x, t_x, T)} makes no purchase in {@code (T, T
   * + t]}: {@code (1 - P(alive)) + P(alive) * ((alpha+T)/(alpha+T+t))^(r+x)}, from the posterior
   * of the purchase rate given that the customer is alive.
   *
   * @param t the horizon in {@link #unit()}, {@code >= 0}
   * @param x the number of repeat purchases
   * @param recency {@code t_x}
   * @param age {@code T}
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if {@code t < 0}, {@code x < 0} or not {@code 0 <= t_x <= T}
   */
  public double probabilityNoPurchase(double t, int x, double recency, double age) {
    checkHorizon(t);
    checkHistory(x, recency, age);
    double silentIfAlive = Math.exp(-(r + x) * Math.log1p(t / (alpha + age)));
    if (x == 0) {
      return clamp01(silentIfAlive);
    }
    double u = logOddsDead(x, recency, age);
    double alive = 1 / (1 + Math.exp(u));
    double dead = 1 / (1 + Math.exp(-u));
    return clamp01(dead + alive * silentIfAlive);
  }

  /**
   * Draws customers from the model: each has a purchase rate {@code lambda ~ Gamma(r, alpha)} and
   * a dropout probability {@code p ~ Beta(a, b)}, buys at exponential intervals from time 0 up to
   * its age, and drops out after each repeat purchase with probability {@code p}. Times are
   * continuous, in {@link #unit()}. The same seed always gives the same data.
   *
   * @param ages the age {@code T} of each customer, each finite and {@code >= 0}
   * @param seed the random seed
   * @return one row per age, spend 0, weight 1
   * @throws IllegalArgumentException if an age is negative or not finite
   */
  public RfmData simulate(double[] ages, long seed) {
    checkNotNull(ages, "ages");
    RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(seed));
    RfmData.Builder data = RfmData.builder(unit);
    for (double age : ages) {
      if (!(age >= 0) || !Double.isFinite(age)) {
        throw new IllegalArgumentException("age must be finite and >= 0: " + age);
      }
      double lambda = random.nextGamma(r, 1 / alpha);
      double p = random.nextBeta(a, b);
      int x = 0;
      double last = 0;
      double t = 0;
      while (true) {
        t += random.nextExponential(1 / lambda);
        if (t > age) {
          break;
        }
        x++;
        last = t;
        if (random.nextDouble() < p) {
          break;
        }
      }
      data.add(x, last, age);
    }
    return data.build();
  }

  private static double clamp01(double p) {
    return Math.min(1, Math.max(0, p));
  }

  private static void checkHorizon(double t) {
    if (!(t >= 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("horizon t must be finite and >= 0: " + t);
    }
  }

  static void checkHistory(int x, double recency, double age) {
    if (x < 0) {
      throw new IllegalArgumentException("frequency must be >= 0: " + x);
    }
    if (!(recency >= 0) || !(age >= recency) || !Double.isFinite(age)) {
      throw new IllegalArgumentException(
          "need finite 0 <= recency <= age: recency " + recency + ", age " + age);
    }
  }
}
