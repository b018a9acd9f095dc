package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rule sets from a small text format, one block per rule:
 *
 * <pre>
 * # Warn when a rep's win rate is below 20% for two weeks running.
 * rule low-win-rate
 *   metric: win_rate
 *   per: rep
 *   when: below
 *   warning: 0.20 recover 0.25
 *   critical: 0.10
 *   for: 2
 *   minimum_sample: 5
 * </pre>
 *
 * <p>A block starts with {@code rule <id>} at the start of a line; its settings are indented
 * {@code key: value} lines. Blank lines and lines starting with {@code #} are ignored. Keys:
 *
 * <ul>
 *   <li>{@code metric} (required): a metric id of the registry;
 *   <li>{@code name}: the metric's name in sentences (default from the id, "Win rate");
 *   <li>{@code per}: a dimension id such as {@code rep}, or {@code overall} (the default);
 *   <li>{@code when} (required): {@code above}, {@code below} or {@code outside};
 *   <li>{@code against}: {@code value} (default), {@code goal}, {@code pace},
 *       {@code previous_period}, or {@code baseline N};
 *   <li>{@code warning}, {@code critical} (at least one): a trigger, optionally {@code recover
 *       R}; for {@code outside}, a band {@code LOW .. HIGH}, optionally {@code recover LOW ..
 *       HIGH};
 *   <li>{@code for}: a number of evaluations ({@code 2}) or a duration ({@code 14d}, {@code 12h},
 *       {@code 30m}, or ISO-8601 {@code PT12H});
 *   <li>{@code keep_firing_for}: evaluations or a duration, as {@code for};
 *   <li>{@code minimum_sample}: a count;
 *   <li>{@code when_undefined}: {@code keep_state} (default), {@code resolve} or {@code alert};
 *   <li>{@code resolve_vanished_after}: a number of evaluations.
 * </ul>
 *
 * <p>Errors name the file (or source), the line, and what is wrong, e.g. {@code rules.txt:7:
 * unknown key "treshold"; expected one of metric, name, ...}.
 */
public final class RuleFile {
  private static final Pattern RULE = Pattern.compile("rule\\s+(\\S+)\\s*");
  private static final Pattern SETTING = Pattern.compile("\\s+([a-z_]+)\\s*:\\s*(.*?)\\s*");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([dhms])");
  private static final List<String> KEYS =
      List.of(
          "metric", "name", "per", "when", "against", "warning", "critical", "for",
          "keep_firing_for", "minimum_sample", "when_undefined", "resolve_vanished_after");

  private RuleFile() {}

  /**
   * Reads the rules in {@code file}.
   *
   * @param file a UTF-8 text file in the format above
   * @param metrics where metric ids are looked up, e.g. {@code Metrics.registry()}
   * @return the rules, in file order
   * @throws IllegalArgumentException if the text is malformed, naming the file and line
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ImmutableList<Rule> read(Path file, MetricRegistry metrics) {
    checkNotNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rule file " + file, e);
    }
    return parse(text, file.getFileName().toString(), metrics);
  }

  /**
   * Parses rules from text.
   *
   * @param text the rules in the format above
   * @param source a name for messages, such as the file name
   * @param metrics where metric ids are looked up
   * @return the rules, in text order
   * @throws IllegalArgumentException if the text is malformed, naming the source and line
   */
  public static ImmutableList<Rule> parse(String text, String source, MetricRegistry metrics) {
    checkNotNull(text, "text");
    checkNotNull(source, "source");
    checkNotNull(metrics, "metrics");
    List<Block> blocks = new ArrayList<>();
    Block current = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Matcher rule = RULE.matcher(line);
      if (rule.matches()) {
        current = new Block(rule.group(1), lineNo);
        blocks.add(current);
        continue;
      }
      Matcher setting = SETTING.matcher(line);
      if (!setting.matches()) {
        throw error(source, lineNo,
            "expected \"rule <id>\" or an indented \"key: value\" line, got \"" + trimmed + "\"");
      }
      if (current == null) {
        throw error(source, lineNo, "setting before the first \"rule <id>\" line");
      }
      String key = setting.group(1);
      if (!KEYS.contains(key)) {
        throw error(source, lineNo,
            "unknown key \"" + key + "\"; expected one of " + String.join(", ", KEYS));
      }
      if (current.settings.containsKey(key)) {
        throw error(source, lineNo, "key \"" + key + "\" given twice for rule " + current.id);
      }
      current.settings.put(key, new Setting(setting.group(2), lineNo));
    }
    Set<String> ids = new HashSet<>();
    ImmutableList.Builder<Rule> rules = ImmutableList.builder();
    for (Block b : blocks) {
      if (!ids.add(b.id)) {
        throw error(source, b.line, "rule id \"" + b.id + "\" is used twice");
      }
      rules.add(b.build(source, metrics));
    }
    return rules.build();
  }

  private static IllegalArgumentException error(String source, int line, String message) {
    return new IllegalArgumentException(source + ":" + line + ": " + message);
  }

  private record Setting(String value, int line) {}

  private static final class Block {
    final String id;
    final int line;
    final Map<String, Setting> settings = new LinkedHashMap<>();

    Block(String id, int line) {
      this.id = id;
      this.line = line;
    }

    Rule build(String source, MetricRegistry metrics) {
      Rule.Builder b = Rule.builder(id);
      Setting metricSetting = require("metric", source);
      Metric<?, ?> metric;
      try {
        metric = metrics.byId(metricSetting.value());
      } catch (IllegalArgumentException e) {
        throw error(source, metricSetting.line(), e.getMessage());
      }
      Setting name = settings.get("name");
      try {
        if (name == null) {
          b.metric(metric);
        } else {
          b.metric(metric.id(), name.value(), metric.unit());
        }
      } catch (IllegalArgumentException e) {
        throw error(source, metricSetting.line(), e.getMessage());
      }
      Setting when = require("when", source);
      boolean outside = false;
      switch (when.value().toLowerCase(Locale.ROOT)) {
        case "above" -> b.above();
        case "below" -> b.below();
        case "outside" -> {
          b.outside();
          outside = true;
        }
        default -> throw error(source, when.line(),
            "when must be above, below or outside: \"" + when.value() + "\"");
      }
      apply("per", source, v -> {
        if (v.equalsIgnoreCase("overall")) {
          b.overall();
        } else {
          b.per(v);
        }
      });
      apply("against", source, v -> against(b, v));
      boolean band = outside;
      if (!settings.containsKey("warning") && !settings.containsKey("critical")) {
        throw error(source, line, "rule " + id + " needs a warning or a critical level");
      }
      apply("warning", source, v -> level(b, v, band, false));
      apply("critical", source, v -> level(b, v, band, true));
      apply("for", source, v -> timing(v, b::forEvaluations, b::forDuration));
      apply("keep_firing_for", source,
          v -> timing(v, b::keepFiringForEvaluations, b::keepFiringFor));
      apply("minimum_sample", source, v -> b.minimumSample(parseLong(v, "minimum_sample")));
      apply("when_undefined", source, v -> b.whenUndefined(undefinedPolicy(v)));
      apply("resolve_vanished_after", source,
          v -> b.resolveVanishedAfter((int) parseLong(v, "resolve_vanished_after")));
      try {
        return b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw error(source, line, e.getMessage());
      }
    }

    private Setting require(String key, String source) {
      Setting s = settings.get(key);
      if (s == null) {
        throw error(source, line, "rule " + id + " needs \"" + key + ":\"");
      }
      return s;
    }

    private void apply(String key, String source, ValueConsumer action) {
      Setting s = settings.get(key);
      if (s == null) {
        return;
      }
      try {
        action.accept(s.value());
      } catch (IllegalArgumentException e) {
        throw error(source, s.line(), key + ": " + e.getMessage());
      }
    }
  }

  @FunctionalInterface
  private interface ValueConsumer {
    void accept(String value);
  }

  @FunctionalInterface
  private interface IntSetter {
    void set(int value);
  }

  @FunctionalInterface
  private interface DurationSetter {
    void set(Duration value);
  }

  private static void against(Rule.Builder b, String value) {
    String[] parts = value.strip().toLowerCase(Locale.ROOT).split("\\s+", -1);
    switch (parts[0]) {
      case "value" -> b.againstValue();
      case "goal" -> b.againstGoal();
      case "pace" -> b.againstPace();
      case "previous_period" -> b.againstPreviousPeriod();
      case "baseline" -> {
        if (parts.length != 2) {
          throw new IllegalArgumentException(
              "baseline needs a number of periods, e.g. \"baseline 3\": \"" + value + "\"");
        }
        b.againstBaseline((int) parseLong(parts[1], "baseline"));
      }
      default -> throw new IllegalArgumentException(
          "must be value, goal, pace, previous_period or baseline N: \"" + value + "\"");
    }
  }

  private static void level(Rule.Builder b, String value, boolean band, boolean critical) {
    String[] halves = value.split("\\s+recover\\s+", -1);
    if (halves.length > 2) {
      throw new IllegalArgumentException("\"recover\" given twice: \"" + value + "\"");
    }
    if (band) {
      double[] trigger = band(halves[0]);
      if (halves.length == 2) {
        double[] recovery = band(halves[1]);
        if (critical) {
          b.criticalBand(trigger[0], trigger[1], recovery[0], recovery[1]);
        } else {
          b.warningBand(trigger[0], trigger[1], recovery[0], recovery[1]);
        }
      } else if (critical) {
        b.criticalBand(trigger[0], trigger[1]);
      } else {
        b.warningBand(trigger[0], trigger[1]);
      }
      return;
    }
    double trigger = parseDouble(halves[0]);
    if (halves.length == 2) {
      double recovery = parseDouble(halves[1]);
      if (critical) {
        b.critical(trigger, recovery);
      } else {
        b.warning(trigger, recovery);
      }
    } else if (critical) {
      b.critical(trigger);
    } else {
      b.warning(trigger);
    }
  }

  private static double[] band(String text) {
    String[] ends = text.split("\\s*\\.\\.\\s*", -1);
    if (ends.length != 2) {
      throw new IllegalArgumentException("a band must read LOW .. HIGH: \"" + text + "\"");
    }
    return new double[] {parseDouble(ends[0]), parseDouble(ends[1])};
  }

  private static void timing(String value, IntSetter evaluations, DurationSetter duration) {
    String v = value.strip();
    if (v.matches("\\d+")) {
      evaluations.set((int) parseLong(v, "evaluations"));
      return;
    }
    Matcher m = SHORT_DURATION.matcher(v);
    if (m.matches()) {
      long n = parseLong(m.group(1), "duration");
      duration.set(
          switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
          });
      return;
    }
    try {
      duration.set(Duration.parse(v));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "must be a number of evaluations (2) or a duration (14d, 12h, 30m, PT12H): \"" + value
              + "\"", e);
    }
  }

  private static UndefinedPolicy undefinedPolicy(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "keep_state" -> UndefinedPolicy.KEEP_STATE;
      case "resolve" -> UndefinedPolicy.RESOLVE;
      case "alert" -> UndefinedPolicy.ALERT;
      default -> throw new IllegalArgumentException(
          "must be keep_state, resolve or alert: \"" + value + "\"");
    };
  }

  private static long parseLong(String text, String what) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number: \"" + text + "\"", e);
    }
  }

  private static double parseDouble(String text) {
    double d;
    try {
      d = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: \"" + text + "\"", e);
    }
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("threshold must be finite: \"" + text + "\"");
    }
    return d;
  }
}
