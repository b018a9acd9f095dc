package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A deal (opportunity): an amount a rep is trying to win, from creation until it is closed as won
 * or lost.
 *
 * <p>Rules checked on construction:
 *
 * <ul>
 *   <li>{@code id} and {@code repId} are not blank (see the package description); every text is
 *       well-formed; {@code amount}, when present, is not negative;
 *   <li>a {@link DealStatus#WON won} deal has an {@code amount}; an open or lost deal may have
 *       none (CRMs leave the amount of many lost and early-stage deals empty);
 *   <li>a {@link DealStatus#WON won} or {@link DealStatus#LOST lost} deal has a {@code closedAt},
 *       an {@link DealStatus#OPEN open} deal has none; {@code closedAt} is not before
 *       {@code createdAt};
 *   <li>{@code probability}, when present, is a finite number in [0, 1] (-0.0 is stored as 0.0);
 *   <li>the stage history is in time order ({@code enteredAt} non-decreasing; equal instants are
 *       kept in the given order) and no entry is before {@code createdAt}: a stage entered before
 *       the deal existed is a data error, rejected like a close before creation (a lenient CSV
 *       load reports such rows instead of failing). Entries after {@code closedAt} are accepted.
 * </ul>
 *
 * <p>Blank optional strings ({@code stage}, {@code customerId}, {@code leadId}, {@code product})
 * are stored as {@code null}. When {@code stage} is absent and the history is not empty,
 * {@code stage} is the stage of the last history entry. A present {@code stage} is kept as given,
 * even if it differs from the last history entry.
 *
 * <p><b>Deals without an amount.</b> An open or lost deal whose amount is unknown has a null
 * {@code amount} ({@link #hasAmount()} is false). It counts wherever deals are counted (win rate,
 * deals won and lost, open deals in sales velocity) and is left out of every sum of money
 * (pipeline value, weighted pipeline, pipeline coverage): it adds nothing and is not counted in the
 * sum's count. Leaving such deals out altogether would raise the win rate, since CRMs mostly leave
 * lost deals without an amount.
 *
 * <pre>{@code
 * Deal deal = Deal.builder("D1", "R1", Money.of("1200.00", "USD"),
 *         Instant.parse("2024-01-02T09:00:00Z"))
 *     .addStage("qualified", Instant.parse("2024-01-03T09:00:00Z"))
 *     .won(Instant.parse("2024-02-01T17:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 *
 * @param id the deal id ({@code deal_id}), not blank
 * @param repId the owning rep, not blank
 * @param amount the deal amount, not negative; null when unknown, which only an open or lost deal
 *     may be
 * @param createdAt when the deal was created
 * @param status open, won or lost
 * @param closedAt when the deal was closed; present exactly when the status is closed
 * @param stage the current pipeline stage, or null
 * @param probability the chance of winning in [0, 1], or null if not given
 * @param customerId the customer, or null
 * @param leadId the lead the deal came from, or null
 * @param product the product, or null
 * @param stageHistory the stages entered, in time order; empty if unknown
 */
public record Deal(
    String id,
    String repId,
    @Nullable Money amount,
    Instant createdAt,
    DealStatus status,
    @Nullable Instant closedAt,
    @Nullable String stage,
    @Nullable Double probability,
    @Nullable String customerId,
    @Nullable String leadId,
    @Nullable String product,
    List<StageChange> stageHistory)
    implements SalesRecord {

  /**
   * Validates the components, normalises blank optional strings to {@code null} and copies the
   * stage history.
   *
   * @param id the deal id, not blank
   * @param repId the owning rep, not blank
   * @param amount the amount, not negative, or null when unknown (not for a won deal)
   * @param createdAt the creation instant
   * @param status the status
   * @param closedAt the close instant, or null when open
   * @param stage the current stage, or null
   * @param probability the chance of winning, or null
   * @param customerId the customer, or null
   * @param leadId the lead, or null
   * @param product the product, or null
   * @param stageHistory the stage history
   * @throws NullPointerException if a required component or a history entry is null
   * @throws IllegalArgumentException if a rule in the class description is broken
   */
  public Deal {
    Checks.nonBlank(id, "id", "deal_id", "");
    String owner = " for deal " + id;
    Checks.nonBlank(repId, "repId", "rep_id", owner);
    checkNotNull(createdAt, "createdAt");
    checkNotNull(status, "status");
    if (amount != null) {
      Checks.nonNegative(amount, "amount", "amount", owner);
    } else if (status == DealStatus.WON) {
      throw new IllegalArgumentException(
          "amount is required when status is won" + owner
              + " (only an open or lost deal may have no amount)");
    }
    checkNotNull(stageHistory, "stageHistory");
    if (status.isClosed() && closedAt == null) {
      throw new IllegalArgumentException(
          "closed_at is required when status is " + status.name().toLowerCase(Locale.ROOT)
              + owner);
    }
    if (!status.isClosed() && closedAt != null) {
      throw new IllegalArgumentException(
          "closed_at must be absent when status is open: " + closedAt + owner);
    }
    Checks.notBefore(closedAt, "closed_at", createdAt, "created_at", owner);
    if (probability != null && !(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability + owner);
    }
    if (probability != null && probability == 0.0) {
      probability = 0.0; // -0.0 is stored as 0.0, the value its text "0.0" reads back as
    }
    stageHistory = Checks.copyOf(stageHistory, "stageHistory", owner);
    StageChange previous = null;
    for (StageChange change : stageHistory) {
      if (change.enteredAt().isBefore(createdAt)) {
        throw new IllegalArgumentException(
            "stage_history entered_at " + change.enteredAt() + " of stage \"" + change.stage()
                + "\" is before created_at " + createdAt + owner);
      }
      if (previous != null && change.enteredAt().isBefore(previous.enteredAt())) {
        throw new IllegalArgumentException(
            "stage_history must be in time order: \"" + change.stage() + "\" entered_at "
                + change.enteredAt() + " is before \"" + previous.stage() + "\" entered_at "
                + previous.enteredAt() + owner);
      }
      previous = change;
    }
    stage = Checks.blankToNull(stage, "stage", owner);
    if (stage == null && previous != null) {
      stage = previous.stage();
    }
    customerId = Checks.blankToNull(customerId, "customer_id", owner);
    leadId = Checks.blankToNull(leadId, "lead_id", owner);
    product = Checks.blankToNull(product, "product", owner);
  }

  /**
   * Returns a builder for an open deal with the required components; the rest start absent and
   * the stage history empty.
   *
   * @param id the deal id, not blank
   * @param repId the owning rep, not blank
   * @param amount the amount, not negative, or null when unknown (then the deal must not be won)
   * @param createdAt the creation instant
   * @return a new builder
   */
  public static Builder builder(
      String id, String repId, @Nullable Money amount, Instant createdAt) {
    return new Builder(id, repId, amount, createdAt);
  }

  /**
   * Returns this deal as known at {@code t}: empty if created after {@code t}; if closed after
   * {@code t}, open with no {@code closedAt}; stage history entries after {@code t} removed, and
   * when any was removed, {@code stage} becomes the stage of the last remaining entry (null if
   * none remains). Amount, probability and the other fields have no history and are kept.
   *
   * @param t the instant of knowledge
   * @return the deal as of {@code t}, {@code this} itself if nothing changes, or empty
   * @throws NullPointerException if {@code t} is null
   */
  @Override
  public Optional<Deal> asOf(Instant t) {
    checkNotNull(t, "t");
    if (createdAt.isAfter(t)) {
      return Optional.empty();
    }
    boolean closedLater = Checks.after(closedAt, t);
    int known = 0;
    while (known < stageHistory.size() && !stageHistory.get(known).enteredAt().isAfter(t)) {
      known++;
    }
    boolean stagesLater = known < stageHistory.size();
    if (!closedLater && !stagesLater) {
      return Optional.of(this);
    }
    List<StageChange> history = stagesLater ? stageHistory.subList(0, known) : stageHistory;
    String stageAt = stage;
    if (stagesLater) {
      stageAt = known == 0 ? null : stageHistory.get(known - 1).stage();
    }
    return Optional.of(
        new Deal(
            id,
            repId,
            amount,
            createdAt,
            closedLater ? DealStatus.OPEN : status,
            closedLater ? null : closedAt,
            stageAt,
            probability,
            customerId,
            leadId,
            product,
            history));
  }

  /**
   * Tells whether the amount is known. Only an open or lost deal may lack one.
   *
   * @return true if {@link #amount()} is not null
   */
  public boolean hasAmount() {
    return amount != null;
  }

  /** A builder of {@link Deal}; not thread safe. {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private final String repId;
    @Nullable private final Money amount;
    private final Instant createdAt;
    private DealStatus status = DealStatus.OPEN;
    @Nullable private Instant closedAt;
    @Nullable private String stage;
    @Nullable private Double probability;
    @Nullable private String customerId;
    @Nullable private String leadId;
    @Nullable private String product;
    private final List<StageChange> stageHistory = new ArrayList<>();

    private Builder(String id, String repId, @Nullable Money amount, Instant createdAt) {
      this.id = id;
      this.repId = repId;
      this.amount = amount;
      this.createdAt = createdAt;
    }

    /**
     * Marks the deal won at {@code closedAt}.
     *
     * @param closedAt the close instant
     * @return this builder
     * @throws NullPointerException if {@code closedAt} is null
     */
    @CanIgnoreReturnValue
    public Builder won(Instant closedAt) {
      return status(DealStatus.WON, checkNotNull(closedAt, "closedAt"));
    }

    /**
     * Marks the deal lost at {@code closedAt}.
     *
     * @param closedAt the close instant
     * @return this builder
     * @throws NullPointerException if {@code closedAt} is null
     */
    @CanIgnoreReturnValue
    public Builder lost(Instant closedAt) {
      return status(DealStatus.LOST, checkNotNull(closedAt, "closedAt"));
    }

    /**
     * Sets the status and close instant together; {@link #build()} checks that they agree.
     *
     * @param status the status
     * @param closedAt the close instant, null for an open deal
     * @return this builder
     * @throws NullPointerException if {@code status} is null
     */
    @CanIgnoreReturnValue
    public Builder status(DealStatus status, @Nullable Instant closedAt) {
      this.status = checkNotNull(status, "status");
      this.closedAt = closedAt;
      return this;
    }

    /**
     * Sets the current stage; if left absent, the last stage of the history is used.
     *
     * @param stage the stage, or null (blank means absent)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder stage(@Nullable String stage) {
      this.stage = stage;
      return this;
    }

    /**
     * Sets the probability of winning; {@link #build()} checks it is in [0, 1].
     *
     * @param probability the probability
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder probability(double probability) {
      this.probability = probability;
      return this;
    }

    /**
     * Sets the customer.
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
     * Sets the lead the deal came from.
     *
     * @param leadId the lead id, or null (blank means absent)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder leadId(@Nullable String leadId) {
      this.leadId = leadId;
      return this;
    }

    /**
     * Sets the product.
     *
     * @param product the product, or null (blank means absent)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder product(@Nullable String product) {
      this.product = product;
      return this;
    }

    /**
     * Replaces the stage history with a copy of {@code stageHistory}.
     *
     * @param stageHistory the entries in time order
     * @return this builder
     * @throws NullPointerException if the list or an entry is null
     */
    @CanIgnoreReturnValue
    public Builder stageHistory(List<StageChange> stageHistory) {
      List<StageChange> copy = Checks.copyOf(stageHistory, "stageHistory", " for deal " + id);
      this.stageHistory.clear();
      this.stageHistory.addAll(copy);
      return this;
    }

    /**
     * Appends a stage history entry.
     *
     * @param stage the stage, not blank
     * @param enteredAt when the deal entered it
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code stage} is blank or not well-formed
     */
    @CanIgnoreReturnValue
    public Builder addStage(String stage, Instant enteredAt) {
      stageHistory.add(new StageChange(stage, enteredAt));
      return this;
    }

    /**
     * Builds the deal.
     *
     * @return the validated deal
     * @throws NullPointerException if a required value is null
     * @throws IllegalArgumentException if a rule of {@link Deal} is broken
     */
    public Deal build() {
      return new Deal(
          id,
          repId,
          amount,
          createdAt,
          status,
          closedAt,
          stage,
          probability,
          customerId,
          leadId,
          product,
          stageHistory);
    }
  }
}
