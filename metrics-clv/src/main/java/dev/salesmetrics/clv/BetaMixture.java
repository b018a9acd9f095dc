package dev.salesmetrics.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The BG/NBD expected number of purchases of a customer alive now, as an average over the
 * dropout probability: {@code E[(1 - (1 + p s)^(-k)) / p]} for {@code p ~ Beta(a, beta)}.
 *
 * <p>Given the purchase rate {@code lambda} and the dropout probability {@code p}, a customer
 * alive now makes {@code (1 - exp(-lambda p t)) / p} purchases in the next {@code t} on average;
 * averaging over {@code lambda ~ Gamma(k, alpha + T)} gives {@code (1 - (1 + p s)^(-k)) / p} with
 * {@code s = t / (alpha + T)}, and the average over {@code p} is the numerator of FHL 2005 eq. 10
 * ({@code k = r + x}, {@code beta = b + x}). The integrand is bounded by {@code k s} and by
 * {@code 1/p}, so the average is finite for every parameter value, unlike the terms of the
 * hypergeometric series when {@code a} or {@code r} is very large.
 *
 * <p>The integral runs over {@code u = logit(p)} shifted to the mode {@code p* = a/(a+beta)} of
 * the density of {@code u}, which is log-concave, with the log density computed relative to the
 * mode so that even {@code a, beta ~ 1e12} lose no precision; the normalizing constant is
 * integrated the same way, so no beta function is needed. The first pieces are cut where the
 * density falls to fixed fractions of its peak and around the features of the integrand (the peak,
 * p = 1/2, and where {@code p s k} and {@code p s} reach 1), so that no feature hides between the
 * nodes of a long piece; adaptive Gauss-Kronrod (7/15 points) then subdivides until the estimated
 * relative error of both integrals is below 1e-12.
 */
final class BetaMixture {
  /** The integration stops where the density is below {@code e^-CUTOFF} of its peak. */
  private static final double CUTOFF = 80;

  private static final double TOLERANCE = 1e-12;
  private static final double[] LEVELS = {0.5, 2, 8, 20, 40};
  private static final double[] OFFSETS = {-64, -16, -4, -1, 0, 1, 4, 16, 64};
  private static final int MAX_PIECES = 4000;

  // Gauss-Kronrod 15-point rule: Kronrod nodes on [0, 1) (and their negatives), their weights,
  // and the weights of the embedded 7-point Gauss rule at the odd-indexed Kronrod nodes.
  private static final double[] NODES = {
    0.9914553711208126,
    0.9491079123427585,
    0.8648644233597691,
    0.7415311855993945,
    0.5860872354676911,
    0.4058451513773972,
    0.20778495500789848,
    0.0
  };
  private static final double[] KRONROD = {
    0.022935322010529224,
    0.06309209262997856,
    0.10479001032225019,
    0.14065325971552592,
    0.1690047266392679,
    0.19035057806478542,
    0.20443294007529889,
    0.20948214108472782
  };
  private static final double[] GAUSS = {
    0.1294849661688697,
    0.27970539148927664,
    0.3818300505051189,
    0.4179591836734694
  };

  private final double a;
  private final double beta;
  private final double k;
  private final double s;
  private final double pStar;
  private final double qStar;
  private final double logPStar;
  private final double logQStar;
  private final double logS;

  private BetaMixture(double a, double beta, double k, double s) {
    this.a = a;
    this.beta = beta;
    this.k = k;
    this.s = s;
    double logRatio = Math.log(a) - Math.log(beta); // ln(p*/q*), finite for any positive a, beta
    // ln p* = -ln(1 + beta/a), ln q* = -ln(1 + a/beta), without overflow
    this.logPStar = logRatio >= 0 ? -Math.log1p(Math.exp(-logRatio)) : logRatio
        - Math.log1p(Math.exp(logRatio));
    this.logQStar = logRatio <= 0 ? -Math.log1p(Math.exp(logRatio)) : -logRatio
        - Math.log1p(Math.exp(-logRatio));
    this.pStar = Math.exp(logPStar);
    this.qStar = Math.exp(logQStar);
    this.logS = Math.log(s);
  }

