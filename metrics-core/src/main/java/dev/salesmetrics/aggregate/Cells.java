package dev.salesmetrics.aggregate;

import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The accumulators of one pass (one thread, one chunk, one live stripe): one array of metric
 * accumulators per group and period. Group keys are interned to dense ints through a trie of the
 * dimension values, periods to dense ints through a {@link PeriodLookup}, so the hot path does
 * hash lookups on strings the records already hold and allocates only for a new group. Not thread
 * safe.
 */
final class Cells {
  /** A group and its period (null without a period dimension). */
  record RowKey(GroupKey key, @Nullable Period period) {}

  private final Plan plan;
  private final int metricCount;
  private final Class<?>[] recordTypes;
  private final boolean[] spanning;
  private final Window baseWindow;
  @Nullable private final PeriodLookup lookup;
  private final int[] rangeIds;
  private final List<Window> windows = new ArrayList<>();
  private final Map<String, Object> trie = new HashMap<>();
  private final List<GroupKey> keys = new ArrayList<>();
  private final List<MetricAccumulator<?, ?>[][]> rows = new ArrayList<>();
  private final String[] values;

  Cells(Plan plan) {
    this.plan = plan;
    this.metricCount = plan.metrics.size();
    this.recordTypes = new Class<?>[metricCount];
    this.spanning = new boolean[metricCount];
    for (int i = 0; i < metricCount; i++) {
      recordTypes[i] = plan.metrics.get(i).recordType();
      spanning[i] = plan.metrics.get(i).placement().isSpanning();
    }
    this.baseWindow = new Window(plan.during, plan.asOf);
    this.values = new String[plan.dimensions.size()];
    if (plan.periodDimension == null) {
      lookup = null;
      rangeIds = new int[0];
    } else if (plan.range != null) {
      lookup = new PeriodLookup(plan.periodDimension, plan.range);
      rangeIds = new int[plan.range.size()];
      for (int i = 0; i < rangeIds.length; i++) {
        rangeIds[i] = i;
      }
    } else {
      lookup = new PeriodLookup(plan.periodDimension);
      rangeIds = new int[0];
    }
    if (plan.dimensions.isEmpty()) {
      keys.add(GroupKey.overall());
    }
  }

