package dev.salesmetrics.testing;

import dev.salesmetrics.time.Granularity;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.WeekFields;
import java.util.Locale;

/**
 * Plain reference for period labels, written without {@code dev.salesmetrics.time}'s own
 * arithmetic: a fiscal quarter or year is found by shifting the date back to a calendar that
 * starts in January.
 */
public final class ReferencePeriods {

  private ReferencePeriods() {}

  /** Returns the label of the period of {@code granularity} that contains {@code date}. */
  public static String label(LocalDate date, Granularity granularity, Month fiscalFirstMonth) {
    LocalDate shifted = date.minusMonths(fiscalFirstMonth.getValue() - 1);
    boolean calendar = fiscalFirstMonth == Month.JANUARY;
    int fiscalYear = calendar ? shifted.getYear() : shifted.getYear() + 1;
    String year = calendar ? Integer.toString(fiscalYear) : "FY" + fiscalYear;
    return switch (granularity) {
      case DAY -> String.format(
          Locale.ROOT,
          "%04d-%02d-%02d",
          date.getYear(),
          date.getMonthValue(),
          date.getDayOfMonth());
      case WEEK -> String.format(
          Locale.ROOT,
          "%04d-W%02d",
          date.get(WeekFields.ISO.weekBasedYear()),
          date.get(WeekFields.ISO.weekOfWeekBasedYear()));
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
      case QUARTER -> year + "-Q" + ((shifted.getMonthValue() - 1) / 3 + 1);
      case YEAR -> year;
    };
  }
}
