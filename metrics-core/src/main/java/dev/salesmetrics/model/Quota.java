package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.Optional;

/**
 * A rep's sales target for a period, such as 50,000.00 USD for March 2024.
 *
 * <p>Rules: {@code repId} is not blank; {@code amount} is not negative. The period is usually a
 * month or quarter read in the caller's zone ({@code Period.between(start, endExclusive, zone)}).
 * Immutable and thread safe.
 *
 * @param repId the rep the quota belongs to ({@code rep_id}), not blank
 * @param period the period the quota covers
 * @param amount the target, not negative
 */
public record Quota(String repId, Period period, Money amount) implements SalesRecord {

  /**
   * Validates the components.
   *
   * @param repId the rep id, not blank
   * @param period the period
   * @param amount the target, not negative
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code repId} is blank or not well-formed, or
   *     {@code amount} is negative
   */
  public Quota {
    Checks.nonBlank(repId, "repId", "rep_id", " for quota");
    checkNotNull(period, "period");
    Checks.nonNegative(amount, "amount", "amount", " for quota of rep " + repId);
  }

  /**
   * Returns this quota unchanged: a quota is a plan, not an event, so it is known at every
   * instant.
   *
   * @param t the instant of knowledge
   * @return {@code Optional.of(this)}
   * @throws NullPointerException if {@code t} is null
   */
  @Override
  public Optional<Quota> asOf(Instant t) {
    checkNotNull(t, "t");
    return Optional.of(this);
  }
}
