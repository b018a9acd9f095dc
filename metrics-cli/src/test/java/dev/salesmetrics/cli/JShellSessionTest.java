package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the JShell start-up script, then the session documented in README.md between the markers
 * {@code <!-- jshell-session:begin -->} and {@code <!-- jshell-session:end -->}: every line after
 * {@code jshell> } is a snippet, the lines after it are its documented output ({@code name ==>
 * value} for a value, else printed text), and both must match.
 */
class JShellSessionTest {
  private static final Pattern VALUE = Pattern.compile("^([A-Za-z_$][\\w$]*) ==> (.*)$");
  private static final String PROMPT = "jshell> ";

  record Step(String input, List<String> output) {}

  static List<Step> session() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf("<!-- jshell-session:begin -->");
    int end = readme.indexOf("<!-- jshell-session:end -->");
    assertThat(begin).as("begin marker in README.md").isNotNegative();
    assertThat(end).as("end marker after the begin marker").isGreaterThan(begin);
    List<Step> steps = new ArrayList<>();
    for (String line : readme.substring(begin, end).lines().skip(1).toList()) {
      if (line.startsWith("```")) {
        continue;
      }
      if (line.startsWith(PROMPT)) {
        steps.add(new Step(line.substring(PROMPT.length()), new ArrayList<>()));
      } else {
        assertThat(steps).as("output before the first prompt: %s", line).isNotEmpty();
        steps.get(steps.size() - 1).output().add(line);
      }
    }
    return steps;
  }

  @Test
  void readmeDocumentsTenLines() throws IOException {
    assertThat(session()).hasSize(10);
  }

  @Test
  void startupScriptThenReadmeSessionRunAsDocumented() throws IOException {
    List<Step> steps = session();
    try (JShellDriver shell = new JShellDriver()) {
      shell.run(ShellCommand.startupScript());
      assertThat(shell.printed())
          .startsWith("Loaded the sample data into data, reps, quotas, leads, deals, orders,"
              + " customers, campaigns, responses");
      for (Step step : steps) {
        String value = shell.run(step.input());
        String printed = shell.printed();
        Matcher m = step.output().size() == 1 ? VALUE.matcher(step.output().get(0)) : null;
        if (m != null && m.matches()) {
          assertThat(value).as("value of %s", step.input()).isEqualTo(m.group(2));
          assertThat(printed).as("printed by %s", step.input()).isEmpty();
        } else {
          assertThat(JShellDriver.lines(printed))
              .as("printed by %s", step.input())
              .isEqualTo(step.output());
        }
      }
    }
  }

  /**
   * The shell says what a query lacks instead of printing empty or undefined tables, offers the
   * data set's dimensions and mixes record kinds with one call (issue 11, item 12).
   */
  @Test
  void mistakesInTheShellSayWhichRecordsAreMissing() {
    try (JShellDriver shell = new JShellDriver()) {
      shell.run(ShellCommand.startupScript());
      var unused = shell.printed();
      shell.run(
          "var dec = Period.of(LocalDate.of(2025, 12, 1), Granularity.MONTH, ZoneOffset.UTC)");
      assertThat(
              shell.run(
                  "Query.of(deals).groupBy(Dimension.REP).metrics(Metrics.QUOTA_ATTAINMENT)"
                      + ".during(dec).run()"))
          .isEqualTo(
              "MetricTable[40 rows × 1 metrics; quota_attainment reads deals and quotas, but the"
                  + " query's records hold no quota: give it every kind, e.g. Query.of(deals,"
                  + " quotas) or Query.of(data.records())]");
      assertThat(shell.run("Query.of(orders).metrics(Metrics.WIN_RATE).run().notes()"))
          .contains("win_rate reads deals, but the query's records hold no deal");
      assertThat(
              shell.run(
                  "Query.of(deals, quotas).groupBy(Dimension.REP).metrics(Metrics.QUOTA_ATTAINMENT)"
                      + ".during(dec).run().get(GroupKey.of(\"rep\", \"R07\"),"
                      + " Metrics.QUOTA_ATTAINMENT).orElseThrow()"))
          .isEqualTo("71.7% (58,800.00 / 82,000.00 USD)");
      assertThat(
              shell.run(
                  "Query.of(data.records()).groupBy(data.region(), Dimension.year(ZoneOffset.UTC))"
                      + ".metrics(Metrics.QUOTA_ATTAINMENT).periods(LocalDate.of(2025, 1, 1),"
                      + " LocalDate.of(2026, 1, 1)).run().notes()"))
          .isEqualTo("{}");
      assertThat(shell.run("data.campaign().id() + \" \" + data.source().id()"))
          .isEqualTo("\"campaign source\"");
      assertThat(shell.printed()).isEmpty();
    }
  }

  @Test
  void r07WinRateInTheFourthQuarterPrintsAsAPercentage() throws IOException {
    Step r07 =
        session().stream().filter(s -> s.input().startsWith("var r07 ")).findFirst().orElseThrow();
    assertThat(r07.output()).containsExactly("r07 ==> 8.6% (3/35)");
  }
}
