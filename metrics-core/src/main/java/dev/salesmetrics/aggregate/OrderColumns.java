package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.OrderStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import javax.annotation.Nullable;

/**
 * Orders in columns: primitive arrays with one entry per order, for the columnar fast path
 * ({@link ColumnarQuery#of(OrderColumns)}).
 *
 * <p>Columns: the customer as a dictionary code ({@code int}), {@code placed_at} as epoch seconds
 * ({@code long}), the amount in minor units ({@code long}) and the status ({@code byte}): 21 bytes
 * per order. The rep and the product (dictionary codes, {@code int}) are allocated only once an
 * order has one: 25 bytes with reps, 29 with products. The product is that of the order's lines
 * when they name one product; an order whose lines name several products is marked, and grouping
 * such columns by product is refused (the object path splits those orders). All amounts are in
 * one currency, the first one seen. Line details and order ids are not kept.
 *
 * <pre>{@code
 * OrderColumns columns = OrderColumns.of(orders);
 * OrderColumns.Builder b = OrderColumns.builder();   // or row by row
 * b.add(order);
 * }</pre>
 *
 * <p>Immutable once built, and safe to read from many threads.
 */
public final class OrderColumns {
  static final byte PAID = 1;
  static final byte REFUNDED = 2;

  final int size;
  final Currency currency;
  final int[] customer;
  final long[] placedAtSec;
  final long[] amountMinor;
  final byte[] status;
  @Nullable final int[] rep;
  @Nullable final int[] product;
  final ImmutableList<String> customers;
  final ImmutableList<String> reps;
  final ImmutableList<String> products;
  final boolean severalProducts;
  final long minSec;
  final long maxSec;

  private OrderColumns(Builder b) {
    this.size = b.size;
    this.currency = b.currency == null ? Currency.getInstance("USD") : b.currency;
    this.customer = Arrays.copyOf(b.customer, size);
    this.placedAtSec = Arrays.copyOf(b.placedAtSec, size);
    this.amountMinor = Arrays.copyOf(b.amountMinor, size);
    this.status = Arrays.copyOf(b.status, size);
    this.rep = b.rep == null ? null : Arrays.copyOf(b.rep, size);
    this.product = b.product == null ? null : Arrays.copyOf(b.product, size);
    this.customers = ImmutableList.copyOf(b.customers.names());
    this.reps = ImmutableList.copyOf(b.reps.names());
    this.products = ImmutableList.copyOf(b.products.names());
    this.severalProducts = b.severalProducts;
    this.minSec = b.minSec;
    this.maxSec = b.maxSec;
  }

  /**
   * Returns the columns of {@code orders}.
   *
   * @param orders orders in one currency
   * @return the columns
   * @throws CurrencyMismatchException if two orders have different currencies
   */
  public static OrderColumns of(Iterable<Order> orders) {
    Builder b = builder();
    for (Order o : orders) {
      b.add(o);
    }
    return b.build();
  }

  /**
   * Starts empty columns to append to row by row.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the number of orders.
   *
   * @return the row count
   */
  public int size() {
    return size;
  }

  /**
   * Returns the currency of every amount (USD when empty).
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  /**
   * Returns the bytes held by the column arrays (not the dictionaries).
   *
   * @return the size of the arrays' contents in bytes
   */
  public long columnBytes() {
    long bytes = (long) size * (4 + 8 + 8 + 1);
    if (rep != null) {
      bytes += 4L * size;
    }
    if (product != null) {
      bytes += 4L * size;
    }
    return bytes;
  }

  /**
   * Formats as the number of orders and customers.
   *
   * @return e.g. {@code "OrderColumns[1000000 orders, 5000 customers, USD]"}
   */
  @Override
  public String toString() {
    return "OrderColumns[" + size + " orders, " + customers.size() + " customers, " + currency
        + "]";
  }

