package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class MoneyProperties {
  private static final Currency[] CURRENCIES = {
    Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("BHD")
  };

  private static Gen<Currency> currencies() {
    return longs().between(0, CURRENCIES.length - 1).map(i -> CURRENCIES[i.intValue()]);
  }

  @Test
  void formatThenParseGivesTheSameMoney() {
    qt().forAll(longs().all(), currencies())
        .checkAssert(
            (minor, currency) -> {
              Money m = Money.ofMinor(minor, currency);
              assertThat(Money.parse(m.toString())).isEqualTo(m);
              assertThat(Money.of(m.toPlainString(), currency)).isEqualTo(m);
            });
  }

  @Test
  void plusIsCommutativeAndAssociativeAndMatchesExactArithmetic() {
    long bound = Long.MAX_VALUE / 2;
    qt().forAll(longs().between(-bound, bound), longs().between(-bound, bound),
            longs().between(-bound, bound))
        .checkAssert(
            (a, b, c) -> {
              Money x = Money.ofMinor(a, "USD");
              Money y = Money.ofMinor(b, "USD");
              Money z = Money.ofMinor(c, "USD");
              assertThat(x.plus(y)).isEqualTo(y.plus(x));
              BigInteger exact =
                  BigInteger.valueOf(a).add(BigInteger.valueOf(b)).add(BigInteger.valueOf(c));
              if (exact.bitLength() < 64
                  && BigInteger.valueOf(a).add(BigInteger.valueOf(b)).bitLength() < 64
                  && BigInteger.valueOf(b).add(BigInteger.valueOf(c)).bitLength() < 64) {
                assertThat(x.plus(y).plus(z)).isEqualTo(x.plus(y.plus(z)));
                assertThat(x.plus(y).plus(z).minorUnits()).isEqualTo(exact.longValueExact());
              }
            });
  }

  @Test
  void overflowAlwaysThrowsInsteadOfWrapping() {
    qt().forAll(longs().all(), longs().all())
        .checkAssert(
            (a, b) -> {
              BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
              Money x = Money.ofMinor(a, "USD");
              Money y = Money.ofMinor(b, "USD");
              if (exact.bitLength() < 64) {
                assertThat(x.plus(y).minorUnits()).isEqualTo(exact.longValueExact());
              } else {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> x.plus(y))
                    .isInstanceOf(ArithmeticException.class);
              }
            });
  }
}
