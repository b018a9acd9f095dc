package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * What loading one file did: how many data rows were read, how many became records, which were
 * rejected and why, the warnings about rows that were loaded, the report footer lines skipped, and
 * the date order detected. The counts always add up: {@code rowsRead == loaded +
 * rejected.size()}.
 *
 * <p>Rows are the records of the CSV file after the header; empty lines (and lines of empty cells
 * only) are not rows, nor are the lines of a skipped report footer. For {@code deal_stages.csv}, a
 * row is loaded when it became part of a loaded deal's history. {@link #summary()} is one line
 * for a person: {@code deals.csv: 9,812 rows, 9,790 loaded, 22 rejected}. Immutable and thread
 * safe.
 *
 * @param file the file name, such as {@code deals.csv}
 * @param rowsRead the number of data rows read
 * @param loaded the number of rows that became records (or parts of records)
 * @param rejected the rows that did not, in file order
 * @param warnings what was done to rows that were loaded, in file order
 * @param footerLines the lines of a report footer skipped at the end of the file (see {@link
 *     ColumnMapping#skipsReportFooter()}), not counting empty lines
 * @param detectedDateOrder the order of numeric dates detected from the file, or null when the
 *     order was given or the file needed none
 */
public record LoadReport(
    String file,
    long rowsRead,
    long loaded,
    List<RejectedRow> rejected,
    List<LoadWarning> warnings,
    long footerLines,
    @Nullable DateOrder detectedDateOrder) {

  /**
   * Validates the components and copies the lists.
   *
   * @param file the file name
   * @param rowsRead the rows read
   * @param loaded the rows loaded
   * @param rejected the rejected rows
   * @param warnings the warnings
   * @param footerLines the footer lines skipped, not negative
   * @param detectedDateOrder the detected date order, or null
   * @throws NullPointerException if {@code file} or a list is null
   * @throws IllegalArgumentException if the counts do not add up or one is negative
   */
  public LoadReport {
    checkNotNull(file, "file");
    rejected = ImmutableList.copyOf(rejected);
    warnings = ImmutableList.copyOf(warnings);
    if (loaded < 0 || rowsRead != loaded + rejected.size()) {
      throw new IllegalArgumentException(
          "rows read must equal loaded + rejected for " + file + ": " + rowsRead + " != " + loaded
              + " + " + rejected.size());
    }
    if (footerLines < 0) {
      throw new IllegalArgumentException(
          "footer lines must be >= 0 for " + file + ": " + footerLines);
    }
  }

  /**
   * Creates a report without warnings, footer or detected date order.
   *
   * @param file the file name
   * @param rowsRead the rows read
   * @param loaded the rows loaded
   * @param rejected the rejected rows
   * @throws NullPointerException if {@code file} or {@code rejected} is null
   * @throws IllegalArgumentException if the counts do not add up
   */
  public LoadReport(String file, long rowsRead, long loaded, List<RejectedRow> rejected) {
    this(file, rowsRead, loaded, rejected, List.of(), 0, null);
  }

  /**
   * Tells whether every row was loaded.
   *
   * @return true if no row was rejected (warnings do not count)
   */
  public boolean isClean() {
    return rejected.isEmpty();
  }

  /**
   * Returns the one-line summary: rows, loaded and rejected with thousands separators, then the
   * warnings, the skipped footer lines and the detected date order when there are any.
   *
   * @return e.g. {@code deals.csv: 9,812 rows, 9,790 loaded, 22 rejected} or {@code deals.csv: 120
   *     rows, 120 loaded, 0 rejected, 2 warnings, 3 footer lines skipped, dates read day/month/year
   *     (detected)}
   */
  public String summary() {
    StringBuilder sb =
        new StringBuilder(file)
            .append(": ")
            .append(count(rowsRead, "row", "rows"))
            .append(", ")
            .append(String.format(Locale.ROOT, "%,d", loaded))
            .append(" loaded, ")
            .append(String.format(Locale.ROOT, "%,d", rejected.size()))
            .append(" rejected");
    if (!warnings.isEmpty()) {
      sb.append(", ").append(count(warnings.size(), "warning", "warnings"));
    }
    if (footerLines > 0) {
      sb.append(", ").append(count(footerLines, "footer line", "footer lines")).append(" skipped");
    }
    if (detectedDateOrder != null) {
      sb.append(", dates read ").append(detectedDateOrder.description()).append(" (detected)");
    }
    return sb.toString();
  }

  private static String count(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? one : many);
  }

  /**
   * Returns {@link #summary()}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return summary();
  }
}
