package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.GroupKey;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.annotation.Nullable;

/** Writes and reads {@link EngineState} lines. */
final class StateCodec {
  private static final String NONE = "-";
  private static final int ALERT_FIELDS = 14;
  private static final int HISTORY_FIELDS = 6;

  private StateCodec() {}

  static EngineState encode(
      @Nullable Instant last, Map<String, Map<GroupKey, GroupState>> states, History history) {
    ImmutableList.Builder<String> lines = ImmutableList.builder();
    lines.add(EngineState.HEADER);
    lines.add("last " + (last == null ? NONE : last.toString()));
    states.forEach(
        (ruleId, byGroup) ->
            byGroup.forEach(
                (group, st) ->
                    lines.add(
                        String.join(
                            " ",
                            "alert",
                            enc(ruleId),
                            group(group),
                            st.state.name(),
                            st.level == null ? NONE : st.level.name(),
                            Integer.toString(st.consecutive),
                            Integer.toString(st.periodsInRun),
                            st.since.toString(),
                            st.sincePeriodStart.toString(),
                            st.lastPeriodStart.toString(),
                            st.clearedAt == null ? NONE : st.clearedAt.toString(),
                            Integer.toString(st.evaluationsSinceCleared),
                            Integer.toString(st.missing),
                            Long.toString(st.episode)))));
    history.forEach(
        (metricId, group, entry) ->
            lines.add(
                String.join(
                    " ",
                    "history",
                    enc(metricId),
                    group(group),
                    entry.start().toString(),
                    entry.end().toString(),
                    entry.value().isPresent()
                        ? Double.toString(entry.value().getAsDouble())
                        : NONE)));
    return new EngineState(lines.build());
  }

