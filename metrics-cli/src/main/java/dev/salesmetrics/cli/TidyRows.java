package dev.salesmetrics.cli;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.CohortTable;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.Shares;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The tidy rows of a {@link MetricTable} as the {@code compute} command writes them in CSV and
 * JSON: {@code period_start, period_end, <one column per dimension>, metric, value, unit}.
 *
 * <p>Plain values follow {@link MetricTable#toCsv()} exactly (ratios as fractions with 16
 * significant digits, money in major units with the currency code as unit, counts as integers,
 * {@code DurationStats} as four rows and {@code MoneyStats} as five, empty when undefined), except
 * that money per day has the unit {@code <currency>/day}. Table-valued results, which {@code
 * toCsv()} reduces to one headline number, are expanded into one row per cell:
 *
 * <ul>
 *   <li>{@code Shares} ({@code product_revenue_share}): {@code <id>.<key>}, a ratio per product;
 *   <li>{@code StageFunnel} ({@code stage_conversion}): {@code <id>.<from>-><to>} per step and
 *       {@code <id>.overall}, ratios;
 *   <li>{@code CohortTable} ({@code cohort_retention}): {@code <id>.<cohort>.size} (count) and
 *       {@code <id>.<cohort>.k<k>} (ratio) per cohort and period offset.
 * </ul>
 */
final class TidyRows {
  /**
   * One tidy row; {@code value} is a plain decimal or empty (undefined), never NaN.
   *
   * @param periodStart the first date of the period, or empty
   * @param periodEnd the exclusive last date of the period, or empty
   * @param dimensions the dimension values, in the order of {@link TidyRows#dimensionIds()}
   * @param metric the metric id, with a suffix for expanded values
   * @param value the number, or empty
   * @param unit the unit
   */
  record Row(
      String periodStart,
      String periodEnd,
      List<String> dimensions,
      String metric,
      String value,
      String unit) {}

  private final ImmutableList<String> dimensionIds;
  private final ImmutableList<Row> rows;

  private TidyRows(ImmutableList<String> dimensionIds, ImmutableList<Row> rows) {
    this.dimensionIds = dimensionIds;
    this.rows = rows;
  }

  /**
   * Returns the tidy rows of a table.
   *
   * @param table the table
   * @param during the period of a table without a period dimension, or empty
   * @param units the unit of each metric id of the table
   */
  static TidyRows of(
      MetricTable table, Optional<Period> during, Function<String, MetricUnit> units) {
    ImmutableList.Builder<Row> out = ImmutableList.builder();
    for (MetricTable.Row r : table.rows()) {
      Optional<Period> p = r.period().or(() -> during);
      String start = p.map(x -> x.startDate().toString()).orElse("");
      String end = p.map(x -> x.endDate().toString()).orElse("");
      List<String> dims = new ArrayList<>();
      for (String d : table.dimensionIds()) {
        dims.add(r.key().get(d).orElse(""));
      }
      ImmutableList<String> dimValues = ImmutableList.copyOf(dims);
      for (Map.Entry<String, MetricValue> e : r.values().entrySet()) {
        for (String[] cell : cells(e.getKey(), e.getValue(), units.apply(e.getKey()))) {
          out.add(new Row(start, end, dimValues, cell[0], cell[1], cell[2]));
        }
      }
    }
    return new TidyRows(table.dimensionIds(), out.build());
  }

  ImmutableList<String> dimensionIds() {
    return dimensionIds;
  }

  ImmutableList<Row> rows() {
    return rows;
  }

  /** Returns the header: {@code period_start, period_end, <dimension ids>, metric, value, unit}. */
  List<String> header() {
    List<String> h = new ArrayList<>();
    h.add("period_start");
    h.add("period_end");
    h.addAll(dimensionIds);
    h.add("metric");
    h.add("value");
    h.add("unit");
    return h;
  }

  /**
   * Writes RFC 4180 CSV with CRLF line ends; text cells that a spreadsheet would run as a formula
   * get a leading {@code '}; the value column is a number or empty and is never escaped.
   */
  String toCsv() {
    StringBuilder sb = new StringBuilder();
    csvLine(sb, header(), -1);
    int valueColumn = header().size() - 2;
    for (Row r : rows) {
      csvLine(sb, cellsOf(r), valueColumn);
    }
    return sb.toString();
  }

