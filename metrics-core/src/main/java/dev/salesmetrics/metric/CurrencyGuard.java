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
}
