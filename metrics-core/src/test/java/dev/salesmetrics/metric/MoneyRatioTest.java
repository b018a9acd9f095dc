package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Money ratios carry their currency and print their counts as money (issue 11, item 13). */
class MoneyRatioTest {
  private static final Currency USD = Money.currency("USD");
  private static final Currency EUR = Money.currency("EUR");

  @Test
  void countsPrintInMajorUnitsWithThousandsSeparatorsAndTheCurrency() {
    assertThat(Ratio.ofMoney(1_340_000, 9_600_000, USD).toString())
        .isEqualTo("14.0% (13,400.00 / 96,000.00 USD)");
    assertThat(Ratio.ofMoney(-1_000, 3_000, Money.currency("JPY")).toString())
        .isEqualTo("-33.3% (-1,000 / 3,000 JPY)");
    assertThat(Ratio.ofMoney(0, 0, USD).toString()).isEqualTo("— (0.00 / 0.00 USD)");
    assertThat(Ratio.of(5, 12).toString()).isEqualTo("41.7% (5/12)");
  }

  @Test
  void ratiosAboveOneArePercentagesToo() {
    assertThat(Ratio.ofMoney(240_000, 100_000, USD).toString())
        .isEqualTo("240.0% (2,400.00 / 1,000.00 USD)");
    assertThat(Ratio.of(12, 5).toString()).isEqualTo("240.0% (12/5)");
  }

  @Test
  void theCurrencyIsPartOfTheValue() {
    Ratio usd = Ratio.ofMoney(1, 2, USD);
    assertThat(usd.moneyCurrency()).contains(USD);
    assertThat(Ratio.of(1, 2).moneyCurrency()).isEmpty();
    assertThat(usd).isNotEqualTo(Ratio.of(1, 2)).isNotEqualTo(Ratio.ofMoney(1, 2, EUR));
    assertThat(usd.value()).isEqualTo(Ratio.of(1, 2).value());
  }

  @Test
  void plusKeepsTheCurrencyAndRefusesAnother() {
    Ratio a = Ratio.ofMoney(100, 400, USD);
    assertThat(a.plus(Ratio.ofMoney(300, 600, USD))).isEqualTo(Ratio.ofMoney(400, 1_000, USD));
    assertThat(Ratio.empty().plus(a)).isEqualTo(a);
    assertThat(a.plus(Ratio.empty())).isEqualTo(a);
    assertThatThrownBy(() -> a.plus(Ratio.ofMoney(1, 2, EUR)))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> a.plus(Ratio.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot add the ratio of counts 50.0% (1/2) to the money ratio");
  }

  @Test
  void aCurrencyWithoutMinorUnitsIsRefused() {
    assertThatThrownBy(() -> Ratio.ofMoney(1, 2, Currency.getInstance("XXX")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency must have minor units: XXX");
  }
}
