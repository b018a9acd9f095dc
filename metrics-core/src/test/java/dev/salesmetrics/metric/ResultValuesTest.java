package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultValuesTest {

  @Test
  void ratioKeepsCountsAndIsUndefinedOnZeroDenominator() {
    Ratio r = Ratio.of(5, 12);
    assertThat(r.value().getAsDouble()).isCloseTo(5 / 12.0, within(1e-15));
    assertThat(r).hasToString("41.7% (5/12)");
    assertThat(r.sampleSize()).isEqualTo(12);
    assertThat(Ratio.empty().value()).isEmpty();
    assertThat(Ratio.empty().asDouble()).isEmpty();
    assertThat(Ratio.empty()).hasToString("— (0/0)");
    assertThat(Ratio.of(0, 0).isDefined()).isFalse();
    assertThat(Ratio.of(1, 2).plus(Ratio.of(2, 3))).isEqualTo(Ratio.of(3, 5));
    assertThat(Ratio.of(-150, 1000).value().getAsDouble()).isEqualTo(-0.15);
    assertThatThrownBy(() -> Ratio.of(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("denominator must be >= 0: -1");
    assertThatThrownBy(() -> Ratio.of(Long.MAX_VALUE, 1).plus(Ratio.of(1, 1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void wilsonIntervalMatchesHandComputedValues() {
    // p = 5/12, z = 1.959964: (p + z²/24 ± z·sqrt(p(1-p)/12 + z²/576)) / (1 + z²/12)
    Interval i = Ratio.of(5, 12).wilson(0.95);
    assertThat(i.low().getAsDouble()).isCloseTo(0.193260, within(1e-5));
    assertThat(i.high().getAsDouble()).isCloseTo(0.680489, within(1e-5));
    Interval small = Ratio.of(1, 2).wilson(0.90);
    assertThat(small.low().getAsDouble()).isCloseTo(0.120866, within(1e-5));
    assertThat(small.high().getAsDouble()).isCloseTo(0.879134, within(1e-5));
    Interval none = Ratio.of(0, 10).wilson(0.95);
    assertThat(none.low().getAsDouble()).isCloseTo(0, within(1e-12));
    assertThat(none.high().getAsDouble()).isCloseTo(0.277533, within(1e-5));
    assertThat(Ratio.empty().wilson(0.95).isEmpty()).isTrue();
    assertThatThrownBy(() -> Ratio.of(1, 2).wilson(1.0))
        .hasMessage("confidence must be in (0, 1): 1.0");
    assertThatThrownBy(() -> Ratio.of(3, 2).wilson(0.95))
        .hasMessage("wilson interval needs 0 <= numerator <= denominator: 3/2");
  }

  @Test
  void durationStatsInterpolateLikeRType7() {
    // 1, 2, 3, 4, 10 days: mean 4, median 3, p90 at index 3.6 = 4 + 0.6 × 6 = 7.6
    DurationStats s =
        DurationStats.of(
            List.of(
                Duration.ofDays(10), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(2),
                Duration.ofDays(4)));
    assertThat(s.count()).isEqualTo(5);
    assertThat(s.meanDays().getAsDouble()).isCloseTo(4.0, within(1e-12));
    assertThat(s.medianDays().getAsDouble()).isCloseTo(3.0, within(1e-12));
    assertThat(s.p90Days().getAsDouble()).isCloseTo(7.6, within(1e-12));
    assertThat(s.minDays().getAsDouble()).isEqualTo(1.0);
    assertThat(s.maxDays().getAsDouble()).isEqualTo(10.0);
    assertThat(s.percentileDays(0).getAsDouble()).isEqualTo(1.0);
    assertThat(s).hasToString("n=5 mean=4.0d median=3.0d p90=7.6d");
    DurationStats half = DurationStats.of(List.of(Duration.ofHours(12)));
    assertThat(half.medianDays().getAsDouble()).isEqualTo(0.5);
    assertThat(DurationStats.empty().meanDays()).isEmpty();
    assertThat(DurationStats.empty().p90Days()).isEmpty();
    assertThat(DurationStats.empty().count()).isZero();
    assertThatThrownBy(() -> s.percentileDays(101))
        .hasMessage("percentile must be in [0, 100]: 101");
  }

  @Test
  void moneyStatsAreExactWithHalfEvenMean() {
    MoneyStats s =
        MoneyStats.of(
            List.of(Money.of("0.01", "USD"), Money.of("0.02", "USD"), Money.of("0.02", "USD"),
                Money.of("0.00", "USD")));
    // sum 0.05, mean 0.0125 -> HALF_EVEN to 0.01
    assertThat(s.sum()).contains(Money.of("0.05", "USD"));
    assertThat(s.mean()).contains(Money.of("0.01", "USD"));
    assertThat(MoneyStats.of(List.of(Money.of("0.01", "USD"), Money.of("0.02", "USD"))).mean())
        .contains(Money.of("0.02", "USD")); // 0.015 -> 0.02 (even)
    assertThat(MoneyStats.of(List.of(Money.of("0.03", "USD"), Money.of("0.02", "USD"))).mean())
        .contains(Money.of("0.02", "USD")); // 0.025 -> 0.02 (even)
    assertThat(s.min()).contains(Money.of("0.00", "USD"));
    assertThat(s.max()).contains(Money.of("0.02", "USD"));
    assertThat(s.asDouble().getAsDouble()).isEqualTo(0.01);
    assertThat(MoneyStats.empty().sum()).isEmpty();
    assertThat(MoneyStats.empty().asDouble()).isEmpty();
    assertThatThrownBy(
            () -> MoneyStats.of(List.of(Money.of("1", "USD"), Money.of("1", "EUR"))))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(
            () -> new MoneyStatsAccumulator()
                .add(Money.ofMinor(Long.MAX_VALUE, "USD"))
                .add(Money.ofMinor(1, "USD")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void scoreAndAmountAreExplicitlyUndefined() {
    assertThat(Score.of(42.5, 4)).hasToString("42.5");
    assertThat(Score.of(-20, 10)).hasToString("-20");
    assertThat(Score.empty().value()).isEmpty();
    assertThat(Score.undefined(3).sampleSize()).isEqualTo(3);
    assertThatThrownBy(() -> Score.of(Double.NaN, 1)).hasMessage("score must be finite: NaN");
    assertThat(Amount.of(Money.of("12.50", "USD"), 3).asDouble().getAsDouble()).isEqualTo(12.5);
    assertThat(Amount.empty().asDouble()).isEmpty();
    assertThat(Amount.empty()).hasToString("—");
    assertThat(Count.of(0).asDouble().getAsDouble()).isZero();
    assertThatThrownBy(() -> Count.of(-1)).hasMessage("count must be >= 0: -1");
  }
}
