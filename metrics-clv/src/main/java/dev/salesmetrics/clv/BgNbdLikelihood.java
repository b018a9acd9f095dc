package dev.salesmetrics.clv;

import java.util.Arrays;
import javax.annotation.Nullable;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD log-likelihood of a data set and its gradient with respect to the log-parameters.
 * Terms that depend only on {@code x} (log-gamma and digamma values) are computed once per
 * distinct {@code x}, so one evaluation costs a few logarithms per row.
 */
final class BgNbdLikelihood {
  private final int[] distinctX;
  private final int[] group;
  private final double[] recency;
  private final double[] age;
  private final double[] weight;

  BgNbdLikelihood(RfmData data) {
    int n = data.size();
    int[] xs = new int[n];
    recency = new double[n];
    age = new double[n];
    weight = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = data.frequency(i);
      recency[i] = data.recency(i);
      age[i] = data.age(i);
      weight[i] = data.weight(i);
    }
    distinctX = Arrays.stream(xs).distinct().sorted().toArray();
    group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = Arrays.binarySearch(distinctX, xs[i]);
    }
  }

  /**
   * Returns {@code r ln alpha - (r+x) ln(alpha+t_x) + ln(C3 + [x>0] C4)} (note 027), with the
   * first two terms as {@code -r ln(1 + t_x/alpha) - x ln(alpha+t_x)} so that a large {@code r}
   * does not cancel two large products.
   */
  static double tail(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    if (x == 0) {
      return -r * Math.log1p(bigT / alpha);
    }
    double logC3 = -(r + x) * Math.log1p((bigT - tx) / (alpha + tx));
    double logC4 = Math.log(a) - Math.log(b + x - 1);
    double logSum =
        logC3 >= logC4
            ? logC3 + Math.log1p(Math.exp(logC4 - logC3))
            : logC4 + Math.log1p(Math.exp(logC3 - logC4));
    return -r * Math.log1p(tx / alpha) - x * Math.log(alpha + tx) + logSum;
  }

  double value(double r, double alpha, double a, double b) {
    return valueAndGradient(new double[] {r, alpha, a, b}, null);
  }

  /**
   * Returns the log-likelihood at {@code theta = (r, alpha, a, b)} and, when {@code gradient} is
   * not null, stores in it the gradient with respect to {@code (ln r, ln alpha, ln a, ln b)}.
   */
  double valueAndGradient(double[] theta, @Nullable double[] gradient) {
    double r = theta[0];
    double alpha = theta[1];
    double a = theta[2];
    double b = theta[3];
    int k = distinctX.length;
    double[] constant = new double[k];
    double[] c4 = new double[k];
    double[] dr = new double[k];
    double[] da = new double[k];
    double[] db = new double[k];
    boolean wantGradient = gradient != null;
    double lgR = Gamma.logGamma(r);
    double lgAb = Gamma.logGamma(a + b);
    double lgB = Gamma.logGamma(b);
    double psiR = wantGradient ? Gamma.digamma(r) : 0;
    double psiAb = wantGradient ? Gamma.digamma(a + b) : 0;
    double psiB = wantGradient ? Gamma.digamma(b) : 0;
    for (int j = 0; j < k; j++) {
      int x = distinctX[j];
      constant[j] =
          Gamma.logGamma(r + x)
              - lgR
              + lgAb
              + Gamma.logGamma(b + x)
              - lgB
              - Gamma.logGamma(a + b + x);
      c4[j] = x == 0 ? 0 : Math.log(a) - Math.log(b + x - 1); // ln C4
      if (wantGradient) {
        double psiAbx = Gamma.digamma(a + b + x);
        dr[j] = Gamma.digamma(r + x) - psiR;
        da[j] = psiAb - psiAbx;
        db[j] = psiAb + Gamma.digamma(b + x) - psiB - psiAbx;
      }
    }
    double sum = 0;
    double gr = 0;
    double galpha = 0;
    double ga = 0;
    double gb = 0;
    for (int i = 0; i < group.length; i++) {
      int j = group[i];
      int x = distinctX[j];
      double w = weight[i];
      double tx = recency[i];
      double bigT = age[i];
      double rx = r + x;
      double logAlphaTx = Math.log(alpha + tx);
      double logRatioTx = Math.log1p(tx / alpha); // ln((alpha+t_x)/alpha)
      double gap = Math.log1p((bigT - tx) / (alpha + tx)); // ln((alpha+T)/(alpha+t_x))
      double logC3 = -rx * gap;
      double share; // weight of the "dropped out at t_x" branch, C4 / (C3 + C4)
      double logSum;
      if (x == 0) {
        share = 0;
        logSum = logC3;
      } else {
        double logC4 = c4[j];
        if (logC3 >= logC4) {
          double e = Math.exp(logC4 - logC3);
          logSum = logC3 + Math.log1p(e);
          share = e / (1 + e);
        } else {
          double e = Math.exp(logC3 - logC4);
          logSum = logC4 + Math.log1p(e);
          share = 1 / (1 + e);
        }
      }
      sum += w * (constant[j] - r * logRatioTx - x * logAlphaTx + logSum);
      if (wantGradient) {
        double alive = 1 - share;
        gr += w * (dr[j] - logRatioTx - alive * gap);
        double dGap = 1 / (alpha + bigT) - 1 / (alpha + tx);
        galpha += w * (r / alpha - rx / (alpha + tx) - alive * rx * dGap);
        ga += w * (da[j] + share / a);
        gb += w * (db[j] - (x == 0 ? 0 : share / (b + x - 1)));
      }
    }
    if (wantGradient) {
      gradient[0] = gr * r;
      gradient[1] = galpha * alpha;
      gradient[2] = ga * a;
      gradient[3] = gb * b;
    }
    return sum;
  }
}
