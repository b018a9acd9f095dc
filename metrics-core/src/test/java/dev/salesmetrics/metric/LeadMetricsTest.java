package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of the "Leads" section of docs/METRICS.md, and the edges. */
class LeadMetricsTest {
  private static final Period MARCH =
      Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC);
  private static final Window IN_MARCH = Window.of(MARCH);

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  // The lead table of docs/METRICS.md.
  static final Lead L1 =
      Lead.builder("L1", at("2024-03-01T00:00:00Z"))
          .contact(new Contact("Ann", "ann@example.com", "+1 (555) 010-2000", null))
          .source("referral")
          .firstContactAt(at("2024-03-01T00:30:00Z"))
          .convertedAt(at("2024-03-20T00:00:00Z"))
          .build();
  static final Lead L2 =
      Lead.builder("L2", at("2024-03-15T00:00:00Z"))
          .contact(new Contact("Bo", "bo@example", "555-0100", null))
          .source("webinar")
          .firstContactAt(at("2024-03-18T12:30:00Z"))
          .convertedAt(at("2024-04-10T00:00:00Z"))
          .build();
  static final Lead L3 = Lead.builder("L3", at("2024-03-31T23:59:59Z")).build();
  static final Lead L4 =
      Lead.builder("L4", at("2024-04-01T00:00:00Z"))
          .contact(new Contact("Cy", null, null, null))
          .build();
  static final Lead L5 =
      Lead.builder("L5", at("2024-02-20T00:00:00Z"))
          .firstContactAt(at("2024-02-22T00:00:00Z"))
          .convertedAt(at("2024-03-02T00:00:00Z"))
          .build();
  static final List<Lead> LEADS = List.of(L1, L2, L3, L4, L5);

  @Test
  void leadsCreatedCountsFromPeriodStartToJustBeforeItsEnd() {
    assertThat(Metrics.LEADS_CREATED.compute(LEADS, IN_MARCH).value()).isEqualTo(Count.of(3));
    assertThat(Metrics.LEADS_CREATED.compute(LEADS).value()).isEqualTo(Count.of(5));
    assertThat(Metrics.LEADS_CREATED.compute(List.of(), IN_MARCH).value()).isEqualTo(Count.of(0));
    assertThat(Metrics.LEADS_CREATED.compute(List.of(L4), IN_MARCH).value()).isEqualTo(Count.of(0));
  }

  @Test
  void contactCompletenessWorkedExample() {
    Ratio r = Metrics.LEAD_CONTACT_COMPLETENESS.compute(LEADS, IN_MARCH).value();
    assertThat(r).isEqualTo(Ratio.of(5, 9));
    assertThat(r.toString()).isEqualTo("55.6% (5/9)");
    assertThat(Metrics.LEAD_CONTACT_COMPLETENESS.compute(List.of(), IN_MARCH).value())
        .isEqualTo(Ratio.empty());
  }

  @Test
  void emailRules() {
    assertThat(LeadDefinitions.hasEmail("ann@example.com")).isTrue();
    assertThat(LeadDefinitions.hasEmail("a@b.c")).isTrue();
    assertThat(LeadDefinitions.hasEmail("ann@example")).isFalse();
    assertThat(LeadDefinitions.hasEmail("@example.com")).isFalse();
    assertThat(LeadDefinitions.hasEmail("a@b@c.com")).isFalse();
    assertThat(LeadDefinitions.hasEmail("ann.example.com")).isFalse();
    assertThat(LeadDefinitions.hasEmail("ann.x@example")).isFalse();
    assertThat(LeadDefinitions.hasEmail(null)).isFalse();
  }

  @Test
  void phoneRules() {
    assertThat(LeadDefinitions.hasPhone("+1 (555) 010-2000")).isTrue();
    assertThat(LeadDefinitions.hasPhone("555-0100")).isTrue();
    assertThat(LeadDefinitions.hasPhone("555.01.00")).isTrue();
    assertThat(LeadDefinitions.hasPhone("555010")).isFalse();
    assertThat(LeadDefinitions.hasPhone("+123456789012345")).isTrue();
    assertThat(LeadDefinitions.hasPhone("1234567890123456")).isFalse();
    assertThat(LeadDefinitions.hasPhone("555-0100 ext 2")).isFalse();
    assertThat(LeadDefinitions.hasPhone("(+) 12-34-56-7")).isTrue(); // "+1234567" once kept
    assertThat(LeadDefinitions.hasPhone("+ - .")).isFalse();
    assertThat(LeadDefinitions.hasPhone("1+5550100")).isFalse();
    assertThat(LeadDefinitions.hasPhone("++5550100")).isFalse();
    assertThat(LeadDefinitions.hasPhone("(+44) 20 7946 0958")).isTrue();
    assertThat(LeadDefinitions.hasPhone(null)).isFalse();
  }

  @Test
  void nameRules() {
    assertThat(LeadDefinitions.hasName("Ann")).isTrue();
    assertThat(LeadDefinitions.hasName(" \t")).isFalse();
    assertThat(LeadDefinitions.hasName(null)).isFalse();
  }

  @Test
  void leadScoreWorkedExample() {
    LeadScoreModel model = LeadScoreModel.defaults();
    assertThat(model.score(L1)).isEqualTo(100.0);
    // contact 2/3, webinar 70, first contact after 84.5 h: 100 × (168 − 84.5) / 167 = 50
    assertThat(model.score(L2)).isEqualTo(62.666667);
    // nothing known: source 25 × 0.3
    assertThat(model.score(L3)).isEqualTo(7.5);
    Score mean = Metrics.LEAD_SCORE.compute(LEADS, IN_MARCH).value();
    assertThat(mean.sampleSize()).isEqualTo(3);
    assertThat(mean.value().getAsDouble()).isCloseTo(56.722222, within(1e-6));
    assertThat(mean.toString()).isEqualTo("56.72");
    assertThat(Metrics.LEAD_SCORE.compute(List.of(), IN_MARCH).value()).isEqualTo(Score.empty());
  }

  @Test
  void leadScoreWithCallerWeights() {
    LeadScoreModel contactOnly =
        LeadScoreModel.builder().contactWeight(1).sourceWeight(0).speedWeight(0).build();
    Score s = Metrics.leadScore(contactOnly).compute(List.of(L1, L2, L3), IN_MARCH).value();
    assertThat(s.value().getAsDouble()).isCloseTo((100 + 66.666667 + 0) / 3, within(1e-6));
    assertThat(Metrics.leadScore(contactOnly).id()).isEqualTo("lead_score");
  }

  @Test
  void leadScoreAsOfBeforeFirstContactScoresNoSpeed() {
    Window early = IN_MARCH.asOf(at("2024-03-16T00:00:00Z"));
    Score s = Metrics.LEAD_SCORE.compute(List.of(L2), early).value();
    // contact 2/3 × 40 + webinar 70 × 30, speed 0
    assertThat(s.value().getAsDouble()).isCloseTo(47.666667, within(1e-6));
  }

  @Test
  void conversionRateCountsLaterConversionsOfLeadsCreatedInThePeriod() {
    assertThat(Metrics.LEAD_CONVERSION_RATE.compute(LEADS, IN_MARCH).value())
        .isEqualTo(Ratio.of(2, 3));
    Window beforeL2Converts = IN_MARCH.asOf(at("2024-04-01T00:00:00Z"));
    assertThat(Metrics.LEAD_CONVERSION_RATE.compute(LEADS, beforeL2Converts).value())
        .isEqualTo(Ratio.of(1, 3));
    assertThat(Metrics.LEAD_CONVERSION_RATE.compute(List.of(L4), IN_MARCH).value())
        .isEqualTo(Ratio.empty());
  }

  @Test
  void timeToConvertWorkedExample() {
    DurationStats s = Metrics.LEAD_TIME_TO_CONVERT.compute(LEADS, IN_MARCH).value();
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.meanDays().getAsDouble()).isCloseTo(15.0, within(1e-9));
    assertThat(s.medianDays().getAsDouble()).isCloseTo(15.0, within(1e-9));
    assertThat(s.p90Days().getAsDouble()).isCloseTo(18.2, within(1e-9));
    assertThat(Metrics.LEAD_TIME_TO_CONVERT.compute(List.of(L3), IN_MARCH).value().count())
        .isZero();
  }

  @Test
  void timeToFirstContactWorkedExample() {
    DurationStats s = Metrics.LEAD_TIME_TO_FIRST_CONTACT.compute(LEADS, IN_MARCH).value();
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.minDays().getAsDouble()).isCloseTo(30.0 / 1440, within(1e-9));
    assertThat(s.maxDays().getAsDouble()).isCloseTo(84.5 / 24, within(1e-9));
    assertThat(s.meanDays().getAsDouble()).isCloseTo((0.5 + 84.5) / 48, within(1e-9));
  }

  @Test
  void daylightSavingDoesNotBendDurationsAndPeriodsAreLocal() {
    ZoneId ny = ZoneId.of("America/New_York");
    Window march = Window.of(Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ny));
    // 2024-03-01T00:00 in New York is 05:00Z; clocks go forward on 2024-03-10
    Lead justBefore = Lead.builder("A", at("2024-03-01T04:59:59Z")).build();
    Lead atStart =
        Lead.builder("B", at("2024-03-01T05:00:00Z"))
            .convertedAt(at("2024-03-11T05:00:00Z"))
            .build();
    Lead lastInstant = Lead.builder("C", at("2024-04-01T03:59:59Z")).build();
    Lead atEnd = Lead.builder("D", at("2024-04-01T04:00:00Z")).build();
    List<Lead> leads = List.of(justBefore, atStart, lastInstant, atEnd);
    assertThat(Metrics.LEADS_CREATED.compute(leads, march).value()).isEqualTo(Count.of(2));
    DurationStats s = Metrics.LEAD_TIME_TO_CONVERT.compute(leads, march).value();
    assertThat(s.meanDays().getAsDouble()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void leadScoreModelValidates() {
    assertThatThrownBy(() -> LeadScoreModel.builder().contactWeight(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contact_weight must be finite and >= 0: -1.0");
    assertThatThrownBy(
            () -> LeadScoreModel.builder().contactWeight(0).sourceWeight(0).speedWeight(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("weights must add up to > 0");
    assertThatThrownBy(() -> LeadScoreModel.builder().speedWeight(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeadScoreModel.builder().sourceScore("event", 101).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source score of event must be in [0, 100]: 101.0");
    assertThatThrownBy(() -> LeadScoreModel.builder().unknownSourceScore(-0.5).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                LeadScoreModel.builder().sourceScores(Map.of("Event", 1.0, " event", 2.0)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
    assertThatThrownBy(
            () ->
                LeadScoreModel.builder()
                    .contactSpeed(Duration.ofDays(2), Duration.ofDays(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zero_speed_after");
  }

  @Test
  void leadScoreModelDefaultsAndSourcesAreCaseInsensitive() {
    LeadScoreModel d = LeadScoreModel.defaults();
    assertThat(d.contactWeight()).isEqualTo(40.0);
    assertThat(d.sourceWeight()).isEqualTo(30.0);
    assertThat(d.speedWeight()).isEqualTo(30.0);
    assertThat(d.sourceScores()).containsEntry("referral", 100.0).hasSize(9);
    assertThat(d.unknownSourceScore()).isEqualTo(25.0);
    assertThat(d.fullSpeedWithin()).isEqualTo(Duration.ofHours(1));
    assertThat(d.zeroSpeedAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(LeadScoreModel.builder().build()).isEqualTo(d);
    LeadScoreModel sourceOnly =
        LeadScoreModel.builder()
            .contactWeight(0)
            .speedWeight(0)
            .sourceScores(Map.of("Trade Show", 90.0))
            .build();
    Lead lead = Lead.builder("X", at("2024-03-02T00:00:00Z")).source(" trade show ").build();
    assertThat(sourceOnly.score(lead)).isEqualTo(90.0);
    assertThat(sourceOnly.sourceScores()).containsOnlyKeys("trade show");
  }

  @Test
  void everyIdOfTheAreaIsRegisteredInCatalogueOrder() {
    List<String> ids =
        List.of(
            "leads_created",
            "lead_contact_completeness",
            "lead_score",
            "lead_conversion_rate",
            "lead_time_to_convert",
            "lead_time_to_first_contact",
            "customer_acquisition_cost",
            "cost_per_lead",
            "campaign_roi",
            "nps",
            "csat",
            "units_sold",
            "product_revenue_share");
    for (String id : ids) {
      assertThat(Metrics.byId(id).id()).isEqualTo(id);
    }
    assertThat(Metrics.all().stream().map(Metric::id).filter(ids::contains).toList())
        .isEqualTo(ids);
    assertThat(Metrics.byId("lead_score")).isSameAs(Metrics.LEAD_SCORE);
    assertThat(Metrics.PRODUCT_REVENUE_SHARE.unit()).isEqualTo(MetricUnit.TABLE);
    assertThat(Metrics.LEADS_CREATED.placement().field()).isEqualTo("created_at");
    assertThat(Metrics.CAMPAIGN_ROI.placement().isSpanning()).isTrue();
  }
}
