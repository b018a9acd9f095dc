package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in lookups and queries are loud (issue 11, items 9, 11 and 12): a key or metric the
 * table does not have is an error with "did you mean", a metric whose kinds of record are missing
 * from the input says so, and records a metric does not read never make a group for it.
 */
class LoudMistakesTest {
  private static final Period MARCH =
      Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC);

  private static Instant at(String day) {
    return Instant.parse(day + "T12:00:00Z");
  }

  // R1 sells 13,400.00 against a March quota of 96,000.00: 14.0 %; R2 has a quota and no deal
  private static final Deal D1 =
      Deal.builder("D1", "R1", Money.of("13400.00", "USD"), at("2024-03-01"))
          .won(at("2024-03-10"))
          .build();
  private static final Deal D2 =
      Deal.builder("D2", "R1", Money.of("500.00", "USD"), at("2024-03-02"))
          .lost(at("2024-03-11"))
          .build();
  private static final List<Deal> DEALS = List.of(D1, D2);
  private static final List<Quota> QUOTAS =
      List.of(
          new Quota("R1", MARCH, Money.of("96000.00", "USD")),
          new Quota("R2", MARCH, Money.of("5000.00", "USD")));
  // a customer and an order without a rep: before, they made a "(none)" row for attainment
  private static final List<Customer> CUSTOMERS =
      List.of(Customer.builder("C1", at("2024-03-05")).build());
  private static final List<Order> ORDERS =
      List.of(Order.builder("O1", "C1", at("2024-03-06"), Money.of("10.00", "USD")).build());

  private static MetricTable winRateByRep() {
    return Query.of(DEALS).groupBy(Dimension.REP).metrics(Metrics.WIN_RATE).during(MARCH).run();
  }

  @Test
  void aKeyWithAnUnknownDimensionIsRefusedWithTheClosestId() {
    MetricTable t = winRateByRep();
    assertThat(t.get(GroupKey.of("rep", "R1"), Metrics.WIN_RATE)).contains(Ratio.of(1, 2));
    assertThatThrownBy(() -> t.get(GroupKey.of("Rep", "R1"), Metrics.WIN_RATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the table has no dimension \"Rep\"; did you mean rep? (the table is grouped by rep)");
    assertThatThrownBy(() -> t.get(GroupKey.of("owner", "R1"), Metrics.WIN_RATE))
        .hasMessage("the table has no dimension \"owner\" (the table is grouped by rep)");
  }

  @Test
  void aKeyWithoutEveryDimensionIsRefused() {
    MetricTable t = winRateByRep();
    assertThatThrownBy(() -> t.get(GroupKey.overall(), Metrics.WIN_RATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "group key * has no value for rep (the table is grouped by rep): give one value per"
                + " dimension");
    MetricTable overall = Query.of(DEALS).metrics(Metrics.WIN_RATE).during(MARCH).run();
    assertThatThrownBy(() -> overall.get(GroupKey.of("rep", "R1"), Metrics.WIN_RATE))
        .hasMessage(
            "the table has no dimension \"rep\" (the table has no grouping dimension: use"
                + " GroupKey.overall())");
  }

  @Test
  void aMetricTheTableDoesNotHoldIsRefused() {
    MetricTable t = winRateByRep();
    assertThatThrownBy(() -> t.get(GroupKey.of("rep", "R1"), Metrics.SALES_VOLUME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the table has no metric \"sales_volume\" (its metrics: win_rate)");
    assertThatThrownBy(() -> t.get(GroupKey.of("rep", "R1"), "win_rte"))
        .hasMessage("the table has no metric \"win_rte\"; did you mean win_rate? (its metrics:"
            + " win_rate)");
  }

  @Test
  void aPeriodIsGivenExactlyWhenTheTableHasPeriods() {
    MetricTable monthly =
        Query.of(DEALS)
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE)
            .run();
    assertThat(monthly.get(GroupKey.of("rep", "R1"), MARCH, Metrics.WIN_RATE))
        .contains(Ratio.of(1, 2));
    assertThatThrownBy(() -> monthly.get(GroupKey.of("rep", "R1"), Metrics.WIN_RATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the table has a row per period: give the period");
    assertThatThrownBy(() -> winRateByRep().get(GroupKey.of("rep", "R1"), MARCH, "win_rate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the table has no period dimension");
  }

  @Test
  void aMetricWhoseRecordsAreMissingSaysWhichItNeeds() {
    MetricTable t =
        Query.of(DEALS)
            .groupBy(Dimension.REP)
            .metrics(Metrics.WIN_RATE, Metrics.QUOTA_ATTAINMENT)
            .during(MARCH)
            .run();
    String note =
        "quota_attainment reads deals and quotas, but the query's records hold no quota: give it"
            + " every kind, e.g. Query.of(deals, quotas) or Query.of(data.records())";
    assertThat(t.notes()).isEqualTo(Map.of("quota_attainment", note));
    assertThat(t.show()).endsWith("note: " + note + "\n");
    assertThat(t.toString()).isEqualTo("MetricTable[1 rows × 2 metrics; " + note + "]");

    MetricTable orders = Query.of(ORDERS).metrics(Metrics.WIN_RATE).run();
    assertThat(orders.size()).isZero();
    assertThat(orders.notes())
        .containsEntry(
            "win_rate",
            "win_rate reads deals, but the query's records hold no deal: query the deals, e.g."
                + " Query.of(deals)");
    // the same notes over a column store, whether the columnar engine or the records answer
    assertThat(Query.of(ColumnStore.of(ORDERS)).metrics(Metrics.WIN_RATE).run().notes())
        .isEqualTo(orders.notes());
    assertThat(
            Query.of(ColumnStore.of(DEALS))
                .groupBy(Dimension.REP)
                .metrics(Metrics.WIN_RATE, Metrics.QUOTA_ATTAINMENT)
                .during(MARCH)
                .run()
                .notes())
        .isEqualTo(Map.of("quota_attainment", note));
    assertThat(
            Query.of(ColumnStore.of(DEALS))
                .metrics(Metrics.WIN_RATE, Metrics.STAGE_CONVERSION)
                .during(MARCH)
                .runParallel()
                .notes())
        .isEmpty();
  }

  @Test
  void noNoteWhenEveryKindIsThereOrThereIsNoRecordAtAll() {
    assertThat(
            Query.of(DEALS, QUOTAS)
                .metrics(Metrics.QUOTA_ATTAINMENT)
                .during(MARCH)
                .run()
                .notes())
        .isEmpty();
    assertThat(Query.of(List.<Deal>of()).metrics(Metrics.WIN_RATE).run().notes()).isEmpty();
  }

  @Test
  void recordsAMetricDoesNotReadMakeNoGroupForIt() {
    MetricTable t =
        Query.of(DEALS, QUOTAS, CUSTOMERS, ORDERS)
            .groupBy(Dimension.REP)
            .metrics(Metrics.QUOTA_ATTAINMENT, Metrics.PIPELINE_COVERAGE)
            .during(MARCH)
            .run();
    assertThat(t.rows()).extracting(r -> r.key().get("rep").orElseThrow())
        .containsExactly("R1", "R2");
    Ratio r1 = t.get(GroupKey.of("rep", "R1"), Metrics.QUOTA_ATTAINMENT).orElseThrow();
    assertThat(r1).isEqualTo(Ratio.ofMoney(1_340_000, 9_600_000, Money.currency("USD")));
    assertThat(r1.toString()).isEqualTo("14.0% (13,400.00 / 96,000.00 USD)");
    assertThat(t.show()).contains("14.0% (13,400.00 / 96,000.00 USD)").doesNotContain("(none)");
  }

  @Test
  void mixingKindsWithSeveralListsEqualsOneList() {
    MetricTable mixed =
        Query.of(DEALS, QUOTAS).groupBy(Dimension.REP).metrics(Metrics.QUOTA_ATTAINMENT)
            .during(MARCH).run();
    MetricTable one =
        Query.of(List.of(D1, D2, QUOTAS.get(0), QUOTAS.get(1)))
            .groupBy(Dimension.REP)
            .metrics(Metrics.QUOTA_ATTAINMENT)
            .during(MARCH)
            .run();
    assertThat(mixed).isEqualTo(one);
  }

  @Test
  void yearAndDayShortcutsBesideMonthAndQuarter() {
    MetricTable byYear =
        Query.of(DEALS).groupBy(Dimension.year(ZoneOffset.UTC)).metrics(Metrics.DEALS_WON).run();
    assertThat(byYear.periods()).extracting(Period::label).containsExactly("2024");
    assertThat(Dimension.year(ZoneOffset.UTC))
        .isEqualTo(Dimension.period(Granularity.YEAR, ZoneOffset.UTC));
    MetricTable byDay =
        Query.of(DEALS).groupBy(Dimension.day(ZoneOffset.UTC)).metrics(Metrics.DEALS_WON).run();
    // deals won is placed by closed_at: D1 won on the 10th, D2 lost on the 11th
    assertThat(byDay.periods()).extracting(Period::label).containsExactly("2024-03-10", "2024-03-11");
    assertThat(byDay.get(GroupKey.overall(), byDay.periods().get(0), Metrics.DEALS_WON))
        .contains(dev.salesmetrics.metric.Count.of(1));
  }

  @Test
  void tablesGroupTheDigitsOfMoneyAndShowRatiosAboveOneAsPercentages() {
    MetricTable t =
        Query.of(DEALS).metrics(Metrics.SALES_VOLUME).during(MARCH).run();
    assertThat(t.show()).contains("13,400.00 USD");
    Amount perDay = Amount.of(Money.of("1250.00", "USD"), 3);
    assertThat(MetricTable.display(perDay, MetricUnit.MONEY_PER_DAY)).isEqualTo("1,250.00 USD/day");
    assertThat(MetricTable.display(Ratio.ofMoney(240_000, 100_000, Money.currency("USD")),
            MetricUnit.RATIO))
        .isEqualTo("240.0% (2,400.00 / 1,000.00 USD)");
  }
}
