package dev.salesmetrics.metric;

import static dev.salesmetrics.testing.LeadsGenerators.responses;
import static dev.salesmetrics.testing.LeadsGenerators.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.testing.LeadsGenerators;
import dev.salesmetrics.testing.LeadsHarness;
import dev.salesmetrics.testing.LeadsReference;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Properties of NPS and CSAT: range, order, split + merge, reference, as-of. */
class SentimentMetricsProperties {
  private static final List<Metric<SurveyResponse, ?>> ALL = List.of(Metrics.NPS, Metrics.CSAT);

  @Test
  void splitAtAnyPointThenMergeEqualsWhole() {
    qt().forAll(responses(60), integers().between(0, 60), windows())
        .checkAssert(
            (answers, cut, window) -> {
              for (Metric<SurveyResponse, ?> m : ALL) {
                assertThat(LeadsHarness.splitMerged(m, answers, cut, window))
                    .as(m.id())
                    .isEqualTo(LeadsHarness.whole(m, answers, window));
              }
            });
  }

  @Test
  void independentOfInputOrderAndOfAsOfAfterEverything() {
    qt().forAll(responses(60), longs().all(), windows())
        .checkAssert(
            (answers, seed, window) -> {
              for (Metric<SurveyResponse, ?> m : ALL) {
                MetricValue plain = LeadsHarness.whole(m, answers, window);
                assertThat(LeadsHarness.shuffled(m, answers, seed, window)).isEqualTo(plain);
                assertThat(
                        LeadsHarness.whole(
                            m, answers, window.asOf(LeadsGenerators.afterEverything())))
                    .isEqualTo(plain);
              }
            });
  }

  @Test
  void inRangeAndAgreesWithThePlainReference() {
    qt().forAll(responses(60), windows())
        .checkAssert(
            (answers, window) -> {
              Score nps = LeadsHarness.whole(Metrics.NPS, answers, window);
              OptionalDouble expected = LeadsReference.nps(answers, window.period());
              assertThat(nps.value().isPresent()).isEqualTo(expected.isPresent());
              if (expected.isPresent()) {
                assertThat(nps.value().getAsDouble())
                    .isBetween(-100.0, 100.0)
                    .isCloseTo(expected.getAsDouble(), within(1e-9));
              }
              Ratio csat = LeadsHarness.whole(Metrics.CSAT, answers, window);
              long[] c = LeadsReference.csat(answers, window.period());
              assertThat(csat).isEqualTo(Ratio.of(c[0], c[1]));
              assertThat(csat.numerator()).isBetween(0L, csat.denominator());
            });
  }
}
