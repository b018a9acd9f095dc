package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.salesmetrics.io.SampleData;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A command whose output cannot be written fails with exit code 4 and says so on stderr. */
class OutputErrorTest {
  @TempDir static Path dir;
  static Path data;
  static Path rules;

  @BeforeAll
  static void writeSample() throws IOException {
    data = dir.resolve("data");
    SampleData.writeCsv(data);
    rules = dir.resolve("default-rules.txt");
    try (InputStream in = OutputErrorTest.class.getResourceAsStream("/default-rules.txt")) {
      Files.copy(in, rules);
    }
  }

  /** A writer on a full disk: every write and flush fails. */
  static final class FullDisk extends Writer {
    int attempts;

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      attempts++;
      throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void close() {}
  }

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("metrics"),
        List.of("compute", "--data", data.toString(), "--metrics", "revenue", "--period", "month",
            "--format", "csv"),
        List.of("compute", "--data", data.toString(), "--metrics", "win_rate", "--by", "rep"),
        List.of("alerts", "--data", data.toString(), "--rules", rules.toString()),
        List.of("demo", "--top", "3", "--report", dir.resolve("report.html").toString()),
        List.of("sample", "--out", dir.resolve("sample-out").toString()),
        List.of("--help"),
        List.of("clv", "--help"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aCommandWhoseOutputFailsExitsWith4AndSaysSo(List<String> args) {
    FullDisk full = new FullDisk();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(full), new PrintWriter(err), args.toArray(new String[0]));

    assertThat(full.attempts).as("the command wrote something").isPositive();
    assertThat(code).as(err.toString()).isEqualTo(Main.OUTPUT_ERROR);
    assertThat(new Cli.Result(code, "", err.toString()).errors())
        .isEqualTo("salesmetrics: cannot write the output; it is incomplete\n");
  }

  @Test
  void aCommandWithBadDataKeepsItsExitCodeAndStillReportsTheOutputError() throws IOException {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("orders.csv"), "nonsense\n", StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    int code =
        Main.run(new PrintWriter(new FullDisk()), new PrintWriter(err), "compute", "--data",
            bad.toString(), "--metrics", "revenue");
    assertThat(code).isEqualTo(Main.BAD_DATA);
    assertThat(err.toString()).startsWith("salesmetrics: bad data in ");
  }

  @Test
  void onByteStreamsTheMessageNamesTheReason() {
    OutputStream closedPipe =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(closedPipe, err, "metrics");
    assertThat(code).isEqualTo(Main.OUTPUT_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("salesmetrics: cannot write the output: Broken pipe\n");
  }

  @Test
  void anOutputThatWorksExitsWith0AndNothingOnStderr() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(Main.run(out, err, "metrics")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("win_rate");
    assertThat(err.size()).isZero();
  }

  /** The real {@code main}, in a JVM of its own, with standard output on {@code /dev/full}. */
  @Test
  void mainOnDevFullExitsWith4AndNamesTheReason() throws Exception {
    File devFull = new File("/dev/full");
    assumeTrue(devFull.exists(), "/dev/full exists (Linux)");
    for (List<String> args :
        List.of(
            List.of("metrics"),
            List.of("compute", "--data", data.toString(), "--metrics", "revenue", "--period",
                "month"),
            List.of("alerts", "--data", data.toString(), "--rules", rules.toString()))) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Main.class.getName());
      command.addAll(args);
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(devFull)
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(args + ": " + err).isEqualTo(4);
      assertThat(new Cli.Result(4, "", err).errors())
          .as(args.toString())
          .isEqualTo("salesmetrics: cannot write the output: No space left on device\n");
    }
  }
}
