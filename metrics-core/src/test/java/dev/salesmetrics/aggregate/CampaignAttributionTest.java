package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A deal counts for the campaign and source of the lead it came from. */
class CampaignAttributionTest {
  private static final Instant MARCH_10 = Instant.parse("2024-03-10T12:00:00Z");

  /** CA spent 1,000.00; its lead L1 became deal D1, won at 3,000.00. */
  private static final Campaign CA =
      new Campaign(
          "CA", "Spring", null, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31),
          Money.of("1000.00", "USD"));

  private static final Lead L1 =
      Lead.builder("L1", MARCH_10.minusSeconds(20 * 86_400L))
          .campaignId("CA")
          .source("webinar")
          .build();

  private static final Deal D1 = deal("D1", "3000.00", "L1");

  private static Deal deal(String id, String amount, String leadId) {
    return Deal.builder(id, "R1", Money.of(amount, "USD"), MARCH_10.minusSeconds(86_400))
        .leadId(leadId)
        .won(MARCH_10)
        .build();
  }

  private static final List<SalesRecord> RECORDS = List.of(CA, L1, D1);

  @Test
  void campaignRoiGroupedByCampaignEqualsTheUngroupedRoi() {
    MetricTable overall = Query.of(RECORDS).metrics(Metrics.CAMPAIGN_ROI).run();
    MetricTable byCampaign =
        Query.of(RECORDS)
            .groupBy(Dimension.campaign(LeadDirectory.from(RECORDS)))
            .metrics(Metrics.CAMPAIGN_ROI)
            .run();

    // (3,000.00 - 1,000.00) / 1,000.00 = 2.0, in minor units
    Ratio roi = Ratio.ofMoney(200_000, 100_000, Money.currency("USD"));
    assertThat(overall.get(GroupKey.overall(), Metrics.CAMPAIGN_ROI)).contains(roi);
    assertThat(byCampaign.get(GroupKey.of("campaign", "CA"), Metrics.CAMPAIGN_ROI)).contains(roi);
    assertThat(byCampaign.rows()).hasSize(1);
  }

  @Test
  void everyMetricThatReadsDealsCountsTheDealInItsLeadsCampaignAndSource() {
    LeadDirectory leads = LeadDirectory.of(List.of(L1));
    for (Dimension d : List.of(Dimension.campaign(leads), Dimension.source(leads))) {
      MetricTable t =
          Query.of(RECORDS)
              .groupBy(d)
              .metrics(Metrics.DEALS_WON, Metrics.SALES_VOLUME, Metrics.WIN_RATE)
              .run();
      GroupKey key = GroupKey.of(d.id(), d.id().equals("campaign") ? "CA" : "webinar");
      assertThat(t.get(key, Metrics.DEALS_WON)).contains(Count.of(1));
      assertThat(t.get(key, Metrics.SALES_VOLUME).flatMap(Amount::value))
          .contains(Money.of("3000.00", "USD"));
      assertThat(t.get(key, Metrics.WIN_RATE)).contains(Ratio.of(1, 1));
    }
  }

  @Test
  void aDealWithoutLeadOrWithAnUnknownLeadIsNeverDropped() {
    Lead noCampaign = Lead.builder("L2", MARCH_10.minusSeconds(86_400)).build();
    List<SalesRecord> records =
        List.of(
            CA,
            L1,
            noCampaign,
            D1,
            deal("D2", "1.00", null), // no lead: (none)
            deal("D3", "2.00", "L2"), // lead without campaign: (none)
            deal("D4", "4.00", "L9")); // lead not in the directory: (unknown)
    MetricTable t =
        Query.of(records)
            .groupBy(Dimension.campaign(LeadDirectory.from(records)))
            .metrics(Metrics.SALES_VOLUME)
            .run();

    assertThat(t.get(GroupKey.of("campaign", "CA"), Metrics.SALES_VOLUME).flatMap(Amount::value))
        .contains(Money.of("3000.00", "USD"));
    assertThat(
            t.get(GroupKey.of("campaign", Dimension.NONE), Metrics.SALES_VOLUME)
                .flatMap(Amount::value))
        .contains(Money.of("3.00", "USD"));
    assertThat(
            t.get(GroupKey.of("campaign", Dimension.UNKNOWN), Metrics.SALES_VOLUME)
                .flatMap(Amount::value))
        .contains(Money.of("4.00", "USD"));
  }

  @Test
  void theConstantsKnowNoLeadSoADealWithALeadIsUnknown() {
    MetricTable t =
        Query.of(RECORDS).groupBy(Dimension.CAMPAIGN).metrics(Metrics.SALES_VOLUME).run();
    assertThat(
            t.get(GroupKey.of("campaign", Dimension.UNKNOWN), Metrics.SALES_VOLUME)
                .flatMap(Amount::value))
        .contains(Money.of("3000.00", "USD"));
    assertThat(Dimension.SOURCE.valueOf(D1)).isEqualTo(Dimension.UNKNOWN);
    assertThat(Dimension.SOURCE.valueOf(L1)).isEqualTo("webinar");
    assertThat(Dimension.CAMPAIGN.valueOf(CA)).isEqualTo("CA");
  }

  @Test
  void aLiveViewGroupsDealsByTheirLeadsCampaign() {
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.campaign(LeadDirectory.of(List.of(L1))))
            .metrics(Metrics.CAMPAIGN_ROI, Metrics.DEALS_WON)
            .build();
    live.recordAll(RECORDS);
    assertThat(live.snapshot())
        .isEqualTo(
            Query.of(RECORDS)
                .groupBy(Dimension.campaign(LeadDirectory.of(List.of(L1))))
                .metrics(Metrics.CAMPAIGN_ROI, Metrics.DEALS_WON)
                .run());
    assertThat(live.snapshot().get(GroupKey.of("campaign", "CA"), Metrics.CAMPAIGN_ROI))
        .contains(Ratio.ofMoney(200_000, 100_000, Money.currency("USD")));
  }

  @Test
  void theDirectoryTakesALeadTwiceOnlyWithTheSameData() {
    LeadDirectory twice = LeadDirectory.of(List.of(L1, L1));
    assertThat(twice.size()).isEqualTo(1);
    assertThat(twice.lead("L1")).contains(L1);
    assertThat(twice.lead("L2")).isEqualTo(Optional.empty());
    assertThat(LeadDirectory.from(RECORDS).toString()).isEqualTo("LeadDirectory[1 leads]");
    Lead other = Lead.builder("L1", MARCH_10).campaignId("CB").build();
    assertThatThrownBy(() -> LeadDirectory.of(List.of(L1, other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lead_id L1 appears twice with different data in a lead directory");
  }
}
