package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.util.Currency;
import javax.annotation.Nullable;

/**
 * Collects amounts of one currency into {@link MoneyStats}: exact, overflow-checked, no
 * allocation per amount. Not thread safe; combine per-thread accumulators with {@link #addAll}.
 */
public final class MoneyStatsAccumulator {
  private long count;
  @Nullable private Currency currency;
  private long sumMinor;
  private long minMinor = Long.MAX_VALUE;
  private long maxMinor = Long.MIN_VALUE;

  /** Creates an empty accumulator. */
  public MoneyStatsAccumulator() {}

  /**
   * Adds one amount.
   *
   * @param amount the amount
   * @return this accumulator
   * @throws CurrencyMismatchException if its currency differs from the amounts added before
   * @throws ArithmeticException if the sum overflows
   */
  @CanIgnoreReturnValue
  public MoneyStatsAccumulator add(Money amount) {
    checkNotNull(amount, "amount");
    return add(amount.minorUnits(), amount.currency());
  }

  /**
   * Adds one amount given as minor units, without allocating.
   *
   * @param minorUnits the amount in minor units of {@code amountCurrency}
   * @param amountCurrency its currency
   * @return this accumulator
   * @throws CurrencyMismatchException if the currency differs from the amounts added before
   * @throws ArithmeticException if the sum overflows
   */
  @CanIgnoreReturnValue
  public MoneyStatsAccumulator add(long minorUnits, Currency amountCurrency) {
    if (currency == null) {
      currency = checkNotNull(amountCurrency, "currency");
    } else if (!currency.equals(amountCurrency)) {
      throw new CurrencyMismatchException(currency, amountCurrency);
    }
    sumMinor = Math.addExact(sumMinor, minorUnits);
    count++;
    minMinor = Math.min(minMinor, minorUnits);
    maxMinor = Math.max(maxMinor, minorUnits);
    return this;
  }

  /**
   * Adds every amount summarised by {@code stats}.
   *
   * @param stats statistics of other amounts
   * @return this accumulator
   * @throws CurrencyMismatchException if the currencies differ
   * @throws ArithmeticException if the sum overflows
   */
  @CanIgnoreReturnValue
  public MoneyStatsAccumulator addAll(MoneyStats stats) {
    MoneyStats merged = snapshot().plus(stats);
    count = merged.count();
    if (count > 0) {
      currency = merged.currency().orElseThrow();
      sumMinor = merged.sum().orElseThrow().minorUnits();
      minMinor = merged.min().orElseThrow().minorUnits();
      maxMinor = merged.max().orElseThrow().minorUnits();
    }
    return this;
  }

  /**
   * Returns how many amounts were added.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Returns the statistics of the amounts added so far.
   *
   * @return an immutable snapshot
   */
  public MoneyStats snapshot() {
    return count == 0 ? MoneyStats.empty() : new MoneyStats(count, currency, sumMinor, minMinor, maxMinor);
  }
}
