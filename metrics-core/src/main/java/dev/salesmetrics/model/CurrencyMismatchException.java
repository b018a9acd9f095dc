package dev.salesmetrics.model;

import java.util.Currency;

/**
 * Thrown when two amounts in different currencies are combined (added, subtracted, compared)
 * without a currency converter. The message names both currencies.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The currency of the first operand. */
  private final Currency left;

  /** The currency of the second operand. */
  private final Currency right;

  /**
   * Creates the exception for an operation between {@code left} and {@code right}.
   *
   * @param left the currency of the first operand
   * @param right the currency of the second operand
   */
  public CurrencyMismatchException(Currency left, Currency right) {
    super("currency mismatch: " + left.getCurrencyCode() + " and " + right.getCurrencyCode()
        + " cannot be combined without a currency converter");
    this.left = left;
    this.right = right;
  }

  /**
   * Creates the exception for an operation between {@code left} and {@code right} in {@code
   * context}, which the message names: {@code "currency mismatch in metric sales_volume, group
   * rep=R1, at deal D2: USD and EUR cannot be combined without a currency converter"}.
   *
   * @param left the currency of the first operand
   * @param right the currency of the second operand
   * @param context where the operation happened, e.g. {@code "metric sales_volume, group rep=R1"}
   */
  public CurrencyMismatchException(Currency left, Currency right, String context) {
    super("currency mismatch in " + context + ": " + left.getCurrencyCode() + " and "
        + right.getCurrencyCode() + " cannot be combined without a currency converter");
    this.left = left;
    this.right = right;
  }

  /**
   * Returns the currency of the first operand.
   *
   * @return the first currency
   */
  public Currency left() {
    return left;
  }

  /**
   * Returns the currency of the second operand.
   *
   * @return the second currency
   */
  public Currency right() {
    return right;
  }
}
