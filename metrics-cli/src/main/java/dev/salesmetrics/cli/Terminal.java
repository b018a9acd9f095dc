package dev.salesmetrics.cli;

import java.util.Locale;

/**
 * Text the commands render themselves (tables, alert lines) made safe for a terminal: an id or
 * name from the data cannot move the cursor, clear the screen, start a new line or reorder the
 * text. Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the
 * bidirectional embedding, override and isolate controls are shown as Java-style escapes:
 * {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX} ({@code ESC} is {@code
 * \}{@code u001B}). Every other character, backslash included, is printed as it is.
 */
final class Terminal {
  private Terminal() {}

  /**
   * Returns {@code text} with every unsafe character escaped; {@code text} itself when it has
   * none.
   */
  static String safe(String text) {
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(c)) {
        sb.append(c);
        continue;
      }
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return sb.toString();
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

  static boolean unsafe(char c) {
    return Character.getType(c) == Character.CONTROL
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
