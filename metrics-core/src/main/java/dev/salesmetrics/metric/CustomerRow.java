package dev.salesmetrics.metric;

/**
 * A customer as a {@link Kernel} reads it: primitive accessors over a {@link
 * dev.salesmetrics.model.Customer} or over the columns of a column store (see {@link DealRow} for
 * the conventions).
 */
public interface CustomerRow {
  /**
   * Returns the epoch second of {@code signed_up_at}.
   *
   * @return the second
   */
  long signedUpAtSecond();

  /**
   * Returns the nanosecond of {@code signed_up_at} within its second.
   *
   * @return in [0, 999,999,999]
   */
  int signedUpAtNano();

  /**
   * Tells whether the customer activated ({@code activated_at} is set).
   *
   * @return true when activated
   */
  boolean activated();

  /**
   * Returns the epoch second of {@code activated_at}; meaningful only when {@link #activated()}.
   *
   * @return the second
   */
  long activatedAtSecond();

  /**
   * Returns the nanosecond of {@code activated_at}; meaningful only when {@link #activated()}.
   *
   * @return in [0, 999,999,999]
   */
  int activatedAtNano();

  /**
   * Tells whether the customer cancelled ({@code cancelled_at} is set).
   *
   * @return true when cancelled
   */
  boolean cancelled();

  /**
   * Returns the epoch second of {@code cancelled_at}; meaningful only when {@link #cancelled()}.
   *
   * @return the second
   */
  long cancelledAtSecond();

  /**
   * Returns the nanosecond of {@code cancelled_at}; meaningful only when {@link #cancelled()}.
   *
   * @return in [0, 999,999,999]
   */
  int cancelledAtNano();
}