  /**
   * Returns {@code E[(1 - (1 + p s)^(-k)) / p]} for {@code p ~ Beta(a, beta)}.
   *
   * @param a first shape, finite and {@code > 0}
   * @param beta second shape, finite and {@code > 0}
   * @param k shape of the purchase-rate posterior, finite and {@code > 0}
   * @param s horizon over the rate's scale, finite and {@code >= 0}
   * @return the expectation, in {@code [0, k s]}; positive infinity only when {@code k s}
   *     overflows and the expectation with it
   */
  static double expectedPurchases(double a, double beta, double k, double s) {
    if (s == 0) {
      return 0;
    }
    return new BetaMixture(a, beta, k, s).integrate();
  }

  /**
   * {@code ln p(delta) - ln p*}: {@code -ln(1 + q* (e^-delta - 1))}, by {@code log1p} where that
   * is accurate and otherwise as {@code -ln(p* + q* e^-delta)} in log-sum-exp form.
   */
  private double logPRatio(double delta) {
    double u = qStar * Math.expm1(-delta);
    if (u >= -0.5 && u <= Double.MAX_VALUE) {
      return -Math.log1p(u);
    }
    return -logSumExp(logPStar, logQStar - delta);
  }

  /** {@code ln(1 - p(delta)) - ln q*}: {@code -ln(1 + p* (e^delta - 1))}, the same way. */
  private double logQRatio(double delta) {
    double u = pStar * Math.expm1(delta);
    if (u >= -0.5 && u <= Double.MAX_VALUE) {
      return -Math.log1p(u);
    }
    return -logSumExp(logQStar, logPStar + delta);
  }

  private static double logSumExp(double x, double y) {
    double max = Math.max(x, y);
    return max + Math.log1p(Math.exp(Math.min(x, y) - max));
  }

  /** Log density of {@code u = logit(p*) + delta} relative to its peak at delta = 0; {@code <= 0}. */
  private double logDensity(double delta) {
    return logDensity(delta, logPRatio(delta));
  }

  private double logDensity(double delta, double logPRatio) {
    return Math.min(0, a * logPRatio + beta * logQRatio(delta));
  }

  /**
   * {@code (1 - (1 + p s)^(-k)) / p = s (1 - (1 + y)^(-k)) / y} with {@code y = p s} computed from
   * the logarithms (so that a tiny {@code p} never goes through a subnormal number), and its limit
   * {@code k s} where {@code y} is too small to matter.
   */
  private double purchases(double logPRatio) {
    double y = Math.exp(logPStar + logPRatio + logS);
    if (y < 1e-300) {
      return k * s;
    }
    return s * (-Math.expm1(-k * Math.log1p(y)) / y);
  }

  /** One Gauss-Kronrod piece: the two integrals and their absolute error estimates. */
  private record Piece(
      double lo, double hi, double mass, double value, double massError, double valueError) {}

  private Piece piece(double lo, double hi) {
    double half = (hi - lo) / 2;
    double mid = lo + half;
    double massK = 0;
    double massG = 0;
    double valueK = 0;
    double valueG = 0;
    for (int i = 0; i < NODES.length; i++) {
      int points = NODES[i] == 0 ? 1 : 2;
      for (int side = 0; side < points; side++) {
        double delta = side == 0 ? mid + half * NODES[i] : mid - half * NODES[i];
        double logPRatio = logPRatio(delta);
        double f = Math.exp(logDensity(delta, logPRatio));
        double g = f == 0 ? 0 : f * purchases(logPRatio);
        massK += KRONROD[i] * f;
        valueK += KRONROD[i] * g;
        if (i % 2 == 1) {
          massG += GAUSS[i / 2] * f;
          valueG += GAUSS[i / 2] * g;
        }
      }
    }
    return new Piece(
        lo,
        hi,
        massK * half,
        valueK * half,
        Math.abs(massK - massG) * half,
        Math.abs(valueK - valueG) * half);
  }

