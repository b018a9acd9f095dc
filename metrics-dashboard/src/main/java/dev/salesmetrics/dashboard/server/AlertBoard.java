package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.AlertListener;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.EngineState;
import dev.salesmetrics.rule.Evaluation;
import dev.salesmetrics.rule.Goals;
import dev.salesmetrics.rule.Reference;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleEngine;
import dev.salesmetrics.rule.Severity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * The rules of a live dashboard: evaluates them on the current period at every update, keeps the
 * latest transition of every rule and group and the recent transitions, and saves all of it with
 * the rule engine's exported state after every evaluation, so that a restart continues where the
 * last run stopped (no alert forgotten, none fired again).
 *
 * <p><b>Evaluations.</b> Each update with new records evaluates the current period once, at the
 * clock's instant (moved 1 ms past the previous evaluation if the clock did not advance). Without
 * a saved state the first start replays the history first: every period before the current one,
 * evaluated at its end, as {@code salesmetrics alerts} does. With a saved state, the current
 * period is evaluated at start only if batches arrived after the state was saved (the process
 * stopped between accepting a batch and evaluating it).
 *
 * <p><b>Listeners</b> hear the transitions as they are made: of the replay at a first start, only
 * the last transition of each alert still pending or firing at its end (a receiver learns of the
 * alerts in force, not of the history); then every transition of every evaluation. A restart
 * with a saved state tells them nothing of the state restored (the run that saved it told them),
 * so no transition is sent twice unless the process stopped between telling and saving. A
 * listener that throws is logged and the others still hear the event.
 *
 * <p>Not thread safe: called on the dashboard's update thread.
 */
final class AlertBoard {
  static final int RECENT = 50;
  private static final System.Logger LOG = System.getLogger(AlertBoard.class.getName());
  private static final String HEADER = "salesmetrics-live-state 1";

  private final ImmutableList<Rule> rules;
  @Nullable private final RuleEngine engine;
  private final Goals goals;
  @Nullable private final Path file;
  private final Clock clock;
  private final ImmutableList<AlertListener> listeners;
  private final Set<AlertListener> failing = new HashSet<>();
  private final Map<String, Map<GroupKey, AlertStatus>> last = new LinkedHashMap<>();
  private final Deque<AlertStatus> recent = new ArrayDeque<>();
  @Nullable private Instant lastAt;
  private long savedSequence = -1;

  AlertBoard(List<Rule> rules, Goals goals, @Nullable Path file, Clock clock) {
    this(rules, goals, file, clock, List.of());
  }

  AlertBoard(
      List<Rule> rules,
      Goals goals,
      @Nullable Path file,
      Clock clock,
      List<AlertListener> listeners) {
    this.listeners = ImmutableList.copyOf(listeners);
    this.rules = ImmutableList.copyOf(rules);
    this.engine = rules.isEmpty() ? null : RuleEngine.of(rules);
    this.goals = checkNotNull(goals, "goals");
    this.file = file;
    this.clock = checkNotNull(clock, "clock");
    for (Rule r : rules) {
      last.put(r.id(), new TreeMap<>());
    }
  }

  ImmutableList<Rule> rules() {
    return rules;
  }

  /**
   * Restores the saved state, or replays the history without one; then evaluates the current
   * period if the saved state is older than the data.
   *
   * @throws IOException if the state file cannot be read or written, or is damaged
   */
  void start(ImmutableList<MetricTable> tables, Optional<Period> current, long sequence)
      throws IOException {
    if (engine == null) {
      return;
    }
    if (file != null && Files.exists(file)) {
      restore();
      if (sequence > savedSequence && current.isPresent()) {
        var unused = evaluate(tables, current.get(), sequence);
      }
      return;
    }
    if (current.isPresent()) {
      TreeSet<Period> periods = new TreeSet<>(Comparator.comparing(Period::start));
      for (MetricTable t : tables) {
        periods.addAll(t.periods());
      }
      Map<String, AlertEvent> lastOfEach = new LinkedHashMap<>();
      for (Period p : periods) {
        if (p.start().isBefore(current.get().start())) {
          ImmutableList<AlertEvent> events = engine.evaluate(evaluation(tables, p, p.end()));
          apply(events);
          for (AlertEvent e : events) {
            String key = e.ruleId() + "\u0000" + e.group();
            lastOfEach.remove(key); // keep the order of the last transitions
            lastOfEach.put(key, e);
          }
        }
      }
      List<AlertEvent> inForce = new ArrayList<>();
      for (AlertEvent e : lastOfEach.values()) {
        if (e.to() == AlertState.PENDING || e.to().isFiring()) {
          inForce.add(e);
        }
      }
      tell(inForce);
      var unused = evaluate(tables, current.get(), sequence);
    } else {
      save(sequence);
    }
  }

