package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An order placed by a customer: paid, or refunded.
 *
 * <p>Rules: {@code id} and {@code customerId} are not blank; {@code amount} is not negative (a
 * refund is a {@link OrderStatus#REFUNDED} status, not a negative amount). Lines are optional; an
 * order with no lines is valid. When lines are present, each is in the order's currency (else
 * {@link CurrencyMismatchException}) and their amounts add up exactly to the order's amount. A
 * blank {@code repId} is stored as {@code null}.
 *
 * <pre>{@code
 * Order order = Order.builder("O1", "C1", Instant.parse("2024-03-05T12:00:00Z"),
 *         Money.of("30.00", "USD"))
 *     .line("widget", 2, Money.of("20.00", "USD"))
 *     .line("gadget", 1, Money.of("10.00", "USD"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 *
 * @param id the order id ({@code order_id}), not blank
 * @param customerId the buying customer, not blank
 * @param placedAt when the order was placed
 * @param amount the order total, not negative
 * @param status paid or refunded
 * @param repId the rep credited, or null
 * @param lines the order lines; empty if unknown
 */
public record Order(
    String id,
    String customerId,
    Instant placedAt,
    Money amount,
    OrderStatus status,
    @Nullable String repId,
    List<OrderLine> lines)
    implements SalesRecord {

  /**
   * Validates the components, normalises a blank {@code repId} to {@code null} and copies the
   * lines.
   *
   * @param id the order id, not blank
   * @param customerId the customer, not blank
   * @param placedAt when placed
   * @param amount the total, not negative
   * @param status the status
   * @param repId the rep, or null
   * @param lines the lines
   * @throws NullPointerException if a required component or a line is null
   * @throws CurrencyMismatchException if a line is in another currency than the order
   * @throws IllegalArgumentException if a rule in the class description is broken
   * @throws ArithmeticException if the line amounts overflow when added
   */
  public Order {
    Checks.nonBlank(id, "id", "order_id", "");
    String owner = " for order " + id;
    Checks.nonBlank(customerId, "customerId", "customer_id", owner);
    checkNotNull(placedAt, "placedAt");
    Checks.nonNegative(amount, "amount", "amount", owner);
    checkNotNull(status, "status");
    lines = Checks.copyOf(lines, "lines", owner);
    if (!lines.isEmpty()) {
      Money sum = Money.zero(amount.currency());
      for (OrderLine line : lines) {
        if (!line.amount().currency().equals(amount.currency())) {
          throw new CurrencyMismatchException(amount.currency(), line.amount().currency());
        }
        sum = sum.plus(line.amount());
      }
      if (!sum.equals(amount)) {
        throw new IllegalArgumentException(
            "lines must add up to amount: lines total " + sum + ", amount " + amount + owner);
      }
    }
    repId = Checks.blankToNull(repId, "rep_id", owner);
  }

  /**
   * Returns a builder for a paid order with no lines and no rep.
   *
   * @param id the order id, not blank
   * @param customerId the customer, not blank
   * @param placedAt when placed
   * @param amount the total, not negative
   * @return a new builder
   */
  public static Builder builder(String id, String customerId, Instant placedAt, Money amount) {
    return new Builder(id, customerId, placedAt, amount);
  }

  /**
   * Returns this order as known at {@code t}: empty if placed after {@code t}, else this order.
   * The order has no dated refund, so a refunded order is refunded at every {@code t} it exists.
   *
   * @param t the instant of knowledge
   * @return {@code this} or empty
   * @throws NullPointerException if {@code t} is null
   */
  @Override
  public Optional<Order> asOf(Instant t) {
    checkNotNull(t, "t");
    return placedAt.isAfter(t) ? Optional.empty() : Optional.of(this);
  }

  /** A builder of {@link Order}; not thread safe. {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private final String customerId;
    private final Instant placedAt;
    private final Money amount;
    private OrderStatus status = OrderStatus.PAID;
    @Nullable private String repId;
    private final List<OrderLine> lines = new ArrayList<>();

    private Builder(String id, String customerId, Instant placedAt, Money amount) {
      this.id = id;
      this.customerId = customerId;
      this.placedAt = placedAt;
      this.amount = amount;
    }

    /**
     * Sets the status (default {@link OrderStatus#PAID}).
     *
     * @param status the status
     * @return this builder
     * @throws NullPointerException if {@code status} is null
     */
    @CanIgnoreReturnValue
    public Builder status(OrderStatus status) {
      this.status = checkNotNull(status, "status");
      return this;
    }

    /**
     * Sets the rep credited with the order.
     *
     * @param repId the rep id, or null (blank means absent)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder repId(@Nullable String repId) {
      this.repId = repId;
      return this;
    }

    /**
     * Appends a line.
     *
     * @param product the product, not blank
     * @param quantity the number of units, at least 1
     * @param amount the line total, not negative
     * @return this builder
     * @throws NullPointerException if {@code product} or {@code amount} is null
     * @throws IllegalArgumentException if the line is invalid (see {@link OrderLine})
     */
    @CanIgnoreReturnValue
    public Builder line(String product, long quantity, Money amount) {
      lines.add(new OrderLine(product, quantity, amount));
      return this;
    }

    /**
     * Replaces the lines with a copy of {@code lines}.
     *
     * @param lines the lines
     * @return this builder
     * @throws NullPointerException if the list or a line is null
     */
    @CanIgnoreReturnValue
    public Builder lines(List<OrderLine> lines) {
      List<OrderLine> copy = Checks.copyOf(lines, "lines", " for order " + id);
      this.lines.clear();
      this.lines.addAll(copy);
      return this;
    }

    /**
     * Builds the order.
     *
     * @return the validated order
     * @throws NullPointerException if a required value is null
     * @throws CurrencyMismatchException if a line is in another currency than the order
     * @throws IllegalArgumentException if a rule of {@link Order} is broken
     */
    public Order build() {
      return new Order(id, customerId, placedAt, amount, status, repId, lines);
    }
  }
}
