package dev.salesmetrics.cli;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LeadDirectory;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.CsvFormatException;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Shares;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
      "Compute metrics over the interchange CSV files in a directory.",
      "CSV output is tidy: period_start,period_end,<one column per --by dimension>,metric,value,"
          + "unit. Ratios are fractions, money is in major units with the currency as unit, "
          + "counts are integers, durations are <id>.count/.mean/.median/.p90 in days; an "
          + "undefined value is empty (null in JSON)."
    },
    footer = {
      "",
      "Dates are read in --zone; --to is exclusive. With --period, every period that overlaps "
          + "[--from, --to) is computed whole; without --from/--to the range is the days the "
          + "data spans. Without --period each metric is computed once over that range.",
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
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Metric<?, ?>> metrics = new ArrayList<>();
    for (String id : metricIds) {
      String trimmed = id.strip();
      try {
        Metric<?, ?> m = Metrics.byId(trimmed);
        if (metrics.contains(m)) {
          throw usage("metric " + trimmed + " is listed twice");
        }
        metrics.add(m);
      } catch (IllegalArgumentException e) {
        throw usage(
            "unknown metric id \"" + trimmed + "\"; 'salesmetrics metrics' lists the ids");
      }
    }
    for (String d : by) {
      if (!Inputs.DIMENSIONS.contains(d.strip().toLowerCase(Locale.ROOT))) {
        throw usage(
            "unknown dimension \"" + d + "\"; expected one of "
                + String.join(", ", Inputs.DIMENSIONS));
      }
    }
    input.checkRange();
    ZoneId z = input.zone();

    DataLoader.Loaded loaded;
    try {
      loaded = input.load();
    } catch (CsvFormatException e) {
      return Failures.badRow(err, input.data, e);
    }
    List<String> ids = new ArrayList<>();
    metrics.forEach(m -> ids.add(m.id()));
    Optional<String> missing = Inputs.missingFile(ids, loaded);
    if (missing.isPresent()) {
      return Failures.badData(err, missing.get());
    }
    RepDirectory reps = RepDirectory.of(loaded.data().reps());
    LeadDirectory leads = LeadDirectory.of(loaded.data().leads());
    List<Dimension> dims = new ArrayList<>();
    for (String d : by) {
      String id = d.strip().toLowerCase(Locale.ROOT);
      if ((id.equals("team") || id.equals("region")) && !loaded.has(CsvFile.REPS)) {
        return Failures.badData(
            err, "dimension " + id + " reads reps.csv but the data directory has no reps.csv");
      }
      dims.add(Inputs.dimension(id, reps, leads));
    }

    Optional<LocalDate[]> span = Inputs.span(loaded.data(), z);
    LocalDate first = input.from != null ? input.from : span.map(s -> s[0]).orElse(null);
    LocalDate last = input.to != null ? input.to : span.map(s -> s[1]).orElse(null);
    if (first == null || last == null || !first.isBefore(last)) {
      // no event in the data and no range given, or a range that ends before the data begins
      print(out, format == Format.TABLE ? "(no data)\n" : render(emptyTable(metrics, dims)));
      return Main.OK;
    }

    Query q;
    List<Dimension> grouping = new ArrayList<>();
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
      grouping.add(Dimension.period(period, z, fiscal));
      grouping.addAll(dims);
      q =
          Query.of(Inputs.records(loaded.data()))
              .groupBy(grouping.toArray(new Dimension[0]))
              .metrics(metrics)
              .periods(first, last);
    } else {
      q =
          Query.of(Inputs.records(loaded.data()))
              .groupBy(dims.toArray(new Dimension[0]))
              .metrics(metrics)
              .during(Period.between(first, last, z));
    }
    MetricTable table;
    try {
      table = q.run();
    } catch (CurrencyMismatchException | ArithmeticException e) {
      return Failures.badData(err, e.getMessage());
    } catch (IllegalStateException e) {
      throw usage(e.getMessage());
    }
    if (format == Format.TABLE) {
      print(out, showTable(table, metrics, q));
    } else {
      print(out, render(table));
    }
    return Main.OK;
  }

  private String render(MetricTable table) {
    return format == Format.JSON ? table.toJson() : table.toCsv();
  }

  private static void print(PrintWriter out, String text) {
    out.print(text);
    out.flush();
  }

  /**
   * Renders the aligned table of {@link MetricTable#show()} for the metrics with one number per
   * cell, then each table-valued cell (stage conversion, product shares, cohorts) as a block
   * headed by its metric, group and period.
   */
  static String showTable(MetricTable table, List<Metric<?, ?>> metrics, Query q) {
    List<Metric<?, ?>> plain = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (Metric<?, ?> m : metrics) {
      if (m.unit() == MetricUnit.TABLE) {
        tables.add(m.id());
      } else {
        plain.add(m);
      }
    }
    if (tables.isEmpty()) {
      return table.show();
    }
    StringBuilder sb = new StringBuilder();
    if (!plain.isEmpty()) {
      sb.append(q.metrics(plain).run().show());
    }
    for (MetricTable.Row r : table.rows()) {
      for (String id : tables) {
        Optional<MetricValue> v = r.value(id);
        if (v.isEmpty()) {
          continue;
        }
        if (sb.length() > 0) {
          sb.append('\n');
        }
        List<String> where = new ArrayList<>();
        where.add(id);
        if (!r.key().isOverall()) {
          where.add(r.key().label());
        }
        r.period().ifPresent(p -> where.add(p.label()));
        sb.append(Terminal.safe(String.join("  ", where))).append('\n');
        sb.append(display(v.get())).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * A table-valued cell as text, with the names in it from the data (stages, products) made safe
   * for a terminal.
   */
  static String display(MetricValue value) {
    if (value instanceof StageFunnel f) {
      List<StageFunnel.Step> steps = new ArrayList<>();
      for (StageFunnel.Step s : f.steps()) {
        steps.add(new StageFunnel.Step(Terminal.safe(s.from()), Terminal.safe(s.to()), s.ratio()));
      }
      return new StageFunnel(steps, f.overall()).toString();
    }
    if (value instanceof Shares s && !s.shares().isEmpty()) {
      List<String> parts = new ArrayList<>();
      s.shares().forEach((key, share) -> parts.add(Terminal.safe(key) + " " + share));
      return String.join(", ", parts);
    }
    return Terminal.safeLines(value.toString());
  }

  private static MetricTable emptyTable(List<Metric<?, ?>> metrics, List<Dimension> dims) {
    return Query.of(List.of())
        .groupBy(dims.toArray(new Dimension[0]))
        .metrics(metrics)
        .during(Period.between(LocalDate.EPOCH, LocalDate.EPOCH.plusDays(1), ZoneOffset.UTC))
        .run();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
