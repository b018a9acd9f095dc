package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What one accepted batch of records did.
 *
 * @param kind the kind of records
 * @param records how many records the batch held (its data rows), at least 0
 * @param replaced how many of them replaced a record with the same id (a deal posted again)
 * @param sequence the batch's number in the journal, from 1; 0 when the sink keeps no journal
 */
public record Accepted(RecordKind kind, int records, int replaced, long sequence) {

  /**
   * Checks the counts.
   *
   * @param kind the kind of records
   * @param records how many records
   * @param replaced how many replaced an earlier version
   * @param sequence the journal number
   * @throws IllegalArgumentException if a count is negative or {@code replaced > records}
   */
  public Accepted {
    checkNotNull(kind, "kind");
    if (records < 0 || replaced < 0 || replaced > records || sequence < 0) {
      throw new IllegalArgumentException(
          "counts must satisfy 0 <= replaced <= records and sequence >= 0: records " + records
              + ", replaced " + replaced + ", sequence " + sequence);
    }
  }
}
