package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * One row of the tidy form of a {@link MetricTable}: {@code period_start, period_end, <one value
 * per dimension>, metric, value, unit}, as {@link MetricTable#toCsv()} and {@link
 * MetricTable#toJson()} write it.
 *
 * <p>{@code value} is a plain decimal (ratios as fractions, money in major units, counts as
 * integers, durations in days) or empty when undefined; never NaN. Immutable.
 *
 * @param periodStart the first local date of the period, or empty without a period
 * @param periodEnd the exclusive last local date of the period, or empty without a period
 * @param dimensions the dimension values, in the order of {@link MetricTable#dimensionIds()}
 * @param metric the metric id, with a suffix for values that expand to several rows (e.g.
 *     {@code sales_cycle.p90}, {@code product_revenue_share.pro})
 * @param value the number, or empty when undefined
 * @param unit {@code ratio}, {@code count}, {@code days}, a currency code, {@code <currency>/day},
 *     or the unit's {@link dev.salesmetrics.metric.MetricUnit#csvName()}
 */
public record TidyRow(
    String periodStart,
    String periodEnd,
    ImmutableList<String> dimensions,
    String metric,
    String value,
    String unit) {

  /**
   * Checks for nulls.
   *
   * @param periodStart the first date of the period, or empty
   * @param periodEnd the exclusive last date of the period, or empty
   * @param dimensions the dimension values
   * @param metric the metric id
   * @param value the number, or empty
   * @param unit the unit
   */
  public TidyRow {
    checkNotNull(periodStart, "periodStart");
    checkNotNull(periodEnd, "periodEnd");
    checkNotNull(dimensions, "dimensions");
    checkNotNull(metric, "metric");
    checkNotNull(value, "value");
    checkNotNull(unit, "unit");
  }

  /**
   * Returns the column names of the tidy form for these grouping dimensions: the header of
   * {@link MetricTable#toCsv()} and the keys of {@link MetricTable#toJson()}.
   *
   * @param dimensionIds the ids of the grouping dimensions other than the period, in order
   * @return {@code period_start, period_end, <dimension ids>, metric, value, unit}
   */
  public static ImmutableList<String> header(Iterable<String> dimensionIds) {
    return ImmutableList.<String>builder()
        .add("period_start", "period_end")
        .addAll(checkNotNull(dimensionIds, "dimensionIds"))
        .add("metric", "value", "unit")
        .build();
  }
}
