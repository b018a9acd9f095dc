package dev.salesmetrics.model;

/**
 * One line of an order: a quantity of a product and the line's total amount (not a unit price).
 *
 * <p>Immutable and thread safe.
 *
 * @param product the product, not blank
 * @param quantity the number of units, at least 1
 * @param amount the line total, not negative
 */
public record OrderLine(String product, long quantity, Money amount) {

  /**
   * Validates the components.
   *
   * @param product the product, not blank
   * @param quantity the number of units, at least 1
   * @param amount the line total, not negative
   * @throws NullPointerException if {@code product} or {@code amount} is null
   * @throws IllegalArgumentException if {@code product} is blank or not well-formed,
   *     {@code quantity <= 0} or {@code amount} is negative
   */
  public OrderLine {
    Checks.nonBlank(product, "product", "product", " in an order line");
    String owner = " for product " + product;
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be > 0: " + quantity + owner);
    }
    Checks.nonNegative(amount, "amount", "amount", owner);
  }
}
