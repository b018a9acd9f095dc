package dev.salesmetrics.micrometer;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.AlertListener;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Severity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of each alert as a gauge, so that a dashboard can show it: an {@link AlertListener} to
 * add to a {@code RuleEngine}, and a {@link MeterBinder} to bind to any number of registries.
 *
 * <pre>{@code
 * AlertStateMetrics states = AlertStateMetrics.builder().build();
 * states.bindTo(registry);
 * RuleEngine engine = RuleEngine.builder().rules(rules).listener(states).build();
 * }</pre>
 *
 * <p>One {@link MultiGauge} named {@code salesmetrics.alert.state} (the {@link Builder#prefix
 * prefix}, then {@code alert.state}) with a row per rule and group, tagged {@code rule}, {@code
 * metric} and {@code group} ({@code rep=R07}, {@code rep=R07,product=Pro}, or {@code overall}:
 * one tag, so that rules over different dimensions share one set of tag keys). The value is
 * {@value #INACTIVE} inactive or resolved, {@value #PENDING} pending, {@value #WARNING} firing at
 * warning, {@value #CRITICAL} firing at critical; an alert that keeps firing while recovering
 * keeps its level's value. A row appears at the group's first transition and is removed when the
 * engine forgets the group (it resolves or goes inactive because the group vanished).
 *
 * <p>The gauge shows the transitions this listener has heard: add it to the engine before the
 * first evaluation. After a {@code restoreState}, alerts show from their next transition, or at
 * once for those given to {@link #restore}. At most
 * {@link Builder#maxGroupsPerRule} rows per rule are exported; the others are counted in {@link
 * #omittedGroups()} and logged once per rule. Thread safe.
 */
public final class AlertStateMetrics implements AlertListener, MeterBinder {
  /** The value of an inactive or resolved alert. */
  public static final int INACTIVE = 0;

  /** The value of a pending alert. */
  public static final int PENDING = 1;

  /** The value of an alert firing at warning. */
  public static final int WARNING = 2;

  /** The value of an alert firing at critical. */
  public static final int CRITICAL = 3;

  private final String name;
  private final Tags commonTags;
  private final int maxGroups;
  private final System.Logger logger;

  @GuardedBy("this")
  private final Map<Key, Cell> rows = new LinkedHashMap<>();

  @GuardedBy("this")
  private final Map<String, Integer> perRule = new HashMap<>();

  @GuardedBy("this")
  private final Set<String> warned = new HashSet<>();

  @GuardedBy("this")
  private final List<MultiGauge> gauges = new ArrayList<>();

  @GuardedBy("this")
  private long omitted;

  private AlertStateMetrics(Builder b) {
    this.name = b.prefix.isEmpty() ? "alert.state" : b.prefix + ".alert.state";
    this.commonTags = b.tags;
    this.maxGroups = b.maxGroups;
    this.logger = b.logger;
  }

  /**
   * Starts the definition of an alert-state binder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the gauge value of the state after a transition.
   *
   * @param event the transition
   * @return {@value #INACTIVE}, {@value #PENDING}, {@value #WARNING} or {@value #CRITICAL}
   */
  public static int value(AlertEvent event) {
    return value(event.to(), event.level());
  }

  private static int value(AlertState to, Optional<Severity> level) {
    if (to == AlertState.PENDING) {
      return PENDING;
    }
    if (to.isFiring()) {
      return level.orElse(Severity.WARNING) == Severity.CRITICAL ? CRITICAL : WARNING;
    }
    return INACTIVE;
  }

  /**
   * Sets the row of a rule and group from a state restored without a transition (a rule engine's
   * {@code restoreState}, the saved alerts of a live server), unless this listener has already
   * heard a transition of that rule and group (the newer state wins). Inactive and resolved
   * states add no row, as the engine forgets such groups.
   *
   * @param ruleId the rule's id
   * @param metricId the rule's metric id
   * @param group the group
   * @param state the state restored
   * @param level the level, for a firing state
   */
  public synchronized void restore(
      String ruleId, String metricId, GroupKey group, AlertState state, Optional<Severity> level) {
    checkNotNull(ruleId, "ruleId");
    checkNotNull(metricId, "metricId");
    checkNotNull(group, "group");
    checkNotNull(state, "state");
    checkNotNull(level, "level");
    Key key = new Key(ruleId, metricId, group);
    if (rows.containsKey(key) || (state != AlertState.PENDING && !state.isFiring())) {
      return;
    }
    add(key, value(state, level));
  }

  /**
   * Updates the row of the event's rule and group.
   *
   * @param event the transition
   */
  @Override
  public synchronized void onEvent(AlertEvent event) {
    checkNotNull(event, "event");
    Key key = new Key(event.ruleId(), event.metricId(), event.group());
    Cell cell = rows.get(key);
    boolean forgotten =
        (event.to() == AlertState.RESOLVED || event.to() == AlertState.INACTIVE)
            && event.metricValue().isEmpty();
    if (forgotten) {
      if (cell != null) {
        rows.remove(key);
        perRule.merge(event.ruleId(), -1, Integer::sum);
        registerAll();
      }
      return;
    }
    if (cell != null) {
      cell.set(value(event));
      return;
    }
    add(key, value(event));
  }

  @GuardedBy("this")
  private void add(Key key, int value) {
    int n = perRule.getOrDefault(key.ruleId, 0);
    if (n >= maxGroups) {
      omitted++;
      if (warned.add(key.ruleId)) {
        logger.log(
            Level.WARNING,
            "rule " + key.ruleId + " has more than " + maxGroups + " groups; the alert"
                + " states of the others are not exported (AlertStateMetrics.omittedGroups())");
      }
      return;
    }
    perRule.put(key.ruleId, n + 1);
    rows.put(key, new Cell(value));
    registerAll();
  }

  /**
   * Registers the gauge with {@code registry}.
   *
   * @param registry the registry
   */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    checkNotNull(registry, "registry");
    MultiGauge g =
        MultiGauge.builder(name)
            .description(
                "Salesmetrics alert state per rule and group: 0 inactive, 1 pending,"
                    + " 2 warning, 3 critical")
            .register(registry);
    gauges.add(g);
    g.register(rowsList(), false);
  }

  /**
   * Returns how many transitions were not exported because their rule had reached the maximum
   * number of groups.
   *
   * @return the count
   */
  public synchronized long omittedGroups() {
    return omitted;
  }

  @GuardedBy("this")
  private void registerAll() {
    List<MultiGauge.Row<?>> list = rowsList();
    for (MultiGauge g : gauges) {
      g.register(list, false);
    }
  }

  @GuardedBy("this")
  private List<MultiGauge.Row<?>> rowsList() {
    List<MultiGauge.Row<?>> list = new ArrayList<>(rows.size());
    for (Map.Entry<Key, Cell> e : rows.entrySet()) {
      Key k = e.getKey();
      Tags t =
          commonTags
              .and("rule", k.ruleId)
              .and("metric", k.metricId)
              .and("group", k.group.isOverall() ? "overall" : k.group.toString());
      list.add(MultiGauge.Row.of(t, e.getValue(), Cell::get));
    }
    return list;
  }

  /**
   * Formats as the meter name and the number of rows.
   *
   * @return e.g. {@code "AlertStateMetrics[salesmetrics.alert.state, 3 rows]"}
   */
  @Override
  public synchronized String toString() {
    return "AlertStateMetrics[" + name + ", " + rows.size() + " rows]";
  }

  private record Key(String ruleId, String metricId, GroupKey group) {}

  /** Defines an {@link AlertStateMetrics}. Every setter checks its argument at once. */
  public static final class Builder {
    private String prefix = "salesmetrics";
    private Tags tags = Tags.empty();
    private int maxGroups = 1_000;
    private System.Logger logger = System.getLogger(AlertStateMetrics.class.getName());

    private Builder() {}

    /**
     * Sets the first part of the meter name, as {@link LiveViewMetrics.Builder#prefix}.
     *
     * @param prefix lowercase dot-separated words, or empty; default {@code salesmetrics}
     * @return this builder
     * @throws IllegalArgumentException if it is not lowercase dot-separated words
     */
    @CanIgnoreReturnValue
    public Builder prefix(String prefix) {
      this.prefix = Family.checkPrefix(prefix);
      return this;
    }

    /**
     * Adds tags to the gauge's rows.
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
     * Sets the most groups exported per rule (the cardinality guard).
     *
     * @param max at least 1; default 1,000
     * @return this builder
     * @throws IllegalArgumentException if {@code max < 1}
     */
    @CanIgnoreReturnValue
    public Builder maxGroupsPerRule(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max groups per rule must be >= 1: " + max);
      }
      this.maxGroups = max;
      return this;
    }

    /**
     * Sets where the cardinality guard logs.
     *
     * @param logger the logger; default {@code System.getLogger(AlertStateMetrics.class.getName())}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder logger(System.Logger logger) {
      this.logger = checkNotNull(logger, "logger");
      return this;
    }

    /**
     * Builds the binder.
     *
     * @return the binder, with no rows yet
     */
    public AlertStateMetrics build() {
      return new AlertStateMetrics(this);
    }
  }
}
