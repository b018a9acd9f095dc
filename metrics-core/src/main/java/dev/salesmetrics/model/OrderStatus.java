package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/** The state of an order: paid, or refunded (no longer counted as revenue). */
public enum OrderStatus {
  /** Paid; counted in revenue. */
  PAID,
  /** Refunded; not counted in revenue or order counts. */
  REFUNDED;

  /**
   * Parses the CSV form, case-insensitively: {@code "paid"}, {@code "refunded"}.
   *
   * @param text the status text
   * @return the status
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is neither
   */
  public static OrderStatus parse(String text) {
    checkNotNull(text, "text");
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "paid" -> PAID;
      case "refunded" -> REFUNDED;
      default -> throw new IllegalArgumentException(
          "status must be one of paid, refunded: \"" + text + "\"");
    };
  }
}
