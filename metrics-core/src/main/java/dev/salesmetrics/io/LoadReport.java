package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What loading one file did: how many data rows were read, how many became records, and which
 * were rejected and why. The counts always add up: {@code rowsRead == loaded + rejected.size()}.
 *
 * <p>Rows are the records of the CSV file after the header; empty lines are not rows. For
 * {@code deal_stages.csv}, a row is loaded when it became part of a loaded deal's history.
 * Immutable and thread safe.
 *
 * @param file the file name, such as {@code deals.csv}
 * @param rowsRead the number of data rows read
 * @param loaded the number of rows that became records (or parts of records)
 * @param rejected the rows that did not, in file order
 */
public record LoadReport(String file, long rowsRead, long loaded, List<RejectedRow> rejected) {

  /**
   * Validates the components and copies the list.
   *
   * @param file the file name
   * @param rowsRead the rows read
   * @param loaded the rows loaded
   * @param rejected the rejected rows
   * @throws NullPointerException if {@code file} or {@code rejected} is null
   * @throws IllegalArgumentException if the counts do not add up
   */
  public LoadReport {
    checkNotNull(file, "file");
    rejected = ImmutableList.copyOf(rejected);
    if (loaded < 0 || rowsRead != loaded + rejected.size()) {
      throw new IllegalArgumentException(
          "rows read must equal loaded + rejected for " + file + ": " + rowsRead + " != " + loaded
              + " + " + rejected.size());
    }
  }

  /**
   * Tells whether every row was loaded.
   *
   * @return true if no row was rejected
   */
  public boolean isClean() {
    return rejected.isEmpty();
  }

  /**
   * Returns a one-line summary such as {@code deals.csv: 120 rows, 118 loaded, 2 rejected}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return file + ": " + rowsRead + " rows, " + loaded + " loaded, " + rejected.size()
        + " rejected";
  }
}
