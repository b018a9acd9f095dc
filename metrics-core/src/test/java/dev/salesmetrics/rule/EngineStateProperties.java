package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.base.Splitter;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Exported states restore to the same future, and garbage states are refused whole: a state is
 * either accepted exactly as given or refused with the engine left as it was.
 */
class EngineStateProperties {
  private static final GroupKey R07 = Series.REP;
  private static final GroupKey R01 = RuleSets.R01;
  private static final GroupKey ALL = GroupKey.overall();
  private static final String[] TOKENS = {
    "0.05", "0.15", "0.19", "0.21", "0.25", "0.6", "2.5", "-", "x", "x", "nan", "inf", "-inf",
    "3/17", "0/5", "1e300"
  };

  /** Every option of {@link RuleSets#everyOption()}, plus a goal, a pace and an overall rule. */
  private static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(RuleSets.everyOption());
    rules.add(
        Rule.builder("goal")
            .metric("g", "G", MetricUnit.NUMBER)
            .per("rep")
            .againstGoal()
            .below()
            .warning(0.8, 0.9)
            .critical(0.5)
            .forEvaluations(2)
            .keepFiringFor(Duration.ofDays(3))
            .build());
    rules.add(
        Rule.builder("pace")
            .metric("g", "G", MetricUnit.NUMBER)
            .per("rep")
            .behindPace()
            .whenUndefined(UndefinedPolicy.RESOLVE)
            .build());
    rules.add(
        Rule.builder("overall")
            .metric("m", "M", MetricUnit.NUMBER)
            .above()
            .warning(0.2)
            .critical(1.0, 0.9)
            .forDuration(Duration.ofDays(9))
            .keepFiringForEvaluations(1)
            .keepFiringFor(Duration.ofHours(36))
            .resolveVanishedAfter(2)
            .build());
    return rules;
  }

  private static Goals goals(Instant from, int weeks) {
    Goals.Builder b = Goals.builder();
    for (int w = 0; w < weeks; w++) {
      Instant start = from.plus(Series.WEEK.multipliedBy(w));
      b.target("g", R07, start, 0.2);
      if (w % 3 != 2) {
        b.target("g", R01, start, 1.0);
      }
    }
    return b.build();
  }

  /**
   * Evaluations from the week starting at {@code from}: each code picks R07's, R01's and the
   * overall group's token (4 bits each) and, in its top 2 bits, when it runs: at the week's end,
   * again within the same week, in the middle of the next week, or after a skipped week.
   * Evaluation instants have sub-second parts.
   */
  private static List<Evaluation> series(Instant from, List<Integer> codes) {
    List<Evaluation> out = new ArrayList<>();
    Goals goals = goals(from, codes.size() * 2 + 2);
    Instant weekStart = from;
    Instant at = null;
    for (int code : codes) {
      int timing = (code >> 12) & 3;
      Instant evaluatedAt;
      if (at == null) {
        evaluatedAt = weekStart.plus(Series.WEEK).plusMillis(code & 999);
      } else if (timing == 1) {
        evaluatedAt = at.plus(Duration.ofHours(5)).plusNanos(1 + (code & 0xfff));
      } else {
        weekStart = weekStart.plus(Series.WEEK.multipliedBy(timing == 3 ? 2 : 1));
        Instant end = weekStart.plus(Series.WEEK);
        evaluatedAt = timing == 2 ? weekStart.plus(Duration.ofDays(3)) : end;
        if (!evaluatedAt.isAfter(at)) {
          evaluatedAt = at.plusMillis(1);
        }
      }
      at = evaluatedAt;
      Evaluation.Builder b =
          Evaluation.builder(at, weekStart, weekStart.plus(Series.WEEK)).goals(goals);
      put(b, R07, TOKENS[code & 15]);
      put(b, R01, TOKENS[(code >> 4) & 15]);
      put(b, ALL, TOKENS[(code >> 8) & 15]);
      out.add(b.build());
    }
    return out;
  }

  private static void put(Evaluation.Builder b, GroupKey group, String token) {
    if (!token.equals("x")) {
      b.value("m", group, Series.parseValue(token));
      b.value("g", group, Series.parseValue(token));
    }
  }

  private static final int CODES = 1 << 14;

  @Test
  void anExportedStateRestoresToTheSameFuture() {
    qt().forAll(
            lists().of(integers().between(0, CODES - 1)).ofSizeBetween(0, 30),
            lists().of(integers().between(0, CODES - 1)).ofSizeBetween(0, 15))
        .checkAssert(
            (before, after) -> {
              List<Integer> all = new ArrayList<>(before);
              all.addAll(after);
              List<Evaluation> evaluations = series(Series.START, all);
              RuleEngine original = RuleEngine.of(rules());
              var unused = Replay.run(original, evaluations.subList(0, before.size()));
              EngineState state = original.exportState();

              RuleEngine restored = RuleEngine.of(rules());
              restored.restoreState(EngineState.parse(state.toText()));
              assertThat(restored.exportState()).isEqualTo(state);
              original.restoreState(state);
              assertThat(original.exportState()).isEqualTo(state);

              List<Evaluation> future = evaluations.subList(before.size(), evaluations.size());
              assertThat(Replay.run(restored, future)).isEqualTo(Replay.run(original, future));
              assertThat(restored.exportState()).isEqualTo(original.exportState());
            });
  }

  private static final String[] POOL = {
    "-", "0", "1", "2", "3", "-1", "2147483648", "NaN", "Infinity", "1e309", "0.5", "x", "", "*",
    "rep=R07", "rep=R01", "rep=R07&rep=R01", "rep=", "team=East", "%zz", "levels", "goal",
    "nope", "m", "g", "INACTIVE", "PENDING", "FIRING", "RECOVERING", "RESOLVED", "WARNING",
    "CRITICAL", "1970-01-01T00:00:00Z", "2025-03-05T12:34:56.789Z", "2025-03-10T00:00:00Z",
    "2025-04-07T00:00:00Z", "2025-06-30T00:00:00.000000001Z", "2031-01-01T00:00:00Z",
    "yesterday", "last", "alert", "history"
  };

  /**
   * Applies one mutation chosen by {@code code}: a field replaced from {@link #POOL} or by the
   * same field of another line, a line deleted, duplicated, cut short, lengthened or replaced by
   * junk, or a junk line inserted.
   */
  private static void mutate(List<String> lines, int code) {
    int kind = code % 8;
    int rest = code / 8;
    if (lines.size() < 2) {
      lines.add("last " + POOL[rest % POOL.length]);
      return;
    }
    int index = 1 + rest % (lines.size() - 1);
    rest /= 64;
    List<String> f = new ArrayList<>(Splitter.on(' ').splitToList(lines.get(index)));
    int field = rest % f.size();
    rest /= 16;
    String token = POOL[rest % POOL.length];
    switch (kind) {
      case 0, 1 -> {
        f.set(field, token);
        lines.set(index, String.join(" ", f));
      }
      case 2 -> lines.remove(index);
      case 3 -> lines.add(1 + rest % lines.size(), lines.get(index));
      case 4 -> {
        if (f.size() > 1) {
          f.remove(f.size() - 1);
        } else {
          f.add(token);
        }
        lines.set(index, String.join(" ", f));
      }
      case 5 -> lines.set(index, String.join(" ", f) + " " + token);
      case 6 -> {
        String other = lines.get(1 + (rest / 7) % (lines.size() - 1));
        List<String> g = Splitter.on(' ').splitToList(other);
        if (field < g.size()) {
          f.set(field, g.get(field));
          lines.set(index, String.join(" ", f));
        }
      }
      default ->
          lines.add(
              1 + rest % lines.size(),
              token + " " + POOL[(rest / 3) % POOL.length] + " " + POOL[(rest / 5) % POOL.length]);
    }
  }

  @Test
  void aGarbageStateIsRefusedWithTheEngineUnchangedOrAcceptedWhole() {
    qt().forAll(
            lists().of(integers().between(0, CODES - 1)).ofSizeBetween(1, 25),
            lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 4))
        .checkAssert(
            (codes, mutations) -> {
              List<Evaluation> evaluations = series(Series.START, codes);
              RuleEngine source = RuleEngine.of(rules());
              var unused = Replay.run(source, evaluations);
              List<String> lines = new ArrayList<>(source.exportState().lines());
              for (int m : mutations) {
                mutate(lines, m);
              }
              EngineState garbage = EngineState.of(lines);

              RuleEngine target = RuleEngine.of(rules());
              var unused2 = Replay.run(target, evaluations.subList(0, codes.size() / 2));
              EngineState before = target.exportState();
              boolean accepted;
              try {
                target.restoreState(garbage);
                accepted = true;
              } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageStartingWith("rule engine state ");
                assertThat(target.exportState()).isEqualTo(before);
                accepted = false;
              }
              if (accepted) {
                checkAcceptedWhole(garbage, target);
              }
            });
  }

  /**
   * An accepted state is the engine's state: every alert line of a rule the engine has, every
   * history line of a metric it compares with the past (the newest {@code depth + 1} periods of
   * each group), the last instant, and nothing else; and the engine goes on from it.
   */
  private static void checkAcceptedWhole(EngineState given, RuleEngine engine) {
    Set<String> ruleIds = new HashSet<>();
    Map<String, Integer> depth = new HashMap<>();
    for (Rule r : rules()) {
      ruleIds.add(r.id());
      if (r.baselinePeriods() > 0) {
        depth.merge(r.metricId(), r.baselinePeriods(), Math::max);
      }
    }
    Set<String> alerts = new LinkedHashSet<>();
    Map<String, TreeMap<Instant, String>> history = new HashMap<>();
    String last = null;
    for (String line : given.lines().subList(1, given.lines().size())) {
      List<String> f = Splitter.on(' ').splitToList(line);
      switch (f.get(0)) {
        case "last" -> last = line;
        case "alert" -> {
          if (ruleIds.contains(f.get(1))) {
            alerts.add(line);
          }
        }
        case "history" -> {
          if (depth.containsKey(f.get(1))) {
            String value = f.get(5).equals("-") ? "-" : Double.toString(Double.parseDouble(f.get(5)));
            history
                .computeIfAbsent(f.get(1) + " " + f.get(2), k -> new TreeMap<>())
                .put(
                    Instant.parse(f.get(4)),
                    String.join(" ", f.subList(0, 5)) + " " + value);
          }
        }
        default -> throw new AssertionError("accepted an unknown line: " + line);
      }
    }
    Set<String> expectedHistory = new HashSet<>();
    history.forEach(
        (key, byEnd) -> {
          int keep = depth.get(Splitter.on(' ').splitToList(key).get(0)) + 1;
          List<String> newest = new ArrayList<>(byEnd.values());
          expectedHistory.addAll(newest.subList(Math.max(0, newest.size() - keep), newest.size()));
        });
    List<String> exported = engine.exportState().lines();
    assertThat(exported.get(1)).isEqualTo(last);
    assertThat(exported.stream().filter(l -> l.startsWith("alert ")))
        .containsExactlyInAnyOrderElementsOf(alerts);
    assertThat(exported.stream().filter(l -> l.startsWith("history ")))
        .containsExactlyInAnyOrderElementsOf(expectedHistory);

    RuleEngine again = RuleEngine.of(rules());
    again.restoreState(engine.exportState());
    assertThat(again.exportState()).isEqualTo(engine.exportState());
    String lastInstant = Splitter.on(' ').splitToList(last).get(1);
    Instant from =
        lastInstant.equals("-")
            ? Series.START
            : Instant.parse(lastInstant).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    List<Evaluation> more = series(from, List.of(0x0123, 0x1456, 0x2789, 0x3abc, 0x0def, 0x0a70));
    assertThat(Replay.run(engine, more)).isEqualTo(Replay.run(again, more));
  }
}
