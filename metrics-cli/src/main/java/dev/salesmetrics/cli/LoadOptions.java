package dev.salesmetrics.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.CsvFormatException;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.io.DateOrder;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.LoadReport;
import dev.salesmetrics.io.LoadResult;
import dev.salesmetrics.io.LoadWarning;
import dev.salesmetrics.io.MappingFile;
import dev.salesmetrics.io.RejectedRow;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * How the commands read a data directory, as the base of their picocli mixins ({@link
 * DataOptions}, {@link SampleOrData}): CRM mapping, date order, separator, strict or lenient, where
 * rejected rows go; and the one loading preamble every command shares ({@link #load}): a progress
 * bar, then a one-line summary per file on standard error, and a bad row as one clear error (exit
 * code 3).
 */
abstract class LoadOptions {
  /** How many warnings and rejected rows are printed on standard error before "and N more". */
  static final int SHOWN = 10;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--mapping",
      paramLabel = "hubspot|salesforce|FILE",
      description =
          "Read CRM exports: the hubspot or salesforce preset for deals.csv, or a mapping file"
              + " (docs/CSV.md, Mapping files).")
  @Nullable String mapping;

  @Option(
      names = "--date-order",
      paramLabel = "MDY|DMY|YMD",
      converter = DateOrderConverter.class,
      description =
          "Order of numeric dates such as 03/02/2025 in every file (default: detected per file;"
              + " ISO-8601 dates are always read).")
  @Nullable DateOrder dateOrder;

  @Option(
      names = "--separator",
      paramLabel = "CHAR",
      converter = SeparatorConverter.class,
      description = "Cell separator of every file: ',', ';', tab or '|' (default: detected from"
          + " each file's header).")
  @Nullable Character separator;

  @Option(
      names = "--lenient",
      description =
          "Load the good rows and leave out the bad ones, saying how many (default: the first bad"
              + " row stops the command with exit code 3).")
  boolean lenient;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "With --lenient, write every rejected row to FILE as CSV: file, line, column,"
          + " value, reason.")
  @Nullable Path rejects;

  /** The data directory, or null when the command runs on the sample data. */
  @Nullable
  abstract Path dataDir();

  /**
   * The data and what loading it said. When the files were loaded into columns ({@link
   * #loadColumns}), {@code columns} holds every record and {@code data} only the reps, quotas
   * and campaigns.
   */
  record Loaded(
      Dataset data,
      ImmutableSet<CsvFile> present,
      ImmutableList<LoadReport> reports,
      @Nullable ColumnStore columns,
      @Nullable Query.Fold fold) {
    Loaded(Dataset data, ImmutableSet<CsvFile> present, ImmutableList<LoadReport> reports) {
      this(data, present, reports, null, null);
    }

    boolean has(CsvFile file) {
      return present.contains(file);
    }

    /** Every record, from the columns when loaded so. */
    Iterable<? extends SalesRecord> records() {
      return columns != null ? columns : data.records();
    }
  }

  /**
   * Tells whether the files may be loaded into columns ({@link #loadColumns}) for a command that
   * needs no more of the data than its records and its reps: no CRM mapping (the column loader
   * reads the interchange format; a mapping takes the object path anyway).
   */
  boolean interchange() {
    return mapping == null;
  }

  /**
   * Returns the CSV options of these settings: strict or lenient, the mapping (a preset or a
   * file), the zone of bare local date-times (when {@code zone} is given), the date order and the
   * separator.
   *
   * @param zone the zone given on the command line, or null
   * @throws ParameterException for an unreadable or invalid mapping, or --rejects without
   *     --lenient
   */
  CsvOptions csvOptions(@Nullable ZoneId zone) {
    if (rejects != null && !lenient) {
      throw usage("--rejects needs --lenient (without it the first bad row stops the command)");
    }
    CsvOptions options = lenient ? CsvOptions.lenient() : CsvOptions.strict();
    if (mapping != null) {
      try {
        options = MappingFile.presetOrFile(mapping).applyTo(options);
      } catch (IOException e) {
        throw usage("--mapping " + mapping + " is neither hubspot, salesforce nor a readable"
            + " mapping file (" + Failures.reason(e) + ")");
      } catch (IllegalArgumentException e) {
        throw usage("--mapping: " + e.getMessage());
      }
    }
    if (zone != null) {
      options = options.withZone(zone);
    }
    if (dateOrder != null) {
      try {
        options = options.withDateOrder(dateOrder);
      } catch (IllegalArgumentException e) {
        throw usage("--date-order: " + e.getMessage());
      }
    }
    if (separator != null) {
      options = options.withSeparator(separator);
    }
    return options;
  }

  /**
   * Loads the files present in the data directory with a progress bar, prints one summary line
   * per file on {@code err} (unless {@code quiet}), with the first warnings and rejected rows,
   * and writes the rejected rows to {@code --rejects}.
   *
   * @param zone the zone given on the command line, or null
   * @param err standard error
   * @param quiet true to print nothing when the load succeeds
   * @return the data
   * @throws ParameterException if the directory does not exist or is not one, or an option is bad
   * @throws Failures.Failure for a bad row (strict), a file that cannot be read or split, or a
   *     rejects file that cannot be written
   */
  Loaded load(@Nullable ZoneId zone, PrintWriter err, boolean quiet) {
    return load(zone, err, quiet, false, null);
  }

  /**
   * Loads as {@link #load(ZoneId, PrintWriter, boolean)}, into a {@link ColumnStore} ({@link
   * Dataset#loadColumns}): the same records, summary, rejected rows and errors; the loaded
   * {@link Loaded#data()} then holds only the reps, quotas and campaigns.
   */
  Loaded loadColumns(@Nullable ZoneId zone, PrintWriter err, boolean quiet) {
    return load(zone, err, quiet, true, null);
  }

  /**
   * Runs {@code query} while reading the files ({@link Dataset#stream}), with the summary,
   * rejected rows and errors of {@link #loadColumns}; the loaded {@link Loaded#data()} is then
   * empty and {@link Loaded#fold()} holds the result. Returns null when the query met a currency
   * mismatch or an overflow: the caller then loads as {@link #loadColumns}, which prints the
   * summary before that error.
   */
  @Nullable
  Loaded stream(@Nullable ZoneId zone, PrintWriter err, Query query) {
    try {
      return load(zone, err, false, true, query);
    } catch (CurrencyMismatchException | ArithmeticException e) {
      return null;
    }
  }

  private Loaded load(
      @Nullable ZoneId zone,
      PrintWriter err,
      boolean quiet,
      boolean columns,
      @Nullable Query query) {
    Path dir = dataDir();
    if (dir == null) {
      throw new IllegalStateException("no --data directory to load");
    }
    CsvOptions options = csvOptions(zone);
    if (!Files.isDirectory(dir)) {
      throw usage("--data " + dir + " is not a directory");
    }
    Set<CsvFile> present = EnumSet.noneOf(CsvFile.class);
    for (CsvFile f : CsvFile.values()) {
      if (Files.isRegularFile(dir.resolve(f.fileName()))) {
        present.add(f);
      }
    }
    LoadResult<?> result;
    try (Progress bar = Progress.start(dir)) {
      result =
          query != null
              ? Dataset.stream(dir, options, query)
              : columns ? Dataset.loadColumns(dir, options, bar) : Dataset.load(dir, options, bar);
    } catch (CsvFormatException e) {
      throw Failures.badRow(dir, e);
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw usage("--data " + dir + " is not a directory");
    } catch (FileSystemException e) {
      throw Failures.badData("cannot read " + e.getFile() + ": " + e.getReason());
    } catch (IOException e) {
      throw Failures.badData("cannot read " + dir + ": " + Failures.reason(e));
    }
    if (!quiet) {
      printSummary(result, err);
    }
    if (rejects != null) {
      try {
        result.writeRejectedCsv(rejects);
      } catch (IOException e) {
        throw Failures.outputError("cannot write --rejects " + rejects + ": " + Failures.reason(e));
      }
    }
    if (result.value() instanceof Query.Fold fold) {
      return new Loaded(Dataset.empty(), ImmutableSet.copyOf(present),
          ImmutableList.copyOf(result.reports()), null, fold);
    }
    if (result.value() instanceof ColumnStore store) {
      List<Rep> reps = new ArrayList<>();
      List<Quota> quotas = new ArrayList<>();
      List<Campaign> campaigns = new ArrayList<>();
      for (SalesRecord r : store.others()) {
        if (r instanceof Rep rep) {
          reps.add(rep);
        } else if (r instanceof Quota q) {
          quotas.add(q);
        } else if (r instanceof Campaign c) {
          campaigns.add(c);
        }
      }
      Dataset others =
          new Dataset(
              reps, quotas, List.of(), List.of(), List.of(), List.of(), campaigns, List.of());
      return new Loaded(others, ImmutableSet.copyOf(present),
          ImmutableList.copyOf(result.reports()), store, null);
    }
    return new Loaded((Dataset) result.value(), ImmutableSet.copyOf(present),
        ImmutableList.copyOf(result.reports()));
  }

  /**
   * Prints one summary line per file ({@code deals.csv: 9,812 rows, 9,790 loaded, 22 rejected}),
   * then the first {@value #SHOWN} warnings and rejected rows, with how many more there are.
   */
  void printSummary(LoadResult<?> result, PrintWriter err) {
    for (LoadReport r : result.reports()) {
      err.println(Terminal.safe(r.summary()));
    }
    List<LoadWarning> warnings = result.warnings();
    for (int i = 0; i < Math.min(SHOWN, warnings.size()); i++) {
      err.println("  warning: " + Terminal.safe(warnings.get(i).toString()));
    }
    if (warnings.size() > SHOWN) {
      err.println("  ... and " + (warnings.size() - SHOWN) + " more warnings");
    }
    List<RejectedRow> rejected = result.rejected();
    for (int i = 0; i < Math.min(SHOWN, rejected.size()); i++) {
      err.println("  rejected: " + Terminal.safe(rejected.get(i).message()));
    }
    if (rejected.size() > SHOWN) {
      err.println("  ... and " + (rejected.size() - SHOWN) + " more rejected rows"
          + (rejects == null ? " (--rejects FILE writes them all)" : ""));
    }
    if (!rejected.isEmpty() && rejects != null) {
      err.println("  rejected rows written to " + rejects);
    }
    err.flush();
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Reads MDY, DMY or YMD. */
  static final class DateOrderConverter implements ITypeConverter<DateOrder> {
    @Override
    public DateOrder convert(String value) {
      try {
        return DateOrder.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads a separator: {@code ,} {@code ;} {@code |}, or {@code tab} (also a tab character). */
  static final class SeparatorConverter implements ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      String v = value.toLowerCase(Locale.ROOT);
      if (v.equals("tab") || v.equals("\\t") || v.equals("\t")) {
        return '\t';
      }
      if (v.length() == 1 && ",;|".indexOf(v.charAt(0)) >= 0) {
        return v.charAt(0);
      }
      throw new TypeConversionException(
          "separator must be ',', ';', tab or '|': \"" + Terminal.safe(value) + "\"");
    }
  }
}
