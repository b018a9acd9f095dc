package dev.salesmetrics.testing;

import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.MoneyStatsAccumulator;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Metrics defined with {@code Metric.builder} and random records for the aggregation tests. */
public final class AggregateFixtures {
  private AggregateFixtures() {}

  /** won / (won + lost) over deals closed in the window. */
  public static final Metric<Deal, Ratio> WIN_RATE =
      Metric.builder("test_win_rate", Deal.class)
          .unit(MetricUnit.RATIO)
          .placedAt("closed_at", Deal::closedAt)
          .accumulate(
              w -> new long[2],
              (s, d, w) -> {
                if (d.closedAt() != null && w.contains(d.closedAt())) {
                  s[1]++;
                  if (d.status() == DealStatus.WON) {
                    s[0]++;
                  }
                }
              },
              (s, o) -> {
                s[0] += o[0];
                s[1] += o[1];
              },
              s -> Ratio.of(s[0], s[1]));

  /** Money stats of the amounts of won deals closed in the window. */
  public static final Metric<Deal, MoneyStats> WON_AMOUNT =
      Metric.builder("test_won_amount", Deal.class)
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

  /** Count of deals created in the window. */
  public static final Metric<Deal, Count> CREATED =
      Metric.builder("test_created", Deal.class)
          .unit(MetricUnit.COUNT)
          .placedAt("created_at", Deal::createdAt)
          .accumulate(
              w -> new long[1],
              (s, d, w) -> {
                if (w.contains(d.createdAt())) {
                  s[0]++;
                }
              },
              (s, o) -> s[0] += o[0],
              s -> Count.of(s[0]));

  /** Count of deals open at the period start (spanning). */
  public static final Metric<Deal, Count> OPEN_AT_START =
      Metric.builder("test_open_at_start", Deal.class)
          .unit(MetricUnit.COUNT)
          .spanning("open at the period start")
          .needsPeriod()
          .accumulate(
              w -> new long[1],
              (s, d, w) -> {
                Instant start = w.requirePeriod("test_open_at_start").start();
                if (d.createdAt().isBefore(start)
                    && (d.closedAt() == null || !d.closedAt().isBefore(start))) {
                  s[0]++;
                }
              },
              (s, o) -> s[0] += o[0],
              s -> Count.of(s[0]));

  /** Money stats of paid order amounts placed in the window. */
  public static final Metric<Order, MoneyStats> REVENUE =
      Metric.builder("test_revenue", Order.class)
          .unit(MetricUnit.MONEY)
          .placedAt("placed_at", Order::placedAt)
          .accumulate(
              w -> new MoneyStatsAccumulator(),
              (s, o, w) -> {
                if (o.status() == OrderStatus.PAID && w.contains(o.placedAt())) {
                  s.add(o.amount());
                }
              },
              (s, o) -> s.addAll(o.snapshot()),
              MoneyStatsAccumulator::snapshot);

  /** Random deals in 2024 (UTC), some created or closed exactly at a month start. */
  public static List<Deal> deals(long seed, int n) {
    Random rnd = new Random(seed);
    List<Deal> out = new ArrayList<>(n);
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      Instant created =
          rnd.nextInt(8) == 0
              ? Instant.parse(String.format("2024-%02d-01T00:00:00Z", 1 + rnd.nextInt(9)))
              : base.plusSeconds(rnd.nextInt(270 * 86_400));
      String rep = "R" + rnd.nextInt(5);
      Money amount = Money.ofMinor(rnd.nextInt(1_000_000), "USD");
      int kind = rnd.nextInt(4);
      if (kind >= 2 && i % 5 == 3) {
        amount = null; // some lost and open deals have no amount
      }
      Deal.Builder b = Deal.builder("D" + i, rep, amount, created);
      Instant closed =
          rnd.nextInt(6) == 0
              ? Period.containing(created, dev.salesmetrics.time.Granularity.MONTH,
                      java.time.ZoneOffset.UTC)
                  .end()
              : created.plus(Duration.ofSeconds(rnd.nextInt(90 * 86_400)));
      if (kind <= 1) {
        b.won(closed);
      } else if (kind == 2) {
        b.lost(closed);
      }
      int p = rnd.nextInt(3);
      b.product(p == 0 ? null : p == 1 ? "Basic" : "Pro");
      if (rnd.nextBoolean()) {
        b.customerId("C" + rnd.nextInt(20));
      }
      out.add(b.build());
    }
    return out;
  }

  /** Random orders in 2024, some with lines of two products, some refunded, some without rep. */
  public static List<Order> orders(long seed, int n) {
    Random rnd = new Random(seed);
    List<Order> out = new ArrayList<>(n);
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      long a = rnd.nextInt(50_000);
      long b = rnd.nextInt(50_000);
      Order.Builder o =
          Order.builder(
              "O" + i,
              "C" + rnd.nextInt(20),
              base.plusSeconds(rnd.nextInt(270 * 86_400)),
              Money.ofMinor(a + b, "USD"));
      if (rnd.nextInt(3) > 0) {
        o.repId("R" + rnd.nextInt(5));
      }
      int lines = rnd.nextInt(3);
      if (lines == 1) {
        o.line("Basic", 1, Money.ofMinor(a + b, "USD"));
      } else if (lines == 2) {
        o.line("Basic", 1, Money.ofMinor(a, "USD")).line("Pro", 2, Money.ofMinor(b, "USD"));
      }
      if (rnd.nextInt(5) == 0) {
        o.status(OrderStatus.REFUNDED);
      }
      out.add(o.build());
    }
    return out;
  }

  /**
   * Random deals of 2024 (UTC) that a live view or a query may reject: about one in 30 is won in
   * EUR among USD deals (a currency clash in its group), and about one in 30 has an amount near
   * {@code Long.MAX_VALUE} minor units (a sum overflow with the next won deal of its group and
   * month). Reps R0..R5, ids D0, D1, ...
   */
  public static List<Deal> hostileDeals(long seed, int n) {
    Random rnd = new Random(seed);
    List<Deal> out = new ArrayList<>(n);
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      Instant created = base.plusSeconds(rnd.nextInt(300 * 86_400));
      int kind = rnd.nextInt(30);
      Money amount =
          kind == 0
              ? Money.ofMinor(rnd.nextInt(100_000), "EUR")
              : kind == 1
                  ? Money.ofMinor(Long.MAX_VALUE - rnd.nextInt(1_000), "USD")
                  : Money.ofMinor(rnd.nextInt(100_000), "USD");
      Deal.Builder b = Deal.builder("D" + i, "R" + rnd.nextInt(6), amount, created);
      Instant closed = created.plus(Duration.ofSeconds(rnd.nextInt(40 * 86_400)));
      int status = rnd.nextInt(4);
      if (status <= 1) {
        b.won(closed);
      } else if (status == 2) {
        b.lost(closed);
      }
      out.add(b.build());
    }
    return out;
  }

  /** Deals and orders mixed. */
  public static List<SalesRecord> mixed(long seed, int n) {
    List<SalesRecord> out = new ArrayList<>(deals(seed, n));
    out.addAll(orders(seed + 1, n));
    java.util.Collections.shuffle(out, new Random(seed));
    return out;
  }
}