  /**
   * Writes a JSON array with one object per row, keys as the CSV header; values as JSON numbers,
   * {@code null} when undefined; empty period dates as {@code null}.
   */
  String toJson() {
    StringBuilder sb = new StringBuilder("[");
    List<String> header = header();
    for (int i = 0; i < rows.size(); i++) {
      sb.append(i == 0 ? "\n  {" : ",\n  {");
      List<String> cells = cellsOf(rows.get(i));
      for (int c = 0; c < cells.size(); c++) {
        if (c > 0) {
          sb.append(", ");
        }
        jsonString(sb, header.get(c));
        sb.append(": ");
        String v = cells.get(c);
        boolean number = c == header.size() - 2;
        boolean date = c < 2;
        if ((number || date) && v.isEmpty()) {
          sb.append("null");
        } else if (number) {
          sb.append(v);
        } else {
          jsonString(sb, v);
        }
      }
      sb.append('}');
    }
    return sb.append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  private static List<String> cellsOf(Row r) {
    List<String> cells = new ArrayList<>();
    cells.add(r.periodStart());
    cells.add(r.periodEnd());
    cells.addAll(r.dimensions());
    cells.add(r.metric());
    cells.add(r.value());
    cells.add(r.unit());
    return cells;
  }

  /** Expands one value into {@code {metric, value, unit}} cells. */
  static List<String[]> cells(String id, MetricValue v, MetricUnit unit) {
    List<String[]> out = new ArrayList<>();
    if (v instanceof DurationStats d) {
      out.add(new String[] {id + ".count", Long.toString(d.count()), "count"});
      out.add(new String[] {id + ".mean", number(d.meanDays()), "days"});
      out.add(new String[] {id + ".median", number(d.medianDays()), "days"});
      out.add(new String[] {id + ".p90", number(d.p90Days()), "days"});
    } else if (v instanceof MoneyStats s) {
      String currency = s.currency().map(c -> c.getCurrencyCode()).orElse("money");
      out.add(new String[] {id + ".count", Long.toString(s.count()), "count"});
      out.add(new String[] {id + ".sum", money(s.sum()), currency});
      out.add(new String[] {id + ".mean", money(s.mean()), currency});
      out.add(new String[] {id + ".min", money(s.min()), currency});
      out.add(new String[] {id + ".max", money(s.max()), currency});
    } else if (v instanceof Ratio r) {
      out.add(new String[] {id, fraction(r), "ratio"});
    } else if (v instanceof Amount a) {
      String currency =
          a.value().map(m -> m.currency().getCurrencyCode()).orElse(MetricUnit.MONEY.csvName());
      String u = unit == MetricUnit.MONEY_PER_DAY ? currency + "/day" : currency;
      out.add(new String[] {id, money(a.value()), u});
    } else if (v instanceof Count c) {
      out.add(new String[] {id, Long.toString(c.value()), "count"});
    } else if (v instanceof Shares s) {
      for (Map.Entry<String, Ratio> e : s.shares().entrySet()) {
        out.add(new String[] {id + "." + e.getKey(), fraction(e.getValue()), "ratio"});
      }
    } else if (v instanceof StageFunnel f) {
      for (StageFunnel.Step step : f.steps()) {
        out.add(
            new String[] {
              id + "." + step.from() + "->" + step.to(), fraction(step.ratio()), "ratio"
            });
      }
      out.add(new String[] {id + ".overall", fraction(f.overall()), "ratio"});
    } else if (v instanceof CohortTable t) {
      for (CohortTable.Row row : t.rows()) {
        String cohort = id + "." + row.cohort().label();
        out.add(new String[] {cohort + ".size", Long.toString(row.size()), "count"});
        for (int k = 0; k < row.cells().size(); k++) {
          out.add(new String[] {cohort + ".k" + k, fraction(row.cells().get(k)), "ratio"});
        }
      }
    } else {
      out.add(new String[] {id, number(v.asDouble()), unit.csvName()});
    }
    return out;
  }

  /** Tells whether a value is table-valued (several numbers that do not fit one cell). */
  static boolean isTable(MetricValue v) {
    return v instanceof Shares || v instanceof StageFunnel || v instanceof CohortTable;
  }

  private static String fraction(Ratio r) {
    if (r.denominator() == 0) {
      return "";
    }
    return new BigDecimal(r.numerator())
        .divide(new BigDecimal(r.denominator()), MathContext.DECIMAL64)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String money(Optional<Money> m) {
    return m.map(Money::toPlainString).orElse("");
  }

  private static String number(OptionalDouble d) {
    if (d.isEmpty()) {
      return "";
    }
    return BigDecimal.valueOf(d.getAsDouble()).stripTrailingZeros().toPlainString();
  }

  private static void csvLine(StringBuilder sb, List<String> cells, int valueColumn) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        sb.append(',');
      }
      String s = cells.get(c);
      if (c != valueColumn) {
        s = escapeFormula(s);
      }
      sb.append(quote(s));
    }
    sb.append("\r\n");
  }

  static String escapeFormula(String s) {
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static void jsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    sb.append('"');
  }
}
