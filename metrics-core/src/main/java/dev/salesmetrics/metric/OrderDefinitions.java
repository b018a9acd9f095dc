package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * The order and customer metrics of the catalogue; {@link Metrics} exposes them. See
 * docs/METRICS.md, section "Orders, customers and products", for the definitions.
 */
final class OrderDefinitions {
  private OrderDefinitions() {}

  // ---- money ---------------------------------------------------------------------------------

  private static boolean paidIn(Order order, Window window) {
    return order.status() == OrderStatus.PAID && window.contains(order.placedAt());
  }

  // ---- orders --------------------------------------------------------------------------------

  static Metric<Order, Amount> revenue(Conversion pricing) {
    Metric<Order, Amount> metric =
        Metric.builder("revenue", Order.class)
            .description("sum of the amounts of paid orders placed in the period")
            .unit(MetricUnit.MONEY)
            .placedAt("placed_at", Order::placedAt)
            .kernel(
                Kernel.of(
                    OrderRow.class,
                    MoneySlots.SUM_SLOTS,
                    (order, s, window) -> {
                      boolean paid = order.paid();
                      MoneySlots.addToSum(
                          s, paid, order.amountMinorIf(paid), order.currencyIf(paid));
                    },
                    MoneySlots::sumOf));
    return KernelMetric.converted(metric, pricing, false);
  }

  static Metric<Order, Count> orders() {
    return Metric.builder("orders", Order.class)
        .description("count of paid orders placed in the period")
        .unit(MetricUnit.COUNT)
        .placedAt("placed_at", Order::placedAt)
        .kernel(
            Kernel.of(
                OrderRow.class,
                List.of(SlotKind.SUM),
                (order, s, window) -> s.countIf(0, order.paid()),
                s -> Count.of(s.get(0))));
  }

  static Metric<Order, Amount> averageOrderValue(Conversion pricing) {
    Metric<Order, Amount> metric =
        Metric.builder("average_order_value", Order.class)
            .description("revenue / orders over paid orders placed in the period")
            .unit(MetricUnit.MONEY)
            .placedAt("placed_at", Order::placedAt)
            .kernel(
                Kernel.of(
                    OrderRow.class,
                    MoneySlots.SUM_SLOTS,
                    (order, s, window) -> {
                      boolean paid = order.paid();
                      MoneySlots.addToSum(
                          s, paid, order.amountMinorIf(paid), order.currencyIf(paid));
                    },
                    MoneySlots::meanOf));
    return KernelMetric.converted(metric, pricing, false);
  }

  /** Revenue growth's slots: 0 paid revenue of the period, 1 of the one before, 2 currency. */
  private static final List<SlotKind> GROWTH =
      List.of(SlotKind.SUM, SlotKind.SUM, SlotKind.CURRENCY);

  static Metric<Order, Ratio> revenueGrowth(Conversion pricing) {
    String id = "revenue_growth";
    Metric<Order, Ratio> metric =
        Metric.builder(id, Order.class)
            .description("(revenue(P) - revenue(P-1)) / revenue(P-1), in minor units")
            .unit(MetricUnit.RATIO)
            .spanning("paid orders placed in the period or in the period before")
            .needsPeriod()
            .kernel(
                Kernel.of(
                        OrderRow.class,
                        GROWTH,
                        (order, s, window) -> {
                          if (!order.paid()) {
                            return;
                          }
                          long sec = order.placedAtSecond();
                          int nano = order.placedAtNano();
                          boolean current = window.contains(sec, nano);
                          if (current || window.previousContains(sec, nano)) {
                            s.currency(2, order.currency());
                            s.add(current ? 0 : 1, order.amountMinor());
                          }
                        },
                        s ->
                            CurrencyGuard.ratio(
                                Math.subtractExact(s.get(0), s.get(1)),
                                s.get(1),
                                // a money ratio once an order was seen, as its accumulator did
                                s.get(2) == CurrencyCodes.NONE
                                    ? null
                                    : s.currencyOf(2).orElse(null)))
                    .checking(
                        window -> {
                          Period period = window.requirePeriod(id);
                          if (period.granularity() == null) {
                            throw new IllegalArgumentException(
                                id
                                    + " needs a period of a granularity (day, week, month,"
                                    + " quarter, year) to find the previous period: "
                                    + period);
                          }
                        }));
    return KernelMetric.converted(metric, pricing, false);
  }

