package dev.salesmetrics.benchmarks;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.dashboard.Report;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTML report of issue 12 on generated deals, after loading (the data set is built in the
 * setup): {@code report} computes every figure of the default page and writes its HTML.
 *
 * <p>Baselines in the same run: {@code baselineQuery} is one plain {@link Query} of the report's
 * main deal metrics (sales volume, win rate, average deal size, sales cycle, pipeline value,
 * pipeline coverage, quota attainment, stage conversion) per month over the same 12 months, on
 * one thread; {@code baselineQueryParallel} the same with {@link Query#runParallel()} (the report
 * runs its queries that way).
 *
 * <p>Data ({@link #deals(int)}): 200 reps in 5 teams, deals created uniformly over 2024-2025
 * (UTC) with a stage history lead → qualified → proposal → negotiation (each stage 1 to 20 days
 * after the one before, 1 to 4 stages reached before 2026), then 30% won, 50% lost and the rest
 * open (a deal whose close would fall in 2026 stays open),
 * amounts 0.01 to 50,000.00 USD, seed 20261129; a monthly quota of 100,000.00 USD per rep.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class ReportBenchmark {
  static final long SEED = 20261129L;
  static final int REPS = 200;
  static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  static final LocalDate END = LocalDate.of(2026, 1, 1);

  @Param({"1000000"})
  int deals;

  private Dataset data;
  private List<SalesRecord> dealsAndQuotas;

  @Setup(Level.Trial)
  public void setUp() {
    data = dataset(deals);
    dealsAndQuotas = new ArrayList<>(data.deals());
    dealsAndQuotas.addAll(data.quotas());
    String html = report();
    if (!html.contains("2025-12 at a glance") || !html.contains("chart-funnel")) {
      throw new IllegalStateException("the report lacks its panels");
    }
    MetricTable t = baselineQuery();
    if (t.size() != 12) {
      throw new IllegalStateException("the baseline has " + t.size() + " months, not 12");
    }
  }

  /** Every figure of the default page and its HTML. */
  @Benchmark
  public String report() {
    return Report.builder(data).build().html();
  }

  /** The report's main deal metrics per month in one plain query, on one thread. */
  @Benchmark
  public MetricTable baselineQuery() {
    return baseline().run();
  }

  /** The same query in parallel. */
  @Benchmark
  public MetricTable baselineQueryParallel() {
    return baseline().runParallel();
  }

  private Query baseline() {
    return Query.of(dealsAndQuotas)
        .groupBy(Dimension.month(ZoneOffset.UTC))
        .metrics(
            Metrics.SALES_VOLUME,
            Metrics.WIN_RATE,
            Metrics.AVERAGE_DEAL_SIZE,
            Metrics.SALES_CYCLE,
            Metrics.PIPELINE_VALUE,
            Metrics.PIPELINE_COVERAGE,
            Metrics.QUOTA_ATTAINMENT,
            Metrics.STAGE_CONVERSION)
        .periods(LocalDate.of(2025, 1, 1), END);
  }

  /** The generated data set: reps, quotas and {@code n} deals. */
  static Dataset dataset(int n) {
    List<Rep> reps = new ArrayList<>();
    List<Quota> quotas = new ArrayList<>();
    for (int i = 0; i < REPS; i++) {
      String id = String.format(Locale.ROOT, "R%03d", i);
      reps.add(new Rep(id, "Rep " + i, "Team " + (i % 5), null, null));
      for (LocalDate m = FIRST; m.isBefore(END); m = m.plusMonths(1)) {
        quotas.add(
            new Quota(id, Period.of(m, Granularity.MONTH, ZoneOffset.UTC),
                Money.ofMinor(10_000_000L, "USD")));
      }
    }
    return new Dataset(reps, quotas, List.of(), deals(n), List.of(), List.of(), List.of(),
        List.of());
  }

  /** {@code n} deals with stage histories, from a fixed seed. */
  static List<Deal> deals(int n) {
    String[] stages = {"lead", "qualified", "proposal", "negotiation"};
    SplittableRandom rnd = new SplittableRandom(SEED);
    long start = FIRST.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long end = END.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    List<Deal> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long t = start + rnd.nextLong(end - start);
      Deal.Builder b =
          Deal.builder(
              "D" + i,
              String.format(Locale.ROOT, "R%03d", rnd.nextInt(REPS)),
              Money.ofMinor(1 + rnd.nextLong(5_000_000), "USD"),
              Instant.ofEpochSecond(t));
      int planned = 1 + rnd.nextInt(stages.length);
      int reached = 0;
      while (reached < planned && t < end) { // nothing happens from 2026 on
        b.addStage(stages[reached++], Instant.ofEpochSecond(t));
        t += 86_400L * (1 + rnd.nextInt(20));
      }
      int fate = rnd.nextInt(10);
      Instant close = Instant.ofEpochSecond(t);
      // the first stage is entered at creation, before the end, so reached >= 1
      if (t < end && fate < 3) {
        b.addStage("won", close).won(close);
      } else if (t < end && fate < 8) {
        b.addStage("lost", close).lost(close);
      } else {
        b.stage(stages[reached - 1]);
      }
      out.add(b.build());
    }
    return out;
  }
}
