package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * The order of day, month and year in a numeric date: {@code 03/02/2025} is 2 March 2025 month
 * first (United States) and 3 February 2025 day first (United Kingdom, most of Europe); year first
 * writes {@code 2025/02/03}.
 *
 * <p>A {@link ColumnMapping} reads every numeric date of a file in one order, given with {@link
 * ColumnMapping.Builder#dateOrder} or detected from the file; see {@code docs/CSV.md}. ISO-8601
 * dates ({@code 2025-02-03}) need no order.
 */
public enum DateOrder {
  /** Month, day, year: {@code 2/3/2025} is 3 February 2025 (United States). */
  MDY("month/day/year", "1/31/2024"),
  /** Day, month, year: {@code 3/2/2025} is 3 February 2025 (United Kingdom, most of Europe). */
  DMY("day/month/year", "31/01/2024"),
  /** Year, month, day: {@code 2025/2/3} is 3 February 2025 (East Asia, ISO-like exports). */
  YMD("year/month/day", "2024/01/31");

  private final String description;
  private final String example;

  DateOrder(String description, String example) {
    this.description = description;
    this.example = example;
  }

  /**
   * Returns the order in words.
   *
   * @return e.g. {@code "day/month/year"}
   */
  public String description() {
    return description;
  }

  /**
   * Returns 31 January 2024 written in this order.
   *
   * @return e.g. {@code "31/01/2024"}
   */
  public String example() {
    return example;
  }

  /**
   * Parses an order from its name, case-insensitively: {@code MDY}, {@code DMY} or {@code YMD}.
   *
   * @param text the name
   * @return the order
   * @throws IllegalArgumentException if the text is no order, naming the three
   */
  public static DateOrder parse(String text) {
    checkNotNull(text, "text");
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "date order must be MDY, DMY or YMD: \"" + text + "\"", e);
    }
  }
}