  /** Evaluates the current period now; saves the state. */
  ImmutableList<AlertEvent> evaluate(
      ImmutableList<MetricTable> tables, Period current, long sequence) throws IOException {
    if (engine == null) {
      return ImmutableList.of();
    }
    Instant at = clock.instant();
    if (lastAt != null && !at.isAfter(lastAt)) {
      at = lastAt.plusMillis(1);
    }
    ImmutableList<AlertEvent> events = engine.evaluate(evaluation(tables, current, at));
    apply(events);
    tell(events);
    save(sequence);
    return events;
  }

  /** Hands the events to every listener; one that throws is logged, the others go on. */
  private void tell(List<AlertEvent> events) {
    for (AlertListener l : listeners) {
      for (AlertEvent e : events) {
        try {
          l.onEvent(e);
          failing.remove(l);
        } catch (RuntimeException ex) {
          if (failing.add(l)) {
            LOG.log(
                System.Logger.Level.WARNING,
                "alert listener " + l + " failed on " + e.ruleId() + " " + e.group() + ": " + ex
                    + " (later failures are not logged until it succeeds again)");
          }
        }
      }
    }
  }

  private void apply(List<AlertEvent> events) {
    for (AlertEvent e : events) {
      AlertStatus s = AlertStatus.of(e);
      Map<GroupKey, AlertStatus> byGroup = last.get(e.ruleId());
      if (byGroup != null) {
        byGroup.put(e.group(), s);
      }
      recent.addFirst(s);
      if (recent.size() > RECENT) {
        recent.removeLast();
      }
    }
    if (!events.isEmpty()) {
      lastAt = events.get(events.size() - 1).evaluatedAt();
    }
  }

  private Evaluation evaluation(ImmutableList<MetricTable> tables, Period p, Instant at) {
    Evaluation.Builder b =
        Evaluation.builder(at, p.start(), p.end()).label(p.label()).zone(p.zone()).goals(goals);
    for (MetricTable t : tables) {
      for (MetricTable.Row row : t.rows()) {
        if (row.period().isPresent() && !row.period().get().equals(p)) {
          continue;
        }
        for (Map.Entry<String, MetricValue> v : row.values().entrySet()) {
          b.value(v.getKey(), row.key(), v.getValue());
        }
      }
    }
    lastAt = at;
    return b.build();
  }

  /** The latest transition of every rule and group, in rule order then group order. */
  ImmutableList<AlertStatus> statuses() {
    ImmutableList.Builder<AlertStatus> out = ImmutableList.builder();
    last.values().forEach(m -> out.addAll(m.values()));
    return out.build();
  }

  /** The recent transitions, newest first. */
  ImmutableList<AlertStatus> recent() {
    return ImmutableList.copyOf(recent);
  }

  /** The current state of a rule and group, as the engine keeps it. */
  AlertState state(String ruleId, GroupKey group) {
    return engine == null ? AlertState.INACTIVE : engine.state(ruleId, group);
  }

  /**
   * Returns goals from quotas for the metrics of the rules against a goal or pace: per rep and
   * quota period, in major units (quotas of one rep and period start are added).
   */
  static Goals quotaGoals(List<Rule> rules, List<Quota> quotas) {
    Set<String> metrics = new LinkedHashSet<>();
    for (Rule r : rules) {
      if (r.reference() == Reference.GOAL || r.reference() == Reference.PACE) {
        metrics.add(r.metricId());
      }
    }
    if (metrics.isEmpty() || quotas.isEmpty()) {
      return Goals.empty();
    }
    Map<GroupKey, Map<Instant, BigDecimal>> sums = new LinkedHashMap<>();
    for (Quota q : quotas) {
      sums.computeIfAbsent(GroupKey.of("rep", q.repId()), k -> new LinkedHashMap<>())
          .merge(q.period().start(), q.amount().toBigDecimal(), BigDecimal::add);
    }
    Goals.Builder b = Goals.builder();
    for (String metric : metrics) {
      sums.forEach(
          (group, byStart) ->
              byStart.forEach(
                  (start, amount) -> b.target(metric, group, start, amount.doubleValue())));
    }
    return b.build();
  }

  // ---- the state file --------------------------------------------------------------------------

