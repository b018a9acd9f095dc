package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.internal.Digits;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.annotation.Nullable;

/**
 * A rate kept as its counts: {@code numerator / denominator}, such as won deals over closed deals.
 *
 * <p>Counts may be record counts or amounts in minor units of a currency: a <em>money ratio</em>
 * ({@link #ofMoney}: quota attainment, pipeline coverage, campaign ROI, revenue growth) carries
 * that currency, so that it prints its counts as money. Ratios merge by adding counts ({@link
 * #plus}), never by averaging two rates. A zero
 * denominator is undefined: {@link #value()} is empty, never NaN, never 0. Most ratios are in
 * [0, 1]; some (growth, ROI, coverage) may be negative or above 1, and the numerator may then be
 * negative. The denominator is never negative.
 *
 * <p>Prints as a percentage with one decimal and its counts, {@code 41.7% (5/12)}, or {@code —
 * (0/0)} when undefined; a money ratio prints its counts in major units with thousands
 * separators and the currency, {@code 14.0% (13,400.00 / 96,000.00 USD)}. Every ratio prints as
 * a percentage, those above 1 too: a pipeline coverage of 2.4 is {@code 240.0%}. Immutable and
 * thread safe.
 *
 * @param numerator the count (or amount in minor units) on top; any {@code long}
 * @param denominator the count (or amount in minor units) below; {@code >= 0}
 * @param currency the currency of a money ratio's counts, or null for a ratio of counts
 */
