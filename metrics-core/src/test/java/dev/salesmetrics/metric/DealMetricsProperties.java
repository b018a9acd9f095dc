package dev.salesmetrics.metric;

import static dev.salesmetrics.testing.MoneyRatios.assertMoneyRatio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.testing.DealGenerators;
import dev.salesmetrics.testing.DealReference;
import dev.salesmetrics.testing.DealReference.Counts;
import dev.salesmetrics.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/** Properties of the deal metrics over random deals, quotas and reps. */
class DealMetricsProperties {
  private static final long SEED = 20_240_301L;

  private static final List<Metric<?, ?>> METRICS =
      List.of(
          Metrics.DEALS_WON,
          Metrics.SALES_VOLUME,
          Metrics.WIN_RATE,
          Metrics.WIN_RATE_ALL_CREATED,
          Metrics.AVERAGE_DEAL_SIZE,
          Metrics.SALES_CYCLE,
          Metrics.PIPELINE_VALUE,
          Metrics.WEIGHTED_PIPELINE,
          Metrics.PIPELINE_COVERAGE,
          Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA,
          Metrics.SALES_VELOCITY,
          Metrics.STAGE_CONVERSION,
          Metrics.QUOTA_ATTAINMENT,
          Metrics.REP_RAMP_TIME);

  private static QuickTheory theory() {
    return qt().withFixedSeed(SEED).withExamples(300);
  }

  /** Computes {@code metric} over the records of its type, in the given order. */
  private static <T, R extends MetricValue> R run(
      Metric<T, R> metric, List<? extends SalesRecord> records, Window window) {
    MetricAccumulator<T, R> acc = metric.accumulator(window);
    for (SalesRecord r : records) {
      if (metric.recordType().isInstance(r)) {
        acc.add(metric.recordType().cast(r));
      }
    }
    return acc.result();
  }

  /** Computes {@code metric} over two parts merged. */
  private static <T, R extends MetricValue> R runSplit(
      Metric<T, R> metric, List<? extends SalesRecord> records, int cut, Window window) {
    MetricAccumulator<T, R> left = metric.accumulator(window);
    MetricAccumulator<T, R> right = metric.accumulator(window);
    for (int i = 0; i < records.size(); i++) {
      SalesRecord r = records.get(i);
      if (metric.recordType().isInstance(r)) {
        (i < cut ? left : right).add(metric.recordType().cast(r));
      }
    }
    R before = right.result();
    left.merge(right);
    assertThat(right.result()).as("merge must not change the other side").isEqualTo(before);
    return left.result();
  }

  private static Ratio ratio(Counts counts) {
    return Ratio.of(counts.top(), counts.bottom());
  }

  private static Amount amount(long minor, long n) {
    return Amount.of(Money.ofMinor(minor, "USD"), n);
  }

  @Test
  void splitAtAnyPointThenMergeEqualsWhole() {
    theory()
        .forAll(DealGenerators.records(), integers().between(0, 60), DealGenerators.periods())
        .checkAssert(
            (records, cut, period) -> {
              for (Metric<?, ?> metric : METRICS) {
                Window window = Window.of(period);
                assertThat(
                        (Object) runSplit(metric, records, Math.min(cut, records.size()), window))
                    .as(metric.id())
                    .isEqualTo(run(metric, records, window));
              }
            });
  }

  @Test
  void independentOfInputOrder() {
    theory()
        .forAll(DealGenerators.records(), longs().all(), DealGenerators.periods())
        .checkAssert(
            (records, seed, period) -> {
              List<SalesRecord> shuffled = new ArrayList<>(records);
              Collections.shuffle(shuffled, new Random(seed));
              for (Metric<?, ?> metric : METRICS) {
                Window window = Window.of(period);
                assertThat((Object) run(metric, shuffled, window))
                    .as(metric.id())
                    .isEqualTo(run(metric, records, window));
              }
            });
  }

  @Test
  void asOfAfterEveryEventEqualsThePlainResult() {
    theory()
        .forAll(DealGenerators.records(), DealGenerators.periods())
        .checkAssert(
            (records, period) -> {
              for (Metric<?, ?> metric : METRICS) {
                Window window = Window.of(period);
                assertThat((Object) run(metric, records, window.asOf(DealGenerators.AFTER_ALL)))
                    .as(metric.id())
                    .isEqualTo(run(metric, records, window));
              }
            });
  }

  @Test
  void ratiosAreInZeroOneWhereBounded() {
    theory()
        .forAll(DealGenerators.records(), DealGenerators.periods())
        .checkAssert(
            (records, period) -> {
              Window window = Window.of(period);
              List<Ratio> ratios = new ArrayList<>();
              ratios.add(run(Metrics.WIN_RATE, records, window));
              ratios.add(run(Metrics.WIN_RATE_ALL_CREATED, records, window));
              StageFunnel funnel = run(Metrics.STAGE_CONVERSION, records, window);
              funnel.steps().forEach(step -> ratios.add(step.ratio()));
              ratios.add(funnel.overall());
              for (Ratio r : ratios) {
                assertThat(r.numerator()).isBetween(0L, r.denominator());
                if (r.isDefined()) {
                  assertThat(r.value().getAsDouble()).isBetween(0.0, 1.0);
                }
              }
            });
  }

