package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Writes one SVG document: the root element with its accessible title and description, then
 * elements whose attribute values and text are escaped. Numbers are written by {@link
 * Markup#number(double)}. Not thread safe.
 */
final class SvgWriter {
  /** Colours, fixed so that output does not depend on anything but the data. */
  static final String INK = "#1e293b";

  static final String MUTED = "#64748b";
  static final String GRID = "#e2e8f0";
  static final String PRIMARY = "#2563eb";
  static final String SECONDARY = "#93c5fd";
  static final String PREVIOUS = "#64748b";
  static final String GOOD = "#16a34a";
  static final String BAD = "#dc2626";
  static final String BAND = "#e2e8f0";

  private final StringBuilder sb = new StringBuilder(4096);

  /**
   * Opens the root element.
   *
   * @param id a document-unique id; the title and description get {@code id-title} and {@code
   *     id-desc}
   */
  SvgWriter(String id, double width, double height, String title, String description) {
    String t = Markup.escape(id + "-title");
    String d = Markup.escape(id + "-desc");
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" id=\"")
        .append(Markup.escape(id))
        .append("\" class=\"chart\" viewBox=\"0 0 ")
        .append(Markup.number(width))
        .append(' ')
        .append(Markup.number(height))
        .append("\" width=\"")
        .append(Markup.number(width))
        .append("\" height=\"")
        .append(Markup.number(height))
        .append("\" aria-labelledby=\"")
        .append(t)
        .append(' ')
        .append(d)
        .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""
            + " font-size=\"11\">\n");
    sb.append("<title id=\"").append(t).append("\">").append(Markup.escape(title))
        .append("</title>\n");
    sb.append("<desc id=\"").append(d).append("\">").append(Markup.escape(description))
        .append("</desc>\n");
  }

  /** Appends {@code <tag a="v" ...>}. */
  void open(String tag, Object... attributes) {
    sb.append('<').append(tag);
    attributes(attributes);
    sb.append(">");
  }

  /** Appends {@code </tag>} and a line break. */
  void close(String tag) {
    sb.append("</").append(tag).append(">\n");
  }

  /** Appends {@code <tag a="v" .../>}. */
  void empty(String tag, Object... attributes) {
    sb.append('<').append(tag);
    attributes(attributes);
    sb.append("/>\n");
  }

  /** Appends {@code <tag a="v" ...>text</tag>}, the text escaped. */
  void text(String tag, String text, Object... attributes) {
    sb.append('<').append(tag);
    attributes(attributes);
    sb.append('>').append(Markup.escape(text)).append("</").append(tag).append(">\n");
  }

  /** Appends a mark: {@code <tag a="v" ...><title>title</title></tag>}. */
  void mark(String tag, String title, Object... attributes) {
    sb.append('<').append(tag);
    attributes(attributes);
    sb.append("><title>").append(Markup.escape(title)).append("</title></").append(tag)
        .append(">\n");
  }

  /** Appends a text element with a title: {@code <text ...><title>t</title>text</text>}. */
  void titledText(String text, String title, Object... attributes) {
    sb.append("<text");
    attributes(attributes);
    sb.append("><title>").append(Markup.escape(title)).append("</title>")
        .append(Markup.escape(text)).append("</text>\n");
  }

  private void attributes(Object[] attributes) {
    checkArgument(attributes.length % 2 == 0, "attributes come in name, value pairs");
    for (int i = 0; i < attributes.length; i += 2) {
      Object v = attributes[i + 1];
      String value = v instanceof Double d ? Markup.number(d) : String.valueOf(v);
      sb.append(' ').append(attributes[i]).append("=\"").append(Markup.escape(value)).append('"');
    }
  }

  /** Closes the root element and returns the document. */
  String finish() {
    sb.append("</svg>\n");
    return sb.toString();
  }

  /** Shortens a label to {@code max} characters, ending in an ellipsis when cut. */
  static String shorten(String label, int max) {
    if (label.codePointCount(0, label.length()) <= max) {
      return label;
    }
    int end = label.offsetByCodePoints(0, max - 1);
    return label.substring(0, end) + "…";
  }
}
