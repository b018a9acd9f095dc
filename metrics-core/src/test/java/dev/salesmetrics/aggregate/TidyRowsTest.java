package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tidy rows, CSV and JSON of a table, including table-valued results that expand. */
class TidyRowsTest {
  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  @Test
  void tableValuedResultsExpandToOneRowPerCell() {
    Deal d1 =
        Deal.builder("D1", "R1", Money.of("100", "USD"), at("2025-01-01"))
            .addStage("lead", at("2025-01-01"))
            .addStage("qualified", at("2025-01-02"))
            .build();
    Deal d2 =
        Deal.builder("D2", "R1", Money.of("100", "USD"), at("2025-01-01"))
            .addStage("lead", at("2025-01-01"))
            .build();
    Order o1 =
        Order.builder("O1", "C1", at("2025-01-05"), Money.of("30.00", "USD"))
            .line("pro", 1, Money.of("30.00", "USD"))
            .build();
    Order o2 =
        Order.builder("O2", "C2", at("2025-01-06"), Money.of("10.00", "USD"))
            .line("starter", 1, Money.of("10.00", "USD"))
            .build();
    MetricTable t =
        Query.of(List.of(d1, d2, o1, o2))
            .metrics(Metrics.STAGE_CONVERSION, Metrics.PRODUCT_REVENUE_SHARE)
            .run();

    assertThat(t.tidyRows())
        .extracting(TidyRow::metric, TidyRow::value, TidyRow::unit)
        .containsExactly(
            tuple("stage_conversion.lead->qualified", "0.5", "ratio"),
            tuple("stage_conversion.qualified->proposal", "0", "ratio"),
            tuple(
                "stage_conversion.proposal->negotiation", "", "ratio"),
            tuple("stage_conversion.negotiation->won", "", "ratio"),
            tuple("stage_conversion.overall", "0", "ratio"),
            tuple("product_revenue_share.pro", "0.75", "ratio"),
            tuple("product_revenue_share.starter", "0.25", "ratio"));
    assertThat(t.toCsv().lines())
        .first()
        .isEqualTo("period_start,period_end,metric,value,unit");
    assertThat(t.toCsv()).contains(",,product_revenue_share.pro,0.75,ratio\n");
    assertThat(t.toJson())
        .startsWith("[\n  {\"period_start\": null, \"period_end\": null,"
            + " \"metric\": \"stage_conversion.lead->qualified\", \"value\": 0.5,"
            + " \"unit\": \"ratio\"},")
        .contains("\"metric\": \"stage_conversion.proposal->negotiation\", \"value\": null,")
        .endsWith("}\n]\n");
  }

  @Test
  void emptyTableIsAnEmptyJsonArray() {
    MetricTable t = Query.of(List.of()).metrics(Metrics.WIN_RATE).run();
    assertThat(t.tidyRows()).isEmpty();
    assertThat(t.toJson()).isEqualTo("[]\n");
  }
}
