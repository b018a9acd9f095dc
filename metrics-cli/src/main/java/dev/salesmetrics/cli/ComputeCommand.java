package dev.salesmetrics.cli;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.TidyRow;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code salesmetrics compute}: metrics over a directory of CSV files as a table, CSV or JSON. */
@Command(
    name = "compute",
    mixinStandardHelpOptions = true,
    description = {
      "Compute metrics over the interchange CSV files (or CRM exports) in a directory.",
      "CSV output is tidy: period_start,period_end,<one column per --by dimension>,metric,value,"
          + "unit. Ratios are fractions, money is in major units with the currency as unit, "
          + "counts are integers, durations and money statistics write their mean under the "
          + "metric's id and more rows (<id>.count, ...); an undefined value is empty (null in "
          + "JSON)."
    },
    footer = {
      "",
      "Dates are read in --zone; --to is exclusive. With --period, every period that overlaps "
          + "[--from, --to) is computed whole; without --from/--to the range is the days the "
          + "data spans. Without --period each metric is computed once over that range; metrics "
          + "of a period's start or of the period before (pipeline, coverage, churn, growth) "
          + "need --period, or --from and --to.",
      "",
      "Example: salesmetrics compute --data data --metrics win_rate --by rep --period month "
          + "--format csv",
      "",
      "Exit codes: 0 ok, 2 bad usage, 3 bad input data, 4 output not written."
    })
