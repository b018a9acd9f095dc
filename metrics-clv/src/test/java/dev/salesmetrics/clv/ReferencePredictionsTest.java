package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every per-customer value of cdnow_reference_predictions.csv (computed independently with scipy
 * at fixed parameters) to 1e-9 relative. The file prints 9 to 10 significant digits, so the
 * tolerance also admits half a unit in the last printed digit.
 */
class ReferencePredictionsTest {
  private static final double RELATIVE = 1e-9;

  private static void assertMatches(double actual, String printed, String what) {
    BigDecimal expected = new BigDecimal(printed);
    double halfUlp = 0.5 * Math.pow(10, -expected.scale());
    double tolerance = RELATIVE * Math.abs(expected.doubleValue()) + halfUlp;
    assertThat(actual).as(what).isCloseTo(expected.doubleValue(), within(tolerance));
  }

  @Test
  void reproducesEveryCustomer() {
    List<String[]> rows = Cdnow.csv("cdnow_reference_predictions.csv");
    assertThat(rows).hasSize(2357);
    LifetimeValue clv = new LifetimeValue(Cdnow.MLE, Cdnow.GG_MLE);
    ClvHorizon weekly = ClvHorizon.months(12).withDiscountRate(0.01).withDaysPerMonth(7 * 4.345);
    ClvHorizon lifetimesDaily = weekly.withDaysPerMonth(7 * 30);
    double sumLogLik = 0;
    double sumT39 = 0;
    for (String[] r : rows) {
      String id = "customer " + r[0];
      int x = Integer.parseInt(r[1]);
      double tx = Double.parseDouble(r[2]);
      double bigT = Double.parseDouble(r[3]);
      double zbar = Double.parseDouble(r[4]);
      double logLik = Cdnow.MLE.logLikelihood(x, tx, bigT);
      sumLogLik += logLik;
      assertMatches(logLik, r[5], id + " loglik");
      assertMatches(Cdnow.MLE.probabilityAlive(x, tx, bigT), r[6], id + " p_alive");
      assertMatches(Cdnow.MLE.expectedPurchases(1, x, tx, bigT), r[7], id + " E[Y(1)]");
      double t39 = Cdnow.MLE.expectedPurchases(39, x, tx, bigT);
      sumT39 += t39;
      assertMatches(t39, r[8], id + " E[Y(39)]");
      assertMatches(Cdnow.MLE.expectedPurchases(52, x, tx, bigT), r[9], id + " E[Y(52)]");
      assertMatches(Cdnow.GG_MLE.expectedAverageSpend(x, zbar), r[10], id + " E[Z]");
      assertMatches(clv.value(x, tx, bigT, zbar, weekly), r[11], id + " clv W");
      assertMatches(clv.value(x, tx, bigT, zbar, lifetimesDaily), r[12], id + " clv D");
    }
    assertThat(sumLogLik).isCloseTo(-9582.425561, within(1e-6));
    assertThat(sumT39).isCloseTo(1653.4233, within(1e-4));
  }

  @Test
  void lifetimesQuickstartFirstCustomerValue() {
    LifetimeValue clv = new LifetimeValue(Cdnow.MLE, Cdnow.GG_MLE);
    ClvHorizon lifetimesDefault =
        ClvHorizon.months(12).withDiscountRate(0.01).withDaysPerMonth(7 * 30);
    assertThat(clv.value(2, 30.43, 38.86, 22.35, lifetimesDefault))
        .isCloseTo(140.09623, within(1e-5));
    assertThat(Cdnow.GG_MLE.populationMean()).isCloseTo(35.171003, within(1e-6));
  }
}
