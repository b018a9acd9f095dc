package dev.salesmetrics.rule;

import dev.salesmetrics.aggregate.GroupKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Past values per metric and group, keyed by period end, so that a period's predecessor is the
 * entry whose end is the period's start. Keeps the newest {@code depth + 1} periods per group.
 * Not thread safe.
 */
final class History {
  record Entry(Instant start, Instant end, OptionalDouble value) {}

  private final Map<String, Map<GroupKey, TreeMap<Instant, Entry>>> data = new HashMap<>();

  void record(String metricId, GroupKey group, Entry entry, int depth) {
    TreeMap<Instant, Entry> byEnd =
        data.computeIfAbsent(metricId, k -> new HashMap<>())
            .computeIfAbsent(group, k -> new TreeMap<>());
    byEnd.put(entry.end(), entry);
    while (byEnd.size() > depth + 1) {
      byEnd.pollFirstEntry();
    }
  }

  /** The up to {@code n} contiguous periods before the period starting at {@code start}. */
  List<Entry> before(String metricId, GroupKey group, Instant start, int n) {
    List<Entry> out = new ArrayList<>(n);
    Map<GroupKey, TreeMap<Instant, Entry>> byGroup = data.get(metricId);
    TreeMap<Instant, Entry> byEnd = byGroup == null ? null : byGroup.get(group);
    if (byEnd == null) {
      return out;
    }
    Instant cursor = start;
    while (out.size() < n) {
      Entry e = byEnd.get(cursor);
      if (e == null) {
        break;
      }
      out.add(e);
      cursor = e.start();
    }
    return out;
  }

  interface EntryConsumer {
    void accept(String metricId, GroupKey group, Entry entry);
  }

  /** Visits every entry in metric, group and period order. */
  void forEach(EntryConsumer action) {
    new TreeMap<>(data)
        .forEach(
            (metricId, byGroup) ->
                new TreeMap<>(byGroup)
                    .forEach(
                        (group, entries) ->
                            entries.values().forEach(e -> action.accept(metricId, group, e))));
  }

  void clear() {
    data.clear();
  }

  void putAll(History other) {
    other.data.forEach(
        (metric, groups) ->
            groups.forEach(
                (g, entries) ->
                    data.computeIfAbsent(metric, k -> new HashMap<>())
                        .computeIfAbsent(g, k -> new TreeMap<>())
                        .putAll(entries)));
  }
}
