package dev.salesmetrics.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class FiscalCalendarTest {

  @Test
  void calendarStartsInJanuary() {
    assertThat(FiscalCalendar.calendar().firstMonth()).isEqualTo(Month.JANUARY);
    assertThat(FiscalCalendar.calendar().isCalendar()).isTrue();
    assertThat(FiscalCalendar.startingIn(Month.JANUARY)).isEqualTo(FiscalCalendar.calendar());
    assertThat(FiscalCalendar.startingIn(Month.FEBRUARY).isCalendar()).isFalse();
  }

  @Test
  void calendarFiscalYearIsTheCalendarYear() {
    FiscalCalendar calendar = FiscalCalendar.calendar();
    assertThat(calendar.fiscalYear(LocalDate.of(2024, 1, 1))).isEqualTo(2024);
    assertThat(calendar.fiscalYear(LocalDate.of(2024, 12, 31))).isEqualTo(2024);
    assertThat(calendar.fiscalQuarter(LocalDate.of(2024, 3, 31))).isEqualTo(1);
    assertThat(calendar.fiscalQuarter(LocalDate.of(2024, 4, 1))).isEqualTo(2);
    assertThat(calendar.fiscalQuarter(LocalDate.of(2024, 12, 31))).isEqualTo(4);
  }

  @Test
  void fiscalYearIsNamedForTheYearInWhichItEnds() {
    FiscalCalendar february = FiscalCalendar.startingIn(Month.FEBRUARY);
    assertThat(february.fiscalYear(LocalDate.of(2024, 2, 1))).isEqualTo(2025);
    assertThat(february.fiscalYear(LocalDate.of(2025, 1, 31))).isEqualTo(2025);
    assertThat(february.fiscalYear(LocalDate.of(2024, 1, 15))).isEqualTo(2024);
    assertThat(february.fiscalQuarter(LocalDate.of(2024, 2, 1))).isEqualTo(1);
    assertThat(february.fiscalQuarter(LocalDate.of(2024, 4, 30))).isEqualTo(1);
    assertThat(february.fiscalQuarter(LocalDate.of(2024, 5, 1))).isEqualTo(2);
    assertThat(february.fiscalQuarter(LocalDate.of(2024, 1, 15))).isEqualTo(4);

    FiscalCalendar december = FiscalCalendar.startingIn(Month.DECEMBER);
    assertThat(december.fiscalYear(LocalDate.of(2024, 12, 1))).isEqualTo(2025);
    assertThat(december.fiscalYear(LocalDate.of(2024, 11, 30))).isEqualTo(2024);
    assertThat(december.fiscalQuarter(LocalDate.of(2024, 11, 30))).isEqualTo(4);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> FiscalCalendar.startingIn(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("firstMonth");
  }
}
