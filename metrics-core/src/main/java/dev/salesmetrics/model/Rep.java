package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A sales representative: one row of the rep directory, through which deals and orders are
 * grouped by team and region.
 *
 * <p>Blank optional strings ({@code team}, {@code region}) are stored as {@code null}. Immutable
 * and thread safe.
 *
 * @param id the rep id ({@code rep_id}), not blank
 * @param name the rep's display name, not blank
 * @param team the team, or null if unknown
 * @param region the region, or null if unknown
 * @param hiredOn the hire date, or null if unknown
 */
public record Rep(
    String id,
    String name,
    @Nullable String team,
    @Nullable String region,
    @Nullable LocalDate hiredOn)
    implements SalesRecord {

  /**
   * Validates the components and normalises blank optional strings to {@code null}.
   *
   * @param id the rep id, not blank
   * @param name the display name, not blank
   * @param team the team, or null
   * @param region the region, or null
   * @param hiredOn the hire date, or null
   * @throws NullPointerException if {@code id} or {@code name} is null
   * @throws IllegalArgumentException if {@code id} or {@code name} is blank, or a text is not
   *     well-formed
   */
  public Rep {
    Checks.nonBlank(id, "id", "rep_id", "");
    String owner = " for rep " + id;
    Checks.nonBlank(name, "name", "name", owner);
    team = Checks.blankToNull(team, "team", owner);
    region = Checks.blankToNull(region, "region", owner);
  }

  /**
   * Returns this rep unchanged: a rep is directory data, not an event, so it is known at every
   * instant (the hire date is not used to hide the rep).
   *
   * @param t the instant of knowledge
   * @return {@code Optional.of(this)}
   * @throws NullPointerException if {@code t} is null
   */
  @Override
  public Optional<Rep> asOf(Instant t) {
    checkNotNull(t, "t");
    return Optional.of(this);
  }
}
