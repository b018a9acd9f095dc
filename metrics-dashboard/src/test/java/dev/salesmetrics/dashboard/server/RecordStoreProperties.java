package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The live figures after any sequence of batches, with records replaced, records outside the
 * range and snapshots taken in between, equal a batch {@link Query} over the latest version of
 * every record (a plain map by id), with the catalogue metrics.
 */
class RecordStoreProperties {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant FROM = Instant.parse("2024-10-01T00:00:00Z");
  private static final long SPAN_SECONDS = 200L * 86_400;
  private static final ImmutableList<Metric<?, ?>> OVERALL =
      ImmutableList.of(
          Metrics.WIN_RATE,
          Metrics.SALES_VOLUME,
          Metrics.AVERAGE_DEAL_SIZE,
          Metrics.SALES_CYCLE,
          Metrics.PIPELINE_VALUE,
          Metrics.PIPELINE_COVERAGE,
          Metrics.REVENUE);
  private static final ImmutableList<Metric<?, ?>> PER_REP =
      ImmutableList.of(Metrics.WIN_RATE, Metrics.DEALS_WON);
  private static final List<Currency> CURRENCIES =
      List.of(Currency.getInstance("USD"), Currency.getInstance("JPY"),
          Currency.getInstance("BHD"));

  @Test
  void liveFiguresEqualABatchQueryOverTheLatestRecords() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(0, 300), integers().between(1, 40))
        .checkAssert(
            (seed, n, idPool) -> {
              SplittableRandom rnd = new SplittableRandom(seed);
              Currency currency = CURRENCIES.get(rnd.nextInt(CURRENCIES.size()));
              List<Quota> quotas = quotas(rnd, currency);
              Dataset history =
                  new Dataset(List.of(), quotas, List.of(), List.of(), List.of(), List.of(),
                      List.of(), List.of());
              RecordStore store =
                  new RecordStore(
                      history,
                      Granularity.MONTH,
                      NEW_YORK,
                      List.of(
                          new Scope(ImmutableList.of(), OVERALL),
                          new Scope(ImmutableList.of("rep"), PER_REP)),
                      1 + rnd.nextInt(64)); // rebuilds in parallel chunks from that size
              Map<String, SalesRecord> latest = new LinkedHashMap<>();
              int done = 0;
              long seq = 0;
              while (done < n) {
                int size = Math.min(n - done, 1 + rnd.nextInt(8));
                List<SalesRecord> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                  SalesRecord r = record(rnd, idPool, currency);
                  batch.add(r);
                  latest.put(key(r), r);
                }
                var unused = store.apply(batch, ++seq);
                done += size;
                if (rnd.nextInt(4) == 0) {
                  var ignored = store.snapshot();
                }
              }
              RecordStore.Snapshot s = store.snapshot();
              assertThat(s.applied()).isEqualTo(seq);
              List<SalesRecord> all = new ArrayList<>(quotas);
              all.addAll(latest.values());
              check(s, all);
            });
  }

  /** Batches applied while another thread takes snapshots end with the batch figures. */
  @Test
  void snapshotsDuringConcurrentBatchesEndEqualToTheBatchQuery() throws Exception {
    SplittableRandom rnd = new SplittableRandom(20261127);
    Currency usd = Currency.getInstance("USD");
    List<Quota> quotas = quotas(rnd, usd);
    RecordStore store =
        new RecordStore(
            new Dataset(List.of(), quotas, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()),
            Granularity.MONTH,
            NEW_YORK,
            List.of(new Scope(ImmutableList.of(), OVERALL),
                new Scope(ImmutableList.of("rep"), PER_REP)),
            256);
    List<List<SalesRecord>> batches = new ArrayList<>();
    Map<String, SalesRecord> latest = new LinkedHashMap<>();
    for (int b = 0; b < 400; b++) {
      List<SalesRecord> batch = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        SalesRecord r = record(rnd, 300, usd);
        batch.add(r);
        latest.put(key(r), r);
      }
      batches.add(batch);
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                long seq = 0;
                for (List<SalesRecord> batch : batches) {
                  var unused = store.apply(batch, ++seq);
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    writer.start();
    int snapshots = 0;
    while (writer.isAlive()) {
      var unused = store.snapshot();
      snapshots++;
    }
    writer.join();
    assertThat(failure.get()).isNull();
    assertThat(snapshots).isPositive();
    List<SalesRecord> all = new ArrayList<>(quotas);
    all.addAll(latest.values());
    check(store.snapshot(), all);
  }

  private static void check(RecordStore.Snapshot s, List<SalesRecord> all) {
    Instant[] span = new Instant[2];
    for (SalesRecord r : all) {
      RecordStore.forEachInstant(
          r,
          t -> {
            if (span[0] == null || t.isBefore(span[0])) {
              span[0] = t;
            }
            if (span[1] == null || t.isAfter(span[1])) {
              span[1] = t;
            }
          });
    }
    if (span[0] == null) {
      assertThat(s.tables()).isEmpty();
      assertThat(s.current()).isEmpty();
      return;
    }
    List<Period> range =
        Period.covering(
            Period.containing(span[0], Granularity.MONTH, NEW_YORK).start(),
            Period.containing(span[1], Granularity.MONTH, NEW_YORK).end(),
            Granularity.MONTH,
            NEW_YORK);
    Dimension month = Dimension.month(NEW_YORK);
    MetricTable overall =
        Query.of(all).groupBy(month).metrics(OVERALL).periods(range).run();
    MetricTable perRep =
        Query.of(all).groupBy(month, Dimension.REP).metrics(PER_REP).periods(range).run();
    assertThat(s.tables()).containsExactly(overall, perRep);
    assertThat(s.current()).contains(Period.containing(span[1], Granularity.MONTH, NEW_YORK));
  }

  private static String key(SalesRecord r) {
    return r instanceof Deal d ? "deal " + d.id() : "order " + ((Order) r).id();
  }

  private static List<Quota> quotas(SplittableRandom rnd, Currency currency) {
    List<Quota> out = new ArrayList<>();
    for (Period p :
        Period.covering(FROM, FROM.plusSeconds(SPAN_SECONDS), Granularity.MONTH, NEW_YORK)) {
      for (String rep : List.of("R1", "R2", "R3")) {
        if (rnd.nextBoolean()) {
          out.add(new Quota(rep, p, money(rnd, currency, 1_000_000)));
        }
      }
    }
    return out;
  }

  private static SalesRecord record(SplittableRandom rnd, int idPool, Currency currency) {
    Instant created = FROM.plusSeconds(rnd.nextLong(SPAN_SECONDS)).plusNanos(rnd.nextInt(1_000_000_000));
    if (rnd.nextInt(5) == 0) {
      return new Order(
          "O" + rnd.nextInt(idPool),
          "C" + rnd.nextInt(10),
          created,
          money(rnd, currency, 100_000),
          rnd.nextInt(10) == 0 ? OrderStatus.REFUNDED : OrderStatus.PAID,
          "R" + (1 + rnd.nextInt(3)),
          List.of());
    }
    Deal.Builder b =
        Deal.builder(
            "D" + rnd.nextInt(idPool),
            "R" + (1 + rnd.nextInt(3)),
            money(rnd, currency, 500_000),
            created);
    int status = rnd.nextInt(3);
    Instant closed = created.plusSeconds(rnd.nextLong(60L * 86_400)).plusMillis(rnd.nextInt(1000));
    if (status == 1) {
      b.won(closed);
    } else if (status == 2) {
      b.lost(closed);
    }
    if (rnd.nextBoolean()) {
      b.stage(List.of("lead", "qualified", "proposal", "negotiation").get(rnd.nextInt(4)));
    }
    return b.build();
  }

  private static Money money(SplittableRandom rnd, Currency currency, long maxMajor) {
    long minor = rnd.nextLong(maxMajor * (long) Math.pow(10, currency.getDefaultFractionDigits()));
    return new Money(minor, currency);
  }
}
