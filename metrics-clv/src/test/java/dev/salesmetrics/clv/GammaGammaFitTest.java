package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class GammaGammaFitTest {
  @Test
  void fitsCdnowRepeatBuyers() {
    GammaGammaFit fit = GammaGammaFit.fit(Cdnow.summaryWithSpend());
    assertThat(fit.customers()).isEqualTo(946);
    assertThat(fit.model().p()).isCloseTo(6.24880, withinPercentage(0.1));
    assertThat(fit.model().q()).isCloseTo(3.74459, withinPercentage(0.1));
    assertThat(fit.model().v()).isCloseTo(15.44775, withinPercentage(0.1));
    // recomputed MLE (CLV.md): 6.24880314, 3.74458839, 15.4477463, LL -4055.9232
    assertThat(fit.model().p()).isCloseTo(6.24880314, withinPercentage(1e-4));
    assertThat(fit.model().q()).isCloseTo(3.74458839, withinPercentage(1e-4));
    assertThat(fit.model().v()).isCloseTo(15.4477463, withinPercentage(1e-4));
    assertThat(fit.logLikelihood()).isCloseTo(-4055.9232, within(1e-3));
    assertThat(fit.model().populationMean()).isCloseTo(35.171, within(1e-3));
  }

  @Test
  void fitsUnroundedSpendFromRawTransactions() {
    CalibrationSummary summary =
        CalibrationSummary.of(Cdnow.transactions(), Cdnow.CALIBRATION_END, ClvTimeUnit.WEEK);
    GammaGammaFit fit = GammaGammaFit.fit(summary.toRfmData());
    assertThat(fit.model().p()).isCloseTo(6.249574, withinPercentage(1e-3));
    assertThat(fit.model().q()).isCloseTo(3.744225, withinPercentage(1e-3));
    assertThat(fit.model().v()).isCloseTo(15.443518, withinPercentage(1e-3));
    assertThat(fit.logLikelihood()).isCloseTo(-4055.9177, within(1e-3));
  }

  @Test
  void textRoundTripsAlongsideBgNbd() {
    GammaGammaFit gg = GammaGammaFit.fit(Cdnow.summaryWithSpend());
    BgNbdFit bg = BgNbdFit.fit(Cdnow.summary());
    String file = bg.toText() + gg.toText();
    assertThat(GammaGammaFit.parse(file)).isEqualTo(gg);
    assertThat(BgNbdFit.parse(file)).isEqualTo(bg);
  }

  @Test
  void refusesAFitWithQAtMostOne() {
    // Mean spends spread log-uniformly over six orders of magnitude, each from many purchases:
    // the spread of 1/nu needs a gamma with shape q < 1, whose mean is infinite.
    RfmData.Builder data = RfmData.builder(ClvTimeUnit.WEEK);
    for (int i = 0; i <= 200; i++) {
      data.add(50, 10, 20, Math.pow(10, -3 + 6.0 * i / 200));
    }
    assertThatThrownBy(() -> GammaGammaFit.fit(data.build()))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("q =")
        .hasMessageContaining("<= 1");
  }

  @Test
  void modelRejectsQAtMostOne() {
    assertThatThrownBy(() -> new GammaGammaModel(6, 1, 15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("q must be finite and > 1 for a finite mean spend: 1.0");
  }

  @Test
  void conditionalSpendIsAWeightedMean() {
    GammaGammaModel m = Cdnow.GG_MLE;
    double population = m.populationMean();
    double e = m.expectedAverageSpend(3, 80);
    double weight = m.p() * 3 / (m.p() * 3 + m.q() - 1);
    assertThat(e).isCloseTo(weight * 80 + (1 - weight) * population, within(1e-12));
    assertThat(m.expectedAverageSpend(0, 0)).isEqualTo(population);
    assertThat(m.populationVariance()).isPresent();
    assertThat(new GammaGammaModel(6, 1.5, 15).populationVariance()).isEmpty();
  }

  /**
   * 800 repeat buyers whose purchase values come from one Gamma(p = 4, rate 0.08) for everyone
   * (mean 50): the spread of their mean spends is sampling noise only, so q and v run away.
   */
  @Test
  void refusesMeanSpendThatIsTheSameForEveryCustomer() {
    RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(3));
    RfmData.Builder data = RfmData.builder(ClvTimeUnit.WEEK);
    for (int i = 0; i < 800; i++) {
      int x = 1 + i % 7;
      double zbar = random.nextGamma(4.0 * x, 1 / (0.08 * x));
      data.add(x, 10, 20, zbar);
    }
    assertThatThrownBy(() -> GammaGammaFit.fit(data.build()))
        .isInstanceOf(ModelFitException.class)
        .hasMessageStartingWith(
            "Gamma-Gamma fit refused: parameters run away to the edge of their range:")
        .hasMessageMatching(
            ".*mean spend looks the same for every customer \\(q = \\d\\.\\d\\de\\+0[4-9] and v"
                + " = \\d\\.\\d\\de\\+\\d\\d run away together\\).*");
  }

  @Test
  void spendPredictionsStayFiniteForExtremeParameters() {
    GammaGammaModel m = new GammaGammaModel(1e300, 1 + 1e-15, 1e10);
    assertThatThrownBy(m::populationMean)
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("population mean Infinity exceeds the range of a double");
    GammaGammaModel wide = new GammaGammaModel(1e6, 1e6, 1e-6);
    assertThat(wide.expectedAverageSpend(3, 1e300)).isFinite().isPositive();
    assertThat(wide.expectedAverageSpend(0, 0)).isCloseTo(1e6 * 1e-6 / (1e6 - 1), within(1e-18));
    assertThat(wide.logLikelihood(3, 1e300)).isFinite();
  }
}
