package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Metrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileTest {
  private static final String RULES =
      """
      # Warn when a rep's win rate is below 20% for two weeks running.
      rule low-win-rate
        metric: win_rate
        per: rep
        when: below
        warning: 0.20 recover 0.25
        critical: 0.10
        for: 2
        minimum_sample: 5

      rule revenue-drop
        metric: revenue
        when: below
        against: previous_period
        warning: -0.15
        for: 14d
        keep_firing_for: 1
        when_undefined: resolve

      rule cycle-band
        metric: sales_cycle
        name: Cycle
        per: team
        when: outside
        warning: 10 .. 60 recover 12 .. 55
        resolve_vanished_after: 3
      """;

  @Test
  void readsEveryOptionIntoRules() {
    ImmutableList<Rule> rules = RuleFile.parse(RULES, "rules.txt", Metrics.registry());
    assertThat(rules).extracting(Rule::id)
        .containsExactly("low-win-rate", "revenue-drop", "cycle-band");

    Rule win = rules.get(0);
    assertThat(win.metricId()).isEqualTo("win_rate");
    assertThat(win.metricName()).isEqualTo("Win rate");
    assertThat(win.unit()).isEqualTo(MetricUnit.RATIO);
    assertThat(win.dimension()).contains("rep");
    assertThat(win.comparison()).isEqualTo(Comparison.BELOW);
    assertThat(win.severities()).containsExactly(Severity.WARNING, Severity.CRITICAL);
    assertThat(win.forEvaluations()).isEqualTo(2);
    assertThat(win.minimumSample()).isEqualTo(5);

    Rule drop = rules.get(1);
    assertThat(drop.dimension()).isEmpty();
    assertThat(drop.reference()).isEqualTo(Reference.PREVIOUS_PERIOD);
    assertThat(drop.forDuration()).isEqualTo(Duration.ofDays(14));
    assertThat(drop.keepFiringForEvaluations()).isEqualTo(1);
    assertThat(drop.undefinedPolicy()).isEqualTo(UndefinedPolicy.RESOLVE);

    Rule band = rules.get(2);
    assertThat(band.metricName()).isEqualTo("Cycle");
    assertThat(band.comparison()).isEqualTo(Comparison.OUTSIDE);
    assertThat(band.resolveVanishedAfter()).isEqualTo(3);
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.txt");
    Files.writeString(file, "\uFEFFrule r\r\n  metric: nps\r\n  when: below\r\n  warning: 0\r\n",
        StandardCharsets.UTF_8);
    assertThat(RuleFile.read(file, Metrics.registry())).extracting(Rule::metricName)
        .containsExactly("NPS");
  }

  private static String lines(String... lines) {
    return String.join("\n", lines);
  }

  private static ImmutableList<Rule> parse(String text) {
    return RuleFile.parse(text, "r.txt", Metrics.registry());
  }

  @Test
  void errorsNameTheSourceAndLine() {
    assertThatThrownBy(() -> parse(lines("rule a", "  metric: win_rate", "  treshold: 1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("r.txt:3: unknown key \"treshold\"; expected one of metric, name");
    assertThatThrownBy(() -> parse(lines("  metric: win_rate")))
        .hasMessage("r.txt:1: setting before the first \"rule <id>\" line");
    assertThatThrownBy(
            () -> parse(lines("rule a", "  metric: win_rat", "  when: below", "  warning: 0.2")))
        .hasMessageStartingWith("r.txt:2: unknown metric id: \"win_rat\"");
    assertThatThrownBy(
            () -> parse(lines("rule a", "  metric: win_rate", "  when: under", "  warning: 0.2")))
        .hasMessage("r.txt:3: when must be above, below or outside: \"under\"");
    assertThatThrownBy(() -> parse(lines("rule a", "  metric: win_rate", "  when: below")))
        .hasMessage("r.txt:1: rule a needs a warning or a critical level");
    assertThatThrownBy(
            () -> parse(lines("rule a", "  metric: win_rate", "  when: below", "  warning: 0.2",
                "  for: soon")))
        .hasMessageStartingWith("r.txt:5: for: must be a number of evaluations");
    assertThatThrownBy(
            () -> parse(lines("rule a", "  metric: win_rate", "  when: below",
                "  warning: 0.2 recover 0.1")))
        .hasMessage(
            "r.txt:1: warning recovery threshold 0.1 must be >= its trigger 0.2 for rule a (below)");
    assertThatThrownBy(
            () -> parse(lines("rule a", "  metric: win_rate", "  when: below", "  warning: 0.2",
                "rule a", "  metric: nps", "  when: below", "  warning: 1")))
        .hasMessage("r.txt:5: rule id \"a\" is used twice");
    assertThatThrownBy(() -> parse(lines("rule a", "metric win_rate")))
        .hasMessage(
            "r.txt:2: expected \"rule <id>\" or an indented \"key: value\" line, got \"metric"
                + " win_rate\"");
  }

  @Test
  void displayNamesComeFromIds() {
    assertThat(Rule.displayName("win_rate")).isEqualTo("Win rate");
    assertThat(Rule.displayName("win_rate.all_created")).isEqualTo("Win rate (all created)");
    assertThat(Rule.displayName("arpu")).isEqualTo("ARPU");
    assertThat(Rule.displayName("historic_clv")).isEqualTo("Historic CLV");
  }
}
