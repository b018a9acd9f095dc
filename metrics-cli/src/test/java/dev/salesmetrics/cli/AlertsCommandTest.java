package dev.salesmetrics.cli;

import com.google.common.base.Splitter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void defaultRulesFireOnTheCollapsingRepFromNovember2025() {
    Cli.Result r =
        Cli.run("alerts", "--data", sample.resolve("data").toString(), "--rules",
            rules.toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.lines();
    assertThat(lines.get(0)).matches("period +rule +group +transition +level +why");
    assertThat(lines)
        .anyMatch(
            l -> l.matches("2025-10 +low-win-rate +rep R07 +INACTIVE->PENDING +critical .*"))
        .anyMatch(
            l ->
                l.matches(
                    "2025-11 +low-win-rate +rep R07 +PENDING->FIRING +critical +Win rate for rep"
                        + " R07 was 0\\.0% \\(0/6\\), below 10%, for 2 consecutive months since"
                        + " 2025-10-01"));
  }

  @Test
  void defaultRulesFireOnChurnAfterThePriceChange() {
    Cli.Result r =
        Cli.run("alerts", "--data", sample.resolve("data").toString(), "--rules",
            rules.toString());

    List<String> churnFiring =
        r.lines().stream().filter(l -> l.matches("\\S+ +churn-rising +overall +\\S+->FIRING .*"))
            .toList();
    assertThat(churnFiring).isNotEmpty();
    assertThat(churnFiring).allMatch(l -> l.compareTo("2025-04") > 0);
  }

  @Test
  void transitionsComeInPeriodOrder() {
    Cli.Result r =
        Cli.run("alerts", "--data", sample.resolve("data").toString(), "--rules",
            rules.toString(), "--period", "quarter");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> periods =
        r.lines().subList(1, r.lines().size()).stream()
            .map(l -> Splitter.on(' ').splitToList(l).get(0))
            .toList();
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
