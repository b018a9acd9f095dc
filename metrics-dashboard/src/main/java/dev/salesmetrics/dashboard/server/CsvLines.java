package dev.salesmetrics.dashboard.server;

/**
 * Finds where a data row starts in CSV text, counting lines as the schema reader does: a byte
 * order mark is skipped, empty lines are skipped, a quoted cell may span lines, and {@code \r},
 * {@code \n} and {@code \r\n} each end a line. It parses no cell: the rows themselves are read by
 * {@code dev.salesmetrics.io.CsvFormat}.
 */
final class CsvLines {
  private CsvLines() {}

  /**
   * Returns the physical line (1-based; the header's first line is 1 when the text starts with
   * it) on which data row {@code index} starts (0 is the first row after the header).
   *
   * @throws IllegalArgumentException if the text has no such row
   */
  static long lineOfRow(String text, int index) {
    int n = text.length();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    long line = 1;
    int record = -1; // -1: the header is next
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
        continue;
      }
      if (c == '\r') {
        line++;
        i += i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
        continue;
      }
      if (record == index) {
        return line;
      }
      record++;
      boolean quoted = false;
      boolean fieldStart = true;
      while (i < n) {
        c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              i += 2;
              continue;
            }
            quoted = false;
          } else if (c == '\n') {
            line++;
          } else if (c == '\r') {
            if (!(i + 1 < n && text.charAt(i + 1) == '\n')) {
              line++;
            }
          }
          i++;
          continue;
        }
        if (c == '"' && fieldStart) {
          quoted = true;
          fieldStart = false;
          i++;
          continue;
        }
        if (c == '\n' || c == '\r') {
          line++;
          i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
          break;
        }
        fieldStart = c == ',';
        i++;
      }
    }
    throw new IllegalArgumentException("the text has no data row " + index);
  }
}
