package dev.salesmetrics.cli;

import dev.salesmetrics.clv.ClvHorizon;
import dev.salesmetrics.clv.ClvReport;
import dev.salesmetrics.clv.ClvTimeUnit;
import dev.salesmetrics.clv.ModelFitException;
import dev.salesmetrics.clv.Transaction;
import dev.salesmetrics.io.CsvFormat;
import dev.salesmetrics.io.CsvFormatException;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code salesmetrics clv}: fits BG/NBD and Gamma-Gamma to orders and ranks the customers. */
@Command(
    name = "clv",
    mixinStandardHelpOptions = true,
    description = {
      "Predictive customer lifetime value: fit BG/NBD (purchases) and Gamma-Gamma (spend) to the "
          + "paid orders of an orders.csv up to the calibration end, print the fitted parameters "
          + "(r, alpha, a, b, log_likelihood, p, q, v) and the customers ranked by CLV.",
      "Refunded orders are left out; orders on one day count as one purchase. The first purchase "
          + "is not part of the spend (see docs/CLV.md).",
      "Without --calibration-end every order is used: the calibration ends on the day of the "
          + "last paid order, and the predictions start the day after."
    },
    footer = {
      "",
      "CSV output: a parameter,value block, an empty line, then the ranked customers "
          + "(rank,customer_id,frequency,recency,age,mean_repeat_spend,p_alive,"
          + "expected_purchases,expected_average_spend,clv).",
      "",
      "Exit codes: 0 ok, 2 bad usage (including an option out of its range), 3 bad input data, "
          + "including orders the models cannot be fitted to (the message says why)."
    })
final class ClvCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--orders",
      required = true,
      paramLabel = "FILE",
      description = "orders.csv in the interchange schema.")
  Path orders;

  /**
   * Largest accepted {@code --horizon-months}: fifty years, far beyond what the models can
   * extrapolate; the time the command takes grows with the square of the horizon.
   */
  static final int MAX_HORIZON_MONTHS = 600;

  /** Largest accepted {@code --discount-rate}: 100% a month. */
  static final double MAX_DISCOUNT_RATE = 1;

  @Option(
      names = "--calibration-end",
      paramLabel = "DATE",
      converter = Options.DateConverter.class,
      description =
          "Last day of the calibration period, YYYY-MM-DD (inclusive; default: the day of the "
              + "last paid order).")
  @Nullable LocalDate calibrationEnd;

  @Option(
      names = "--unit",
      paramLabel = "UNIT",
      converter = UnitConverter.class,
      description = "Time unit of the model: week (default) or day.")
  ClvTimeUnit unit = ClvTimeUnit.WEEK;

  @Option(
      names = "--horizon-months",
      paramLabel = "N",
      description = "CLV horizon in months, 1 to " + MAX_HORIZON_MONTHS + " (default 12).")
  int horizonMonths = 12;

  @Option(
      names = "--discount-rate",
      paramLabel = "D",
      description = "Monthly discount rate, a fraction from 0 to 1 (default 0.01).")
  double discountRate = 0.01;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      converter = Options.ZoneConverter.class,
      description = "Zone whose calendar days the order instants fall on (default UTC).")
  @Nullable ZoneId zone;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = ComputeCommand.FormatConverter.class,
      description = "table (default) or csv.")
  ComputeCommand.Format format = ComputeCommand.Format.TABLE;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Customers to show (default: 10 in a table, all in CSV).")
  @Nullable Integer top;

  /** Reads week or day. */
  static final class UnitConverter implements ITypeConverter<ClvTimeUnit> {
    @Override
    public ClvTimeUnit convert(String value) {
      try {
        return ClvTimeUnit.parse(value.strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unit must be week or day: \"" + value + "\"");
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == ComputeCommand.Format.JSON) {
      throw usage("format must be table or csv for clv: \"json\"");
    }
    if (top != null && top < 0) {
      throw usage("--top must be >= 0: " + top);
    }
    if (horizonMonths < 1 || horizonMonths > MAX_HORIZON_MONTHS) {
      throw usage(
          "--horizon-months must be from 1 to " + MAX_HORIZON_MONTHS + ": " + horizonMonths);
    }
    if (!(discountRate >= 0 && discountRate <= MAX_DISCOUNT_RATE)) {
      throw usage(
          "--discount-rate must be a monthly fraction from 0 to " + MAX_DISCOUNT_RATE + ": "
              + discountRate);
    }
    ClvHorizon horizon = ClvHorizon.months(horizonMonths).withDiscountRate(discountRate);
    if (!Files.isRegularFile(orders)) {
      throw usage("--orders " + orders + " is not a file");
    }
    CsvOptions options = zone == null ? CsvOptions.strict() : CsvOptions.strict().withZone(zone);
    List<Order> paid = new ArrayList<>();
    try {
      var unused = // strict: a bad row throws, so the report has nothing to add
          CsvFormat.ORDERS.forEach(
          orders,
          options,
          o -> {
            if (o.status() == OrderStatus.PAID) {
              paid.add(o);
            }
          });
    } catch (CsvFormatException e) {
      Path dir = orders.toAbsolutePath().getParent();
      return Failures.badRow(err, dir == null ? Path.of("") : dir, e);
    }
    ZoneId z = zone == null ? ZoneOffset.UTC : zone;
    ClvReport report;
    try {
      List<Transaction> tx =
          Transaction.from(paid, Order::customerId, Order::placedAt, z, Order::amount);
      LocalDate end = calibrationEnd;
      if (end == null) {
        if (tx.isEmpty()) {
          return Failures.badData(err, orders + " has no paid order to fit the models to");
        }
        end = tx.stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow();
      }
      report = ClvReport.of(tx, end, unit, horizon);
    } catch (ModelFitException e) {
      return Failures.badData(err, "cannot fit the models to " + orders + ": " + e.getMessage());
    } catch (CurrencyMismatchException e) {
      return Failures.badData(
          err, orders + " mixes currencies (convert them first): " + e.getMessage());
    } catch (ArithmeticException e) {
      return Failures.badData(
          err, "cannot compute the lifetime values for " + orders + ": " + e.getMessage());
    }
    if (format == ComputeCommand.Format.TABLE) {
      out.print(report.toTable(top == null ? 10 : top));
    } else {
      out.print(csv(report, top));
    }
    out.flush();
    return Main.OK;
  }

  /** The parameters as {@code parameter,value} rows, an empty line, then the ranked customers. */
  static String csv(ClvReport report, @Nullable Integer top) {
    StringBuilder sb = new StringBuilder("parameter,value\r\n");
    for (String line : report.parametersText().lines().toList()) {
      String l = line.strip();
      if (!l.isEmpty()) {
        int space = l.indexOf(' ');
        sb.append(l, 0, space).append(',').append(l.substring(space + 1)).append("\r\n");
      }
    }
    sb.append("\r\n");
    String customers = report.toCsv();
    if (top == null) {
      return sb.append(customers).toString();
    }
    int lines = 0;
    int end = 0;
    while (lines <= top && end < customers.length()) {
      int next = customers.indexOf("\r\n", end);
      end = next < 0 ? customers.length() : next + 2;
      lines++;
    }
    return sb.append(customers, 0, end).toString();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
