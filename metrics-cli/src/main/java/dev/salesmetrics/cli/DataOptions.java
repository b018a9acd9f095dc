package dev.salesmetrics.cli;

import dev.salesmetrics.time.FiscalCalendar;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.annotation.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The data options that {@code compute}, {@code alerts} and {@code report} share, as a picocli
 * mixin: the data directory (required) and how to read it ({@link LoadOptions}: mapping, date
 * order, separator, lenient, rejects), the zone, the fiscal year's first month and the date range.
 * Bad values are usage errors of the command that mixes this in.
 */
final class DataOptions extends LoadOptions {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Directory of interchange CSV files or CRM exports (deals.csv, orders.csv,"
          + " ...).")
  Path data;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      converter = Options.ZoneConverter.class,
      description = "Zone for periods, dates and bare local date-times in the data (default UTC).")
  @Nullable ZoneId zone;

  @Option(
      names = "--fiscal-start",
      paramLabel = "MONTH",
      converter = Options.MonthConverter.class,
      description = "First month of the fiscal year, for quarters and years (default january).")
  @Nullable Month fiscalStart;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = Options.DateConverter.class,
      description =
          "First day, YYYY-MM-DD (default: the first day of the data; for report, the trend"
              + " periods before --to).")
  @Nullable LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = Options.DateConverter.class,
      description = "Day after the last, YYYY-MM-DD, exclusive (default: after the data's last).")
  @Nullable LocalDate to;

  @Override
  Path dataDir() {
    return data;
  }

  /** The zone, UTC unless given. */
  ZoneId zone() {
    return zone == null ? ZoneOffset.UTC : zone;
  }

  /** The fiscal calendar, the calendar year unless a first month is given. */
  FiscalCalendar fiscal() {
    return fiscalStart == null ? FiscalCalendar.calendar() : FiscalCalendar.startingIn(fiscalStart);
  }

  /**
   * Checks that {@code --from} is before {@code --to}.
   *
   * @throws ParameterException if it is not
   */
  void checkRange() {
    if (from != null && to != null && !from.isBefore(to)) {
      throw usage("--from " + from + " must be before --to " + to + " (--to is exclusive)");
    }
  }

  /**
   * Loads the data directory as {@link LoadOptions#load}, bare local date-times in the zone when
   * one is given, with a summary line per file on {@code err}.
   */
  Loaded load(PrintWriter err) {
    return load(zone, err, false);
  }
}
