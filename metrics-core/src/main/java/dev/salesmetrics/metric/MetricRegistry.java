package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable set of metrics by id: the built-in catalogue ({@link Metrics#registry()}) plus any
 * custom metrics a team adds with {@link #with}. Tools and the command line find metrics here.
 */
public final class MetricRegistry {
  private final ImmutableMap<String, Metric<?, ?>> byId;

  private MetricRegistry(ImmutableMap<String, Metric<?, ?>> byId) {
    this.byId = byId;
  }

  /**
   * Returns a registry of {@code metrics}, in the given order.
   *
   * @param metrics metrics with distinct ids
   * @return the registry
   * @throws IllegalArgumentException if two metrics share an id
   */
  public static MetricRegistry of(Iterable<? extends Metric<?, ?>> metrics) {
    Map<String, Metric<?, ?>> map = new LinkedHashMap<>();
    for (Metric<?, ?> m : metrics) {
      checkNotNull(m, "metric");
      if (map.putIfAbsent(m.id(), m) != null) {
        throw new IllegalArgumentException("metric id is registered twice: " + m.id());
      }
    }
    return new MetricRegistry(ImmutableMap.copyOf(map));
  }

  /**
   * Returns a registry with this one's metrics and {@code more}.
   *
   * @param more custom metrics whose ids are not yet registered
   * @return a new registry
   * @throws IllegalArgumentException if an id is already registered
   */
  public MetricRegistry with(Metric<?, ?>... more) {
    return of(ImmutableList.<Metric<?, ?>>builder().addAll(byId.values()).add(more).build());
  }

  /**
   * Returns the metric with {@code id}.
   *
   * @param id e.g. {@code "win_rate"}
   * @return the metric
   * @throws IllegalArgumentException if no metric has that id; the message lists the ids that
   *     start the same way
   */
  public Metric<?, ?> byId(String id) {
    checkNotNull(id, "id");
    Metric<?, ?> m = byId.get(id);
    if (m == null) {
      String prefix = id.length() > 3 ? id.substring(0, 3) : id;
      String near =
          byId.keySet().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "unknown metric id: \"" + id + "\"" + (near.isEmpty() ? "" : " (did you mean: " + near + ")"));
    }
    return m;
  }

  /**
   * Looks up the metric with {@code id}.
   *
   * @param id e.g. {@code "win_rate"}
   * @return the metric, or empty
   */
  public Optional<Metric<?, ?>> find(String id) {
    return Optional.ofNullable(byId.get(checkNotNull(id, "id")));
  }

  /**
   * Returns every metric, in registration order.
   *
   * @return the metrics
   */
  public ImmutableList<Metric<?, ?>> all() {
    return byId.values().asList();
  }

  /**
   * Formats as the number of metrics.
   *
   * @return e.g. {@code "MetricRegistry[43 metrics]"}
   */
  @Override
  public String toString() {
    return "MetricRegistry[" + byId.size() + " metrics]";
  }
}
