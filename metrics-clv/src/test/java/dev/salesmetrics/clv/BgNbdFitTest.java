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

  /** Ages from 20 to 52 weeks, evenly spread. */
  private static double[] ages(int n) {
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 20 + 32.0 * i / n;
    }
    return ages;
  }

  /**
   * The adversarial case: 810 customers simulated with the same dropout probability for everyone
   * (0.215). The likelihood keeps rising as a and b grow together; the old fit stopped at a =
   * 1.46e6, b = 5.33e6 and its model predicted NaN.
   */
  @Test
  void refusesDropoutParametersThatRunAwayTogether() {
    BgNbdModel truth = new BgNbdModel(0.5, 3, 1.46e6, 5.33e6, ClvTimeUnit.WEEK);
    assertThatThrownBy(() -> BgNbdFit.fit(truth.simulate(ages(810), 1)))
        .isInstanceOf(ModelFitException.class)
        .hasMessageStartingWith("BG/NBD fit refused: parameters run away to the edge of their range:")
        .hasMessageContaining("the dropout probability looks the same for every customer")
        .hasMessageMatching(
            ".*\\(a = \\d\\.\\d\\de\\+0[4-9] and b = \\d\\.\\d\\de\\+0[4-9] run away together, mean"
                + " a/\\(a\\+b\\) = 0\\.2\\d\\d\\).*");
  }

  @Test
  void refusesCustomersWhoAllBuyRegularlyToTheEnd() {
    // every customer buys every 1 to 4 weeks up to the calibration end: nobody seems to leave
    RfmData.Builder data = RfmData.builder(ClvTimeUnit.WEEK);
    for (int i = 0; i < 810; i++) {
      double age = 10 + 40.0 * (i % 81) / 81;
      int group = i / 81;
      double gap = 1 + 3.0 * group / 10;
      int x = (int) Math.floor(age / gap);
      data.add(x, x * gap, age);
    }
    assertThatThrownBy(() -> BgNbdFit.fit(data.build()))
        .isInstanceOf(ModelFitException.class)
        .hasMessageStartingWith("BG/NBD fit refused: parameters run away to the edge of their range:")
        .hasMessageContaining("no dropout seen")
        .hasMessageContaining("runs away to 0): customers keep buying until the calibration end");
  }

  @Test
  void refusesPurchaseRatesThatAreTheSameForEveryCustomer() {
    // r = 1e9: every customer buys at 0.5 a week
    BgNbdModel truth = new BgNbdModel(1e9, 2e9, 1, 3, ClvTimeUnit.WEEK);
    assertThatThrownBy(() -> BgNbdFit.fit(truth.simulate(ages(810), 1)))
        .isInstanceOf(ModelFitException.class)
        .hasMessageMatching(
            ".*purchase rates look the same for every customer \\(r = \\d\\.\\d\\de\\+0[4-9] and"
                + " alpha = \\d\\.\\d\\de\\+\\d\\d run away together, mean rate r/alpha = 0\\.5\\d+"
                + " per week\\), but BG/NBD needs rates that vary across customers.*");
  }

  @Test
  void refusesAFitWhoseStandardErrorsAreUndefined() {
    BgNbdModel truth = new BgNbdModel(0.5, 3, 1.46e6, 5.33e6, ClvTimeUnit.WEEK);
    assertThatThrownBy(() -> BgNbdFit.fit(truth.simulate(ages(810), 7)))
        .isInstanceOf(ModelFitException.class)
        .hasMessageMatching(
            "BG/NBD fit refused: standard errors undefined: a = [0-9.]+ has standard error \\S+"
                + " \\([0-9.]+ on the log scale, above 5.0\\), so the data do not determine it;"
                + " at r = .*");
  }

  @Test
  void anAcceptedFitPredictsFiniteValuesForEveryCustomer() {
    BgNbdModel truth = new BgNbdModel(0.5, 3, 1.46e6, 5.33e6, ClvTimeUnit.WEEK);
    RfmData data = truth.simulate(ages(810), 10);
    BgNbdFit fit = BgNbdFit.fit(data);
    BgNbdModel m = fit.model();
    assertThat(fit.aStdError() / m.a()).isLessThan(5);
    for (int i = 0; i < data.size(); i++) {
      for (double t : new double[] {1, 52, 520}) {
        assertThat(m.expectedPurchases(t, data.frequency(i), data.recency(i), data.age(i)))
            .isFinite()
            .isGreaterThanOrEqualTo(0);
      }
    }
    assertThat(m.expectedPurchases(52)).isFinite().isPositive();
  }
}
