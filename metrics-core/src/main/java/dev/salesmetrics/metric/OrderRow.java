package dev.salesmetrics.metric;

/**
 * An order as a {@link Kernel} reads it: primitive accessors over a {@link
 * dev.salesmetrics.model.Order} or over the columns of a column store (see {@link DealRow} for the
 * conventions). Grouped by product, an order of several products is seen as one part per product.
 */
public interface OrderRow {
  /**
   * Tells whether the order is paid (not refunded).
   *
   * @return true when paid
   */
  boolean paid();

  /**
   * Returns the epoch second of {@code placed_at}.
   *
   * @return the second
   */
  long placedAtSecond();

  /**
   * Returns the nanosecond of {@code placed_at} within its second.
   *
   * @return in [0, 999,999,999]
   */
  int placedAtNano();

  /**
   * Returns the amount in minor units (converted, for a metric built with a converter).
   *
   * @return the amount, {@code >= 0}
   */
  long amountMinor();

  /**
   * Returns {@link #amountMinor()} when {@code read} holds, else 0 without reading (or converting)
   * the amount.
   *
   * @param read whether to read the amount
   * @return the amount, or 0
   */
  long amountMinorIf(boolean read);

  /**
   * Returns the currency of the amount.
   *
   * @return a {@link CurrencyCodes} code
   */
  int currency();

  /**
   * Returns {@link #currency()} when {@code read} holds, else {@link CurrencyCodes#NONE}.
   *
   * @param read whether to read the currency
   * @return a {@link CurrencyCodes} code
   */
  int currencyIf(boolean read);

  /**
   * Returns the units the order sold: the sum of its lines' quantities, or 1 for an order without
   * lines (as {@code units_sold} counts them).
   *
   * @return the units, at least 1
   * @throws ArithmeticException if the quantities overflow a {@code long}
   */
  long units();
}