  /**
   * Decodes into {@code states} (only rules present as keys) and {@code history} (only metrics
   * with a depth), after checking every line, so that nothing is filled when a line is refused.
   * Lines of other rules and metrics are checked too, then dropped.
   *
   * @return the last evaluation instant, or null when none
   * @throws IllegalArgumentException naming the line, rule or metric, group and field of the
   *     first malformed or impossible line
   */
  @Nullable
  static Instant decode(
      EngineState state,
      Map<String, Map<GroupKey, GroupState>> states,
      History history,
      Map<String, Integer> historyDepth) {
    List<String> lines = state.lines();
    int lastLine = -1;
    Instant last = null;
    Map<String, Map<GroupKey, Integer>> alertLines = new LinkedHashMap<>();
    Map<String, Map<GroupKey, Map<Instant, Integer>>> historyLines = new LinkedHashMap<>();
    List<Alert> alerts = new ArrayList<>();
    List<Past> past = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      Line line = new Line(i + 1, lines.get(i));
      List<String> f = Splitter.on(' ').splitToList(line.text);
      switch (f.get(0)) {
        case "last" -> {
          line.expect(f, 2);
          if (lastLine > 0) {
            throw line.malformed("a second 'last' line; the first is line " + lastLine);
          }
          lastLine = line.number;
          last = f.get(1).equals(NONE) ? null : line.instant("last", f.get(1));
        }
        case "alert" -> {
          line.expect(f, ALERT_FIELDS);
          Alert a = alert(line, f);
          Integer first = alertLines.computeIfAbsent(a.ruleId, k -> new LinkedHashMap<>())
              .putIfAbsent(a.group, line.number);
          if (first != null) {
            throw line.impossible(
                "a second alert line for the rule and group; the first is line " + first);
          }
          alerts.add(a);
        }
        case "history" -> {
          line.expect(f, HISTORY_FIELDS);
          Past p = past(line, f);
          Integer first = historyLines.computeIfAbsent(p.metricId, k -> new LinkedHashMap<>())
              .computeIfAbsent(p.group, k -> new LinkedHashMap<>())
              .putIfAbsent(p.entry.end(), line.number);
          if (first != null) {
            throw line.impossible(
                "field periodEnd: a second history line for period end " + p.entry.end()
                    + "; the first is line " + first);
          }
          past.add(p);
        }
        default ->
            throw line.malformed(
                "unknown line kind '" + f.get(0) + "'; expected last, alert or history");
      }
    }
    if (lastLine < 0) {
      throw new IllegalArgumentException("rule engine state has no 'last' line");
    }
    for (Alert a : alerts) {
      a.checkAgainst(last);
    }
    for (Past p : past) {
      if (last == null) {
        throw p.line.impossible("history needs a last evaluation, and last is " + NONE);
      }
    }
    for (Alert a : alerts) {
      Map<GroupKey, GroupState> byGroup = states.get(a.ruleId);
      if (byGroup != null) {
        byGroup.put(a.group, a.state);
      }
    }
    for (Past p : past) {
      Integer depth = historyDepth.get(p.metricId);
      if (depth != null) {
        history.record(p.metricId, p.group, p.entry, depth);
      }
    }
    return last;
  }

  /** One alert line, parsed and checked on its own. */
  private record Alert(Line line, String ruleId, GroupKey group, GroupState state) {
    /** Checks the instants against the last evaluation. */
    void checkAgainst(@Nullable Instant last) {
      if (last == null) {
        throw line.impossible("an alert needs a last evaluation, and last is " + NONE);
      }
      if (state.since.isAfter(last)) {
        throw line.impossible(
            "field since: " + state.since + " is after the last evaluation " + last);
      }
      if (state.clearedAt != null && state.clearedAt.isAfter(last)) {
        throw line.impossible(
            "field clearedAt: " + state.clearedAt + " is after the last evaluation " + last);
      }
    }
  }

  /** One history line, parsed and checked on its own. */
  private record Past(Line line, String metricId, GroupKey group, History.Entry entry) {}

  private static Alert alert(Line line, List<String> f) {
    String ruleId = line.decode("ruleId", f.get(1));
    line.where("rule " + ruleId + ", ");
    GroupKey group = line.group(f.get(2));
    line.where("rule " + ruleId + ", group " + group(group) + ", ");
    GroupState st = new GroupState();
    st.state = checkNotNull(line.choice("state", f.get(3), AlertState.class, false));
    st.level = line.choice("level", f.get(4), Severity.class, true);
    st.consecutive = line.count("consecutive", f.get(5), 1);
    st.periodsInRun = line.count("periodsInRun", f.get(6), 1);
    st.since = line.instant("since", f.get(7));
    st.sincePeriodStart = line.instant("sincePeriodStart", f.get(8));
    st.lastPeriodStart = line.instant("lastPeriodStart", f.get(9));
    st.clearedAt = f.get(10).equals(NONE) ? null : line.instant("clearedAt", f.get(10));
    st.evaluationsSinceCleared = line.count("evaluationsSinceCleared", f.get(11), 0);
    st.missing = line.count("missing", f.get(12), 0);
    st.episode = line.episode(f.get(13));
    // Every kept alert began with a breach (startRun): it has a level, a run of at least one
    // evaluation and one period, and a cleared instant only after a clear while firing.
    if (st.level == null) {
      throw line.impossible("field level: state " + st.state + " needs a level, not " + NONE);
    }
    if (st.periodsInRun > st.consecutive) {
      throw line.impossible(
          "field periodsInRun: " + st.periodsInRun + " is more than consecutive "
              + st.consecutive);
    }
    if (st.lastPeriodStart.isBefore(st.sincePeriodStart)) {
      throw line.impossible(
          "field lastPeriodStart: " + st.lastPeriodStart + " is before sincePeriodStart "
              + st.sincePeriodStart);
    }
    boolean mayHaveCleared =
        st.state == AlertState.RECOVERING || st.state == AlertState.RESOLVED;
    if (st.clearedAt == null) {
      if (st.state == AlertState.RECOVERING) {
        throw line.impossible(
            "field clearedAt: state RECOVERING needs a cleared instant, not " + NONE);
      }
      if (st.evaluationsSinceCleared != 0) {
        throw line.impossible(
            "field evaluationsSinceCleared: " + st.evaluationsSinceCleared
                + " without a cleared instant");
      }
    } else {
      if (!mayHaveCleared) {
        throw line.impossible(
            "field clearedAt: state " + st.state + " has no cleared instant, not "
                + st.clearedAt);
      }
      if (!st.clearedAt.isAfter(st.since)) {
        throw line.impossible(
            "field clearedAt: " + st.clearedAt + " must be after since " + st.since);
      }
    }
    return new Alert(line, ruleId, group, st);
  }

  private static Past past(Line line, List<String> f) {
    String metricId = line.decode("metricId", f.get(1));
    line.where("metric " + metricId + ", ");
    GroupKey group = line.group(f.get(2));
    line.where("metric " + metricId + ", group " + group(group) + ", ");
    Instant start = line.instant("periodStart", f.get(3));
    Instant end = line.instant("periodEnd", f.get(4));
    if (!end.isAfter(start)) {
      throw line.impossible(
          "field periodEnd: " + end + " must be after periodStart " + start);
    }
    OptionalDouble value =
        f.get(5).equals(NONE) ? OptionalDouble.empty() : OptionalDouble.of(line.finite(f.get(5)));
    return new Past(line, metricId, group, new History.Entry(start, end, value));
  }

  /** A line being read: its number and text, and what it is about so far, for messages. */
  private static final class Line {
    final int number;
    final String text;
    private String where = "";

    Line(int number, String text) {
      this.number = number;
      this.text = text;
    }

    void where(String context) {
      this.where = context;
    }

    IllegalArgumentException malformed(String reason) {
      return error("malformed", reason);
    }

    IllegalArgumentException impossible(String reason) {
      return error("impossible", reason);
    }

    private IllegalArgumentException error(String kind, String reason) {
      return new IllegalArgumentException(
          "rule engine state line " + number + " is " + kind + " (" + where + reason + "): "
              + text);
    }

    void expect(List<String> f, int n) {
      if (f.size() != n) {
        throw malformed("expected " + n + " fields, got " + f.size());
      }
    }

    String decode(String field, String s) {
      String decoded;
      try {
        decoded = dec(s);
      } catch (IllegalArgumentException e) {
        throw malformed("field " + field + ": not URL-encoded: " + s);
      }
      if (decoded.isBlank()) {
        throw malformed("field " + field + ": must not be blank: '" + s + "'");
      }
      return decoded;
    }

    GroupKey group(String s) {
      if (s.equals("*")) {
        return GroupKey.overall();
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (String pair : Splitter.on('&').split(s)) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw malformed("field group: pair without '=': " + pair);
        }
        String dimension = decode("group", pair.substring(0, eq));
        String value;
        try {
          value = dec(pair.substring(eq + 1));
        } catch (IllegalArgumentException e) {
          throw malformed("field group: not URL-encoded: " + pair);
        }
        if (values.put(dimension, value) != null) {
          throw malformed("field group: dimension " + dimension + " twice in " + s);
        }
      }
      try {
        return GroupKey.of(values);
      } catch (IllegalArgumentException e) {
        throw malformed("field group: " + e.getMessage());
      }
    }

    @Nullable
    <E extends Enum<E>> E choice(String field, String s, Class<E> type, boolean orNone) {
      if (orNone && s.equals(NONE)) {
        return null;
      }
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s)) {
          return e;
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name());
      }
      if (orNone) {
        names.add(NONE);
      }
      throw malformed("field " + field + ": " + s + " is not one of " + String.join(", ", names));
    }

    int count(String field, String s, int min) {
      int n;
      try {
        n = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw malformed("field " + field + ": not a whole number: " + s);
      }
      if (n < min) {
        throw malformed("field " + field + ": must be >= " + min + ": " + n);
      }
      return n;
    }

    long episode(String s) {
      long n;
      try {
        n = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw malformed("field episode: not a whole number: " + s);
      }
      if (n < 1) {
        throw malformed("field episode: must be >= 1: " + n);
      }
      return n;
    }

    Instant instant(String field, String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw malformed("field " + field + ": not an instant: " + s);
      }
    }

    double finite(String s) {
      double d;
      try {
        d = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw malformed("field value: not a number: " + s);
      }
      if (!Double.isFinite(d)) {
        throw malformed("field value: must be finite: " + s);
      }
      return d;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String group(GroupKey group) {
    if (group.isOverall()) {
      return "*";
    }
    StringBuilder s = new StringBuilder();
    group
        .values()
        .forEach(
            (k, v) -> {
              if (s.length() > 0) {
                s.append('&');
              }
              s.append(enc(k)).append('=').append(enc(v));
            });
    return s.toString();
  }
}
