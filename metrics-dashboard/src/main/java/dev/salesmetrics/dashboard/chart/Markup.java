package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.internal.Digits;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Text and numbers as they go into HTML and SVG: escaping of user text, and coordinates with a
 * fixed precision. Every string that comes from data (a rep's name, a campaign, a stage) goes
 * through {@link #escape(String)} before it reaches a page.
 */
public final class Markup {
  private Markup() {}

  /**
   * Escapes text for an HTML or SVG text node or a double-quoted attribute value: {@code &},
   * {@code <}, {@code >}, {@code "} and {@code '} become character references, and control
   * characters other than tab, line feed and carriage return (which HTML forbids) become the
   * replacement character U+FFFD.
   *
   * @param text any text
   * @return the escaped text; the empty string for the empty string
   */
  public static String escape(String text) {
    checkNotNull(text, "text");
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
            default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
                ? "\uFFFD"
                : null;
          };
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16);
          sb.append(text, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  /**
   * Formats a coordinate or length with at most two decimals, without trailing zeros, without an
   * exponent and never as {@code -0}, so the output is the same on every machine.
   *
   * @param value a finite number
   * @return e.g. {@code "12"}, {@code "12.5"}, {@code "-0.25"}
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a coordinate must be finite: " + value);
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /**
   * Inserts a comma every three digits into the integer part of a plain decimal, keeping its
   * sign and its fraction digits as they are.
   *
   * @param plain a plain decimal such as {@code "-1234567.50"} (no exponent)
   * @return e.g. {@code "-1,234,567.50"}
   * @throws IllegalArgumentException if the text is not a plain decimal
   */
  public static String groupDigits(String plain) {
    return Digits.group(plain); // the library's one definition, also used by MetricTable
  }
}
