package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The outcome of a load: the value read (a list of records, or a whole {@link Dataset}) and one
 * {@link LoadReport} per file read.
 *
 * <p>A strict load either returns a clean result or throws {@link CsvFormatException}; a lenient
 * load returns the good records here and every rejected row in the reports. Immutable and thread
 * safe when {@code T} is.
 *
 * @param value what was loaded
 * @param reports one report per file read, in reading order
 * @param <T> the type of the value
 */
public record LoadResult<T>(T value, List<LoadReport> reports) {

  /**
   * Validates the components and copies the list.
   *
   * @param value the value
   * @param reports the reports
   * @throws NullPointerException if a component is null
   */
  public LoadResult {
    checkNotNull(value, "value");
    reports = ImmutableList.copyOf(reports);
  }

  /**
   * Returns every rejected row of every file, file by file.
   *
   * @return the rejected rows
   */
  public List<RejectedRow> rejected() {
    ImmutableList.Builder<RejectedRow> all = ImmutableList.builder();
    for (LoadReport report : reports) {
      all.addAll(report.rejected());
    }
    return all.build();
  }

  /**
   * Returns the number of data rows read over all files.
   *
   * @return the rows read
   */
  public long rowsRead() {
    long n = 0;
    for (LoadReport report : reports) {
      n += report.rowsRead();
    }
    return n;
  }

  /**
   * Tells whether no row was rejected.
   *
   * @return true if every report is clean
   */
  public boolean isClean() {
    for (LoadReport report : reports) {
      if (!report.isClean()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the value if no row was rejected, else throws for the first rejected row.
   *
   * @return the value
   * @throws CsvFormatException if a row was rejected
   */
  public T orThrow() {
    for (LoadReport report : reports) {
      if (!report.isClean()) {
        throw new CsvFormatException(report.rejected().get(0));
      }
    }
    return value;
  }

  /**
   * Returns a compact description: the value (a list is shown by its size) and the reports.
   *
   * @return e.g. {@code LoadResult[118 records; deals.csv: 120 rows, 118 loaded, 2 rejected]}
   */
  @Override
  public String toString() {
    String shown = value instanceof List<?> list ? list.size() + " records" : value.toString();
    StringBuilder sb = new StringBuilder("LoadResult[").append(shown);
    for (LoadReport report : reports) {
      sb.append("; ").append(report);
    }
    return sb.append(']').toString();
  }
}
