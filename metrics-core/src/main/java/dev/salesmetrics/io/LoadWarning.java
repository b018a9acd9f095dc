package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import javax.annotation.Nullable;

/**
 * Something a load did to a row that was loaded, and that the user should know: a local time in
 * a daylight-saving gap moved forward ({@code 2024-03-31T02:30 does not exist in Europe/Berlin}),
 * an ambiguous local time read as the earlier one, the first of several ids in a multi-valued cell
 * used. It names the file, the physical line, the column and the cell, like a {@link
 * RejectedRow}.
 *
 * <p>Immutable and thread safe.
 *
 * @param file the file name, such as {@code deals.csv}
 * @param line the physical line, 1-based (the header is line 1)
 * @param column the schema column, or null when the warning is not about one cell
 * @param value the cell's text, or null when there is no cell
 * @param reason what was done and why
 */
public record LoadWarning(
    String file, long line, @Nullable String column, @Nullable String value, String reason) {

  /**
   * Validates the components.
   *
   * @param file the file name
   * @param line the line, at least 1
   * @param column the column, or null
   * @param value the cell text, or null
   * @param reason the reason
   * @throws NullPointerException if {@code file} or {@code reason} is null
   * @throws IllegalArgumentException if {@code line < 1}
   */
  public LoadWarning {
    checkNotNull(file, "file");
    checkNotNull(reason, "reason");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
  }

  /**
   * Returns the one-line description: {@code deals.csv:5: column created_at: "2024-03-31 02:30":
   * reason}, with the column and value parts left out when absent.
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
   * Returns {@link #message()}.
   *
   * @return the message
   */
  @Override
  public String toString() {
    return message();
  }
}
