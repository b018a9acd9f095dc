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
import dev.salesmetrics.model.Deal;
import java.time.ZoneOffset;
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

  /** The lock-free counter path: N deals from K threads, snapshots meanwhile, give the batch. */
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
                      .metrics(ColumnarMetrics.WIN_RATE, ColumnarMetrics.WON_DEAL_AMOUNT)
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
                      .metrics(ColumnarMetrics.WIN_RATE, ColumnarMetrics.WON_DEAL_AMOUNT)
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
                        ? new Metric<?, ?>[] {ColumnarMetrics.WIN_RATE, ColumnarMetrics.WON_DEAL_AMOUNT}
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
}
