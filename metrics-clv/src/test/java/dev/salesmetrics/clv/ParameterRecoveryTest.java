package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Fits data simulated from known parameters (the CDNOW MLE) and requires each estimate within
 * four of its own standard errors of the truth. With 20,000 customers (8.5 times CDNOW) the
 * standard errors are about 3 times smaller than CDNOW's (r 0.004, alpha 0.13, a 0.06, b 0.24).
 * For an asymptotically normal MLE a 4-sigma miss has probability 6e-5 per parameter, and the
 * seed is fixed, so the test is deterministic and fails only if the fit is biased or its standard
 * errors are wrong.
 */
class ParameterRecoveryTest {
  @Test
  void recoversSimulatedParameters() {
    BgNbdModel truth = Cdnow.MLE;
    int n = 20_000;
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 27 + 12.0 * i / n; // CDNOW's ages: 27 to 39 weeks
    }
    BgNbdFit fit = BgNbdFit.fit(truth.simulate(ages, 20261127L));
    BgNbdModel m = fit.model();
    assertThat(fit.customers()).isEqualTo(n);
    assertThat(m.r()).isCloseTo(truth.r(), within(4 * fit.rStdError()));
    assertThat(m.alpha()).isCloseTo(truth.alpha(), within(4 * fit.alphaStdError()));
    assertThat(m.a()).isCloseTo(truth.a(), within(4 * fit.aStdError()));
    assertThat(m.b()).isCloseTo(truth.b(), within(4 * fit.bStdError()));
    // the standard errors themselves shrink like 1/sqrt(n) from CDNOW's
    double shrink = Math.sqrt(2357.0 / n);
    assertThat(fit.rStdError()).isCloseTo(0.012557 * shrink, within(0.5 * 0.012557 * shrink));
    assertThat(fit.aStdError()).isCloseTo(0.185719 * shrink, within(0.5 * 0.185719 * shrink));
  }
}
