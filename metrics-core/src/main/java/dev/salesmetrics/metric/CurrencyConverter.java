package dev.salesmetrics.metric;

import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.util.Currency;

/**
 * Converts an amount into a target currency, supplied by the caller of a money metric over
 * records in several currencies. Without one, such a metric throws
 * {@link dev.salesmetrics.model.CurrencyMismatchException}.
 *
 * <p>The implementation decides the rate (fixed, daily, as at the record's instant) and the
 * rounding; it must return an exact {@link Money} in the target currency, so rounding happens once
 * per converted amount, before any sum. Implementations must be thread safe when metrics run in
 * parallel.
 */
@FunctionalInterface
public interface CurrencyConverter {

  /**
   * Converts {@code amount} into {@code target} at the rate for instant {@code at}.
   *
   * @param amount the amount to convert; returned unchanged when already in {@code target}
   * @param target the currency of the result
   * @param at the instant the amount belongs to (a deal's close, an order's placement)
   * @return the amount in {@code target}
   * @throws IllegalArgumentException if no rate is known for the pair
   */
  Money convert(Money amount, Currency target, Instant at);
}