  /** Paid orders per buying customer, and their revenue. */
  private static final class Buyers {
    final MoneyStatsAccumulator revenue = new MoneyStatsAccumulator();
    final Map<String, Long> ordersByCustomer = new HashMap<>();

    void merge(Buyers other) {
      revenue.addAll(other.revenue.snapshot());
      other.ordersByCustomer.forEach((c, n) -> ordersByCustomer.merge(c, n, Math::addExact));
    }

    long orders() {
      long n = 0;
      for (long k : ordersByCustomer.values()) {
        n = Math.addExact(n, k);
      }
      return n;
    }
  }

  static Metric<Order, Amount> revenuePerBuyer(Conversion pricing) {
    return Metric.builder("revenue_per_buyer", Order.class)
        .description("revenue / distinct customers with a paid order placed in the period")
        .unit(MetricUnit.MONEY)
        .placedAt("placed_at", Order::placedAt)
        .accumulate(
            window -> new Buyers(),
            (acc, order, window) -> {
              if (paidIn(order, window)) {
                acc.revenue.add(pricing.apply(order.amount(), order.placedAt()));
                acc.ordersByCustomer.merge(order.customerId(), 1L, Math::addExact);
              }
            },
            Buyers::merge,
            acc -> {
              long buyers = acc.ordersByCustomer.size();
              MoneyStats revenue = acc.revenue.snapshot();
              return revenue.sum().isEmpty()
                  ? Amount.empty()
                  : Amount.of(
                      revenue.sum().get().dividedBy(buyers),
                      buyers);
            });
  }

  static Metric<Order, Score> purchaseFrequency() {
    return Metric.builder("purchase_frequency", Order.class)
        .description("paid orders / distinct buying customers in the period")
        .unit(MetricUnit.NUMBER)
        .placedAt("placed_at", Order::placedAt)
        .accumulate(
            window -> new Buyers(),
            (acc, order, window) -> {
              if (paidIn(order, window)) {
                acc.ordersByCustomer.merge(order.customerId(), 1L, Math::addExact);
              }
            },
            Buyers::merge,
            acc -> {
              long buyers = acc.ordersByCustomer.size();
              return buyers == 0
                  ? Score.empty()
                  : Score.of((double) acc.orders() / (double) buyers, buyers);
            });
  }

  static Metric<Order, Ratio> repeatPurchaseRate() {
    return Metric.builder("repeat_purchase_rate", Order.class)
        .description("customers with >= 2 paid orders / customers with >= 1, in the period")
        .unit(MetricUnit.RATIO)
        .placedAt("placed_at", Order::placedAt)
        .accumulate(
            window -> new Buyers(),
            (acc, order, window) -> {
              if (paidIn(order, window)) {
                acc.ordersByCustomer.merge(order.customerId(), 1L, Math::addExact);
              }
            },
            Buyers::merge,
            acc -> {
              long repeat = acc.ordersByCustomer.values().stream().filter(n -> n >= 2).count();
              return Ratio.of(repeat, acc.ordersByCustomer.size());
            });
  }

  /** Lifetime paid amount per customer. */
  private static final class Lifetime {
    final CurrencyGuard currency = new CurrencyGuard();
    final Map<String, Long> totalByCustomer = new HashMap<>();
  }

