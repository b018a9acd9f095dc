package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The quadrature over the dropout probability against the hypergeometric series (two independent
 * forms of FHL 2005 eq. 10) and against 50-digit values where only the quadrature applies.
 */
class BetaMixtureTest {
  private static final double HUGE_R_VALUE = 4334103484.403804;

  @Test
  void agreesWithTheSeriesOnEveryCdnowCustomer() {
    List<String[]> rows = Cdnow.csv("cdnow_customers_summary.csv");
    int compared = 0;
    for (String[] r : rows) {
      int x = (int) Double.parseDouble(r[1]);
      double age = Double.parseDouble(r[3]);
      for (double t : new double[] {39, 520}) {
        double series = Cdnow.MLE.numeratorBySeries(t, x, age);
        double quadrature = Cdnow.MLE.numeratorByQuadrature(t, x, age);
        assertThat(series).as("customer %s, t %s", r[0], t).isPositive();
        assertThat(quadrature).isCloseTo(series, within(1e-11 * series));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(2 * 2357);
  }

  /** Values of the hypergeometric form at 50 digits (mpmath) where the series gives up. */
  @Test
  void matchesFiftyDigitValuesWhereTheSeriesGivesUp() {
    BgNbdModel hugeR =
        new BgNbdModel(4162.266950661314, 0.00787697273766607, 0.0073201605500085596,
            4.3800946912493096E-4, ClvTimeUnit.WEEK);
    assertThat(hugeR.numeratorBySeries(10800, 6, 0.00112)).isNaN();
    assertThat(hugeR.numeratorByQuadrature(10800, 6, 0.00112))
        .isCloseTo(HUGE_R_VALUE, within(1e-14 * HUGE_R_VALUE));
    BgNbdModel hugeAb =
        new BgNbdModel(0.5, 3, 1.46e6, 5.33e6, ClvTimeUnit.WEEK);
    assertThat(hugeAb.numeratorBySeries(1, 0, 0)).isNaN();
    assertThat(hugeAb.numeratorByQuadrature(1, 0, 0))
        .isCloseTo(0.15821100608168834, within(1e-15));
  }

  private static Gen<Double> logUniform(double lo, double hi) {
    return doubles().between(lo, hi).map(e -> Math.pow(10, e));
  }

  @Test
  void agreesWithTheSeriesWhereverTheSeriesIsAccurate() {
    Gen<Double> p = logUniform(-4, 4);
    Gen<BgNbdModel> models =
        p.zip(p, p, p, (r, alpha, a, b) -> new BgNbdModel(r, alpha, a, b, ClvTimeUnit.WEEK));
    qt().withExamples(500)
        .forAll(models, integers().between(0, 5000), logUniform(-2, 3), logUniform(-2, 4))
        .checkAssert(
            (m, x, age, t) -> {
              double series = m.numeratorBySeries(t, x, age);
              double quadrature = m.numeratorByQuadrature(t, x, age);
              assertThat(quadrature).isFinite().isPositive();
              if (series > 0) {
                assertThat(quadrature).isCloseTo(series, within(1e-9 * series));
              }
            });
  }
}
