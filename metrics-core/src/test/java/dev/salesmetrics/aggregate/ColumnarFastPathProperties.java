package dev.salesmetrics.aggregate;

import static dev.salesmetrics.aggregate.ColumnarMetrics.WIN_RATE;
import static dev.salesmetrics.aggregate.ColumnarMetrics.WON_DEAL_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.testing.AggregateFixtures;
import dev.salesmetrics.time.Granularity;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The columnar loops specialised for one rep-valued dimension, alone or with a period of whole
 * days (months, quarters, days in UTC or a fixed offset), equal the object path, sequential and
 * in row ranges.
 */
class ColumnarFastPathProperties {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
  private static final RepDirectory REPS =
      RepDirectory.of(
          List.of(
              new Rep("R0", "Ann", "East", "EMEA", null),
              new Rep("R1", "Bob", "East", null, null),
              new Rep("R2", "Cy", "West", "AMER", null)));

  private static final List<List<Dimension>> GROUPINGS =
      List.of(
          List.of(Dimension.team(REPS)),
          List.of(Dimension.region(REPS), Dimension.month(ZoneOffset.UTC)),
          List.of(Dimension.month(ZoneOffset.UTC), Dimension.REP),
          List.of(Dimension.REP, Dimension.month(ZoneOffset.ofHoursMinutes(5, 30))),
          List.of(Dimension.REP, Dimension.quarter(ZoneOffset.ofHours(-8))),
          List.of(Dimension.team(REPS), Dimension.period(Granularity.DAY, ZoneOffset.UTC)));

  @AfterAll
  static void stop() {
    POOL.shutdown();
  }

  @Test
  void fastLoopsEqualObjectPath() {
    qt().withExamples(60)
        .forAll(
            longs().all(), integers().between(0, 400), integers().between(0, GROUPINGS.size() - 1))
        .checkAssert(
            (seed, n, g) -> {
              List<Deal> deals = AggregateFixtures.deals(seed, n);
              Dimension[] dims = GROUPINGS.get(g).toArray(new Dimension[0]);
              ColumnarQuery q =
                  ColumnarQuery.of(DealColumns.of(deals))
                      .groupBy(dims)
                      .metrics(WON_DEAL_AMOUNT, WIN_RATE);
              MetricTable expected =
                  Query.of(deals).groupBy(dims).metrics(WON_DEAL_AMOUNT, WIN_RATE).run();
              assertThat(q.run()).isEqualTo(expected);
              assertThat(q.run().toCsv()).isEqualTo(expected.toCsv());
            });
  }

  @Test
  void fastLoopsInRangesEqualSequential() {
    qt().withExamples(6)
        .forAll(
            longs().all(), integers().between(1, 4), integers().between(0, GROUPINGS.size() - 1))
        .checkAssert(
            (seed, chunks, g) -> {
              List<Deal> deals = AggregateFixtures.deals(seed, 140_000);
              Dimension[] dims = GROUPINGS.get(g).toArray(new Dimension[0]);
              ColumnarQuery q =
                  ColumnarQuery.of(DealColumns.of(deals))
                      .groupBy(dims)
                      .metrics(WIN_RATE, WON_DEAL_AMOUNT);
              MetricTable sequential = q.run();
              assertThat(q.runParallel(POOL, chunks)).isEqualTo(sequential);
              assertThat(sequential)
                  .isEqualTo(Query.of(deals).groupBy(dims).metrics(WIN_RATE, WON_DEAL_AMOUNT).run());
            });
  }
}
