package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void parsesExactlyInMinorUnits() {
    assertThat(Money.of("12.50", "USD").minorUnits()).isEqualTo(1250);
    assertThat(Money.of("12.5", "USD").minorUnits()).isEqualTo(1250);
    assertThat(Money.of("-3", "USD").minorUnits()).isEqualTo(-300);
    assertThat(Money.of("500", "JPY").minorUnits()).isEqualTo(500);
    assertThat(Money.of("1.125", "BHD").minorUnits()).isEqualTo(1125);
  }

  @Test
  void rejectsMoreFractionDigitsThanTheCurrencyHas() {
    assertThatThrownBy(() -> Money.of("12.505", "USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount 12.505 has more than 2 fraction digits allowed for USD");
    assertThatThrownBy(() -> Money.of("1.5", "JPY"))
        .hasMessage("amount 1.5 has more than 0 fraction digits allowed for JPY");
    assertThatThrownBy(() -> Money.of("1.1250", "BHD"))
        .hasMessage("amount 1.1250 has more than 3 fraction digits allowed for BHD");
  }

  @Test
  void rejectsTextThatIsNotAPlainDecimal() {
    for (String bad : new String[] {"", "-", "1e3", "1,000.00", " 1.00", "1.", ".5", "+1", "abc"}) {
      assertThatThrownBy(() -> Money.of(bad, "USD"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain decimal");
    }
    assertThatThrownBy(() -> Money.of("1.00", "ZZZ"))
        .hasMessage("currency must be an ISO 4217 code: \"ZZZ\"");
  }

  @Test
  void formatsWithTheCurrencyScale() {
    assertThat(Money.ofMinor(1250, "USD").toString()).isEqualTo("12.50 USD");
    assertThat(Money.ofMinor(-5, "USD").toPlainString()).isEqualTo("-0.05");
    assertThat(Money.ofMinor(500, "JPY").toString()).isEqualTo("500 JPY");
    assertThat(Money.ofMinor(1250, "BHD").toString()).isEqualTo("1.250 BHD");
    assertThat(Money.parse("1.250 BHD")).isEqualTo(Money.ofMinor(1250, "BHD"));
  }

  @Test
  void arithmeticIsExactAndChecksOverflow() {
    Money a = Money.of("10.10", "USD");
    assertThat(a.plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("10.30", "USD"));
    assertThat(a.minus(Money.of("20", "USD"))).isEqualTo(Money.of("-9.90", "USD"));
    assertThat(a.times(3)).isEqualTo(Money.of("30.30", "USD"));
    Money max = Money.ofMinor(Long.MAX_VALUE, "USD");
    assertThatThrownBy(() -> max.plus(Money.ofMinor(1, "USD")))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE, "USD").minus(Money.ofMinor(1, "USD")))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.of("92233720368547758.08", "USD"))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void mixingCurrenciesNamesBoth() {
    assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
        .isInstanceOf(CurrencyMismatchException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("EUR");
    assertThatThrownBy(() -> Money.of("1", "USD").compareTo(Money.of("1", "JPY")))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void rejectsCurrenciesWithoutMinorUnits() {
    assertThatThrownBy(() -> Money.zero(Currency.getInstance("XAU")))
        .hasMessage("currency must have minor units: XAU");
  }

  @Test
  void dividesRoundingHalfEvenToTheMinorUnit() {
    assertThat(Money.of("10.00", "USD").dividedBy(3)).isEqualTo(Money.of("3.33", "USD"));
    assertThat(Money.of("20.00", "USD").dividedBy(3)).isEqualTo(Money.of("6.67", "USD"));
    // ties go to the even neighbour: 2.5 -> 2, 3.5 -> 4, -2.5 -> -2
    assertThat(Money.ofMinor(5, "USD").dividedBy(2)).isEqualTo(Money.ofMinor(2, "USD"));
    assertThat(Money.ofMinor(7, "USD").dividedBy(2)).isEqualTo(Money.ofMinor(4, "USD"));
    assertThat(Money.ofMinor(-5, "USD").dividedBy(2)).isEqualTo(Money.ofMinor(-2, "USD"));
    assertThat(Money.ofMinor(5, "USD").dividedBy(-2)).isEqualTo(Money.ofMinor(-2, "USD"));
    assertThat(Money.of("1000", "JPY").dividedBy(3)).isEqualTo(Money.of("333", "JPY"));
    assertThat(Money.ofMinor(Long.MAX_VALUE, "USD").dividedBy(1))
        .isEqualTo(Money.ofMinor(Long.MAX_VALUE, "USD"));
    assertThat(Money.ofMinor(Long.MIN_VALUE, "USD").dividedBy(Long.MIN_VALUE))
        .isEqualTo(Money.ofMinor(1, "USD"));
  }

  @Test
  void divisionByZeroOrOutOfRangeThrows() {
    assertThatThrownBy(() -> Money.of("1.00", "USD").dividedBy(0))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("division of 1.00 USD by zero");
    assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE, "USD").dividedBy(-1))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void quotientRoundsOnceHalfEven() {
    Currency usd = Currency.getInstance("USD");
    // 100.00 × 31 / 91: 3406.593... cents -> 34.07
    assertThat(
            Money.quotient(
                BigInteger.valueOf(10_000).multiply(BigInteger.valueOf(31)),
                BigInteger.valueOf(91),
                usd))
        .isEqualTo(Money.of("34.07", "USD"));
    // an exact half: 25 / 10 = 2.5 -> 2, 35 / 10 = 3.5 -> 4
    assertThat(Money.quotient(BigInteger.valueOf(25), BigInteger.TEN, usd).minorUnits())
        .isEqualTo(2);
    assertThat(Money.quotient(BigInteger.valueOf(35), BigInteger.TEN, usd).minorUnits())
        .isEqualTo(4);
    // an intermediate far beyond a long is fine as long as the quotient fits
    BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(1000));
    assertThat(Money.quotient(big, BigInteger.valueOf(1000), usd).minorUnits())
        .isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Money.quotient(big, BigInteger.ONE, usd))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.quotient(BigInteger.ONE, BigInteger.ZERO, usd))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("division of 1 minor units by zero");
  }
}