  static Metric<Order, MoneyStats> historicClv(Conversion pricing) {
    return Metric.builder("historic_clv", Order.class)
        .displayName("Historic CLV")
        .description(
            "per customer the sum of paid orders placed before the period end; mean and total")
        .unit(MetricUnit.MONEY)
        .spanning("paid orders placed before the period end")
        .accumulate(
            window -> new Lifetime(),
            (acc, order, window) -> {
              Period period = window.period();
              if (order.status() == OrderStatus.PAID
                  && (period == null || order.placedAt().isBefore(period.end()))) {
                Money amount = pricing.apply(order.amount(), order.placedAt());
                acc.currency.check(amount.currency());
                acc.totalByCustomer.merge(order.customerId(), amount.minorUnits(), Math::addExact);
              }
            },
            (acc, other) -> {
              acc.currency.merge(other.currency);
              other.totalByCustomer.forEach(
                  (c, sum) -> acc.totalByCustomer.merge(c, sum, Math::addExact));
            },
            acc -> {
              MoneyStatsAccumulator stats = new MoneyStatsAccumulator();
              Currency currency = acc.currency.currency();
              if (currency != null) {
                for (long total : acc.totalByCustomer.values()) {
                  stats.add(total, currency);
                }
              }
              return stats.snapshot();
            });
  }

  // ---- customers and orders ------------------------------------------------------------------

  /**
   * Whether the customer is active at some instant of the window's period: its active interval
   * {@code [signed_up_at, cancelled_at)} is not empty and meets {@code [P.start, P.end)}. Without a
   * period, whether it was ever active.
   */
  static boolean activeSometimeIn(Customer customer, Window window) {
    Instant cancelled = customer.cancelledAt();
    if (cancelled != null && !cancelled.isAfter(customer.signedUpAt())) {
      return false;
    }
    Period period = window.period();
    if (period == null) {
      return true;
    }
    return customer.signedUpAt().isBefore(period.end())
        && (cancelled == null || cancelled.isAfter(period.start()));
  }

  /** Revenue and active customers of a period. */
  private static final class Arpu {
    final MoneyStatsAccumulator revenue = new MoneyStatsAccumulator();
    long activeCustomers;

    void add(SalesRecord record, Window window, Conversion pricing) {
      if (record instanceof Order order) {
        if (paidIn(order, window)) {
          revenue.add(pricing.apply(order.amount(), order.placedAt()));
        }
      } else if (record instanceof Customer customer) {
        if (activeSometimeIn(customer, window)) {
          activeCustomers++;
        }
      }
    }

    void merge(Arpu other) {
      revenue.addAll(other.revenue.snapshot());
      activeCustomers = Math.addExact(activeCustomers, other.activeCustomers);
    }

    /** The revenue in minor units and its currency, if known. */
    Optional<Money> revenue(Conversion pricing) {
      Optional<Money> sum = revenue.snapshot().sum();
      return sum.isPresent() ? sum : pricing.zero();
    }
  }

  static Metric<SalesRecord, Amount> arpu(Conversion pricing) {
    return Metric.builder("arpu", SalesRecord.class)
        .reads(Order.class, Customer.class)
        .displayName("ARPU")
        .description("revenue / customers active at any instant in the period")
        .unit(MetricUnit.MONEY)
        .spanning("paid orders placed in the period; customers active at any instant in it")
        .accumulate(
            window -> new Arpu(),
            (acc, record, window) -> acc.add(record, window, pricing),
            Arpu::merge,
            acc -> {
              long n = acc.activeCustomers;
              if (n == 0) {
                return Amount.empty();
              }
              Optional<Money> revenue = acc.revenue(pricing);
              return revenue.isEmpty()
                  ? Amount.undefined(n)
                  : Amount.of(revenue.get().dividedBy(n), n);
            });
  }

  /** ARPU and churn of one period. */
  private static final class SimpleClv {
    final Arpu arpu = new Arpu();
    long activeAtStart;
    long lost;
  }

