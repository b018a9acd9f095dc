package dev.salesmetrics.internal;

import java.util.Locale;

/** JSON string literals, written the one way every JSON output of Salesmetrics uses. */
public final class JsonText {
  private JsonText() {}

  /**
   * Appends {@code text} as a JSON string literal: quote, backslash, line feed, carriage return
   * and tab as their short escapes; other control characters and the line and paragraph
   * separators (U+2028, U+2029, which end a line in JavaScript) as {@code \}{@code uXXXX};
   * everything else as is, so {@code lead->qualified} stays readable.
   *
   * @param sb where to append
   * @param text any text
   */
  public static void quote(StringBuilder sb, String text) {
    quote(sb, text, false);
  }

  /**
   * Appends {@code text} as {@link #quote} does, and also {@code < > &} as {@code \}{@code
   * uXXXX}, so that the literal is safe inside an HTML {@code <script>} element: no {@code
   * </script>} or {@code <!--} can appear in it.
   *
   * @param sb where to append
   * @param text any text
   */
  public static void quoteForHtml(StringBuilder sb, String text) {
    quote(sb, text, true);
  }

  private static void quote(StringBuilder sb, String text, boolean html) {
    sb.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20
              || c == '\u2028'
              || c == '\u2029'
              || (html && (c == '<' || c == '>' || c == '&'))) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
