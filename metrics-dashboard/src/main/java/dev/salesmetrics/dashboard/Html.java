package dev.salesmetrics.dashboard;

import static com.google.common.base.Preconditions.checkArgument;

import dev.salesmetrics.dashboard.chart.Markup;
import java.util.ArrayList;
import java.util.List;

/**
 * Small pieces of HTML. Every piece of text goes through {@link Markup#escape(String)} here or in
 * the caller; methods that take HTML say so and never receive data text unescaped.
 */
final class Html {
  private Html() {}

  /** Escapes text. */
  static String esc(String text) {
    return Markup.escape(text);
  }

  /** An undefined value: a dash with the reason on hover. */
  static String undefined(String reason) {
    return "<span class=\"undefined\" title=\"" + esc(reason) + "\">" + Format.UNDEFINED
        + "</span>";
  }

  /** Text with an exact figure on hover. */
  static String titled(String text, String title) {
    return "<span title=\"" + esc(title) + "\">" + esc(text) + "</span>";
  }

  /** A chart with its data table in a closed {@code <details>} beside it. */
  static String figure(String svg, String caption, Table table) {
    return "<figure class=\"chart\">\n" + svg + "<details><summary>Table: " + esc(caption)
        + "</summary>\n" + table.html(caption) + "</details>\n</figure>\n";
  }

  /** A data table; cells are HTML made by the methods of this class or escaped text. */
  static final class Table {
    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();
    private final String numericColumns;

    /**
     * Starts a table.
     *
     * @param align one letter per column: {@code l} text, {@code r} number
     * @param headers the header texts (escaped here)
     */
    Table(String align, String... headers) {
      checkArgument(align.length() == headers.length, "one alignment per column");
      this.headers = List.of(headers);
      this.numericColumns = align;
    }

    /** Adds a row of HTML cells. */
    void row(String... cells) {
      checkArgument(cells.length == headers.size(), "one cell per column");
      rows.add(cells.clone());
    }

    /** Adds a row of plain text cells, escaped here. */
    void textRow(String... cells) {
      String[] html = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        html[i] = esc(cells[i]);
      }
      row(html);
    }

    int size() {
      return rows.size();
    }

    /** Writes the table with a caption. */
    String html(String caption) {
      StringBuilder sb = new StringBuilder("<table>\n<caption>").append(esc(caption))
          .append("</caption>\n<thead><tr>");
      for (int c = 0; c < headers.size(); c++) {
        sb.append(numericColumns.charAt(c) == 'r' ? "<th scope=\"col\" class=\"num\">"
            : "<th scope=\"col\">").append(esc(headers.get(c))).append("</th>");
      }
      sb.append("</tr></thead>\n<tbody>\n");
      for (String[] r : rows) {
        sb.append("<tr>");
        for (int c = 0; c < r.length; c++) {
          sb.append(numericColumns.charAt(c) == 'r' ? "<td class=\"num\">" : "<td>")
              .append(r[c]).append("</td>");
        }
        sb.append("</tr>\n");
      }
      return sb.append("</tbody>\n</table>\n").toString();
    }
  }
}
