package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import javax.annotation.Nullable;

/**
 * A mapping file that cannot be read: names the file, the line (1-based) and the reason, as in
 * {@code crm.mapping:7: unknown key "date ordr" in [deals.csv] (keys: ...)}.
 */
public final class MappingFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The file name, such as {@code crm.mapping}. */
  private final String file;

  /** The line, 1-based. */
  private final int line;

  /** What is wrong, without file and line. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param file the file name
   * @param line the line, 1-based
   * @param reason what is wrong
   * @param cause the exception that revealed it, or null
   */
  MappingFileException(String file, int line, String reason, @Nullable Throwable cause) {
    super(file + ":" + line + ": " + reason, cause);
    this.file = checkNotNull(file, "file");
    this.line = line;
    this.reason = checkNotNull(reason, "reason");
  }

  /**
   * Returns the file name.
   *
   * @return e.g. {@code "crm.mapping"}
   */
  public String file() {
    return file;
  }

  /**
   * Returns the line, 1-based.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * Returns the reason alone.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
