package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every public prediction of the models stays finite and in range over parameters from 1e-6 to
 * 1e6 (far beyond any fit the checks accept), frequencies to a million and horizons to a
 * thousand years; and in the whole range of doubles it is finite or an {@link
 * ArithmeticException}, never NaN or infinite.
 */
class WideRangeProperties {
  /** Log-uniform over [10^lo, 10^hi]. */
  private static Gen<Double> logUniform(double lo, double hi) {
    return doubles().between(lo, hi).map(e -> Math.pow(10, e));
  }

  private static Gen<BgNbdModel> models(double lo, double hi) {
    Gen<Double> p = logUniform(lo, hi);
    return p.zip(p, p, p, (r, alpha, a, b) -> new double[] {r, alpha, a, b})
        .map(v -> new BgNbdModel(v[0], v[1], v[2], v[3], ClvTimeUnit.WEEK));
  }

  /** (x, t_x, T): x to a million, T from 0 to 1e4 weeks. */
  private static Gen<double[]> histories() {
    return integers()
        .between(0, 1_000_000)
        .zip(
            integers().between(0, 3),
            doubles().between(0, 1),
            logUniform(-3, 4),
            (x, digits, share, age) -> {
              int small = (int) (x % Math.pow(10, digits));
              int freq = digits == 3 ? x : small;
              return new double[] {freq, freq == 0 ? 0 : share * age, age};
            });
  }

  private static Gen<Double> horizons() {
    return logUniform(-3, 4.7); // up to 50,000 weeks
  }

  @Test
  void expectedPurchasesIsFiniteBoundedAndGrowsWithTheHorizon() {
    qt().withExamples(400)
        .forAll(models(-6, 6), histories(), horizons(), doubles().between(0, 1))
        .checkAssert(
            (m, h, t, share) -> {
              int x = (int) h[0];
              double longer = m.expectedPurchases(t, x, h[1], h[2]);
              double shorter = m.expectedPurchases(t * share, x, h[1], h[2]);
              // at most the purchases of a customer who never leaves: (r + x) t / (alpha + T)
              double bound = (m.r() + x) * t / (m.alpha() + h[2]);
              assertThat(longer).isFinite().isGreaterThanOrEqualTo(0);
              assertThat(longer).isLessThanOrEqualTo(bound * (1 + 1e-9));
              assertThat(shorter).isLessThanOrEqualTo(longer * (1 + 1e-9));
              double unconditional = m.expectedPurchases(t);
              assertThat(unconditional).isFinite().isGreaterThanOrEqualTo(0);
              assertThat(unconditional).isLessThanOrEqualTo(m.r() * t / m.alpha() * (1 + 1e-9));
            });
  }

  @Test
  void probabilitiesAreProbabilities() {
    qt().withExamples(400)
        .forAll(models(-6, 6), histories(), horizons(), integers().between(0, 1000))
        .checkAssert(
            (m, h, t, n) -> {
              int x = (int) h[0];
              assertThat(m.probabilityAlive(x, h[1], h[2])).isBetween(0.0, 1.0);
              assertThat(m.probabilityNoPurchase(t, x, h[1], h[2])).isBetween(0.0, 1.0);
              assertThat(m.probabilityOfPurchases(n, t)).isBetween(0.0, 1.0);
              assertThat(m.logLikelihood(x, h[1], h[2])).isFinite();
            });
  }

  @Test
  void lifetimeValueIsFiniteAndNonNegative() {
    Gen<GammaGammaModel> spend =
        logUniform(-6, 6)
            .zip(
                logUniform(-6, 6),
                logUniform(-6, 6),
                (p, q, v) -> new GammaGammaModel(p, 1 + q, v));
    qt().withExamples(200)
        .forAll(models(-6, 6), spend, histories(), logUniform(-2, 6))
        .checkAssert(
            (m, g, h, zbar) -> {
              int x = (int) h[0];
              double value =
                  new LifetimeValue(m, g)
                      .value(x, h[1], h[2], zbar, ClvHorizon.months(24).withDiscountRate(0.01));
              assertThat(value).isFinite().isGreaterThanOrEqualTo(0);
              assertThat(g.expectedAverageSpend(x, zbar)).isFinite().isPositive();
              if (x > 0) {
                assertThat(g.logLikelihood(x, zbar)).isFinite();
              }
            });
  }

  @Test
  void anywhereInTheDoubleRangeNothingIsNaN() {
    qt().withExamples(300)
        .forAll(models(-300, 300), histories(), logUniform(-300, 300))
        .checkAssert(
            (m, h, t) -> {
              int x = (int) h[0];
              finiteOrArithmetic("E[Y]", () -> m.expectedPurchases(t, x, h[1], h[2]));
              finiteOrArithmetic("E[X]", () -> m.expectedPurchases(t));
              finiteOrArithmetic("P(alive)", () -> m.probabilityAlive(x, h[1], h[2]));
              finiteOrArithmetic("P0", () -> m.probabilityNoPurchase(t, x, h[1], h[2]));
              finiteOrArithmetic("P(X=n)", () -> m.probabilityOfPurchases(x % 1000, t));
              finiteOrArithmetic("LL", () -> m.logLikelihood(x, h[1], h[2]));
            });
  }

  private static void finiteOrArithmetic(String what, java.util.function.DoubleSupplier value) {
    double v;
    try {
      v = value.getAsDouble();
    } catch (ArithmeticException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(v).as(what).isFinite();
  }
}
