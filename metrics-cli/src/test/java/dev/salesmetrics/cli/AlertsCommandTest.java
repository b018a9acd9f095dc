package dev.salesmetrics.cli;

import com.google.common.base.Splitter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code alerts} command over the sample data with the bundled default rules. */
class AlertsCommandTest {
  @TempDir static Path sample;
  static Path rules;

  @BeforeAll
  static void writeSample() throws IOException {
    SampleData.writeCsv(sample.resolve("data"));
    rules = sample.resolve("default-rules.txt");
    try (InputStream in = AlertsCommandTest.class.getResourceAsStream("/default-rules.txt")) {
      assertThat(in).as("default-rules.txt on the class path").isNotNull();
      Files.copy(in, rules);
    }
  }

  static Cli.Result alerts(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "alerts", "--data", sample.resolve("data").toString(), "--rules",
                rules.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  /** The transition lines: after the header, up to the blank line before the summary. */
  static List<String> transitions(Cli.Result r) {
    List<String> lines = r.lines();
    return lines.subList(1, lines.indexOf(""));
  }

  @Test
  void defaultRulesFireOnTheCollapsingRepFromNovember2025() {
    Cli.Result r = alerts();

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.lines();
    assertThat(lines.get(0)).matches("period +rule +group +transition +level +why");
    assertThat(lines)
        .anyMatch(
            l ->
                l.matches(
                    "2025-11 +low-win-rate +rep R07 +pending -> firing +critical +Win rate for rep"
                        + " R07 was 0\\.0% \\(0/6\\), below 10%, for 2 consecutive months since"
                        + " 2025-10-01"))
        .noneMatch(l -> l.contains("inactive -> pending"));
    // the pending month shows with --only all
    assertThat(alerts("--only", "all").lines())
        .anyMatch(
            l -> l.matches("2025-10 +low-win-rate +rep R07 +inactive -> pending +critical .*"));
  }

  @Test
  void defaultRulesFireOnChurnAfterThePriceChange() {
    Cli.Result r = alerts();

    List<String> churnFiring =
        r.lines().stream()
            .filter(l -> l.matches("\\S+ +churn-rising +overall +\\S+ -> firing .*"))
            .toList();
    assertThat(churnFiring).isNotEmpty();
    assertThat(churnFiring).allMatch(l -> l.compareTo("2025-04") > 0);
    assertThat(r.lines())
        .anyMatch(l -> l.matches("2025-12 +churn-rising +overall +firing -> resolved .*"));
  }

  @Test
  void byDefaultOnlyFiringAndResolvingTransitionsThenASummaryPerRule() {
    Cli.Result r = alerts();
    Cli.Result all = alerts("--only", "all");
    Cli.Result firing = alerts("--only", "firing");

    assertThat(transitions(r))
        .isNotEmpty()
        .allMatch(l -> l.matches("\\S+ +\\S+ +(rep \\S+|overall) +\\S+ -> (firing|resolved) .*"));
    assertThat(transitions(firing)).allMatch(l -> l.contains(" -> firing "));
    assertThat(transitions(all).size())
        .isGreaterThan(transitions(r).size())
        .isGreaterThan(transitions(firing).size());
    List<String> summary = r.lines().subList(r.lines().indexOf("") + 1, r.lines().size());
    assertThat(summary.get(0)).matches("rule +fired +groups +firing at the end");
    assertThat(summary.subList(1, 6))
        .extracting(l -> Splitter.on(' ').splitToList(l).get(0))
        .containsExactly(
            "low-win-rate", "revenue-drop", "churn-rising", "thin-pipeline", "quota-behind");
    assertThat(summary.get(2)).matches("revenue-drop +0 +0 +-");
    assertThat(summary.get(3)).matches("churn-rising +1 +1 +-");
    assertThat(summary.get(6))
        .isEqualTo(
            transitions(r).size() + " of " + transitions(all).size()
                + " transitions shown (--only all shows every one)");
    // the same transitions, all of them shown, with --only all
    assertThat(all.lines().get(all.lines().size() - 1))
        .isEqualTo(transitions(all).size() + " of " + transitions(all).size()
            + " transitions shown");
  }

  @Test
  void anUnknownOnlyIsAUsageErrorWithTheClosestWord() {
    Cli.Result r = alerts("--only", "fireing");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "salesmetrics: --only must be firing, resolved or all: \"fireing\"; did you mean"
                + " firing?\nTry 'salesmetrics alerts --help'\n");
  }

  @Test
  void transitionsComeInPeriodOrder() {
    Cli.Result r = alerts("--period", "quarter", "--only", "all");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> periods =
        transitions(r).stream().map(l -> Splitter.on(' ').splitToList(l).get(0)).toList();
    assertThat(periods).isSorted().allMatch(p -> p.matches("\\d{4}-Q\\d"));
  }

  @Test
  void malformedRuleFileIsAUsageErrorNamingFileAndLine() throws IOException {
    Path bad = sample.resolve("bad-rules.txt");
    Files.writeString(
        bad,
        """
        rule r1
          metric: win_rate
          when: below
          treshold: 0.2
        """,
        StandardCharsets.UTF_8);

    Cli.Result r =
        Cli.run("alerts", "--data", sample.resolve("data").toString(), "--rules", bad.toString());

    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("bad-rules.txt:4").contains("treshold");
  }
}