  static Metric<SalesRecord, Amount> simpleClv(double grossMargin, Conversion pricing) {
    if (!(grossMargin > 0 && grossMargin <= 1)) {
      throw new IllegalArgumentException("gross margin must be in (0, 1]: " + grossMargin);
    }
    String id = "simple_clv";
    // the margin as an exact decimal with a scale >= 0 (0.4 is 4 / 10; 1.0 is 10 / 10)
    BigDecimal exact = BigDecimal.valueOf(grossMargin);
    BigDecimal margin = exact.scale() < 0 ? exact.setScale(0) : exact;
    return Metric.builder(id, SalesRecord.class)
        .displayName("Simple CLV")
        .reads(Order.class, Customer.class)
        .description("arpu(P) x gross margin / churn_rate(P)")
        .unit(MetricUnit.MONEY)
        .spanning("paid orders placed in the period; customers active in it or at its start")
        .needsPeriod()
        .accumulate(
            window -> new SimpleClv(),
            (acc, record, window) -> {
              acc.arpu.add(record, window, pricing);
              if (record instanceof Customer customer) {
                Period period = window.requirePeriod(id);
                if (customer.isActiveAt(period.start())) {
                  acc.activeAtStart++;
                  if (lostIn(customer, period)) {
                    acc.lost++;
                  }
                }
              }
            },
            (acc, other) -> {
              acc.arpu.merge(other.arpu);
              acc.activeAtStart = Math.addExact(acc.activeAtStart, other.activeAtStart);
              acc.lost = Math.addExact(acc.lost, other.lost);
            },
            acc -> {
              long n = acc.arpu.activeCustomers;
              Optional<Money> revenue = acc.arpu.revenue(pricing);
              if (n == 0 || acc.lost == 0 || revenue.isEmpty()) {
                return Amount.undefined(n);
              }
              // revenue / n x margin / (lost / activeAtStart), rounded once
              BigInteger top =
                  BigInteger.valueOf(revenue.get().minorUnits())
                      .multiply(margin.unscaledValue())
                      .multiply(BigInteger.valueOf(acc.activeAtStart));
              BigInteger bottom =
                  BigInteger.valueOf(n)
                      .multiply(BigInteger.valueOf(acc.lost))
                      .multiply(BigInteger.TEN.pow(margin.scale()));
              return Amount.of(Money.quotient(top, bottom, revenue.get().currency()), n);
            });
  }

  // ---- customers -----------------------------------------------------------------------------

  private static boolean lostIn(Customer customer, Period period) {
    Instant cancelled = customer.cancelledAt();
    return cancelled != null && period.contains(cancelled);
  }

  /** A customer row is active at the window's start: signed up by then, not cancelled by then. */
  private static boolean activeAtStart(CustomerRow c, WindowBounds w) {
    return w.compareToStart(c.signedUpAtSecond(), c.signedUpAtNano()) <= 0
        && (!c.cancelled() || w.compareToStart(c.cancelledAtSecond(), c.cancelledAtNano()) > 0);
  }

  /** A customer row is active at the window's end (the first instant after the period). */
  private static boolean activeAtEnd(CustomerRow c, WindowBounds w) {
    return w.compareToEnd(c.signedUpAtSecond(), c.signedUpAtNano()) <= 0
        && (!c.cancelled() || w.compareToEnd(c.cancelledAtSecond(), c.cancelledAtNano()) > 0);
  }

  /** A customer row cancelled in the window's period. */
  private static boolean lostIn(CustomerRow c, WindowBounds w) {
    return c.cancelled() && w.contains(c.cancelledAtSecond(), c.cancelledAtNano());
  }

  /** Two counts of customers, numerator and denominator of a ratio. */
  private static final List<SlotKind> RATIO = List.of(SlotKind.SUM, SlotKind.SUM);

  static Metric<Customer, Count> newCustomers() {
    return Metric.builder("new_customers", Customer.class)
        .description("customers signed up in the period")
        .unit(MetricUnit.COUNT)
        .placedAt("signed_up_at", Customer::signedUpAt)
        .kernel(
            Kernel.of(
                CustomerRow.class,
                List.of(SlotKind.SUM),
                (customer, s, window) -> s.count(0),
                s -> Count.of(s.get(0))));
  }

