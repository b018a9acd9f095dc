package dev.salesmetrics.aggregate;

import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.MoneyStatsAccumulator;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Order;

/**
 * The metrics the columnar path ({@link ColumnarQuery}) computes natively: over {@link
 * DealColumns} the win rate and won deal amounts defined here; over {@link OrderColumns} the
 * catalogue's revenue, orders and average order value. Each is also an ordinary
 * {@link Metric}, so the same metric runs on domain objects through {@link Query} with exactly the
 * same results.
 */
public final class ColumnarMetrics {
  private ColumnarMetrics() {}

  /**
   * Win rate: of the deals closed in the period, the fraction won, {@code won / (won + lost)}.
   * Reads {@code Deal}, placed by {@code closed_at}; undefined ({@link Ratio#empty()}) with no
   * closed deal. One pass, constant memory per group.
   */
  public static final Metric<Deal, Ratio> WIN_RATE =
      Metric.builder("win_rate", Deal.class)
          .description("won / (won + lost) over deals closed in the period")
          .unit(MetricUnit.RATIO)
          .placedAt("closed_at", Deal::closedAt)
          .accumulate(
              w -> new long[2],
              (s, d, w) -> {
                if (d.status().isClosed() && w.contains(d.closedAt())) {
                  s[1]++;
                  if (d.status() == DealStatus.WON) {
                    s[0]++;
                  }
                }
              },
              (s, o) -> {
                s[0] = Math.addExact(s[0], o[0]);
                s[1] = Math.addExact(s[1], o[1]);
              },
              s -> Ratio.of(s[0], s[1]));

  /**
   * Won deal amounts: count, exact sum, HALF_EVEN mean, min and max of the amounts of the deals
   * won in the period, as {@link MoneyStats}. Reads {@code Deal}, placed by {@code closed_at};
   * empty with no won deal; throws {@code CurrencyMismatchException} on a second currency. One
   * pass, constant memory per group.
   */
  public static final Metric<Deal, MoneyStats> WON_DEAL_AMOUNT =
      Metric.builder("won_deal_amount", Deal.class)
          .description("count, sum, mean, min, max of the amounts of deals won in the period")
          .unit(MetricUnit.MONEY)
          .placedAt("closed_at", Deal::closedAt)
          .accumulate(
              w -> new MoneyStatsAccumulator(),
              (s, d, w) -> {
                if (d.status() == DealStatus.WON && w.contains(d.closedAt())) {
                  s.add(d.amount());
                }
              },
              (s, o) -> s.addAll(o.snapshot()),
              MoneyStatsAccumulator::snapshot);

  /**
   * Revenue: the catalogue's {@link Metrics#REVENUE} (sum of the amounts of paid orders placed in
   * the period), which the columnar path over {@link OrderColumns} computes natively.
   */
  public static final Metric<Order, Amount> REVENUE = Metrics.REVENUE;

  /**
   * Orders: the catalogue's {@link Metrics#ORDERS} (count of paid orders placed in the period),
   * computed natively over {@link OrderColumns}.
   */
  public static final Metric<Order, Count> ORDERS = Metrics.ORDERS;

  /**
   * Average order value: the catalogue's {@link Metrics#AVERAGE_ORDER_VALUE} (mean amount of the
   * paid orders placed in the period, HALF_EVEN), computed natively over {@link OrderColumns}.
   */
  public static final Metric<Order, Amount> AVERAGE_ORDER_VALUE = Metrics.AVERAGE_ORDER_VALUE;
}
