package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.internal.SafeText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The whole predictive-CLV workflow in one call, the entry point for the command line: summarize
 * transactions up to a calibration end, fit BG/NBD and Gamma-Gamma, and rank customers by
 * discounted lifetime value over a horizon, with their probability of being alive and expected
 * purchases.
 *
 * <pre>{@code
 * ClvReport report = ClvReport.of(transactions, LocalDate.of(1997, 9, 30), ClvTimeUnit.WEEK,
 *     ClvHorizon.months(12).withDiscountRate(0.01));
 * System.out.print(report.toTable(10));
 * }</pre>
 *
 * <p>Parameter names in the text and CSV output are {@code r}, {@code alpha}, {@code a}, {@code
 * b}, {@code p}, {@code q}, {@code v} and {@code log_likelihood}. Immutable.
 *
 * @param calibrationEnd the last day of calibration
 * @param horizon the CLV horizon
 * @param purchaseFit the fitted BG/NBD model (its unit is the report's unit)
 * @param spendFit the fitted Gamma-Gamma model
 * @param rows one row per customer, by descending CLV, ties by customer id
 */
public record ClvReport(
    LocalDate calibrationEnd,
    ClvHorizon horizon,
    BgNbdFit purchaseFit,
    GammaGammaFit spendFit,
    ImmutableList<ClvReport.Row> rows) {

  /**
   * One customer's line of the report.
   *
   * @param customerId the customer
   * @param frequency repeat purchases in calibration, {@code x}
   * @param recency {@code t_x} in the model's unit
   * @param age {@code T} in the model's unit
   * @param meanRepeatSpend {@code zbar}, mean repeat-purchase value in major units
   * @param probabilityAlive P(alive) at the calibration end
   * @param expectedPurchases expected purchases over the horizon (undiscounted)
   * @param expectedAverageSpend Gamma-Gamma expected spend per purchase
   * @param clv discounted lifetime value over the horizon, in major units
   */
  public record Row(
      String customerId,
      int frequency,
      double recency,
      double age,
      double meanRepeatSpend,
      double probabilityAlive,
      double expectedPurchases,
      double expectedAverageSpend,
      double clv) {
    /**
     * Validates the components.
     *
     * @param customerId the customer
     * @param frequency repeat purchases
     * @param recency {@code t_x}
     * @param age {@code T}
     * @param meanRepeatSpend {@code zbar}
     * @param probabilityAlive P(alive)
     * @param expectedPurchases expected purchases over the horizon
     * @param expectedAverageSpend expected spend per purchase
     * @param clv lifetime value
     * @throws IllegalArgumentException if a number is negative or not finite
     */
    public Row {
      checkNotNull(customerId, "customerId");
      BgNbdModel.checkHistory(frequency, recency, age);
      Checks.nonNegative("mean_repeat_spend", meanRepeatSpend);
      Checks.nonNegative("p_alive", probabilityAlive);
      Checks.nonNegative("expected_purchases", expectedPurchases);
      Checks.nonNegative("expected_average_spend", expectedAverageSpend);
      Checks.nonNegative("clv", clv);
    }
  }

  /**
   * Validates the components and copies the rows.
   *
   * @param calibrationEnd the last day of calibration
   * @param horizon the CLV horizon
   * @param purchaseFit the BG/NBD fit
   * @param spendFit the Gamma-Gamma fit
   * @param rows the ranked rows
   * @throws NullPointerException if a component is null
   */
  public ClvReport {
    checkNotNull(calibrationEnd, "calibrationEnd");
    checkNotNull(horizon, "horizon");
    checkNotNull(purchaseFit, "purchaseFit");
    checkNotNull(spendFit, "spendFit");
    rows = ImmutableList.copyOf(rows);
  }

  /**
   * Summarizes, fits both models and ranks the customers.
   *
   * @param transactions all purchases (later ones than {@code calibrationEnd} are ignored)
   * @param calibrationEnd the last day of calibration; predictions start the day after
   * @param unit the model's time unit
   * @param horizon months, monthly discount rate and month length
   * @return the report
   * @throws ModelFitException if either model cannot be fitted (no repeat purchase, no
   *     convergence, Gamma-Gamma {@code q <= 1})
   * @throws dev.salesmetrics.model.CurrencyMismatchException if amounts mix currencies
   */
  public static ClvReport of(
      Iterable<Transaction> transactions,
      LocalDate calibrationEnd,
      ClvTimeUnit unit,
      ClvHorizon horizon) {
    checkNotNull(horizon, "horizon");
    CalibrationSummary summary = CalibrationSummary.of(transactions, calibrationEnd, unit);
    RfmData data = summary.toRfmData();
    BgNbdFit purchaseFit = BgNbdFit.fit(data.collapse());
    GammaGammaFit spendFit = GammaGammaFit.fit(data);
    LifetimeValue value = new LifetimeValue(purchaseFit.model(), spendFit.model());
    BgNbdModel model = purchaseFit.model();
    double t = horizon.months() * horizon.monthIn(unit);
    List<Row> rows = new ArrayList<>();
    for (CustomerSummary c : summary.customers()) {
      int x = c.frequency();
      double zbar = c.meanRepeatSpend();
      rows.add(
          new Row(
              c.customerId(),
              x,
              c.recency(),
              c.age(),
              zbar,
              model.probabilityAlive(x, c.recency(), c.age()),
              model.expectedPurchases(t, x, c.recency(), c.age()),
              spendFit.model().expectedAverageSpend(x, zbar),
              value.value(x, c.recency(), c.age(), zbar, horizon)));
    }
    rows.sort(
        Comparator.comparingDouble(Row::clv).reversed().thenComparing(Row::customerId));
    return new ClvReport(
        calibrationEnd, horizon, purchaseFit, spendFit, ImmutableList.copyOf(rows));
  }

  /**
   * Returns the calibration end and the fitted parameters as {@code name value} pairs in a fixed
   * order: {@code calibration_end} (ISO date), {@code unit}, {@code customers}, {@code r}, {@code
   * alpha}, {@code a}, {@code b}, {@code log_likelihood} (BG/NBD), {@code p}, {@code q}, {@code v}
   * and {@code gg_log_likelihood}.
   *
   * @return the text, one parameter per line
   */
  public String parametersText() {
    BgNbdModel m = purchaseFit.model();
    GammaGammaModel g = spendFit.model();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "calibration_end %s%n", calibrationEnd));
    out.append(String.format(Locale.ROOT, "unit %s%n", m.unit().id()));
    out.append(String.format(Locale.ROOT, "customers %.0f%n", purchaseFit.customers()));
    parameter(out, "r", m.r());
    parameter(out, "alpha", m.alpha());
    parameter(out, "a", m.a());
    parameter(out, "b", m.b());
    parameter(out, "log_likelihood", purchaseFit.logLikelihood());
    parameter(out, "p", g.p());
    parameter(out, "q", g.q());
    parameter(out, "v", g.v());
    parameter(out, "gg_log_likelihood", spendFit.logLikelihood());
    return out.toString();
  }

  private static void parameter(StringBuilder out, String name, double value) {
    out.append(String.format(Locale.ROOT, "%s %.6f%n", name, value));
  }

  /**
   * Renders the parameters and the top {@code limit} customers as an aligned text table. Control
   * and invisible characters of customer ids are shown escaped (a line feed as {@code \n}, U+202E
   * as <code>&#92;u202e</code>), so the table prints safely on a terminal.
   *
   * @param limit the number of customers to show, {@code >= 0}
   * @return the text
   * @throws IllegalArgumentException if {@code limit < 0}
   */
  public String toTable(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    List<Row> top = rows.subList(0, Math.min(limit, rows.size()));
    int idWidth = "customer_id".length();
    for (Row row : top) {
      idWidth = Math.max(idWidth, SafeText.forTerminal(row.customerId()).length());
    }
    StringBuilder out = new StringBuilder(parametersText());
    out.append(
        String.format(
            Locale.ROOT,
            "horizon %d months, monthly discount rate %s, %s days per month%n%n",
            horizon.months(),
            horizon.monthlyDiscountRate(),
            horizon.daysPerMonth()));
    String header = "%4s  %-" + idWidth + "s %5s %9s %9s %9s %7s %10s %10s %12s%n";
    out.append(
        String.format(
            Locale.ROOT, header, "rank", "customer_id", "x", "t_x", "T", "zbar", "p_alive",
            "purchases", "avg_spend", "clv"));
    String line = "%4d  %-" + idWidth + "s %5d %9.2f %9.2f %9.2f %7.4f %10.4f %10.2f %12.2f%n";
    int rank = 1;
    for (Row r : top) {
      out.append(
          String.format(
              Locale.ROOT, line, rank++, SafeText.forTerminal(r.customerId()), r.frequency(), r.recency(), r.age(),
              r.meanRepeatSpend(), r.probabilityAlive(), r.expectedPurchases(),
              r.expectedAverageSpend(), r.clv()));
    }
    return out.toString();
  }

  /**
   * Renders all customers as RFC 4180 CSV, ranked, with the header {@code
   * rank,customer_id,frequency,recency,age,mean_repeat_spend,p_alive,expected_purchases,
   * expected_average_spend,clv}; numbers in round-trip precision, ids quoted when needed and
   * guarded against spreadsheet formulas.
   *
   * @return the CSV text with CRLF line ends
   */
  public String toCsv() {
    StringBuilder out = new StringBuilder();
    out.append(
        "rank,customer_id,frequency,recency,age,mean_repeat_spend,p_alive,expected_purchases,"
            + "expected_average_spend,clv\r\n");
    int rank = 1;
    for (Row r : rows) {
      out.append(rank++).append(',').append(csvText(r.customerId()));
      out.append(',').append(r.frequency());
      for (double v :
          new double[] {
            r.recency(), r.age(), r.meanRepeatSpend(), r.probabilityAlive(),
            r.expectedPurchases(), r.expectedAverageSpend(), r.clv()
          }) {
        out.append(',').append(v);
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  /**
   * Returns both fits as one properties text (see {@link BgNbdFit#toText()} and {@link
   * GammaGammaFit#toText()}); each parser reads its own keys back.
   *
   * @return the text
   */
  public String modelsText() {
    return purchaseFit.toText() + spendFit.toText();
  }

  static String csvText(String value) {
    String v = SafeText.forSpreadsheet(value);
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
