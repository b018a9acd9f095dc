package dev.salesmetrics.aggregate;

import static dev.salesmetrics.testing.AggregateFixtures.CREATED;
import static dev.salesmetrics.testing.AggregateFixtures.OPEN_AT_START;
import static dev.salesmetrics.testing.AggregateFixtures.REVENUE;
import static dev.salesmetrics.testing.AggregateFixtures.WIN_RATE;
import static dev.salesmetrics.testing.AggregateFixtures.WON_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.testing.AggregateFixtures;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class QueryProperties {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

  @AfterAll
  static void stop() {
    POOL.shutdown();
  }

  /** Each cell equals the metric computed alone over the records of that group and period. */
  @Test
  void groupByEqualsFilteringEachGroupAndComputingAlone() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(0, 150))
        .checkAssert(
            (seed, n) -> {
              List<Deal> deals = AggregateFixtures.deals(seed, n);
              Dimension month = Dimension.month(NEW_YORK);
              MetricTable t =
                  Query.of(deals)
                      .groupBy(Dimension.REP, month)
                      .metrics(WIN_RATE, WON_AMOUNT, CREATED)
                      .run();
              Set<String> expectedCells = new HashSet<>();
              for (Metric<Deal, ?> m : List.<Metric<Deal, ?>>of(WIN_RATE, WON_AMOUNT, CREATED)) {
                Set<String> reps = deals.stream().map(Deal::repId).collect(Collectors.toSet());
                for (String rep : reps) {
                  List<Deal> mine =
                      deals.stream().filter(d -> d.repId().equals(rep)).collect(Collectors.toList());
                  Set<Period> periods = new HashSet<>();
                  for (Deal d : mine) {
                    m.placement().instant(d).ifPresent(i -> periods.add(month.periodOf(i)));
                  }
                  for (Period p : periods) {
                    MetricValue alone = m.compute(mine, Window.of(p)).value();
                    assertThat(t.get(GroupKey.of("rep", rep), p, m.id()))
                        .as("%s %s %s", m.id(), rep, p)
                        .contains(alone);
                    expectedCells.add(m.id() + " " + rep + " " + p);
                  }
                }
              }
              Set<String> actualCells = new HashSet<>();
              for (MetricTable.Row r : t.rows()) {
                for (String id : r.values().keySet()) {
                  actualCells.add(
                      id + " " + r.key().get("rep").orElseThrow() + " " + r.period().orElseThrow());
                }
              }
              assertThat(actualCells).isEqualTo(expectedCells);
            });
  }

  /** Grouping by product splits orders; each product's revenue is that of its lines. */
  @Test
  void productGroupsAddUpToTheWhole() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(0, 120))
        .checkAssert(
            (seed, n) -> {
              List<dev.salesmetrics.model.Order> orders = AggregateFixtures.orders(seed, n);
              MetricTable byProduct =
                  Query.of(orders).groupBy(Dimension.PRODUCT).metrics(REVENUE).run();
              MetricTable whole = Query.of(orders).metrics(REVENUE).run();
              long sum =
                  byProduct.rows().stream()
                      .mapToLong(
                          r ->
                              ((dev.salesmetrics.metric.MoneyStats) r.value("test_revenue")
                                      .orElseThrow())
                                  .sum()
                                  .map(dev.salesmetrics.model.Money::minorUnits)
                                  .orElse(0L))
                      .sum();
              long expected =
                  whole.get(GroupKey.overall(), REVENUE)
                      .flatMap(dev.salesmetrics.metric.MoneyStats::sum)
                      .map(dev.salesmetrics.model.Money::minorUnits)
                      .orElse(0L);
              assertThat(sum).isEqualTo(expected);
            });
  }

  /** Any chunking on any number of threads gives the sequential table. */
  @Test
  void parallelEqualsSequential() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(0, 400), integers().between(1, 16))
        .checkAssert(
            (seed, n, chunks) -> {
              List<SalesRecord> records = AggregateFixtures.mixed(seed, n);
              Query q =
                  Query.of(records)
                      .groupBy(Dimension.month(NEW_YORK), Dimension.REP, Dimension.PRODUCT)
                      .periods(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))
                      .metrics(WIN_RATE, WON_AMOUNT, CREATED, OPEN_AT_START, REVENUE);
              MetricTable seq = q.run();
              MetricTable par = q.runParallel(POOL, chunks, 1);
              assertThat(par).isEqualTo(seq);
              assertThat(par.toCsv()).isEqualTo(seq.toCsv());
            });
  }

  /** Rows come out in the same order whatever the input order. */
  @Test
  void tableIsIndependentOfInputOrder() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(0, 200))
        .checkAssert(
            (seed, n) -> {
              List<SalesRecord> records = AggregateFixtures.mixed(seed, n);
              List<SalesRecord> shuffled = new java.util.ArrayList<>(records);
              java.util.Collections.shuffle(shuffled, new java.util.Random(seed + 1));
              Query q =
                  Query.of(records)
                      .groupBy(Dimension.REP, Dimension.period(Granularity.WEEK, NEW_YORK))
                      .metrics(WIN_RATE, REVENUE);
              assertThat(Query.of(shuffled)
                      .groupBy(Dimension.REP, Dimension.period(Granularity.WEEK, NEW_YORK))
                      .metrics(WIN_RATE, REVENUE)
                      .run()
                      .rows())
                  .isEqualTo(q.run().rows());
            });
  }
}
