package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;

/** How a linear scale writes its tick labels. Tick values are exact decimals, so labels are too. */
public enum TickFormat {
  /** The plain number with thousands separators: {@code 12,500}, {@code 0.25}. */
  NUMBER,
  /** A fraction as a percentage: {@code 0.25} is {@code 25%}, {@code 0.025} is {@code 2.5%}. */
  PERCENT,
  /** A short number with a suffix: {@code 1,500} is {@code 1.5k}, {@code 2,000,000} {@code 2M}. */
  COMPACT;

  /**
   * Formats a tick value.
   *
   * @param value the exact tick value
   * @return the label
   */
  public String format(BigDecimal value) {
    checkNotNull(value, "value");
    return switch (this) {
      case NUMBER -> grouped(value);
      case PERCENT -> plain(value.movePointRight(2)) + "%";
      case COMPACT -> compact(value);
    };
  }

  private static String compact(BigDecimal value) {
    BigDecimal abs = value.abs();
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
      return plain(value.movePointLeft(9)) + "B";
    }
    if (abs.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0) {
      return plain(value.movePointLeft(6)) + "M";
    }
    if (abs.compareTo(BigDecimal.valueOf(1_000L)) >= 0) {
      return plain(value.movePointLeft(3)) + "k";
    }
    return plain(value);
  }

  private static String plain(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  static String grouped(BigDecimal value) {
    return Markup.groupDigits(plain(value));
  }
}
