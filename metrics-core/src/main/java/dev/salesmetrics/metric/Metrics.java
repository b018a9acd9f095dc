package dev.salesmetrics.metric;

import com.google.common.collect.ImmutableList;

/**
 * The built-in metric catalogue of DESIGN.md: every metric as a constant, with factories for
 * those that take parameters, and lookup by id.
 *
 * <pre>{@code
 * Metrics.WIN_RATE.compute(deals, Window.of(march));
 * Metrics.byId("win_rate");
 * Metrics.all();
 * }</pre>
 *
 * <p>Every metric here is immutable and thread safe. See {@code docs/METRICS.md} for the exact
 * definitions with worked examples.
 */
public final class Metrics {
  private Metrics() {}

  // ---- deals: begin -----------------------------------------------------------------------

  private static final ImmutableList<Metric<?, ?>> DEAL_METRICS = ImmutableList.of();

  // ---- deals: end -------------------------------------------------------------------------



  // ---- leads, marketing, sentiment, products: begin ---------------------------------------

  private static final ImmutableList<Metric<?, ?>> LEAD_METRICS = ImmutableList.of();

  // ---- leads, marketing, sentiment, products: end -----------------------------------------



  // ---- orders and customers: begin --------------------------------------------------------

  private static final ImmutableList<Metric<?, ?>> ORDER_METRICS = ImmutableList.of();

  // ---- orders and customers: end ----------------------------------------------------------



  private static final MetricRegistry REGISTRY =
      MetricRegistry.of(
          ImmutableList.<Metric<?, ?>>builder()
              .addAll(LEAD_METRICS)
              .addAll(DEAL_METRICS)
              .addAll(ORDER_METRICS)
              .build());

  /**
   * Returns the registry of every built-in metric, to extend with custom ones via {@link
   * MetricRegistry#with}.
   *
   * @return the built-in registry
   */
  public static MetricRegistry registry() {
    return REGISTRY;
  }

  /**
   * Returns the built-in metric with {@code id}, with its default parameters.
   *
   * @param id e.g. {@code "win_rate"} or {@code "win_rate.all_created"}
   * @return the metric
   * @throws IllegalArgumentException if no built-in metric has that id
   */
  public static Metric<?, ?> byId(String id) {
    return REGISTRY.byId(id);
  }

  /**
   * Returns every built-in metric, in catalogue order.
   *
   * @return the metrics
   */
  public static ImmutableList<Metric<?, ?>> all() {
    return REGISTRY.all();
  }
}
