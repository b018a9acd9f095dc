package dev.salesmetrics.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of time ticks over spans from hours to centuries, in zones with DST. */
class TimeScaleProperties {
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Europe/Paris"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Asia/Kolkata"));

  private static Gen<ZoneId> zones() {
    return integers().between(0, ZONES.size() - 1).map(ZONES::get);
  }

  /**
   * Tells whether the ticks are one step apart: 1 or 2 days, 1 or 2 weeks from Mondays, or 1,
   * 2, 3, 6 months or a whole number of years from first days of months.
   */
  private static boolean uniformStep(List<TimeTick> ticks) {
    if (ticks.size() < 2) {
      return true;
    }
    List<LocalDate> d = ticks.stream().map(TimeTick::date).toList();
    if (d.stream().allMatch(x -> x.getDayOfMonth() == 1)) {
      long months = ChronoUnit.MONTHS.between(d.get(0), d.get(1));
      for (int i = 1; i < d.size(); i++) {
        if (ChronoUnit.MONTHS.between(d.get(i - 1), d.get(i)) != months) {
          return false;
        }
      }
      return months == 1 || months == 2 || months == 3 || months == 6 || months % 12 == 0;
    }
    long days = ChronoUnit.DAYS.between(d.get(0), d.get(1));
    for (int i = 1; i < d.size(); i++) {
      if (ChronoUnit.DAYS.between(d.get(i - 1), d.get(i)) != days) {
        return false;
      }
    }
    boolean mondays = d.stream().allMatch(x -> x.getDayOfWeek() == DayOfWeek.MONDAY);
    return days == 1 || days == 2 || (mondays && (days == 7 || days == 14));
  }

  @Test
  void ticksAreFewIncreasingInsideTheRangeAndAtLocalMidnights() {
    long start2000 = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    qt().forAll(
            longs().between(0, 40L * 365 * 86_400),
            longs().between(3_600, 200L * 365 * 86_400),
            integers().between(1, 15),
            zones())
        .checkAssert(
            (offset, span, maxTicks, zone) -> {
              Instant from = Instant.ofEpochSecond(start2000 + offset);
              Instant to = from.plusSeconds(span);
              TimeScale s = TimeScale.of(from, to, zone, 0, 800);
              List<TimeTick> ticks = s.ticks(maxTicks);
              assertThat(ticks.size()).isLessThanOrEqualTo(maxTicks);
              for (int i = 0; i < ticks.size(); i++) {
                TimeTick t = ticks.get(i);
                Instant at = t.date().atStartOfDay(zone).toInstant();
                assertThat(at).isBetween(from, to);
                assertThat(t.position()).isBetween(-1e-6, 800 + 1e-6);
                if (i > 0) {
                  assertThat(t.date()).isAfter(ticks.get(i - 1).date());
                  assertThat(t.position()).isGreaterThan(ticks.get(i - 1).position());
                }
              }
              assertThat(uniformStep(ticks)).as("%s", ticks).isTrue();
              if (span >= 3L * 86_400 && maxTicks >= 2) {
                // any span of three days or more has a boundary of some step inside
                assertThat(ticks).isNotEmpty();
              }
              // the first tick of each year names the year, and labels differ within a year
              for (int i = 0; i < ticks.size(); i++) {
                TimeTick t = ticks.get(i);
                int year = t.date().getYear();
                if (i == 0 || ticks.get(i - 1).date().getYear() != year) {
                  assertThat(t.label()).contains(Integer.toString(year));
                } else {
                  assertThat(t.label()).isNotEqualTo(ticks.get(i - 1).label());
                }
              }
            });
  }

  @Test
  void theStepIsTheFinestThatFits() {
    // a year of months fits 13 ticks, so 13 ticks of a calendar year are months
    for (ZoneId zone : ZONES) {
      TimeScale s = TimeScale.of(
          LocalDate.of(2024, 1, 1).atStartOfDay(zone).toInstant(),
          LocalDate.of(2025, 1, 1).atStartOfDay(zone).toInstant(), zone, 0, 100);
      assertThat(s.ticks(13)).hasSize(13);
      assertThat(s.ticks(13)).allSatisfy(t -> assertThat(t.date().getDayOfMonth()).isEqualTo(1));
    }
  }
}
