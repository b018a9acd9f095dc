package dev.salesmetrics.metric;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.util.Currency;
import javax.annotation.Nullable;

/** The one currency of the amounts of one accumulator state. Not thread safe. */
final class CurrencyGuard {
  @Nullable private Currency currency;

  /** Returns the amount's minor units after checking its currency. */
  long minor(Money amount) {
    check(amount.currency());
    return amount.minorUnits();
  }

  /**
   * Fixes the currency at the first call and checks it afterwards; null is ignored.
   *
   * @throws CurrencyMismatchException on a second currency
   */
  void check(@Nullable Currency other) {
    if (other == null) {
      return;
    }
    if (currency == null) {
      currency = other;
    } else if (!currency.equals(other)) {
      throw new CurrencyMismatchException(currency, other);
    }
  }

  void merge(CurrencyGuard other) {
    check(other.currency);
  }

  @Nullable
  Currency currency() {
    return currency;
  }

  /** The ratio of two sums of this state's amounts: a money ratio once a currency was seen. */
  Ratio ratio(long numeratorMinor, long denominatorMinor) {
    return ratio(numeratorMinor, denominatorMinor, currency);
  }

  /** The ratio of two sums of money in {@code currency}, or of counts when it is null. */
  static Ratio ratio(long numeratorMinor, long denominatorMinor, @Nullable Currency currency) {
    return currency == null
        ? Ratio.of(numeratorMinor, denominatorMinor)
        : Ratio.ofMoney(numeratorMinor, denominatorMinor, currency);
  }
}
