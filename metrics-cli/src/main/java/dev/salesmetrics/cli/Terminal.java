package dev.salesmetrics.cli;

import dev.salesmetrics.internal.SafeText;

/**
 * Text the commands render themselves (tables, alert lines) made safe for a terminal: an id or
 * name from the data cannot move the cursor, clear the screen, start a new line or reorder the
 * text. Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the
 * bidirectional embedding, override and isolate controls are shown as Java-style escapes:
 * {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uxxxx} ({@code ESC} is {@code
 * \}{@code u001b}), by the library's one definition ({@link SafeText#forTerminal}). Every other
 * character, backslash included, is printed as it is.
 */
final class Terminal {
  private Terminal() {}

  /**
   * Returns {@code text} with every unsafe character escaped; {@code text} itself when it has
   * none.
   */
  static String safe(String text) {
    return SafeText.forTerminal(text);
  }

  /** Escapes each line of a multi-line text, keeping its line breaks. */
  static String safeLines(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int start = 0;
    while (true) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return sb.append(safe(text.substring(start))).toString();
      }
      sb.append(safe(text.substring(start, nl))).append('\n');
      start = nl + 1;
    }
  }
}
