package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values from CLV.md sections 2.1 to 2.6 and its stability checklist. */
class BgNbdModelTest {
  private static final BgNbdModel MLE = Cdnow.MLE;
  private static final BgNbdModel PAPER =
      new BgNbdModel(0.243, 4.414, 0.793, 2.426, ClvTimeUnit.WEEK);

  @Test
  void stableLogLikelihoodMatchesPymcMarketing() {
    BgNbdModel m = new BgNbdModel(0.25, 4.00, 0.80, 2.50, ClvTimeUnit.WEEK);
    assertThat(m.logLikelihood(0, 0, 40)).isCloseTo(-0.59947382, within(1e-8));
    assertThat(m.logLikelihood(200, 38, 40)).isCloseTo(100.79569, within(1e-5));
  }

  @Test
  void logLikelihoodAtPaperParametersMatchesHardieSpreadsheet() {
    assertThat(PAPER.logLikelihood(2, 30.43, 38.86)).isCloseTo(-9.4586, within(1e-4));
    assertThat(PAPER.logLikelihood(0, 0, 38.86)).isCloseTo(-0.55471, within(1e-5));
  }

  @Test
  void conditionalExpectationMatchesLifetimes() {
    assertThat(MLE.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.2259105, within(1e-7));
    assertThat(PAPER.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.2260282, within(1e-7));
  }

  @Test
  void largeFrequenciesStayFinite() {
    assertThat(MLE.expectedPurchases(52, 200, 38, 40)).isCloseTo(4.115672, within(1e-6));
    assertThat(MLE.expectedPurchases(39, 1000, 99, 100)).isCloseTo(25.253951, within(1e-6));
    assertThat(MLE.expectedPurchases(39, 1000, 10, 100)).isEqualTo(0);
    assertThat(MLE.probabilityAlive(1000, 10, 100)).isEqualTo(0);
  }

  @Test
  void frequenciesToTenThousandAndHorizonsToTenYearsAreFinite() {
    double tenYearsInWeeks = 3652.5 / 7;
    for (int x : new int[] {0, 1, 10, 100, 1000, 10_000}) {
      for (double t : new double[] {0, 1, 52, tenYearsInWeeks}) {
        double tx = x == 0 ? 0 : 30;
        double e = MLE.expectedPurchases(t, x, tx, 39);
        assertThat(e).as("x=%d t=%s", x, t).isFinite().isGreaterThanOrEqualTo(0);
        double p0 = MLE.probabilityNoPurchase(t, x, tx, 39);
        assertThat(p0).as("x=%d t=%s", x, t).isBetween(0.0, 1.0);
        assertThat(MLE.logLikelihood(x, tx, 39)).isFinite();
      }
    }
    // a customer who bought every day for ten thousand days and is still active
    assertThat(MLE.expectedPurchases(tenYearsInWeeks, 10_000, 1428, 1428.5))
        .isFinite()
        .isGreaterThan(1000);
    BgNbdModel days = MLE.inUnit(ClvTimeUnit.DAY);
    assertThat(days.expectedPurchases(3652.5, 10_000, 9999, 10_000)).isFinite();
    assertThat(days.expectedPurchases(3652.5)).isFinite().isPositive();
  }

  @Test
  void negativeHypergeometricWhenAPlusBBelowOne() {
    // lifetimes issue 302: lifetimes returns NaN here
    BgNbdModel m = new BgNbdModel(0.11, 2.24, 0.31, 0.50, ClvTimeUnit.WEEK);
    assertThat(m.expectedPurchases(30, 0, 0, 1)).isCloseTo(0.564589, within(1e-6));
    assertThat(m.expectedPurchases(30)).isCloseTo(0.740561, within(1e-6));
  }

  @Test
  void aEqualToOneIsTheLimitOfItsNeighbours() {
    BgNbdModel at = new BgNbdModel(0.25, 4, 1, 2.5, ClvTimeUnit.WEEK);
    BgNbdModel below = new BgNbdModel(0.25, 4, 1 - 1e-7, 2.5, ClvTimeUnit.WEEK);
    BgNbdModel above = new BgNbdModel(0.25, 4, 1 + 1e-7, 2.5, ClvTimeUnit.WEEK);
    for (int x : new int[] {0, 2, 50}) {
      double tx = x == 0 ? 0 : 30;
      double e = at.expectedPurchases(39, x, tx, 38.86);
      assertThat(e).isPositive();
      assertThat(below.expectedPurchases(39, x, tx, 38.86)).isCloseTo(e, withinPercentage(1e-4));
      assertThat(above.expectedPurchases(39, x, tx, 38.86)).isCloseTo(e, withinPercentage(1e-4));
    }
    assertThat(at.expectedPurchases(39))
        .isCloseTo(below.expectedPurchases(39), withinPercentage(1e-4));
  }