public record Ratio(long numerator, long denominator, @Nullable Currency currency)
    implements MetricValue {

  private static final Ratio EMPTY = new Ratio(0, 0);

  /**
   * Validates the denominator.
   *
   * @param numerator the count on top
   * @param denominator the count below, {@code >= 0}
   * @param currency the currency of the counts, or null for counts of records
   * @throws IllegalArgumentException if {@code denominator < 0}, or the currency has no minor
   *     units
   */
  public Ratio {
    if (denominator < 0) {
      throw new IllegalArgumentException("denominator must be >= 0: " + denominator);
    }
    if (currency != null && currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException(
          "currency must have minor units: " + currency.getCurrencyCode());
    }
  }

  /**
   * Returns the ratio of two counts.
   *
   * @param numerator the count on top
   * @param denominator the count below, {@code >= 0}
   * @throws IllegalArgumentException if {@code denominator < 0}
   */
  public Ratio(long numerator, long denominator) {
    this(numerator, denominator, null);
  }

  /**
   * Returns {@code numerator / denominator}.
   *
   * @param numerator the count on top
   * @param denominator the count below, {@code >= 0}
   * @return the ratio
   * @throws IllegalArgumentException if {@code denominator < 0}
   */
  public static Ratio of(long numerator, long denominator) {
    return new Ratio(numerator, denominator);
  }

  /**
   * Returns the ratio of two amounts of money in minor units of {@code currency}, such as sales
   * volume over quota: {@code ofMoney(1_340_000, 9_600_000, USD)} prints {@code 14.0% (13,400.00 /
   * 96,000.00 USD)}.
   *
   * @param numeratorMinor the amount on top, in minor units
   * @param denominatorMinor the amount below, in minor units, {@code >= 0}
   * @param currency the currency of both amounts
   * @return the money ratio
   * @throws IllegalArgumentException if {@code denominatorMinor < 0} or the currency has no minor
   *     units
   */
  public static Ratio ofMoney(long numeratorMinor, long denominatorMinor, Currency currency) {
    return new Ratio(numeratorMinor, denominatorMinor, checkNotNull(currency, "currency"));
  }

  /**
   * Returns the currency of a money ratio's counts.
   *
   * @return the currency, or empty for a ratio of counts
   */
  public Optional<Currency> moneyCurrency() {
    return Optional.ofNullable(currency);
  }

  /**
   * Returns the empty ratio {@code 0/0}: undefined, and the identity of {@link #plus}.
   *
   * @return the empty ratio
   */
  public static Ratio empty() {
    return EMPTY;
  }

  /**
   * Returns the ratio's value, or empty when the denominator is zero.
   *
   * @return {@code numerator / denominator}, or empty when undefined
   */
  public OptionalDouble value() {
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) numerator / denominator);
  }

  /**
   * Returns the ratio's value, as {@link #value()}.
   *
   * @return the fraction, or empty when undefined
   */
  @Override
  public OptionalDouble asDouble() {
    return value();
  }

  /**
   * Returns the denominator: how many records the rate is over.
   *
   * @return the denominator
   */
  @Override
  public long sampleSize() {
    return denominator;
  }

  /**
   * Tells whether the ratio has a value (a non-zero denominator).
   *
   * @return true when defined
   */
  public boolean isDefined() {
    return denominator != 0;
  }

  /**
   * Adds the counts of {@code other}: the exact ratio of the union of the two samples. An empty
   * ratio ({@code 0/0} without a currency) adds to a money ratio; otherwise both must be ratios of
   * counts or money ratios of one currency.
   *
   * @param other another ratio of the same definition
   * @return {@code (n1 + n2) / (d1 + d2)}, in the currency of the money ratio
   * @throws ArithmeticException if a count overflows
   * @throws CurrencyMismatchException if the two are money ratios of different currencies
   * @throws IllegalArgumentException if one is a money ratio and the other a non-empty ratio of
   *     counts
   */
  public Ratio plus(Ratio other) {
    Currency c = currency;
    if (other.currency != null && !other.currency.equals(currency)) {
      if (currency != null) {
        throw new CurrencyMismatchException(currency, other.currency);
      }
      if (numerator != 0 || denominator != 0) {
        throw new IllegalArgumentException(
            "cannot add the money ratio " + other + " to the ratio of counts " + this);
      }
      c = other.currency;
    } else if (other.currency == null && currency != null
        && (other.numerator != 0 || other.denominator != 0)) {
      throw new IllegalArgumentException(
          "cannot add the ratio of counts " + other + " to the money ratio " + this);
    }
    return new Ratio(
        Math.addExact(numerator, other.numerator),
        Math.addExact(denominator, other.denominator),
        c);
  }

  /**
   * Returns the Wilson score interval of the underlying proportion at {@code confidence}, for a
   * ratio of counts with {@code 0 <= numerator <= denominator}.
   *
   * <p>For {@code n} trials with {@code k} successes, {@code p = k/n} and the two-sided normal
   * quantile {@code z}, the interval is {@code (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)},
   * clamped to [0, 1]. An undefined ratio gives the empty interval.
   *
   * @param confidence the confidence level, in (0, 1), e.g. 0.95
   * @return the interval, empty when the ratio is undefined
   * @throws IllegalArgumentException if confidence is not in (0, 1) or the numerator is outside
   *     [0, denominator]
   */
  public Interval wilson(double confidence) {
    checkArgument(
        confidence > 0 && confidence < 1, "confidence must be in (0, 1): %s", confidence);
    if (numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(
          "wilson interval needs 0 <= numerator <= denominator: " + numerator + "/" + denominator);
    }
    if (denominator == 0) {
      return Interval.empty();
    }
    double z = NormalQuantile.twoSided(confidence);
    double n = denominator;
    double p = numerator / n;
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double scale = 1 + z2 / n;
    double low = Math.max(0, (centre - spread) / scale);
    double high = Math.min(1, (centre + spread) / scale);
    return Interval.of(low, high);
  }

  /**
   * Formats as a percentage with one decimal and the counts, {@code "41.7% (5/12)"}; an undefined
   * ratio prints {@code "— (0/0)"}. A money ratio shows its counts in major units with thousands
   * separators and the currency: {@code "14.0% (13,400.00 / 96,000.00 USD)"}. A ratio above 1 is
   * a percentage too: {@code "240.0% (2,400.00 / 1,000.00 USD)"}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    OptionalDouble v = value();
    String percent =
        v.isPresent() ? String.format(Locale.ROOT, "%.1f%%", v.getAsDouble() * 100) : "—";
    if (currency != null) {
      return percent + " (" + Digits.group(Money.ofMinor(numerator, currency).toPlainString())
          + " / " + Digits.money(Money.ofMinor(denominator, currency)) + ")";
    }
    return percent + " (" + numerator + "/" + denominator + ")";
  }
}
