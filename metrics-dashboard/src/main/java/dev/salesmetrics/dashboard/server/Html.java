package dev.salesmetrics.dashboard.server;

/** HTML escaping for text and attribute values. */
final class Html {
  private Html() {}

  /**
   * Escapes {@code text} for an element's content or a quoted attribute value: {@code & < > " '}
   * become character references, so no user string can open a tag, close an attribute or start
   * a script.
   */
  static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }
}
