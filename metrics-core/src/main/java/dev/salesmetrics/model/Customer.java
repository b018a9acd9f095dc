package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A customer: signed up at one instant, possibly activated and possibly cancelled later.
 *
 * <p>Rules: {@code id} is not blank; {@code activatedAt} and {@code cancelledAt}, when present, are
 * not before {@code signedUpAt} (a cancellation at the sign-up instant is allowed: the customer was
 * never active). Activation after cancellation is not checked. Blank {@code repId} and
 * {@code campaignId} are stored as {@code null}.
 *
 * <p>Immutable and thread safe.
 *
 * @param id the customer id ({@code customer_id}), not blank
 * @param signedUpAt when the customer signed up
 * @param activatedAt when the customer activated, or null if not
 * @param cancelledAt when the customer cancelled, or null if not
 * @param repId the rep who signed the customer, or null
 * @param campaignId the campaign that acquired the customer, or null
 */
public record Customer(
    String id,
    Instant signedUpAt,
    @Nullable Instant activatedAt,
    @Nullable Instant cancelledAt,
    @Nullable String repId,
    @Nullable String campaignId)
    implements SalesRecord {

  /**
   * Validates the components and normalises blank optional strings to {@code null}.
   *
   * @param id the customer id, not blank
   * @param signedUpAt the sign-up instant
   * @param activatedAt the activation, or null
   * @param cancelledAt the cancellation, or null
   * @param repId the rep, or null
   * @param campaignId the campaign, or null
   * @throws NullPointerException if {@code id} or {@code signedUpAt} is null
   * @throws IllegalArgumentException if {@code id} is blank, a text is not well-formed, or
   *     {@code activatedAt} or {@code cancelledAt} is before {@code signedUpAt}
   */
  public Customer {
    Checks.nonBlank(id, "id", "customer_id", "");
    checkNotNull(signedUpAt, "signedUpAt");
    String owner = " for customer " + id;
    Checks.notBefore(activatedAt, "activated_at", signedUpAt, "signed_up_at", owner);
    Checks.notBefore(cancelledAt, "cancelled_at", signedUpAt, "signed_up_at", owner);
    repId = Checks.blankToNull(repId, "rep_id", owner);
    campaignId = Checks.blankToNull(campaignId, "campaign_id", owner);
  }

  /**
   * Returns a builder for a customer with the required components; the rest start absent.
   *
   * @param id the customer id, not blank
   * @param signedUpAt the sign-up instant
   * @return a new builder
   */
  public static Builder builder(String id, Instant signedUpAt) {
    return new Builder(id, signedUpAt);
  }

  /**
   * Tells whether the customer is active at {@code t}: {@code signedUpAt <= t} and
   * ({@code cancelledAt} is absent or {@code t < cancelledAt}). Activation is not required.
   *
   * @param t the instant
   * @return true if active at {@code t}
   * @throws NullPointerException if {@code t} is null
   */
  public boolean isActiveAt(Instant t) {
    checkNotNull(t, "t");
    return !signedUpAt.isAfter(t) && (cancelledAt == null || t.isBefore(cancelledAt));
  }

  /**
   * Returns this customer as known at {@code t}: empty if signed up after {@code t}; an
   * activation or cancellation after {@code t} is removed.
   *
   * @param t the instant of knowledge
   * @return the customer as of {@code t}, {@code this} itself if nothing changes, or empty
   * @throws NullPointerException if {@code t} is null
   */
  @Override
  public Optional<Customer> asOf(Instant t) {
    checkNotNull(t, "t");
    if (signedUpAt.isAfter(t)) {
      return Optional.empty();
    }
    boolean activatedLater = Checks.after(activatedAt, t);
    boolean cancelledLater = Checks.after(cancelledAt, t);
    if (!activatedLater && !cancelledLater) {
      return Optional.of(this);
    }
    return Optional.of(
        new Customer(
            id,
            signedUpAt,
            activatedLater ? null : activatedAt,
            cancelledLater ? null : cancelledAt,
            repId,
            campaignId));
  }

  /** A builder of {@link Customer}; not thread safe. {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private final Instant signedUpAt;
    @Nullable private Instant activatedAt;
    @Nullable private Instant cancelledAt;
    @Nullable private String repId;
    @Nullable private String campaignId;

    private Builder(String id, Instant signedUpAt) {
      this.id = id;
      this.signedUpAt = signedUpAt;
    }

    /**
     * Sets when the customer activated.
     *
     * @param activatedAt the instant, or null
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder activatedAt(@Nullable Instant activatedAt) {
      this.activatedAt = activatedAt;
      return this;
    }

    /**
     * Sets when the customer cancelled.
     *
     * @param cancelledAt the instant, or null
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder cancelledAt(@Nullable Instant cancelledAt) {
      this.cancelledAt = cancelledAt;
      return this;
    }

    /**
     * Sets the rep who signed the customer.
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
     * Sets the campaign that acquired the customer.
     *
     * @param campaignId the campaign id, or null (blank means absent)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder campaignId(@Nullable String campaignId) {
      this.campaignId = campaignId;
      return this;
    }

    /**
     * Builds the customer.
     *
     * @return the validated customer
     * @throws NullPointerException if a required value is null
     * @throws IllegalArgumentException if a rule of {@link Customer} is broken
     */
    public Customer build() {
      return new Customer(id, signedUpAt, activatedAt, cancelledAt, repId, campaignId);
    }
  }
}
