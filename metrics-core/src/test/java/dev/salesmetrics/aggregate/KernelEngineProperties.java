package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.testing.KernelRecords;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every kernel metric of the catalogue, on every engine, equals the catalogue metric's own
 * accumulator ({@code Metric.compute} over each group's records and each period's window): over
 * deals, orders, leads, customers and responses with several currencies, amounts near the {@code
 * long} limit (then every engine throws what the accumulators throw), week, month, quarter, fiscal
 * quarter (from February and from October), fiscal year (from April) and day periods in zones
 * with daylight saving, instants on and next to the clock changes, sub-second instants and deals
 * without an amount. The engines: a query over records on one thread and in chunks, over a column store on
 * one thread, in chunks and in segments filled by several appenders, and a live view fed by one
 * and by three writers.
 */
class KernelEngineProperties {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

  @AfterAll
  static void stop() {
    POOL.shutdown();
  }

  /** Every catalogue metric with a kernel, and one without (it shares the cells). */
  static final List<Metric<?, ?>> METRICS = kernelMetrics();

  private static List<Metric<?, ?>> kernelMetrics() {
    List<Metric<?, ?>> out = new ArrayList<>();
    for (Metric<?, ?> m : Metrics.all()) {
      if (m.kernel().isPresent()) {
        out.add(m);
      }
    }
    out.add(Metrics.SALES_CYCLE);
    return out;
  }

  private static final RepDirectory REPS =
      RepDirectory.of(
          List.of(
              new Rep("R0", "Ann", "East", "EMEA", null),
              new Rep("R1", "Bob", "East", null, null),
              new Rep("R2", "Cy", "West", "AMER", null)));

  static final List<List<Dimension>> GROUPINGS =
      List.of(
          List.of(),
          List.of(Dimension.REP),
          List.of(Dimension.PRODUCT),
          List.of(Dimension.CUSTOMER, Dimension.team(REPS)),
          List.of(Dimension.region(REPS), Dimension.REP),
          List.of(Dimension.team(REPS), Dimension.PRODUCT),
          List.of(Dimension.region(REPS), Dimension.CUSTOMER));

  static final List<Dimension> PERIODS =
      List.of(
          Dimension.month(ZoneId.of("America/New_York")),
          Dimension.week(ZoneOffset.UTC),
          Dimension.period(
              Granularity.QUARTER,
              ZoneId.of("Asia/Kolkata"),
              FiscalCalendar.startingIn(Month.FEBRUARY)),
          Dimension.period(Granularity.DAY, ZoneId.of("Europe/Paris")),
          Dimension.month(ZoneOffset.UTC),
          Dimension.month(ZoneOffset.ofHoursMinutes(5, 30)),
          Dimension.quarter(ZoneOffset.ofHours(-8)),
          // other fiscal starts: a fiscal quarter from October, a fiscal year from April
          Dimension.period(
              Granularity.QUARTER,
              ZoneId.of("America/New_York"),
              FiscalCalendar.startingIn(Month.OCTOBER)),
          Dimension.period(
              Granularity.YEAR, ZoneId.of("Europe/London"), FiscalCalendar.startingIn(Month.APRIL)),
          Dimension.week(ZoneId.of("Europe/Paris")));

  /** An engine: runs a query over records. */
  interface Engine {
    MetricTable run(List<SalesRecord> records, QuerySpec spec);
  }

  /** What a query groups by and over which periods. */
  record QuerySpec(
      List<Metric<?, ?>> metrics,
      List<Dimension> dims,
      @Nullable Dimension period,
      @Nullable List<Period> range,
      @Nullable Period during,
      @Nullable Instant asOf) {

    Query on(Query q) {
      List<Dimension> all = new ArrayList<>(dims);
      if (period != null) {
        all.add(period);
      }
      Query out = q.groupBy(all.toArray(new Dimension[0])).metrics(metrics);
      if (range != null) {
        out = out.periods(range);
      }
      if (during != null) {
        out = out.during(during);
      }
      if (asOf != null) {
        out = out.asOf(asOf);
      }
      return out;
    }
  }

