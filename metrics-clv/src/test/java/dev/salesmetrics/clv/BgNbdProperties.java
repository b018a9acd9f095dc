package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the predictions over random parameters and histories. */
class BgNbdProperties {
  private static Gen<BgNbdModel> models() {
    Gen<Double> shape = doubles().between(0.05, 5);
    return shape
        .zip(
            doubles().between(0.5, 50),
            shape,
            shape,
            (r, alpha, a, b) -> new double[] {r, alpha, a, b})
        .map(p -> new BgNbdModel(p[0], p[1], p[2], p[3], ClvTimeUnit.WEEK));
  }

  /** A history (x, t_x, T) with T up to 100 weeks. */
  private static Gen<double[]> histories() {
    return integers()
        .between(0, 300)
        .zip(
            doubles().between(0, 1),
            doubles().between(0, 100),
            (x, share, age) -> new double[] {x, x == 0 ? 0 : share * age, age});
  }

  @Test
  void expectedPurchasesIsNonDecreasingInTheHorizon() {
    qt().forAll(models(), histories(), doubles().between(0, 260), doubles().between(0, 260))
        .checkAssert(
            (m, h, t1, t2) -> {
              int x = (int) h[0];
              double shorter = m.expectedPurchases(Math.min(t1, t2), x, h[1], h[2]);
              double longer = m.expectedPurchases(Math.max(t1, t2), x, h[1], h[2]);
              assertThat(shorter).isFinite().isGreaterThanOrEqualTo(0);
              assertThat(longer).isGreaterThanOrEqualTo(shorter * (1 - 1e-12));
            });
  }

  @Test
  void probabilityAliveIsAProbabilityNonIncreasingInTimeSinceLastPurchase() {
    qt().forAll(models(), histories(), doubles().between(0, 100))
        .checkAssert(
            (m, h, extra) -> {
              int x = (int) h[0];
              double now = m.probabilityAlive(x, h[1], h[2]);
              double later = m.probabilityAlive(x, h[1], h[2] + extra);
              assertThat(now).isBetween(0.0, 1.0);
              assertThat(later).isBetween(0.0, 1.0);
              assertThat(later).isLessThanOrEqualTo(now);
            });
  }

  @Test
  void lifetimeValueIsNonNegative() {
    GammaGammaModel spend = Cdnow.GG_MLE;
    qt().forAll(
            models(),
            histories(),
            doubles().between(0, 500),
            integers()
                .between(1, 60)
                .zip(doubles().between(0, 0.1), (k, d) -> ClvHorizon.months(k).withDiscountRate(d)))
        .checkAssert(
            (m, h, zbar, horizon) -> {
              int x = (int) h[0];
              double value = new LifetimeValue(m, spend).value(x, h[1], h[2], zbar, horizon);
              assertThat(value).isFinite().isGreaterThanOrEqualTo(0);
            });
  }
}