  /** Adds one record to every metric that reads it. */
  void add(SalesRecord input) {
    SalesRecord record = input;
    if (plan.asOf != null) {
      Optional<? extends SalesRecord> known = record.asOf(plan.asOf);
      if (known.isEmpty()) {
        return;
      }
      record = known.get();
    }
    if (!plan.filter.test(record)) {
      return;
    }
    if (plan.splitProducts && record instanceof Order order && order.lines().size() > 1) {
      for (Order part : productParts(order)) {
        addPart(part);
      }
    } else {
      addPart(record);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void addPart(SalesRecord part) {
    int group = -1;
    for (int m = 0; m < metricCount; m++) {
      if (!recordTypes[m].isInstance(part)) {
        continue;
      }
      if (group < 0) {
        group = groupOf(part);
      }
      if (lookup == null) {
        ((MetricAccumulator) accumulator(group, 0, m)).add(part);
      } else if (spanning[m]) {
        for (int id : rangeIds) {
          ((MetricAccumulator) accumulator(group, id, m)).add(part);
        }
      } else {
        Optional<Instant> at = ((Metric) plan.metrics.get(m)).placement().instant(part);
        if (at.isEmpty()) {
          continue;
        }
        int id = lookup.indexOf(at.get());
        if (id >= 0) {
          ((MetricAccumulator) accumulator(group, id, m)).add(part);
        }
      }
    }
  }

  private int groupOf(SalesRecord part) {
    int d = values.length;
    if (d == 0) {
      return 0;
    }
    for (int i = 0; i < d; i++) {
      values[i] = plan.dimensions.get(i).valueOf(part);
    }
    Map<String, Object> node = trie;
    for (int i = 0; i < d; i++) {
      Object next = node.get(values[i]);
      if (next == null) {
        return newGroup(node, i);
      }
      if (i == d - 1) {
        return (Integer) next;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> child = (Map<String, Object>) next;
      node = child;
    }
    throw new AssertionError("unreachable");
  }

  private int newGroup(Map<String, Object> from, int depth) {
    int d = values.length;
    Map<String, Object> node = from;
    for (int i = depth; i < d - 1; i++) {
      Map<String, Object> child = new HashMap<>();
      node.put(values[i], child);
      node = child;
    }
    int id = keys.size();
    node.put(values[d - 1], id);
    Map<String, String> key = new LinkedHashMap<>();
    for (int i = 0; i < d; i++) {
      key.put(plan.dimensions.get(i).id(), values[i]);
    }
    keys.add(GroupKey.of(key));
    return id;
  }

  private MetricAccumulator<?, ?> accumulator(int group, int period, int metric) {
    while (rows.size() <= group) {
      rows.add(new MetricAccumulator<?, ?>[4][]);
    }
    MetricAccumulator<?, ?>[][] row = rows.get(group);
    if (period >= row.length) {
      row = Arrays.copyOf(row, Math.max(period + 1, row.length * 2));
      rows.set(group, row);
    }
    MetricAccumulator<?, ?>[] cell = row[period];
    if (cell == null) {
      cell = new MetricAccumulator<?, ?>[metricCount];
      row[period] = cell;
    }
    MetricAccumulator<?, ?> acc = cell[metric];
    if (acc == null) {
      acc = plan.metrics.get(metric).accumulator(window(period));
      cell[metric] = acc;
    }
    return acc;
  }

  private Window window(int period) {
    if (lookup == null) {
      return baseWindow;
    }
    while (windows.size() <= period) {
      windows.add(new Window(lookup.period(windows.size()), plan.asOf));
    }
    return windows.get(period);
  }

  /** Returns the cells by group and period; this object must not be used afterwards. */
  Map<RowKey, MetricAccumulator<?, ?>[]> drain() {
    Map<RowKey, MetricAccumulator<?, ?>[]> out = new HashMap<>();
    for (int g = 0; g < rows.size(); g++) {
      MetricAccumulator<?, ?>[][] row = rows.get(g);
      for (int p = 0; p < row.length; p++) {
        if (row[p] != null) {
          Period period = lookup == null ? null : lookup.period(p);
          out.put(new RowKey(keys.get(g), period), row[p]);
        }
      }
    }
    return out;
  }

  /** Returns fresh copies of the cells' accumulators; this object stays unchanged. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Map<RowKey, MetricAccumulator<?, ?>[]> copy() {
    Map<RowKey, MetricAccumulator<?, ?>[]> out = new HashMap<>();
    for (int g = 0; g < rows.size(); g++) {
      MetricAccumulator<?, ?>[][] row = rows.get(g);
      for (int p = 0; p < row.length; p++) {
        if (row[p] == null) {
          continue;
        }
        MetricAccumulator<?, ?>[] cell = new MetricAccumulator<?, ?>[metricCount];
        for (int m = 0; m < metricCount; m++) {
          if (row[p][m] != null) {
            MetricAccumulator fresh = plan.metrics.get(m).accumulator(window(p));
            fresh.merge(row[p][m]);
            cell[m] = fresh;
          }
        }
        Period period = lookup == null ? null : lookup.period(p);
        out.put(new RowKey(keys.get(g), period), cell);
      }
    }
    return out;
  }

  /** Returns the per-product parts of an order with lines of several products. */
  static List<Order> productParts(Order order) {
    Map<String, List<OrderLine>> byProduct = new LinkedHashMap<>();
    for (OrderLine line : order.lines()) {
      byProduct.computeIfAbsent(line.product(), k -> new ArrayList<>()).add(line);
    }
    if (byProduct.size() == 1) {
      return List.of(order);
    }
    List<Order> parts = new ArrayList<>(byProduct.size());
    for (List<OrderLine> lines : byProduct.values()) {
      Money amount = Money.zero(order.amount().currency());
      for (OrderLine line : lines) {
        amount = amount.plus(line.amount());
      }
      parts.add(
          new Order(
              order.id(),
              order.customerId(),
              order.placedAt(),
              amount,
              order.status(),
              order.repId(),
              lines));
    }
    return parts;
  }
}