  static final List<KernelRecords.Mode> MODES =
      List.of(
          KernelRecords.Mode.PLAIN,
          KernelRecords.Mode.CURRENCIES,
          KernelRecords.Mode.HUGE,
          KernelRecords.Mode.FAR);

  /** The kernel metrics alone (the columnar engine then needs no record). */
  static final List<Metric<?, ?>> KERNELS_ONLY =
      METRICS.stream().filter(m -> m.kernel().isPresent()).toList();

  static final Map<String, Engine> ENGINES = new LinkedHashMap<>();

  static {
    ENGINES.put("object", (records, spec) -> spec.on(Query.of(records)).run());
    ENGINES.put(
        "object in chunks",
        (records, spec) -> spec.on(Query.of(records)).runParallel(POOL, 7, 1));
    ENGINES.put(
        "columnar", (records, spec) -> spec.on(Query.of(ColumnStore.of(records))).run());
    ENGINES.put(
        "columnar in chunks",
        (records, spec) -> spec.on(Query.of(ColumnStore.of(records))).runParallel(POOL, 5, 1));
    ENGINES.put("live", (records, spec) -> live(records, spec, 1));
    ENGINES.put("live, 3 writers", (records, spec) -> live(records, spec, 3));
    ENGINES.put(
        "columnar in segments",
        (records, spec) -> spec.on(Query.of(segmented(records))).runParallel(POOL, 3, 7));
  }

