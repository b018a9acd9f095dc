package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.metric.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One grouping of the live figures: the dimensions besides the period (none for the overall
 * figures) and the metrics computed in it.
 */
record Scope(ImmutableList<String> dimensions, ImmutableList<Metric<?, ?>> metrics) {

  /** The dimension ids a scope may use. */
  static final ImmutableList<String> DIMENSIONS =
      ImmutableList.of("rep", "team", "region", "product", "campaign", "source", "customer");

  Scope {
    checkNotNull(dimensions, "dimensions");
    checkNotNull(metrics, "metrics");
    for (String d : dimensions) {
      if (!DIMENSIONS.contains(d)) {
        throw new IllegalArgumentException(
            "unknown dimension \"" + d + "\"; expected one of " + String.join(", ", DIMENSIONS));
      }
    }
  }

  /** Merges scopes with the same dimensions (metrics in first-seen order, each id once). */
  static ImmutableList<Scope> merge(List<Scope> scopes) {
    Map<ImmutableList<String>, Map<String, Metric<?, ?>>> byDims = new LinkedHashMap<>();
    for (Scope s : scopes) {
      Map<String, Metric<?, ?>> metrics = byDims.computeIfAbsent(s.dimensions, k -> new LinkedHashMap<>());
      for (Metric<?, ?> m : s.metrics) {
        Metric<?, ?> before = metrics.putIfAbsent(m.id(), m);
        if (before != null && !before.equals(m)) {
          throw new IllegalArgumentException(
              "two different metrics have the id " + m.id() + " in one scope");
        }
      }
    }
    List<Scope> out = new ArrayList<>();
    byDims.forEach(
        (dims, metrics) -> {
          if (!metrics.isEmpty()) {
            out.add(new Scope(dims, ImmutableList.copyOf(metrics.values())));
          }
        });
    return ImmutableList.copyOf(out);
  }

  /** Returns the grouping: the period dimension first, then this scope's dimensions. */
  Dimension[] grouping(Dimension period, RepDirectory reps) {
    Dimension[] out = new Dimension[dimensions.size() + 1];
    out[0] = period;
    for (int i = 0; i < dimensions.size(); i++) {
      out[i + 1] = dimension(dimensions.get(i), reps);
    }
    return out;
  }

  /** Returns the dimension with {@code id}; team and region read the rep directory. */
  static Dimension dimension(String id, RepDirectory reps) {
    return switch (id.toLowerCase(Locale.ROOT)) {
      case "rep" -> Dimension.REP;
      case "product" -> Dimension.PRODUCT;
      case "campaign" -> Dimension.CAMPAIGN;
      case "source" -> Dimension.SOURCE;
      case "customer" -> Dimension.CUSTOMER;
      case "team" -> Dimension.team(reps);
      case "region" -> Dimension.region(reps);
      default ->
          throw new IllegalArgumentException(
              "unknown dimension \"" + id + "\"; expected one of " + String.join(", ", DIMENSIONS));
    };
  }
}
