package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.model.SalesRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every result of the catalogue survives the byte form exactly. */
class ValueCodecTest {
  @Test
  void everyCatalogueResultRoundTrips() {
    Dataset d = SampleData.generate(SampleData.DEFAULT_SEED);
    List<SalesRecord> all = new ArrayList<>();
    all.addAll(d.reps());
    all.addAll(d.quotas());
    all.addAll(d.leads());
    all.addAll(d.deals());
    all.addAll(d.orders());
    all.addAll(d.customers());
    all.addAll(d.campaigns());
    all.addAll(d.responses());
    MetricTable t =
        Query.of(all)
            .groupBy(Dimension.month(ZoneId.of("Europe/Paris")))
            .metrics(Metrics.all())
            .periods(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 1))
            .run();
    int values = 0;
    for (MetricTable.Row row : t.rows()) {
      for (MetricValue v : row.values().values()) {
        assertThat(ValueCodec.decode(ValueCodec.encode(v))).isEqualTo(v);
        values++;
      }
    }
    assertThat(values).isGreaterThan(100);
  }

  @Test
  void handWrittenValuesAndEmptyOnes() {
    for (MetricValue v :
        List.of(Ratio.of(2, 3), Ratio.empty(), Count.of(0), Amount.empty(),
            Amount.undefined(4), MoneyStats.empty(), DurationStats.empty(), Score.empty(),
            Score.undefined(3), Score.of(-12.5, 7), Shares.empty(), CohortTable.empty(),
            Ratio.ofMoney(1_340_000, 9_600_000, Currency.getInstance("USD")),
            Ratio.ofMoney(0, 0, Currency.getInstance("JPY")))) {
      assertThat(ValueCodec.decode(ValueCodec.encode(v))).isEqualTo(v);
    }
  }

  @Test
  void aMoneyRatioKeepsItsCurrency() {
    // quota attainment of 13,400.00 over 96,000.00 USD: 14.0%, printed as money
    Ratio attainment = Ratio.ofMoney(1_340_000, 9_600_000, Currency.getInstance("USD"));
    Ratio back = (Ratio) ValueCodec.decode(ValueCodec.encode(attainment));
    assertThat(back.currency()).isEqualTo(Currency.getInstance("USD"));
    assertThat(back.toString()).isEqualTo(attainment.toString());
    assertThat(((Ratio) ValueCodec.decode(ValueCodec.encode(Ratio.of(2, 3)))).currency()).isNull();
  }

  @Test
  void refusesOtherVersionsAndCutBytes() {
    byte[] b = ValueCodec.encode(Ratio.of(1, 2));
    byte[] other = b.clone();
    other[0] = 9;
    assertThatThrownBy(() -> ValueCodec.decode(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric value bytes of version 9, this reader reads version 1");
    assertThatThrownBy(() -> ValueCodec.decode(java.util.Arrays.copyOf(b, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric value bytes are cut short");
  }
}