  /**
   * About the point on one side where the log density is {@code -level} (within 1%), by bisection
   * on the log of the distance (the log density falls monotonically away from the peak).
   */
  private double level(double direction, double level, double scale, double end) {
    double near = Math.min(scale, 1) * 1e-9;
    double far = Math.abs(end);
    for (int i = 0; i < 60 && far > near * 1.01; i++) {
      double mid = Math.sqrt(near) * Math.sqrt(far);
      if (logDensity(direction * mid) > -level) {
        near = mid;
      } else {
        far = mid;
      }
    }
    return direction * far;
  }

  /** The end of the range on one side: where the log density falls below -CUTOFF. */
  private double end(double direction, double scale) {
    double d = scale;
    while (d < 1e300 && logDensity(direction * d) > -CUTOFF) {
      d *= 2;
    }
    return direction * Math.min(d, 1e300);
  }

  private double integrate() {
    double scale = Math.min(1e300, Math.sqrt(1 / a + 1 / beta));
    double lo = end(-1, scale);
    double hi = end(1, scale);
    List<Double> cuts = new ArrayList<>();
    cuts.add(lo);
    cuts.add(hi);
    cuts.add(0.0);
    // where the density falls to e^-level of its peak on each side, so that no piece can hide
    // the bulk of the density between its nodes
    for (double level : LEVELS) {
      cuts.add(level(-1, level, scale, lo));
      cuts.add(level(1, level, scale, hi));
    }
    // features of the integrand at unit scale in u = logit(p): the peak, p = 1/2 (where the
    // exponential terms of the log density change sides), and where p s k and p s reach 1 (where
    // the purchases term turns from k s towards 1/p); with cuts at growing distances on both
    // sides, no feature can hide between the nodes of a long piece
    double[] centres = {0, logQStar - logPStar, -logS - Math.log(k) - logPStar, -logS - logPStar};
    for (double centre : centres) {
      for (double offset : OFFSETS) {
        cuts.add(centre + offset);
      }
    }
    for (double m : new double[] {1, 4, 16}) {
      cuts.add(-m * scale);
      cuts.add(m * scale);
    }
    double[] sorted =
        cuts.stream()
            .mapToDouble(Double::doubleValue)
            .filter(c -> c >= lo && c <= hi && Double.isFinite(c))
            .sorted()
            .distinct()
            .toArray();
    List<Piece> first = new ArrayList<>();
    double mass = 0;
    double value = 0;
    for (int i = 0; i + 1 < sorted.length; i++) {
      Piece p = piece(sorted[i], sorted[i + 1]);
      first.add(p);
      mass += p.mass();
      value += p.value();
    }
    // the worst piece first: errors relative to the first estimates of both integrals
    double massScale = mass > 0 ? mass : 1;
    double valueScale = value > 0 ? value : 1;
    PriorityQueue<Piece> pieces =
        new PriorityQueue<>(
            (x, y) ->
                Double.compare(
                    y.massError() / massScale + y.valueError() / valueScale,
                    x.massError() / massScale + x.valueError() / valueScale));
    pieces.addAll(first);
    double massError = 0;
    double valueError = 0;
    for (Piece p : first) {
      massError += p.massError();
      valueError += p.valueError();
    }
    while (pieces.size() < MAX_PIECES
        && (massError > TOLERANCE * mass || valueError > TOLERANCE * value)) {
      Piece worst = pieces.poll();
      double mid = worst.lo() + (worst.hi() - worst.lo()) / 2;
      if (!(mid > worst.lo() && mid < worst.hi())) {
        pieces.add(worst);
        break;
      }
      Piece left = piece(worst.lo(), mid);
      Piece right = piece(mid, worst.hi());
      pieces.add(left);
      pieces.add(right);
      mass += left.mass() + right.mass() - worst.mass();
      value += left.value() + right.value() - worst.value();
      massError += left.massError() + right.massError() - worst.massError();
      valueError += left.valueError() + right.valueError() - worst.valueError();
    }
    // sum again from the pieces, small first, free of the drift of the running updates
    Piece[] all = pieces.toArray(new Piece[0]);
    Arrays.sort(all, (x, y) -> Double.compare(x.mass(), y.mass()));
    mass = 0;
    value = 0;
    for (Piece p : all) {
      mass += p.mass();
      value += p.value();
    }
    double result = value / mass;
    return Math.max(0, Math.min(k * s, result));
  }
}
