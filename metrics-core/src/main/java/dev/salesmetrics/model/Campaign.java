package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A marketing campaign with its spend over the inclusive dates {@code [startDate, endDate]}.
 *
 * <p>Rules: {@code id} and {@code name} are not blank; {@code endDate} is not before
 * {@code startDate} (a one-day campaign has equal dates); {@code spend} is not negative. A blank
 * {@code channel} is stored as {@code null}.
 *
 * <p>Immutable and thread safe.
 *
 * @param id the campaign id ({@code campaign_id}), not blank
 * @param name the campaign name, not blank
 * @param channel the marketing channel, or null
 * @param startDate the first day, inclusive
 * @param endDate the last day, inclusive
 * @param spend the total spend, not negative
 */
public record Campaign(
    String id,
    String name,
    @Nullable String channel,
    LocalDate startDate,
    LocalDate endDate,
    Money spend)
    implements SalesRecord {

  /**
   * Validates the components and normalises a blank {@code channel} to {@code null}.
   *
   * @param id the campaign id, not blank
   * @param name the name, not blank
   * @param channel the channel, or null
   * @param startDate the first day
   * @param endDate the last day
   * @param spend the spend, not negative
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if {@code id} or {@code name} is blank, a text is not
   *     well-formed, {@code endDate} is before {@code startDate}, or {@code spend} is negative
   */
  public Campaign {
    Checks.nonBlank(id, "id", "campaign_id", "");
    String owner = " for campaign " + id;
    Checks.nonBlank(name, "name", "name", owner);
    checkNotNull(startDate, "startDate");
    checkNotNull(endDate, "endDate");
    Checks.notBefore(endDate, "end_date", startDate, "start_date", owner);
    Checks.nonNegative(spend, "spend", "spend", owner);
    channel = Checks.blankToNull(channel, "channel", owner);
  }

  /**
   * Returns this campaign unchanged: a campaign is a plan with dates, not an event, so it is known
   * at every instant (its spend is attributed to periods by date instead).
   *
   * @param t the instant of knowledge
   * @return {@code Optional.of(this)}
   * @throws NullPointerException if {@code t} is null
   */
  @Override
  public Optional<Campaign> asOf(Instant t) {
    checkNotNull(t, "t");
    return Optional.of(this);
  }
}
