package dev.salesmetrics.dashboard.server;

import java.io.IOException;

/**
 * Takes batches of records in the interchange CSV schema, as {@code POST /api/deals} and the
 * inbox deliver them. {@link LiveData} is the sink of {@code salesmetrics serve}.
 *
 * <p>A batch is all or nothing: either every row is valid and the batch is accepted, or nothing
 * of it is applied and the exception names the first bad row.
 */
@FunctionalInterface
public interface RecordSink {

  /**
   * Validates and accepts the rows of {@code csv}.
   *
   * @param kind which schema file the rows belong to
   * @param csv the CSV text: a header line, then data rows, as in the schema file
   * @param source the name used in messages, such as {@code "deals.csv"} or a dropped file's name
   * @return what was accepted
   * @throws dev.salesmetrics.io.CsvFormatException for the first bad row (file, line, column,
   *     value and reason); nothing of the batch is applied
   * @throws IOException if the records could not be stored; nothing of the batch is applied
   */
  Accepted accept(RecordKind kind, String csv, String source) throws IOException;
}
