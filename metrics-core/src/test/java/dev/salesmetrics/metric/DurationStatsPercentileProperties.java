package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.math.Quantiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Percentiles of {@link DurationStats} equal Guava's {@link Quantiles} (linear interpolation
 * between closest ranks), bit for bit, whatever the data: distinct, few distinct values, all
 * equal (where a selection algorithm degrades), near the {@code long} limits.
 */
class DurationStatsPercentileProperties {
  @Test
  void percentilesEqualGuavasQuantiles() {
    qt().withExamples(300)
        .forAll(longs().all(), integers().between(1, 400), integers().between(0, 3))
        .checkAssert(
            (seed, n, shape) -> {
              SplittableRandom rnd = new SplittableRandom(seed);
              List<Duration> durations = new ArrayList<>();
              double[] reference = new double[n];
              for (int i = 0; i < n; i++) {
                long millis =
                    switch (shape) {
                      case 0 -> rnd.nextLong(0, 400L * 86_400_000);
                      case 1 -> 86_400_000L * rnd.nextInt(1, 4); // whole days, few values
                      case 2 -> 3_600_000L; // all equal
                      default -> Long.MAX_VALUE / 2 - rnd.nextLong(0, 1_000_000);
                    };
                durations.add(Duration.ofMillis(millis));
                reference[i] = millis;
              }
              DurationStats stats = DurationStats.of(durations);
              for (int p = 0; p <= 100; p++) {
                double expected =
                    Quantiles.percentiles().index(p).compute(reference) / DurationStats.MILLIS_PER_DAY;
                assertThat(stats.percentileDays(p)).hasValue(expected);
              }
            });
  }
}
