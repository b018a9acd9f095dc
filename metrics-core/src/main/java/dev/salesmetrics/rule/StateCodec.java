package dev.salesmetrics.rule;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.GroupKey;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

  /** Decodes into {@code states} (only rules present as keys) and {@code history}. */
  @Nullable
  static Instant decode(
      EngineState state,
      Map<String, Map<GroupKey, GroupState>> states,
      History history,
      Map<String, Integer> historyDepth) {
    Instant last = null;
    List<String> lines = state.lines();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      List<String> f = Splitter.on(' ').splitToList(line);
      try {
        switch (f.get(0)) {
          case "last" -> {
            expect(f, 2);
            last = f.get(1).equals(NONE) ? null : Instant.parse(f.get(1));
          }
          case "alert" -> {
            expect(f, ALERT_FIELDS);
            Map<GroupKey, GroupState> byGroup = states.get(dec(f.get(1)));
            GroupState st = new GroupState();
            st.state = AlertState.valueOf(f.get(3));
            st.level = f.get(4).equals(NONE) ? null : Severity.valueOf(f.get(4));
            st.consecutive = nonNegative(f.get(5));
            st.periodsInRun = nonNegative(f.get(6));
            st.since = Instant.parse(f.get(7));
            st.sincePeriodStart = Instant.parse(f.get(8));
            st.lastPeriodStart = Instant.parse(f.get(9));
            st.clearedAt = f.get(10).equals(NONE) ? null : Instant.parse(f.get(10));
            st.evaluationsSinceCleared = nonNegative(f.get(11));
            st.missing = nonNegative(f.get(12));
            st.episode = Long.parseLong(f.get(13));
            if (st.state.isFiring() || st.state == AlertState.PENDING) {
              if (st.level == null) {
                throw new IllegalArgumentException("state " + st.state + " needs a level");
              }
            }
            if (st.state == AlertState.RECOVERING && st.clearedAt == null) {
              throw new IllegalArgumentException("state RECOVERING needs a cleared instant");
            }
            GroupKey group = parseGroup(f.get(2));
            if (byGroup != null) {
              byGroup.put(group, st);
            }
          }
          case "history" -> {
            expect(f, HISTORY_FIELDS);
            String metricId = dec(f.get(1));
            GroupKey group = parseGroup(f.get(2));
            Instant start = Instant.parse(f.get(3));
            Instant end = Instant.parse(f.get(4));
            OptionalDouble value =
                f.get(5).equals(NONE)
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(finite(f.get(5)));
            Integer depth = historyDepth.get(metricId);
            if (depth != null) {
              history.record(metricId, group, new History.Entry(start, end, value), depth);
            }
          }
          default -> throw new IllegalArgumentException("unknown line kind '" + f.get(0) + "'");
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException(
            "rule engine state line " + (i + 1) + " is malformed (" + e.getMessage() + "): "
                + line,
            e);
      }
    }
    return last;
  }

  private static void expect(List<String> f, int n) {
    if (f.size() != n) {
      throw new IllegalArgumentException("expected " + n + " fields, got " + f.size());
    }
  }

  private static int nonNegative(String s) {
    int n = Integer.parseInt(s);
    if (n < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + n);
    }
    return n;
  }

  private static double finite(String s) {
    double d = Double.parseDouble(s);
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("value must be finite: " + s);
    }
    return d;
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
