package dev.salesmetrics.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeScaleTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  private static TimeScale scale(String from, String to, ZoneId zone) {
    return TimeScale.of(
        LocalDate.parse(from).atStartOfDay(zone).toInstant(),
        LocalDate.parse(to).atStartOfDay(zone).toInstant(),
        zone,
        0,
        600);
  }

  private static List<String> labels(TimeScale s, int max) {
    return s.ticks(max).stream().map(TimeTick::label).toList();
  }

  @Test
  void aYearGetsMonthsTwoMonthsOrQuartersAsRoomAllows() {
    TimeScale year = scale("2025-01-01", "2026-01-01", UTC);
    assertThat(labels(year, 13))
        .containsExactly("Jan 2025", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec", "Jan 2026");
    assertThat(labels(year, 7))
        .containsExactly("Jan 2025", "Mar", "May", "Jul", "Sep", "Nov", "Jan 2026");
    assertThat(labels(year, 6)).containsExactly("Q1 2025", "Q2", "Q3", "Q4", "Q1 2026");
    assertThat(labels(year, 4)).containsExactly("Jan 2025", "Jul", "Jan 2026");
    assertThat(labels(year, 2)).containsExactly("2025", "2026");
    assertThat(year.ticks(13).get(6).position()).isEqualTo(600.0 * 181 / 365); // 1 July
  }

  @Test
  void daysAndWeeksStartOnTheirBoundaries() {
    assertThat(labels(scale("2025-03-03", "2025-03-08", UTC), 10))
        .containsExactly("Mar 3 2025", "Mar 4", "Mar 5", "Mar 6", "Mar 7", "Mar 8");
    // every other day, counted from the epoch: 2025-03-03 is epoch day 20150
    assertThat(labels(scale("2025-03-02", "2025-03-12", UTC), 6))
        .containsExactly("Mar 3 2025", "Mar 5", "Mar 7", "Mar 9", "Mar 11");
    // Mondays, from a Wednesday
    List<TimeTick> weeks = scale("2025-01-01", "2025-02-26", UTC).ticks(10);
    assertThat(weeks.stream().map(TimeTick::label))
        .containsExactly("Jan 6 2025", "Jan 13", "Jan 20", "Jan 27", "Feb 3", "Feb 10", "Feb 17",
            "Feb 24");
    assertThat(weeks).allSatisfy(t -> assertThat(t.date().getDayOfWeek().getValue()).isEqualTo(1));
  }

  @Test
  void yearsInStepsOfOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(labels(scale("1993-06-01", "2026-01-01", UTC), 7))
        .containsExactly("1995", "2000", "2005", "2010", "2015", "2020", "2025");
    assertThat(labels(scale("2021-03-01", "2026-01-01", UTC), 3))
        .containsExactly("2022", "2024", "2026");
  }

  @Test
  void startNotAtMidnightTicksFromTheNextDay() {
    TimeScale s =
        TimeScale.of(Instant.parse("2025-03-03T12:00:00Z"), Instant.parse("2025-03-06T12:00:00Z"),
            UTC, 0, 300);
    assertThat(labels(s, 5)).containsExactly("Mar 4 2025", "Mar 5", "Mar 6");
    assertThat(s.ticks(5).get(0).position()).isEqualTo(50);
  }

  @Test
  void daylightSavingDaysAreShorterInPixels() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    TimeScale s = scale("2025-03-29", "2025-04-01", paris);
    List<TimeTick> ticks = s.ticks(5);
    assertThat(ticks.stream().map(TimeTick::label)).containsExactly("Mar 29 2025", "Mar 30",
        "Mar 31", "Apr 1");
    // 71 hours in all; 30 March has 23
    double perHour = 600.0 / 71;
    assertThat(ticks.get(2).position() - ticks.get(1).position()).isCloseTo(23 * perHour,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ticks.get(1).position() - ticks.get(0).position()).isCloseTo(24 * perHour,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void rejectsAnEmptySpan() {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    assertThatThrownBy(() -> TimeScale.of(t, t, UTC, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end 2025-01-01T00:00:00Z must be after start 2025-01-01T00:00:00Z");
    assertThatThrownBy(() -> scale("2025-01-01", "2025-02-01", UTC).ticks(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least 1 tick is needed: 0");
  }
}
