package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every id of the catalogue (docs/METRICS.md) and the required variants: registered, documented. */
class CatalogueTest {
  static final List<String> DESIGN_IDS =
      List.of(
          "leads_created", "lead_contact_completeness", "lead_score", "lead_conversion_rate",
          "lead_time_to_convert", "lead_time_to_first_contact", "deals_won", "sales_volume",
          "win_rate", "average_deal_size", "sales_cycle", "pipeline_value", "weighted_pipeline",
          "pipeline_coverage", "sales_velocity", "stage_conversion", "quota_attainment",
          "rep_ramp_time", "revenue", "orders", "average_order_value", "revenue_growth",
          "revenue_per_buyer", "arpu", "purchase_frequency", "repeat_purchase_rate",
          "historic_clv", "simple_clv", "new_customers", "activation_rate", "churn_rate",
          "retention_rate", "customer_acquisition_cost", "cost_per_lead", "campaign_roi", "nps",
          "csat", "cohort_retention", "units_sold", "product_revenue_share",
          // variants
          "win_rate.all_created", "churn_rate.with_new", "pipeline_coverage.remaining_quota");

  @Test
  void everyCatalogueIdIsRegisteredWithADescription() {
    for (String id : DESIGN_IDS) {
      Metric<?, ?> m = Metrics.byId(id);
      assertThat(m.id()).isEqualTo(id);
      assertThat(m.description()).as(id).isNotBlank();
      assertThat(m.placement()).as(id).isNotNull();
    }
    assertThat(Metrics.all().stream().map(Metric::id).collect(Collectors.toList()))
        .containsAll(DESIGN_IDS)
        .doesNotHaveDuplicates();
  }

  @Test
  void everyRegisteredMetricIsDocumentedInMetricsMd() throws IOException {
    Path doc = findUp(Path.of("docs", "METRICS.md"));
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    for (Metric<?, ?> m : Metrics.all()) {
      assertThat(text).as("docs/METRICS.md mentions " + m.id()).contains("`" + m.id() + "`");
    }
  }

  private static Path findUp(Path relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find " + relative + " above the working directory");
  }
}
