package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.testing.AggregateFixtures;
import dev.salesmetrics.time.Granularity;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OrderColumnsProperties {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);
  private static final RepDirectory DIRECTORY =
      RepDirectory.of(
          List.of(
              new Rep("R0", "Ann", "East", "EU", null),
              new Rep("R1", "Bob", "East", null, null),
              new Rep("R2", "Cy", "West", "US", null)));

  /** Columnar revenue, orders and average order value equal the object path's, by any grouping. */
  @Test
  void columnarEqualsObjectPath() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(0, 300), integers().between(0, 5))
        .checkAssert(
            (seed, n, grouping) -> {
              List<Order> orders = AggregateFixtures.orders(seed, n);
              Dimension[] dims =
                  switch (grouping) {
                    case 0 -> new Dimension[] {Dimension.REP, Dimension.month(NEW_YORK)};
                    case 1 -> new Dimension[] {Dimension.CUSTOMER};
                    case 2 ->
                        new Dimension[] {
                          Dimension.team(DIRECTORY), Dimension.period(Granularity.WEEK, ZoneOffset.UTC)
                        };
                    case 3 -> new Dimension[] {Dimension.region(DIRECTORY), Dimension.REP};
                    case 4 -> new Dimension[] {Dimension.month(ZoneOffset.UTC)};
                    default -> new Dimension[] {};
                  };
              OrderColumns.Builder rows = OrderColumns.builder();
              for (Order o : orders) {
                rows.add(o);
              }
              OrderColumns columns = rows.build();
              assertThat(columns.size()).isEqualTo(orders.size());
              ColumnarQuery q =
                  ColumnarQuery.of(columns)
                      .groupBy(dims)
                      .metrics(
                          ColumnarMetrics.REVENUE,
                          ColumnarMetrics.ORDERS,
                          ColumnarMetrics.AVERAGE_ORDER_VALUE);
              MetricTable expected =
                  Query.of(orders)
                      .groupBy(dims)
                      .metrics(
                          ColumnarMetrics.REVENUE,
                          ColumnarMetrics.ORDERS,
                          ColumnarMetrics.AVERAGE_ORDER_VALUE)
                      .run();
              assertThat(q.run()).isEqualTo(expected);
              assertThat(q.runParallel(POOL, 3)).isEqualTo(expected);
            });
  }

  /** Grouping by product works for orders of one product each and is refused otherwise. */
  @Test
  void productGroupingNeedsOneProductPerOrder() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(0, 300))
        .checkAssert(
            (seed, n) -> {
              List<Order> orders = AggregateFixtures.orders(seed, n);
              List<Order> single = new ArrayList<>();
              for (Order o : orders) {
                if (o.lines().stream().map(l -> l.product()).distinct().count() <= 1) {
                  single.add(o);
                }
              }
              MetricTable expected =
                  Query.of(single)
                      .groupBy(Dimension.PRODUCT, Dimension.month(NEW_YORK))
                      .metrics(ColumnarMetrics.REVENUE, ColumnarMetrics.AVERAGE_ORDER_VALUE)
                      .run();
              assertThat(
                      ColumnarQuery.of(OrderColumns.of(single))
                          .groupBy(Dimension.PRODUCT, Dimension.month(NEW_YORK))
                          .metrics(ColumnarMetrics.REVENUE, ColumnarMetrics.AVERAGE_ORDER_VALUE)
                          .run())
                  .isEqualTo(expected);
              if (single.size() < orders.size()) {
                assertThatThrownBy(
                        () ->
                            ColumnarQuery.of(OrderColumns.of(orders))
                                .groupBy(Dimension.PRODUCT)
                                .metrics(ColumnarMetrics.REVENUE)
                                .run())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("several products");
              }
            });
  }

  @AfterAll
  static void stop() {
    POOL.shutdown();
  }
}
