package dev.salesmetrics.metric;

/**
 * A deal as a {@link Kernel} reads it: primitive accessors over a {@link
 * dev.salesmetrics.model.Deal} or over the columns of a column store. Instants are given as epoch
 * second and nanosecond ({@link java.time.Instant#getEpochSecond()}, {@link
 * java.time.Instant#getNano()}); amounts in minor units with a {@link CurrencyCodes} currency.
 * A view is reused for row after row: read it inside the update only.
 */
public interface DealRow {
  /**
   * Tells whether the deal is won.
   *
   * @return true when won
   */
  boolean won();

  /**
   * Tells whether the deal is lost.
   *
   * @return true when lost
   */
  boolean lost();

  /**
   * Tells whether the deal is closed: won or lost. A closed deal has a {@code closed_at}.
   *
   * @return true when won or lost
   */
  boolean closed();

  /**
   * Returns the epoch second of {@code created_at}.
   *
   * @return the second
   */
  long createdAtSecond();

  /**
   * Returns the nanosecond of {@code created_at} within its second.
   *
   * @return in [0, 999,999,999]
   */
  int createdAtNano();

  /**
   * Returns the epoch second of {@code closed_at}; meaningful only when {@link #closed()}.
   *
   * @return the second
   */
  long closedAtSecond();

  /**
   * Returns the nanosecond of {@code closed_at}; meaningful only when {@link #closed()}.
   *
   * @return in [0, 999,999,999]
   */
  int closedAtNano();

  /**
   * Tells whether the amount is known (only an open or lost deal may lack one).
   *
   * @return true when the deal has an amount
   */
  boolean hasAmount();

  /**
   * Returns the amount in minor units, or 0 when the deal has none. A metric built with a
   * currency converter sees the converted amount.
   *
   * @return the amount, {@code >= 0}
   */
  long amountMinor();

  /**
   * Returns {@link #amountMinor()} when {@code read} holds, else 0 without reading (or converting)
   * the amount: the branch-free way to add the amounts of some deals only.
   *
   * @param read whether to read the amount
   * @return the amount, or 0
   */
  long amountMinorIf(boolean read);

  /**
   * Returns the currency of the amount, or {@link CurrencyCodes#NONE} when the deal has none.
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
   * Tells whether the deal has its own probability.
   *
   * @return true when {@link #probability()} is given
   */
  boolean hasProbability();

  /**
   * Returns the deal's probability of winning; meaningful only when {@link #hasProbability()}.
   *
   * @return in [0, 1]
   */
  double probability();
}
