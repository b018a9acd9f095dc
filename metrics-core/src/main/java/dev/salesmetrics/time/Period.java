package dev.salesmetrics.time;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * A half-open interval of instants {@code [start, end)} read in a zone: either one unit of a
 * {@link Granularity} (a day, ISO week, month, quarter or year) or a custom span.
 *
 * <p>A period of a granularity starts at the start of its first local day in {@code zone}
 * ({@link LocalDate#atStartOfDay(ZoneId)}: local midnight, or the first instant of the day where
 * midnight does not exist) and ends at the start of the next unit's first day. So a day that
 * contains a daylight-saving change is 23 or 25 hours long, and a month containing one is an hour
 * shorter or longer in instants. An instant exactly at {@code start} belongs to the period; the
 * instant at {@code end} belongs to the next one.
 *
 * <pre>{@code
 * ZoneId ny = ZoneId.of("America/New_York");
 * Period day = Period.of(LocalDate.of(2024, 3, 10), Granularity.DAY, ny);
 * day.length();             // PT23H: clocks go forward at 02:00
 * day.next().label();       // "2024-03-11"
 * Period q = Period.of(LocalDate.of(2024, 3, 15), Granularity.QUARTER, ny,
 *     FiscalCalendar.startingIn(Month.FEBRUARY));
 * q.label();                // "FY2025-Q1"
 * }</pre>
 *
 * <p>A custom period ({@link #between(LocalDate, LocalDate, ZoneId)} of dates that are not exactly
 * one unit, or {@link #ofInstants}) has no granularity: it has no {@link #next()} or {@link
 * #previous()}. Equality compares all five components, so a custom period never equals a period
 * of a granularity, even over the same instants, and the fiscal calendar counts even where it
 * makes no difference to the instants (a month).
 *
 * <p>Immutable and thread safe.
 *
 * @param start the first instant in the period (inclusive)
 * @param end the first instant after the period (exclusive); after {@code start}
 * @param zone the zone in which local dates, and so the units, are read
 * @param granularity the unit this period is one of, or null for a custom period
 * @param fiscal the fiscal calendar for quarters and years; {@link FiscalCalendar#calendar()}
 *     unless given
 */
public record Period(
    Instant start,
    Instant end,
    ZoneId zone,
    @Nullable Granularity granularity,
    FiscalCalendar fiscal) {

  /**
   * Validates the period.
   *
   * @param start the first instant in the period (inclusive)
   * @param end the first instant after the period (exclusive)
   * @param zone the zone in which local dates are read
   * @param granularity the unit this period is one of, or null for a custom period
   * @param fiscal the fiscal calendar for quarters and years
   * @throws NullPointerException if {@code start}, {@code end}, {@code zone} or {@code fiscal} is
   *     null
   * @throws IllegalArgumentException if {@code start} is not before {@code end}, or if a
   *     granularity is given and {@code [start, end)} is not exactly one of its units in {@code
   *     zone} and {@code fiscal}
   */
  public Period {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(zone, "zone");
    checkNotNull(fiscal, "fiscal");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
    if (granularity != null) {
      LocalDate unitStart = granularity.startOf(LocalDate.ofInstant(start, zone), fiscal);
      Instant expectedStart = unitStart.atStartOfDay(zone).toInstant();
      Instant expectedEnd = granularity.next(unitStart).atStartOfDay(zone).toInstant();
      if (!start.equals(expectedStart) || !end.equals(expectedEnd)) {
        throw new IllegalArgumentException(
            "start "
                + start
                + " and end "
                + end
                + " must bound one "
                + granularity.id()
                + " in "
                + zone
                + (fiscal.isCalendar() ? "" : " with fiscal years from " + fiscal.firstMonth())
                + ": expected "
                + expectedStart
                + " and "
                + expectedEnd);
      }
    }
  }

  /**
   * Returns the period of {@code granularity} in {@code zone} that contains {@code instant}, with
   * calendar quarters and years.
   *
   * @param instant an instant
   * @param granularity the unit
   * @param zone the zone in which units are read
   * @return the period containing {@code instant}
   * @throws java.time.DateTimeException if the period would lie outside the supported date range
   */
  public static Period containing(Instant instant, Granularity granularity, ZoneId zone) {
    return containing(instant, granularity, zone, FiscalCalendar.calendar());
  }

  /**
   * Returns the period of {@code granularity} in {@code zone} and {@code fiscal} that contains
   * {@code instant}.
   *
   * @param instant an instant
   * @param granularity the unit
   * @param zone the zone in which units are read
   * @param fiscal the fiscal calendar for quarters and years
   * @return the period containing {@code instant}
   * @throws java.time.DateTimeException if the period would lie outside the supported date range
   */
  public static Period containing(
      Instant instant, Granularity granularity, ZoneId zone, FiscalCalendar fiscal) {
    checkNotNull(instant, "instant");
    checkNotNull(granularity, "granularity");
    checkNotNull(zone, "zone");
    LocalDate unitStart = granularity.startOf(LocalDate.ofInstant(instant, zone), fiscal);
    return new Period(
        unitStart.atStartOfDay(zone).toInstant(),
        granularity.next(unitStart).atStartOfDay(zone).toInstant(),
        zone,
        granularity,
        fiscal);
  }

  /**
   * Returns the period of {@code granularity} in {@code zone} that contains the local date {@code
   * dateInside}, with calendar quarters and years.
   *
   * <p>A date that does not exist in the zone (a day skipped when the zone crossed the date line,
   * such as 2011-12-30 in Pacific/Apia) has no instants; its day is the following day's period.
   *
   * @param dateInside a date in the period
   * @param granularity the unit
   * @param zone the zone in which units are read
   * @return the period containing {@code dateInside}
   */
  public static Period of(LocalDate dateInside, Granularity granularity, ZoneId zone) {
    return of(dateInside, granularity, zone, FiscalCalendar.calendar());
  }

  /**
   * Returns the period of {@code granularity} in {@code zone} and {@code fiscal} that contains the
   * local date {@code dateInside}.
   *
   * <p>A date that does not exist in the zone (a day skipped when the zone crossed the date line,
   * such as 2011-12-30 in Pacific/Apia) has no instants; its day is the following day's period.
   *
   * @param dateInside a date in the period
   * @param granularity the unit
   * @param zone the zone in which units are read
   * @param fiscal the fiscal calendar for quarters and years
   * @return the period containing {@code dateInside}
   */
  public static Period of(
      LocalDate dateInside, Granularity granularity, ZoneId zone, FiscalCalendar fiscal) {
    checkNotNull(dateInside, "dateInside");
    checkNotNull(zone, "zone");
    return containing(dateInside.atStartOfDay(zone).toInstant(), granularity, zone, fiscal);
  }

  /**
   * Returns the period from the start of local date {@code startInclusive} to the start of
   * {@code endExclusive} in {@code zone}, such as a sales quota's period.
   *
   * <p>When the dates bound exactly one calendar unit (one day, an ISO week from Monday to
   * Monday, a month, a calendar quarter or a calendar year) the period has that granularity and
   * equals {@link #of(LocalDate, Granularity, ZoneId)}; otherwise it is a custom period with no
   * granularity.
   *
   * <pre>{@code
   * Period.between(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 7, 1), ZoneId.of("UTC"))
   *     .granularity();   // QUARTER
   * }</pre>
   *
   * @param startInclusive the first day of the period
   * @param endExclusive the first day after the period
   * @param zone the zone in which the dates are read
   * @return the period
   * @throws IllegalArgumentException if {@code endExclusive} is not after {@code startInclusive}
   */
  public static Period between(LocalDate startInclusive, LocalDate endExclusive, ZoneId zone) {
    return between(startInclusive, endExclusive, zone, FiscalCalendar.calendar());
  }

  /**
   * Returns the period from the start of local date {@code startInclusive} to the start of
   * {@code endExclusive} in {@code zone}, recognising the quarters and years of {@code fiscal}.
   *
   * <p>As {@link #between(LocalDate, LocalDate, ZoneId)}, except that the dates of one fiscal
   * quarter or fiscal year give a period of that granularity with this fiscal calendar.
   *
   * @param startInclusive the first day of the period
   * @param endExclusive the first day after the period
   * @param zone the zone in which the dates are read
   * @param fiscal the fiscal calendar for quarters and years
   * @return the period
   * @throws IllegalArgumentException if {@code endExclusive} is not after {@code startInclusive}
   */
  public static Period between(
      LocalDate startInclusive, LocalDate endExclusive, ZoneId zone, FiscalCalendar fiscal) {
    checkNotNull(startInclusive, "startInclusive");
    checkNotNull(endExclusive, "endExclusive");
    checkNotNull(zone, "zone");
    checkNotNull(fiscal, "fiscal");
    if (!startInclusive.isBefore(endExclusive)) {
      throw new IllegalArgumentException(
          "endExclusive " + endExclusive + " must be after startInclusive " + startInclusive);
    }
    Granularity unit = null;
    for (Granularity g : Granularity.values()) {
      if (g.startOf(startInclusive, fiscal).equals(startInclusive)
          && g.next(startInclusive).equals(endExclusive)) {
        unit = g;
        break;
      }
    }
    return new Period(
        startInclusive.atStartOfDay(zone).toInstant(),
        endExclusive.atStartOfDay(zone).toInstant(),
        zone,
        unit,
        fiscal);
  }

  /**
   * Returns the custom period {@code [start, end)} with no granularity.
   *
   * @param start the first instant in the period
   * @param end the first instant after the period
   * @param zone the zone in which the period's dates and label are read
   * @return the period
   * @throws IllegalArgumentException if {@code start} is not before {@code end}
   */
  public static Period ofInstants(Instant start, Instant end, ZoneId zone) {
    return new Period(start, end, zone, null, FiscalCalendar.calendar());
  }

  /**
   * Returns the consecutive periods of {@code granularity} in {@code zone} that cover {@code
   * [from, to)}, with calendar quarters and years.
   *
   * @param from the first instant to cover
   * @param to the first instant not to cover
   * @param granularity the unit
   * @param zone the zone in which units are read
   * @return the periods, from the one containing {@code from} to the one containing the last
   *     instant before {@code to}; empty when {@code from} equals {@code to}
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   */
  public static List<Period> covering(
      Instant from, Instant to, Granularity granularity, ZoneId zone) {
    return covering(from, to, granularity, zone, FiscalCalendar.calendar());
  }

  /**
   * Returns the consecutive periods of {@code granularity} in {@code zone} and {@code fiscal}
   * that cover {@code [from, to)}.
   *
   * <p>The first period contains {@code from} and the last contains the last instant before
   * {@code to}, so the periods may reach outside {@code [from, to)} at both ends. Each period's
   * end is the next one's start.
   *
   * @param from the first instant to cover
   * @param to the first instant not to cover
   * @param granularity the unit
   * @param zone the zone in which units are read
   * @param fiscal the fiscal calendar for quarters and years
   * @return the periods in order; empty when {@code from} equals {@code to}
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   */
  public static List<Period> covering(
      Instant from, Instant to, Granularity granularity, ZoneId zone, FiscalCalendar fiscal) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("to " + to + " must not be before from " + from);
    }
    ImmutableList.Builder<Period> periods = ImmutableList.builder();
    if (from.equals(to)) {
      return periods.build();
    }
    Period period = containing(from, granularity, zone, fiscal);
    while (period.start.isBefore(to)) {
      periods.add(period);
      period = period.next();
    }
    return periods.build();
  }

  /**
   * Returns whether {@code instant} lies in {@code [start, end)}.
   *
   * @param instant an instant
   * @return true if {@code start <= instant < end}
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /**
   * Returns the period of the same granularity, zone and fiscal calendar that starts at this
   * period's end.
   *
   * @return the following period
   * @throws IllegalStateException if this is a custom period (no granularity)
   */
  public Period next() {
    return containing(end, requireGranularity("next"), zone, fiscal);
  }

  /**
   * Returns the period of the same granularity, zone and fiscal calendar that ends at this
   * period's start.
   *
   * @return the preceding period
   * @throws IllegalStateException if this is a custom period (no granularity)
   */
  public Period previous() {
    return containing(start.minusNanos(1), requireGranularity("previous"), zone, fiscal);
  }

  /**
   * Returns the local date of {@code start} in {@code zone}: the period's first day.
   *
   * @return the first day
   */
  public LocalDate startDate() {
    return LocalDate.ofInstant(start, zone);
  }

  /**
   * Returns the local date of {@code end} in {@code zone}: for a period of a granularity or made
   * from dates, the first day after the period (exclusive).
   *
   * @return the exclusive end date
   */
  public LocalDate endDate() {
    return LocalDate.ofInstant(end, zone);
  }

  /**
   * Returns the time from {@code start} to {@code end}; 23 hours for a day on which clocks go
   * forward one hour.
   *
   * @return the exact length in instants
   */
  public Duration length() {
    return Duration.between(start, end);
  }

  /**
   * Returns a short name for the period: {@code "2024-03-15"} (day), {@code "2024-W09"} (ISO
   * week, with its week-based year), {@code "2024-03"} (month), {@code "2024-Q1"} (calendar
   * quarter) or {@code "FY2025-Q1"} (fiscal quarter), {@code "2024"} (calendar year) or {@code
   * "FY2025"} (fiscal year), and {@code "2024-03-01..2024-04-15"} (custom, dates exclusive of the
   * end; local date-times where a bound is not at the start of its day). Fiscal years are named
   * as {@link FiscalCalendar} says.
   *
   * @return the label, without the zone
   */
  public String label() {
    LocalDate first = startDate();
    if (granularity == null) {
      return customBound(start, first) + ".." + customBound(end, endDate());
    }
    return switch (granularity) {
      case DAY -> first.toString();
      case WEEK -> String.format(
          Locale.ROOT,
          "%d-W%02d",
          first.get(IsoFields.WEEK_BASED_YEAR),
          first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> YearMonth.from(first).toString();
      case QUARTER -> yearLabel(first) + "-Q" + fiscal.fiscalQuarter(first);
      case YEAR -> yearLabel(first);
    };
  }

  /**
   * Returns the label and the zone, such as {@code "2024-03 [UTC]"}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return label() + " [" + zone + "]";
  }

  private String yearLabel(LocalDate first) {
    int year = fiscal.fiscalYear(first);
    return fiscal.isCalendar() ? Integer.toString(year) : "FY" + year;
  }

  private String customBound(Instant instant, LocalDate date) {
    if (date.atStartOfDay(zone).toInstant().equals(instant)) {
      return date.toString();
    }
    return LocalDateTime.ofInstant(instant, zone).toString();
  }

  private Granularity requireGranularity(String method) {
    if (granularity == null) {
      throw new IllegalStateException(
          method + "() needs a period of a granularity, not the custom period " + this);
    }
    return granularity;
  }
}
