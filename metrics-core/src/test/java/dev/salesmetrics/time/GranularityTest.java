package dev.salesmetrics.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class GranularityTest {

  private static final FiscalCalendar CALENDAR = FiscalCalendar.calendar();
  private static final FiscalCalendar FEBRUARY = FiscalCalendar.startingIn(Month.FEBRUARY);

  @Test
  void startOfEachUnit() {
    LocalDate date = LocalDate.of(2024, 3, 15); // a Friday
    assertThat(Granularity.DAY.startOf(date, CALENDAR)).isEqualTo(date);
    assertThat(Granularity.WEEK.startOf(date, CALENDAR)).isEqualTo(LocalDate.of(2024, 3, 11));
    assertThat(Granularity.MONTH.startOf(date, CALENDAR)).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(Granularity.QUARTER.startOf(date, CALENDAR)).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(Granularity.YEAR.startOf(date, CALENDAR)).isEqualTo(LocalDate.of(2024, 1, 1));
  }

  @Test
  void weekStartsOnMondayAndCrossesTheYearEnd() {
    LocalDate monday = LocalDate.of(2024, 12, 30);
    assertThat(Granularity.WEEK.startOf(monday, CALENDAR)).isEqualTo(monday);
    assertThat(Granularity.WEEK.startOf(LocalDate.of(2025, 1, 5), CALENDAR)).isEqualTo(monday);
    assertThat(Granularity.WEEK.startOf(LocalDate.of(2024, 12, 29), CALENDAR))
        .isEqualTo(LocalDate.of(2024, 12, 23));
    assertThat(Granularity.WEEK.next(monday)).isEqualTo(LocalDate.of(2025, 1, 6));
  }

  @Test
  void fiscalCalendarMovesQuartersAndYearsOnly() {
    LocalDate date = LocalDate.of(2024, 1, 15);
    assertThat(Granularity.QUARTER.startOf(date, FEBRUARY)).isEqualTo(LocalDate.of(2023, 11, 1));
    assertThat(Granularity.YEAR.startOf(date, FEBRUARY)).isEqualTo(LocalDate.of(2023, 2, 1));
    assertThat(Granularity.QUARTER.startOf(LocalDate.of(2024, 2, 1), FEBRUARY))
        .isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(Granularity.QUARTER.startOf(LocalDate.of(2024, 4, 30), FEBRUARY))
        .isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(Granularity.MONTH.startOf(date, FEBRUARY)).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(Granularity.WEEK.startOf(date, FEBRUARY)).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(Granularity.DAY.startOf(date, FEBRUARY)).isEqualTo(date);
  }

  @Test
  void nextAndPreviousAddOneUnit() {
    LocalDate first = LocalDate.of(2024, 1, 1);
    assertThat(Granularity.DAY.next(LocalDate.of(2024, 2, 28)))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(Granularity.MONTH.next(first)).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(Granularity.QUARTER.next(LocalDate.of(2023, 11, 1)))
        .isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(Granularity.YEAR.next(first)).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(Granularity.DAY.previous(first)).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(Granularity.WEEK.previous(first)).isEqualTo(LocalDate.of(2023, 12, 25));
    assertThat(Granularity.QUARTER.previous(first)).isEqualTo(LocalDate.of(2023, 10, 1));
  }

  @Test
  void nextRejectsADayThatCannotStartTheUnit() {
    assertThatThrownBy(() -> Granularity.WEEK.next(LocalDate.of(2024, 3, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("week start must be a Monday: 2024-03-05 is a TUESDAY");
    assertThatThrownBy(() -> Granularity.QUARTER.previous(LocalDate.of(2024, 3, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quarter start must be the first of a month: 2024-03-05");
  }

  @Test
  void parsesLowercaseIds() {
    assertThat(Granularity.parse("day")).isEqualTo(Granularity.DAY);
    assertThat(Granularity.parse("week")).isEqualTo(Granularity.WEEK);
    assertThat(Granularity.parse("month")).isEqualTo(Granularity.MONTH);
    assertThat(Granularity.parse("quarter")).isEqualTo(Granularity.QUARTER);
    assertThat(Granularity.parse("year")).isEqualTo(Granularity.YEAR);
    assertThat(Granularity.parse(" Month ")).isEqualTo(Granularity.MONTH);
    for (Granularity g : Granularity.values()) {
      assertThat(Granularity.parse(g.id())).isEqualTo(g);
    }
  }

  @Test
  void parseRejectsUnknownNamesListingTheAcceptedOnes() {
    assertThatThrownBy(() -> Granularity.parse("fortnight"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("granularity must be one of day, week, month, quarter, year: \"fortnight\"");
    assertThatThrownBy(() -> Granularity.parse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("granularity must be one of day, week, month, quarter, year: \"\"");
  }
}
