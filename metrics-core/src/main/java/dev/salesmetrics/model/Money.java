package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of money: a {@code long} count of the currency's minor units (cents for USD,
 * yen for JPY, fils for BHD) and a {@link Currency}.
 *
 * <p>Money never touches {@code double}. Parsing accepts at most the currency's number of fraction
 * digits ({@code Money.of("12.505", "USD")} is rejected, not rounded). Arithmetic is exact and
 * throws {@link ArithmeticException} on {@code long} overflow. Combining two currencies throws
 * {@link CurrencyMismatchException}. Amounts may be negative (a difference, a refund); domain
 * records that need a non-negative amount check it themselves.
 *
 * <pre>{@code
 * Money price = Money.of("12.50", "USD");
 * Money total = price.times(3).plus(Money.of("0.25", "USD"));   // 37.75 USD
 * }</pre>
 *
 * <p>Immutable and thread safe.
 *
 * @param minorUnits the amount in minor units of {@code currency}, any {@code long}
 * @param currency the currency; must have a defined number of fraction digits (not XAU, XXX)
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

  /**
   * Validates the currency.
   *
   * @param minorUnits the amount in minor units of {@code currency}
   * @param currency the currency
   * @throws NullPointerException if {@code currency} is null
   * @throws IllegalArgumentException if the currency has no defined fraction digits
   */
  public Money {
    checkNotNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException(
          "currency must have minor units: " + currency.getCurrencyCode());
    }
  }

  /**
   * Returns {@code minorUnits} of {@code currency}.
   *
   * @param minorUnits amount in minor units (cents for USD)
   * @param currency the currency
   * @return the amount
   * @throws IllegalArgumentException if the currency has no defined fraction digits
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(minorUnits, currency);
  }

  /**
   * Returns {@code minorUnits} of the currency with ISO 4217 code {@code currencyCode}.
   *
   * @param minorUnits amount in minor units (cents for USD)
   * @param currencyCode an ISO 4217 code such as {@code "USD"}
   * @return the amount
   * @throws IllegalArgumentException if the code is not a known currency with minor units
   */
  public static Money ofMinor(long minorUnits, String currencyCode) {
    return new Money(minorUnits, currency(currencyCode));
  }

  /**
   * Returns zero in {@code currency}: the identity of {@link #plus}.
   *
   * @param currency the currency
   * @return zero of that currency
   */
  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a decimal amount in major units, exactly: {@code of("12.50", "USD")} is 1250 cents.
   *
   * <p>Accepts an optional leading {@code -}, digits, and an optional {@code .} followed by at most
   * the currency's fraction digits. No exponent, no grouping separators, no rounding.
   *
   * @param amount the decimal text, e.g. {@code "1250.00"}, {@code "-3"}, {@code "0.125"} (BHD)
   * @param currencyCode an ISO 4217 code such as {@code "USD"}
   * @return the exact amount
   * @throws IllegalArgumentException if the text is not a plain decimal, has more fraction digits
   *     than the currency allows, or the currency code is unknown
   * @throws ArithmeticException if the amount does not fit in a {@code long} of minor units
   */
  public static Money of(String amount, String currencyCode) {
    return of(amount, currency(currencyCode));
  }

  /**
   * Parses a decimal amount in major units of {@code currency}, exactly; see
   * {@link #of(String, String)}.
   *
   * @param amount the decimal text
   * @param currency the currency
   * @return the exact amount
   * @throws IllegalArgumentException if the text is not a plain decimal or has more fraction
   *     digits than the currency allows
   * @throws ArithmeticException if the amount does not fit in a {@code long} of minor units
   */
  public static Money of(String amount, Currency currency) {
    checkNotNull(amount, "amount");
    checkNotNull(currency, "currency");
    if (!isPlainDecimal(amount)) {
      throw new IllegalArgumentException(
          "amount must be a plain decimal like 1250.00: \"" + amount + "\"");
    }
    int dot = amount.indexOf('.');
    int digits = fractionDigits(currency);
    if (dot >= 0 && amount.length() - dot - 1 > digits) {
      throw new IllegalArgumentException(
          "amount " + amount + " has more than " + digits + " fraction digits allowed for "
              + currency.getCurrencyCode());
    }
    // Accumulate the digits as minor units, negatively so that Long.MIN_VALUE parses too.
    boolean negative = amount.charAt(0) == '-';
    long minor = 0;
    int fraction = -1;
    for (int i = negative ? 1 : 0; i < amount.length(); i++) {
      char c = amount.charAt(i);
      if (c == '.') {
        fraction = 0;
        continue;
      }
      minor = Math.subtractExact(Math.multiplyExact(minor, 10), c - '0');
      if (fraction >= 0) {
        fraction++;
      }
    }
    for (int f = Math.max(fraction, 0); f < digits; f++) {
      minor = Math.multiplyExact(minor, 10);
    }
    return new Money(negative ? minor : Math.negateExact(minor), currency);
  }

  /**
   * Converts an exact decimal in major units to money.
   *
   * @param amount the amount in major units
   * @param currency the currency
   * @return the exact amount
   * @throws IllegalArgumentException if {@code amount} has more significant fraction digits than
   *     the currency allows
   * @throws ArithmeticException if the amount does not fit in a {@code long} of minor units
   */
  public static Money of(BigDecimal amount, Currency currency) {
    checkNotNull(amount, "amount");
    checkNotNull(currency, "currency");
    int digits = fractionDigits(currency);
    BigDecimal scaled;
    try {
      scaled = amount.setScale(digits, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "amount " + amount.toPlainString() + " has more than " + digits
              + " fraction digits allowed for " + currency.getCurrencyCode(), e);
    }
    return new Money(scaled.unscaledValue().longValueExact(), currency);
  }

  /**
   * Adds {@code other}.
   *
   * @param other an amount in the same currency
   * @return the exact sum
   * @throws CurrencyMismatchException if the currencies differ
   * @throws ArithmeticException on {@code long} overflow
   */
  public Money plus(Money other) {
    checkSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  /**
   * Subtracts {@code other}.
   *
   * @param other an amount in the same currency
   * @return the exact difference, possibly negative
   * @throws CurrencyMismatchException if the currencies differ
   * @throws ArithmeticException on {@code long} overflow
   */
  public Money minus(Money other) {
    checkSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  /**
   * Multiplies by a whole number, such as a quantity.
   *
   * @param factor any {@code long}
   * @return the exact product
   * @throws ArithmeticException on {@code long} overflow
   */
  public Money times(long factor) {
    return new Money(Math.multiplyExact(minorUnits, factor), currency);
  }

  /**
   * Divides by a whole number, such as a count, rounding HALF_EVEN to the minor unit: the mean of
   * amounts, a cost per customer. {@code Money.of("10.00", "USD").dividedBy(3)} is 3.33 USD;
   * {@code Money.ofMinor(5, "USD").dividedBy(2)} is 0.02 USD (2.5 cents rounds to the even 2).
   *
   * @param divisor any {@code long} but 0
   * @return {@code this / divisor}, rounded HALF_EVEN to the minor unit
   * @throws ArithmeticException if {@code divisor} is 0, or the quotient does not fit in a {@code
   *     long} ({@code Long.MIN_VALUE} minor units divided by -1)
   */
  public Money dividedBy(long divisor) {
    if (divisor == 0) {
      throw new ArithmeticException("division of " + this + " by zero");
    }
    return quotient(
        BigInteger.valueOf(minorUnits), BigInteger.valueOf(divisor), currency);
  }

  /**
   * Returns the money whose minor units are {@code dividendMinor / divisor}, rounded HALF_EVEN to
   * the minor unit: the one rounding of an exact computation done in whole numbers, such as a
   * quota prorated by the share of its duration inside a period ({@code amount × inside ÷ whole})
   * or a sum of amounts weighted by exact decimals.
   *
   * @param dividendMinor the dividend, in minor units of {@code currency}
   * @param divisor the divisor, not 0
   * @param currency the currency
   * @return the rounded quotient
   * @throws ArithmeticException if {@code divisor} is 0, or the quotient does not fit in a {@code
   *     long} of minor units
   */
  public static Money quotient(BigInteger dividendMinor, BigInteger divisor, Currency currency) {
    checkNotNull(dividendMinor, "dividendMinor");
    checkNotNull(divisor, "divisor");
    checkNotNull(currency, "currency");
    if (divisor.signum() == 0) {
      throw new ArithmeticException("division of " + dividendMinor + " minor units by zero");
    }
    long minor =
        new BigDecimal(dividendMinor)
            .divide(new BigDecimal(divisor), 0, RoundingMode.HALF_EVEN)
            .longValueExact();
    return new Money(minor, currency);
  }

  /**
   * Returns the negated amount.
   *
   * @return {@code -this}
   * @throws ArithmeticException if this is {@code Long.MIN_VALUE} minor units
   */
  public Money negate() {
    return new Money(Math.negateExact(minorUnits), currency);
  }

  /**
   * Returns the sign of the amount.
   *
   * @return -1, 0 or 1
   */
  public int signum() {
    return Long.signum(minorUnits);
  }

  /**
   * Tells whether the amount is below zero.
   *
   * @return true if negative
   */
  public boolean isNegative() {
    return minorUnits < 0;
  }

  /**
   * Tells whether the amount is zero.
   *
   * @return true if zero
   */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /**
   * Returns the amount in major units as an exact decimal with the currency's scale.
   *
   * @return e.g. {@code 12.50} for 1250 US cents, {@code 500} for 500 JPY
   */
  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
  }

  /**
   * Returns the amount in major units as plain text, with exactly the currency's fraction digits.
   *
   * @return e.g. {@code "12.50"}, {@code "-3.00"}, {@code "500"} (JPY), {@code "1.250"} (BHD)
   */
  public String toPlainString() {
    return toBigDecimal().toPlainString();
  }

  /**
   * Compares two amounts of the same currency by value.
   *
   * @param other an amount in the same currency
   * @return negative, zero or positive as this is less than, equal to or greater than other
   * @throws CurrencyMismatchException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    checkSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  /**
   * Formats as the plain amount and the currency code, the form {@link #parse} reads.
   *
   * @return e.g. {@code "12.50 USD"}
   */
  @Override
  public String toString() {
    return toPlainString() + " " + currency.getCurrencyCode();
  }

  /**
   * Parses the form written by {@link #toString()}: a plain decimal, one space, a currency code.
   *
   * @param text e.g. {@code "12.50 USD"}
   * @return the exact amount
   * @throws IllegalArgumentException if the text is not of that form or the amount is not exact
   *     in the currency
   */
  public static Money parse(String text) {
    checkNotNull(text, "text");
    int space = text.indexOf(' ');
    if (space < 0 || space != text.lastIndexOf(' ')) {
      throw new IllegalArgumentException(
          "money must be an amount and a currency code like \"12.50 USD\": \"" + text + "\"");
    }
    return of(text.substring(0, space), text.substring(space + 1));
  }

  /**
   * Returns the currency's number of fraction digits (2 for USD, 0 for JPY, 3 for BHD).
   *
   * @param currency the currency
   * @return a number >= 0
   * @throws IllegalArgumentException if the currency has no defined fraction digits
   */
  public static int fractionDigits(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new IllegalArgumentException(
          "currency must have minor units: " + currency.getCurrencyCode());
    }
    return digits;
  }

  /**
   * Looks up an ISO 4217 currency by its code.
   *
   * @param code e.g. {@code "USD"}
   * @return the currency
   * @throws IllegalArgumentException if the code is not a known ISO 4217 currency
   */
  public static Currency currency(String code) {
    checkNotNull(code, "currency");
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: \"" + code + "\"", e);
    }
  }

  private void checkSameCurrency(Money other) {
    checkNotNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
  }

  private static boolean isPlainDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (n > 0 && s.charAt(0) == '-') {
      i = 1;
    }
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    if (i == n) {
      return intDigits > 0;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    i++;
    int fracDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      fracDigits++;
    }
    return i == n && intDigits > 0 && fracDigits > 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
