package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both models fit the bundled sample orders (docs/SAMPLE_DATA.md), and the purchase model
 * predicts a holdout period in aggregate.
 */
class SampleDataFitTest {
  private static final List<Transaction> PAID =
      Transaction.from(
          SampleData.generate(SampleData.DEFAULT_SEED).orders().stream()
              .filter(o -> o.status() == OrderStatus.PAID)
              .toList(),
          Order::customerId,
          Order::placedAt,
          ZoneOffset.UTC,
          Order::amount);

  private static void assertPlausible(BgNbdFit fit) {
    BgNbdModel m = fit.model();
    // the sample draws rates from a gamma of shape 4 and quiet probabilities from beta(1, 24);
    // cancellations add a dropout of their own, so the fit need not return those exactly
    assertThat(m.r()).isBetween(1.0, 6.0);
    assertThat(m.alpha() / m.r()).as("mean days between orders in weeks").isBetween(2.0, 5.0);
    assertThat(m.a()).isBetween(0.3, 20.0);
    assertThat(m.a() / (m.a() + m.b())).as("mean quiet probability").isBetween(0.01, 0.15);
    for (double se :
        new double[] {fit.rStdError(), fit.alphaStdError(), fit.aStdError(), fit.bStdError()}) {
      assertThat(se).isFinite().isPositive();
    }
  }

  @Test
  void fitsAllTheOrdersInWeeksAndDays() {
    LocalDate end = SampleData.LAST_DAY;
    BgNbdFit weeks =
        BgNbdFit.fit(CalibrationSummary.of(PAID, end, ClvTimeUnit.WEEK).toRfmData().collapse());
    BgNbdFit days =
        BgNbdFit.fit(CalibrationSummary.of(PAID, end, ClvTimeUnit.DAY).toRfmData().collapse());
    assertPlausible(weeks);
    assertThat(days.model().r()).isCloseTo(weeks.model().r(), withinPercentage(1e-4));
    assertThat(days.model().alpha()).isCloseTo(7 * weeks.model().alpha(), withinPercentage(1e-4));
    GammaGammaFit spend =
        GammaGammaFit.fit(CalibrationSummary.of(PAID, end, ClvTimeUnit.WEEK).toRfmData());
    // starter, pro, enterprise at 49 / 199 / 899 USD a seat, 1 to 5 seats: a mean repeat order
    // value in the hundreds of dollars
    assertThat(spend.model().populationMean()).isBetween(200.0, 2000.0);
  }

  @Test
  void predictsTheQuarterBeforeThePriceChange() {
    LocalDate calibrationEnd = LocalDate.of(2024, 12, 31);
    BgNbdFit fit =
        BgNbdFit.fit(
            CalibrationSummary.of(PAID, calibrationEnd, ClvTimeUnit.WEEK).toRfmData().collapse());
    assertPlausible(fit);
    HoldoutEvaluation holdout =
        HoldoutEvaluation.of(fit.model(), PAID, calibrationEnd, LocalDate.of(2025, 3, 31));
    // default seed: 3214.7 predicted, 3205 purchase days
    assertThat(holdout.totalPredicted()).isCloseTo((double) holdout.totalActual(), withinPercentage(5));
    assertThat(holdout.correlation().orElseThrow()).isGreaterThan(0.5);
  }

  @Test
  void overpredictsAfterThePriceChangeAsTheModelCannotKnowAboutIt() {
    // churn triples from 2025-04-01; a model fitted on data up to 2025-06-30 (mostly before the
    // change) predicts more than the customers then buy
    LocalDate calibrationEnd = LocalDate.of(2025, 6, 30);
    BgNbdFit fit =
        BgNbdFit.fit(
            CalibrationSummary.of(PAID, calibrationEnd, ClvTimeUnit.WEEK).toRfmData().collapse());
    assertPlausible(fit);
    HoldoutEvaluation holdout =
        HoldoutEvaluation.of(fit.model(), PAID, calibrationEnd, LocalDate.of(2025, 9, 30));
    assertThat(holdout.totalPredicted()).isGreaterThan((double) holdout.totalActual());
    assertThat(holdout.totalPredicted() / holdout.totalActual()).isCloseTo(1.1, within(0.1));
  }
}
