package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.annotation.Nullable;

/**
 * Count, exact sum, mean, minimum and maximum of amounts in one currency.
 *
 * <p>The mean is the exact sum divided by the count, rounded HALF_EVEN to the currency's minor
 * unit. With no amounts every statistic is empty. Immutable; build one with {@link
 * MoneyStatsAccumulator}. {@link #asDouble()} is the mean in major units.
 */
public final class MoneyStats implements MetricValue {
  private static final MoneyStats EMPTY = new MoneyStats(0, null, 0, 0, 0);

  private final long count;
  @Nullable private final Currency currency;
  private final long sumMinor;
  private final long minMinor;
  private final long maxMinor;

  MoneyStats(long count, @Nullable Currency currency, long sumMinor, long minMinor, long maxMinor) {
    this.count = count;
    this.currency = currency;
    this.sumMinor = sumMinor;
    this.minMinor = minMinor;
    this.maxMinor = maxMinor;
  }

  /**
   * Returns the statistics of no amounts.
   *
   * @return the empty statistics
   */
  public static MoneyStats empty() {
    return EMPTY;
  }

  /**
   * Returns the statistics of {@code amounts}.
   *
   * @param amounts amounts in one currency; may be empty
   * @return the statistics
   * @throws CurrencyMismatchException if the amounts are in more than one currency
   * @throws ArithmeticException if the sum overflows
   */
  public static MoneyStats of(Iterable<Money> amounts) {
    MoneyStatsAccumulator acc = new MoneyStatsAccumulator();
    for (Money m : amounts) {
      acc.add(m);
    }
    return acc.snapshot();
  }

  /**
   * Returns how many amounts were added.
   *
   * @return the count, {@code >= 0}
   */
  public long count() {
    return count;
  }

  /**
   * Returns the currency of the amounts.
   *
   * @return the currency, or empty when there are none
   */
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  /**
   * Returns the exact sum.
   *
   * @return the sum, or empty when there are no amounts
   */
  public Optional<Money> sum() {
    return currency == null ? Optional.empty() : Optional.of(Money.ofMinor(sumMinor, currency));
  }

  /**
   * Returns the mean, rounded HALF_EVEN to the minor unit.
   *
   * @return the mean, or empty when there are no amounts
   */
  public Optional<Money> mean() {
    if (currency == null) {
      return Optional.empty();
    }
    return Optional.of(Money.ofMinor(sumMinor, currency).dividedBy(count));
  }

  /**
   * Returns the smallest amount.
   *
   * @return the minimum, or empty when there are no amounts
   */
  public Optional<Money> min() {
    return currency == null ? Optional.empty() : Optional.of(Money.ofMinor(minMinor, currency));
  }

  /**
   * Returns the largest amount.
   *
   * @return the maximum, or empty when there are no amounts
   */
  public Optional<Money> max() {
    return currency == null ? Optional.empty() : Optional.of(Money.ofMinor(maxMinor, currency));
  }

  /**
   * Returns the statistics of the union of both samples.
   *
   * @param other statistics of other amounts in the same currency
   * @return the combined statistics
   * @throws CurrencyMismatchException if the currencies differ
   * @throws ArithmeticException if the sum overflows
   */
  public MoneyStats plus(MoneyStats other) {
    checkNotNull(other, "other");
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
    return new MoneyStats(
        Math.addExact(count, other.count),
        currency,
        Math.addExact(sumMinor, other.sumMinor),
        Math.min(minMinor, other.minMinor),
        Math.max(maxMinor, other.maxMinor));
  }

  /**
   * Returns the mean in major units.
   *
   * @return the rounded mean as a double, or empty when there are no amounts
   */
  @Override
  public OptionalDouble asDouble() {
    Optional<Money> mean = mean();
    return mean.isPresent()
        ? OptionalDouble.of(mean.get().toBigDecimal().doubleValue())
        : OptionalDouble.empty();
  }

  /**
   * Returns the count of amounts.
   *
   * @return the count
   */
  @Override
  public long sampleSize() {
    return count;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MoneyStats that)) {
      return false;
    }
    return count == that.count
        && sumMinor == that.sumMinor
        && minMinor == that.minMinor
        && maxMinor == that.maxMinor
        && java.util.Objects.equals(currency, that.currency);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(count, currency, sumMinor, minMinor, maxMinor);
  }

  /**
   * Formats compactly: {@code "n=3 sum=30.00 USD mean=10.00 USD"}, or {@code "n=0"}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    if (count == 0) {
      return "n=0";
    }
    return "n=" + count + " sum=" + sum().orElseThrow() + " mean=" + mean().orElseThrow();
  }
}
