package dev.salesmetrics.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of nice scales over wide values (QuickTheories, seed from {@code QT_SEED}). */
class LinearScaleProperties {
  /** Values from tiny fractions to trillions, of both signs, and zero. */
  private static Gen<Double> values() {
    Gen<Double> magnitudes = doubles().between(-12, 12).map(e -> Math.pow(10, e));
    Gen<Double> signed =
        magnitudes.zip(integers().between(0, 2), (m, s) -> s == 0 ? -m : s == 1 ? m : 0.0);
    return signed.zip(doubles().between(0, 1), (m, f) -> m * (1 + f));
  }

  private static boolean isNiceStep(BigDecimal step) {
    BigDecimal digits = new BigDecimal(step.stripTrailingZeros().unscaledValue());
    return digits.intValueExact() == 1 || digits.intValueExact() == 2
        || digits.intValueExact() == 5;
  }

  @Test
  void ticksAreFewNiceIncreasingAndInsideADomainThatCoversTheData() {
    qt().forAll(values(), values(), integers().between(2, 12))
        .checkAssert(
            (a, b, maxTicks) -> {
              double min = Math.min(a, b);
              double max = Math.max(a, b);
              LinearScale s = LinearScale.nice(min, max, maxTicks, 0, 500);
              assertThat(s.domainMin()).isLessThanOrEqualTo(min);
              assertThat(s.domainMax()).isGreaterThanOrEqualTo(max);
              List<Tick> ticks = s.ticks(maxTicks, TickFormat.NUMBER);
              // values on both sides of 0 need -step, 0 and step
              int most = min < 0 && max > 0 ? Math.max(3, maxTicks) : maxTicks;
              assertThat(ticks.size()).isBetween(2, most);
              BigDecimal step = ticks.get(1).value().subtract(ticks.get(0).value());
              assertThat(isNiceStep(step)).as("step %s", step).isTrue();
              for (int i = 1; i < ticks.size(); i++) {
                assertThat(ticks.get(i).value().subtract(ticks.get(i - 1).value()))
                    .isEqualByComparingTo(step);
                assertThat(ticks.get(i).position()).isGreaterThan(ticks.get(i - 1).position());
                assertThat(ticks.get(i).label()).isNotEqualTo(ticks.get(i - 1).label());
              }
              for (Tick t : ticks) {
                assertThat(t.position()).isBetween(-1e-6, 500 + 1e-6);
              }
            });
  }

  @Test
  void niceStepNeverGivesMoreIntervalsThanAsked() {
    qt().forAll(doubles().between(-9, 9).map(e -> Math.pow(10, e)), integers().between(2, 20))
        .checkAssert(
            (span, maxTicks) -> {
              BigDecimal step = LinearScale.step(span, maxTicks);
              assertThat(isNiceStep(step)).isTrue();
              assertThat(step.doubleValue() * (maxTicks - 1))
                  .isGreaterThanOrEqualTo(span * (1 - 1e-9));
            });
  }
}
