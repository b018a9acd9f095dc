package dev.salesmetrics.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * Makes text from the data (ids, names, products) safe to show: on a terminal, where control
 * characters would move the cursor, recolour or clear the screen, and in a spreadsheet, where a
 * cell that looks like a formula would run. One definition for every table, report and message.
 * No compatibility promise.
 */
public final class SafeText {
  private SafeText() {}

  /**
   * Returns {@code text} with every character that a terminal would act on instead of print
   * written out visibly: {@code \n}, {@code \r}, {@code \t}, and {@code \}{@code uXXXX} (hex, lower
   * case) for the other C0 and C1 control characters and DEL, the bidirectional overrides and
   * isolates (U+202A to U+202E, U+2066 to U+2069), and the line and paragraph separators (U+2028,
   * U+2029). Other text, a backslash included, is returned as is.
   *
   * @param text any text
   * @return the text with those characters escaped; {@code text} itself when it has none
   */
  public static String forTerminal(String text) {
    checkNotNull(text, "text");
    int i = 0;
    while (i < text.length() && !escapedOnTerminal(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    sb.append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!escapedOnTerminal(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * Tells whether {@link #forTerminal} escapes {@code c}.
   *
   * @param c a character
   * @return true for a control, bidirectional or line-separating character
   */
  public static boolean escapedOnTerminal(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029;
  }

  /**
   * Returns {@code cell} prefixed with a single quote when a spreadsheet would read it as a
   * formula: when it starts with {@code =}, {@code +}, {@code -}, {@code @} (or their full-width
   * forms), a tab, a carriage return or a line feed, also after leading spaces (a space, a
   * no-break space or any other Unicode space). Meant for text cells; a number such as {@code
   * -0.25} is data and must not be passed through it.
   *
   * @param cell the text of one CSV cell
   * @return the cell, with a leading {@code '} when it would run as a formula
   */
  public static String forSpreadsheet(String cell) {
    checkNotNull(cell, "cell");
    int i = 0;
    while (i < cell.length() && isSpace(cell.charAt(i))) {
      i++;
    }
    if (i == cell.length()) {
      return cell;
    }
    char c = cell.charAt(i);
    boolean formula =
        c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n'
            || c == '\uff1d' || c == '\uff0b' || c == '\uff0d' || c == '\uff20';
    return formula ? "'" + cell : cell;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || Character.isSpaceChar(c);
  }
}
