package dev.salesmetrics.cli;

import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.time.FiscalCalendar;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.annotation.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The data options that {@code compute} and {@code report} share, as a picocli mixin: the data
 * directory, the zone, the fiscal year's first month and the date range; and how the data is
 * loaded from them. Bad values are usage errors of the command that mixes this in.
 */
final class DataOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Directory of interchange CSV files (deals.csv, orders.csv, ...).")
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
          "First day, YYYY-MM-DD (default: compute starts on the first day of the data, report"
              + " with the trend periods before --to).")
  @Nullable LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = Options.DateConverter.class,
      description = "Day after the last, YYYY-MM-DD, exclusive (default: after the data's last).")
  @Nullable LocalDate to;

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
   * Loads the files present in the data directory, strictly, bare local date-times in the zone.
   *
   * @throws dev.salesmetrics.io.CsvFormatException for the first bad row
   * @throws ParameterException if the directory does not exist or is not one
   * @throws IOException if a file cannot be read
   */
  DataLoader.Loaded load() throws IOException {
    CsvOptions options = zone == null ? CsvOptions.strict() : CsvOptions.strict().withZone(zone);
    try {
      return DataLoader.load(data, options);
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw usage("--data " + data + " is not a directory");
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
