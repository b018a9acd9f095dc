package dev.salesmetrics.aggregate;

import static dev.salesmetrics.aggregate.ColumnarMetrics.WIN_RATE;
import static dev.salesmetrics.aggregate.ColumnarMetrics.WON_DEAL_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.testing.AggregateFixtures;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ColumnarProperties {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
  private static final RepDirectory REPS =
      RepDirectory.of(
          List.of(
              new Rep("R0", "Ann", "East", "EMEA", null),
              new Rep("R1", "Bob", "East", null, null),
              new Rep("R2", "Cy", "West", "AMER", null)));

  @AfterAll
  static void stop() {
    POOL.shutdown();
  }

  private static final List<List<Dimension>> GROUPINGS =
      List.of(
          List.of(),
          List.of(Dimension.REP),
          List.of(Dimension.REP, Dimension.month(ZoneOffset.UTC)),
          List.of(Dimension.period(Granularity.WEEK, ZoneId.of("America/New_York")), Dimension.REP),
          List.of(Dimension.team(REPS), Dimension.PRODUCT,
              Dimension.period(Granularity.QUARTER, ZoneId.of("Asia/Kolkata"),
                  FiscalCalendar.startingIn(Month.FEBRUARY))),
          List.of(Dimension.region(REPS), Dimension.CUSTOMER),
          List.of(Dimension.period(Granularity.DAY, ZoneId.of("Europe/Paris"))));

  @Test
  void columnarEqualsObjectPath() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(0, 300), integers().between(0, GROUPINGS.size() - 1))
        .checkAssert(
            (seed, n, g) -> {
              List<Deal> deals = AggregateFixtures.deals(seed, n);
              Dimension[] dims = GROUPINGS.get(g).toArray(new Dimension[0]);
              MetricTable objects =
                  Query.of(deals).groupBy(dims).metrics(WIN_RATE, WON_DEAL_AMOUNT).run();
              DealColumns columns = DealColumns.of(deals);
              ColumnarQuery q =
                  ColumnarQuery.of(columns).groupBy(dims).metrics(WIN_RATE, WON_DEAL_AMOUNT);
              assertThat(q.run()).isEqualTo(objects);
              assertThat(q.run().toCsv()).isEqualTo(objects.toCsv());
            });
  }

  @Test
  void columnarParallelEqualsSequential() {
    qt().withExamples(4)
        .forAll(longs().all(), integers().between(1, 5))
        .checkAssert(
            (seed, chunks) -> {
              List<Deal> deals = AggregateFixtures.deals(seed, 150_000);
              ColumnarQuery q =
                  ColumnarQuery.of(DealColumns.of(deals))
                      .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                      .metrics(WON_DEAL_AMOUNT, WIN_RATE);
              assertThat(q.runParallel(POOL, chunks)).isEqualTo(q.run());
            });
  }

  @Test
  void appendingRowByRowEqualsBuildingFromAList() {
    qt().withExamples(20)
        .forAll(longs().all(), integers().between(0, 2000))
        .checkAssert(
            (seed, n) -> {
              List<Deal> deals = AggregateFixtures.deals(seed, n);
              DealColumns.Builder b = DealColumns.builder();
              for (Deal d : deals) {
                b.add(
                    d.repId(),
                    d.status(),
                    d.closedAt(),
                    d.hasAmount() ? d.amount().minorUnits() : 0,
                    d.hasAmount() ? d.amount().currency() : Money.currency("USD"),
                    d.product(),
                    d.customerId());
              }
              ColumnarQuery appended =
                  ColumnarQuery.of(b.build()).groupBy(Dimension.PRODUCT).metrics(WIN_RATE);
              ColumnarQuery listed =
                  ColumnarQuery.of(DealColumns.of(deals)).groupBy(Dimension.PRODUCT)
                      .metrics(WIN_RATE);
              assertThat(appended.run()).isEqualTo(listed.run());
            });
  }
}
