package dev.salesmetrics.dashboard;

/**
 * Why a metric's value is undefined, in words for the hover text of a "—": each metric's
 * undefined case from its catalogue definition, for the period (or range) named.
 */
final class Reasons {
  private Reasons() {}

  /**
   * Returns why {@code metricId} has no value in {@code where}.
   *
   * @param metricId the metric id
   * @param where the period or range, e.g. {@code "2025-12"}
   * @param absent true when the table has no cell at all (no record the metric reads fell there)
   */
  static String undefined(String metricId, String where, boolean absent) {
    String base = metricId.contains(".") ? metricId.substring(0, metricId.indexOf('.')) : metricId;
    String why =
        switch (base) {
          case "sales_volume", "average_deal_size", "sales_cycle" -> "no deal won in " + where;
          case "win_rate" -> "no deal closed in " + where;
          case "pipeline_value", "weighted_pipeline" -> "no deal open at the start of " + where;
          case "pipeline_coverage", "quota_attainment" -> "no quota for " + where;
          case "churn_rate", "retention_rate" -> "no customer active at the start of " + where;
          case "nps" -> "no NPS answer in " + where;
          case "revenue" -> "no paid order in " + where;
          case "lead_score", "lead_conversion_rate" -> "no lead created in " + where;
          case "stage_conversion" -> "no deal entered the first stage in " + where;
          default -> absent ? "no record in " + where : "zero denominator in " + where;
        };
    return "undefined: " + why;
  }
}
