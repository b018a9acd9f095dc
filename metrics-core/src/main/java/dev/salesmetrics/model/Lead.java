package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A lead: a prospective buyer, from its creation through first contact to conversion into a
 * customer.
 *
 * <p>Rules: {@code first_contact_at} and {@code converted_at}, when present, are not before
 * {@code created_at}. A lead may be converted with or without a {@code customer_id}; a
 * {@code customer_id} without {@code converted_at} is accepted too (some CRMs link the customer
 * without dating the conversion). Blank optional strings ({@code repId}, {@code source},
 * {@code campaignId}, {@code customerId}) are stored as {@code null}.
 *
 * <pre>{@code
 * Lead lead = Lead.builder("L1", Instant.parse("2024-01-02T09:00:00Z"))
 *     .source("webinar")
 *     .convertedAt(Instant.parse("2024-01-20T10:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 *
 * @param id the lead id ({@code lead_id}), not blank
 * @param createdAt when the lead was created
 * @param repId the owning rep, or null
 * @param contact the contact details; {@link Contact#empty()} when none are known
 * @param source the lead source (e.g. {@code "webinar"}), or null
 * @param campaignId the campaign the lead came from, or null
 * @param firstContactAt when a rep first contacted the lead, or null if not yet
 * @param convertedAt when the lead converted, or null if it has not
 * @param customerId the customer the lead became, or null
 */
public record Lead(
    String id,
    Instant createdAt,
    @Nullable String repId,
    Contact contact,
    @Nullable String source,
    @Nullable String campaignId,
    @Nullable Instant firstContactAt,
    @Nullable Instant convertedAt,
    @Nullable String customerId)
    implements SalesRecord {

  /**
   * Validates the components and normalises blank optional strings to {@code null}.
   *
   * @param id the lead id, not blank
   * @param createdAt when the lead was created
   * @param repId the owning rep, or null
   * @param contact the contact details
   * @param source the lead source, or null
   * @param campaignId the campaign, or null
   * @param firstContactAt the first contact, or null
   * @param convertedAt the conversion, or null
   * @param customerId the resulting customer, or null
   * @throws NullPointerException if {@code id}, {@code createdAt} or {@code contact} is null
   * @throws IllegalArgumentException if {@code id} is blank, a text is not well-formed, or
   *     {@code firstContactAt} or {@code convertedAt} is before {@code createdAt}
   */
  public Lead {
    Checks.nonBlank(id, "id", "lead_id", "");
    checkNotNull(createdAt, "createdAt");
    checkNotNull(contact, "contact");
    String owner = " for lead " + id;
    Checks.notBefore(firstContactAt, "first_contact_at", createdAt, "created_at", owner);
    Checks.notBefore(convertedAt, "converted_at", createdAt, "created_at", owner);
    repId = Checks.blankToNull(repId, "rep_id", owner);
    source = Checks.blankToNull(source, "source", owner);
    campaignId = Checks.blankToNull(campaignId, "campaign_id", owner);
    customerId = Checks.blankToNull(customerId, "customer_id", owner);
  }

  /**
   * Returns a builder for a lead with the required components; the rest start absent and the
   * contact starts {@link Contact#empty()}.
   *
   * @param id the lead id, not blank
   * @param createdAt when the lead was created
   * @return a new builder
   */
  public static Builder builder(String id, Instant createdAt) {
    return new Builder(id, createdAt);
  }

  /**
   * Returns this lead as known at {@code t}: empty if created after {@code t}; a first contact
   * after {@code t} is removed; a conversion after {@code t} is removed together with the
   * {@code customerId}. A {@code customerId} on a lead without {@code convertedAt} cannot be dated
   * and is kept.
   *
   * @param t the instant of knowledge
   * @return the lead as of {@code t}, {@code this} itself if nothing changes, or empty
   * @throws NullPointerException if {@code t} is null
   */
  @Override
  public Optional<Lead> asOf(Instant t) {
    checkNotNull(t, "t");
    if (createdAt.isAfter(t)) {
      return Optional.empty();
    }
    boolean contactLater = Checks.after(firstContactAt, t);
    boolean convertedLater = Checks.after(convertedAt, t);
    if (!contactLater && !convertedLater) {
      return Optional.of(this);
    }
    return Optional.of(
        new Lead(
            id,
            createdAt,
            repId,
            contact,
            source,
            campaignId,
            contactLater ? null : firstContactAt,
            convertedLater ? null : convertedAt,
            convertedLater ? null : customerId));
  }

  /** A builder of {@link Lead}; not thread safe. {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private final Instant createdAt;
    @Nullable private String repId;
    private Contact contact = Contact.empty();
    @Nullable private String source;
    @Nullable private String campaignId;
    @Nullable private Instant firstContactAt;
    @Nullable private Instant convertedAt;
    @Nullable private String customerId;

    private Builder(String id, Instant createdAt) {
      this.id = id;
      this.createdAt = createdAt;
    }

    /**
     * Sets the owning rep.
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
     * Sets the contact details.
     *
     * @param contact the contact
     * @return this builder
     * @throws NullPointerException if {@code contact} is null
     */
    @CanIgnoreReturnValue
    public Builder contact(Contact contact) {
      this.contact = checkNotNull(contact, "contact");
      return this;
    }

    /**
     * Sets the lead source.
     *
     * @param source the source, or null (blank means absent)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder source(@Nullable String source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the campaign the lead came from.
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
     * Sets when a rep first contacted the lead.
     *
     * @param firstContactAt the instant, or null
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder firstContactAt(@Nullable Instant firstContactAt) {
      this.firstContactAt = firstContactAt;
      return this;
    }

    /**
     * Sets when the lead converted.
     *
     * @param convertedAt the instant, or null
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder convertedAt(@Nullable Instant convertedAt) {
      this.convertedAt = convertedAt;
      return this;
    }

    /**
     * Sets the customer the lead became.
     *
     * @param customerId the customer id, or null (blank means absent)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * Builds the lead.
     *
     * @return the validated lead
     * @throws NullPointerException if a required value is null
     * @throws IllegalArgumentException if a rule of {@link Lead} is broken
     */
    public Lead build() {
      return new Lead(
          id,
          createdAt,
          repId,
          contact,
          source,
          campaignId,
          firstContactAt,
          convertedAt,
          customerId);
    }
  }
}
