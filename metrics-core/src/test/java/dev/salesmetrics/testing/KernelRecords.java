package dev.salesmetrics.testing;

import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random deals, orders, leads, customers and survey responses for comparing the engines with the
 * catalogue metrics: instants spread over 2024-01-20 .. 2024-05-20, with many exactly on a
 * midnight in UTC, New York or Paris (period boundaries), near the daylight saving changes of
 * March (New York on the 10th, Paris on the 31st), and to the nanosecond; reps R0..R3, products,
 * customers C0..C5; some open or lost deals without an amount.
 *
 * <p>{@link Mode#PLAIN} keeps every amount in USD and small; {@link Mode#CURRENCIES} puts a few
 * amounts in EUR or JPY, so some groups meet two currencies; {@link Mode#HUGE} gives a few amounts
 * near {@code Long.MAX_VALUE} minor units, so some sums overflow.
 */
public final class KernelRecords {
  private KernelRecords() {}

  /** What kind of trouble the amounts make. */
  public enum Mode {
    /** USD only, small amounts. */
    PLAIN,
    /** A few amounts in another currency. */
    CURRENCIES,
    /** A few amounts near the {@code long} limit. */
    HUGE,
    /** USD only, and a few instants centuries later (year 2400 and after). */
    FAR
  }

  /** 2024-01-20T00:00:00Z, the earliest instant. */
  public static final Instant BASE = Instant.parse("2024-01-20T00:00:00Z");

  private static final long SPAN = 120L * 86_400;
  private static final List<DealStatus> STATUSES =
      List.of(DealStatus.OPEN, DealStatus.WON, DealStatus.LOST);
  private static final String[] REPS = {"R0", "R1", "R2", "R3"};
  private static final String[] PRODUCTS = {"Basic", "Pro", "Max"};
  private static final String[] EDGES = {
    "2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z", "2024-03-01T05:00:00Z",
    "2024-04-01T04:00:00Z", "2024-02-29T23:00:00Z", "2024-03-31T22:00:00Z",
    "2024-03-10T06:59:59Z", "2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z",
    "2024-03-31T00:59:59Z", "2024-03-31T01:00:00Z", "2024-03-31T02:00:00Z",
    "2024-02-26T00:00:00Z", "2024-03-04T00:00:00Z", "2024-04-01T05:00:00Z"
  };

  /** Returns {@code n} records of each kind, shuffled. */
  public static List<SalesRecord> records(long seed, int n, Mode mode) {
    Random rnd = new Source(seed, mode == Mode.FAR);
    List<SalesRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(deal(rnd, i, mode));
      out.add(order(rnd, i, mode));
      out.add(lead(rnd, i));
      out.add(customer(rnd, i));
      out.add(response(rnd));
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  /** The random source of one call, which knows whether its instants may be far (no shared state). */
  @SuppressWarnings("serial")
  private static final class Source extends Random {
    final boolean far;

    Source(long seed, boolean far) {
      super(seed);
      this.far = far;
    }
  }

  /** An instant: an edge, a whole second, or to the nanosecond; a few centuries later if far. */
  private static Instant instant(Random rnd) {
    if (rnd instanceof Source source && source.far && rnd.nextInt(40) == 0) {
      return Instant.parse("2400-03-01T00:00:00Z").plusSeconds((long) (rnd.nextDouble() * 3e10));
    }
    int kind = rnd.nextInt(6);
    if (kind == 0) {
      Instant edge = Instant.parse(EDGES[rnd.nextInt(EDGES.length)]);
      return rnd.nextBoolean() ? edge : edge.minusNanos(1 + rnd.nextInt(3));
    }
    Instant t = BASE.plusSeconds((long) (rnd.nextDouble() * SPAN));
    return kind <= 2 ? t : t.plusNanos(rnd.nextInt(1_000_000_000));
  }

  private static Instant after(Random rnd, Instant t) {
    return switch (rnd.nextInt(4)) {
      case 0 -> t;
      case 1 -> t.plusNanos(1 + rnd.nextInt(1_000_000_000));
      default -> t.plusSeconds((long) (rnd.nextDouble() * 45 * 86_400));
    };
  }

  private static Money amount(Random rnd, Mode mode) {
    int pick = rnd.nextInt(25);
    if (mode == Mode.CURRENCIES && pick == 0) {
      return Money.ofMinor(rnd.nextInt(100_000), "EUR");
    }
    if (mode == Mode.CURRENCIES && pick == 1) {
      return Money.ofMinor(rnd.nextInt(100_000), "JPY");
    }
    if (mode == Mode.HUGE && pick <= 1) {
      return Money.ofMinor(Long.MAX_VALUE - rnd.nextInt(1000), "USD");
    }
    return Money.ofMinor(rnd.nextInt(1_000_000), "USD");
  }

  private static Deal deal(Random rnd, int i, Mode mode) {
    Instant created = instant(rnd);
    DealStatus status = STATUSES.get(rnd.nextInt(3));
    Money amount = amount(rnd, mode);
    if (status != DealStatus.WON && rnd.nextInt(4) == 0) {
      amount = null;
    }
    Deal.Builder b = Deal.builder("D" + i, REPS[rnd.nextInt(REPS.length)], amount, created);
    if (status.isClosed()) {
      b.status(status, after(rnd, created));
    }
    if (rnd.nextInt(3) == 0) {
      b.probability(rnd.nextInt(101) / 100.0);
    }
    if (rnd.nextBoolean()) {
      b.product(PRODUCTS[rnd.nextInt(PRODUCTS.length)]);
    }
    if (rnd.nextBoolean()) {
      b.customerId("C" + rnd.nextInt(6));
    }
    return b.build();
  }

  private static Order order(Random rnd, int i, Mode mode) {
    Money amount = amount(rnd, mode);
    Order.Builder b = Order.builder("O" + i, "C" + rnd.nextInt(6), instant(rnd), amount);
    if (rnd.nextInt(4) > 0) {
      b.repId(REPS[rnd.nextInt(REPS.length)]);
    }
    int lines = rnd.nextInt(3);
    long a = amount.minorUnits();
    if (lines == 1) {
      b.line(PRODUCTS[rnd.nextInt(PRODUCTS.length)], 1 + rnd.nextInt(5), amount);
    } else if (lines == 2 && a < Long.MAX_VALUE / 2) {
      long first = a / 3;
      b.line(PRODUCTS[0], 1 + rnd.nextInt(3), Money.ofMinor(first, amount.currency()))
          .line(PRODUCTS[1 + rnd.nextInt(2)], 1 + rnd.nextInt(3),
              Money.ofMinor(a - first, amount.currency()));
    }
    if (rnd.nextInt(5) == 0) {
      b.status(OrderStatus.REFUNDED);
    }
    return b.build();
  }

  private static final String[] NAMES = {null, "Ann", " ", "Bo Li"};
  private static final String[] EMAILS = {null, "ann@example.com", "ann@example", "a@b@c.io"};
  private static final String[] PHONES = {null, "+1 (555) 010-2000", "555-0100", "12345"};

  private static Lead lead(Random rnd, int i) {
    Instant created = instant(rnd);
    Lead.Builder b =
        Lead.builder("L" + i, created)
            .contact(
                new Contact(
                    NAMES[rnd.nextInt(NAMES.length)],
                    EMAILS[rnd.nextInt(EMAILS.length)],
                    PHONES[rnd.nextInt(PHONES.length)],
                    null));
    if (rnd.nextInt(3) > 0) {
      b.repId(REPS[rnd.nextInt(REPS.length)]);
    }
    if (rnd.nextBoolean()) {
      b.firstContactAt(after(rnd, created));
    }
    if (rnd.nextInt(3) == 0) {
      b.convertedAt(after(rnd, created));
    }
    if (rnd.nextBoolean()) {
      b.customerId("C" + rnd.nextInt(6));
    }
    return b.build();
  }

  private static Customer customer(Random rnd, int i) {
    Instant signed = instant(rnd);
    Customer.Builder b = Customer.builder("C" + (i % 6) + "-" + i, signed);
    if (rnd.nextBoolean()) {
      b.activatedAt(after(rnd, signed));
    }
    if (rnd.nextInt(3) == 0) {
      b.cancelledAt(rnd.nextInt(5) == 0 ? signed : after(rnd, signed));
    }
    if (rnd.nextInt(3) > 0) {
      b.repId(REPS[rnd.nextInt(REPS.length)]);
    }
    return b.build();
  }

  private static SurveyResponse response(Random rnd) {
    boolean nps = rnd.nextBoolean();
    return new SurveyResponse(
        "C" + rnd.nextInt(6),
        instant(rnd),
        nps ? rnd.nextInt(11) : 1 + rnd.nextInt(5),
        nps ? SurveyScale.NPS : SurveyScale.CSAT);
  }
}
