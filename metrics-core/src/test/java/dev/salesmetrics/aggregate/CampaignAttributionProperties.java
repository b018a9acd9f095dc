package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.testing.DealGenerators;
import dev.salesmetrics.testing.LeadsGenerators;
import dev.salesmetrics.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Grouped by the campaign (or source) of the deals' leads, each group's row of every catalogue
 * metric that reads deals equals the ungrouped result over that group's records, the groups being
 * computed here by a plain lookup of each deal's lead.
 */
class CampaignAttributionProperties {

  /** Every catalogue metric that reads deals. */
  private static final List<Metric<?, ?>> DEAL_METRICS =
      List.of(
          Metrics.DEALS_WON,
          Metrics.SALES_VOLUME,
          Metrics.WIN_RATE,
          Metrics.WIN_RATE_ALL_CREATED,
          Metrics.AVERAGE_DEAL_SIZE,
          Metrics.SALES_CYCLE,
          Metrics.PIPELINE_VALUE,
          Metrics.WEIGHTED_PIPELINE,
          Metrics.PIPELINE_COVERAGE,
          Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA,
          Metrics.SALES_VELOCITY,
          Metrics.STAGE_CONVERSION,
          Metrics.QUOTA_ATTAINMENT,
          Metrics.REP_RAMP_TIME,
          Metrics.CAMPAIGN_ROI);

  /**
   * Campaigns C0..C3, leads L0..L(n-1) from them (or none), deals from DealGenerators whose lead
   * is one of L0..L13 (some unknown) or none, quotas and reps; deal ids made unique.
   */
  private static Gen<List<SalesRecord>> records() {
    Gen<List<Campaign>> campaigns = LeadsGenerators.campaigns();
    Gen<List<Lead>> leads = LeadsGenerators.leads(12);
    Gen<List<SalesRecord>> deals = DealGenerators.records();
    Gen<Integer> leadIds = integers().between(-1, 13);
    return in -> {
      List<SalesRecord> out = new ArrayList<>(campaigns.generate(in));
      out.addAll(leads.generate(in));
      int i = 0;
      for (SalesRecord r : deals.generate(in)) {
        if (r instanceof Deal d) {
          int lead = leadIds.generate(in);
          out.add(
              new Deal(
                  "D" + i++,
                  d.repId(),
                  d.amount(),
                  d.createdAt(),
                  d.status(),
                  d.closedAt(),
                  d.stage(),
                  d.probability(),
                  d.customerId(),
                  lead < 0 ? null : "L" + lead,
                  d.product(),
                  d.stageHistory()));
        } else {
          out.add(r);
        }
      }
      return out;
    };
  }

  /** The plain reference: a deal's campaign is its lead's, looked up by id. */
  private static String campaignOf(SalesRecord r, Map<String, Lead> leads) {
    if (r instanceof Campaign c) {
      return c.id();
    } else if (r instanceof Lead l) {
      return orNone(l.campaignId());
    } else if (r instanceof Customer c) {
      return orNone(c.campaignId());
    } else if (r instanceof Deal d) {
      return throughLead(d, leads, true);
    }
    return Dimension.NONE;
  }

  /** The plain reference: a deal's source is its lead's, looked up by id. */
  private static String sourceOf(SalesRecord r, Map<String, Lead> leads) {
    if (r instanceof Lead l) {
      return orNone(l.source());
    } else if (r instanceof Deal d) {
      return throughLead(d, leads, false);
    }
    return Dimension.NONE;
  }

  private static String throughLead(Deal d, Map<String, Lead> leads, boolean campaign) {
    if (d.leadId() == null) {
      return Dimension.NONE;
    }
    Lead lead = leads.get(d.leadId());
    if (lead == null) {
      return Dimension.UNKNOWN;
    }
    return orNone(campaign ? lead.campaignId() : lead.source());
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? Dimension.NONE : value;
  }

  @Test
  void eachGroupOfTheDealsLeadsEqualsTheUngroupedResultOverItsRecords() {
    qt().withExamples(150)
        .forAll(records(), DealGenerators.periods())
        .checkAssert(
            (records, period) -> {
              Map<String, Lead> byId = new HashMap<>();
              for (SalesRecord r : records) {
                if (r instanceof Lead l) {
                  byId.put(l.id(), l);
                }
              }
              LeadDirectory leads = LeadDirectory.from(records);
              check(records, period, Dimension.campaign(leads), r -> campaignOf(r, byId));
              check(records, period, Dimension.source(leads), r -> sourceOf(r, byId));
            });
  }

  private static void check(
      List<SalesRecord> records,
      Period period,
      Dimension dimension,
      Function<SalesRecord, String> reference) {
    Map<String, List<SalesRecord>> groups = new HashMap<>();
    Set<GroupKey> expectedKeys = new LinkedHashSet<>();
    for (SalesRecord r : records) {
      String g = reference.apply(r);
      groups.computeIfAbsent(g, k -> new ArrayList<>()).add(r);
      expectedKeys.add(GroupKey.of(dimension.id(), g));
    }
    MetricTable grouped =
        Query.of(records).groupBy(dimension).metrics(DEAL_METRICS).during(period).run();
    assertThat(grouped.rows())
        .extracting(MetricTable.Row::key)
        .containsExactlyInAnyOrderElementsOf(expectedKeys);
    for (MetricTable.Row row : grouped.rows()) {
      String g = row.key().get(dimension.id()).orElseThrow();
      MetricTable alone =
          Query.of(groups.get(g)).metrics(DEAL_METRICS).during(period).run();
      assertThat(row.values())
          .as("%s %s", dimension.id(), g)
          .isEqualTo(alone.row(GroupKey.overall()).orElseThrow().values());
    }
  }
}