  @Test
  void unconditionalExpectationIsTheMeanOfTheCountDistribution() {
    double mean = 0;
    double total = 0;
    for (int n = 0; n <= 2000; n++) {
      double p = MLE.probabilityOfPurchases(n, 39);
      total += p;
      mean += n * p;
    }
    assertThat(total).isCloseTo(1, within(1e-9));
    assertThat(mean).isCloseTo(MLE.expectedPurchases(39), within(1e-6));
    assertThat(MLE.probabilityOfPurchases(0, 0)).isEqualTo(1);
    assertThat(MLE.probabilityOfPurchases(3, 0)).isEqualTo(0);
  }

  @Test
  void newCustomerExpectationEqualsConditionalAtAgeZero() {
    assertThat(MLE.expectedPurchases(39)).isCloseTo(MLE.expectedPurchases(39, 0, 0, 0),
        within(1e-12));
  }

  @Test
  void probabilityOfNoPurchase() {
    assertThat(MLE.probabilityNoPurchase(39, 2, 30.43, 38.86)).isCloseTo(0.4453925, within(1e-7));
    assertThat(MLE.probabilityNoPurchase(39, 7, 29.43, 38.86)).isCloseTo(0.3643150, within(1e-7));
    // closed form for x = 0, not PyMC-Marketing's 0.92665
    assertThat(MLE.probabilityNoPurchase(39, 0, 0, 38.86)).isCloseTo(0.85567, within(1e-5));
  }

  @Test
  void alphaScalesWithTheUnit() {
    BgNbdModel days = MLE.inUnit(ClvTimeUnit.DAY);
    assertThat(days.alpha()).isCloseTo(7 * MLE.alpha(), within(1e-12));
    assertThat(days.expectedPurchases(39 * 7, 2, 30.43 * 7, 38.86 * 7))
        .isCloseTo(MLE.expectedPurchases(39, 2, 30.43, 38.86), within(1e-12));
    assertThat(days.probabilityAlive(2, 30.43 * 7, 38.86 * 7))
        .isCloseTo(MLE.probabilityAlive(2, 30.43, 38.86), within(1e-14));
  }

  @Test
  void rejectsInvalidInput() {
    assertThatThrownBy(() -> new BgNbdModel(0, 1, 1, 1, ClvTimeUnit.WEEK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("r must be finite and > 0: 0.0");
    assertThatThrownBy(() -> MLE.expectedPurchases(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon t must be finite and >= 0: -1.0");
    assertThatThrownBy(() -> MLE.probabilityAlive(2, 40, 39))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need finite 0 <= recency <= age: recency 40.0, age 39.0");
  }

  /**
   * The parameters of the adversarial report (a = 1.46e6, b = 5.33e6: the old series overflowed
   * to NaN and the unconditional expectation did not converge), very large r, and very small a;
   * expected values from the hypergeometric form at 50 digits (mpmath).
   */
  @Test
  void extremeParametersPredictTheExactValues() {
    BgNbdModel runaway = new BgNbdModel(0.5, 3, 1.46e6, 5.33e6, ClvTimeUnit.WEEK);
    assertThat(runaway.expectedPurchases(1)).isCloseTo(0.15821100608168834, within(1e-14));
    assertThat(runaway.expectedPurchases(52, 3, 20, 40))
        .isCloseTo(0.7482727386312567, within(1e-14));
    assertThat(runaway.expectedPurchases(520)).isCloseTo(3.8989168894101414, within(1e-13));
    BgNbdModel sameRates = new BgNbdModel(1e6, 3e6, 2, 3, ClvTimeUnit.WEEK);
    assertThat(sameRates.expectedPurchases(52)).isCloseTo(3.382964927196115, within(1e-11));
    assertThat(sameRates.expectedPurchases(10, 3, 39, 40))
        .isCloseTo(1.49390744055664, within(1e-11));
    BgNbdModel tinyA = new BgNbdModel(0.01, 1, 1e-5, 300, ClvTimeUnit.WEEK);
    assertThat(tinyA.expectedPurchases(100)).isCloseTo(0.9999985803458541, within(1e-13));
  }

  @Test
  void runawayParametersApproachTheModelWithOneDropoutProbability() {
    // a, b -> infinity with a/(a+b) = p fixed: E[X(t)] -> (1 - (1 + p t/alpha)^-r) / p
    double p = 1.46e6 / (1.46e6 + 5.33e6);
    double limit = (1 - Math.pow(1 + p * 52 / 3, -0.5)) / p;
    BgNbdModel m = new BgNbdModel(0.5, 3, 1.46e6, 5.33e6, ClvTimeUnit.WEEK);
    assertThat(m.expectedPurchases(52)).isCloseTo(limit, withinPercentage(1e-4));
    assertThat(m.probabilityNoPurchase(52, 3, 20, 40)).isBetween(0.0, 1.0);
    assertThat(m.probabilityOfPurchases(2, 52)).isBetween(0.0, 1.0);
  }
}
