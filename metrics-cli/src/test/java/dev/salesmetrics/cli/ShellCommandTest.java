package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellCommandTest {
  @Test
  void startupScriptImportsTheApiAndLoadsEveryList() {
    String script = ShellCommand.startupScript();
    for (String p : new String[] {"model", "metric", "aggregate", "rule", "io", "time"}) {
      assertThat(script).contains("import dev.salesmetrics." + p + ".*;");
    }
    assertThat(script).contains("import java.time.*;", "import dev.salesmetrics.time.Period;");
    for (String v :
        new String[] {"reps", "quotas", "leads", "deals", "orders", "customers", "campaigns",
          "responses"}) {
      assertThat(script).contains(" " + v + " = data." + v + "();");
    }
    assertThat(script).contains("Dataset data = dev.salesmetrics.cli.ShellData.load();");
  }

  @Test
  void commandRunsJshellWithTheClassPathTheScriptAndTheDataDirectory() {
    assertThat(
            ShellCommand.command(
                "/jdk/bin/jshell", "app.jar", Path.of("/tmp/s.jsh"),
                Map.of("salesmetrics.data", "/d")))
        .containsExactly(
            "/jdk/bin/jshell", "--class-path", "app.jar", "--startup", "DEFAULT", "--startup",
            "/tmp/s.jsh", "-R-Dsalesmetrics.data=/d");
    assertThat(ShellCommand.command("jshell", "app.jar", Path.of("/tmp/s.jsh"), Map.of()))
        .hasSize(7);
  }

  @Test
  void jshellIsTheOneBesideTheRunningJava() {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    assertThat(ShellCommand.jshell()).isEqualTo(java.resolveSibling("jshell").toString());
  }

  @Test
  void printCommandPrintsOneArgumentPerLine() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "shell",
            "--print-command");
    assertThat(code).isZero();
    java.util.List<String> args = out.toString().lines().toList();
    assertThat(args).hasSize(7);
    assertThat(args.subList(0, 2)).containsExactly(ShellCommand.jshell(), "--class-path");
    assertThat(args.subList(3, 6)).containsExactly("--startup", "DEFAULT", "--startup");
    Path script = Path.of(args.get(6));
    assertThat(java.nio.file.Files.readString(script)).isEqualTo(ShellCommand.startupScript());
    java.nio.file.Files.delete(script);
  }

  @Test
  void dataMustBeADirectory() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "shell", "--data",
            "no-such-dir", "--print-command");
    assertThat(code).isEqualTo(Main.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            "salesmetrics: --data no-such-dir is not a directory\nTry 'salesmetrics shell --help'\n");
  }
}