  static Metric<Customer, Ratio> activationRate() {
    return Metric.builder("activation_rate", Customer.class)
        .description("customers signed up in the period that activated / customers signed up")
        .unit(MetricUnit.RATIO)
        .placedAt("signed_up_at", Customer::signedUpAt)
        .kernel(
            Kernel.of(
                CustomerRow.class,
                RATIO,
                (customer, s, window) -> {
                  s.countIf(0, customer.activated());
                  s.count(1);
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }

  static Metric<Customer, Ratio> churnRate() {
    return Metric.builder("churn_rate", Customer.class)
        .description(
            "customers active at the period start and cancelled in the period / customers active"
                + " at the period start")
        .unit(MetricUnit.RATIO)
        .spanning("customers active at the period start")
        .needsPeriod()
        .kernel(
            Kernel.of(
                CustomerRow.class,
                RATIO,
                (customer, s, window) -> {
                  if (activeAtStart(customer, window)) {
                    s.count(1);
                    s.countIf(0, lostIn(customer, window));
                  }
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }

  static Metric<Customer, Ratio> churnRateWithNew() {
    return Metric.builder("churn_rate.with_new", Customer.class)
        .description(
            "of the customers active at the period start or signed up in it, those cancelled in"
                + " the period / all of them")
        .unit(MetricUnit.RATIO)
        .spanning("customers active at the period start or signed up in it")
        .needsPeriod()
        .kernel(
            Kernel.of(
                CustomerRow.class,
                RATIO,
                (customer, s, window) -> {
                  if (activeAtStart(customer, window)
                      || window.contains(customer.signedUpAtSecond(), customer.signedUpAtNano())) {
                    s.count(1);
                    s.countIf(0, lostIn(customer, window));
                  }
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }

  static Metric<Customer, Ratio> retentionRate() {
    return Metric.builder("retention_rate", Customer.class)
        .description(
            "customers active at the period start and at its end / customers active at its start")
        .unit(MetricUnit.RATIO)
        .spanning("customers active at the period start")
        .needsPeriod()
        .kernel(
            Kernel.of(
                CustomerRow.class,
                RATIO,
                (customer, s, window) -> {
                  if (activeAtStart(customer, window)) {
                    s.count(1);
                    s.countIf(0, activeAtEnd(customer, window));
                  }
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }

  // ---- cohorts -------------------------------------------------------------------------------

  /**
   * One signup cohort: its size and, per customer cancelled by the horizon, how many period ends it
   * was active at (a customer never cancelled, or cancelled after the horizon, is active at every
   * end the table shows).
   */
  private static final class Cohort {
    final Period period;
    long size;

    /** k -> customers active at the ends of periods 0 .. k-1 only. */
    final TreeMap<Long, Long> activeEnds = new TreeMap<>();

    Cohort(Period period) {
      this.period = period;
    }

    void merge(Cohort other) {
      size = Math.addExact(size, other.size);
      other.activeEnds.forEach((k, n) -> activeEnds.merge(k, n, Math::addExact));
    }

    CohortTable.Row row(@Nullable Instant horizon) {
      List<Ratio> cells = new ArrayList<>();
      if (horizon != null) {
        long stillActive = size;
        Period q = period;
        for (long k = 0; !q.end().isAfter(horizon); k++) {
          stillActive -= activeEnds.getOrDefault(k, 0L);
          cells.add(Ratio.of(stillActive, size));
          q = q.next();
        }
      }
      return new CohortTable.Row(period, size, cells);
    }
  }

  /** Cohorts by the start of their period. */
  private static final class Cohorts {
    final Granularity granularity;
    final ZoneId zone;
    final FiscalCalendar fiscal;
    @Nullable final Period period;
    @Nullable final Instant fixedHorizon;
    final TreeMap<Instant, Cohort> byStart = new TreeMap<>();
    @Nullable Instant latestEvent;

    Cohorts(Granularity granularity, Window window) {
      this.granularity = granularity;
      this.period = window.period();
      this.zone = period == null ? ZoneOffset.UTC : period.zone();
      this.fiscal = period == null ? FiscalCalendar.calendar() : period.fiscal();
      Instant horizon = period == null ? null : period.end();
      Instant asOf = window.asOf();
      if (asOf != null && (horizon == null || asOf.isBefore(horizon))) {
        horizon = asOf;
      }
      this.fixedHorizon = horizon;
    }

    /**
     * Adds a customer in O(1), whatever its dates: a cancellation after a fixed horizon (the
     * window's end or as-of instant) changes no cell and is not placed at all; an earlier one is
     * placed by counting periods, not by walking them.
     */
    void add(Customer customer) {
      Instant signedUp = customer.signedUpAt();
      if (period != null && !period.contains(signedUp)) {
        return;
      }
      Period cohortPeriod = place(signedUp, "signed_up_at", customer);
      Instant cancelled = customer.cancelledAt();
      boolean counted =
          cancelled != null && (fixedHorizon == null || !cancelled.isAfter(fixedHorizon));
      // active at the end of period k exactly when end(k) < cancelled_at
      long k = counted ? periodsBeforeCancelled(cohortPeriod, cancelled, customer) : -1;
      Cohort cohort = byStart.computeIfAbsent(cohortPeriod.start(), s -> new Cohort(cohortPeriod));
      cohort.size++;
      seen(signedUp);
      if (counted) {
        seen(cancelled);
        cohort.activeEnds.merge(k, 1L, Math::addExact);
      }
    }

    private Period place(Instant at, String field, Customer customer) {
      try {
        return Period.containing(at, granularity, zone, fiscal);
      } catch (DateTimeException e) {
        throw new DateTimeException(
            field
                + " "
                + at
                + " of customer "
                + SafeText.forTerminal(customer.id())
                + " cannot be placed in a "
                + granularity.id()
                + " of cohort_retention (it lies too near the ends of time): "
                + e.getMessage(),
            e);
      }
    }

    /**
     * The first {@code k} whose period end is at or after {@code cancelled}: the periods from the
     * cohort's to the one containing the cancellation, counted from their first days, less one
     * when the cancellation is exactly at that period's start (the end of the one before).
     */
    private long periodsBeforeCancelled(Period cohortPeriod, Instant cancelled, Customer c) {
      Period last = place(cancelled, "cancelled_at", c);
      long j = unitsBetween(cohortPeriod.startDate(), last.startDate());
      return j > 0 && cancelled.equals(last.start()) ? j - 1 : j;
    }

    /** The number of units of the granularity from one unit's first day to another's. */
    private long unitsBetween(LocalDate from, LocalDate to) {
      return switch (granularity) {
        case DAY -> ChronoUnit.DAYS.between(from, to);
        case WEEK -> ChronoUnit.DAYS.between(from, to) / 7;
        case MONTH -> ChronoUnit.MONTHS.between(from, to);
        case QUARTER -> ChronoUnit.MONTHS.between(from, to) / 3;
        case YEAR -> ChronoUnit.MONTHS.between(from, to) / 12;
      };
    }

    private void seen(Instant t) {
      if (latestEvent == null || t.isAfter(latestEvent)) {
        latestEvent = t;
      }
    }

    void merge(Cohorts other) {
      other.byStart.forEach(
          (start, cohort) ->
              byStart.computeIfAbsent(start, s -> new Cohort(cohort.period)).merge(cohort));
      if (other.latestEvent != null) {
        seen(other.latestEvent);
      }
    }

    CohortTable table() {
      Instant horizon = fixedHorizon != null ? fixedHorizon : latestEvent;
      List<CohortTable.Row> rows = new ArrayList<>();
      for (Cohort cohort : byStart.values()) {
        rows.add(cohort.row(horizon));
      }
      return new CohortTable(rows);
    }
  }

  static Metric<Customer, CohortTable> cohortRetention(Granularity granularity) {
    checkNotNull(granularity, "granularity");
    return Metric.builder("cohort_retention", Customer.class)
        .description(
            "per signup cohort and k periods later: cohort customers active at the end of period k"
                + " / cohort size")
        .unit(MetricUnit.TABLE)
        .spanning("customers signed up in the period, followed to its end")
        .accumulate(
            window -> new Cohorts(granularity, window),
            (acc, customer, window) -> acc.add(customer),
            Cohorts::merge,
            Cohorts::table);
  }
}
