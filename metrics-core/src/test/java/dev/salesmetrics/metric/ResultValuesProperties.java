package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResultValuesProperties {

  @Test
  void ratioPlusIsCommutativeAssociativeWithEmptyIdentity() {
    qt().forAll(longs().between(0, 1_000_000), longs().between(0, 1_000_000),
            longs().between(0, 1_000_000))
        .checkAssert(
            (a, b, c) -> {
              Ratio x = Ratio.of(a, a + b);
              Ratio y = Ratio.of(b, b + c);
              Ratio z = Ratio.of(c, a + c);
              assertThat(x.plus(y)).isEqualTo(y.plus(x));
              assertThat(x.plus(y).plus(z)).isEqualTo(x.plus(y.plus(z)));
              assertThat(x.plus(Ratio.empty())).isEqualTo(x);
              x.value().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
            });
  }

  @Test
  void wilsonIntervalContainsThePointEstimateAndLiesInUnitInterval() {
    qt().forAll(integers().between(1, 10_000), integers().between(0, 10_000),
            integers().between(50, 99))
        .checkAssert(
            (n, k, confidence) -> {
              int successes = Math.min(k, n);
              Ratio r = Ratio.of(successes, n);
              Interval i = r.wilson(confidence / 100.0);
              double p = r.value().getAsDouble();
              assertThat(i.low().getAsDouble()).isBetween(0.0, p + 1e-12);
              assertThat(i.high().getAsDouble()).isBetween(p - 1e-12, 1.0);
            });
  }

  @Test
  void moneyStatsSplitAndMergeEqualsWhole() {
    qt().forAll(lists().of(longs().between(-1_000_000_000L, 1_000_000_000L)).ofSizeBetween(0, 60),
            integers().between(0, 60))
        .checkAssert(
            (minors, cut) -> {
              int at = Math.min(cut, minors.size());
              List<Money> amounts = new ArrayList<>();
              for (long m : minors) {
                amounts.add(Money.ofMinor(m, "USD"));
              }
              MoneyStats whole = MoneyStats.of(amounts);
              MoneyStats merged =
                  MoneyStats.of(amounts.subList(0, at))
                      .plus(MoneyStats.of(amounts.subList(at, amounts.size())));
              assertThat(merged).isEqualTo(whole);
              List<Money> shuffled = new ArrayList<>(amounts);
              Collections.shuffle(shuffled, new Random(cut));
              assertThat(MoneyStats.of(shuffled)).isEqualTo(whole);
              long sum = 0;
              for (long m : minors) {
                sum += m;
              }
              assertThat(whole.count()).isEqualTo(minors.size());
              if (!minors.isEmpty()) {
                assertThat(whole.sum().orElseThrow().minorUnits()).isEqualTo(sum);
                // HALF_EVEN mean is within half a minor unit of the exact mean
                double exactMean = (double) sum / minors.size();
                assertThat((double) whole.mean().orElseThrow().minorUnits())
                    .isCloseTo(exactMean, within(0.5 + 1e-6));
              }
            });
  }

  @Test
  void durationStatsAgreeWithAPlainReference() {
    qt().forAll(lists().of(longs().between(0, 400L * 86_400_000L)).ofSizeBetween(0, 50),
            integers().between(0, 50))
        .checkAssert(
            (millis, cut) -> {
              List<Duration> durations = new ArrayList<>();
              for (long m : millis) {
                durations.add(Duration.ofMillis(m));
              }
              int at = Math.min(cut, durations.size());
              DurationStats whole = DurationStats.of(durations);
              assertThat(DurationStats.of(durations.subList(0, at))
                      .plus(DurationStats.of(durations.subList(at, durations.size()))))
                  .isEqualTo(whole);
              if (millis.isEmpty()) {
                assertThat(whole.medianDays()).isEmpty();
                return;
              }
              List<Long> sorted = new ArrayList<>(millis);
              Collections.sort(sorted);
              assertThat(whole.medianDays().getAsDouble())
                  .isCloseTo(type7(sorted, 0.5) / 86_400_000.0, within(1e-9));
              assertThat(whole.p90Days().getAsDouble())
                  .isCloseTo(type7(sorted, 0.9) / 86_400_000.0, within(1e-9));
              assertThat(whole.minDays().getAsDouble()).isEqualTo(sorted.get(0) / 86_400_000.0);
            });
  }

  /** R type 7: h = (n - 1) p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). */
  private static double type7(List<Long> sorted, double p) {
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }
}
