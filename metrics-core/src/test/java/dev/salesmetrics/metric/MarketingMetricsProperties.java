package dev.salesmetrics.metric;

import static dev.salesmetrics.testing.LeadsGenerators.marketing;
import static dev.salesmetrics.testing.LeadsGenerators.windows;
import static dev.salesmetrics.testing.MoneyRatios.assertMoneyRatio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.testing.LeadsGenerators;
import dev.salesmetrics.testing.LeadsHarness;
import dev.salesmetrics.testing.LeadsReference;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Properties of the marketing metrics: order, split + merge, reference, as-of, attribution. */
class MarketingMetricsProperties {
  private static final List<Metric<SalesRecord, ?>> ALL =
      List.of(Metrics.CUSTOMER_ACQUISITION_COST, Metrics.COST_PER_LEAD, Metrics.CAMPAIGN_ROI);

  private static <T> List<T> only(List<SalesRecord> records, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SalesRecord r : records) {
      if (type.isInstance(r)) {
        out.add(type.cast(r));
      }
    }
    return out;
  }

  @Test
  void splitAtAnyPointThenMergeEqualsWhole() {
    qt().forAll(marketing(), integers().between(0, 70), longs().all(), windows())
        .checkAssert(
            (records, cut, seed, window) -> {
              List<SalesRecord> mixed = new ArrayList<>(records);
              java.util.Collections.shuffle(mixed, new java.util.Random(seed));
              for (Metric<SalesRecord, ?> m : ALL) {
                assertThat(LeadsHarness.splitMerged(m, mixed, cut, window))
                    .as(m.id())
                    .isEqualTo(LeadsHarness.whole(m, mixed, window));
              }
            });
  }

  @Test
  void independentOfInputOrder() {
    qt().forAll(marketing(), longs().all(), windows())
        .checkAssert(
            (records, seed, window) -> {
              for (Metric<SalesRecord, ?> m : ALL) {
                assertThat(LeadsHarness.shuffled(m, records, seed, window))
                    .as(m.id())
                    .isEqualTo(LeadsHarness.whole(m, records, window));
              }
            });
  }

  @Test
  void asOfAfterEveryEventEqualsThePlainResult() {
    qt().forAll(marketing(), windows())
        .checkAssert(
            (records, window) -> {
              Window late = window.asOf(LeadsGenerators.afterEverything());
              for (Metric<SalesRecord, ?> m : ALL) {
                assertThat(LeadsHarness.whole(m, records, late))
                    .as(m.id())
                    .isEqualTo(LeadsHarness.whole(m, records, window));
              }
            });
  }

  @Test
  void agreesWithThePlainReference() {
    qt().forAll(marketing(), windows())
        .checkAssert(
            (records, window) -> {
              Period p = window.period();
              List<Campaign> campaigns = only(records, Campaign.class);
              List<Lead> leads = only(records, Lead.class);
              Optional<Long> cac = LeadsReference.cac(campaigns, only(records, Customer.class), p);
              assertThat(
                      LeadsHarness.whole(Metrics.CUSTOMER_ACQUISITION_COST, records, window)
                          .value()
                          .map(Money::minorUnits))
                  .isEqualTo(cac);
              assertThat(
                      LeadsHarness.whole(Metrics.COST_PER_LEAD, records, window)
                          .value()
                          .map(Money::minorUnits))
                  .isEqualTo(LeadsReference.costPerLead(campaigns, leads, p));
              long[] roi = LeadsReference.roi(campaigns, leads, only(records, Deal.class), p);
              assertMoneyRatio(
                  LeadsHarness.whole(Metrics.CAMPAIGN_ROI, records, window),
                  roi == null ? Ratio.empty() : Ratio.of(roi[0], roi[1]),
                  Money.currency("USD"));
            });
  }

  @Test
  void attributedSpendOverConsecutiveMonthsAddsUpToTheSpendWithinRounding() {
    qt().forAll(LeadsGenerators.campaigns(), integers().between(0, 1))
        .checkAssert(
            (campaigns, z) -> {
              ZoneId zone = z == 0 ? ZoneId.of("UTC") : ZoneId.of("America/New_York");
              for (Campaign c : campaigns) {
                long sum = 0;
                long days = 0;
                for (int m = 1; m <= 8; m++) {
                  Window w =
                      Window.of(Period.of(LocalDate.of(2024, m, 1), Granularity.MONTH, zone));
                  sum += MarketingDefinitions.attributedSpend(c, w).minorUnits();
                  days += MarketingDefinitions.daysInside(c, w);
                }
                assertThat(days)
                    .isEqualTo(
                        java.time.temporal.ChronoUnit.DAYS.between(c.startDate(), c.endDate()) + 1);
                // each month's share is rounded once: at most half a minor unit off per month
                assertThat(Math.abs(sum - c.spend().minorUnits())).isLessThanOrEqualTo(4);
              }
            });
  }
}
