package dev.salesmetrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link LiveViewMetrics}: registry values equal the live view's, rows come and go. */
class LiveViewMetricsTest {
  private static final Instant MARCH = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant APRIL = Instant.parse("2025-04-01T00:00:00Z");

  private static Deal won(String id, String rep, String amount, Instant created, Duration cycle) {
    return Deal.builder(id, rep, Money.of(amount, "USD"), created).won(created.plus(cycle)).build();
  }

  private static Deal lost(String id, String rep, Instant created, Duration cycle) {
    return Deal.builder(id, rep, Money.of("10.00", "USD"), created).lost(created.plus(cycle))
        .build();
  }

  private static LiveView byRep() {
    return LiveView.builder()
        .groupBy(Dimension.REP)
        .metrics(
            Metrics.WIN_RATE,
            Metrics.DEALS_WON,
            Metrics.SALES_VOLUME,
            Metrics.AVERAGE_DEAL_SIZE,
            Metrics.SALES_CYCLE)
        .build();
  }

  private static LiveView countersByRep() {
    return LiveView.builder()
        .groupBy(Dimension.REP)
        .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE)
        .build();
  }

  /** Every meter's value, and never NaN or infinite. */
  private static void assertAllFinite(SimpleMeterRegistry registry) {
    for (Meter m : registry.getMeters()) {
      for (Measurement x : m.measure()) {
        assertThat(Double.isFinite(x.getValue())).as(m.getId() + " " + x).isTrue();
      }
    }
  }

  /** Checks that every defined value of the snapshot is in the registry, and nothing else. */
  private static void assertRegistryMatches(MetricTable table, SimpleMeterRegistry registry) {
    int winRates = 0;
    int volumes = 0;
    int cycles = 0;
    int moneyStats = 0;
    for (MetricTable.Row row : table.rows()) {
      String rep = row.key().get("rep").orElseThrow();
      Ratio wr = (Ratio) row.value("win_rate").orElseThrow();
      Gauge g = registry.find("salesmetrics.win.rate").tags("rep", rep).gauge();
      if (wr.isDefined()) {
        winRates++;
        assertThat(g).as("win rate of " + rep).isNotNull();
        assertThat(g.value()).isEqualTo(wr.value().getAsDouble());
      } else {
        assertThat(g).as("undefined win rate of " + rep).isNull();
      }
      boolean all = row.values().containsKey("deals_won");
      if (all) {
        Count won = (Count) row.value("deals_won").orElseThrow();
        FunctionCounter c = registry.find("salesmetrics.deals.won").tags("rep", rep)
            .functionCounter();
        assertThat(c.count()).isEqualTo((double) won.value());
        Amount volume = (Amount) row.value("sales_volume").orElseThrow();
        Gauge v = registry.find("salesmetrics.sales.volume").tags("rep", rep, "currency", "USD")
            .gauge();
        if (volume.value().isPresent()) {
          volumes++;
          assertThat(v.value()).isEqualTo(volume.value().get().toBigDecimal().doubleValue());
        } else {
          assertThat(v).isNull();
        }
      }
      String statsId = "average_deal_size";
      String statsName = "salesmetrics." + statsId.replace('_', '.');
      MoneyStats size = (MoneyStats) row.value(statsId).orElseThrow();
      for (String stat : List.of("mean", "sum", "min", "max")) {
        Gauge g2 = registry.find(statsName).tags("rep", rep, "statistic", stat).gauge();
        if (size.count() > 0) {
          moneyStats++;
          Money expected =
              switch (stat) {
                case "mean" -> size.mean().orElseThrow();
                case "sum" -> size.sum().orElseThrow();
                case "min" -> size.min().orElseThrow();
                default -> size.max().orElseThrow();
              };
          assertThat(g2.value()).as(stat).isEqualTo(expected.toBigDecimal().doubleValue());
          assertThat(g2.getId().getTag("currency")).isEqualTo("USD");
        } else {
          assertThat(g2).isNull();
        }
      }
      if (size.count() > 0) {
        assertThat(registry.find(statsName + ".samples").tags("rep", rep).functionCounter().count())
            .isEqualTo((double) size.count());
      }
      if (!all) {
        continue;
      }
      DurationStats cycle = (DurationStats) row.value("sales_cycle").orElseThrow();
      TimeGauge p90 = registry.find("salesmetrics.sales.cycle")
          .tags("rep", rep, "statistic", "p90").timeGauge();
      if (cycle.count() > 0) {
        cycles++;
        assertThat(p90.value(TimeUnit.DAYS))
            .isCloseTo(cycle.p90Days().getAsDouble(), within(1e-9));
      } else {
        assertThat(p90).isNull();
      }
    }
    assertThat(registry.find("salesmetrics.win.rate").gauges()).hasSize(winRates);
    boolean all = table.metricIds().contains("deals_won");
    assertThat(registry.find("salesmetrics.deals.won").functionCounters())
        .hasSize(all ? table.size() : 0);
    assertThat(registry.find("salesmetrics.sales.volume").gauges()).hasSize(volumes);
    assertThat(registry.find("salesmetrics.sales.cycle").timeGauges()).hasSize(cycles * 3);
    assertThat(registry.find("salesmetrics.average.deal.size").gauges()).hasSize(moneyStats);
    assertAllFinite(registry);
  }

  @Test
  void registryValuesEqualTheLiveViewAfterConcurrentEvents() throws Exception {
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      int threads = 1 + random.nextInt(4);
      int perThread = random.nextInt(300);
      // even seeds: the lock-free counter path; odd: the striped accumulators
      LiveView live = seed % 2 == 0 ? countersByRep() : byRep();
      LiveViewMetrics metrics = LiveViewMetrics.builder(live).build();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      metrics.bindTo(registry);
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long threadSeed = seed * 31 + t;
        int thread = t;
        Thread w =
            new Thread(
                () -> {
                  Random r = new Random(threadSeed);
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  for (int i = 0; i < perThread; i++) {
                    String rep = "R" + r.nextInt(6);
                    Instant created = MARCH.plus(Duration.ofMinutes(r.nextInt(40_000)));
                    Duration cycle = Duration.ofSeconds(1 + r.nextInt(5_000_000));
                    String id = "D" + thread + "-" + i;
                    live.record(
                        r.nextInt(3) == 0
                            ? lost(id, rep, created, cycle)
                            : won(id, rep, (1 + r.nextInt(99_999)) + "." + r.nextInt(10) + "0",
                                created, cycle));
                    if (i % 50 == 0) {
                      metrics.refresh(); // refreshing while writers write is safe
                    }
                  }
                });
        writers.add(w);
        w.start();
      }
      start.countDown();
      for (Thread w : writers) {
        w.join();
      }
      metrics.refresh();
      MetricTable table = live.snapshot();
      assertThat(table.size() > 0).isEqualTo(perThread > 0);
      assertThat(live.isCounterPath()).isEqualTo(seed % 2 == 0);
      assertRegistryMatches(table, registry);
    }
  }

  @Test
  void vanishedGroupsLoseTheirRows() {
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE, Metrics.DEALS_WON)
            .retainPeriods(1)
            .build();
    LiveViewMetrics metrics = LiveViewMetrics.builder(live).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    live.record(won("D1", "R1", "100.00", MARCH, Duration.ofDays(3)));
    live.record(lost("D2", "R2", MARCH, Duration.ofDays(3)));
    metrics.bindTo(registry);
    assertThat(registry.find("salesmetrics.win.rate").gauges()).hasSize(2);
    assertThat(registry.find("salesmetrics.win.rate").tags("rep", "R2", "period", "2025-03")
        .gauge().value()).isZero();

    live.record(won("D3", "R1", "50.00", APRIL, Duration.ofDays(1)));
    metrics.refresh();

    assertThat(registry.find("salesmetrics.win.rate").gauges())
        .singleElement()
        .satisfies(g -> assertThat(g.getId().getTags())
            .containsExactlyInAnyOrderElementsOf(Tags.of("rep", "R1", "period", "2025-04")));
    assertThat(registry.find("salesmetrics.deals.won").tags("rep", "R2").functionCounters())
        .isEmpty();
    assertThat(registry.find("salesmetrics.deals.won").functionCounters()).hasSize(1);
  }

  /**
   * Over a supplier of tables, such as a live server whose views are rebuilt when a record is
   * replaced: each refresh exports the table the supplier gives then.
   */
  @Test
  void aSupplierOfTablesIsExportedAsAView() {
    LiveView first = byRep();
    first.record(won("D1", "R1", "100.00", MARCH, Duration.ofDays(3)));
    first.record(lost("D2", "R1", MARCH, Duration.ofDays(3)));
    java.util.concurrent.atomic.AtomicReference<LiveView> current =
        new java.util.concurrent.atomic.AtomicReference<>(first);
    LiveViewMetrics metrics = LiveViewMetrics.builder(() -> current.get().snapshot()).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    assertThat(registry.get("salesmetrics.win.rate").tags("rep", "R1").gauge().value())
        .isEqualTo(0.5);
    // D2 replaced by a won deal: a view rebuilt from the records, R2 new
    LiveView rebuilt = byRep();
    rebuilt.record(won("D1", "R1", "100.00", MARCH, Duration.ofDays(3)));
    rebuilt.record(won("D2", "R1", "10.00", MARCH, Duration.ofDays(3)));
    rebuilt.record(lost("D3", "R2", MARCH, Duration.ofDays(1)));
    current.set(rebuilt);
    metrics.refresh();
    assertThat(registry.get("salesmetrics.win.rate").tags("rep", "R1").gauge().value())
        .isEqualTo(1.0);
    assertThat(registry.get("salesmetrics.win.rate").tags("rep", "R2").gauge().value())
        .isZero();
    assertThat(registry.get("salesmetrics.deals.won").tags("rep", "R1").functionCounter().count())
        .isEqualTo(2.0);
    assertThat(metrics.toString()).isEqualTo("LiveViewMetrics[tables, 1 registry]");
    LiveViewMetrics nothing = LiveViewMetrics.builder(() -> null).build();
    assertThatThrownBy(() -> nothing.bindTo(new SimpleMeterRegistry()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the snapshot supplier gave null");
  }

  @Test
  void onlyTheLatestPeriodUnlessAllPeriods() {
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.DEALS_WON)
            .build();
    live.record(won("D1", "R1", "100.00", MARCH, Duration.ofDays(3)));
    live.record(won("D2", "R2", "100.00", APRIL, Duration.ofDays(3)));
    SimpleMeterRegistry latest = new SimpleMeterRegistry();
    LiveViewMetrics.builder(live).build().bindTo(latest);
    SimpleMeterRegistry all = new SimpleMeterRegistry();
    LiveViewMetrics.builder(live).allPeriods().build().bindTo(all);

    assertThat(latest.find("salesmetrics.deals.won").functionCounters())
        .singleElement()
        .satisfies(c -> assertThat(c.getId().getTag("rep")).isEqualTo("R2"));
    assertThat(all.find("salesmetrics.deals.won").functionCounters()).hasSize(2);
  }

  @Test
  void undefinedValuesAreAbsentNeverZeroOrNaN() {
    LiveView live = byRep();
    LiveViewMetrics metrics = LiveViewMetrics.builder(live).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    // R3 has only a lost deal: win rate 0/1 is a true 0, but no money was won, no cycle of won
    // deals... sales volume and average deal size are undefined
    live.record(lost("D1", "R3", MARCH, Duration.ofDays(2)));
    metrics.refresh();

    assertThat(registry.find("salesmetrics.win.rate").tags("rep", "R3").gauge().value()).isZero();
    assertThat(registry.find("salesmetrics.deals.won").tags("rep", "R3").functionCounter().count())
        .isZero();
    assertThat(registry.find("salesmetrics.sales.volume").gauges()).isEmpty();
    assertThat(registry.find("salesmetrics.average.deal.size").gauges()).isEmpty();
    assertAllFinite(registry);
    assertRegistryMatches(live.snapshot(), registry);

    live.record(won("D2", "R3", "250.00", MARCH, Duration.ofDays(4)));
    metrics.refresh();
    assertThat(registry.find("salesmetrics.sales.volume").tags("rep", "R3", "currency", "USD")
        .gauge().value()).isEqualTo(250.0);
    assertRegistryMatches(live.snapshot(), registry);
  }

  @Test
  void cardinalityGuardKeepsTheExportedGroupsAndCountsTheRest() {
    LiveView live =
        LiveView.builder().groupBy(Dimension.REP).metrics(Metrics.DEALS_WON).build();
    RecordingLogger log = new RecordingLogger();
    LiveViewMetrics metrics =
        LiveViewMetrics.builder(live).maxGroupsPerMetric(2).logger(log).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    live.record(won("D1", "R5", "1.00", MARCH, Duration.ofDays(1)));
    live.record(won("D2", "R7", "1.00", MARCH, Duration.ofDays(1)));
    metrics.bindTo(registry);
    // R1 sorts first, but R5 and R7 keep their places
    live.record(won("D3", "R1", "1.00", MARCH, Duration.ofDays(1)));
    live.record(won("D4", "R9", "1.00", MARCH, Duration.ofDays(1)));
    metrics.refresh();
    metrics.refresh();

    List<String> reps = new ArrayList<>();
    registry.find("salesmetrics.deals.won").functionCounters()
        .forEach(c -> reps.add(c.getId().getTag("rep")));
    assertThat(reps).containsExactlyInAnyOrder("R5", "R7");
    assertThat(metrics.omittedGroups()).isEqualTo(2);
    assertThat(log.lines())
        .containsExactly(
            "WARNING metric deals_won has 4 groups, more than the maximum of 2 exported per"
                + " metric; 2 are left out (LiveViewMetrics.omittedGroups())");
  }

  @Test
  void aPrometheusScrapeShowsTheFigures() {
    LiveView live = byRep();
    live.record(won("D1", "R1", "100.00", MARCH, Duration.ofDays(10)));
    live.record(lost("D2", "R1", MARCH, Duration.ofDays(20)));
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LiveViewMetrics metrics =
        LiveViewMetrics.builder(live).tags(Tags.of("application", "shop")).build();
    metrics.bindTo(prometheus);

    metrics.refresh(); // before each scrape
    String text = prometheus.scrape();

    assertThat(text.lines())
        .contains(
            "salesmetrics_win_rate_ratio{application=\"shop\",rep=\"R1\"} 0.5",
            "salesmetrics_deals_won_total{application=\"shop\",rep=\"R1\"} 1.0",
            "salesmetrics_sales_volume_usd{application=\"shop\",currency=\"USD\",rep=\"R1\"} 100.0",
            "salesmetrics_average_deal_size_usd{application=\"shop\",currency=\"USD\",rep=\"R1\","
                + "statistic=\"mean\"} 100.0",
            "salesmetrics_average_deal_size_samples_total{application=\"shop\",rep=\"R1\"} 1.0",
            "salesmetrics_sales_cycle_seconds{application=\"shop\",rep=\"R1\",statistic=\"mean\"}"
                + " 864000.0");
    assertThat(text).doesNotContain("NaN");
  }

  @Test
  void builderChecksItsArguments() {
    LiveViewMetrics.Builder b = LiveViewMetrics.builder(byRep());
    assertThatThrownBy(() -> b.maxGroupsPerMetric(0))
        .hasMessage("max groups per metric must be >= 1: 0");
    assertThatThrownBy(() -> b.prefix("Sales_Metrics"))
        .hasMessage("prefix must be lowercase dot-separated words: \"Sales_Metrics\"");
    LiveView live = byRep();
    live.record(won("D1", "R1", "1.00", MARCH, Duration.ofDays(1)));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LiveViewMetrics.builder(live).prefix("sales.team").build().bindTo(registry);
    assertThat(registry.find("sales.team.win.rate").gauges()).hasSize(1);
    SimpleMeterRegistry bare = new SimpleMeterRegistry();
    LiveViewMetrics none = LiveViewMetrics.builder(live).prefix("").build();
    none.bindTo(bare);
    assertThat(bare.find("win.rate").gauges()).hasSize(1);
    assertThat(none.toString()).startsWith("LiveViewMetrics[LiveView[").endsWith(", 1 registry]");
  }
}
