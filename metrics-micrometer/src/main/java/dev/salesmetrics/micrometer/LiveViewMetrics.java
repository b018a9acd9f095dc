package dev.salesmetrics.micrometer;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.time.Period;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * A Micrometer {@link MeterBinder} that exports every metric of a {@link LiveView}, per group, to
 * any {@link MeterRegistry}: Prometheus, Datadog, CloudWatch, a {@code SimpleMeterRegistry}...
 *
 * <pre>{@code
 * LiveViewMetrics metrics = LiveViewMetrics.builder(live).build();
 * metrics.bindTo(registry);      // registers the meters, from a first snapshot
 * metrics.refresh();             // before each scrape, or on a schedule: a new snapshot
 * }</pre>
 *
 * <p><b>Meters.</b> A metric with id {@code win_rate} is exported under the name {@code
 * salesmetrics.win.rate} (the {@link Builder#prefix prefix}, then the id with {@code _} as {@code
 * .}), one row per group, tagged with the view's grouping dimensions ({@code rep="R07"}) and, when
 * the view groups by period, {@code period} (the period's label). By value type:
 *
 * <ul>
 *   <li>a ratio: a {@link MultiGauge} row, the fraction, base unit {@code ratio} (Prometheus: {@code
 *       salesmetrics_win_rate_ratio});
 *   <li>money: a gauge row in major units, tagged {@code currency="USD"}, base unit the currency
 *       code ({@code salesmetrics_sales_volume_usd}); money per day has base unit {@code
 *       usd.per.day}; money statistics (average deal size) add a {@code statistic} tag ({@code
 *       mean}, {@code sum}, {@code min}, {@code max}) and a {@code .samples} counter;
 *   <li>durations: a {@link TimeGauge} per row and {@code statistic} ({@code mean}, {@code median},
 *       {@code p90}), which the registry shows in its time unit ({@code
 *       salesmetrics_sales_cycle_seconds}), and a {@code .samples} counter;
 *   <li>a count of the metric catalogue (deals won, orders, units sold...): a {@link
 *       FunctionCounter} per row ({@code salesmetrics_deals_won_total}). Counters are right for
 *       them because a live view only ever adds events, and each of these counts counts or sums
 *       positive contributions of single events, so within one group and period the count never
 *       goes down; a new period is a new row. A count of a metric outside the catalogue may go
 *       down, so it is a gauge;
 *   <li>a score or another number: a gauge row;
 *   <li>tables: product shares a ratio row per {@code part}, a stage funnel per {@code step}
 *       ({@code lead->qualified}, ..., {@code overall}), cohort retention per {@code cohort} and
 *       {@code k}.
 * </ul>
 *
 * <p><b>Undefined values are absent</b>, never 0 or NaN: a row whose value is undefined (a win
 * rate with no closed deal, money with no amount) is not registered, or is removed while it is
 * undefined. Rows of groups that vanish (a period no longer kept, the latest period moving on) are
 * removed at the next refresh.
 *
 * <p><b>Periods.</b> For a view grouped by period, only the latest period of the snapshot (the one
 * with the latest start) is exported, unless {@link Builder#allPeriods()}: the figures of "now",
 * with the period's label as a tag so that a new period starts new series.
 *
 * <p><b>Cardinality guard.</b> At most {@link Builder#maxGroupsPerMetric} groups are exported per
 * metric (default 1,000); groups already exported keep their place, new ones are taken in the
 * table's order, and the rest are left out, counted in {@link #omittedGroups()} and logged once
 * per metric through {@link System.Logger}. It complements Micrometer's own {@code
 * MeterFilter.maximumAllowableTags(prefix, tagKey, max, onMaxReached)}, which a registry applies
 * per tag key and which denies the meters past the limit, after they were built.
 *
 * <p><b>Refresh.</b> Meters read the values of the latest {@link #refresh()}, which takes one
 * snapshot of the view for all metrics (a consistent picture, at the cost of one snapshot), adds
 * and removes rows, and updates the values. {@link #bindTo} refreshes once. Call {@code refresh()}
 * before each scrape (a Prometheus endpoint), or on a schedule for push registries.
 *
 * <p>Bind the same instance to several registries if you like; meters of two views must not share
 * names with different tag keys (Prometheus refuses that): give a second view another {@link
 * Builder#prefix prefix}. Thread safe: {@code refresh()} and {@code bindTo} run one at a time;
 * meters read their values without locking.
 */
public final class LiveViewMetrics implements MeterBinder {
  private static final Set<String> RESERVED =
      Set.of("period", "currency", "statistic", "part", "step", "cohort", "k");

  private final Supplier<MetricTable> snapshots;
  private final String source;
  private final Samples samples;
  private final Tags commonTags;
  private final int maxGroups;
  private final boolean allPeriods;
  private final System.Logger logger;

  @GuardedBy("this")
  private final List<Binding> bindings = new ArrayList<>();

  /** The value holder of each exported row, by family and tags. */
  @GuardedBy("this")
  private Map<Family, Map<Tags, Cell>> cells = new LinkedHashMap<>();

  /** The groups exported per metric at the last refresh. */
  @GuardedBy("this")
  private Map<String, Set<RowKey>> exported = new HashMap<>();

  @GuardedBy("this")
  private final Set<String> warned = new HashSet<>();

  @GuardedBy("this")
  private long omitted;

  private LiveViewMetrics(Builder b) {
    this.snapshots = b.snapshots;
    this.source = b.source;
    this.samples = new Samples(b.prefix);
    this.commonTags = b.tags;
    this.maxGroups = b.maxGroups;
    this.allPeriods = b.allPeriods;
    this.logger = b.logger;
  }

  /**
   * Starts the definition of a binder over {@code view}.
   *
   * @param view the live view to export
   * @return a builder
   */
  public static Builder builder(LiveView view) {
    checkNotNull(view, "view");
    return new Builder(view::snapshot, view.toString());
  }

  /**
   * Starts the definition of a binder over any source of tables, such as the latest figures of
   * a live dashboard (whose live views are rebuilt when a record is replaced). Each {@link
   * #refresh()} takes one table from {@code snapshots} and exports it as the snapshot of a view.
   *
   * @param snapshots gives the table to export, grouped like a live view's (by dimensions, by
   *     period or both); called under this binder's lock, once per refresh
   * @return a builder
   */
  public static Builder builder(Supplier<MetricTable> snapshots) {
    return new Builder(checkNotNull(snapshots, "snapshots"), "tables");
  }

  /**
   * Registers this view's meters with {@code registry}, from a first {@link #refresh()}.
   *
   * @param registry the registry
   */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    checkNotNull(registry, "registry");
    for (Binding b : bindings) {
      if (b.registry == registry) {
        return;
      }
    }
    bindings.add(new Binding(registry));
    refresh();
  }

  /**
   * Takes a snapshot of the view and brings every bound registry up to date: new groups get rows,
   * vanished or undefined ones lose theirs, and values change.
   *
   * @throws ArithmeticException or another exception of {@link LiveView#snapshot()} (or of the
   *     supplier); the meters then keep the previous values
   */
  public synchronized void refresh() {
    MetricTable table = checkNotNull(snapshots.get(), "the snapshot supplier gave null");
    List<MetricTable.Row> rows = rowsToExport(table);
    // one pass to learn each metric's groups, in table order, keeping the exported ones first
    Map<String, Set<RowKey>> chosen = choose(rows);
    Map<Family, Map<Tags, Double>> values = new LinkedHashMap<>();
    for (MetricTable.Row row : rows) {
      RowKey key = new RowKey(row.key(), row.period().orElse(null));
      Tags tags = tags(table, row);
      for (Map.Entry<String, MetricValue> e : row.values().entrySet()) {
        Set<RowKey> allowed = chosen.get(e.getKey());
        if (allowed == null || !allowed.contains(key)) {
          continue;
        }
        samples.expand(
            e.getKey(),
            e.getValue(),
            tags,
            s -> values.computeIfAbsent(s.family(), f -> new LinkedHashMap<>())
                .put(s.tags(), s.value()));
      }
    }
    Map<Family, Map<Tags, Cell>> next = new LinkedHashMap<>();
    for (Map.Entry<Family, Map<Tags, Double>> f : values.entrySet()) {
      Map<Tags, Cell> old = cells.getOrDefault(f.getKey(), Map.of());
      Map<Tags, Cell> now = new LinkedHashMap<>();
      for (Map.Entry<Tags, Double> v : f.getValue().entrySet()) {
        Cell c = old.get(v.getKey());
        if (c == null) {
          c = new Cell(v.getValue());
        } else {
          c.set(v.getValue());
        }
        now.put(v.getKey(), c);
      }
      next.put(f.getKey(), now);
    }
    for (Family gone : cells.keySet()) {
      next.putIfAbsent(gone, Map.of());
    }
    cells = next;
    exported = chosen;
    for (Binding b : bindings) {
      b.update(next);
    }
    // families left with no rows are forgotten once every registry has dropped them
    cells.values().removeIf(Map::isEmpty);
  }

  /**
   * Returns how many (metric, group) rows the cardinality guard left out at the last refresh.
   *
   * @return the count, 0 when every group is exported
   */
  public synchronized long omittedGroups() {
    return omitted;
  }

  @GuardedBy("this")
  private ImmutableList<MetricTable.Row> rowsToExport(MetricTable table) {
    if (!table.hasPeriods() || allPeriods) {
      return table.rows();
    }
    Period latest = null;
    for (MetricTable.Row r : table.rows()) {
      Period p = r.period().orElseThrow();
      if (latest == null || p.start().isAfter(latest.start())) {
        latest = p;
      }
    }
    ImmutableList.Builder<MetricTable.Row> out = ImmutableList.builder();
    for (MetricTable.Row r : table.rows()) {
      if (r.period().orElseThrow().equals(latest)) {
        out.add(r);
      }
    }
    return out.build();
  }

  @GuardedBy("this")
  private Map<String, Set<RowKey>> choose(List<MetricTable.Row> rows) {
    Map<String, Set<RowKey>> chosen = new HashMap<>();
    Map<String, List<RowKey>> candidates = new LinkedHashMap<>();
    for (MetricTable.Row row : rows) {
      RowKey key = new RowKey(row.key(), row.period().orElse(null));
      for (String id : row.values().keySet()) {
        candidates.computeIfAbsent(id, k -> new ArrayList<>()).add(key);
      }
    }
    omitted = 0;
    for (Map.Entry<String, List<RowKey>> c : candidates.entrySet()) {
      Set<RowKey> before = exported.getOrDefault(c.getKey(), Set.of());
      Set<RowKey> keep = new LinkedHashSet<>();
      for (RowKey k : c.getValue()) {
        if (keep.size() < maxGroups && before.contains(k)) {
          keep.add(k);
        }
      }
      for (RowKey k : c.getValue()) {
        if (keep.size() < maxGroups) {
          keep.add(k);
        }
      }
      int left = c.getValue().size() - keep.size();
      if (left > 0) {
        omitted += left;
        if (warned.add(c.getKey())) {
          logger.log(
              Level.WARNING,
              "metric " + c.getKey() + " has " + c.getValue().size() + " groups, more than the"
                  + " maximum of " + maxGroups + " exported per metric; " + left
                  + " are left out (LiveViewMetrics.omittedGroups())");
        }
      }
      chosen.put(c.getKey(), keep);
    }
    return chosen;
  }

  private Tags tags(MetricTable table, MetricTable.Row row) {
    Tags t = commonTags;
    for (String d : table.dimensionIds()) {
      String name = RESERVED.contains(d) ? "dimension." + d : d;
      t = t.and(name, row.key().get(d).orElse(Dimension.NONE));
    }
    Optional<Period> p = row.period();
    if (p.isPresent()) {
      t = t.and("period", p.get().label());
    }
    return t;
  }

  /**
   * Formats as the view and the number of bound registries.
   *
   * @return e.g. {@code "LiveViewMetrics[LiveView[8 stripes], 1 registry]"}
   */
  @Override
  public synchronized String toString() {
    return "LiveViewMetrics[" + source + ", " + bindings.size()
        + (bindings.size() == 1 ? " registry]" : " registries]");
  }

  private record RowKey(GroupKey group, @Nullable Period period) {}

  /** The meters of one registry. */
  private static final class Binding {
    final MeterRegistry registry;
    final Map<Family, MultiGauge> gauges = new HashMap<>();
    final Map<Family, Map<Tags, Meter>> meters = new HashMap<>();

    Binding(MeterRegistry registry) {
      this.registry = registry;
    }

    void update(Map<Family, Map<Tags, Cell>> all) {
      for (Map.Entry<Family, Map<Tags, Cell>> f : all.entrySet()) {
        Family family = f.getKey();
        if (family.kind() == Family.Kind.GAUGE) {
          MultiGauge g = gauges.get(family);
          if (g == null) {
            if (f.getValue().isEmpty()) {
              continue;
            }
            g = MultiGauge.builder(family.name())
                .description(family.description())
                .baseUnit(family.baseUnit())
                .register(registry);
            gauges.put(family, g);
          }
          List<MultiGauge.Row<?>> rows = new ArrayList<>();
          for (Map.Entry<Tags, Cell> c : f.getValue().entrySet()) {
            rows.add(MultiGauge.Row.of(c.getKey(), c.getValue(), Cell::get));
          }
          g.register(rows, false);
          if (rows.isEmpty()) {
            gauges.remove(family);
          }
          continue;
        }
        Map<Tags, Meter> old = meters.getOrDefault(family, Map.of());
        Map<Tags, Meter> now = new HashMap<>();
        for (Map.Entry<Tags, Cell> c : f.getValue().entrySet()) {
          Meter m = old.get(c.getKey());
          if (m == null) {
            m = register(family, c.getKey(), c.getValue());
          }
          now.put(c.getKey(), m);
        }
        for (Map.Entry<Tags, Meter> o : old.entrySet()) {
          if (!now.containsKey(o.getKey())) {
            registry.remove(o.getValue());
          }
        }
        if (now.isEmpty()) {
          meters.remove(family);
        } else {
          meters.put(family, now);
        }
      }
    }

    private Meter register(Family family, Tags tags, Cell cell) {
      if (family.kind() == Family.Kind.COUNTER) {
        return FunctionCounter.builder(family.name(), cell, Cell::get)
            .description(family.description())
            .baseUnit(family.baseUnit())
            .tags(tags)
            .register(registry);
      }
      return TimeGauge.builder(family.name(), cell, TimeUnit.SECONDS, Cell::get)
          .description(family.description())
          .tags(tags)
          .register(registry);
    }
  }

  /** Defines a {@link LiveViewMetrics}. Every setter checks its argument at once. */
  public static final class Builder {
    private final Supplier<MetricTable> snapshots;
    private final String source;
    private String prefix = "salesmetrics";
    private Tags tags = Tags.empty();
    private int maxGroups = 1_000;
    private boolean allPeriods;
    private System.Logger logger = System.getLogger(LiveViewMetrics.class.getName());

    private Builder(Supplier<MetricTable> snapshots, String source) {
      this.snapshots = snapshots;
      this.source = source;
    }

    /**
     * Sets the first part of every meter name.
     *
     * @param prefix lowercase dot-separated words ({@code salesmetrics}, {@code sales.team}), or
     *     empty for none; default {@code salesmetrics}
     * @return this builder
     * @throws IllegalArgumentException if it is not lowercase words of letters and digits
     *     separated by single dots
     */
    @CanIgnoreReturnValue
    public Builder prefix(String prefix) {
      this.prefix = Family.checkPrefix(prefix);
      return this;
    }

    /**
     * Adds tags to every meter, such as {@code application} or {@code view}.
     *
     * @param tags the tags
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder tags(Iterable<Tag> tags) {
      this.tags = this.tags.and(checkNotNull(tags, "tags"));
      return this;
    }

    /**
     * Sets the most groups exported per metric (the cardinality guard).
     *
     * @param max at least 1; default 1,000
     * @return this builder
     * @throws IllegalArgumentException if {@code max < 1}
     */
    @CanIgnoreReturnValue
    public Builder maxGroupsPerMetric(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max groups per metric must be >= 1: " + max);
      }
      this.maxGroups = max;
      return this;
    }

    /**
     * Exports every period of a view grouped by period, not only the latest.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder allPeriods() {
      this.allPeriods = true;
      return this;
    }

    /**
     * Sets where the cardinality guard logs.
     *
     * @param logger the logger; default {@code System.getLogger(LiveViewMetrics.class.getName())}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder logger(System.Logger logger) {
      this.logger = checkNotNull(logger, "logger");
      return this;
    }

    /**
     * Builds the binder; nothing is registered until {@link LiveViewMetrics#bindTo}.
     *
     * @return the binder
     */
    public LiveViewMetrics build() {
      return new LiveViewMetrics(this);
    }
  }
}
