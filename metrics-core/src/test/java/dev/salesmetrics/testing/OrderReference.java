package dev.salesmetrics.testing;

import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Plain reference for the order and customer metrics, written from the definitions of
 * docs/METRICS.md with loops over the records, without the metric package. Money is in USD minor units; a period is
 * {@code [start, end)}. Ratios are returned as {@code {numerator, denominator}}.
 */
public final class OrderReference {
  private OrderReference() {}

  /** Start of a month in a zone. */
  public static Instant monthStart(YearMonth month, ZoneId zone) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  private static boolean in(Instant t, Instant start, Instant end) {
    return t.compareTo(start) >= 0 && t.compareTo(end) < 0;
  }

  private static List<Order> paidIn(List<Order> orders, Instant start, Instant end) {
    List<Order> out = new ArrayList<>();
    for (Order o : orders) {
      if (o.status() == OrderStatus.PAID && in(o.placedAt(), start, end)) {
        out.add(o);
      }
    }
    return out;
  }

  private static long half(long sum, long n) {
    return new BigDecimal(sum).divide(new BigDecimal(n), 0, RoundingMode.HALF_EVEN).longValue();
  }

  /** Revenue in minor units, empty with no paid order. */
  public static OptionalLong revenue(List<Order> orders, Instant start, Instant end) {
    List<Order> paid = paidIn(orders, start, end);
    long sum = 0;
    for (Order o : paid) {
      sum += o.amount().minorUnits();
    }
    return paid.isEmpty() ? OptionalLong.empty() : OptionalLong.of(sum);
  }

  /** Count of paid orders. */
  public static long orders(List<Order> orders, Instant start, Instant end) {
    return paidIn(orders, start, end).size();
  }

  /** Mean order value in minor units, HALF_EVEN. */
  public static OptionalLong averageOrderValue(List<Order> orders, Instant start, Instant end) {
    OptionalLong revenue = revenue(orders, start, end);
    return revenue.isPresent()
        ? OptionalLong.of(half(revenue.getAsLong(), orders(orders, start, end)))
        : OptionalLong.empty();
  }

  /** {revenue(P) - revenue(P-1), revenue(P-1)}. */
  public static long[] revenueGrowth(
      List<Order> orders, Instant previousStart, Instant start, Instant end) {
    long now = revenue(orders, start, end).orElse(0);
    long before = revenue(orders, previousStart, start).orElse(0);
    return new long[] {now - before, before};
  }

  private static Map<String, Integer> ordersByBuyer(
      List<Order> orders, Instant start, Instant end) {
    Map<String, Integer> byBuyer = new HashMap<>();
    for (Order o : paidIn(orders, start, end)) {
      byBuyer.put(o.customerId(), byBuyer.getOrDefault(o.customerId(), 0) + 1);
    }
    return byBuyer;
  }

  /** Revenue per distinct buyer in minor units. */
  public static OptionalLong revenuePerBuyer(List<Order> orders, Instant start, Instant end) {
    OptionalLong revenue = revenue(orders, start, end);
    return revenue.isPresent()
        ? OptionalLong.of(half(revenue.getAsLong(), ordersByBuyer(orders, start, end).size()))
        : OptionalLong.empty();
  }

  /** {orders, buyers}. */
  public static long[] purchaseFrequency(List<Order> orders, Instant start, Instant end) {
    return new long[] {orders(orders, start, end), ordersByBuyer(orders, start, end).size()};
  }

  /** {buyers with two or more orders, buyers}. */
  public static long[] repeatPurchaseRate(List<Order> orders, Instant start, Instant end) {
    Map<String, Integer> byBuyer = ordersByBuyer(orders, start, end);
    long repeat = 0;
    for (int n : byBuyer.values()) {
      if (n > 1) {
        repeat++;
      }
    }
    return new long[] {repeat, byBuyer.size()};
  }

  /** Per customer total of paid orders placed before {@code end}. */
  public static Map<String, Long> historicClv(List<Order> orders, Instant end) {
    Map<String, Long> totals = new TreeMap<>();
    for (Order o : orders) {
      if (o.status() == OrderStatus.PAID && o.placedAt().isBefore(end)) {
        totals.put(
            o.customerId(), totals.getOrDefault(o.customerId(), 0L) + o.amount().minorUnits());
      }
    }
    return totals;
  }

  private static boolean activeAt(Customer c, Instant t) {
    return c.signedUpAt().compareTo(t) <= 0
        && (c.cancelledAt() == null || t.isBefore(c.cancelledAt()));
  }

  /** Customers active at some instant of [start, end): their active interval meets it. */
  public static long activeSometime(List<Customer> customers, Instant start, Instant end) {
    long n = 0;
    for (Customer c : customers) {
      Instant from = c.signedUpAt().isAfter(start) ? c.signedUpAt() : start;
      Instant to = c.cancelledAt() == null || c.cancelledAt().isAfter(end) ? end : c.cancelledAt();
      if (from.isBefore(to)) {
        n++;
      }
    }
    return n;
  }

  /** ARPU in minor units; empty when no customer is active or no order is paid. */
  public static OptionalLong arpu(
      List<Order> orders, List<Customer> customers, Instant start, Instant end) {
    long active = activeSometime(customers, start, end);
    OptionalLong revenue = revenue(orders, start, end);
    return active == 0 || revenue.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(half(revenue.getAsLong(), active));
  }

  /** {active at start and cancelled in P, active at start}. */
  public static long[] churn(List<Customer> customers, Instant start, Instant end) {
    long lost = 0;
    long base = 0;
    for (Customer c : customers) {
      if (activeAt(c, start)) {
        base++;
        if (c.cancelledAt() != null && in(c.cancelledAt(), start, end)) {
          lost++;
        }
      }
    }
    return new long[] {lost, base};
  }

