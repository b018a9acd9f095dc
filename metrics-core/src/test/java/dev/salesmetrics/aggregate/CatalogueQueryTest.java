package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries with the real catalogue metrics, on small data computed by hand. */
class CatalogueQueryTest {
  private static final Period JAN =
      Period.of(LocalDate.of(2024, 1, 1), Granularity.MONTH, ZoneOffset.UTC);
  private static final Period FEB = JAN.next();

  private static Instant at(String s) {
    return Instant.parse(s);
  }

  @Test
  void winRateRevenueAndLeadsPerRepAndMonth() {
    List<SalesRecord> records =
        List.of(
            Deal.builder("D1", "R1", Money.of("100.00", "USD"), at("2024-01-02T00:00:00Z"))
                .won(at("2024-01-10T00:00:00Z"))
                .build(),
            Deal.builder("D2", "R1", Money.of("50.00", "USD"), at("2024-01-03T00:00:00Z"))
                .lost(at("2024-01-31T23:59:59Z"))
                .build(),
            // closed exactly at the February start: February
            Deal.builder("D3", "R1", Money.of("40.00", "USD"), at("2024-01-20T00:00:00Z"))
                .won(at("2024-02-01T00:00:00Z"))
                .build(),
            Order.builder("O1", "C1", at("2024-01-05T00:00:00Z"), Money.of("30.00", "USD"))
                .repId("R1")
                .build(),
            Order.builder("O2", "C2", at("2024-01-06T00:00:00Z"), Money.of("12.00", "USD"))
                .repId("R1")
                .build(),
            Lead.builder("L1", at("2024-02-03T00:00:00Z")).repId("R2").build());
    MetricTable t =
        Query.of(records)
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE, Metrics.REVENUE, Metrics.LEADS_CREATED)
            .run();
    GroupKey r1 = GroupKey.of("rep", "R1");
    assertThat(t.get(r1, JAN, Metrics.WIN_RATE)).contains(Ratio.of(1, 2));
    assertThat(t.get(r1, FEB, Metrics.WIN_RATE)).contains(Ratio.of(1, 1));
    assertThat(t.get(r1, JAN, Metrics.REVENUE))
        .contains(Amount.of(Money.of("42.00", "USD"), 2));
    assertThat(t.get(r1, FEB, Metrics.REVENUE)).isEmpty();
    assertThat(t.get(GroupKey.of("rep", "R2"), FEB, Metrics.LEADS_CREATED))
        .contains(Count.of(1));
    assertThat(t.rows()).hasSize(3);
  }

  @Test
  void quotaAttainmentByTeamThroughTheDirectory() {
    RepDirectory directory =
        RepDirectory.of(
            List.of(new Rep("R1", "Ann", "East", null, null), new Rep("R2", "Bob", "East", null, null)));
    List<SalesRecord> records =
        List.of(
            new Quota("R1", JAN, Money.of("1000.00", "USD")),
            new Quota("R2", JAN, Money.of("1000.00", "USD")),
            new Quota("R3", JAN, Money.of("500.00", "USD")),
            Deal.builder("D1", "R1", Money.of("500.00", "USD"), at("2024-01-02T00:00:00Z"))
                .won(at("2024-01-10T00:00:00Z"))
                .build(),
            Deal.builder("D2", "R2", Money.of("1500.00", "USD"), at("2024-01-02T00:00:00Z"))
                .won(at("2024-01-11T00:00:00Z"))
                .build(),
            Deal.builder("D3", "R3", Money.of("250.00", "USD"), at("2024-01-02T00:00:00Z"))
                .won(at("2024-01-12T00:00:00Z"))
                .build());
    MetricTable t =
        Query.of(records)
            .groupBy(Dimension.team(directory), Dimension.month(ZoneOffset.UTC))
            .periods(List.of(JAN))
            .metrics(Metrics.QUOTA_ATTAINMENT)
            .run();
    assertThat(t.get(GroupKey.of("team", "East"), JAN, Metrics.QUOTA_ATTAINMENT))
        .contains(Ratio.ofMoney(200_000, 200_000, Money.currency("USD")));
    assertThat(t.get(GroupKey.of("team", Dimension.UNKNOWN), JAN, Metrics.QUOTA_ATTAINMENT))
        .contains(Ratio.ofMoney(25_000, 50_000, Money.currency("USD")));
  }

  @Test
  void churnAndPipelineSpanEveryPeriodOfTheRange() {
    List<SalesRecord> records =
        List.of(
            Customer.builder("C1", at("2023-06-01T00:00:00Z"))
                .cancelledAt(at("2024-01-15T00:00:00Z"))
                .build(),
            Customer.builder("C2", at("2023-06-01T00:00:00Z")).build(),
            Deal.builder("D1", "R1", Money.of("70.00", "USD"), at("2023-12-20T00:00:00Z"))
                .won(at("2024-02-10T00:00:00Z"))
                .build());
    MetricTable t =
        Query.of(records)
            .groupBy(Dimension.month(ZoneOffset.UTC))
            .periods(List.of(JAN, FEB))
            .metrics(Metrics.CHURN_RATE, Metrics.PIPELINE_VALUE)
            .run();
    assertThat(t.get(GroupKey.overall(), JAN, Metrics.CHURN_RATE)).contains(Ratio.of(1, 2));
    assertThat(t.get(GroupKey.overall(), FEB, Metrics.CHURN_RATE)).contains(Ratio.of(0, 1));
    assertThat(t.get(GroupKey.overall(), JAN, Metrics.PIPELINE_VALUE))
        .contains(Amount.of(Money.of("70.00", "USD"), 1));
    assertThat(t.get(GroupKey.overall(), FEB, Metrics.PIPELINE_VALUE))
        .contains(Amount.of(Money.of("70.00", "USD"), 1));
  }
}
