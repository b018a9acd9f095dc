package dev.salesmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.metric.Ratio;
import java.util.Currency;
import java.util.Optional;

/**
 * Compares a money ratio (coverage, attainment, ROI, growth) with a reference that computes its
 * counts: the counts must be equal, and the ratio must carry the currency once anything counted
 * (with both counts zero it may carry it or not, as the metric may have seen no amount at all).
 */
public final class MoneyRatios {
  private MoneyRatios() {}

  /** Asserts that {@code actual} has the counts of {@code expected} and is in {@code currency}. */
  public static void assertMoneyRatio(Ratio actual, Ratio expected, Currency currency) {
    assertThat(Ratio.of(actual.numerator(), actual.denominator()))
        .as("counts of %s", actual)
        .isEqualTo(Ratio.of(expected.numerator(), expected.denominator()));
    if (actual.numerator() != 0 || actual.denominator() != 0) {
      assertThat(actual.moneyCurrency()).as("currency of %s", actual).contains(currency);
    } else {
      assertThat(actual.moneyCurrency()).isIn(Optional.empty(), Optional.of(currency));
    }
  }
}
