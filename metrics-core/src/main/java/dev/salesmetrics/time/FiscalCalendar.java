package dev.salesmetrics.time;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.Month;

/**
 * A fiscal calendar: the month in which each fiscal year, and so its first fiscal quarter, starts.
 *
 * <p>Fiscal quarters are the three-month blocks counted from {@code firstMonth}; fiscal years are
 * the twelve-month blocks starting on the first day of {@code firstMonth}. Days, ISO weeks and
 * months are the same in every fiscal calendar.
 *
 * <p><b>Naming.</b> A fiscal year is named for the calendar year in which it <em>ends</em> (the
 * year of its last day). With a February start, {@code 2024-02-01..2025-02-01} is fiscal year
 * 2025 and its first quarter, {@code 2024-02-01..2024-05-01}, is FY2025-Q1; {@code 2024-01-15}
 * lies in FY2024-Q4 ({@code 2023-11-01..2024-02-01}). With a January start ({@link #calendar()})
 * fiscal years and quarters are calendar years and quarters.
 *
 * <pre>{@code
 * FiscalCalendar fiscal = FiscalCalendar.startingIn(Month.FEBRUARY);
 * fiscal.fiscalYear(LocalDate.of(2024, 3, 15));      // 2025
 * fiscal.fiscalQuarter(LocalDate.of(2024, 3, 15));   // 1
 * }</pre>
 *
 * <p>Immutable and thread safe.
 *
 * @param firstMonth the month in which each fiscal year starts; {@link Month#JANUARY} for the
 *     calendar year
 */
public record FiscalCalendar(Month firstMonth) {

  private static final FiscalCalendar CALENDAR = new FiscalCalendar(Month.JANUARY);

  /**
   * Checks the first month.
   *
   * @param firstMonth the month in which each fiscal year starts
   * @throws NullPointerException if {@code firstMonth} is null
   */
  public FiscalCalendar {
    checkNotNull(firstMonth, "firstMonth");
  }

  /**
   * Returns the calendar-year calendar: fiscal years start in January, the default.
   *
   * @return the fiscal calendar starting in January
   */
  public static FiscalCalendar calendar() {
    return CALENDAR;
  }

  /**
   * Returns the fiscal calendar whose years start on the first day of {@code firstMonth}.
   *
   * @param firstMonth the month in which each fiscal year starts
   * @return the fiscal calendar
   * @throws NullPointerException if {@code firstMonth} is null
   */
  public static FiscalCalendar startingIn(Month firstMonth) {
    return new FiscalCalendar(firstMonth);
  }

  /**
   * Returns whether fiscal years are calendar years (they start in January).
   *
   * @return true if {@code firstMonth} is January
   */
  public boolean isCalendar() {
    return firstMonth == Month.JANUARY;
  }

  /**
   * Returns the fiscal year that {@code date} lies in, named for the calendar year in which that
   * fiscal year ends.
   *
   * @param date a date
   * @return the fiscal year's number, such as 2025 for {@code 2024-03-15} with a February start
   */
  public int fiscalYear(LocalDate date) {
    LocalDate start = Granularity.YEAR.startOf(date, this);
    return isCalendar() ? start.getYear() : start.getYear() + 1;
  }

  /**
   * Returns the fiscal quarter, 1 to 4, that {@code date} lies in.
   *
   * @param date a date
   * @return 1 for the quarter starting in {@code firstMonth}, up to 4
   */
  public int fiscalQuarter(LocalDate date) {
    return monthsIntoYear(date) / 3 + 1;
  }

  /** Returns 0 to 11: how many whole months {@code date}'s month lies after {@code firstMonth}. */
  int monthsIntoYear(LocalDate date) {
    return Math.floorMod(date.getMonthValue() - firstMonth.getValue(), 12);
  }
}
