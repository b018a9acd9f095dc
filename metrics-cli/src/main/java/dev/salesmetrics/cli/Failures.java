package dev.salesmetrics.cli;

import dev.salesmetrics.io.CsvFormatException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** How the commands report bad input data (exit code 3). */
final class Failures {
  private Failures() {}

  /**
   * Prints a bad row: {@code salesmetrics: bad data in data/deals.csv, line 17, column amount,
   * value "12.505": amount 12.505 has more than 2 fraction digits allowed for USD}.
   *
   * @return {@link Main#BAD_DATA}
   */
  static int badRow(PrintWriter err, Path dir, CsvFormatException e) {
    StringBuilder sb =
        new StringBuilder("salesmetrics: bad data in ")
            .append(dir.resolve(e.file()))
            .append(", line ")
            .append(e.line());
    e.column().ifPresent(c -> sb.append(", column ").append(c));
    e.value().ifPresent(v -> sb.append(", value \"").append(v).append('"'));
    sb.append(": ").append(e.reason());
    err.println(sb);
    err.flush();
    return Main.BAD_DATA;
  }

  /**
   * Prints another problem with the data, such as a missing file or mixed currencies.
   *
   * @return {@link Main#BAD_DATA}
   */
  static int badData(PrintWriter err, String message) {
    err.println("salesmetrics: bad data: " + message);
    err.flush();
    return Main.BAD_DATA;
  }
}