  /** Appends orders to columns that grow as needed; not thread safe. */
  public static final class Builder {
    private int size;
    @Nullable private Currency currency;
    private int[] customer = new int[1024];
    private long[] placedAtSec = new long[1024];
    private long[] amountMinor = new long[1024];
    private byte[] status = new byte[1024];
    @Nullable private int[] rep;
    @Nullable private int[] product;
    private final Codes.Strings customers = new Codes.Strings();
    private final Codes.Strings reps = new Codes.Strings();
    private final Codes.Strings products = new Codes.Strings();
    private boolean severalProducts;
    private long minSec = Long.MAX_VALUE;
    private long maxSec = Long.MIN_VALUE;

    private Builder() {}

    /**
     * Appends one order.
     *
     * @param order the order
     * @return this builder
     * @throws CurrencyMismatchException if its currency differs from the first order's
     */
    @CanIgnoreReturnValue
    public Builder add(Order order) {
      checkNotNull(order, "order");
      String productId = null;
      boolean several = false;
      for (OrderLine line : order.lines()) {
        if (productId == null) {
          productId = line.product();
        } else if (!productId.equals(line.product())) {
          several = true;
        }
      }
      add(
          order.customerId(),
          order.repId(),
          productId,
          order.placedAt(),
          order.amount().minorUnits(),
          order.amount().currency(),
          order.status());
      severalProducts |= several;
      return this;
    }

    /**
     * Appends one order given by its fields, without building an {@link Order}.
     *
     * @param customerId the customer, not blank
     * @param repId the rep, or null
     * @param productId the one product of the order's lines, or null
     * @param placedAt when it was placed
     * @param amountMinor the amount in minor units, not negative
     * @param amountCurrency the currency
     * @param orderStatus the status
     * @return this builder
     * @throws IllegalArgumentException if the customer is blank or the amount negative
     * @throws CurrencyMismatchException if the currency differs from the first order's
     */
    @CanIgnoreReturnValue
    public Builder add(
        String customerId,
        @Nullable String repId,
        @Nullable String productId,
        Instant placedAt,
        long amountMinor,
        Currency amountCurrency,
        OrderStatus orderStatus) {
      checkNotNull(customerId, "customerId");
      checkNotNull(placedAt, "placedAt");
      checkNotNull(amountCurrency, "amountCurrency");
      checkNotNull(orderStatus, "orderStatus");
      if (customerId.isBlank()) {
        throw new IllegalArgumentException("customer_id must not be blank");
      }
      if (amountMinor < 0) {
        throw new IllegalArgumentException("amount must be >= 0: " + amountMinor + " minor units");
      }
      if (currency == null) {
        currency = amountCurrency;
      } else if (!currency.equals(amountCurrency)) {
        throw new CurrencyMismatchException(currency, amountCurrency);
      }
      if (size == customer.length) {
        int n = size * 2;
        customer = Arrays.copyOf(customer, n);
        placedAtSec = Arrays.copyOf(placedAtSec, n);
        this.amountMinor = Arrays.copyOf(this.amountMinor, n);
        status = Arrays.copyOf(status, n);
        if (rep != null) {
          rep = Arrays.copyOf(rep, n);
        }
        if (product != null) {
          product = Arrays.copyOf(product, n);
        }
      }
      customer[size] = customers.code(customerId);
      long sec = placedAt.getEpochSecond();
      placedAtSec[size] = sec;
      minSec = Math.min(minSec, sec);
      maxSec = Math.max(maxSec, sec);
      this.amountMinor[size] = amountMinor;
      status[size] = orderStatus == OrderStatus.PAID ? PAID : REFUNDED;
      boolean hasRep = repId != null;
      if (hasRep && rep == null) {
        rep = new int[customer.length];
        Arrays.fill(rep, -1);
      }
      if (rep != null) {
        rep[size] = hasRep ? reps.code(repId) : -1;
      }
      boolean hasProduct = productId != null && !productId.isBlank();
      if (hasProduct && product == null) {
        product = new int[customer.length];
        Arrays.fill(product, -1);
      }
      if (product != null) {
        product[size] = hasProduct ? products.code(productId) : -1;
      }
      size++;
      return this;
    }

    /**
     * Returns the columns appended so far, trimmed to size; the builder may go on appending.
     *
     * @return immutable columns
     */
    public OrderColumns build() {
      return new OrderColumns(this);
    }
  }
}
