package dev.salesmetrics.metric;

import static dev.salesmetrics.testing.LeadsGenerators.leads;
import static dev.salesmetrics.testing.LeadsGenerators.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Lead;
import dev.salesmetrics.testing.LeadsGenerators;
import dev.salesmetrics.testing.LeadsHarness;
import dev.salesmetrics.testing.LeadsReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of the lead metrics: range, order, split + merge, reference, as-of. */
class LeadMetricsProperties {
  private static final LeadScoreModel CUSTOM =
      LeadScoreModel.builder()
          .contactWeight(1)
          .sourceWeight(0)
          .speedWeight(3)
          .sourceScore("webinar", 90)
          .contactSpeed(Duration.ofMinutes(30), Duration.ofDays(2))
          .build();

  private static final List<Metric<Lead, ?>> ALL =
      List.of(
          Metrics.LEADS_CREATED,
          Metrics.LEAD_CONTACT_COMPLETENESS,
          Metrics.LEAD_SCORE,
          Metrics.leadScore(CUSTOM),
          Metrics.LEAD_CONVERSION_RATE,
          Metrics.LEAD_TIME_TO_CONVERT,
          Metrics.LEAD_TIME_TO_FIRST_CONTACT);

  @Test
  void splitAtAnyPointThenMergeEqualsWhole() {
    qt().forAll(leads(40), integers().between(0, 40), windows())
        .checkAssert(
            (leads, cut, window) -> {
              for (Metric<Lead, ?> m : ALL) {
                assertThat(LeadsHarness.splitMerged(m, leads, cut, window))
                    .as(m.id())
                    .isEqualTo(LeadsHarness.whole(m, leads, window));
              }
            });
  }

  @Test
  void independentOfInputOrder() {
    qt().forAll(leads(40), longs().all(), windows())
        .checkAssert(
            (leads, seed, window) -> {
              for (Metric<Lead, ?> m : ALL) {
                assertThat(LeadsHarness.shuffled(m, leads, seed, window))
                    .as(m.id())
                    .isEqualTo(LeadsHarness.whole(m, leads, window));
              }
            });
  }

  @Test
  void asOfAfterEveryEventEqualsThePlainResult() {
    qt().forAll(leads(40), windows())
        .checkAssert(
            (leads, window) -> {
              Window late = window.asOf(LeadsGenerators.afterEverything());
              for (Metric<Lead, ?> m : ALL) {
                assertThat(LeadsHarness.whole(m, leads, late))
                    .as(m.id())
                    .isEqualTo(LeadsHarness.whole(m, leads, window));
              }
            });
  }

  @Test
  void ratiosAndScoresStayInTheirRanges() {
    qt().forAll(leads(40), windows())
        .checkAssert(
            (leads, window) -> {
              for (Metric<Lead, Ratio> m :
                  List.of(Metrics.LEAD_CONTACT_COMPLETENESS, Metrics.LEAD_CONVERSION_RATE)) {
                Ratio r = LeadsHarness.whole(m, leads, window);
                assertThat(r.numerator()).isBetween(0L, r.denominator());
              }
              for (Lead lead : leads) {
                assertThat(LeadScoreModel.defaults().score(lead)).isBetween(0.0, 100.0);
                assertThat(CUSTOM.score(lead)).isBetween(0.0, 100.0);
              }
            });
  }

  @Test
  void agreesWithThePlainReference() {
    qt().forAll(leads(40), windows())
        .checkAssert(
            (leads, window) -> {
              var p = window.period();
              assertThat(LeadsHarness.whole(Metrics.LEADS_CREATED, leads, window).value())
                  .isEqualTo(LeadsReference.leadsCreated(leads, p));
              long[] c = LeadsReference.contactCompleteness(leads, p);
              assertThat(LeadsHarness.whole(Metrics.LEAD_CONTACT_COMPLETENESS, leads, window))
                  .isEqualTo(Ratio.of(c[0], c[1]));
              long[] conv = LeadsReference.conversion(leads, p);
              assertThat(LeadsHarness.whole(Metrics.LEAD_CONVERSION_RATE, leads, window))
                  .isEqualTo(Ratio.of(conv[0], conv[1]));
              assertThat(LeadsHarness.whole(Metrics.LEAD_TIME_TO_CONVERT, leads, window))
                  .isEqualTo(DurationStats.of(LeadsReference.timesToConvert(leads, p)));
              assertThat(LeadsHarness.whole(Metrics.LEAD_TIME_TO_FIRST_CONTACT, leads, window))
                  .isEqualTo(DurationStats.of(LeadsReference.timesToFirstContact(leads, p)));
              for (LeadScoreModel model : List.of(LeadScoreModel.defaults(), CUSTOM)) {
                var expected =
                    LeadsReference.leadScore(
                        leads,
                        p,
                        new double[] {
                          model.contactWeight(), model.sourceWeight(), model.speedWeight()
                        },
                        model.sourceScores(),
                        model.unknownSourceScore(),
                        model.fullSpeedWithin(),
                        model.zeroSpeedAfter());
                var actual = LeadsHarness.whole(Metrics.leadScore(model), leads, window).value();
                assertThat(actual.isPresent()).isEqualTo(expected.isPresent());
                if (expected.isPresent()) {
                  assertThat(actual.getAsDouble()).isCloseTo(expected.getAsDouble(), within(1e-9));
                }
              }
            });
  }

  @Test
  void contactRulesAgreeWithThePlainReference() {
    qt().forAll(
            org.quicktheories.generators.SourceDSL.strings()
                .basicLatinAlphabet()
                .ofLengthBetween(0, 20))
        .checkAssert(
            s -> {
              assertThat(LeadDefinitions.hasEmail(s)).as(s).isEqualTo(LeadsReference.email(s));
              assertThat(LeadDefinitions.hasPhone(s)).as(s).isEqualTo(LeadsReference.phone(s));
              assertThat(LeadDefinitions.hasName(s)).as(s).isEqualTo(LeadsReference.name(s));
            });
    qt().forAll(
            org.quicktheories.generators.SourceDSL.strings()
                .betweenCodePoints(' ', '@')
                .ofLengthBetween(0, 20))
        .checkAssert(
            s -> assertThat(LeadDefinitions.hasPhone(s)).as(s).isEqualTo(LeadsReference.phone(s)));
  }
}
