package dev.salesmetrics.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearScaleTest {
  private static List<String> labels(LinearScale s, int max, TickFormat f) {
    return s.ticks(max, f).stream().map(Tick::label).toList();
  }

  @Test
  void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(LinearScale.step(10, 6)).isEqualByComparingTo("2");
    assertThat(LinearScale.step(1, 6)).isEqualByComparingTo("0.2"); // 0.2 as a double is not 0.2
    assertThat(LinearScale.step(0.3, 4)).isEqualByComparingTo("0.1");
    assertThat(LinearScale.step(0.7, 5)).isEqualByComparingTo("0.2"); // raw 0.175
    assertThat(LinearScale.step(10, 5)).isEqualByComparingTo("5"); // raw 2.5: 2 gives 6 ticks
    assertThat(LinearScale.step(3_996_100, 5)).isEqualByComparingTo("1000000");
    assertThat(LinearScale.step(7, 8)).isEqualByComparingTo("1");
  }

  @Test
  void niceDomainCoversTheDataAndEndsOnTicks() {
    LinearScale y = LinearScale.nice(0, 3_996_100, 5, 200, 0);
    assertThat(y.domainMin()).isEqualTo(0);
    assertThat(y.domainMax()).isEqualTo(4_000_000);
    assertThat(labels(y, 5, TickFormat.COMPACT)).containsExactly("0", "1M", "2M", "3M", "4M");
    assertThat(y.apply(2_000_000)).isEqualTo(100);
    assertThat(y.apply(4_000_000)).isEqualTo(0);
  }

  @Test
  void percentTicksAreExactDecimals() {
    LinearScale y = LinearScale.nice(0.13, 0.46, 5, 100, 0);
    assertThat(y.domainMin()).isEqualTo(0.1);
    assertThat(y.domainMax()).isEqualTo(0.5);
    assertThat(labels(y, 5, TickFormat.PERCENT)).containsExactly("10%", "20%", "30%", "40%", "50%");
    assertThat(labels(LinearScale.nice(0, 0.3, 4, 0, 1), 4, TickFormat.PERCENT))
        .containsExactly("0%", "10%", "20%", "30%");
    assertThat(labels(LinearScale.nice(0, 0.05, 6, 0, 1), 6, TickFormat.PERCENT))
        .containsExactly("0%", "1%", "2%", "3%", "4%", "5%");
  }

  @Test
  void negativeValuesAndOneValue() {
    LinearScale x = LinearScale.nice(-250, 1000, 6, 0, 300);
    assertThat(labels(x, 6, TickFormat.NUMBER)).containsExactly("-500", "0", "500", "1,000");
    assertThat(x.apply(0)).isEqualTo(100);
    LinearScale five = LinearScale.nice(5, 5, 6, 0, 1);
    assertThat(five.domainMin()).isEqualTo(0);
    assertThat(five.domainMax()).isEqualTo(5);
    LinearScale zero = LinearScale.nice(0, 0, 6, 0, 1);
    assertThat(zero.domainMax()).isEqualTo(1);
    LinearScale minus = LinearScale.nice(-3, -3, 6, 0, 1);
    assertThat(minus.domainMin()).isEqualTo(-3);
    assertThat(minus.domainMax()).isEqualTo(0);
  }

  @Test
  void tickFormats() {
    assertThat(TickFormat.NUMBER.format(new BigDecimal("1234567.50"))).isEqualTo("1,234,567.5");
    assertThat(TickFormat.NUMBER.format(new BigDecimal("-1000"))).isEqualTo("-1,000");
    assertThat(TickFormat.COMPACT.format(new BigDecimal("1500"))).isEqualTo("1.5k");
    assertThat(TickFormat.COMPACT.format(new BigDecimal("2000000"))).isEqualTo("2M");
    assertThat(TickFormat.COMPACT.format(new BigDecimal("2500000000"))).isEqualTo("2.5B");
    assertThat(TickFormat.COMPACT.format(new BigDecimal("-500"))).isEqualTo("-500");
    assertThat(TickFormat.PERCENT.format(new BigDecimal("0.025"))).isEqualTo("2.5%");
    assertThat(TickFormat.PERCENT.format(BigDecimal.ZERO)).isEqualTo("0%");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> LinearScale.nice(Double.NaN, 1, 5, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min must be finite: NaN");
    assertThatThrownBy(() -> LinearScale.nice(2, 1, 5, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be >= min: 2.0 .. 1.0");
    assertThatThrownBy(() -> LinearScale.nice(0, 1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least 2 ticks are needed: 1");
    assertThatThrownBy(() -> LinearScale.of(1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("domain max must be greater than domain min: 1.0 .. 1.0");
    assertThatThrownBy(() -> LinearScale.of(0, 1, 0, 1).apply(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be finite: Infinity");
  }
}
