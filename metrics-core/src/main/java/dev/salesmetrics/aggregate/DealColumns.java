package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import javax.annotation.Nullable;

/**
 * Deals in columns: primitive arrays with one entry per deal, for the columnar fast path ({@link
 * ColumnarQuery}).
 *
 * <p>Columns: the rep as a dictionary code ({@code int}), {@code closed_at} as epoch seconds
 * ({@code long}; periods start at whole seconds, so bucketing by seconds is exact), the amount in
 * minor units ({@code long}) and the status ({@code byte}): 21 bytes per deal. Product and customer
 * columns (dictionary codes, {@code int}) are allocated only once a deal has one. All amounts are in
 * one currency, the first one seen. The creation instant, stage history and the other fields are
 * not kept: the columnar path computes the metrics placed by {@code closed_at} in {@link
 * ColumnarMetrics}.
 *
 * <pre>{@code
 * DealColumns columns = DealColumns.of(deals);
 * DealColumns.Builder b = DealColumns.builder();   // or row by row
 * b.add(deal);
 * }</pre>
 *
 * <p>Immutable once built, and safe to read from many threads.
 */
public final class DealColumns {
  static final long NO_INSTANT = Long.MIN_VALUE;
  static final byte OPEN = 0;
  static final byte WON = 1;
  static final byte LOST = 2;

  final int size;
  final Currency currency;
  final int[] rep;
  final long[] closedAtSec;
  final long[] amountMinor;
  final byte[] status;
  @Nullable final int[] product;
  @Nullable final int[] customer;
  final ImmutableList<String> reps;
  final ImmutableList<String> products;
  final ImmutableList<String> customers;
  final long minSec;
  final long maxSec;

  private DealColumns(Builder b) {
    this.size = b.size;
    this.currency = b.currency == null ? Currency.getInstance("USD") : b.currency;
    this.rep = Arrays.copyOf(b.rep, size);
    this.closedAtSec = Arrays.copyOf(b.closedAtSec, size);
    this.amountMinor = Arrays.copyOf(b.amountMinor, size);
    this.status = Arrays.copyOf(b.status, size);
    this.product = b.product == null ? null : Arrays.copyOf(b.product, size);
    this.customer = b.customer == null ? null : Arrays.copyOf(b.customer, size);
    this.reps = ImmutableList.copyOf(b.reps.names());
    this.products = ImmutableList.copyOf(b.products.names());
    this.customers = ImmutableList.copyOf(b.customers.names());
    this.minSec = b.minSec;
    this.maxSec = b.maxSec;
  }

