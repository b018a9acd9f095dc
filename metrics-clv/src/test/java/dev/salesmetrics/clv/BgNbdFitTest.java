package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class BgNbdFitTest {
  private static final double RELATIVE = 1e-4;

  @Test
  void fitsCdnowSummaryToPublishedParameters() {
    BgNbdFit fit = BgNbdFit.fit(Cdnow.summary());
    BgNbdModel m = fit.model();
    assertThat(m.r()).isCloseTo(0.242593, withinPercentage(100 * RELATIVE));
    assertThat(m.alpha()).isCloseTo(4.413532, withinPercentage(100 * RELATIVE));
    assertThat(m.a()).isCloseTo(0.792886, withinPercentage(100 * RELATIVE));
    assertThat(m.b()).isCloseTo(2.425752, withinPercentage(100 * RELATIVE));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.4256, within(1e-3));
    assertThat(fit.customers()).isEqualTo(2357);
    assertThat(m.unit()).isEqualTo(ClvTimeUnit.WEEK);
  }

  @Test
  void standardErrorsMatchObservedInformation() {
    BgNbdFit fit = BgNbdFit.fit(Cdnow.summary());
    assertThat(fit.rStdError()).isCloseTo(0.012557, withinPercentage(0.1));
    assertThat(fit.alphaStdError()).isCloseTo(0.378221, withinPercentage(0.1));
    assertThat(fit.aStdError()).isCloseTo(0.185719, withinPercentage(0.1));
    assertThat(fit.bStdError()).isCloseTo(0.705345, withinPercentage(0.1));
  }

  @Test
  void fitsRawTransactionsToUnroundedReference() {
    CalibrationSummary summary =
        CalibrationSummary.of(Cdnow.transactions(), Cdnow.CALIBRATION_END, ClvTimeUnit.WEEK);
    BgNbdFit fit = BgNbdFit.fit(summary.toRfmData());
    BgNbdModel m = fit.model();
    // CLV.md gives these to 6-7 significant digits (CLVTools agrees).
    assertThat(m.r()).isCloseTo(0.242595, withinPercentage(1e-3));
    assertThat(m.alpha()).isCloseTo(4.413602, withinPercentage(1e-3));
    assertThat(m.a()).isCloseTo(0.792922, withinPercentage(1e-3));
    assertThat(m.b()).isCloseTo(2.425907, withinPercentage(1e-3));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.429207, within(1e-5));
  }

  @Test
  void daysAndWeeksGiveTheSameFitWithAlphaScaled() {
    RfmData weeks = Cdnow.summary();
    RfmData days = weeks.inUnit(ClvTimeUnit.DAY);
    BgNbdFit inWeeks = BgNbdFit.fit(weeks);
    BgNbdFit inDays = BgNbdFit.fit(days);
    assertThat(inDays.model().unit()).isEqualTo(ClvTimeUnit.DAY);
    assertThat(inDays.model().r()).isCloseTo(inWeeks.model().r(), withinPercentage(1e-4));
    assertThat(inDays.model().a()).isCloseTo(inWeeks.model().a(), withinPercentage(1e-4));
    assertThat(inDays.model().b()).isCloseTo(inWeeks.model().b(), withinPercentage(1e-4));
    assertThat(inDays.model().alpha())
        .isCloseTo(7 * inWeeks.model().alpha(), withinPercentage(1e-4));
    assertThat(inDays.model().alpha()).isCloseTo(30.894718, withinPercentage(1e-4));
    // LL(days) = LL(weeks) - sum(x) ln 7, with sum(x) = 2457
    assertThat(inDays.logLikelihood()).isCloseTo(-14363.5268, within(1e-3));
    assertThat(inDays.logLikelihood())
        .isCloseTo(inWeeks.logLikelihood() - 2457 * Math.log(7), within(1e-6));
  }

  @Test
  void collapsingIdenticalRowsWithWeightsGivesTheSameFit() {
    RfmData whole = Cdnow.summary();
    RfmData collapsed = whole.collapse();
    assertThat(collapsed.size()).isLessThan(whole.size() / 2);
    assertThat(collapsed.totalWeight()).isEqualTo(2357);
    BgNbdFit a = BgNbdFit.fit(whole);
    BgNbdFit b = BgNbdFit.fit(collapsed);
    assertThat(b.model().r()).isCloseTo(a.model().r(), withinPercentage(1e-5));
    assertThat(b.model().alpha()).isCloseTo(a.model().alpha(), withinPercentage(1e-5));
    assertThat(b.model().a()).isCloseTo(a.model().a(), withinPercentage(1e-5));
    assertThat(b.model().b()).isCloseTo(a.model().b(), withinPercentage(1e-5));
    assertThat(b.logLikelihood()).isCloseTo(a.logLikelihood(), within(1e-6));
    assertThat(b.customers()).isEqualTo(a.customers());
  }

  @Test
  void textRoundTripsExactly() {
    BgNbdFit fit = BgNbdFit.fit(Cdnow.summary());
    String text = fit.toText();
    assertThat(text).contains("r=", "alpha=", "log_likelihood=", "unit=week");
    assertThat(BgNbdFit.parse(text)).isEqualTo(fit);
  }

  @Test
  void parseNamesTheMissingKey() {
    assertThatThrownBy(() -> BgNbdFit.parse("r=1\nalpha=2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing key a");
  }

  @Test
  void refusesDataWithoutRepeatPurchases() {
    RfmData none = RfmData.builder(ClvTimeUnit.WEEK).add(0, 0, 10).add(0, 0, 20).build();
    assertThatThrownBy(() -> BgNbdFit.fit(none))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("at least one repeat purchase");
  }
}
