package dev.salesmetrics.io;

import javax.annotation.Nullable;

/** A cell (or a missing column) that cannot be read; caught by {@link RowReader}. */
final class BadCell extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @Nullable private final String column;
  @Nullable private final String value;
  private final String reason;

  BadCell(@Nullable String column, @Nullable String value, String reason) {
    super(reason, null, false, false);
    this.column = column;
    this.value = value;
    this.reason = reason;
  }

  RejectedRow at(String file, long line) {
    return new RejectedRow(file, line, column, value, reason);
  }
}
