package dev.salesmetrics.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SalesRecord;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Random orders and customers for the order and customer metrics: instants between 2023-12-01 and
 * 2024-07-01, half of them exactly at a UTC midnight (so period starts and ends are hit), amounts
 * of 0 to 1,000.00 USD (some zero), a fifth of the orders refunded, customers C0..C5 buying.
 */
public final class OrderGenerators {
  /** The first instant generated. */
  public static final Instant BASE = Instant.parse("2023-12-01T00:00:00Z");

  private static final int DAYS = 213;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private OrderGenerators() {}

  /** Instants from BASE on; half exactly at a midnight UTC, some at a New York midnight. */
  public static Gen<Instant> instants() {
    Gen<Integer> days = integers().between(0, DAYS);
    Gen<Integer> kind = integers().between(0, 3);
    Gen<Long> seconds = longs().between(0, 86_399);
    Gen<Integer> newYorkOffsetHours = integers().between(4, 5);
    return in -> {
      Instant day = BASE.plusSeconds(86_400L * days.generate(in));
      return switch (kind.generate(in)) {
        case 0, 1 -> day;
        case 2 -> day.plusSeconds(3600L * newYorkOffsetHours.generate(in)); // New York midnight
        default -> day.plusSeconds(seconds.generate(in));
      };
    };
  }

  /** One order of a customer C0..C5. */
  public static Gen<Order> order() {
    Gen<Instant> placed = instants();
    Gen<Integer> customer = integers().between(0, 5);
    Gen<Long> amount = longs().between(-20_000, 100_000).map(a -> Math.max(0, a));
    Gen<Integer> status = integers().between(0, 4);
    return in -> {
      Order.Builder b =
          Order.builder(
              "O",
              "C" + customer.generate(in),
              placed.generate(in),
              Money.ofMinor(amount.generate(in), "USD"));
      if (status.generate(in) == 0) {
        b.status(OrderStatus.REFUNDED);
      }
      return b.build();
    };
  }

  /** 0 to {@code max} orders. */
  public static Gen<List<Order>> orders(int max) {
    return lists().of(order()).ofSizeBetween(0, max);
  }

  /**
   * One customer (id {@code "X"}, renamed by {@link #customers}): signed up at a random instant,
   * activated and cancelled in half the cases each, at or after sign-up (sometimes exactly at it).
   */
  public static Gen<Customer> customer() {
    Gen<Instant> signedUp = instants();
    Gen<Integer> coin = integers().between(0, 1);
    Gen<Integer> laterDays = integers().between(0, 120);
    Gen<Integer> exact = integers().between(0, 3);
    return in -> {
      Instant s = signedUp.generate(in);
      Customer.Builder b = Customer.builder("X", s);
      if (coin.generate(in) == 0) {
        b.activatedAt(s.plusSeconds(3600L * laterDays.generate(in)));
      }
      if (coin.generate(in) == 0) {
        int e = exact.generate(in);
        Instant cancelled =
            e == 0
                ? s
                : s.truncatedTo(ChronoUnit.DAYS)
                    .plusSeconds(86_400L * (1 + laterDays.generate(in)));
        b.cancelledAt(cancelled);
      }
      return b.build();
    };
  }

  /** 0 to {@code max} customers with distinct ids C0, C1, ... */
  public static Gen<List<Customer>> customers(int max) {
    return lists()
        .of(customer())
        .ofSizeBetween(0, max)
        .map(
            list -> {
              List<Customer> out = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                Customer c = list.get(i);
                out.add(
                    new Customer(
                        "C" + i, c.signedUpAt(), c.activatedAt(), c.cancelledAt(), null, null));
              }
              return out;
            });
  }

  /** Orders and customers mixed. */
  public static Gen<List<SalesRecord>> mixed(int maxOrders, int maxCustomers) {
    return orders(maxOrders)
        .zip(
            customers(maxCustomers),
            (orders, customers) -> {
              List<SalesRecord> all = new ArrayList<>(orders);
              all.addAll(customers);
              return all;
            });
  }

  /** A month of 2024-01 .. 2024-06. */
  public static Gen<YearMonth> months() {
    return integers().between(1, 6).map(m -> YearMonth.of(2024, m));
  }

  /** UTC or America/New_York. */
  public static Gen<ZoneId> zones() {
    return integers().between(0, 1).map(i -> i == 0 ? ZoneId.of("UTC") : NEW_YORK);
  }
}