  /**
   * Records the events into a live view from {@code writers} threads (events dealt round robin)
   * and returns its snapshot; throws what the view threw for the first event it rejected. A query
   * over one window or as of an instant has no live form: null.
   */
  @Nullable
  static MetricTable live(List<SalesRecord> records, QuerySpec spec, int writers) {
    if (spec.during() != null || spec.asOf() != null) {
      return null;
    }
    List<Dimension> all = new ArrayList<>(spec.dims());
    if (spec.period() != null) {
      all.add(spec.period());
    }
    LiveView.Builder b =
        LiveView.builder()
            .groupBy(all.toArray(new Dimension[0]))
            .metrics(spec.metrics().toArray(new Metric<?, ?>[0]));
    if (spec.range() != null) {
      b.periods(spec.range());
    }
    LiveView live = b.build();
    List<java.util.concurrent.Future<RuntimeException>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int first = w;
      done.add(
          POOL.submit(
              () -> {
                for (int i = first; i < records.size(); i += writers) {
                  try {
                    live.record(records.get(i));
                  } catch (RuntimeException e) {
                    return e;
                  }
                }
                return null;
              }));
    }
    for (java.util.concurrent.Future<RuntimeException> f : done) {
      RuntimeException e;
      try {
        e = f.get();
      } catch (Exception x) {
        throw new AssertionError(x);
      }
      if (e != null) {
        throw e;
      }
    }
    return live.snapshot();
  }

  /** A store filled by several appenders per kind, as a parallel loader fills it. */
  static ColumnStore segmented(List<SalesRecord> records) {
    ColumnStore.Builder b = ColumnStore.builder();
    DealAppender deals = b.deals();
    OrderAppender orders = b.orders();
    int i = 0;
    for (SalesRecord r : records) {
      if (i++ % 17 == 0) {
        deals = b.deals();
        orders = b.orders();
      }
      if (r instanceof dev.salesmetrics.model.Deal d) {
        deals.add(d);
      } else if (r instanceof Order o) {
        orders.add(o);
      } else {
        b.add(r);
      }
    }
    return b.build();
  }

  @Test
  void groupedByPeriod() {
    qt().withExamples(40)
        .forAll(
            longs().all(),
            integers().between(0, 60),
            integers().between(0, MODES.size() * GROUPINGS.size() * PERIODS.size() - 1))
        .checkAssert(
            (seed, n, shape) -> {
              int mode = shape % MODES.size();
              int g = shape / MODES.size() % GROUPINGS.size();
              int p = shape / MODES.size() / GROUPINGS.size();
              List<SalesRecord> records =
                  KernelRecords.records(seed, n, MODES.get(mode));
              Dimension period = PERIODS.get(p);
              List<Period> range =
                  Period.covering(
                      LocalDate.of(2024, 2, 1).atStartOfDay(period.zone()).toInstant(),
                      LocalDate.of(2024, 5, 1).atStartOfDay(period.zone()).toInstant(),
                      period.granularity().orElseThrow(),
                      period.zone(),
                      period.fiscal());
              Instant asOf = seed % 3 == 0 ? Instant.parse("2024-04-10T12:00:00.5Z") : null;
              List<Metric<?, ?>> metrics = seed % 2 == 0 ? METRICS : KERNELS_ONLY;
              check(records, new QuerySpec(metrics, GROUPINGS.get(g), period, range, null, asOf));
            });
  }

  /**
   * Grouped by period without a range: the periods are those of the rows' instants, some
   * centuries apart, so the columnar engine grows its cells as rows arrive.
   */
  @Test
  void groupedByPeriodOverTheDataSpan() {
    List<Metric<?, ?>> placed =
        METRICS.stream().filter(m -> !m.placement().isSpanning()).toList();
    qt().withExamples(30)
        .forAll(
            longs().all(),
            integers().between(0, 40),
            integers().between(0, MODES.size() * GROUPINGS.size() * PERIODS.size() - 1))
        .checkAssert(
            (seed, n, shape) -> {
              int mode = shape % MODES.size();
              int g = shape / MODES.size() % GROUPINGS.size();
              int p = shape / MODES.size() / GROUPINGS.size();
              List<SalesRecord> records = KernelRecords.records(seed, n, MODES.get(mode));
              check(records, new QuerySpec(placed, GROUPINGS.get(g), PERIODS.get(p), null, null, null));
            });
  }

  @Test
  void overOneWindow() {
    qt().withExamples(40)
        .forAll(
            longs().all(),
            integers().between(0, 60),
            integers().between(0, MODES.size() - 1),
            integers().between(0, GROUPINGS.size() - 1))
        .checkAssert(
            (seed, n, mode, g) -> {
              List<SalesRecord> records =
                  KernelRecords.records(seed, n, MODES.get(mode));
              Period during =
                  seed % 2 == 0
                      ? Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneId.of("Europe/Paris"))
                      : Period.ofInstants(
                          Instant.parse("2024-03-10T07:00:00.25Z"),
                          Instant.parse("2024-04-01T04:00:00.75Z"),
                          ZoneOffset.UTC);
              // revenue growth needs a period of a granularity to find the one before
              List<Metric<?, ?>> metrics =
                  new ArrayList<>(seed % 4 < 2 ? METRICS : KERNELS_ONLY);
              if (during.granularity() == null) {
                metrics.remove(Metrics.REVENUE_GROWTH);
              }
              check(records, new QuerySpec(metrics, GROUPINGS.get(g), null, null, during, null));
            });
  }

  /** How many examples failed (two currencies, an overflow) and how many cells were compared. */
  private static final java.util.concurrent.atomic.AtomicLong FAILED =
      new java.util.concurrent.atomic.AtomicLong();

  private static final java.util.concurrent.atomic.AtomicLong CELLS =
      new java.util.concurrent.atomic.AtomicLong();

  @AfterAll
  static void bothOutcomesWereSeen() {
    assertThat(FAILED.get()).as("examples where the metrics throw").isPositive();
    assertThat(CELLS.get()).as("cells compared").isGreaterThan(1000);
  }

  /**
   * Many rows in many chunks: 120,000 deals of five reps by month, on every engine, equal the
   * catalogue accumulators (the chunks of the columnar engine then hold some thousands of rows).
   */
  @Test
  void manyRowsInChunks() {
    qt().withExamples(1)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              List<SalesRecord> records =
                  new ArrayList<>(dev.salesmetrics.testing.AggregateFixtures.deals(seed, 120_000));
              List<Metric<?, ?>> metrics =
                  List.of(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE, Metrics.WIN_RATE_ALL_CREATED);
              check(
                  records,
                  new QuerySpec(
                      metrics, List.of(Dimension.REP), Dimension.month(ZoneOffset.UTC), null, null,
                      null));
            });
  }

  /** Each engine gives the expected cells, or throws what computing some cell throws. */
  static void check(List<SalesRecord> records, QuerySpec spec) {
    Set<Class<?>> failures = new HashSet<>();
    Map<String, MetricValue> expected = expected(records, spec, failures);
    if (failures.isEmpty()) {
      CELLS.addAndGet(expected.size());
    } else {
      FAILED.incrementAndGet();
    }
    for (Map.Entry<String, Engine> e : ENGINES.entrySet()) {
      MetricTable table;
      try {
        table = e.getValue().run(records, spec);
        if (table == null) {
          continue; // no such query on this engine
        }
      } catch (CurrencyMismatchException | ArithmeticException x) {
        if (!failures.contains(x.getClass())) {
          fail(e.getKey() + " threw " + x + " where the metrics throw " + failures, x);
        }
        continue;
      }
      assertThat(failures).as("%s gave a table where the metrics throw", e.getKey()).isEmpty();
      assertThat(cells(table)).as(e.getKey()).isEqualTo(expected);
    }
  }

  static Map<String, MetricValue> cells(MetricTable t) {
    Map<String, MetricValue> out = new HashMap<>();
    for (MetricTable.Row r : t.rows()) {
      r.values()
          .forEach((id, v) -> out.put(id + " " + r.key() + " " + r.period().orElse(null), v));
    }
    return out;
  }

  /** The cells the catalogue metrics compute alone over each group's records and each window. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Map<String, MetricValue> expected(
      List<SalesRecord> input, QuerySpec spec, Set<Class<?>> failures) {
    List<SalesRecord> records = new ArrayList<>();
    for (SalesRecord r : input) {
      Optional<? extends SalesRecord> known =
          spec.asOf() == null ? Optional.of(r) : r.asOf(spec.asOf());
      if (known.isEmpty()) {
        continue;
      }
      SalesRecord k = known.get();
      if (spec.dims().contains(Dimension.PRODUCT) && k instanceof Order o && o.lines().size() > 1) {
        records.addAll(Cells.productParts(o));
      } else {
        records.add(k);
      }
    }
    Map<String, MetricValue> out = new HashMap<>();
    for (Metric m : spec.metrics()) {
      Map<GroupKey, List<SalesRecord>> groups = new LinkedHashMap<>();
      for (SalesRecord r : records) {
        if (!m.recordType().isInstance(r)) {
          continue;
        }
        Map<String, String> key = new LinkedHashMap<>();
        for (Dimension d : spec.dims()) {
          key.put(d.id(), d.valueOf(r));
        }
        groups.computeIfAbsent(GroupKey.of(key), k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<GroupKey, List<SalesRecord>> g : groups.entrySet()) {
        Set<Period> periods = new HashSet<>();
        if (spec.period() == null) {
          periods.add(spec.during());
        } else if (m.placement().isSpanning()) {
          periods.addAll(spec.range());
        } else {
          for (SalesRecord r : g.getValue()) {
            Optional<Instant> at = m.placement().instant(r);
            if (at.isPresent()) {
              Period p = spec.period().periodOf(at.get());
              if (spec.range() == null || spec.range().contains(p)) {
                periods.add(p);
              }
            }
          }
        }
        for (Period p : periods) {
          Window w = p == null ? Window.all() : Window.of(p);
          try {
            MetricValue v = m.compute(g.getValue(), w).value();
            out.put(m.id() + " " + g.getKey() + " " + (spec.period() == null ? null : p), v);
          } catch (CurrencyMismatchException | ArithmeticException e) {
            failures.add(e.getClass());
          }
        }
      }
    }
    return out;
  }
}
