package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.salesmetrics.aggregate.Columns.NO_INSTANT;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.Customer;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * Appends customers to a {@link ColumnStore}, one row at a time, straight into columns: set the
 * fields of a row, then {@link #endRow()}; or {@link #add(Customer)} a whole record. Get one from
 * {@link ColumnStore.Builder#customers()}. Rows are checked by the rules of {@link Customer} when
 * they end, as {@link DealAppender} describes. Not thread safe.
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // instants are kept as second and nano
public final class CustomerAppender {
  private int capacity = 256;
  int size;
  private boolean sealed;
  /** The customers' own ids, in the column the customer dimension reads. */
  final Columns.Text ids = new Columns.Text();
  final Columns.Instants signedUp = new Columns.Instants();
  final Columns.Instants activated = new Columns.Instants();
  final Columns.Instants cancelled = new Columns.Instants();
  final Columns.Text reps = new Columns.Text();
  final Columns.Text campaigns = new Columns.Text();

  @Nullable private String id;
  private long signedSecond = NO_INSTANT;
  private int signedNano;
  private long activatedSecond = NO_INSTANT;
  private int activatedNano;
  private long cancelledSecond = NO_INSTANT;
  private int cancelledNano;
  @Nullable private String rep;
  @Nullable private String campaign;

  CustomerAppender() {}

  /**
   * Sets the customer id ({@code customer_id}).
   *
   * @param customerId the id, not blank
   * @return this appender
   */
  @CanIgnoreReturnValue
  public CustomerAppender id(String customerId) {
    this.id = checkNotNull(customerId, "customerId");
    return this;
  }

  /**
   * Sets {@code signed_up_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second
   * @return this appender
   */
  @CanIgnoreReturnValue
  public CustomerAppender signedUpAt(long epochSecond, int nano) {
    this.signedSecond = epochSecond;
    this.signedNano = nano;
    return this;
  }

  /**
   * Sets {@code activated_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second
   * @return this appender
   */
  @CanIgnoreReturnValue
  public CustomerAppender activatedAt(long epochSecond, int nano) {
    this.activatedSecond = epochSecond;
    this.activatedNano = nano;
    return this;
  }

  /**
   * Sets {@code cancelled_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second
   * @return this appender
   */
  @CanIgnoreReturnValue
  public CustomerAppender cancelledAt(long epochSecond, int nano) {
    this.cancelledSecond = epochSecond;
    this.cancelledNano = nano;
    return this;
  }

  /**
   * Sets the rep who signed the customer.
   *
   * @param repId the rep, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public CustomerAppender rep(@Nullable String repId) {
    this.rep = repId;
    return this;
  }

  /**
   * Sets the campaign that acquired the customer.
   *
   * @param campaignId the campaign, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public CustomerAppender campaign(@Nullable String campaignId) {
    this.campaign = campaignId;
    return this;
  }

  /**
   * Checks the row by the rules of {@link Customer} and appends it; see {@link
   * DealAppender#endRow()}.
   *
   * @throws IllegalArgumentException with the message {@link Customer} gives, if a rule is broken
   * @throws NullPointerException if {@code id} or {@code signedUpAt} was not set
   * @throws IllegalStateException if the store was built
   */
  public void endRow() {
    checkOpen();
    try {
      add(
          Customer.builder(
                  id,
                  signedSecond == NO_INSTANT
                      ? null
                      : Instant.ofEpochSecond(signedSecond, signedNano))
              .activatedAt(instant(activatedSecond, activatedNano))
              .cancelledAt(instant(cancelledSecond, cancelledNano))
              .repId(rep)
              .campaignId(campaign)
              .build());
    } finally {
      id = null;
      signedSecond = NO_INSTANT;
      signedNano = 0;
      activatedSecond = NO_INSTANT;
      activatedNano = 0;
      cancelledSecond = NO_INSTANT;
      cancelledNano = 0;
      rep = null;
      campaign = null;
    }
  }

  @Nullable
  private static Instant instant(long second, int nano) {
    return second == NO_INSTANT ? null : Instant.ofEpochSecond(second, nano);
  }

  /**
   * Appends a whole customer.
   *
   * @param customer the customer
   * @return this appender
   * @throws IllegalStateException if the store was built
   */
  @CanIgnoreReturnValue
  public CustomerAppender add(Customer customer) {
    checkOpen();
    checkNotNull(customer, "customer");
    if (size == capacity) {
      capacity *= 2;
      ids.grow(capacity);
      signedUp.grow(capacity);
      activated.grow(capacity);
      cancelled.grow(capacity);
      reps.grow(capacity);
      campaigns.grow(capacity);
    }
    int r = size;
    ids.set(r, capacity, customer.id());
    set(signedUp, r, customer.signedUpAt());
    set(activated, r, customer.activatedAt());
    set(cancelled, r, customer.cancelledAt());
    reps.set(r, capacity, customer.repId());
    campaigns.set(r, capacity, customer.campaignId());
    size = r + 1;
    return this;
  }

  private void set(Columns.Instants column, int r, @Nullable Instant t) {
    if (t == null) {
      column.set(r, capacity, NO_INSTANT, 0);
    } else {
      column.set(r, capacity, t.getEpochSecond(), t.getNano());
    }
  }

  private void checkOpen() {
    if (sealed) {
      throw new IllegalStateException("the column store of this appender was built");
    }
  }

  /** Trims the columns to size; no row is appended afterwards. */
  void seal() {
    if (sealed) {
      return;
    }
    sealed = true;
    ids.trim(size);
    signedUp.trim(size);
    activated.trim(size);
    cancelled.trim(size);
    reps.trim(size);
    campaigns.trim(size);
  }

  /**
   * Returns how many rows were appended.
   *
   * @return the row count
   */
  public int size() {
    return size;
  }

  /** The customer of row {@code r}, as a record. */
  Customer customer(int r) {
    return Customer.builder(ids.value(r), signedUp.instant(r))
        .activatedAt(activated.instant(r))
        .cancelledAt(cancelled.instant(r))
        .repId(reps.value(r))
        .campaignId(campaigns.value(r))
        .build();
  }

  /** The bytes the columns hold (not the dictionaries). */
  long columnBytes() {
    return ids.bytes() + signedUp.bytes() + activated.bytes() + cancelled.bytes() + reps.bytes()
        + campaigns.bytes();
  }
}