  @Test
  void agreesWithThePlainReference() {
    theory()
        .forAll(DealGenerators.records(), DealGenerators.periods())
        .checkAssert(
            (records, period) -> {
              Window w = Window.of(period);
              assertThat(run(Metrics.DEALS_WON, records, w))
                  .isEqualTo(Count.of(DealReference.dealsWon(records, period)));
              long won = DealReference.wonIn(records, period).size();
              assertThat(run(Metrics.SALES_VOLUME, records, w))
                  .isEqualTo(
                      won == 0
                          ? Amount.empty()
                          : amount(DealReference.salesVolumeMinor(records, period), won));
              assertThat(run(Metrics.WIN_RATE, records, w))
                  .isEqualTo(ratio(DealReference.winRate(records, period)));
              assertThat(run(Metrics.WIN_RATE_ALL_CREATED, records, w))
                  .isEqualTo(ratio(DealReference.winRateAllCreated(records, period)));
              OptionalLong average = DealReference.averageDealSizeMinor(records, period);
              assertThat(run(Metrics.AVERAGE_DEAL_SIZE, records, w).mean())
                  .isEqualTo(
                      average.isPresent()
                          ? Optional.of(Money.ofMinor(average.getAsLong(), "USD"))
                          : Optional.empty());
              assertThat(run(Metrics.SALES_CYCLE, records, w))
                  .isEqualTo(DurationStats.of(DealReference.salesCycles(records, period)));
              // deals without an amount add nothing to the money sums and are not in their count
              long open =
                  DealReference.openAtStart(records, period).stream()
                      .filter(Deal::hasAmount)
                      .count();
              assertThat(run(Metrics.PIPELINE_VALUE, records, w))
                  .isEqualTo(
                      open == 0
                          ? Amount.empty()
                          : amount(DealReference.pipelineMinor(records, period), open));
              assertThat(run(Metrics.WEIGHTED_PIPELINE, records, w))
                  .isEqualTo(
                      open == 0
                          ? Amount.empty()
                          : amount(
                              DealReference.weightedPipelineMinor(
                                  records, period, Metrics.DEFAULT_STAGE_PROBABILITIES, 0.10),
                              open));
              long quota = DealReference.quotaMinor(records, Optional.of(period));
              long pipeline = DealReference.pipelineMinor(records, period);
              assertMoneyRatio(
                  run(Metrics.PIPELINE_COVERAGE, records, w), Ratio.of(pipeline, quota), Money.currency("USD"));
              long remaining =
                  quota - DealReference.wonSoFarMinor(records, period, Optional.empty());
              assertMoneyRatio(
                  run(Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA, records, w),
                  Ratio.of(pipeline, Math.max(remaining, 0)),
                  Money.currency("USD"));
              OptionalLong velocity = DealReference.salesVelocityMinor(records, period);
              Amount velocityResult = run(Metrics.SALES_VELOCITY, records, w);
              if (velocity.isPresent()) {
                assertThat(velocityResult)
                    .isEqualTo(
                        amount(
                            velocity.getAsLong(), DealReference.winRate(records, period).bottom()));
              } else {
                assertThat(velocityResult.value()).isEmpty();
              }
              StageFunnel funnel = run(Metrics.STAGE_CONVERSION, records, w);
              List<String> order = Metrics.DEFAULT_STAGE_ORDER;
              for (int i = 0; i + 1 < order.size(); i++) {
                assertThat(funnel.steps().get(i).ratio())
                    .isEqualTo(
                        ratio(
                            DealReference.stageConversion(
                                records, period, order.get(i), order.get(i + 1))));
              }
              assertThat(funnel.overall())
                  .isEqualTo(
                      ratio(
                          DealReference.stageConversion(
                              records, period, order.get(0), order.get(order.size() - 1))));
              assertMoneyRatio(
                  run(Metrics.QUOTA_ATTAINMENT, records, w),
                  Ratio.of(DealReference.salesVolumeMinor(records, period), quota),
                  Money.currency("USD"));
              assertThat(run(Metrics.REP_RAMP_TIME, records, w))
                  .isEqualTo(DurationStats.of(DealReference.rampTimes(records, period)));
            });
  }

  @Test
  void remainingQuotaAgreesWithTheReferenceAsOf() {
    theory()
        .forAll(
            DealGenerators.records(),
            integers().between(0, DealGenerators.SPAN_HOURS),
            DealGenerators.periods())
        .checkAssert(
            (records, hour, period) -> {
              java.time.Instant asOf = DealGenerators.BASE.plusSeconds(3600L * hour);
              List<SalesRecord> known = new ArrayList<>();
              for (SalesRecord r : records) {
                r.asOf(asOf).ifPresent(known::add);
              }
              long quota = DealReference.quotaMinor(known, Optional.of(period));
              long remaining =
                  quota - DealReference.wonSoFarMinor(known, period, Optional.of(asOf));
              assertMoneyRatio(
                  run(
                      Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA,
                      records,
                      Window.of(period).asOf(asOf)),
                  Ratio.of(DealReference.pipelineMinor(known, period), Math.max(remaining, 0)),
                  Money.currency("USD"));
            });
  }

  @Test
  void allTimeMetricsAgreeWithTheReferenceOverAWideSpan() {
    // Window.all() contains every instant: compare with the reference over a period wide enough
    // to contain every generated event.
    Period everything =
        Period.ofInstants(
            DealGenerators.BASE.minusSeconds(86_400L * 400),
            DealGenerators.AFTER_ALL,
            java.time.ZoneOffset.UTC);
    theory()
        .forAll(DealGenerators.records())
        .checkAssert(
            records -> {
              Window all = Window.all();
              assertThat(run(Metrics.WIN_RATE, records, all))
                  .isEqualTo(ratio(DealReference.winRate(records, everything)));
              assertMoneyRatio(
                  run(Metrics.QUOTA_ATTAINMENT, records, all),
                  Ratio.of(
                      DealReference.salesVolumeMinor(records, everything),
                      DealReference.quotaMinor(records, Optional.empty())),
                  Money.currency("USD"));
              assertThat(run(Metrics.REP_RAMP_TIME, records, all))
                  .isEqualTo(DurationStats.of(DealReference.rampTimes(records, everything)));
            });
  }
}