  /** {lost in P among (active at start or new), active at start + new}. */
  public static long[] churnWithNew(List<Customer> customers, Instant start, Instant end) {
    long lost = 0;
    long base = 0;
    for (Customer c : customers) {
      if (activeAt(c, start) || in(c.signedUpAt(), start, end)) {
        base++;
        if (c.cancelledAt() != null && in(c.cancelledAt(), start, end)) {
          lost++;
        }
      }
    }
    return new long[] {lost, base};
  }

  /** {active at start and at end, active at start}. */
  public static long[] retention(List<Customer> customers, Instant start, Instant end) {
    long kept = 0;
    long base = 0;
    for (Customer c : customers) {
      if (activeAt(c, start)) {
        base++;
        if (activeAt(c, end)) {
          kept++;
        }
      }
    }
    return new long[] {kept, base};
  }

  /** Simple CLV in minor units with the given margin; empty when undefined. */
  public static OptionalLong simpleClv(
      List<Order> orders, List<Customer> customers, Instant start, Instant end, double margin) {
    long[] churn = churn(customers, start, end);
    long active = activeSometime(customers, start, end);
    OptionalLong revenue = revenue(orders, start, end);
    if (churn[0] == 0 || active == 0 || revenue.isEmpty()) {
      return OptionalLong.empty();
    }
    // arpu x margin / (lost / base) = revenue / active x margin x base / lost, in exact fractions
    BigDecimal numerator =
        new BigDecimal(revenue.getAsLong())
            .multiply(new BigDecimal(Double.toString(margin)))
            .multiply(new BigDecimal(churn[1]));
    BigDecimal value =
        numerator.divide(new BigDecimal(active * churn[0]), 0, RoundingMode.HALF_EVEN);
    return OptionalLong.of(value.longValue());
  }

  /** New customers: signed up in P. */
  public static long newCustomers(List<Customer> customers, Instant start, Instant end) {
    long n = 0;
    for (Customer c : customers) {
      if (in(c.signedUpAt(), start, end)) {
        n++;
      }
    }
    return n;
  }

  /** {signed up in P and activated, signed up in P}. */
  public static long[] activation(List<Customer> customers, Instant start, Instant end) {
    long activated = 0;
    long n = 0;
    for (Customer c : customers) {
      if (in(c.signedUpAt(), start, end)) {
        n++;
        if (c.activatedAt() != null) {
          activated++;
        }
      }
    }
    return new long[] {activated, n};
  }

  /**
   * Monthly cohorts of the customers signed up in [start, end), in {@code zone}: label (yyyy-MM) to
   * {size, active at end of month 0, of month 1, ...} while the month's end is {@code <= end}.
   */
  public static Map<String, List<Long>> monthlyCohorts(
      List<Customer> customers, Instant start, Instant end, ZoneId zone) {
    Map<YearMonth, List<Customer>> cohorts = new TreeMap<>();
    for (Customer c : customers) {
      if (in(c.signedUpAt(), start, end)) {
        YearMonth ym = YearMonth.from(c.signedUpAt().atZone(zone));
        cohorts.computeIfAbsent(ym, k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, List<Long>> table = new TreeMap<>();
    for (Map.Entry<YearMonth, List<Customer>> e : cohorts.entrySet()) {
      List<Long> row = new ArrayList<>();
      row.add((long) e.getValue().size());
      for (int k = 0; ; k++) {
        Instant monthEnd = monthStart(e.getKey().plusMonths(k + 1), zone);
        if (monthEnd.isAfter(end)) {
          break;
        }
        long active = 0;
        for (Customer c : e.getValue()) {
          if (activeAt(c, monthEnd)) {
            active++;
          }
        }
        row.add(active);
      }
      table.put(e.getKey().toString(), row);
    }
    return table;
  }

  /**
   * Cohorts of {@code granularity} (calendar quarters and years) in {@code zone} of the customers
   * signed up in {@code [start, end)}, or of every customer when {@code start} is null, each
   * followed period by period while the period's end is {@code <= horizon}: cohort start to
   * {size, active at the end of its period 0, of period 1, ...}. Walks the periods one by one.
   */
  public static Map<Instant, List<Long>> cohorts(
      List<Customer> customers,
      Granularity granularity,
      ZoneId zone,
      @Nullable Instant start,
      @Nullable Instant end,
      Instant horizon) {
    Map<LocalDate, List<Customer>> byCohort = new TreeMap<>();
    for (Customer c : customers) {
      if (start == null || in(c.signedUpAt(), start, end)) {
        LocalDate unit =
            granularity.startOf(
                LocalDate.ofInstant(c.signedUpAt(), zone), FiscalCalendar.calendar());
        byCohort.computeIfAbsent(unit, k -> new ArrayList<>()).add(c);
      }
    }
    Map<Instant, List<Long>> table = new TreeMap<>();
    for (Map.Entry<LocalDate, List<Customer>> e : byCohort.entrySet()) {
      List<Long> row = new ArrayList<>();
      row.add((long) e.getValue().size());
      for (LocalDate next = granularity.next(e.getKey());
          !next.atStartOfDay(zone).toInstant().isAfter(horizon);
          next = granularity.next(next)) {
        Instant periodEnd = next.atStartOfDay(zone).toInstant();
        long active = 0;
        for (Customer c : e.getValue()) {
          if (activeAt(c, periodEnd)) {
            active++;
          }
        }
        row.add(active);
      }
      table.put(e.getKey().atStartOfDay(zone).toInstant(), row);
    }
    return table;
  }
}
