package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.salesmetrics.internal.Digits;
import dev.salesmetrics.internal.JsonText;
import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.internal.Suggestions;
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
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import java.util.function.Predicate;
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
 * <p><b>Lookups are checked.</b> A group key must name exactly the table's grouping dimensions
 * (other than the period), a metric must be one of its columns, and a period is given exactly
 * when the table has periods: {@code get(GroupKey.of("Rep", "R1"), "win_rate")} on a table
 * grouped by rep throws {@code IllegalArgumentException: the table has no dimension "Rep"; did
 * you mean rep? ...}, instead of returning empty as if the group had no record. Empty then
 * always means that no record of the metric fell in that group and period.
 *
 * <p><b>Notes.</b> When the query's records held none of a kind of record that a metric reads
 * (quotas for {@code quota_attainment}, deals for {@code win_rate} over orders), the metric's
 * column is empty or undefined for that reason; {@link #notes()} says so, and {@link #show()}
 * and {@link #toString()} print it.
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
  private final ImmutableMap<String, String> notes;

  private MetricTable(
      ImmutableList<String> dimensionIds,
      int periodPosition,
      ImmutableList<String> metricIds,
      ImmutableMap<String, MetricUnit> units,
      @Nullable Period during,
      List<Row> rows) {
    this(dimensionIds, periodPosition, metricIds, units, during, rows, ImmutableMap.of());
  }

  private MetricTable(
      ImmutableList<String> dimensionIds,
      int periodPosition,
      ImmutableList<String> metricIds,
      ImmutableMap<String, MetricUnit> units,
      @Nullable Period during,
      List<Row> rows,
      ImmutableMap<String, String> notes) {
    this.notes = notes;
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

  /** Returns this table with {@code notes} (metric id to note), for {@link #notes()}. */
  MetricTable withNotes(ImmutableMap<String, String> notes) {
    if (notes.isEmpty() && this.notes.isEmpty()) {
      return this;
    }
    return new MetricTable(
        dimensionIds, periodPosition, metricIds, units, during, rows, checkNotNull(notes));
  }

  /**
   * Returns what the table cannot show by itself, by metric id: for a metric whose kinds of
   * record were missing from the query's records, which kind it needs, e.g. {@code
   * quota_attainment -> "quota_attainment reads deals and quotas, but the query's records hold no
   * quota: give it both, e.g. Query.of(deals, quotas) or Query.of(data.records())"}.
   *
   * @return the notes, empty when there is nothing to say
   */
  public ImmutableMap<String, String> notes() {
    return notes;
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
   * @throws IllegalArgumentException if the key does not name exactly the table's dimensions, or
   *     the table has no period dimension
   */
  public Optional<Row> row(GroupKey key, Period period) {
    checkKey(key);
    checkNotNull(period, "period");
    if (!hasPeriods()) {
      throw new IllegalArgumentException(
          "the table has no period dimension, so its rows have no period: use row(key) or"
              + " get(key, metric) without " + period.label());
    }
    return Optional.ofNullable(index.get(new Cells.RowKey(key, period)));
  }

  /**
   * Returns the row of a group, in a table without periods.
   *
   * @param key the group
   * @return the row, or empty when no record fell in it
   * @throws IllegalArgumentException if the key does not name exactly the table's dimensions, or
   *     the table has a period dimension
   */
  public Optional<Row> row(GroupKey key) {
    checkKey(key);
    if (hasPeriods()) {
      throw new IllegalArgumentException(
          "the table has a row per period: give the period, row(key, period) or get(key, period,"
              + " metric)");
    }
    return Optional.ofNullable(index.get(new Cells.RowKey(key, null)));
  }

  /**
   * Checks that {@code key} names exactly the table's grouping dimensions (the period aside).
   *
   * @throws IllegalArgumentException naming the unknown or missing dimension
   */
  private void checkKey(GroupKey key) {
    checkNotNull(key, "key");
    ImmutableSet<String> given = key.values().keySet();
    if (given.equals(ImmutableSet.copyOf(dimensionIds))) {
      return;
    }
    String grouped =
        dimensionIds.isEmpty()
            ? "the table has no grouping dimension: use GroupKey.overall()"
            : "the table is grouped by " + String.join(", ", dimensionIds);
    for (String id : given) {
      if (!dimensionIds.contains(id)) {
        throw new IllegalArgumentException(
            "the table has no dimension \"" + SafeText.forTerminal(id) + "\""
                + Suggestions.didYouMean(id, dimensionIds) + " (" + grouped
                + (id.equals("period") ? "; the period is the separate argument" : "") + ")");
      }
    }
    List<String> missing = new ArrayList<>(dimensionIds);
    missing.removeAll(given);
    throw new IllegalArgumentException(
        "group key " + SafeText.forTerminal(key.toString()) + " has no value for "
            + String.join(", ", missing) + " (" + grouped + "): give one value per dimension");
  }

  /**
   * Checks that the table has a column {@code metricId}.
   *
   * @throws IllegalArgumentException naming the closest columns
   */
  private void checkMetric(String metricId) {
    checkNotNull(metricId, "metricId");
    if (!units.containsKey(metricId)) {
      throw new IllegalArgumentException(
          "the table has no metric \"" + SafeText.forTerminal(metricId) + "\""
              + Suggestions.didYouMean(metricId, metricIds) + " (its metrics: "
              + String.join(", ", metricIds) + ")");
    }
  }

  /**
   * Returns one cell.
   *
   * @param key the group
   * @param period the period
   * @param metricId the metric id
   * @return the value, or empty when no record of that metric fell in the group and period
   * @throws IllegalArgumentException if the key does not name exactly the table's dimensions,
   *     the table has no such metric, or no period dimension
   */
  public Optional<MetricValue> get(GroupKey key, Period period, String metricId) {
    checkMetric(metricId);
    return row(key, period).flatMap(r -> r.value(metricId));
  }

  /**
   * Returns one cell of a table without periods.
   *
   * @param key the group
   * @param metricId the metric id
   * @return the value, or empty when no record of that metric fell in the group
   * @throws IllegalArgumentException if the key does not name exactly the table's dimensions,
   *     the table has no such metric, or has a period dimension
   */
  public Optional<MetricValue> get(GroupKey key, String metricId) {
    checkMetric(metricId);
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
   * @throws IllegalArgumentException as {@link #get(GroupKey, Period, String)}
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
   * @throws IllegalArgumentException as {@link #get(GroupKey, String)}
   */
  @SuppressWarnings("unchecked") // a column holds the results of its metric
  public <R extends MetricValue> Optional<R> get(GroupKey key, Metric<?, R> metric) {
    return get(key, metric.id()).map(v -> (R) v);
  }

  /**
   * Returns the table of the rows that {@code keep} accepts, with the same columns and notes: the
   * way to show some groups only, {@code table.filter(r -> topReps.contains(r.key().get("rep")
   * .orElse("")))}.
   *
   * @param keep accepts the rows to keep
   * @return the narrower table
   */
  public MetricTable filter(Predicate<? super Row> keep) {
    checkNotNull(keep, "keep");
    List<Row> kept = new ArrayList<>();
    for (Row r : rows) {
      if (keep.test(r)) {
        kept.add(r);
      }
    }
    return new MetricTable(dimensionIds, periodPosition, metricIds, units, during, kept, notes);
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
        dimensionIds, periodPosition, ids.build(), newUnits.buildOrThrow(), during, wider, notes);
  }

  /**
   * Renders an aligned text table: a column per dimension (the period by its label), then one per
   * metric. Undefined values show as {@code —}, ratios as a percentage with their counts ({@code
   * 41.7% (5/12)}; money ratios such as quota attainment with their amounts, {@code 14.0%
   * (13,400.00 / 96,000.00 USD)}; ratios above 1, such as a coverage, as a percentage too, {@code
   * 240.0%}), money with thousands separators and its currency ({@code 3,996,100.00 USD}, money
   * per day {@code 1,250.00 USD/day}), money statistics as their mean with the count ({@code
   * 9,960.00 USD (n=12)}; the sum, minimum and maximum are in {@link #toCsv()}); a blank cell means no record of that metric fell in the row.
   * Table-valued metrics (stage conversion, product shares, cohorts) follow the columns, one block
   * per group and period headed by the metric, group and period. The {@link #notes()} come last,
   * one line each. Text from the data (ids, products) never reaches the terminal raw: control
   * characters, escape sequences and bidirectional overrides are written out visibly ({@code
   * \n}, {@code \}{@code u001b}), so each row stays on one line and an id cannot recolour or
   * clear the screen.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String show() {
    List<String> plain = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (String id : metricIds) {
      (units.get(id) == MetricUnit.TABLE ? tables : plain).add(id);
    }
    StringBuilder sb = new StringBuilder();
    if (!plain.isEmpty() || tables.isEmpty()) {
      showColumns(sb, plain, !tables.isEmpty());
    }
    for (Row r : rows) {
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
        if (!r.key.isOverall()) {
          where.add(r.key.label());
        }
        r.period().ifPresent(p -> where.add(p.label()));
        sb.append(SafeText.forTerminal(String.join("  ", where))).append('\n');
        for (String line : v.get().toString().split("\n", -1)) {
          sb.append(SafeText.forTerminal(line)).append('\n');
        }
      }
    }
    notes.values().forEach(n -> sb.append("note: ").append(SafeText.forTerminal(n)).append('\n'));
    return sb.toString();
  }

  /**
   * Appends the aligned columns of the dimensions and of {@code metrics}; with {@code skipEmpty},
   * only the rows that hold one of them.
   */
  private void showColumns(StringBuilder sb, List<String> metrics, boolean skipEmpty) {
    List<String> header = new ArrayList<>();
    int total = dimensionIds.size() + (hasPeriods() ? 1 : 0);
    int dim = 0;
    for (int i = 0; i < total; i++) {
      header.add(i == periodPosition ? "period" : dimensionIds.get(dim++));
    }
    header.addAll(metrics);
    List<List<String>> lines = new ArrayList<>();
    for (Row r : rows) {
      if (skipEmpty && metrics.stream().noneMatch(r.values::containsKey)) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      dim = 0;
      for (int i = 0; i < total; i++) {
        cells.add(
            i == periodPosition
                ? r.period().orElseThrow().label()
                : SafeText.forTerminal(r.key.get(dimensionIds.get(dim++)).orElse("")));
      }
      for (String id : metrics) {
        MetricUnit unit = units.get(id);
        cells.add(r.value(id).map(v -> SafeText.forTerminal(display(v, unit))).orElse(""));
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
    appendLine(sb, header, width, total);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    appendLine(sb, rule, width, total);
    for (List<String> line : lines) {
      appendLine(sb, line, width, total);
    }
  }

  private static void appendLine(StringBuilder sb, List<String> cells, int[] width, int left) {
    int start = sb.length();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        sb.append("  ");
      }
      String s = cells.get(c);
      String pad = " ".repeat(width[c] - s.length());
      sb.append(c < left ? s + pad : pad + s);
    }
    int end = sb.length();
    while (end > start && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }

  /**
   * Formats a value as {@link #show()} does: {@code —} when undefined, money with thousands
   * separators, money per day with {@code /day}, money statistics as their mean with the count,
   * other values by their {@code toString()}.
   *
   * @param v the value
   * @param unit the unit of its metric
   * @return the text
   */
  static String display(MetricValue v, MetricUnit unit) {
    if (v.asDouble().isEmpty()) {
      return "—";
    }
    if (v instanceof MoneyStats s) {
      return Digits.money(s.mean().orElseThrow()) + " (n=" + s.count() + ")";
    }
    if (v instanceof Amount a) {
      String money = Digits.money(a.value().orElseThrow());
      return unit == MetricUnit.MONEY_PER_DAY ? money + "/day" : money;
    }
    return v.toString();
  }

  /** Prints {@link #show()} to standard output. */
  @SuppressWarnings("SystemOut") // printing is this method's purpose, for JShell
  public void print() {
    System.out.print(show());
  }

  /**
   * Writes the table as tidy CSV: a header {@code
   * period_start,period_end,<dimension ids>,metric,value,unit}, then one line per number.
   *
   * <p>Periods are written as their first and exclusive last local date ({@code 2024-03-01},
   * {@code 2024-04-01}); without a period dimension they are the {@code during} period of the
   * query, or empty. Values are plain decimals: ratios as fractions (16 significant digits,
   * {@code 0.25}) with unit {@code ratio}; money in major units with its currency code as the unit;
   * counts as integers with unit {@code count}; empty when undefined. Some values expand to several
   * lines, the headline first under the metric's own id: a {@link DurationStats} to {@code <id>}
   * (the mean, in {@code days}), {@code <id>.count}, {@code <id>.median}, {@code <id>.p90} (in
   * {@code days}); a {@link MoneyStats} to {@code <id>} (the mean), {@code <id>.count}, {@code
   * <id>.sum}, {@code <id>.min}, {@code <id>.max}. Money whose currency is
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
   * break are quoted (RFC 4180). Lines end in LF, as in the interchange CSV files the library
   * writes.
   *
   * @return the CSV text
   */
  public String toCsv() {
    StringWriter text = new StringWriter();
    List<String> header = tidyHeader();
    int valueColumn = header.size() - 2;
    try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
      csv.writeRecord(guarded(header, -1));
      for (TidyRow r : tidyRows()) {
        csv.writeRecord(guarded(cellsOf(r), valueColumn));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to a string", e); // a StringWriter never fails
    }
    return text.toString();
  }

  /** The cells with formula-like text guarded, except the value column. */
  private static List<String> guarded(List<String> cells, int valueColumn) {
    List<String> out = new ArrayList<>(cells.size());
    for (int c = 0; c < cells.size(); c++) {
      out.add(c == valueColumn ? cells.get(c) : SafeText.forSpreadsheet(cells.get(c)));
    }
    return out;
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
        JsonText.quote(sb, header.get(c));
        sb.append(": ");
        String v = cells.get(c);
        boolean number = c == header.size() - 2;
        boolean date = c < 2;
        if ((number || date) && v.isEmpty()) {
          sb.append("null");
        } else if (number) {
          sb.append(v);
        } else {
          JsonText.quote(sb, v);
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
    return TidyRow.header(dimensionIds);
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
      out.add(new String[] {id, number(d.meanDays()), "days"});
      out.add(new String[] {id + ".count", Long.toString(d.count()), "count"});
      out.add(new String[] {id + ".median", number(d.medianDays()), "days"});
      out.add(new String[] {id + ".p90", number(d.p90Days()), "days"});
    } else if (v instanceof MoneyStats s) {
      String currency = s.currency().map(c -> c.getCurrencyCode()).orElse("money");
      out.add(new String[] {id, money(s.mean()), currency});
      out.add(new String[] {id + ".count", Long.toString(s.count()), "count"});
      out.add(new String[] {id + ".sum", money(s.sum()), currency});
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
   * Formats as the size and the {@link #notes()}; use {@link #show()} for the content.
   *
   * @return e.g. {@code "MetricTable[12 rows × 3 metrics]"}, or {@code "MetricTable[40 rows × 1
   *     metrics; quota_attainment reads deals and quotas, but ...]"}
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("MetricTable[" + rows.size() + " rows × " + metricIds.size() + " metrics");
    notes.values().forEach(n -> sb.append("; ").append(SafeText.forTerminal(n)));
    return sb.append(']').toString();
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
