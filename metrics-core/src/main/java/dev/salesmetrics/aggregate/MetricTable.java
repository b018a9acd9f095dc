package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.CohortTable;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.Metric;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * The result of a {@link Query}: one row per group (and period, when grouped by period), one
 * column per metric.
 *
 * <p>A row holds a metric's value when at least one record that metric reads fell in the row's
 * group and period; otherwise the cell is absent (blank in {@link #show()}, no line in {@link
 * #toCsv()}). Groups with no record of any metric do not appear. Rows are sorted by the grouping
 * dimensions in the order they were given to {@code groupBy}: text values by {@link
 * String#compareTo}, periods by start. Equal queries give equal tables, whatever the thread
 * count or path.
 *
 * <pre>{@code
 * MetricTable t = Query.of(deals).groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
 *     .metrics(winRate).run();
 * t.print();
 * t.get(GroupKey.of("rep", "R1"), march, "win_rate");   // Optional[50.0% (1/2)]
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class MetricTable {
  private final ImmutableList<String> dimensionIds;
  private final int periodPosition;
  private final ImmutableList<String> metricIds;
  private final ImmutableMap<String, MetricUnit> units;
  @Nullable private final Period during;
  private final ImmutableList<Row> rows;
  private final ImmutableMap<Cells.RowKey, Row> index;

  private MetricTable(
      ImmutableList<String> dimensionIds,
      int periodPosition,
      ImmutableList<String> metricIds,
      ImmutableMap<String, MetricUnit> units,
      @Nullable Period during,
      List<Row> rows) {
    this.dimensionIds = dimensionIds;
    this.periodPosition = periodPosition;
    this.metricIds = metricIds;
    this.units = units;
    this.during = during;
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(rowOrder());
    this.rows = ImmutableList.copyOf(sorted);
    ImmutableMap.Builder<Cells.RowKey, Row> idx =
        ImmutableMap.builderWithExpectedSize(this.rows.size());
    for (Row r : this.rows) {
      idx.put(new Cells.RowKey(r.key, r.period), r);
    }
    this.index = idx.buildOrThrow();
  }

  static MetricTable create(Plan plan, Map<Cells.RowKey, MetricValue[]> cells) {
    return create(plan, cells.entrySet());
  }

  /** As {@link #create(Plan, Map)}, from the cells as entries (each key once). */
  static MetricTable create(
      Plan plan, Collection<Map.Entry<Cells.RowKey, MetricValue[]>> cells) {
    ImmutableList.Builder<String> dims = ImmutableList.builder();
    for (Dimension d : plan.dimensions) {
      dims.add(d.id());
    }
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    ImmutableMap.Builder<String, MetricUnit> units = ImmutableMap.builder();
    for (Metric<?, ?> m : plan.metrics) {
      ids.add(m.id());
      units.put(m.id(), m.unit());
    }
    ImmutableList<String> metricIds = ids.build();
    List<Row> rows = new ArrayList<>(cells.size());
    for (Map.Entry<Cells.RowKey, MetricValue[]> e : cells) {
      ImmutableMap.Builder<String, MetricValue> values =
          ImmutableMap.builderWithExpectedSize(e.getValue().length);
      MetricValue[] v = e.getValue();
      boolean any = false;
      for (int i = 0; i < v.length; i++) {
        if (v[i] != null) {
          values.put(metricIds.get(i), v[i]);
          any = true;
        }
      }
      if (any) {
        rows.add(new Row(e.getKey().key(), e.getKey().period(), values.buildOrThrow()));
      }
    }
    int position = plan.periodDimension == null ? -1 : plan.periodPosition;
    return new MetricTable(
        dims.build(), position, metricIds, units.buildOrThrow(), plan.during, rows);
  }

  /**
   * Returns a table of rows computed elsewhere, such as by an engine outside this library (a Spark
   * query), laid out and sorted as a {@link Query} with the same grouping and metrics lays its
   * table out, so that the two compare equal and print, export and chart alike.
   *
   * @param groupBy the grouping dimensions in query order, at most one of them a period dimension
   * @param metrics the metrics, one column each, in query order
   * @param during the period of a query without a period dimension (its CSV dates), or null
   * @param rows the rows, in any order: each with the values of the metrics that had records in
   *     it (rows without any value are left out, as a query leaves them out)
   * @return the table
   * @throws IllegalArgumentException if two rows have the same group and period, a row's period
   *     presence does not match the grouping, or a value names a metric not in {@code metrics}
   */
  public static MetricTable of(
      List<Dimension> groupBy,
      List<? extends Metric<?, ?>> metrics,
      @Nullable Period during,
      List<Row> rows) {
    ImmutableList.Builder<String> dims = ImmutableList.builder();
    int position = -1;
    for (int i = 0; i < groupBy.size(); i++) {
      Dimension d = groupBy.get(i);
      if (d.isPeriod()) {
        position = i;
      } else {
        dims.add(d.id());
      }
    }
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    ImmutableMap.Builder<String, MetricUnit> units = ImmutableMap.builder();
    for (Metric<?, ?> m : metrics) {
      ids.add(m.id());
      units.put(m.id(), m.unit());
    }
    ImmutableMap<String, MetricUnit> unitsById = units.buildOrThrow();
    List<Row> kept = new ArrayList<>(rows.size());
    for (Row r : rows) {
      if ((r.period != null) != (position >= 0)) {
        throw new IllegalArgumentException(
            "row " + r + (position >= 0 ? " has no period" : " has a period")
                + " but the grouping is " + groupBy);
      }
      for (String id : r.values.keySet()) {
        if (!unitsById.containsKey(id)) {
          throw new IllegalArgumentException("row " + r + " has a value of metric " + id
              + ", which is not among " + unitsById.keySet());
        }
      }
      if (!r.values.isEmpty()) {
        kept.add(r);
      }
    }
    return new MetricTable(dims.build(), position, ids.build(), unitsById, during, kept);
  }

  private Comparator<Row> rowOrder() {
    String[] ids = dimensionIds.toArray(new String[0]);
    int total = ids.length + (periodPosition >= 0 ? 1 : 0);
    int periodAt = periodPosition;
    return (a, b) -> {
      int dim = 0;
      for (int i = 0; i < total; i++) {
        int c;
        if (i == periodAt) {
          c =
              checkNotNull(a.period, "period")
                  .start()
                  .compareTo(checkNotNull(b.period, "period").start());
        } else {
          String id = ids[dim++];
          c = valueOrEmpty(a.key, id).compareTo(valueOrEmpty(b.key, id));
        }
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  private static String valueOrEmpty(GroupKey key, String dimension) {
    String v = key.values().get(dimension);
    return v == null ? "" : v;
  }

  /**
   * Returns the rows, sorted.
   *
   * @return the rows
   */
  public ImmutableList<Row> rows() {
    return rows;
  }

  /**
   * Returns the number of rows.
   *
   * @return the row count
   */
  public int size() {
    return rows.size();
  }

  /**
   * Returns the metric ids, in the order the metrics were given.
   *
   * @return the column ids
   */
  public ImmutableList<String> metricIds() {
    return metricIds;
  }

  /**
   * Returns the ids of the grouping dimensions other than the period, in the order given.
   *
   * @return e.g. {@code [rep, product]}
   */
  public ImmutableList<String> dimensionIds() {
    return dimensionIds;
  }

  /**
   * Tells whether the rows are per period.
   *
   * @return true when the query grouped by a period dimension
   */
  public boolean hasPeriods() {
    return periodPosition >= 0;
  }

  /**
   * Returns the distinct periods of the rows, in time order.
   *
   * @return the periods; empty without a period dimension
   */
  public ImmutableList<Period> periods() {
    TreeSet<Period> set = new TreeSet<>(Comparator.comparing(Period::start));
    for (Row r : rows) {
      r.period().ifPresent(set::add);
    }
    return ImmutableList.copyOf(set);
  }

  /**
   * Returns the row of a group and period.
   *
   * @param key the group
   * @param period the period
   * @return the row, or empty when no record fell in it
   */
  public Optional<Row> row(GroupKey key, Period period) {
    return Optional.ofNullable(
        index.get(new Cells.RowKey(checkNotNull(key, "key"), checkNotNull(period, "period"))));
  }

  /**
   * Returns the row of a group, in a table without periods.
   *
   * @param key the group
   * @return the row, or empty when no record fell in it
   */
  public Optional<Row> row(GroupKey key) {
    return Optional.ofNullable(index.get(new Cells.RowKey(checkNotNull(key, "key"), null)));
  }

  /**
   * Returns one cell.
   *
   * @param key the group
   * @param period the period
   * @param metricId the metric id
   * @return the value, or empty when no record of that metric fell in the group and period
   */
  public Optional<MetricValue> get(GroupKey key, Period period, String metricId) {
    return row(key, period).flatMap(r -> r.value(metricId));
  }

  /**
   * Returns one cell of a table without periods.
   *
   * @param key the group
   * @param metricId the metric id
   * @return the value, or empty when no record of that metric fell in the group
   */
  public Optional<MetricValue> get(GroupKey key, String metricId) {
    return row(key).flatMap(r -> r.value(metricId));
  }

  /**
   * Returns one cell, typed by its metric.
   *
   * @param key the group
   * @param period the period
   * @param metric the metric
   * @param <R> the result type
   * @return the value, or empty when no record of that metric fell in the group and period
   */
  @SuppressWarnings("unchecked") // a column holds the results of its metric
  public <R extends MetricValue> Optional<R> get(GroupKey key, Period period, Metric<?, R> metric) {
    return get(key, period, metric.id()).map(v -> (R) v);
  }

  /**
   * Returns one cell of a table without periods, typed by its metric.
   *
   * @param key the group
   * @param metric the metric
   * @param <R> the result type
   * @return the value, or empty when no record of that metric fell in the group
   */
  @SuppressWarnings("unchecked") // a column holds the results of its metric
  public <R extends MetricValue> Optional<R> get(GroupKey key, Metric<?, R> metric) {
    return get(key, metric.id()).map(v -> (R) v);
  }

  /**
   * Returns this table with a period-over-period column {@code <id>.change} after each metric: the
   * {@link Change} of the metric's headline number from the same group's previous period (the
   * period before, of the same granularity). The change is undefined in a group's first period
   * and wherever the previous period has no value.
   *
   * @return the wider table
   * @throws IllegalStateException if the table has no periods, or a period has no granularity
   */
  public MetricTable withChanges() {
    if (!hasPeriods()) {
      throw new IllegalStateException("period-over-period changes need a period dimension");
    }
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    ImmutableMap.Builder<String, MetricUnit> newUnits = ImmutableMap.builder();
    for (String id : metricIds) {
      ids.add(id, id + ".change");
      newUnits.put(id, units.get(id)).put(id + ".change", MetricUnit.RATIO);
    }
    List<Row> wider = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Period p = r.period().orElseThrow();
      Row prev = index.get(new Cells.RowKey(r.key, p.previous()));
      Map<String, MetricValue> values = new LinkedHashMap<>();
      for (String id : metricIds) {
        Optional<MetricValue> v = r.value(id);
        if (v.isEmpty()) {
          continue;
        }
        values.put(id, v.get());
        OptionalDouble before =
            prev == null
                ? OptionalDouble.empty()
                : prev.value(id).map(MetricValue::asDouble).orElse(OptionalDouble.empty());
        values.put(id + ".change", new Change(before, v.get().asDouble()));
      }
      wider.add(new Row(r.key, r.period, ImmutableMap.copyOf(values)));
    }
    return new MetricTable(
        dimensionIds, periodPosition, ids.build(), newUnits.buildOrThrow(), during, wider);
  }

  /**
   * Renders an aligned text table: a column per dimension (the period by its label), then one per
   * metric. Undefined values show as {@code —}, ratios as a percentage with their counts ({@code
   * 41.7% (5/12)}), money with its currency; a blank cell means no record of that metric fell in
   * the row. Text from the data (ids, products) never reaches the terminal raw: control
   * characters, escape sequences and bidirectional overrides are written out visibly ({@code
   * \n}, {@code \}{@code u001b}), so each row stays on one line and an id cannot recolour or
   * clear the screen.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String show() {
    List<String> header = new ArrayList<>();
    int total = dimensionIds.size() + (hasPeriods() ? 1 : 0);
    int dim = 0;
    for (int i = 0; i < total; i++) {
      header.add(i == periodPosition ? "period" : dimensionIds.get(dim++));
    }
    header.addAll(metricIds);
    List<List<String>> lines = new ArrayList<>();
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      dim = 0;
      for (int i = 0; i < total; i++) {
        cells.add(
            i == periodPosition
                ? r.period().orElseThrow().label()
                : SafeText.forTerminal(r.key.get(dimensionIds.get(dim++)).orElse("")));
      }
      for (String id : metricIds) {
        cells.add(r.value(id).map(v -> SafeText.forTerminal(display(v))).orElse(""));
      }
      lines.add(cells);
    }
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> line : lines) {
        width[c] = Math.max(width[c], line.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendLine(sb, header, width, total);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    appendLine(sb, rule, width, total);
    for (List<String> line : lines) {
      appendLine(sb, line, width, total);
    }
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, List<String> cells, int[] width, int left) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        sb.append("  ");
      }
      String s = cells.get(c);
      String pad = " ".repeat(width[c] - s.length());
      sb.append(c < left ? s + pad : pad + s);
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }

  /** Formats a value for {@link #show()}. */
  static String display(MetricValue v) {
    if (v.asDouble().isEmpty()) {
      return "—";
    }
    if (v instanceof MoneyStats s) {
      return s.mean().orElseThrow()
          + " (n="
          + s.count()
          + ", sum "
          + s.sum().orElseThrow().toPlainString()
          + ", min "
          + s.min().orElseThrow().toPlainString()
          + ", max "
          + s.max().orElseThrow().toPlainString()
          + ")";
    }
    return v.toString();
  }

  /** Prints {@link #show()} to standard output. */
  @SuppressWarnings("SystemOut") // printing is this method's purpose, for JShell
  public void print() {
    System.out.print(show());
  }

  /**
   * Writes the tidy CSV of DESIGN.md: a header {@code
   * period_start,period_end,<dimension ids>,metric,value,unit}, then one line per cell.
   *
   * <p>Periods are written as their first and exclusive last local date ({@code 2024-03-01},
   * {@code 2024-04-01}); without a period dimension they are the {@code during} period of the
   * query, or empty. Values are plain decimals: ratios as fractions (16 significant digits,
   * {@code 0.25}) with unit {@code ratio}; money in major units with its currency code as the unit;
   * counts as integers with unit {@code count}; empty when undefined. Some values expand to several
   * lines: a {@link DurationStats} to {@code <id>.count}, {@code <id>.mean}, {@code <id>.median},
   * {@code <id>.p90} (the last three in {@code days}); a {@link MoneyStats} to {@code <id>.count},
   * {@code <id>.sum}, {@code <id>.mean}, {@code <id>.min}, {@code <id>.max}. Money whose currency is
   * unknown (no amount) has the unit {@code money}; money per day ({@code sales_velocity}) has the
   * unit {@code <currency>/day}. Table-valued results expand to one line per cell: product shares
   * to {@code <id>.<product>}, a stage funnel to {@code <id>.<from>-><to>} per step and {@code
   * <id>.overall}, a cohort table to {@code <id>.<cohort>.size} and {@code <id>.<cohort>.k<k>}.
   *
   * <p>Text cells (dimension values, ids, units) that a spreadsheet would run as a formula (first
   * character {@code =}, {@code +}, {@code -}, {@code @} or their full-width forms, tab, carriage
   * return or line feed, also after leading spaces, as in {@code " =1+1"}) are prefixed with a
   * single quote. The value column is always a number or empty, so a negative value such as
   * {@code -0.25} is written as is: it is data, not a formula. Cells with a comma, quote or line
   * break are quoted (RFC 4180). Lines end in CRLF.
   *
   * @return the CSV text
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder();
    List<String> header = tidyHeader();
    csvLine(sb, header, -1);
    int valueColumn = header.size() - 2;
    for (TidyRow r : tidyRows()) {
      csvLine(sb, cellsOf(r), valueColumn);
    }
    return sb.toString();
  }

  /**
   * Returns the table as a JSON array with one object per tidy row, keyed by the CSV header names
   * of {@link #toCsv()}: {@code value} a JSON number or {@code null} when undefined, period dates
   * {@code null} without a period, everything else strings.
   *
   * @return the JSON text, ending in a line break
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder("[");
    List<String> header = tidyHeader();
    ImmutableList<TidyRow> tidy = tidyRows();
    for (int i = 0; i < tidy.size(); i++) {
      sb.append(i == 0 ? "\n  {" : ",\n  {");
      List<String> cells = cellsOf(tidy.get(i));
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
    return sb.append(tidy.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  /**
   * Returns the tidy rows of {@link #toCsv()}: one per row, metric and number, in row order.
   *
   * @return the tidy rows
   */
  public ImmutableList<TidyRow> tidyRows() {
    ImmutableList.Builder<TidyRow> out = ImmutableList.builder();
    for (Row r : rows) {
      Period p = r.period != null ? r.period : during;
      String start = p == null ? "" : p.startDate().toString();
      String end = p == null ? "" : p.endDate().toString();
      ImmutableList.Builder<String> dims = ImmutableList.builder();
      for (String d : dimensionIds) {
        dims.add(r.key.get(d).orElse(""));
      }
      ImmutableList<String> dimValues = dims.build();
      for (String id : metricIds) {
        Optional<MetricValue> v = r.value(id);
        if (v.isEmpty()) {
          continue;
        }
        for (String[] cell : csvCells(id, v.get(), units.get(id))) {
          out.add(new TidyRow(start, end, dimValues, cell[0], cell[1], cell[2]));
        }
      }
    }
    return out.build();
  }

  private List<String> tidyHeader() {
    List<String> header = new ArrayList<>();
    header.add("period_start");
    header.add("period_end");
    header.addAll(dimensionIds);
    header.add("metric");
    header.add("value");
    header.add("unit");
    return header;
  }

  private static List<String> cellsOf(TidyRow r) {
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
  private static List<String[]> csvCells(String id, MetricValue v, MetricUnit unit) {
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
        s = SafeText.forSpreadsheet(s);
      }
      sb.append(quote(s));
    }
    sb.append("\r\n");
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static void jsonString(StringBuilder sb, String s) {
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
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * Tells whether {@code o} is a table with the same dimensions, metrics and rows.
   *
   * @param o another object
   * @return true when equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MetricTable that
        && dimensionIds.equals(that.dimensionIds)
        && periodPosition == that.periodPosition
        && metricIds.equals(that.metricIds)
        && rows.equals(that.rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimensionIds, periodPosition, metricIds, rows);
  }

  /**
   * Formats as the size only; use {@link #show()} for the content.
   *
   * @return e.g. {@code "MetricTable[12 rows × 3 metrics]"}
   */
  @Override
  public String toString() {
    return "MetricTable[" + rows.size() + " rows × " + metricIds.size() + " metrics]";
  }

  /** Returns an index of rows by key, for merging tables of parts. */
  Map<Cells.RowKey, Row> index() {
    return new HashMap<>(index);
  }

  /**
   * One row of a {@link MetricTable}: a group, its period if the table has periods, and the values
   * of the metrics that had records in it. Immutable.
   */
  public static final class Row {
    private final GroupKey key;
    @Nullable private final Period period;
    private final ImmutableMap<String, MetricValue> values;

    Row(GroupKey key, @Nullable Period period, ImmutableMap<String, MetricValue> values) {
      this.key = key;
      this.period = period;
      this.values = values;
    }

    /**
     * Returns a row, for {@link MetricTable#of}.
     *
     * @param key the group
     * @param period the period, or null in a table without periods
     * @param values the values by metric id, in column order
     * @return the row
     */
    public static Row of(GroupKey key, @Nullable Period period, Map<String, MetricValue> values) {
      return new Row(
          checkNotNull(key, "key"), period, ImmutableMap.copyOf(checkNotNull(values, "values")));
    }

    /**
     * Returns the group.
     *
     * @return the group key
     */
    public GroupKey key() {
      return key;
    }

    /**
     * Returns the period.
     *
     * @return the period, or empty in a table without periods
     */
    public Optional<Period> period() {
      return Optional.ofNullable(period);
    }

    /**
     * Returns the values by metric id, in column order; metrics without records here are absent.
     *
     * @return the values
     */
    public ImmutableMap<String, MetricValue> values() {
      return values;
    }

    /**
     * Returns one value.
     *
     * @param metricId the metric id
     * @return the value, or empty when no record of that metric fell in this row
     */
    public Optional<MetricValue> value(String metricId) {
      return Optional.ofNullable(values.get(checkNotNull(metricId, "metricId")));
    }

    /**
     * Tells whether {@code o} is a row with the same group, period and values.
     *
     * @param o another object
     * @return true when equal
     */
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Row that
          && key.equals(that.key)
          && Objects.equals(period, that.period)
          && values.equals(that.values);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, period, values);
    }

    /**
     * Formats as key, period and values, with control characters of ids written out visibly as
     * in {@link MetricTable#show()}.
     *
     * @return e.g. {@code "rep=R1 2024-03 {win_rate=50.0% (1/2)}"}
     */
    @Override
    public String toString() {
      return SafeText.forTerminal(
          key + (period == null ? "" : " " + period.label()) + " " + values);
    }
  }
}
