package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.internal.Suggestions;
import dev.salesmetrics.metric.MetricValue;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Evaluates rules against one {@link Evaluation} at a time, keeps the alert state per rule and
 * group, and reports every transition to its listeners and to the caller.
 *
 * <p>Deterministic: the result depends only on the rules, the state and the evaluations, never on
 * the wall clock. Evaluations must come in strictly increasing order of {@code evaluatedAt}.
 * Transitions come in rule order, then group order ({@link GroupKey#compareTo}). The state
 * (alerts, the history used by previous-period and baseline rules, and the last evaluation
 * instant) can be exported with {@link #exportState()} and restored with {@link
 * #restoreState(EngineState)}.
 *
 * <p>Listeners are called after the evaluation's state is committed; one that throws neither
 * stops the others nor changes the state. An exception is kept in {@link #listenerFailures()}
 * (the newest 1,000; a checked exception thrown sneakily is wrapped in an {@link
 * UndeclaredThrowableException}). An {@link Error} (out of memory, stack overflow, a failed
 * assertion) is not swallowed: every listener still gets every event of the evaluation, then
 * {@link #evaluate} throws the first error, with later ones suppressed in it; the evaluation
 * stays committed. Nothing is logged.
 *
 * <p>Thread safe: public methods are synchronized; listeners run on the evaluating thread while
 * it holds the engine's lock, and must not call back into the engine.
 *
 * <pre>{@code
 * RuleEngine engine = RuleEngine.builder()
 *     .rule(lowWinRate)
 *     .listener(event -> System.out.println(event.sentence()))
 *     .build();
 * List<AlertEvent> transitions = engine.evaluate(evaluation);
 * }</pre>
 */
public final class RuleEngine {
  static final int MAX_FAILURES = 1_000;

  private final ImmutableList<Rule> rules;
  private final ImmutableList<AlertListener> listeners;
  private final Map<String, Integer> historyDepth;
  private final Map<String, Map<GroupKey, GroupState>> states = new LinkedHashMap<>();
  private final History history = new History();
  private final Deque<ListenerFailure> failures = new ArrayDeque<>();
  @Nullable private Instant lastEvaluatedAt;

  private RuleEngine(List<Rule> rules, List<AlertListener> listeners) {
    this.rules = ImmutableList.copyOf(rules);
    this.listeners = ImmutableList.copyOf(listeners);
    Map<String, Integer> depth = new TreeMap<>();
    for (Rule rule : this.rules) {
      if (states.put(rule.id(), new TreeMap<>()) != null) {
        throw new IllegalArgumentException("duplicate rule id: " + rule.id());
      }
      if (rule.baselinePeriods() > 0) {
        depth.merge(rule.metricId(), rule.baselinePeriods(), Math::max);
      }
    }
    this.historyDepth = depth;
  }

  /**
   * Returns an engine for {@code rules} with no listener.
   *
   * @param rules the rules, with distinct ids
   * @return the engine
   * @throws IllegalArgumentException if two rules share an id
   */
  public static RuleEngine of(List<Rule> rules) {
    return new RuleEngine(rules, List.of());
  }

  /**
   * Starts an engine.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the rules, in evaluation order.
   *
   * @return the rules
   */
  public ImmutableList<Rule> rules() {
    return rules;
  }

  /**
   * Evaluates every rule against {@code evaluation}, updates the state, tells the listeners and
   * returns the transitions.
   *
   * @param evaluation the values of one period at one instant
   * @return the transitions, in rule order then group order; empty when nothing changed
   * @throws IllegalArgumentException if {@code evaluatedAt} is not after the previous
   *     evaluation's; or, for an evaluation that knows its {@link Evaluation#columns() columns}
   *     (one made from a table), if a rule's metric is not among them or its {@code per}
   *     dimension is not exactly the table's grouping (the message suggests the closest); the
   *     engine's state is then unchanged
   * @throws Error the first error a listener threw, after every listener was called with every
   *     event; the evaluation is committed all the same
   */
  public synchronized ImmutableList<AlertEvent> evaluate(Evaluation evaluation) {
    checkNotNull(evaluation, "evaluation");
    Instant at = evaluation.evaluatedAt();
    if (lastEvaluatedAt != null && !at.isAfter(lastEvaluatedAt)) {
      throw new IllegalArgumentException(
          "evaluatedAt " + at + " must be after the previous evaluation " + lastEvaluatedAt);
    }
    evaluation.knownColumns().ifPresent(this::checkColumns);
    ImmutableList.Builder<AlertEvent> events = ImmutableList.builder();
    for (Rule rule : rules) {
      evaluateRule(rule, evaluation, events);
    }
    historyDepth.forEach(
        (metricId, depth) ->
            evaluation
                .values(metricId)
                .forEach(
                    (group, value) ->
                        history.record(
                            metricId,
                            group,
                            new History.Entry(
                                evaluation.periodStart(),
                                evaluation.periodEnd(),
                                finiteOrEmpty(value.asDouble())),
                            depth)));
    lastEvaluatedAt = at;
    ImmutableList<AlertEvent> out = events.build();
    notifyListeners(out);
    return out;
  }

  /**
   * Refuses a rule that cannot find its values in an evaluation of these columns: its metric was
   * not computed, or the values are not grouped by its dimension alone (or, for an overall rule,
   * not ungrouped).
   */
  private void checkColumns(Evaluation.Columns columns) {
    for (Rule rule : rules) {
      if (!columns.metricIds().contains(rule.metricId())) {
        throw new IllegalArgumentException(
            "rule " + rule.id() + " watches metric " + rule.metricId()
                + ", which the evaluation does not hold"
                + Suggestions.didYouMean(rule.metricId(), columns.metricIds())
                + " (its metrics: " + String.join(", ", columns.metricIds()) + ")");
      }
      String grouped =
          columns.dimensionIds().isEmpty()
              ? "the values are not grouped (overall only)"
              : "the values are grouped by " + String.join(", ", columns.dimensionIds());
      Optional<String> per = rule.dimension();
      if (per.isEmpty()) {
        if (!columns.dimensionIds().isEmpty()) {
          throw new IllegalArgumentException(
              "rule " + rule.id() + " watches the overall " + rule.metricId() + ", but "
                  + grouped + ": give the rule per: " + columns.dimensionIds().iterator().next()
                  + ", or compute the metric without grouping");
        }
      } else if (!columns.dimensionIds().contains(per.get())) {
        throw new IllegalArgumentException(
            "rule " + rule.id() + " is per " + per.get() + ", but " + grouped
                + Suggestions.didYouMean(per.get(), columns.dimensionIds()));
      } else if (columns.dimensionIds().size() > 1) {
        throw new IllegalArgumentException(
            "rule " + rule.id() + " is per " + per.get() + ", which watches groups of "
                + per.get() + " alone, but " + grouped + ": group the values by " + per.get()
                + " only for this rule");
      }
    }
  }

  /**
   * Hands every event to every listener. An exception is recorded and the others go on; an
   * {@link Error} does not stop them either, and the first one is rethrown once every listener
   * had every event, with the later ones suppressed in it.
   */
  private void notifyListeners(List<AlertEvent> events) {
    Error error = null;
    for (AlertEvent event : events) {
      for (AlertListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          recordFailure(listener, event, e);
        } catch (Exception e) { // a checked exception thrown sneakily
          recordFailure(listener, event, new UndeclaredThrowableException(e, e.toString()));
        } catch (Error e) {
          if (error == null) {
            error = e;
          } else if (error != e) {
            error.addSuppressed(e);
          }
        }
      }
    }
    if (error != null) {
      throw error;
    }
  }

  private void recordFailure(AlertListener listener, AlertEvent event, RuntimeException e) {
    if (failures.size() == MAX_FAILURES) {
      failures.removeFirst();
    }
    failures.addLast(new ListenerFailure(listener, event, e));
  }

  /**
   * Returns the current state of a rule for a group.
   *
   * @param ruleId the rule's id
   * @param group the group
   * @return the state; {@link AlertState#INACTIVE} when the engine keeps none
   * @throws IllegalArgumentException if no rule has that id
   */
  public synchronized AlertState state(String ruleId, GroupKey group) {
    Map<GroupKey, GroupState> byGroup = states.get(ruleId);
    if (byGroup == null) {
      throw new IllegalArgumentException("no rule with id " + ruleId);
    }
    GroupState st = byGroup.get(group);
    return st == null ? AlertState.INACTIVE : st.state;
  }

  /**
   * Returns the failures of listeners so far, oldest first (at most the newest 1,000).
   *
   * @return the failures
   */
  public synchronized ImmutableList<ListenerFailure> listenerFailures() {
    return ImmutableList.copyOf(failures);
  }

  /** Forgets the recorded listener failures. */
  public synchronized void clearListenerFailures() {
    failures.clear();
  }

  /**
   * Exports the state as a plain value that {@link #restoreState} accepts, in this engine or a
   * new one with the same rules.
   *
   * @return the state
   */
  public synchronized EngineState exportState() {
    return StateCodec.encode(lastEvaluatedAt, states, history);
  }

  /**
   * Replaces the state with {@code state}, whole or not at all. Every line is checked first; alerts
   * of rules this engine does not have, and history of metrics none of its rules compares with the
   * past, are then dropped. On error the state is left unchanged.
   *
   * @param state an exported state
   * @throws IllegalArgumentException if a line is malformed, or describes a state the engine is
   *     never in (no or two {@code last} lines, a run that began after the last evaluation, a
   *     negative count or episode, a history period that ends before it starts, a duplicate
   *     line...); the message names the line, the rule or metric, the group and the field
   */
  public synchronized void restoreState(EngineState state) {
    checkNotNull(state, "state");
    Map<String, Map<GroupKey, GroupState>> restored = new LinkedHashMap<>();
    for (Rule rule : rules) {
      restored.put(rule.id(), new TreeMap<>());
    }
    History restoredHistory = new History();
    Instant last = StateCodec.decode(state, restored, restoredHistory, historyDepth);
    states.clear();
    states.putAll(restored);
    history.clear();
    history.putAll(restoredHistory);
    lastEvaluatedAt = last;
  }

  // ---------------------------------------------------------------------------------------------

  /** The compared quantity of one group, or why it is undefined, and sentence context. */
  private record Observation(
      MetricValue raw, OptionalDouble quantity, String context, String undefinedReason) {}

  private void evaluateRule(Rule rule, Evaluation e, ImmutableList.Builder<AlertEvent> out) {
    Map<GroupKey, MetricValue> values = e.values(rule.metricId());
    Map<GroupKey, GroupState> byGroup = checkNotNull(states.get(rule.id()));
    SortedSet<GroupKey> groups = new TreeSet<>(byGroup.keySet());
    for (GroupKey g : values.keySet()) {
      if (rule.selects(g)) {
        groups.add(g);
      }
    }
    for (GroupKey group : groups) {
      MetricValue value = values.get(group);
      if (value == null) {
        vanished(rule, group, byGroup, e, out);
      } else {
        observed(rule, group, observe(rule, group, value, e), byGroup, e, out);
      }
    }
  }

  private Observation observe(Rule rule, GroupKey group, MetricValue value, Evaluation e) {
    if (value.sampleSize() < rule.minimumSample()) {
      return undefined(
          value, "sample " + value.sampleSize() + " below the minimum " + rule.minimumSample());
    }
    OptionalDouble raw = value.asDouble();
    if (raw.isEmpty()) {
      return undefined(value, "undefined");
    }
    double v = raw.getAsDouble();
    if (!Double.isFinite(v)) {
      // a MetricValue that breaks its contract: undefined, never compared
      return undefined(value, "value " + v + " is not finite");
    }
    switch (rule.reference()) {
      case VALUE -> {
        return new Observation(value, raw, "", "");
      }
      case GOAL, PACE -> {
        OptionalDouble target = e.goals().target(rule.metricId(), group, e.periodStart());
        if (target.isEmpty()) {
          return undefined(value, "no goal for " + e.periodLabel());
        }
        GoalProgress p =
            GoalProgress.of(
                v, target.getAsDouble(), e.periodStart(), e.periodEnd(), e.evaluatedAt());
        String goal = " of the goal " + Formats.unitValue(rule.unit(), p.target());
        if (rule.reference() == Reference.GOAL) {
          if (!Double.isFinite(p.attainment())) {
            return undefined(value, "attainment " + p.attainment() + " is not finite");
          }
          return new Observation(
              value,
              OptionalDouble.of(p.attainment()),
              ", " + Formats.percent1(p.attainment()) + goal,
              "");
        }
        OptionalDouble pace = p.forecastAttainment();
        if (pace.isEmpty()) {
          return undefined(value, "no time elapsed in " + e.periodLabel());
        }
        if (!Double.isFinite(pace.getAsDouble())) {
          return undefined(value, "pace " + pace.getAsDouble() + " is not finite");
        }
        return new Observation(
            value,
            pace,
            ", on pace for "
                + Formats.percent1(pace.getAsDouble())
                + goal
                + " with "
                + Formats.percent1(p.elapsed())
                + " of the period elapsed",
            "");
      }
      case PREVIOUS_PERIOD, BASELINE -> {
        int n = rule.baselinePeriods();
        List<History.Entry> past = history.before(rule.metricId(), group, e.periodStart(), n);
        boolean previous = rule.reference() == Reference.PREVIOUS_PERIOD;
        if (past.size() < n) {
          return undefined(
              value,
              previous
                  ? "no previous period"
                  : "only " + past.size() + " of " + n + " previous periods");
        }
        double base = 0; // the mean as a sum of shares: finite for finite entries
        for (History.Entry entry : past) {
          if (entry.value().isEmpty()) {
            return undefined(
                value, previous ? "previous period undefined" : "a previous period undefined");
          }
          base += entry.value().getAsDouble() / n;
        }
        if (base == 0) {
          return undefined(value, previous ? "previous period was 0" : "baseline mean was 0");
        }
        double change = (v - base) / Math.abs(base);
        if (!Double.isFinite(change)) {
          return undefined(value, "change " + change + " is not finite");
        }
        String basis =
            previous
                ? " on the previous period ("
                : " on the mean of the last " + n + " periods (";
        return new Observation(
            value,
            OptionalDouble.of(change),
            ", " + Formats.signedPercent1(change) + basis
                + Formats.unitValue(rule.unit(), base) + ")",
            "");
      }
    }
    throw new AssertionError(rule.reference());
  }

  /** A non-finite number (from a {@code MetricValue} that breaks its contract) is undefined. */
  private static OptionalDouble finiteOrEmpty(OptionalDouble d) {
    return d.isPresent() && !Double.isFinite(d.getAsDouble()) ? OptionalDouble.empty() : d;
  }

  private static Observation undefined(MetricValue value, String reason) {
    return new Observation(value, OptionalDouble.empty(), "", reason);
  }

  private void observed(
      Rule rule,
      GroupKey group,
      Observation obs,
      Map<GroupKey, GroupState> byGroup,
      Evaluation e,
      ImmutableList.Builder<AlertEvent> out) {
    GroupState st = byGroup.get(group);
    if (st != null) {
      st.missing = 0;
    }
    OptionalDouble q = obs.quantity();
    boolean undefined = q.isEmpty();
    if (undefined && rule.undefinedPolicy() == UndefinedPolicy.KEEP_STATE) {
      return;
    }
    boolean alertUndefined = undefined && rule.undefinedPolicy() == UndefinedPolicy.ALERT;
    Level top;
    if (undefined) {
      top = alertUndefined ? rule.levels().get(0) : null;
    } else {
      top = highestBreached(rule, q.getAsDouble());
    }
    Instant at = e.evaluatedAt();
    AlertState from = st == null ? AlertState.INACTIVE : st.state;
    switch (from) {
      case INACTIVE, RESOLVED -> {
        if (top == null) {
          return;
        }
        if (st == null) {
          st = new GroupState();
          byGroup.put(group, st);
        }
        st.episode++;
        st.startRun(at, e.periodStart());
        st.level = top.severity();
        st.state = timingMet(rule, st, at) ? AlertState.FIRING : AlertState.PENDING;
        out.add(event(rule, group, st, from, obs, e));
      }
      case PENDING -> {
        GroupState s = checkNotNull(st);
        if (top == null) {
          s.state = AlertState.INACTIVE;
          out.add(event(rule, group, s, from, obs, e));
          return;
        }
        s.continueRun(e.periodStart());
        s.level = top.severity();
        if (timingMet(rule, s, at)) {
          s.state = AlertState.FIRING;
          out.add(event(rule, group, s, from, obs, e));
        }
      }
      case FIRING -> {
        GroupState s = checkNotNull(st);
        Level current = level(rule, checkNotNull(s.level));
        if (top != null && top.severity().compareTo(current.severity()) > 0) {
          s.continueRun(e.periodStart());
          s.level = top.severity();
          out.add(event(rule, group, s, from, obs, e));
          return;
        }
        if (alertUndefined || (!undefined && current.held(q.getAsDouble()))) {
          s.continueRun(e.periodStart());
          return;
        }
        Level lower = undefined ? null : highestHeldBelow(rule, current, q.getAsDouble());
        if (lower != null) {
          s.continueRun(e.periodStart());
          s.level = lower.severity();
          out.add(event(rule, group, s, from, obs, e));
          return;
        }
        if (rule.keepsFiring()) {
          s.state = AlertState.RECOVERING;
          s.clearedAt = at;
          s.evaluationsSinceCleared = 0;
        } else {
          s.state = AlertState.RESOLVED;
        }
        out.add(event(rule, group, s, from, obs, e));
      }
      case RECOVERING -> {
        GroupState s = checkNotNull(st);
        if (top != null) {
          s.startRun(at, e.periodStart());
          s.level = top.severity();
          s.state = AlertState.FIRING;
          out.add(event(rule, group, s, from, obs, e));
          return;
        }
        s.evaluationsSinceCleared++;
        if (keepDone(rule, s, at)) {
          s.state = AlertState.RESOLVED;
          out.add(event(rule, group, s, from, obs, e));
        }
      }
    }
  }

  private void vanished(
      Rule rule,
      GroupKey group,
      Map<GroupKey, GroupState> byGroup,
      Evaluation e,
      ImmutableList.Builder<AlertEvent> out) {
    GroupState st = checkNotNull(byGroup.get(group));
    st.missing++;
    if (st.missing < rule.resolveVanishedAfter()) {
      return;
    }
    byGroup.remove(group);
    AlertState from = st.state;
    if (from == AlertState.PENDING) {
      st.state = AlertState.INACTIVE;
    } else if (from.isFiring()) {
      st.state = AlertState.RESOLVED;
    } else {
      return;
    }
    out.add(event(rule, group, st, from, null, e));
  }

  @Nullable
  private static Level highestBreached(Rule rule, double q) {
    Level found = null;
    for (Level level : rule.levels()) {
      if (level.breached(q)) {
        found = level;
      }
    }
    return found;
  }

  @Nullable
  private static Level highestHeldBelow(Rule rule, Level current, double q) {
    Level found = null;
    for (Level level : rule.levels()) {
      if (level.severity().compareTo(current.severity()) < 0 && level.held(q)) {
        found = level;
      }
    }
    return found;
  }

  static Level level(Rule rule, Severity severity) {
    for (Level level : rule.levels()) {
      if (level.severity() == severity) {
        return level;
      }
    }
    // A restored state may name a level the rule no longer has: use the nearest one.
    return severity == Severity.CRITICAL
        ? rule.levels().get(rule.levels().size() - 1)
        : rule.levels().get(0);
  }

  private static boolean timingMet(Rule rule, GroupState st, Instant at) {
    return st.consecutive >= rule.forEvaluations()
        && Duration.between(st.since, at).compareTo(rule.forDuration()) >= 0;
  }

  private static boolean keepDone(Rule rule, GroupState st, Instant at) {
    return st.evaluationsSinceCleared >= rule.keepFiringForEvaluations()
        && Duration.between(checkNotNull(st.clearedAt), at).compareTo(rule.keepFiringFor()) >= 0;
  }

  // ---------------------------------------------------------------------------------------------

  private static AlertEvent event(
      Rule rule,
      GroupKey group,
      GroupState st,
      AlertState from,
      @Nullable Observation obs,
      Evaluation e) {
    AlertState to = st.state;
    OptionalDouble q = obs == null ? OptionalDouble.empty() : obs.quantity();
    Level level = st.level == null ? null : level(rule, st.level);
    return new AlertEvent(
        rule.id(),
        rule.metricId(),
        group,
        from,
        to,
        Optional.ofNullable(st.level),
        q,
        obs == null ? Optional.empty() : Optional.of(obs.raw()),
        level == null ? OptionalDouble.empty() : level.trigger(q),
        level == null ? OptionalDouble.empty() : level.recovery(q),
        rule.comparison(),
        st.consecutive,
        st.since,
        e.evaluatedAt(),
        e.periodStart(),
        e.periodEnd(),
        e.periodLabel(),
        st.episode,
        sentence(rule, group, st, from, level, obs, e));
  }

  private static String sentence(
      Rule rule,
      GroupKey group,
      GroupState st,
      AlertState from,
      @Nullable Level level,
      @Nullable Observation obs,
      Evaluation e) {
    AlertState to = st.state;
    String subject =
        rule.metricName() + (group.isOverall() ? " overall" : " for " + group.label());
    StringBuilder s = new StringBuilder(subject);
    if (obs == null) {
      s.append(" had no data for ").append(Formats.plural(st.missing, "evaluation"));
      return s.append(suffix(rule, from, to, st)).toString();
    }
    boolean breach = to == AlertState.PENDING || to == AlertState.FIRING;
    if (obs.quantity().isEmpty()) {
      s.append(" had no value (").append(obs.undefinedReason()).append(')');
      if (breach) {
        s.append(", ").append(runText(st, e));
      }
      return s.append(suffix(rule, from, to, st)).toString();
    }
    double q = obs.quantity().getAsDouble();
    Level lv = checkNotNull(level);
    s.append(" was ").append(obs.raw()).append(obs.context()).append(", ");
    String side =
        rule.comparison() == Comparison.OUTSIDE
            ? lv.side(obs.quantity()).word()
            : rule.comparison().word();
    if (breach) {
      double threshold =
          lv.breached(q)
              ? lv.trigger(obs.quantity()).getAsDouble()
              : lv.recovery(obs.quantity()).getAsDouble();
      s.append(side).append(' ').append(Formats.threshold(rule, threshold));
      s.append(", ").append(runText(st, e));
    } else {
      double threshold =
          from == AlertState.PENDING
              ? lv.trigger(obs.quantity()).getAsDouble()
              : lv.recovery(obs.quantity()).getAsDouble();
      s.append("no longer ").append(side).append(' ').append(Formats.threshold(rule, threshold));
      if (from == AlertState.RECOVERING && st.clearedAt != null) {
        s.append(" since ").append(LocalDate.ofInstant(st.clearedAt, e.zone()));
      }
    }
    return s.append(suffix(rule, from, to, st)).toString();
  }

  private static String runText(GroupState st, Evaluation e) {
    String word = Formats.periodWord(e.periodStart(), e.periodEnd());
    if (word == null || st.periodsInRun != st.consecutive) {
      word = "evaluation";
    }
    String count =
        st.consecutive == 1
            ? "for 1 " + word
            : "for " + st.consecutive + " consecutive " + word + "s";
    return count + " since " + LocalDate.ofInstant(st.sincePeriodStart, e.zone());
  }

  private static String suffix(Rule rule, AlertState from, AlertState to, GroupState st) {
    String level = st.level == null ? "" : st.level.label();
    return switch (to) {
      case PENDING -> "; pending";
      case FIRING ->
          from == AlertState.FIRING
              ? "; now " + level
              : from == AlertState.RECOVERING ? "; firing again" : "";
      case RECOVERING -> "; keeps firing for " + keepText(rule);
      case RESOLVED -> "; resolved";
      case INACTIVE -> "; no longer pending";
    };
  }

  private static String keepText(Rule rule) {
    List<String> parts = new ArrayList<>(2);
    if (rule.keepFiringForEvaluations() > 0) {
      parts.add(Formats.plural(rule.keepFiringForEvaluations(), "evaluation"));
    }
    if (!rule.keepFiringFor().isZero()) {
      parts.add(Formats.duration(rule.keepFiringFor()));
    }
    return String.join(" and ", parts);
  }

  /** Builds a {@link RuleEngine}. Not thread safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private final List<AlertListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a rule; rules are evaluated in the order added.
     *
     * @param rule the rule
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder rule(Rule rule) {
      rules.add(checkNotNull(rule, "rule"));
      return this;
    }

    /**
     * Adds rules, in order.
     *
     * @param rules the rules
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder rules(List<Rule> rules) {
      rules.forEach(this::rule);
      return this;
    }

    /**
     * Adds a listener; listeners are called in the order added.
     *
     * @param listener the listener
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder listener(AlertListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the engine, with no state.
     *
     * @return the engine
     * @throws IllegalArgumentException if two rules share an id
     */
    public RuleEngine build() {
      return new RuleEngine(rules, listeners);
    }
  }
}