  /**
   * Returns the columns of {@code deals}.
   *
   * @param deals deals in one currency
   * @return the columns
   * @throws CurrencyMismatchException if two deals have different currencies
   */
  public static DealColumns of(Iterable<Deal> deals) {
    Builder b = builder();
    for (Deal d : deals) {
      b.add(d);
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
   * Returns the number of deals.
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
    if (product != null) {
      bytes += 4L * size;
    }
    if (customer != null) {
      bytes += 4L * size;
    }
    return bytes;
  }

  /**
   * Formats as the number of deals and reps.
   *
   * @return e.g. {@code "DealColumns[1000000 deals, 200 reps, USD]"}
   */
  @Override
  public String toString() {
    return "DealColumns[" + size + " deals, " + reps.size() + " reps, " + currency + "]";
  }

  /** Appends deals to columns that grow as needed; not thread safe. */
  public static final class Builder {
    private int size;
    @Nullable private Currency currency;
    private int[] rep = new int[1024];
    private long[] closedAtSec = new long[1024];
    private long[] amountMinor = new long[1024];
    private byte[] status = new byte[1024];
    @Nullable private int[] product;
    @Nullable private int[] customer;
    private final Codes.Strings reps = new Codes.Strings();
    private final Codes.Strings products = new Codes.Strings();
    private final Codes.Strings customers = new Codes.Strings();
    private long minSec = Long.MAX_VALUE;
    private long maxSec = Long.MIN_VALUE;

    private Builder() {}

    /**
     * Appends one deal. An open or lost deal without an amount is stored with amount 0 and takes
     * no part in the currency check (only won deals' amounts are read).
     *
     * @param deal the deal
     * @return this builder
     * @throws CurrencyMismatchException if its currency differs from the first deal's
     */
    @CanIgnoreReturnValue
    public Builder add(Deal deal) {
      checkNotNull(deal, "deal");
      Money amount = deal.amount();
      return append(
          deal.repId(),
          deal.status(),
          deal.closedAt(),
          amount == null ? 0 : amount.minorUnits(),
          amount == null ? null : amount.currency(),
          deal.product(),
          deal.customerId());
    }

    /**
     * Appends one deal given by its fields, without building a {@link Deal}.
     *
     * @param repId the rep, not blank
     * @param dealStatus the status
     * @param closedAt the close instant; null exactly when the deal is open
     * @param amountMinor the amount in minor units, not negative
     * @param amountCurrency the currency
     * @param productId the product, or null
     * @param customerId the customer, or null
     * @return this builder
     * @throws IllegalArgumentException if the status and close instant disagree, the amount is
     *     negative or the rep is blank
     * @throws CurrencyMismatchException if the currency differs from the first deal's
     */
    @CanIgnoreReturnValue
    public Builder add(
        String repId,
        DealStatus dealStatus,
        @Nullable Instant closedAt,
        long amountMinor,
        Currency amountCurrency,
        @Nullable String productId,
        @Nullable String customerId) {
      checkNotNull(amountCurrency, "amountCurrency");
      return append(
          repId, dealStatus, closedAt, amountMinor, amountCurrency, productId, customerId);
    }

    /** Appends one deal; a null currency (a deal without an amount) skips the currency check. */
    private Builder append(
        String repId,
        DealStatus dealStatus,
        @Nullable Instant closedAt,
        long amountMinor,
        @Nullable Currency amountCurrency,
        @Nullable String productId,
        @Nullable String customerId) {
      checkNotNull(repId, "repId");
      checkNotNull(dealStatus, "dealStatus");
      if (repId.isBlank()) {
        throw new IllegalArgumentException("rep_id must not be blank");
      }
      if (dealStatus.isClosed() != (closedAt != null)) {
        throw new IllegalArgumentException(
            "closed_at must be present exactly for a closed deal: " + dealStatus + ", " + closedAt);
      }
      if (amountMinor < 0) {
        throw new IllegalArgumentException("amount must be >= 0: " + amountMinor + " minor units");
      }
      if (amountCurrency != null) {
        if (currency == null) {
          currency = amountCurrency;
        } else if (!currency.equals(amountCurrency)) {
          throw new CurrencyMismatchException(currency, amountCurrency);
        }
      }
      if (size == rep.length) {
        int n = size * 2;
        rep = Arrays.copyOf(rep, n);
        closedAtSec = Arrays.copyOf(closedAtSec, n);
        this.amountMinor = Arrays.copyOf(this.amountMinor, n);
        status = Arrays.copyOf(status, n);
        if (product != null) {
          product = Arrays.copyOf(product, n);
        }
        if (customer != null) {
          customer = Arrays.copyOf(customer, n);
        }
      }
      rep[size] = reps.code(repId);
      long sec = closedAt == null ? NO_INSTANT : closedAt.getEpochSecond();
      closedAtSec[size] = sec;
      if (closedAt != null) {
        minSec = Math.min(minSec, sec);
        maxSec = Math.max(maxSec, sec);
      }
      this.amountMinor[size] = amountMinor;
      status[size] = dealStatus == DealStatus.WON ? WON : dealStatus == DealStatus.LOST ? LOST : OPEN;
      if (productId != null && product == null) {
        product = new int[rep.length];
        Arrays.fill(product, -1);
      }
      if (product != null) {
        product[size] = productId == null ? -1 : products.code(productId);
      }
      if (customerId != null && customer == null) {
        customer = new int[rep.length];
        Arrays.fill(customer, -1);
      }
      if (customer != null) {
        customer[size] = customerId == null ? -1 : customers.code(customerId);
      }
      size++;
      return this;
    }

    /**
     * Returns the columns appended so far, trimmed to size; the builder may go on appending.
     *
     * @return immutable columns
     */
    public DealColumns build() {
      return new DealColumns(this);
    }
  }
}