  private void save(long sequence) throws IOException {
    savedSequence = sequence;
    if (file == null || engine == null) {
      return;
    }
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    sb.append("applied ").append(sequence).append('\n');
    sb.append("last ").append(lastAt == null ? "-" : lastAt.toString()).append('\n');
    for (AlertStatus s : statuses()) {
      sb.append("status ").append(encode(s)).append('\n');
    }
    List<AlertStatus> oldestFirst = new ArrayList<>(recent);
    java.util.Collections.reverse(oldestFirst);
    for (AlertStatus s : oldestFirst) {
      sb.append("recent ").append(encode(s)).append('\n');
    }
    sb.append("engine\n").append(engine.exportState().toText());
    writeAtomically(file, sb.toString());
  }

  /** Writes {@code text} to a temporary file, forces it, and renames it over {@code target}. */
  static void writeAtomically(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (dir != null) {
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException e) {
        // some platforms cannot open a directory to force it; the rename is then as durable as
        // the platform makes it
      }
    }
  }

  private void restore() throws IOException {
    Path f = checkNotNull(file);
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw damaged(f, 1, "it does not start with '" + HEADER + "'");
    }
    long applied = -1;
    Instant at = null;
    List<AlertStatus> statuses = new ArrayList<>();
    List<AlertStatus> recentOldestFirst = new ArrayList<>();
    int i = 1;
    try {
      for (; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.equals("engine")) {
          break;
        }
        int space = line.indexOf(' ');
        String kind = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1);
        switch (kind) {
          case "applied" -> applied = Long.parseLong(rest);
          case "last" -> at = rest.equals("-") ? null : Instant.parse(rest);
          case "status" -> statuses.add(decode(rest));
          case "recent" -> recentOldestFirst.add(decode(rest));
          default -> throw new IllegalArgumentException("unknown line kind '" + kind + "'");
        }
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw damaged(f, i + 1, e.getMessage());
    }
    if (i >= lines.size() || applied < 0) {
      throw damaged(f, i + 1, "no 'applied' line or no 'engine' section");
    }
    try {
      checkNotNull(engine).restoreState(EngineState.of(lines.subList(i + 1, lines.size())));
    } catch (IllegalArgumentException e) {
      throw damaged(f, i + 2, e.getMessage());
    }
    savedSequence = applied;
    lastAt = at;
    for (AlertStatus s : statuses) {
      Map<GroupKey, AlertStatus> byGroup = last.get(s.ruleId());
      if (byGroup != null) {
        byGroup.put(s.group(), s);
      }
    }
    recent.clear();
    for (AlertStatus s : recentOldestFirst) {
      if (last.containsKey(s.ruleId())) {
        recent.addFirst(s);
      }
    }
    while (recent.size() > RECENT) {
      recent.removeLast();
    }
  }

  private static IOException damaged(Path f, int line, @Nullable String why) {
    return new IOException(
        "alert state " + f + " is damaged at line " + line + ": " + why
            + "; remove it to start again from the history");
  }

  private static String encode(AlertStatus s) {
    return String.join(
        " ",
        s.at().toString(),
        enc(s.ruleId()),
        enc(s.metricId()),
        group(s.group()),
        s.from().name(),
        s.state().name(),
        s.level().map(Severity::name).orElse("-"),
        Long.toString(s.episode()),
        enc(s.periodLabel()),
        enc(s.sentence()));
  }

  private static AlertStatus decode(String text) {
    List<String> f = Splitter.on(' ').splitToList(text);
    if (f.size() != 10) {
      throw new IllegalArgumentException("expected 10 fields, got " + f.size());
    }
    return new AlertStatus(
        dec(f.get(1)),
        dec(f.get(2)),
        parseGroup(f.get(3)),
        AlertState.valueOf(f.get(4)),
        AlertState.valueOf(f.get(5)),
        f.get(6).equals("-") ? Optional.empty() : Optional.of(Severity.valueOf(f.get(6))),
        Long.parseLong(f.get(7)),
        Instant.parse(f.get(0)),
        dec(f.get(8)),
        dec(f.get(9)));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String group(GroupKey g) {
    if (g.isOverall()) {
      return "*";
    }
    List<String> parts = new ArrayList<>();
    g.values().forEach((k, v) -> parts.add(enc(k) + "=" + enc(v)));
    return String.join("&", parts);
  }

  private static GroupKey parseGroup(String s) {
    if (s.equals("*")) {
      return GroupKey.overall();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : Splitter.on('&').split(s)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("group pair without '=': " + pair);
      }
      values.put(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
    }
    return GroupKey.of(values);
  }
}