final class ComputeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions input;

  @Option(
      names = "--metrics",
      required = true,
      split = ",",
      paramLabel = "ID",
      description = "Metric ids, comma separated ('salesmetrics metrics' lists them).")
  List<String> metricIds;

  @Option(
      names = "--by",
      split = ",",
      paramLabel = "DIM",
      description = "Group by: rep, team, region, product, campaign, source, customer.")
  List<String> by = new ArrayList<>();

  @Option(
      names = "--period",
      paramLabel = "UNIT",
      converter = Options.GranularityConverter.class,
      description = "Group by period: day, week, month, quarter or year.")
  @Nullable Granularity period;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "table (default), csv or json.")
  Format format = Format.TABLE;

  /** Output formats. */
  enum Format {
    TABLE,
    CSV,
    JSON
  }

  /** Reads table, csv or json. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.name().equalsIgnoreCase(value.strip())) {
          return f;
        }
      }
      throw new TypeConversionException("format must be table, csv or json: \"" + value + "\"");
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Metric<?, ?>> metrics = metrics();
    List<String> dimensionIds = new ArrayList<>();
    for (String d : by) {
      String id = d.strip().toLowerCase(Locale.ROOT);
      if (!Inputs.DIMENSIONS.contains(id)) {
        throw usage(Inputs.unknownDimension(d));
      }
      if (dimensionIds.contains(id)) {
        throw usage("dimension " + id + " is listed twice in --by");
      }
      dimensionIds.add(id);
    }
    if (period == null && (input.from == null || input.to == null)) {
      // over the days the data spans, a pipeline at the start or a churn of the customers
      // active at the start would say nothing: such metrics need a period
      for (Metric<?, ?> m : metrics) {
        if (m.needsPeriod()) {
          throw usage("metric " + m.id() + " needs a period: add --period day, week, month,"
              + " quarter or year, or give the period with --from and --to");
        }
      }
    }
    input.checkRange();
    ZoneId z = input.zone();

    // interchange files go straight into columns when nothing needs the records as objects,
    // and stream through the query when it folds (the result then needs no stored deal)
    boolean columnar = input.interchange() && Inputs.columnar(metrics, dimensionIds);
    Query streaming = columnar ? streamingQuery(metrics, dimensionIds, z) : null;
    LoadOptions.Loaded loaded = streaming == null ? null : input.stream(input.zone, err, streaming);
    if (loaded == null) {
      loaded = columnar ? input.loadColumns(input.zone, err, false) : input.load(err);
    } else {
      STREAMED.incrementAndGet();
    }
    Optional<String> missing = Inputs.missingFile(metrics, loaded);
    if (missing.isPresent()) {
      throw Failures.badData(missing.get());
    }
    List<Dimension> dims = new ArrayList<>();
    for (String id : dimensionIds) {
      if ((id.equals("team") || id.equals("region")) && !loaded.has(CsvFile.REPS)) {
        throw Failures.badData(
            "dimension " + id + " reads reps.csv but the data directory has no reps.csv");
      }
      dims.add(Inputs.dimension(id, loaded.data()));
    }

    Optional<LocalDate[]> span = Inputs.span(loaded, z);
    LocalDate first = input.from != null ? input.from : span.map(s -> s[0]).orElse(null);
    LocalDate last = input.to != null ? input.to : span.map(s -> s[1]).orElse(null);
    if (first == null || last == null) {
      // no dated record in the data and no range given: nothing to compute
      err.println("salesmetrics: the data has no dated record (lead, deal, order, customer or"
          + " survey answer) and no --from/--to was given: nothing to compute");
      err.flush();
      printEmpty(out, dimensionIds);
      return Main.OK;
    }
    if (!first.isBefore(last)) {
      throw usage("the range " + first + " to " + last + " ("
          + Inputs.rangeSource(input.from, input.to) + "; the end is exclusive) is empty");
    }

    Query q =
        (loaded.columns() != null ? Query.of(loaded.columns()) : Query.of(loaded.data().records()))
            .metrics(metrics);
    if (period != null) {
      FiscalCalendar fiscal = input.fiscal();
      Optional<String> tooMany =
          Inputs.tooManyPeriods(
              first,
              last,
              period,
              fiscal,
              Inputs.rangeSource(input.from, input.to),
              Inputs.NARROW_THE_RANGE);
      if (tooMany.isPresent()) {
        throw usage(tooMany.get());
      }
      List<Dimension> grouping = new ArrayList<>();
      grouping.add(Dimension.period(period, z, fiscal));
      grouping.addAll(dims);
      q = q.groupBy(grouping.toArray(new Dimension[0])).periods(first, last);
    } else {
      q = q.groupBy(dims.toArray(new Dimension[0])).during(Period.between(first, last, z));
    }
    MetricTable table;
    try {
      table =
          loaded.fold() != null
              ? loaded.fold().table()
              : loaded.columns() != null ? q.runParallel() : q.run();
    } catch (CurrencyMismatchException | ArithmeticException e) {
      throw Failures.badData(e.getMessage());
    }
    out.print(
        switch (format) {
          case TABLE -> table.show();
          case CSV -> table.toCsv();
          case JSON -> table.toJson();
        });
    out.flush();
    return Main.OK;
  }

  /**
   * The query to stream the files through ({@code Dataset.stream}), or null when the command
   * must load first: the query must fold (kernel metrics placed by one instant), group by
   * dimensions read from the rows alone (rep, product, customer: team and region need reps.csv
   * read first), and have the range the loaded query would have before the data is read (with a
   * period: --from and --to both or neither, as the span of the data limits no record; without
   * one: both).
   */
  /** How many runs streamed (for tests: the streamed output must equal the loaded one). */
  static final java.util.concurrent.atomic.AtomicInteger STREAMED =
      new java.util.concurrent.atomic.AtomicInteger();

  @Nullable
  private Query streamingQuery(List<Metric<?, ?>> metrics, List<String> dimensionIds, ZoneId z) {
    for (String id : dimensionIds) {
      if (!id.equals("rep") && !id.equals("product") && !id.equals("customer")) {
        return null;
      }
    }
    boolean bothEnds = input.from != null && input.to != null;
    if (period == null ? !bothEnds : !bothEnds && (input.from != null || input.to != null)) {
      return null;
    }
    try {
      List<Dimension> grouping = new ArrayList<>();
      Query q = Query.of(List.of()).metrics(metrics);
      if (period != null) {
        FiscalCalendar fiscal = input.fiscal();
        if (bothEnds
            && Inputs.tooManyPeriods(input.from, input.to, period, fiscal, "", "").isPresent()) {
          return null;
        }
        grouping.add(Dimension.period(period, z, fiscal));
      }
      for (String id : dimensionIds) {
        grouping.add(Inputs.dimension(id, Dataset.empty()));
      }
      q = q.groupBy(grouping.toArray(new Dimension[0]));
      if (bothEnds) {
        q = period != null ? q.periods(input.from, input.to)
            : q.during(Period.between(input.from, input.to, z));
      }
      var unused = q.fold(); // refuses what cannot fold
      return q;
    } catch (IllegalArgumentException | IllegalStateException | java.time.DateTimeException e) {
      return null; // the loaded path reports it as before
    }
  }

  /** The metrics of {@code --metrics}, in order; an unknown or repeated id is bad usage. */
  private List<Metric<?, ?>> metrics() {
    List<Metric<?, ?>> metrics = new ArrayList<>();
    for (String id : metricIds) {
      String trimmed = id.strip();
      Metric<?, ?> m;
      try {
        m = Metrics.byId(trimmed);
      } catch (IllegalArgumentException e) {
        throw usage(Inputs.unknownMetric(trimmed));
      }
      if (metrics.contains(m)) {
        throw usage("metric " + trimmed + " is listed twice");
      }
      metrics.add(m);
    }
    return metrics;
  }

  /** Prints an empty result: a note for a table, the header for CSV, an empty array for JSON. */
  private void printEmpty(PrintWriter out, List<String> dimensionIds) {
    out.print(
        switch (format) {
          case TABLE -> "(no data)\n";
          case CSV -> String.join(",", TidyRow.header(dimensionIds)) + "\n";
          case JSON -> "[]\n";
        });
    out.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
