package dev.salesmetrics.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkupTest {
  @Test
  void escapesMarkupQuotesAndControlCharacters() {
    assertThat(Markup.escape("<script>alert(1)</script>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Markup.escape("a \"b\" & 'c'")).isEqualTo("a &quot;b&quot; &amp; &#39;c&#39;");
    assertThat(Markup.escape("tab\tline\nbell\u0007del\u007f"))
        .isEqualTo("tab\tline\nbell\uFFFDdel\uFFFD");
    assertThat(Markup.escape("plain Ünïcode €")).isEqualTo("plain Ünïcode €");
    assertThat(Markup.escape("")).isEmpty();
  }

  @Test
  void numbersHaveAtMostTwoDecimalsAndNoNegativeZero() {
    assertThat(Markup.number(12)).isEqualTo("12");
    assertThat(Markup.number(12.5)).isEqualTo("12.5");
    assertThat(Markup.number(1.005)).isEqualTo("1"); // HALF_EVEN on the decimal 1.005
    assertThat(Markup.number(1.015)).isEqualTo("1.02");
    assertThat(Markup.number(-0.001)).isEqualTo("0");
    assertThat(Markup.number(-0.0)).isEqualTo("0");
    assertThat(Markup.number(1e-7)).isEqualTo("0");
    assertThat(Markup.number(123456789.125)).isEqualTo("123456789.12");
    assertThatThrownBy(() -> Markup.number(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a coordinate must be finite: NaN");
  }

  @Test
  void groupsDigits() {
    assertThat(Markup.groupDigits("0")).isEqualTo("0");
    assertThat(Markup.groupDigits("999")).isEqualTo("999");
    assertThat(Markup.groupDigits("1000")).isEqualTo("1,000");
    assertThat(Markup.groupDigits("-1234567.50")).isEqualTo("-1,234,567.50");
    assertThat(Markup.groupDigits("9223372036854775807"))
        .isEqualTo("9,223,372,036,854,775,807");
    assertThatThrownBy(() -> Markup.groupDigits("1e5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a plain decimal: \"1e5\"");
  }
}
