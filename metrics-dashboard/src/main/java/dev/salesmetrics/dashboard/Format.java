package dev.salesmetrics.dashboard;

import dev.salesmetrics.dashboard.chart.Markup;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.Score;
import dev.salesmetrics.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How figures read on the page, as in the command line: money with its currency and thousands
 * separators ({@code 3,996,100.00 USD}), ratios as a percentage with one decimal and their counts
 * on hover ({@code 40.6% (13/32)}), durations in days, scores with one decimal. Every method is
 * pure and uses {@link Locale#ROOT}, so the same figures always give the same text.
 */
final class Format {
  /** What an undefined value shows. */
  static final String UNDEFINED = "—";

  private Format() {}

  /** {@code 1,234,567.50 USD}. */
  static String money(Money m) {
    return Markup.groupDigits(m.toPlainString()) + " " + m.currency().getCurrencyCode();
  }

  /**
   * Money for a tile or a bar: millions with two decimals from 1,000,000 up ({@code 3.99M USD}),
   * whole units from 10,000 up ({@code 48,908 USD}), else exact.
   */
  static String moneyShort(Money m) {
    BigDecimal v = m.toBigDecimal();
    if (v.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
      return v.movePointLeft(6).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "M "
          + m.currency().getCurrencyCode();
    }
    if (v.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
      return Markup.groupDigits(v.setScale(0, RoundingMode.HALF_EVEN).toPlainString()) + " "
          + m.currency().getCurrencyCode();
    }
    return money(m);
  }

  /** A number of major units in {@code currency}, rounded to its minor unit. */
  static String money(double majorUnits, Currency currency) {
    int digits = Math.max(0, Money.fractionDigits(currency));
    BigDecimal v = new BigDecimal(majorUnits).setScale(digits, RoundingMode.HALF_EVEN);
    return Markup.groupDigits(v.toPlainString()) + " " + currency.getCurrencyCode();
  }

  /** Minor units of {@code currency} as money. */
  static String minor(long minorUnits, Currency currency) {
    return money(Money.ofMinor(minorUnits, currency));
  }

  /** {@code 12,345}. */
  static String count(long n) {
    return Markup.groupDigits(Long.toString(n));
  }

  /** A fraction as a percentage with one decimal: {@code 40.6%}. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** A ratio as a percentage, or {@link #UNDEFINED}. */
  static String percent(Ratio r) {
    return r.value().isPresent() ? percent(r.value().getAsDouble()) : UNDEFINED;
  }

  /**
   * A ratio with its counts: {@code 40.6% (13/32)}; for a money ratio (counts in minor units of
   * {@code money}), {@code 104.2% (83,400.00 USD / 80,000.00 USD)}.
   */
  static String ratioTitle(Ratio r, Optional<Currency> money) {
    String pct = percent(r);
    if (money.isPresent()) {
      return pct + " (" + minor(r.numerator(), money.get()) + " / "
          + minor(r.denominator(), money.get()) + ")";
    }
    return pct + " (" + count(r.numerator()) + "/" + count(r.denominator()) + ")";
  }

  /** Days with one decimal: {@code 28.5 days}. */
  static String days(double days) {
    return String.format(Locale.ROOT, "%.1f days", days);
  }

  /** A score with one decimal: {@code 23.5}. */
  static String score(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A signed change: {@code +12.3%} (relative) or {@code +2.1 pp} (percentage points). */
  static String signedPercent(double fraction) {
    return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
  }

  /** A signed difference of two scores: {@code -2.2 pts}. */
  static String signedScore(double difference) {
    return String.format(Locale.ROOT, "%+.1f pts", difference);
  }

  /** A signed difference of two fractions in percentage points: {@code -2.1 pp}. */
  static String signedPoints(double difference) {
    return String.format(Locale.ROOT, "%+.1f pp", difference * 100);
  }

  /**
   * The short text of any metric value for a table cell: money, percentage, count, days (the
   * median for durations, the mean for money statistics), or {@link #UNDEFINED}.
   */
  static String value(MetricValue v) {
    if (v instanceof Ratio r) {
      return percent(r);
    }
    if (v instanceof Amount a) {
      return a.value().map(Format::money).orElse(UNDEFINED);
    }
    if (v instanceof MoneyStats s) {
      return s.mean().map(Format::money).orElse(UNDEFINED);
    }
    if (v instanceof DurationStats d) {
      return d.medianDays().isPresent() ? days(d.medianDays().getAsDouble()) : UNDEFINED;
    }
    if (v instanceof Count c) {
      return count(c.value());
    }
    if (v instanceof Score s) {
      return s.value().isPresent() ? score(s.value().getAsDouble()) : UNDEFINED;
    }
    OptionalDouble d = v.asDouble();
    return d.isPresent() ? v.toString() : UNDEFINED;
  }

  /** The exact text of any metric value for a hover title. */
  static String exact(MetricValue v, Optional<Currency> moneyRatio) {
    if (v instanceof Ratio r) {
      return ratioTitle(r, moneyRatio);
    }
    if (v instanceof Amount a) {
      return a.value().map(m -> money(m) + " (n=" + count(a.sampleSize()) + ")").orElse(UNDEFINED);
    }
    if (v instanceof MoneyStats s) {
      if (s.mean().isEmpty()) {
        return UNDEFINED;
      }
      return "mean " + money(s.mean().get()) + " (n=" + count(s.count()) + ", sum "
          + money(s.sum().orElseThrow()) + ", min " + money(s.min().orElseThrow()) + ", max "
          + money(s.max().orElseThrow()) + ")";
    }
    if (v instanceof DurationStats d) {
      if (d.count() == 0) {
        return UNDEFINED;
      }
      return String.format(
          Locale.ROOT,
          "median %.2f days (n=%s, mean %.2f, p90 %.2f)",
          d.medianDays().orElseThrow(),
          count(d.count()),
          d.meanDays().orElseThrow(),
          d.p90Days().orElseThrow());
    }
    if (v instanceof Score s) {
      return s.value().isPresent()
          ? String.format(Locale.ROOT, "%.2f (n=%s)", s.value().getAsDouble(),
              count(s.sampleSize()))
          : UNDEFINED;
    }
    return v.toString();
  }

  /**
   * The currency of a money ratio's counts (coverage, attainment, ROI, growth: minor units), or
   * empty for a ratio of counts.
   */
  static Optional<Currency> moneyRatio(String metricId, Optional<Currency> currency) {
    return metricId.startsWith("pipeline_coverage") || metricId.startsWith("quota_attainment")
        || metricId.startsWith("campaign_roi") || metricId.startsWith("revenue_growth")
        ? currency : Optional.empty();
  }
}
