package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from a span of instants to an output range of pixels, with ticks on calendar
 * boundaries read in a zone: days, Mondays (ISO weeks), first days of months, of quarters or of
 * years, at the finest of these steps that gives at most the number of ticks asked for: 1 or 2
 * days, 1 or 2 weeks, 1, 2, 3 (a quarter) or 6 months, 1, 2 or 5 years times a power of ten.
 *
 * <pre>{@code
 * TimeScale x = TimeScale.of(Instant.parse("2025-01-01T00:00:00Z"),
 *     Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC, 0, 600);
 * x.ticks(6);   // Jan 2025, Mar, May, Jul, Sep, Nov (every 2 months)
 * }</pre>
 *
 * <p>Labels are English and do not depend on the default locale: {@code "Mar 5"} for days and
 * weeks, {@code "Mar"} for months, {@code "Q2"} for quarters, {@code "2025"} for years; the first
 * tick and the first tick of each new year also carry the year ({@code "Jan 2025"}, {@code "Q1
 * 2025"}, {@code "Jan 1 2026"}). Immutable and thread safe.
 */
public final class TimeScale {
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /** The kinds of tick step, finest first. */
  private enum Unit {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR
  }

  /** A tick step: a unit and a multiple of it. */
  private record Step(Unit unit, int every) {}

  private static final ImmutableList<Step> STEPS =
      ImmutableList.of(
          new Step(Unit.DAY, 1),
          new Step(Unit.DAY, 2),
          new Step(Unit.WEEK, 1),
          new Step(Unit.WEEK, 2),
          new Step(Unit.MONTH, 1),
          new Step(Unit.MONTH, 2),
          new Step(Unit.QUARTER, 1),
          new Step(Unit.MONTH, 6));

  private final Instant start;
  private final Instant end;
  private final ZoneId zone;
  private final double rangeStart;
  private final double rangeEnd;

  private TimeScale(Instant start, Instant end, ZoneId zone, double rangeStart, double rangeEnd) {
    this.start = start;
    this.end = end;
    this.zone = zone;
    this.rangeStart = rangeStart;
    this.rangeEnd = rangeEnd;
  }

  /**
   * Returns the scale mapping {@code [start, end]} onto {@code [rangeStart, rangeEnd]}.
   *
   * @param start the first instant
   * @param end the last instant, after {@code start}
   * @param zone the zone in which calendar boundaries are read
   * @param rangeStart where {@code start} lands
   * @param rangeEnd where {@code end} lands
   * @return the scale
   * @throws IllegalArgumentException if {@code end} is not after {@code start} or a range bound
   *     is not finite
   */
  public static TimeScale of(
      Instant start, Instant end, ZoneId zone, double rangeStart, double rangeEnd) {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(zone, "zone");
    checkArgument(end.isAfter(start), "end %s must be after start %s", end, start);
    checkArgument(
        Double.isFinite(rangeStart) && Double.isFinite(rangeEnd),
        "range must be finite: %s .. %s",
        rangeStart,
        rangeEnd);
    return new TimeScale(start, end, zone, rangeStart, rangeEnd);
  }

  /**
   * Maps an instant to the output range (instants outside the span map outside the range).
   *
   * @param t an instant
   * @return the position
   */
  public double apply(Instant t) {
    checkNotNull(t, "t");
    double total = millisBetween(start, end);
    return rangeStart + millisBetween(start, t) / total * (rangeEnd - rangeStart);
  }

  private static double millisBetween(Instant a, Instant b) {
    return (double) ChronoUnit.MILLIS.between(a, b);
  }

  /**
   * Returns the first instant of the span.
   *
   * @return the start
   */
  public Instant start() {
    return start;
  }

  /**
   * Returns the last instant of the span.
   *
   * @return the end
   */
  public Instant end() {
    return end;
  }

  /**
   * Returns ticks at the starts of calendar units inside the span, at the finest step that gives
   * at most {@code maxTicks} of them; oldest first.
   *
   * @param maxTicks the most ticks wanted, {@code >= 1}
   * @return the ticks; empty only when no year start lies in the span at any step
   * @throws IllegalArgumentException if {@code maxTicks < 1}
   */
  public ImmutableList<TimeTick> ticks(int maxTicks) {
    checkArgument(maxTicks >= 1, "at least 1 tick is needed: %s", maxTicks);
    LocalDate first = LocalDate.ofInstant(start, zone);
    if (first.atStartOfDay(zone).toInstant().isBefore(start)) {
      first = first.plusDays(1);
    }
    LocalDate last = LocalDate.ofInstant(end, zone);
    for (Step step : STEPS) {
      List<LocalDate> dates = dates(step, first, last, maxTicks);
      if (dates != null) {
        return label(step.unit(), dates);
      }
    }
    for (long years = 1; years <= 1_000_000_000L; years *= 10) {
      for (int m : new int[] {1, 2, 5}) {
        List<LocalDate> dates = dates(new Step(Unit.YEAR, (int) Math.min(years * m, 1 << 30)),
            first, last, maxTicks);
        if (dates != null) {
          return label(Unit.YEAR, dates);
        }
      }
    }
    return ImmutableList.of();
  }

  /** The boundary dates of {@code step} in {@code [first, last]}, or null if more than max. */
  private static List<LocalDate> dates(Step step, LocalDate first, LocalDate last, int max) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate d = firstBoundary(step, first);
    while (!d.isAfter(last)) {
      out.add(d);
      if (out.size() > max) {
        return null;
      }
      d = next(step, d);
    }
    return out;
  }

  private static LocalDate firstBoundary(Step step, LocalDate from) {
    switch (step.unit()) {
      case DAY -> {
        LocalDate d = from;
        while (Math.floorMod(d.toEpochDay(), step.every()) != 0) {
          d = d.plusDays(1);
        }
        return d;
      }
      case WEEK -> {
        LocalDate d = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        // 1970-01-05 (epoch day 4) is a Monday: count weeks from it
        while (Math.floorMod((d.toEpochDay() - 4) / 7, step.every()) != 0) {
          d = d.plusWeeks(1);
        }
        return d;
      }
      case MONTH, QUARTER -> {
        int every = step.unit() == Unit.QUARTER ? 3 : step.every();
        LocalDate d = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        while ((d.getMonthValue() - 1) % every != 0) {
          d = d.plusMonths(1);
        }
        return d;
      }
      case YEAR -> {
        LocalDate d = from.getDayOfYear() == 1 ? from : from.withDayOfYear(1).plusYears(1);
        int rem = Math.floorMod(d.getYear(), step.every());
        return rem == 0 ? d : d.plusYears(step.every() - rem);
      }
    }
    throw new AssertionError(step);
  }

  private static LocalDate next(Step step, LocalDate d) {
    return switch (step.unit()) {
      case DAY -> d.plusDays(step.every());
      case WEEK -> d.plusWeeks(step.every());
      case MONTH -> d.plusMonths(step.every());
      case QUARTER -> d.plusMonths(3);
      case YEAR -> d.plusYears(step.every());
    };
  }

  private ImmutableList<TimeTick> label(Unit unit, List<LocalDate> dates) {
    ImmutableList.Builder<TimeTick> out = ImmutableList.builder();
    int lastYear = Integer.MIN_VALUE;
    for (LocalDate d : dates) {
      boolean withYear = d.getYear() != lastYear;
      lastYear = d.getYear();
      String month = MONTHS[d.getMonthValue() - 1];
      String text =
          switch (unit) {
            case DAY, WEEK -> month + " " + d.getDayOfMonth() + (withYear ? " " + d.getYear() : "");
            case MONTH -> month + (withYear ? " " + d.getYear() : "");
            case QUARTER ->
                "Q" + ((d.getMonthValue() - 1) / 3 + 1) + (withYear ? " " + d.getYear() : "");
            case YEAR -> Integer.toString(d.getYear());
          };
      out.add(new TimeTick(d, apply(d.atStartOfDay(zone).toInstant()), text));
    }
    return out.build();
  }

  /**
   * Formats as the span and zone.
   *
   * @return e.g. {@code "TimeScale[2025-01-01T00:00:00Z..2026-01-01T00:00:00Z Z]"}
   */
  @Override
  public String toString() {
    return "TimeScale[" + start + ".." + end + " " + zone + "]";
  }
}
