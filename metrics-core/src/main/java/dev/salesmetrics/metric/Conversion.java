package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * How a money metric takes amounts: as given ({@link #NONE}, so two currencies are an error), or
 * each converted into one target currency by a caller's {@link CurrencyConverter} before it is
 * added. Immutable.
 */
final class Conversion {
  static final Conversion NONE = new Conversion(null, null);

  @Nullable private final CurrencyConverter converter;
  @Nullable private final Currency target;

  private Conversion(@Nullable CurrencyConverter converter, @Nullable Currency target) {
    this.converter = converter;
    this.target = target;
  }

  static Conversion to(CurrencyConverter converter, Currency target) {
    return new Conversion(checkNotNull(converter, "converter"), checkNotNull(target, "target"));
  }

  /**
   * Returns {@code amount} as given, or converted at instant {@code at}.
   *
   * @throws CurrencyMismatchException if the converter returns another currency than the target
   */
  Money apply(Money amount, Instant at) {
    if (converter == null || target == null) {
      return amount;
    }
    Money converted = checkNotNull(converter.convert(amount, target, at), "converted amount");
    if (!converted.currency().equals(target)) {
      throw new CurrencyMismatchException(target, converted.currency());
    }
    return converted;
  }

  /** The currency every amount is converted into, or null without a converter. */
  @Nullable
  Currency target() {
    return target;
  }

  /** The zero of the target currency, when a converter fixes the currency of the result. */
  Optional<Money> zero() {
    return target == null ? Optional.empty() : Optional.of(Money.zero(target));
  }

  /** The sum of nothing: 0 in the target currency, or undefined when there is no target. */
  Amount emptySum() {
    return target == null ? Amount.empty() : Amount.of(Money.zero(target), 0);
  }
}
