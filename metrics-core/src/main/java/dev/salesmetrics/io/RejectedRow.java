package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A row a lenient load did not turn into a record, and why: the file, the physical line (1-based,
 * the header is line 1), the schema column and the cell's text when the problem is in one cell,
 * and the reason.
 *
 * <p>Immutable and thread safe.
 */
public final class RejectedRow implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The file name, such as {@code deals.csv}. */
  private final String file;

  /** The physical line number in the file, 1-based; the header is line 1. */
  private final long line;

  /** The column name as the schema names it, or null when the problem is not in one cell. */
  @Nullable private final String column;

  /** The cell's text, or null when there is no cell (missing column, ragged row). */
  @Nullable private final String value;

  /** Why the row was rejected. */
  private final String reason;

  /**
   * Creates a rejected row.
   *
   * @param file the file name, such as {@code deals.csv}
   * @param line the physical line number, at least 1
   * @param column the schema column at fault, or null if the problem is not in one cell
   * @param value the text of that cell, or null if there is no cell
   * @param reason why the row was rejected
   * @throws NullPointerException if {@code file} or {@code reason} is null
   * @throws IllegalArgumentException if {@code line < 1}
   */
  public RejectedRow(
      String file, long line, @Nullable String column, @Nullable String value, String reason) {
    this.file = checkNotNull(file, "file");
    this.reason = checkNotNull(reason, "reason");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    this.line = line;
    this.column = column;
    this.value = value;
  }

  /**
   * Returns the file name.
   *
   * @return e.g. {@code "deals.csv"}
   */
  public String file() {
    return file;
  }

  /**
   * Returns the physical line number (the first line of a record spanning several).
   *
   * @return the line, at least 1
   */
  public long line() {
    return line;
  }

  /**
   * Returns the column at fault.
   *
   * @return the schema column, or empty
   */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /**
   * Returns the text of the cell at fault.
   *
   * @return the cell text, or empty
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /**
   * Returns the reason alone.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the one-line description: {@code deals.csv:17: column amount: "12.505": reason}, with
   * the column and value parts left out when absent.
   *
   * @return the message
   */
  public String message() {
    StringBuilder sb = new StringBuilder().append(file).append(':').append(line).append(": ");
    if (column != null) {
      sb.append("column ").append(column).append(": ");
    }
    if (value != null) {
      sb.append('"').append(value).append("\": ");
    }
    return sb.append(reason).toString();
  }

  /**
   * Compares all five parts.
   *
   * @param o another object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof RejectedRow r
        && file.equals(r.file)
        && line == r.line
        && Objects.equals(column, r.column)
        && Objects.equals(value, r.value)
        && reason.equals(r.reason);
  }

  /**
   * Returns a hash of all five parts.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(file, line, column, value, reason);
  }

  /**
   * Returns {@link #message()}.
   *
   * @return the message
   */
  @Override
  public String toString() {
    return message();
  }
}
