package dev.salesmetrics.time;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The length of a calendar period: a day, an ISO week, a month, a quarter or a year.
 *
 * <p>Units are computed on local dates: {@link Period} turns them into instants in a zone. Weeks
 * are ISO weeks, Monday to Sunday. Quarters and years follow a {@link FiscalCalendar}; days, weeks
 * and months do not depend on it. Each constant has a lowercase {@link #id()} ({@code "day"},
 * {@code "week"}, ...) that {@link #parse(String)} reads.
 *
 * <pre>{@code
 * Granularity.WEEK.startOf(LocalDate.of(2024, 12, 31), FiscalCalendar.calendar());  // 2024-12-30
 * Granularity.parse("quarter");                                                     // QUARTER
 * }</pre>
 */
public enum Granularity {
  /** One calendar day, from local midnight to the next local midnight. */
  DAY,
  /** One ISO week, starting on Monday. */
  WEEK,
  /** One calendar month. */
  MONTH,
  /** Three months; calendar quarters, or fiscal quarters counted from the fiscal first month. */
  QUARTER,
  /** Twelve months; the calendar year, or the fiscal year starting in the fiscal first month. */
  YEAR;

  private static final String ACCEPTED = "day, week, month, quarter, year";

  /**
   * Returns this unit's lowercase id: {@code "day"}, {@code "week"}, {@code "month"}, {@code
   * "quarter"} or {@code "year"}.
   *
   * @return the id, as read by {@link #parse(String)}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the first day of the unit that contains {@code date}.
   *
   * @param date a date
   * @param fiscal the fiscal calendar; used by {@link #QUARTER} and {@link #YEAR} only
   * @return the unit's first day: {@code date} itself for a day, the Monday on or before it for a
   *     week, the first of the month for a month, the first day of the (fiscal) quarter or year
   */
  public LocalDate startOf(LocalDate date, FiscalCalendar fiscal) {
    checkNotNull(date, "date");
    checkNotNull(fiscal, "fiscal");
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> date.withDayOfMonth(1).minusMonths(fiscal.monthsIntoYear(date) % 3);
      case YEAR -> date.withDayOfMonth(1).minusMonths(fiscal.monthsIntoYear(date));
    };
  }

  /**
   * Returns the first day of the unit after the one that starts on {@code unitStart}: {@code
   * unitStart} plus one day, 7 days, 1 month, 3 months or 1 year.
   *
   * @param unitStart the first day of a unit, as returned by {@link #startOf}
   * @return the first day of the following unit
   * @throws IllegalArgumentException if {@code unitStart} cannot start this unit: a week must
   *     start on a Monday, a month, quarter or year on the first of a month
   */
  public LocalDate next(LocalDate unitStart) {
    checkUnitStart(unitStart);
    return switch (this) {
      case DAY -> unitStart.plusDays(1);
      case WEEK -> unitStart.plusWeeks(1);
      case MONTH -> unitStart.plusMonths(1);
      case QUARTER -> unitStart.plusMonths(3);
      case YEAR -> unitStart.plusYears(1);
    };
  }

  /**
   * Returns the first day of the unit before the one that starts on {@code unitStart}: {@code
   * unitStart} minus one day, 7 days, 1 month, 3 months or 1 year.
   *
   * @param unitStart the first day of a unit, as returned by {@link #startOf}
   * @return the first day of the preceding unit
   * @throws IllegalArgumentException if {@code unitStart} cannot start this unit: a week must
   *     start on a Monday, a month, quarter or year on the first of a month
   */
  public LocalDate previous(LocalDate unitStart) {
    checkUnitStart(unitStart);
    return switch (this) {
      case DAY -> unitStart.minusDays(1);
      case WEEK -> unitStart.minusWeeks(1);
      case MONTH -> unitStart.minusMonths(1);
      case QUARTER -> unitStart.minusMonths(3);
      case YEAR -> unitStart.minusYears(1);
    };
  }

  /**
   * Reads a granularity from its id, ignoring case and surrounding blanks: {@code "day"}, {@code
   * "week"}, {@code "month"}, {@code "quarter"} or {@code "year"}.
   *
   * @param text the id
   * @return the granularity
   * @throws IllegalArgumentException if {@code text} is not one of the ids; the message lists them
   */
  public static Granularity parse(String text) {
    checkNotNull(text, "text");
    String id = text.strip().toLowerCase(Locale.ROOT);
    for (Granularity g : values()) {
      if (g.id().equals(id)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "granularity must be one of " + ACCEPTED + ": \"" + text + "\"");
  }

  private void checkUnitStart(LocalDate unitStart) {
    checkNotNull(unitStart, "unitStart");
    if (this == WEEK && unitStart.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException(
          "week start must be a Monday: " + unitStart + " is a " + unitStart.getDayOfWeek());
    }
    if (this != DAY && this != WEEK && unitStart.getDayOfMonth() != 1) {
      throw new IllegalArgumentException(
          id() + " start must be the first of a month: " + unitStart);
    }
  }
}
