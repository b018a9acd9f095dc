package dev.salesmetrics.rule;

import dev.salesmetrics.metric.MetricUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.annotation.Nullable;

/** Number, threshold, duration and period-word formatting for rules and sentences. */
final class Formats {
  private Formats() {}

  /** A number with at most {@code scale} decimals, trailing zeros removed, never "-0". */
  static String plain(double x, int scale) {
    BigDecimal d = BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_EVEN);
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /** A fraction as a percentage with at most two decimals: 0.2 → "20%". */
  static String percent(double fraction) {
    return plain(BigDecimal.valueOf(fraction).movePointRight(2).doubleValue(), 2) + "%";
  }

  /** A fraction as a signed percentage: -0.15 → "-15%", 0.2 → "+20%". */
  static String signedPercent(double fraction) {
    String p = percent(fraction);
    return fraction > 0 && !p.equals("0%") ? "+" + p : p;
  }

  /** A fraction with one decimal, as in sentences: 0.6412 → "64.1%". */
  static String percent1(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** A signed fraction with one decimal: -0.152 → "-15.2%". */
  static String signedPercent1(double fraction) {
    return (fraction > 0 ? "+" : "") + percent1(fraction);
  }

  /** A value in a metric's unit: ratio 0.2 → "20%", money → "12500.00", days → "12.5 days". */
  static String unitValue(MetricUnit unit, double x) {
    return switch (unit) {
      case RATIO -> percent(x);
      case MONEY -> String.format(Locale.ROOT, "%.2f", x);
      case MONEY_PER_DAY -> String.format(Locale.ROOT, "%.2f per day", x);
      case DAYS -> plain(x, 2) + " days";
      case COUNT, SCORE, NUMBER, TABLE -> plain(x, 4);
    };
  }

  /** A threshold of a rule in the units of its compared quantity. */
  static String threshold(Rule rule, double x) {
    return switch (rule.reference()) {
      case VALUE -> unitValue(rule.unit(), x);
      case GOAL, PACE -> percent(x);
      case PREVIOUS_PERIOD, BASELINE -> signedPercent(x);
    };
  }

  /** A level's thresholds for {@link Rule#toString()}. */
  static String levelText(Rule rule, Level level) {
    String text;
    String recovery;
    switch (rule.comparison()) {
      case ABOVE -> {
        text = threshold(rule, level.high());
        recovery = threshold(rule, level.recoveryHigh());
      }
      case BELOW -> {
        text = threshold(rule, level.low());
        recovery = threshold(rule, level.recoveryLow());
      }
      default -> {
        text = "[" + threshold(rule, level.low()) + ", " + threshold(rule, level.high()) + "]";
        recovery =
            "["
                + threshold(rule, level.recoveryLow())
                + ", "
                + threshold(rule, level.recoveryHigh())
                + "]";
      }
    }
    return level.hasHysteresis() ? text + " (recovers at " + recovery + ")" : text;
  }

  /** A duration in the largest whole unit: "7 days", "12 hours", "90 minutes", else ISO. */
  static String duration(Duration d) {
    if (d.isZero()) {
      return "0 seconds";
    }
    if (d.toSecondsPart() == 0 && d.toNanosPart() == 0) {
      if (d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
        return plural(d.toDays(), "day");
      }
      if (d.toMinutesPart() == 0) {
        return plural(d.toHours(), "hour");
      }
      return plural(d.toMinutes(), "minute");
    }
    return d.toString();
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The calendar word for a period of this length, or null when it is none of them. */
  @Nullable
  static String periodWord(Instant start, Instant end) {
    long hours = Duration.between(start, end).toHours();
    if (hours >= 23 && hours <= 25) {
      return "day";
    }
    if (hours >= 7 * 24 - 1 && hours <= 7 * 24 + 1) {
      return "week";
    }
    if (hours >= 28 * 24 - 1 && hours <= 31 * 24 + 1) {
      return "month";
    }
    if (hours >= 89 * 24 - 1 && hours <= 92 * 24 + 1) {
      return "quarter";
    }
    if (hours >= 365 * 24 - 1 && hours <= 366 * 24 + 1) {
      return "year";
    }
    return null;
  }
}
