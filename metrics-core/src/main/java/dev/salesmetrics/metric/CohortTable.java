package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A cohort retention table: one row per signup cohort (the period its customers signed up in), and
 * in column {@code k} the share of the cohort's customers still active at the end of the {@code
 * k}-th period after the cohort's own ({@code k = 0} is the end of the signup period).
 *
 * <p>Each cell is a {@link Ratio} over the cohort size, so small cohorts stay visible. A row has a
 * cell only for the periods that had ended by the table's horizon, so recent cohorts have fewer
 * cells, and a cohort whose own period had not ended has none. Rows are in cohort order.
 *
 * <p>A table has no single headline number: {@link #asDouble()} is always empty; read the cells.
 * Prints as an aligned text table:
 *
 * <pre>
 * cohort   size           k=0          k=1
 * 2024-01     3   66.7% (2/3)  33.3% (1/3)
 * 2024-02     2  100.0% (2/2)
 * </pre>
 *
 * <p>Immutable and thread safe.
 *
 * @param rows the cohorts, oldest first
 */
public record CohortTable(List<Row> rows) implements MetricValue {
  private static final CohortTable EMPTY = new CohortTable(ImmutableList.of());

  /**
   * Copies the rows.
   *
   * @param rows the cohorts, oldest first
   * @throws NullPointerException if the list or a row is null
   */
  public CohortTable {
    rows = ImmutableList.copyOf(checkNotNull(rows, "rows"));
  }

  /**
   * Returns the table with no cohorts.
   *
   * @return the empty table
   */
  public static CohortTable empty() {
    return EMPTY;
  }

  /**
   * Returns nothing: a table has no single headline number.
   *
   * @return always empty
   */
  @Override
  public OptionalDouble asDouble() {
    return OptionalDouble.empty();
  }

  /**
   * Returns the number of customers in all cohorts.
   *
   * @return the sum of the cohort sizes
   * @throws ArithmeticException on overflow
   */
  @Override
  public long sampleSize() {
    long n = 0;
    for (Row row : rows) {
      n = Math.addExact(n, row.size());
    }
    return n;
  }

  /**
   * Formats as an aligned text table with a header line, one line per cohort, cells as {@code 66.7%
   * (2/3)}; {@code "(no cohorts)"} when empty.
   *
   * @return the text
   */
  @Override
  public String toString() {
    if (rows.isEmpty()) {
      return "(no cohorts)";
    }
    int columns = 0;
    for (Row row : rows) {
      columns = Math.max(columns, row.cells().size());
    }
    List<List<String>> lines = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("cohort", "size"));
    for (int k = 0; k < columns; k++) {
      header.add("k=" + k);
    }
    lines.add(header);
    for (Row row : rows) {
      List<String> line = new ArrayList<>(List.of(row.cohort().label(), Long.toString(row.size())));
      for (Ratio cell : row.cells()) {
        line.add(cell.toString());
      }
      lines.add(line);
    }
    int[] widths = new int[columns + 2];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : lines) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        String format = i == 0 ? "%-" + widths[i] + "s" : "  %" + widths[i] + "s";
        out.append(String.format(Locale.ROOT, format, line.get(i)));
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(out.toString().stripTrailing());
    }
    return text.toString();
  }

  /**
   * One signup cohort of a {@link CohortTable}.
   *
   * @param cohort the period the cohort's customers signed up in
   * @param size how many customers signed up in it, {@code >= 0}
   * @param cells for {@code k = 0, 1, ...}: the cohort's customers active at the end of the {@code
   *     k}-th period after {@code cohort}, over {@code size}
   */
  public record Row(Period cohort, long size, List<Ratio> cells) {

    /**
     * Validates the row and copies the cells.
     *
     * @param cohort the signup period
     * @param size the cohort size, {@code >= 0}
     * @param cells the retention ratios, each over {@code size}
     * @throws NullPointerException if a component or a cell is null
     * @throws IllegalArgumentException if the size is negative or a cell's denominator is not the
     *     size or its numerator is outside [0, size]
     */
    public Row {
      checkNotNull(cohort, "cohort");
      if (size < 0) {
        throw new IllegalArgumentException("size must be >= 0: " + size + " for cohort " + cohort);
      }
      cells = ImmutableList.copyOf(checkNotNull(cells, "cells"));
      for (Ratio cell : cells) {
        if (cell.denominator() != size || cell.numerator() < 0 || cell.numerator() > size) {
          throw new IllegalArgumentException(
              "cell must be a ratio over the cohort size "
                  + size
                  + ": "
                  + cell.numerator()
                  + "/"
                  + cell.denominator()
                  + " for cohort "
                  + cohort);
        }
      }
    }
  }
}
