package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.model.Deal;
import org.junit.jupiter.api.Test;

/** Runs the Java example of README.md (its first {@code ```java} block) in JShell. */
class ReadmeExampleTest {
  @Test
  void javaExampleRunsAndPrintsATablePerRepAndQuarter() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("```java\n");
    assertThat(start).as("a java block in README.md").isNotNegative();
    start += "```java\n".length();
    String code = readme.substring(start, readme.indexOf("```", start));
    try (JShellDriver shell = new JShellDriver()) {
      shell.run(code);
      List<String> lines = JShellDriver.lines(shell.printed());
      assertThat(lines.get(0).split(" +"))
          .containsExactly("rep", "period", "win_rate", "sales_volume", "sales_cycle");
      assertThat(lines).anyMatch(l -> l.startsWith("R07  2025-Q4") && l.contains("8.6% (3/35)"));
      // a row per rep and quarter of 2025 in which the rep closed a deal
      Set<String> groups = new HashSet<>();
      for (Deal d : SampleData.generate(SampleData.DEFAULT_SEED).deals()) {
        Instant closed = d.closedAt();
        if (closed != null && closed.atZone(ZoneOffset.UTC).getYear() == 2025) {
          groups.add(d.repId() + " " + (closed.atZone(ZoneOffset.UTC).getMonthValue() - 1) / 3);
        }
      }
      assertThat(lines).hasSize(2 + groups.size());
    }
  }
}
