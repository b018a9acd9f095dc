package dev.salesmetrics.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final FiscalCalendar FEBRUARY = FiscalCalendar.startingIn(Month.FEBRUARY);

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  // --- one example per granularity -----------------------------------------------------------

  @Test
  void dayInUtc() {
    Period day = Period.containing(at("2024-03-15T13:45:00Z"), Granularity.DAY, UTC);
    assertThat(day.start()).isEqualTo(at("2024-03-15T00:00:00Z"));
    assertThat(day.end()).isEqualTo(at("2024-03-16T00:00:00Z"));
    assertThat(day.granularity()).isEqualTo(Granularity.DAY);
    assertThat(day.fiscal()).isEqualTo(FiscalCalendar.calendar());
    assertThat(day.label()).isEqualTo("2024-03-15");
    assertThat(day.toString()).isEqualTo("2024-03-15 [UTC]");
    assertThat(day.length()).isEqualTo(Duration.ofHours(24));
    assertThat(day.startDate()).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(day.endDate()).isEqualTo(LocalDate.of(2024, 3, 16));
  }

  @Test
  void isoWeek() {
    Period week = Period.of(LocalDate.of(2024, 3, 1), Granularity.WEEK, UTC);
    assertThat(week.start()).isEqualTo(at("2024-02-26T00:00:00Z"));
    assertThat(week.end()).isEqualTo(at("2024-03-04T00:00:00Z"));
    assertThat(week.label()).isEqualTo("2024-W09");
    assertThat(week.length()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void isoWeekAcrossTheYearEnd() {
    Period week = Period.of(LocalDate.of(2024, 12, 30), Granularity.WEEK, UTC);
    assertThat(week.startDate()).isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(week.endDate()).isEqualTo(LocalDate.of(2025, 1, 6));
    assertThat(week.label()).isEqualTo("2025-W01");
    assertThat(Period.of(LocalDate.of(2025, 1, 5), Granularity.WEEK, UTC)).isEqualTo(week);
    assertThat(week.previous().label()).isEqualTo("2024-W52");
    assertThat(week.previous().startDate()).isEqualTo(LocalDate.of(2024, 12, 23));
    // 2020 has 53 ISO weeks; 2021-01-03 is still in 2020-W53.
    assertThat(Period.of(LocalDate.of(2021, 1, 3), Granularity.WEEK, UTC).label())
        .isEqualTo("2020-W53");
  }

  @Test
  void month() {
    Period month = Period.of(LocalDate.of(2024, 2, 10), Granularity.MONTH, UTC);
    assertThat(month.start()).isEqualTo(at("2024-02-01T00:00:00Z"));
    assertThat(month.end()).isEqualTo(at("2024-03-01T00:00:00Z"));
    assertThat(month.length()).isEqualTo(Duration.ofDays(29));
    assertThat(month.label()).isEqualTo("2024-02");
    assertThat(month.next().toString()).isEqualTo("2024-03 [UTC]");
  }

  @Test
  void calendarQuarter() {
    Period quarter = Period.of(LocalDate.of(2024, 3, 31), Granularity.QUARTER, UTC);
    assertThat(quarter.startDate()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(quarter.endDate()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(quarter.label()).isEqualTo("2024-Q1");
    assertThat(quarter.next().label()).isEqualTo("2024-Q2");
    assertThat(quarter.previous().label()).isEqualTo("2023-Q4");
  }

  @Test
  void calendarYear() {
    Period year = Period.of(LocalDate.of(2024, 7, 4), Granularity.YEAR, UTC);
    assertThat(year.start()).isEqualTo(at("2024-01-01T00:00:00Z"));
    assertThat(year.end()).isEqualTo(at("2025-01-01T00:00:00Z"));
    assertThat(year.length()).isEqualTo(Duration.ofDays(366));
    assertThat(year.label()).isEqualTo("2024");
    assertThat(year.next().label()).isEqualTo("2025");
  }

  // --- daylight-saving changes ---------------------------------------------------------------

  @Test
  void newYorkSpringForwardDayIs23Hours() {
    Period day = Period.of(LocalDate.of(2024, 3, 10), Granularity.DAY, NEW_YORK);
    assertThat(day.start()).isEqualTo(at("2024-03-10T05:00:00Z"));
    assertThat(day.end()).isEqualTo(at("2024-03-11T04:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(23));
    assertThat(day.next().length()).isEqualTo(Duration.ofHours(24));
    assertThat(day.previous().length()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void newYorkFallBackDayIs25Hours() {
    Period day = Period.of(LocalDate.of(2024, 11, 3), Granularity.DAY, NEW_YORK);
    assertThat(day.start()).isEqualTo(at("2024-11-03T04:00:00Z"));
    assertThat(day.end()).isEqualTo(at("2024-11-04T05:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(25));
    // 01:30 local happens twice; both instants are in the same day.
    assertThat(day.contains(at("2024-11-03T05:30:00Z"))).isTrue();
    assertThat(day.contains(at("2024-11-03T06:30:00Z"))).isTrue();
  }

  @Test
  void berlinSpringForwardDayIs23Hours() {
    Period day = Period.of(LocalDate.of(2024, 3, 31), Granularity.DAY, BERLIN);
    assertThat(day.start()).isEqualTo(at("2024-03-30T23:00:00Z"));
    assertThat(day.end()).isEqualTo(at("2024-03-31T22:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void berlinFallBackDayIs25Hours() {
    Period day = Period.of(LocalDate.of(2024, 10, 27), Granularity.DAY, BERLIN);
    assertThat(day.start()).isEqualTo(at("2024-10-26T22:00:00Z"));
    assertThat(day.end()).isEqualTo(at("2024-10-27T23:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void instantAtAPeriodStartBelongsToItAndOneNanosecondBeforeToThePreviousOne() {
    for (ZoneId zone : List.of(NEW_YORK, BERLIN)) {
      for (LocalDate date :
          List.of(
              LocalDate.of(2024, 3, 10),
              LocalDate.of(2024, 3, 11),
              LocalDate.of(2024, 3, 31),
              LocalDate.of(2024, 4, 1),
              LocalDate.of(2024, 10, 27),
              LocalDate.of(2024, 10, 28),
              LocalDate.of(2024, 11, 3),
              LocalDate.of(2024, 11, 4))) {
        Instant midnight = date.atStartOfDay(zone).toInstant();
        Period day = Period.containing(midnight, Granularity.DAY, zone);
        assertThat(day.start()).as("%s in %s", date, zone).isEqualTo(midnight);
        assertThat(day.startDate()).isEqualTo(date);
        Period before = Period.containing(midnight.minusNanos(1), Granularity.DAY, zone);
        assertThat(before.startDate()).isEqualTo(date.minusDays(1));
        assertThat(before.end()).isEqualTo(midnight);
        assertThat(before.contains(midnight)).isFalse();
        assertThat(day.contains(midnight.minusNanos(1))).isFalse();
      }
    }
    Instant newYorkDayAfterSpringForward = at("2024-03-11T04:00:00Z");
    assertThat(Period.containing(newYorkDayAfterSpringForward, Granularity.DAY, NEW_YORK).label())
        .isEqualTo("2024-03-11");
    assertThat(
            Period.containing(newYorkDayAfterSpringForward.minusNanos(1), Granularity.DAY, NEW_YORK)
                .label())
        .isEqualTo("2024-03-10");
  }

  @Test
  void monthsAndWeeksWithADaylightSavingChangeAreShorterOrLonger() {
    Period march = Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, NEW_YORK);
    assertThat(march.start()).isEqualTo(at("2024-03-01T05:00:00Z"));
    assertThat(march.end()).isEqualTo(at("2024-04-01T04:00:00Z"));
    assertThat(march.length()).isEqualTo(Duration.ofHours(31 * 24 - 1));
    Period november = Period.of(LocalDate.of(2024, 11, 1), Granularity.MONTH, NEW_YORK);
    assertThat(november.length()).isEqualTo(Duration.ofHours(30 * 24 + 1));
    Period octoberInBerlin = Period.of(LocalDate.of(2024, 10, 1), Granularity.MONTH, BERLIN);
    assertThat(octoberInBerlin.length()).isEqualTo(Duration.ofHours(31 * 24 + 1));
    Period week = Period.of(LocalDate.of(2024, 3, 10), Granularity.WEEK, NEW_YORK);
    assertThat(week.label()).isEqualTo("2024-W10");
    assertThat(week.startDate()).isEqualTo(LocalDate.of(2024, 3, 4));
    assertThat(week.length()).isEqualTo(Duration.ofHours(7 * 24 - 1));
  }

  @Test
  void dayWhoseMidnightDoesNotExistStartsAtItsFirstInstant() {
    // Sao Paulo moved clocks from 00:00 to 01:00 on 2018-11-04.
    ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
    Period day = Period.of(LocalDate.of(2018, 11, 4), Granularity.DAY, saoPaulo);
    assertThat(day.start()).isEqualTo(at("2018-11-04T03:00:00Z"));
    assertThat(day.end()).isEqualTo(at("2018-11-05T02:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(23));
    assertThat(day.startDate()).isEqualTo(LocalDate.of(2018, 11, 4));
    assertThat(day.previous().length()).isEqualTo(Duration.ofHours(24));
    assertThat(day.previous().next()).isEqualTo(day);
  }

  @Test
  void dayThatTheZoneSkippedHasNoPeriod() {
    // Samoa crossed the date line: 2011-12-29 was followed by 2011-12-31.
    ZoneId apia = ZoneId.of("Pacific/Apia");
    Period thursday = Period.of(LocalDate.of(2011, 12, 29), Granularity.DAY, apia);
    assertThat(thursday.start()).isEqualTo(at("2011-12-29T10:00:00Z"));
    assertThat(thursday.end()).isEqualTo(at("2011-12-30T10:00:00Z"));
    Period saturday = thursday.next();
    assertThat(saturday.label()).isEqualTo("2011-12-31");
    assertThat(saturday.start()).isEqualTo(thursday.end());
    assertThat(saturday.previous()).isEqualTo(thursday);
    assertThat(Period.of(LocalDate.of(2011, 12, 30), Granularity.DAY, apia)).isEqualTo(saturday);
  }

  // --- fiscal calendars ----------------------------------------------------------------------

  @Test
  void fiscalQuartersWithAFebruaryStart() {
    Period q1 = Period.of(LocalDate.of(2024, 3, 15), Granularity.QUARTER, UTC, FEBRUARY);
    assertThat(q1.startDate()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(q1.endDate()).isEqualTo(LocalDate.of(2024, 5, 1));
    assertThat(q1.label()).isEqualTo("FY2025-Q1");
    assertThat(q1.fiscal()).isEqualTo(FEBRUARY);

    Period q4 = Period.of(LocalDate.of(2024, 1, 15), Granularity.QUARTER, UTC, FEBRUARY);
    assertThat(q4.startDate()).isEqualTo(LocalDate.of(2023, 11, 1));
    assertThat(q4.endDate()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(q4.label()).isEqualTo("FY2024-Q4");
    assertThat(q4.next()).isEqualTo(q1);
    assertThat(q1.previous()).isEqualTo(q4);

    assertThat(q1.next().label()).isEqualTo("FY2025-Q2");
    assertThat(q1.next().startDate()).isEqualTo(LocalDate.of(2024, 5, 1));
    assertThat(q1.next().next().next().label()).isEqualTo("FY2025-Q4");
    assertThat(q1.next().next().next().endDate()).isEqualTo(LocalDate.of(2025, 2, 1));
  }

  @Test
  void fiscalQuarterBoundaryInstants() {
    Instant q1Start = at("2024-02-01T05:00:00Z"); // midnight in New York
    assertThat(Period.containing(q1Start, Granularity.QUARTER, NEW_YORK, FEBRUARY).label())
        .isEqualTo("FY2025-Q1");
    assertThat(
            Period.containing(q1Start.minusNanos(1), Granularity.QUARTER, NEW_YORK, FEBRUARY)
                .label())
        .isEqualTo("FY2024-Q4");
  }

  @Test
  void fiscalYearWithAFebruaryStart() {
    Period year = Period.of(LocalDate.of(2024, 12, 25), Granularity.YEAR, UTC, FEBRUARY);
    assertThat(year.startDate()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(year.endDate()).isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(year.label()).isEqualTo("FY2025");
    assertThat(year.toString()).isEqualTo("FY2025 [UTC]");
    assertThat(year.previous().label()).isEqualTo("FY2024");
  }

  @Test
  void fiscalCalendarDoesNotChangeMonths() {
    Period month = Period.of(LocalDate.of(2024, 1, 15), Granularity.MONTH, UTC, FEBRUARY);
    assertThat(month.startDate()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(month.label()).isEqualTo("2024-01");
  }

  // --- between and ofInstants ----------------------------------------------------------------

  @Test
  void betweenInfersTheGranularityOfExactlyOneUnit() {
    assertThat(between(2024, 3, 15, 2024, 3, 16).granularity()).isEqualTo(Granularity.DAY);
    assertThat(between(2024, 3, 4, 2024, 3, 11).granularity()).isEqualTo(Granularity.WEEK);
    assertThat(between(2024, 3, 1, 2024, 4, 1).granularity()).isEqualTo(Granularity.MONTH);
    assertThat(between(2024, 4, 1, 2024, 7, 1).granularity()).isEqualTo(Granularity.QUARTER);
    assertThat(between(2024, 1, 1, 2025, 1, 1).granularity()).isEqualTo(Granularity.YEAR);
    assertThat(between(2024, 3, 1, 2024, 4, 1))
        .isEqualTo(Period.of(LocalDate.of(2024, 3, 20), Granularity.MONTH, NEW_YORK));
  }

  @Test
  void betweenOtherDatesIsACustomPeriod() {
    assertThat(between(2024, 3, 5, 2024, 3, 12).granularity()).isNull(); // 7 days from Tuesday
    assertThat(between(2024, 2, 1, 2024, 5, 1).granularity()).isNull(); // not a calendar quarter
    assertThat(between(2024, 3, 1, 2024, 3, 3).granularity()).isNull();
    Period quota = between(2024, 3, 1, 2024, 4, 15);
    assertThat(quota.granularity()).isNull();
    assertThat(quota.start()).isEqualTo(at("2024-03-01T05:00:00Z"));
    assertThat(quota.end()).isEqualTo(at("2024-04-15T04:00:00Z"));
    assertThat(quota.startDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(quota.endDate()).isEqualTo(LocalDate.of(2024, 4, 15));
    assertThat(quota.label()).isEqualTo("2024-03-01..2024-04-15");
    assertThat(quota.toString()).isEqualTo("2024-03-01..2024-04-15 [America/New_York]");
    assertThat(quota.contains(at("2024-03-01T05:00:00Z"))).isTrue();
    assertThat(quota.contains(at("2024-03-01T04:59:59.999999999Z"))).isFalse();
    assertThat(quota.contains(at("2024-04-15T04:00:00Z"))).isFalse();
  }

  @Test
  void betweenWithAFiscalCalendarRecognisesFiscalQuarters() {
    Period quarter =
        Period.between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 5, 1), UTC, FEBRUARY);
    assertThat(quarter.granularity()).isEqualTo(Granularity.QUARTER);
    assertThat(quarter.label()).isEqualTo("FY2025-Q1");
  }

  @Test
  void betweenRejectsAnEmptyOrReversedSpan() {
    assertThatThrownBy(() -> between(2024, 3, 1, 2024, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endExclusive 2024-03-01 must be after startInclusive 2024-03-01");
    assertThatThrownBy(() -> between(2024, 3, 2, 2024, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endExclusive 2024-03-01 must be after startInclusive 2024-03-02");
  }

  @Test
  void customPeriodHasNoNextOrPrevious() {
    Period custom = Period.ofInstants(at("2024-03-01T10:00:00Z"), at("2024-03-02T10:00:00Z"), UTC);
    assertThat(custom.granularity()).isNull();
    assertThat(custom.label()).isEqualTo("2024-03-01T10:00..2024-03-02T10:00");
    assertThat(custom.length()).isEqualTo(Duration.ofHours(24));
    assertThatThrownBy(custom::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "next() needs a period of a granularity, not the custom period"
                + " 2024-03-01T10:00..2024-03-02T10:00 [UTC]");
    assertThatThrownBy(custom::previous)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("previous() needs a period of a granularity");
  }

  @Test
  void customPeriodOverAWholeUnitIsNotEqualToThatUnit() {
    Period custom = Period.ofInstants(at("2024-03-01T00:00:00Z"), at("2024-04-01T00:00:00Z"), UTC);
    Period month = Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, UTC);
    assertThat(custom).isNotEqualTo(month);
    assertThat(custom.label()).isEqualTo("2024-03-01..2024-04-01");
  }

  // --- covering ------------------------------------------------------------------------------

  @Test
  void coveringReachesFromThePeriodOfFromToThePeriodOfTheLastInstantBeforeTo() {
    List<Period> months =
        Period.covering(
            at("2024-01-15T12:00:00Z"), at("2024-04-01T00:00:00Z"), Granularity.MONTH, UTC);
    assertThat(months).extracting(Period::label).containsExactly("2024-01", "2024-02", "2024-03");

    List<Period> withApril =
        Period.covering(
            at("2024-01-15T12:00:00Z"),
            at("2024-04-01T00:00:00.000000001Z"),
            Granularity.MONTH,
            UTC);
    assertThat(withApril)
        .extracting(Period::label)
        .containsExactly("2024-01", "2024-02", "2024-03", "2024-04");

    List<Period> one =
        Period.covering(
            at("2024-03-10T05:00:00Z"),
            at("2024-03-10T05:00:00.000000001Z"),
            Granularity.DAY,
            NEW_YORK);
    assertThat(one)
        .containsExactly(Period.of(LocalDate.of(2024, 3, 10), Granularity.DAY, NEW_YORK));
  }

  @Test
  void coveringFiscalQuarters() {
    List<Period> quarters =
        Period.covering(
            at("2024-01-15T00:00:00Z"),
            at("2024-06-01T00:00:00Z"),
            Granularity.QUARTER,
            UTC,
            FEBRUARY);
    assertThat(quarters)
        .extracting(Period::label)
        .containsExactly("FY2024-Q4", "FY2025-Q1", "FY2025-Q2");
  }

  @Test
  void coveringAcrossDaylightSavingChangesIsContiguous() {
    // From midnight 2024-10-26 (CEST) to midnight 2024-10-29 (CET) in Berlin.
    List<Period> days =
        Period.covering(
            at("2024-10-25T22:00:00Z"), at("2024-10-28T23:00:00Z"), Granularity.DAY, BERLIN);
    assertThat(days)
        .extracting(Period::label)
        .containsExactly("2024-10-26", "2024-10-27", "2024-10-28");
    assertThat(days)
        .extracting(Period::length)
        .containsExactly(Duration.ofHours(24), Duration.ofHours(25), Duration.ofHours(24));
    assertThat(days.get(0).end()).isEqualTo(days.get(1).start());
    assertThat(days.get(1).end()).isEqualTo(days.get(2).start());
  }

  @Test
  void coveringAnEmptyIntervalIsEmptyAndAReversedOneIsRejected() {
    Instant instant = at("2024-03-10T05:00:00Z");
    assertThat(Period.covering(instant, instant, Granularity.DAY, UTC)).isEmpty();
    assertThatThrownBy(
            () -> Period.covering(instant, instant.minusNanos(1), Granularity.DAY, UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "to 2024-03-10T04:59:59.999999999Z must not be before from 2024-03-10T05:00:00Z");
  }

  // --- validation ----------------------------------------------------------------------------

  @Test
  void rejectsAnEmptyOrReversedInterval() {
    Instant instant = at("2024-03-01T00:00:00Z");
    assertThatThrownBy(() -> Period.ofInstants(instant, instant, UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end 2024-03-01T00:00:00Z must be after start 2024-03-01T00:00:00Z");
    assertThatThrownBy(() -> Period.ofInstants(instant, instant.minusSeconds(1), UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end 2024-02-29T23:59:59Z must be after start 2024-03-01T00:00:00Z");
  }

  @Test
  void rejectsBoundsThatAreNotOneUnitOfTheGranularity() {
    assertThatThrownBy(
            () ->
                new Period(
                    at("2024-03-02T00:00:00Z"),
                    at("2024-04-01T00:00:00Z"),
                    UTC,
                    Granularity.MONTH,
                    FiscalCalendar.calendar()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "start 2024-03-02T00:00:00Z and end 2024-04-01T00:00:00Z must bound one month in UTC:"
                + " expected 2024-03-01T00:00:00Z and 2024-04-01T00:00:00Z");
    // Midnight UTC is not midnight in New York.
    assertThatThrownBy(
            () ->
                new Period(
                    at("2024-03-10T00:00:00Z"),
                    at("2024-03-11T00:00:00Z"),
                    NEW_YORK,
                    Granularity.DAY,
                    FiscalCalendar.calendar()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "start 2024-03-10T00:00:00Z and end 2024-03-11T00:00:00Z must bound one day in"
                + " America/New_York: expected 2024-03-09T05:00:00Z and 2024-03-10T05:00:00Z");
    // A calendar quarter is not a quarter of a fiscal calendar starting in February.
    assertThatThrownBy(
            () ->
                new Period(
                    at("2024-01-01T00:00:00Z"),
                    at("2024-04-01T00:00:00Z"),
                    UTC,
                    Granularity.QUARTER,
                    FEBRUARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "start 2024-01-01T00:00:00Z and end 2024-04-01T00:00:00Z must bound one quarter in UTC"
                + " with fiscal years from FEBRUARY:"
                + " expected 2023-11-01T00:00:00Z and 2024-02-01T00:00:00Z");
  }

  @Test
  void acceptsBoundsThatAreExactlyOneUnit() {
    Period week =
        new Period(
            at("2024-03-04T05:00:00Z"),
            at("2024-03-11T04:00:00Z"),
            NEW_YORK,
            Granularity.WEEK,
            FiscalCalendar.calendar());
    assertThat(week).isEqualTo(Period.of(LocalDate.of(2024, 3, 10), Granularity.WEEK, NEW_YORK));
  }

  @Test
  void rejectsNulls() {
    Instant instant = at("2024-03-01T00:00:00Z");
    FiscalCalendar calendar = FiscalCalendar.calendar();
    assertThatThrownBy(() -> new Period(null, instant, UTC, null, calendar))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("start");
    assertThatThrownBy(() -> new Period(instant, null, UTC, null, calendar))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("end");
    assertThatThrownBy(() -> new Period(instant, instant.plusSeconds(1), null, null, calendar))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("zone");
    assertThatThrownBy(() -> new Period(instant, instant.plusSeconds(1), UTC, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("fiscal");
  }

  private static Period between(int y1, int m1, int d1, int y2, int m2, int d2) {
    return Period.between(LocalDate.of(y1, m1, d1), LocalDate.of(y2, m2, d2), NEW_YORK);
  }
}
