package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A bad row or header in a CSV file: names the file, the physical line (1-based, the header is
 * line 1), the column and the cell's value when they are known, and the reason.
 *
 * <p>The message reads {@code deals.csv:17: column amount: "12.505": amount 12.505 has more than 2
 * fraction digits allowed for USD}; without a column, {@code deals.csv:9: row has 3 cells, header
 * has 6}. Thrown by strict loads; a lenient load returns the same facts as {@link RejectedRow}s.
 */
public final class CsvFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The file, line, column, value and reason. */
  private final RejectedRow row;

  /**
   * Creates the exception for the given rejected row.
   *
   * @param row the rejected row
   * @throws NullPointerException if {@code row} is null
   */
  public CsvFormatException(RejectedRow row) {
    this(row, null);
  }

  /**
   * Creates the exception for the given rejected row with the exception that revealed it.
   *
   * @param row the rejected row
   * @param cause the underlying exception, or null
   * @throws NullPointerException if {@code row} is null
   */
  public CsvFormatException(RejectedRow row, @Nullable Throwable cause) {
    super(checkNotNull(row, "row").message(), cause);
    this.row = row;
  }

  /**
   * Returns the file name.
   *
   * @return e.g. {@code "deals.csv"}
   */
  public String file() {
    return row.file();
  }

  /**
   * Returns the physical line number, 1-based (the header is line 1; a quoted cell spanning lines
   * counts them all).
   *
   * @return the line
   */
  public long line() {
    return row.line();
  }

  /**
   * Returns the column, as named by the schema.
   *
   * @return the column, or empty if the problem is not in one cell
   */
  public Optional<String> column() {
    return row.column();
  }

  /**
   * Returns the text of the offending cell.
   *
   * @return the cell text, or empty if there is no cell
   */
  public Optional<String> value() {
    return row.value();
  }

  /**
   * Returns the reason alone, without file, line, column and value.
   *
   * @return the reason
   */
  public String reason() {
    return row.reason();
  }

  /**
   * Returns the facts of this exception as a rejected row.
   *
   * @return the rejected row
   */
  public RejectedRow toRejectedRow() {
    return row;
  }
}
