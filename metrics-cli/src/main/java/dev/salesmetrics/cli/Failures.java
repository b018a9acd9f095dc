package dev.salesmetrics.cli;

import dev.salesmetrics.io.CsvFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How the commands report bad input data (exit code 3) and output they could not write (4): as a
 * {@link Failure} that {@link Main} prints on one line with its exit code, or printed at once.
 */
final class Failures {
  private Failures() {}

  /** A command that stops with an exit code and a one-line message; {@link Main} prints it. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    Failure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    /** The exit code. */
    int code() {
      return code;
    }
  }

  /**
   * The message of a bad row: {@code bad data in data/deals.csv, line 17, column amount, value
   * "12.505": amount 12.505 has more than 2 fraction digits allowed for USD}.
   */
  static String badRowMessage(Path dir, CsvFormatException e) {
    StringBuilder sb =
        new StringBuilder("bad data in ").append(dir.resolve(e.file())).append(", line ")
            .append(e.line());
    e.column().ifPresent(c -> sb.append(", column ").append(c));
    e.value().ifPresent(v -> sb.append(", value \"").append(Terminal.safe(v)).append('"'));
    sb.append(": ").append(Terminal.safe(e.reason()));
    return sb.toString();
  }

  /** A bad row as a failure with exit code 3. */
  static Failure badRow(Path dir, CsvFormatException e) {
    return new Failure(Main.BAD_DATA, badRowMessage(dir, e));
  }

  /** Another problem with the data (a missing file, mixed currencies) with exit code 3. */
  static Failure badData(String message) {
    return new Failure(Main.BAD_DATA, "bad data: " + message);
  }

  /** Output that could not be written (a rejects file), exit code 4. */
  static Failure outputError(String message) {
    return new Failure(Main.OUTPUT_ERROR, message);
  }

  /**
   * Prints a bad row, as {@link #badRowMessage}.
   *
   * @return {@link Main#BAD_DATA}
   */
  static int badRow(PrintWriter err, Path dir, CsvFormatException e) {
    err.println("salesmetrics: " + badRowMessage(dir, e));
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

  /**
   * The operating system's reason for an I/O error, with the file it concerns: {@code a.csv: no
   * such file}, {@code a.csv: permission denied}, {@code a.csv: No space left on device}.
   */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file";
    }
    if (e instanceof AccessDeniedException a) {
      return a.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException f) {
      String why = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
      return f.getFile() == null ? why : f.getFile() + ": " + why;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
