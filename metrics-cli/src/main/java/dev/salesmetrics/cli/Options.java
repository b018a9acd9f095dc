package dev.salesmetrics.cli;

import dev.salesmetrics.time.Granularity;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters shared by the commands; a bad value is a usage error (exit code 2). */
final class Options {
  private Options() {}

  /** Reads a zone id such as {@code UTC}, {@code Europe/Paris} or {@code +02:00}. */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value.strip());
      } catch (DateTimeException e) {
        throw new TypeConversionException(
            "zone must be a region id such as Europe/Paris or an offset such as +02:00: \""
                + value
                + "\"");
      }
    }
  }

  /** Reads a date {@code YYYY-MM-DD}. */
  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("date must be YYYY-MM-DD: \"" + value + "\"");
      }
    }
  }

  /** Reads a month: a number 1..12 or an English name or prefix ({@code april}, {@code Apr}). */
  static final class MonthConverter implements ITypeConverter<Month> {
    @Override
    public Month convert(String value) {
      String v = value.strip().toUpperCase(Locale.ROOT);
      if (v.matches("\\d{1,2}")) {
        int n = Integer.parseInt(v);
        if (n >= 1 && n <= 12) {
          return Month.of(n);
        }
      } else if (v.length() >= 3) {
        for (Month m : Month.values()) {
          if (m.name().startsWith(v)) {
            return m;
          }
        }
      }
      throw new TypeConversionException(
          "fiscal start must be a month 1..12 or a name such as april: \"" + value + "\"");
    }
  }

  /** Reads a period granularity: day, week, month, quarter or year. */
  static final class GranularityConverter implements ITypeConverter<Granularity> {
    @Override
    public Granularity convert(String value) {
      try {
        return Granularity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "period must be one of day, week, month, quarter, year: \"" + value + "\"");
      }
    }
  }
}
