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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.testing.AggregateFixtures;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Deal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LiveViewProperties {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

  @AfterAll
  static void stop() {
    POOL.shutdown();
  }

  /** N events from K threads, with snapshots taken meanwhile, give the batch table. */
  @Test
  void liveAfterNEventsFromKThreadsEqualsBatch() {
    qt().withExamples(25)
        .forAll(longs().all(), integers().between(0, 3000), integers().between(1, 4))
        .checkAssert(
            (seed, n, k) -> {
              List<SalesRecord> events = AggregateFixtures.mixed(seed, n);
              Dimension month = Dimension.month(NEW_YORK);
              List<Period> range =
                  Period.covering(
                      Instant.parse("2024-01-01T05:00:00Z"),
                      Instant.parse("2025-01-01T05:00:00Z"),
                      Granularity.MONTH,
                      NEW_YORK);
              LiveView live =
                  LiveView.builder()
                      .groupBy(Dimension.REP, month)
                      .periods(range)
                      .metrics(WIN_RATE, WON_AMOUNT, CREATED, OPEN_AT_START, REVENUE)
                      .build();
              CountDownLatch start = new CountDownLatch(1);
              List<Future<?>> writers = new ArrayList<>();
              for (int t = 0; t < k; t++) {
                int from = events.size() * t / k;
                int to = events.size() * (t + 1) / k;
                writers.add(
                    POOL.submit(
                        () -> {
                          start.await();
                          for (SalesRecord r : events.subList(from, to)) {
                            live.record(r);
                          }
                          return null;
                        }));
              }
              start.countDown();
              // Snapshots while writing never fail and never show more than the batch.
              MetricTable during = live.snapshot();
              assertThat(during.size()).isLessThanOrEqualTo(events.size() * 20 + 1);
              for (Future<?> w : writers) {
                try {
                  w.get();
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              }
              MetricTable batch =
                  Query.of(events)
                      .groupBy(Dimension.REP, month)
                      .periods(range)
                      .metrics(WIN_RATE, WON_AMOUNT, CREATED, OPEN_AT_START, REVENUE)
                      .run();
              assertThat(live.snapshot()).isEqualTo(batch);
              // A snapshot does not change the view.
              assertThat(live.snapshot()).isEqualTo(batch);
            });
  }

  /** Kernel metrics alone, lock-free: N deals from K threads, snapshots meanwhile, give the batch. */
  @Test
  void counterPathAfterNEventsFromKThreadsEqualsBatch() {
    qt().withExamples(25)
        .forAll(longs().all(), integers().between(0, 3000), integers().between(1, 4))
        .checkAssert(
            (seed, n, k) -> {
              List<SalesRecord> events = AggregateFixtures.mixed(seed, n);
              Dimension month = Dimension.month(NEW_YORK);
              LiveView live =
                  LiveView.builder()
                      .groupBy(Dimension.REP, month, Dimension.PRODUCT)
                      .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE, Metrics.REVENUE)
                      .build();
              assertThat(live.isCounterPath()).isTrue();
              CountDownLatch start = new CountDownLatch(1);
              List<Future<?>> writers = new ArrayList<>();
              for (int t = 0; t < k; t++) {
                int from = events.size() * t / k;
                int to = events.size() * (t + 1) / k;
                writers.add(
                    POOL.submit(
                        () -> {
                          start.await();
                          for (SalesRecord r : events.subList(from, to)) {
                            live.record(r);
                          }
                          return null;
                        }));
              }
              start.countDown();
              MetricTable during = live.snapshot();
              assertThat(during.size()).isLessThanOrEqualTo(events.size());
              for (Future<?> w : writers) {
                try {
                  w.get();
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              }
              MetricTable batch =
                  Query.of(events)
                      .groupBy(Dimension.REP, month, Dimension.PRODUCT)
                      .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE, Metrics.REVENUE)
                      .run();
              assertThat(live.snapshot()).isEqualTo(batch);
              assertThat(live.lateDropped()).isZero();
            });
  }

  /**
   * With retainPeriods(n), on either path, the snapshot equals the batch over the events of the n
   * latest periods, and every event of an older period is counted as dropped.
   */
  @Test
  void retainedPeriodsEqualBatchOfTheLatestPeriods() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(0, 400), integers().between(1, 4))
        .checkAssert(
            (seed, n, keep) -> {
              List<Deal> deals = AggregateFixtures.deals(seed, n);
              Dimension month = Dimension.month(ZoneOffset.UTC);
              for (boolean counters : List.of(true, false)) {
                Metric<?, ?>[] metrics =
                    counters
                        ? new Metric<?, ?>[] {Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE}
                        : new Metric<?, ?>[] {WIN_RATE, WON_AMOUNT};
                LiveView live =
                    LiveView.builder()
                        .groupBy(Dimension.REP, month)
                        .metrics(metrics)
                        .retainPeriods(keep)
                        .build();
                assertThat(live.isCounterPath()).isEqualTo(counters);
                // expected: replay in order, tracking the kept periods as the view does
                java.util.TreeSet<Instant> latest = new java.util.TreeSet<>();
                List<Deal> kept = new ArrayList<>();
                long dropped = 0;
                for (Deal d : deals) {
                  live.record(d);
                  if (d.closedAt() == null) {
                    kept.add(d);
                    continue;
                  }
                  Instant start = month.periodOf(d.closedAt()).start();
                  latest.add(start);
                  while (latest.size() > keep) {
                    latest.pollFirst();
                  }
                  if (start.isBefore(latest.first())) {
                    dropped++;
                  } else {
                    kept.add(d);
                  }
                }
                Instant horizon = latest.isEmpty() ? Instant.MIN : latest.first();
                List<Deal> expected = new ArrayList<>();
                for (Deal d : kept) {
                  if (d.closedAt() == null || !month.periodOf(d.closedAt()).start().isBefore(horizon)) {
                    expected.add(d);
                  }
                }
                MetricTable batch =
                    Query.of(expected).groupBy(Dimension.REP, month).metrics(metrics).run();
                assertThat(live.snapshot()).as("counters %s", counters).isEqualTo(batch);
                assertThat(live.lateDropped()).isEqualTo(dropped);
                assertThat(live.snapshot().periods().size()).isLessThanOrEqualTo(keep);
              }
            });
  }

  /** A hang guard only (a cell left half updated made snapshots spin forever). */
  private static final Duration HANG = Duration.ofMinutes(2);

  /** Catalogue metrics over deals, one of them keeping every value (sales cycle). */
  private static final Metric<?, ?>[] CATALOGUE = {
    Metrics.WIN_RATE,
    Metrics.DEALS_WON,
    Metrics.SALES_VOLUME,
    Metrics.AVERAGE_DEAL_SIZE,
    Metrics.SALES_CYCLE
  };

  /**
   * Records {@code slices.get(t)} from thread {@code t}, all threads at once, each ignoring the
   * events the view rejects (currency clash, overflow), with a snapshot taken meanwhile when
   * {@code snapshotWhileWriting}; returns the events the view accepted.
   */
  private static List<Deal> recordConcurrently(
      LiveView live, List<List<Deal>> slices, AtomicLong rejected, boolean snapshotWhileWriting) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Deal>>> writers = new ArrayList<>();
    for (List<Deal> slice : slices) {
      writers.add(
          POOL.submit(
              () -> {
                start.await();
                List<Deal> accepted = new ArrayList<>();
                for (Deal d : slice) {
                  try {
                    live.record(d);
                    accepted.add(d);
                  } catch (CurrencyMismatchException | ArithmeticException e) {
                    rejected.incrementAndGet();
                  }
                }
                return accepted;
              }));
    }
    start.countDown();
    if (snapshotWhileWriting) {
      MetricTable during = assertTimeoutPreemptively(HANG, live::snapshot);
      assertThat(during.size()).isLessThanOrEqualTo(slices.stream().mapToInt(List::size).sum());
    }
    List<Deal> accepted = new ArrayList<>();
    for (Future<List<Deal>> w : writers) {
      try {
        accepted.addAll(w.get());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return accepted;
  }

  /** Thread t takes the deals of the reps R{i} with i % k == t: each group has one writer. */
  private static List<List<Deal>> byRep(List<Deal> deals, int k) {
    List<List<Deal>> slices = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      slices.add(new ArrayList<>());
    }
    for (Deal d : deals) {
      slices.get(Integer.parseInt(d.repId().substring(1)) % k).add(d);
    }
    return slices;
  }

  /** Thread t takes every k-th deal: groups are shared between writers. */
  private static List<List<Deal>> roundRobin(List<Deal> deals, int k) {
    List<List<Deal>> slices = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      slices.add(new ArrayList<>());
    }
    for (int i = 0; i < deals.size(); i++) {
      slices.get(i % k).add(deals.get(i));
    }
    return slices;
  }

  /** The table, or the exception a table could not be computed for. */
  private static Object outcome(Supplier<MetricTable> table) {
    try {
      return table.get();
    } catch (CurrencyMismatchException | ArithmeticException e) {
      return e;
    }
  }

  /**
   * Generic path: K threads record N deals of which some are rejected; each group has one writer.
   * Every snapshot works, and the last equals the batch over the accepted deals, computed with
   * the catalogue metrics.
   */
  @Test
  void rejectedEventsLeaveNoTraceOnTheGenericPath() {
    AtomicLong rejected = new AtomicLong();
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(0, 1500), integers().between(1, 4))
        .checkAssert(
            (seed, n, k) -> {
              List<Deal> deals = AggregateFixtures.hostileDeals(seed, n);
              Dimension month = Dimension.month(ZoneOffset.UTC);
              LiveView live =
                  LiveView.builder().groupBy(Dimension.REP, month).metrics(CATALOGUE).build();
              assertThat(live.isCounterPath()).isFalse();
              List<Deal> accepted = recordConcurrently(live, byRep(deals, k), rejected, true);
              MetricTable batch =
                  Query.of(accepted).groupBy(Dimension.REP, month).metrics(CATALOGUE).run();
              assertThat(live.snapshot()).isEqualTo(batch);
            });
    assertThat(rejected.get()).as("events rejected over all examples").isPositive();
  }

  /**
   * Generic path with groups shared between writers: stripes check currencies and sums on their
   * own, so the accepted deals may clash when merged; then the batch over them fails too, and
   * the snapshot fails with it. Otherwise both tables are equal.
   */
  @Test
  void sharedGroupsGiveTheBatchOfTheAcceptedEventsOrItsFailure() {
    AtomicLong rejected = new AtomicLong();
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(0, 1500), integers().between(1, 4))
        .checkAssert(
            (seed, n, k) -> {
              List<Deal> deals = AggregateFixtures.hostileDeals(seed, n);
              Dimension month = Dimension.month(ZoneOffset.UTC);
              LiveView live =
                  LiveView.builder().groupBy(Dimension.REP, month).metrics(CATALOGUE).build();
              List<Deal> accepted = recordConcurrently(live, roundRobin(deals, k), rejected, false);
              Object batch =
                  outcome(
                      () ->
                          Query.of(accepted)
                              .groupBy(Dimension.REP, month)
                              .metrics(CATALOGUE)
                              .run());
              Object snapshot = outcome(live::snapshot);
              if (batch instanceof MetricTable) {
                assertThat(snapshot).isEqualTo(batch);
              } else {
                assertThat(snapshot).isInstanceOf(RuntimeException.class);
              }
            });
    assertThat(rejected.get()).as("events rejected over all examples").isPositive();
  }

  /** Kernel metrics only: the writers' lock-free cells, and no stripe. */
  private static final Metric<?, ?>[] KERNELS = {
    Metrics.WIN_RATE, Metrics.DEALS_WON, Metrics.SALES_VOLUME, Metrics.AVERAGE_DEAL_SIZE
  };

  /**
   * Kernel metrics: K threads record N deals of which some are rejected (a second currency among
   * won deals, a cell sum overflowing); each group has one writer. Every snapshot returns, and the
   * last one equals the batch of the catalogue metrics over the accepted deals.
   */
  @Test
  void rejectedEventsLeaveNoTraceOnTheCounterPath() {
    AtomicLong rejected = new AtomicLong();
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(0, 1500), integers().between(1, 4))
        .checkAssert(
            (seed, n, k) -> {
              List<Deal> deals = AggregateFixtures.hostileDeals(seed, n);
              Dimension month = Dimension.month(ZoneOffset.UTC);
              LiveView live =
                  LiveView.builder().groupBy(Dimension.REP, month).metrics(KERNELS).build();
              assertThat(live.isCounterPath()).isTrue();
              List<Deal> accepted = recordConcurrently(live, byRep(deals, k), rejected, true);
              MetricTable batch =
                  Query.of(accepted).groupBy(Dimension.REP, month).metrics(KERNELS).run();
              assertThat(assertTimeoutPreemptively(HANG, live::snapshot)).isEqualTo(batch);
            });
    assertThat(rejected.get()).as("events rejected over all examples").isPositive();
  }

  /** Kernel metrics with groups shared between writers: the batch of the accepted, or a failure. */
  @Test
  void sharedGroupsOnTheCounterPathGiveTheBatchOrItsFailure() {
    AtomicLong rejected = new AtomicLong();
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(0, 1500), integers().between(1, 4))
        .checkAssert(
            (seed, n, k) -> {
              List<Deal> deals = AggregateFixtures.hostileDeals(seed, n);
              LiveView live = LiveView.builder().groupBy(Dimension.REP).metrics(KERNELS).build();
              List<Deal> accepted = recordConcurrently(live, roundRobin(deals, k), rejected, false);
              Object batch =
                  outcome(() -> Query.of(accepted).groupBy(Dimension.REP).metrics(KERNELS).run());
              Object snapshot = assertTimeoutPreemptively(HANG, () -> outcome(live::snapshot));
              if (batch instanceof MetricTable) {
                assertThat(snapshot).isEqualTo(batch);
              } else {
                // a clash of currencies or an overflow: whichever the adding up meets first
                assertThat(snapshot).isInstanceOf(RuntimeException.class);
              }
            });
    assertThat(rejected.get()).as("events rejected over all examples").isPositive();
  }
}
