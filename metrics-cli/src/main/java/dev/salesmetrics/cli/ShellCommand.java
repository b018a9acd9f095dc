package dev.salesmetrics.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.io.Resources;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesmetrics shell}: starts {@code jshell} from the running JDK with this jar on the class
 * path and the start-up script {@code salesmetrics.jsh}, which imports the API and loads the sample
 * data (or {@code --data DIR}) into variables.
 */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Start JShell with the library on the class path, the API imported and a data set loaded into"
          + " data, reps, quotas, leads, deals, orders, customers, campaigns, responses.",
      "Uses the jshell of the running JDK, else $JAVA_HOME/bin/jshell, else jshell on the PATH."
    })
final class ShellCommand implements Callable<Integer> {
  /** The start-up script on the class path. */
  static final String STARTUP = "salesmetrics.jsh";

  /** The system property the start-up script reads the data directory from. */
  static final String DATA_PROPERTY = "salesmetrics.data";

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Load interchange CSV files from DIR instead of the built-in sample data.")
  @Nullable Path data;

  @Option(
      names = "--print-command",
      description = {
        "Print the jshell command, one argument per line, instead of running it; the start-up"
            + " script is then kept in the temporary directory.",
        "The ./salesmetrics launcher uses it to run jshell in place of this JVM, so that Ctrl-C"
            + " reaches jshell alone."
      })
  boolean printCommand;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (data != null && !Files.isDirectory(data)) {
      throw new IllegalArgumentException("--data must be a directory: " + data);
    }
    Path script = Files.createTempFile("salesmetrics-", ".jsh");
    if (!printCommand) {
      script.toFile().deleteOnExit();
    }
    Files.writeString(script, startupScript());
    List<String> command =
        command(jshell(), classPath(), script, Optional.ofNullable(data).map(Path::toAbsolutePath));
    if (printCommand) {
      PrintWriter out = spec.commandLine().getOut();
      for (String arg : command) {
        out.println(arg);
      }
      return Main.OK;
    }
    Process p = new ProcessBuilder(command).inheritIO().start();
    return p.waitFor();
  }

  /**
   * The jshell command line.
   *
   * @param jshell the jshell executable
   * @param classPath the class path holding the library
   * @param script the start-up script file
   * @param data the data directory, if any
   * @return the command and its arguments
   */
  static ImmutableList<String> command(
      String jshell, String classPath, Path script, Optional<Path> data) {
    List<String> c = new ArrayList<>();
    c.add(jshell);
    c.add("--class-path");
    c.add(classPath);
    c.add("--startup");
    c.add("DEFAULT");
    c.add("--startup");
    c.add(script.toString());
    data.ifPresent(d -> c.add("-R-D" + DATA_PROPERTY + "=" + d));
    return ImmutableList.copyOf(c);
  }

  /**
   * Reads the start-up script from the class path.
   *
   * @return the text of {@code salesmetrics.jsh}
   */
  static String startupScript() {
    try {
      return Resources.toString(
          Resources.getResource(ShellCommand.class, "/" + STARTUP),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + STARTUP + " from the class path", e);
    }
  }

  /**
   * The jshell of the running JDK (beside its {@code java}), else of {@code $JAVA_HOME}, else
   * {@code jshell} on the PATH.
   *
   * @return the executable
   */
  static String jshell() {
    String name =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
            ? "jshell.exe"
            : "jshell";
    Optional<String> java = ProcessHandle.current().info().command();
    if (java.isPresent()) {
      Path sibling = Path.of(java.get()).resolveSibling(name);
      if (Files.isExecutable(sibling)) {
        return sibling.toString();
      }
    }
    String home = System.getenv("JAVA_HOME");
    if (home != null && !home.isBlank()) {
      Path candidate = Path.of(home, "bin", name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return name;
  }

  /**
   * The class path for jshell: the jar this class was loaded from, or, when it runs from a
   * directory of classes (in tests), the class path of this JVM.
   *
   * @return the class path
   */
  static String classPath() {
    java.security.CodeSource source = Main.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        Path location = Path.of(source.getLocation().toURI());
        if (Files.isRegularFile(location)) {
          return location.toString();
        }
      } catch (URISyntaxException e) {
        // not a file: use the class path of this JVM
      }
    }
    return System.getProperty("java.class.path", "");
  }
}
