package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
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
}
