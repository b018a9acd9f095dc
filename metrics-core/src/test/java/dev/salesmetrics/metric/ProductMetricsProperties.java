package dev.salesmetrics.metric;

import static dev.salesmetrics.testing.LeadsGenerators.orders;
import static dev.salesmetrics.testing.LeadsGenerators.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Order;
import dev.salesmetrics.testing.LeadsGenerators;
import dev.salesmetrics.testing.LeadsHarness;
import dev.salesmetrics.testing.LeadsReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Properties of units sold and product revenue share. */
class ProductMetricsProperties {
  private static final List<Metric<Order, ?>> ALL =
      List.of(
          Metrics.UNITS_SOLD,
          Metrics.PRODUCT_REVENUE_SHARE,
          Metrics.productRevenueShare("widget"),
          Metrics.productRevenueShare(Shares.UNKNOWN_PRODUCT));

  @Test
  void splitAtAnyPointThenMergeEqualsWhole() {
    qt().forAll(orders(40), integers().between(0, 40), windows())
        .checkAssert(
            (orders, cut, window) -> {
              for (Metric<Order, ?> m : ALL) {
                assertThat(LeadsHarness.splitMerged(m, orders, cut, window))
                    .as(m.id())
                    .isEqualTo(LeadsHarness.whole(m, orders, window));
              }
            });
  }

  @Test
  void independentOfInputOrderAndOfAsOfAfterEverything() {
    qt().forAll(orders(40), longs().all(), windows())
        .checkAssert(
            (orders, seed, window) -> {
              for (Metric<Order, ?> m : ALL) {
                MetricValue plain = LeadsHarness.whole(m, orders, window);
                assertThat(LeadsHarness.shuffled(m, orders, seed, window)).isEqualTo(plain);
                assertThat(
                        LeadsHarness.whole(
                            m, orders, window.asOf(LeadsGenerators.afterEverything())))
                    .isEqualTo(plain);
              }
            });
  }

  @Test
  void agreesWithThePlainReference() {
    qt().forAll(orders(40), windows())
        .checkAssert(
            (orders, window) -> {
              assertThat(LeadsHarness.whole(Metrics.UNITS_SOLD, orders, window).value())
                  .isEqualTo(LeadsReference.unitsSold(orders, window.period()));
              Map<String, Long> revenue = LeadsReference.revenueByProduct(orders, window.period());
              long total = revenue.values().stream().mapToLong(Long::longValue).sum();
              Shares shares = LeadsHarness.whole(Metrics.PRODUCT_REVENUE_SHARE, orders, window);
              assertThat(shares.shares().keySet()).isEqualTo(revenue.keySet());
              revenue.forEach(
                  (product, part) ->
                      assertThat(shares.share(product)).isEqualTo(Ratio.of(part, total)));
              assertThat(LeadsHarness.whole(Metrics.productRevenueShare("widget"), orders, window))
                  .isEqualTo(
                      revenue.isEmpty()
                          ? Ratio.empty()
                          : Ratio.of(revenue.getOrDefault("widget", 0L), total));
            });
  }

  @Test
  void sharesAddUpToTheTotalAndStayInRange() {
    qt().forAll(orders(40), windows())
        .checkAssert(
            (orders, window) -> {
              Shares shares = LeadsHarness.whole(Metrics.PRODUCT_REVENUE_SHARE, orders, window);
              long sum = 0;
              for (Ratio r : shares.shares().values()) {
                assertThat(r.denominator()).isEqualTo(shares.total());
                assertThat(r.numerator()).isBetween(0L, r.denominator());
                sum += r.numerator();
              }
              assertThat(sum).isEqualTo(shares.total());
            });
  }
}
