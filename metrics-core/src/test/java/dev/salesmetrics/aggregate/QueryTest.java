package dev.salesmetrics.aggregate;

import static dev.salesmetrics.testing.AggregateFixtures.CREATED;
import static dev.salesmetrics.testing.AggregateFixtures.OPEN_AT_START;
import static dev.salesmetrics.testing.AggregateFixtures.REVENUE;
import static dev.salesmetrics.testing.AggregateFixtures.WIN_RATE;
import static dev.salesmetrics.testing.AggregateFixtures.WON_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Period JAN = Period.of(LocalDate.of(2024, 1, 1), Granularity.MONTH, UTC);
  private static final Period FEB = JAN.next();

  private static Deal won(String id, String rep, String amount, String closedAt) {
    Instant closed = Instant.parse(closedAt);
    return Deal.builder(id, rep, Money.of(amount, "USD"), closed.minusSeconds(86_400))
        .won(closed)
        .build();
  }

  private static Deal lost(String id, String rep, String closedAt) {
    Instant closed = Instant.parse(closedAt);
    return Deal.builder(id, rep, Money.of("1.00", "USD"), closed.minusSeconds(86_400))
        .lost(closed)
        .build();
  }

  private static Deal open(String id, String rep, String createdAt) {
    return Deal.builder(id, rep, Money.of("5.00", "USD"), Instant.parse(createdAt)).build();
  }

  private static final List<Deal> DEALS =
      List.of(
          won("D1", "R1", "100.00", "2024-01-10T12:00:00Z"),
          lost("D2", "R1", "2024-01-20T12:00:00Z"),
          won("D3", "R1", "40.00", "2024-02-01T00:00:00Z"), // exactly at the February start
          open("D4", "R2", "2024-01-05T00:00:00Z"),
          lost("D5", "R2", "2024-01-31T23:59:59.999Z")); // last instant of January

  @Test
  void groupsByRepAndMonthWithBoundaryInstantsAndNoEmptyGroups() {
    MetricTable t =
        Query.of(DEALS)
            .groupBy(Dimension.REP, Dimension.month(UTC))
            .metrics(WIN_RATE, WON_AMOUNT)
            .run();

    assertThat(t.toString()).isEqualTo("MetricTable[3 rows × 2 metrics]");
    GroupKey r1 = GroupKey.of("rep", "R1");
    GroupKey r2 = GroupKey.of("rep", "R2");
    assertThat(t.get(r1, JAN, WIN_RATE)).contains(Ratio.of(1, 2));
    assertThat(t.get(r1, FEB, WIN_RATE)).contains(Ratio.of(1, 1));
    assertThat(t.get(r2, JAN, WIN_RATE)).contains(Ratio.of(0, 1));
    assertThat(t.get(r1, JAN, WON_AMOUNT).flatMap(MoneyStats::sum))
        .contains(Money.of("100.00", "USD"));
    assertThat(t.get(r2, JAN, WON_AMOUNT)).contains(MoneyStats.empty());
    // R2 has only a lost deal in January and an open deal: no February row, no row for the open
    // deal, which belongs to no period.
    assertThat(t.row(r2, FEB)).isEmpty();
    assertThat(t.rows())
        .extracting(r -> r.key().toString() + " " + r.period().orElseThrow().label())
        .containsExactly("rep=R1 2024-01", "rep=R1 2024-02", "rep=R2 2024-01");
  }

  @Test
  void withoutPeriodAGroupOfOnlyOpenDealsShowsAnUndefinedRate() {
    List<Deal> deals = List.of(open("D1", "R1", "2024-01-05T00:00:00Z"));
    MetricTable t = Query.of(deals).groupBy(Dimension.REP).metrics(WIN_RATE).run();
    assertThat(t.get(GroupKey.of("rep", "R1"), WIN_RATE)).contains(Ratio.empty());
    assertThat(t.show()).contains("R1").contains("—");
  }

  @Test
  void noRecordsGiveAnEmptyTable() {
    MetricTable t = Query.of(List.<Deal>of()).groupBy(Dimension.REP).metrics(WIN_RATE).run();
    assertThat(t.size()).isZero();
    assertThat(t.toCsv()).isEqualTo("period_start,period_end,rep,metric,value,unit\n");
  }

  @Test
  void ungroupedQueryHasOneOverallRow() {
    MetricTable t = Query.of(DEALS).metrics(WIN_RATE).run();
    assertThat(t.get(GroupKey.overall(), WIN_RATE)).contains(Ratio.of(2, 4));
  }

  @Test
  void monthsInNewYorkStartAtLocalMidnight() {
    List<Deal> deals =
        List.of(
            lost("D1", "R1", "2024-03-01T04:59:59Z"), // 2024-02-29 23:59:59 EST
            won("D2", "R1", "1.00", "2024-03-01T05:00:00Z")); // 2024-03-01 00:00 EST
    MetricTable t =
        Query.of(deals).groupBy(Dimension.month(NEW_YORK)).metrics(WIN_RATE).run();
    Period feb = Period.of(LocalDate.of(2024, 2, 1), Granularity.MONTH, NEW_YORK);
    assertThat(t.get(GroupKey.overall(), feb, WIN_RATE)).contains(Ratio.of(0, 1));
    assertThat(t.get(GroupKey.overall(), feb.next(), WIN_RATE)).contains(Ratio.of(1, 1));
  }

  @Test
  void weeksAcrossTheSpringDstChangeInNewYork() {
    // Clocks go forward on Sunday 2024-03-10; the next week starts Monday 00:00 EDT = 04:00Z.
    List<Deal> deals =
        List.of(
            lost("D1", "R1", "2024-03-11T03:59:59Z"),
            won("D2", "R1", "1.00", "2024-03-11T04:00:00Z"),
            won("D3", "R1", "1.00", "2024-03-04T05:00:00Z")); // Monday 00:00 EST
    MetricTable t =
        Query.of(deals)
            .groupBy(Dimension.period(Granularity.WEEK, NEW_YORK))
            .metrics(WIN_RATE)
            .run();
    Period week10 = Period.of(LocalDate.of(2024, 3, 4), Granularity.WEEK, NEW_YORK);
    assertThat(week10.length().toHours()).isEqualTo(167);
    assertThat(t.get(GroupKey.overall(), week10, WIN_RATE)).contains(Ratio.of(1, 2));
    assertThat(t.get(GroupKey.overall(), week10.next(), WIN_RATE)).contains(Ratio.of(1, 1));
    assertThat(t.size()).isEqualTo(2);
  }

  @Test
  void oneDealFallsInDifferentPeriodsForDifferentMetrics() {
    Deal d =
        Deal.builder("D1", "R1", Money.of("1.00", "USD"), Instant.parse("2024-01-15T00:00:00Z"))
            .won(Instant.parse("2024-02-15T00:00:00Z"))
            .build();
    MetricTable t =
        Query.of(List.of(d)).groupBy(Dimension.month(UTC)).metrics(CREATED, WIN_RATE).run();
    assertThat(t.get(GroupKey.overall(), JAN, CREATED)).contains(Count.of(1));
    assertThat(t.get(GroupKey.overall(), JAN, WIN_RATE)).isEmpty();
    assertThat(t.get(GroupKey.overall(), FEB, WIN_RATE)).contains(Ratio.of(1, 1));
    assertThat(t.get(GroupKey.overall(), FEB, CREATED)).isEmpty();
    assertThat(t.show()).contains("2024-01").contains("100.0% (1/1)");
  }

  @Test
  void productGroupingSplitsOrdersAndKeepsRecordsWithoutProduct() {
    Instant at = Instant.parse("2024-01-10T00:00:00Z");
    Order mixed =
        Order.builder("O1", "C1", at, Money.of("30.00", "USD"))
            .line("Basic", 1, Money.of("10.00", "USD"))
            .line("Pro", 1, Money.of("15.00", "USD"))
            .line("Basic", 1, Money.of("5.00", "USD"))
            .build();
    Order bare = Order.builder("O2", "C1", at, Money.of("7.00", "USD")).build();
    MetricTable t =
        Query.of(List.of(mixed, bare)).groupBy(Dimension.PRODUCT).metrics(REVENUE).run();
    assertThat(sum(t.get(GroupKey.of("product", "Basic"), REVENUE))).isEqualTo("15.00 USD");
    assertThat(sum(t.get(GroupKey.of("product", "Pro"), REVENUE))).isEqualTo("15.00 USD");
    assertThat(sum(t.get(GroupKey.of("product", Dimension.NONE), REVENUE)))
        .isEqualTo("7.00 USD");
    // Without product grouping the order is not split.
    MetricTable whole = Query.of(List.of(mixed, bare)).metrics(REVENUE).run();
    assertThat(whole.get(GroupKey.overall(), REVENUE).orElseThrow().sampleSize()).isEqualTo(2);
  }

  private static String sum(Optional<MoneyStats> stats) {
    return stats.flatMap(MoneyStats::sum).orElseThrow().toString();
  }

  @Test
  void teamAndRegionComeFromTheDirectoryAndUnknownRepsAreShown() {
    RepDirectory reps =
        RepDirectory.of(
            List.of(new Rep("R1", "Ann", "East", "EMEA", null), new Rep("R2", "Bob", null, null,
                null)));
    List<Deal> deals =
        List.of(
            lost("D1", "R1", "2024-01-02T00:00:00Z"),
            lost("D2", "R2", "2024-01-02T00:00:00Z"),
            lost("D3", "R9", "2024-01-02T00:00:00Z"));
    MetricTable t =
        Query.of(deals).groupBy(Dimension.team(reps), Dimension.region(reps)).metrics(WIN_RATE)
            .run();
    assertThat(t.get(GroupKey.of("team", "East", "region", "EMEA"), WIN_RATE))
        .contains(Ratio.of(0, 1));
    assertThat(t.get(GroupKey.of("team", Dimension.NONE, "region", Dimension.NONE), WIN_RATE))
        .contains(Ratio.of(0, 1));
    assertThat(
            t.get(GroupKey.of("team", Dimension.UNKNOWN, "region", Dimension.UNKNOWN), WIN_RATE))
        .contains(Ratio.of(0, 1));
  }

  @Test
  void mixedRecordKindsGoToTheirOwnMetricsAndAnOrderWithoutRepIsInNone() {
    Instant at = Instant.parse("2024-01-10T00:00:00Z");
    List<SalesRecord> records =
        List.of(
            lost("D1", "R1", "2024-01-02T00:00:00Z"),
            Order.builder("O1", "C1", at, Money.of("3.00", "USD")).repId("R1").build(),
            Order.builder("O2", "C1", at, Money.of("4.00", "USD")).build());
    MetricTable t = Query.of(records).groupBy(Dimension.REP).metrics(WIN_RATE, REVENUE).run();
    GroupKey r1 = GroupKey.of("rep", "R1");
    assertThat(t.get(r1, WIN_RATE)).contains(Ratio.of(0, 1));
    assertThat(sum(t.get(r1, REVENUE))).isEqualTo("3.00 USD");
    GroupKey none = GroupKey.of("rep", Dimension.NONE);
    assertThat(sum(t.get(none, REVENUE))).isEqualTo("4.00 USD");
    assertThat(t.get(none, WIN_RATE)).isEmpty();
  }

  @Test
  void spanningMetricsAreOfferedToEveryPeriodOfTheRange() {
    List<Deal> deals =
        List.of(
            open("D1", "R1", "2024-01-05T00:00:00Z"),
            lost("D2", "R1", "2024-02-20T00:00:00Z")); // created 2024-02-19
    Query q = Query.of(deals).groupBy(Dimension.month(UTC)).metrics(OPEN_AT_START, WIN_RATE);
    assertThatThrownBy(q::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test_open_at_start is spanning");
    MetricTable t = q.periods(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1)).run();
    assertThat(t.get(GroupKey.overall(), JAN, OPEN_AT_START)).contains(Count.of(0));
    assertThat(t.get(GroupKey.overall(), FEB, OPEN_AT_START)).contains(Count.of(1));
    assertThat(t.get(GroupKey.overall(), FEB.next(), OPEN_AT_START)).contains(Count.of(1));
    assertThat(t.get(GroupKey.overall(), FEB, WIN_RATE)).contains(Ratio.of(0, 1));
    assertThat(t.size()).isEqualTo(3);
  }

  @Test
  void periodRangeLimitsPlacedRecords() {
    MetricTable t =
        Query.of(DEALS)
            .groupBy(Dimension.month(UTC))
            .periods(List.of(FEB))
            .metrics(WIN_RATE)
            .run();
    assertThat(t.rows()).hasSize(1);
    assertThat(t.get(GroupKey.overall(), FEB, WIN_RATE)).contains(Ratio.of(1, 1));
  }

  @Test
  void duringComputesOneWindowWithoutPeriodColumn() {
    MetricTable t = Query.of(DEALS).groupBy(Dimension.REP).during(JAN).metrics(WIN_RATE).run();
    assertThat(t.get(GroupKey.of("rep", "R1"), WIN_RATE)).contains(Ratio.of(1, 2));
    assertThat(t.toCsv()).contains("2024-01-01,2024-02-01,R1,test_win_rate,0.5,ratio");
  }

  @Test
  void filtersApplyPerRecordType() {
    MetricTable t =
        Query.of(DEALS)
            .filter(Deal.class, d -> d.amount().minorUnits() >= 4_000)
            .metrics(WIN_RATE)
            .run();
    assertThat(t.get(GroupKey.overall(), WIN_RATE)).contains(Ratio.of(2, 2));
  }

  @Test
  void asOfSeesDealsAsTheyWereKnown() {
    MetricTable t =
        Query.of(DEALS)
            .groupBy(Dimension.month(UTC))
            .asOf(Instant.parse("2024-01-15T00:00:00Z"))
            .metrics(WIN_RATE)
            .run();
    // Only D1 was closed by then.
    assertThat(t.get(GroupKey.overall(), JAN, WIN_RATE)).contains(Ratio.of(1, 1));
    assertThat(t.size()).isEqualTo(1);
  }

  @Test
  void badQueriesAreRejected() {
    assertThatThrownBy(() -> Query.of(DEALS).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one metric");
    assertThatThrownBy(() -> Query.of(DEALS).metrics(WIN_RATE, WIN_RATE).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listed twice: test_win_rate");
    assertThatThrownBy(() -> Query.of(DEALS).metrics(OPEN_AT_START).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a period");
    assertThatThrownBy(() -> Query.of(DEALS).periods(LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 2, 1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> Query.of(DEALS).groupBy(Dimension.REP, Dimension.REP).metrics(WIN_RATE).run())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parallelRunOnTheCommonPoolEqualsTheSequentialRun() {
    List<SalesRecord> records = dev.salesmetrics.testing.AggregateFixtures.mixed(7, 3000);
    Query q =
        Query.of(records)
            .groupBy(Dimension.REP, Dimension.month(UTC))
            .metrics(WIN_RATE, WON_AMOUNT, REVENUE);
    MetricTable seq = q.run();
    assertThat(seq.size()).isGreaterThan(10);
    assertThat(q.runParallel()).isEqualTo(seq);
  }

  @Test
  void typedAndUntypedLookupAgree() {
    MetricTable t = Query.of(DEALS).groupBy(Dimension.REP).metrics(WIN_RATE).run();
    Optional<MetricValue> v = t.get(GroupKey.of("rep", "R1"), "test_win_rate");
    assertThat(v).isEqualTo(t.get(GroupKey.of("rep", "R1"), WIN_RATE).map(r -> r));
    assertThat(t.get(GroupKey.of("rep", "R7"), "test_win_rate")).isEmpty();
    assertThatThrownBy(() -> t.get(GroupKey.of("rep", "R1"), "test_win_rte"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the table has no metric \"test_win_rte\"; did you mean test_win_rate? (its metrics:"
                + " test_win_rate)");
  }
}
