package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * The time unit of a purchase model: recency, age, the scale parameter {@code alpha} and every
 * forecast horizon are measured in it.
 *
 * <p>A fitted model records its unit, so a horizon given in months is converted to the model's
 * unit explicitly (see {@link ClvHorizon#daysPerMonth()}) and never silently read as days.
 */
public enum ClvTimeUnit {
  /** One calendar day. */
  DAY(1),
  /** Seven calendar days. */
  WEEK(7);

  private final int days;

  ClvTimeUnit(int days) {
    this.days = days;
  }

  /**
   * Returns the length of this unit in days.
   *
   * @return 1 for {@link #DAY}, 7 for {@link #WEEK}
   */
  public int days() {
    return days;
  }

  /**
   * Returns the lowercase id used in text files and on the command line.
   *
   * @return {@code "day"} or {@code "week"}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Converts a number of days to this unit.
   *
   * @param days a duration in days
   * @return the same duration in this unit
   */
  public double fromDays(double days) {
    return days / this.days;
  }

  /**
   * Parses an id such as {@code "week"} (case-insensitive).
   *
   * @param id {@code "day"} or {@code "week"}
   * @return the unit
   * @throws IllegalArgumentException if the id names no unit
   */
  public static ClvTimeUnit parse(String id) {
    checkNotNull(id, "id");
    for (ClvTimeUnit unit : values()) {
      if (unit.id().equalsIgnoreCase(id.trim())) {
        return unit;
      }
    }
    throw new IllegalArgumentException("unit must be day or week: " + id);
  }
}
