package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.salesmetrics.internal.SafeText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
   * Returns every warning of every file, file by file.
   *
   * @return the warnings
   */
  public List<LoadWarning> warnings() {
    ImmutableList.Builder<LoadWarning> all = ImmutableList.builder();
    for (LoadReport report : reports) {
      all.addAll(report.warnings());
    }
    return all.build();
  }

  /**
   * Writes every rejected row of every file as CSV: a header {@code file,line,column,value,reason},
   * then one row per rejected row, file by file in file order; an empty column or value when the
   * problem is not in one cell. UTF-8, LF line ends, cells quoted only where needed; a cell a
   * spreadsheet would run as a formula (first character {@code =}, {@code +}, {@code -}, {@code
   * @}, tab, carriage return or line feed, also after leading spaces) is prefixed with a single
   * quote, as in every CSV export of the library, since the file is meant to be opened and read.
   *
   * @param out where to write; not closed
   * @throws IOException if writing fails
   */
  public void writeRejectedCsv(Writer out) throws IOException {
    checkNotNull(out, "out");
    CsvWriter csv =
        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    csv.writeRecord("file", "line", "column", "value", "reason");
    for (RejectedRow r : rejected()) {
      csv.writeRecord(
          SafeText.forSpreadsheet(r.file()),
          Long.toString(r.line()),
          SafeText.forSpreadsheet(r.column().orElse("")),
          SafeText.forSpreadsheet(r.value().orElse("")),
          SafeText.forSpreadsheet(r.reason()));
    }
    csv.flush();
  }

  /**
   * Writes every rejected row to a file as {@link #writeRejectedCsv(Writer)} does, replacing the
   * file.
   *
   * @param path the file to write
   * @throws IOException if the file cannot be written
   */
  public void writeRejectedCsv(Path path) throws IOException {
    checkNotNull(path, "path");
    try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      writeRejectedCsv(out);
    }
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
