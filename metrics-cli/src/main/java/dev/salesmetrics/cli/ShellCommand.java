package dev.salesmetrics.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.io.Resources;
import dev.salesmetrics.io.ColumnMapping;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      "The data is loaded (and checked) before JShell starts: a bad row prints its error and"
          + " exits with 3, or with --lenient is left out and reported.",
      "Uses the jshell of the running JDK, else $JAVA_HOME/bin/jshell, else jshell on the PATH."
    })
final class ShellCommand implements Callable<Integer> {
  /** The start-up script on the class path. */
  static final String STARTUP = "salesmetrics.jsh";

  /** The system property the start-up script reads the data directory from. */
  static final String DATA_PROPERTY = ShellData.DATA;

  @Spec CommandSpec spec;

  @Mixin SampleOrData input;

  // For the ./salesmetrics launcher, which runs jshell itself so that Ctrl-C reaches jshell alone,
  // and removes the script afterwards.
  @Option(names = "--print-command", hidden = true)
  boolean printCommand;

  @Option(names = "--script", hidden = true, paramLabel = "FILE")
  @Nullable Path scriptFile;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path dir = input.dataDir();
    if (dir != null) {
      // the same load as the session's, first: a bad row stops here with its error and exit 3
      var unused = input.load(null, spec.commandLine().getErr(), true);
    } else {
      var unused = input.csvOptions(null);
    }
    Path script = scriptFile != null ? scriptFile : Files.createTempFile("salesmetrics-", ".jsh");
    if (scriptFile == null && !printCommand) {
      script.toFile().deleteOnExit();
    }
    Files.writeString(script, startupScript());
    List<String> command = command(jshell(), classPath(), script, properties());
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
   * The system properties that tell the session's start-up script what to load ({@link
   * ShellData}): the data directory and the loading options, paths made absolute.
   */
  private Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    Path dir = input.dataDir();
    if (dir == null) {
      return p;
    }
    p.put(ShellData.DATA, dir.toAbsolutePath().toString());
    if (input.mapping != null) {
      boolean preset =
          ColumnMapping.presetNames().contains(input.mapping.strip().toLowerCase(Locale.ROOT));
      p.put(
          ShellData.MAPPING,
          preset ? input.mapping : Path.of(input.mapping).toAbsolutePath().toString());
    }
    if (input.dateOrder != null) {
      p.put(ShellData.DATE_ORDER, input.dateOrder.name());
    }
    if (input.separator != null) {
      p.put(ShellData.SEPARATOR, input.separator == '\t' ? "tab" : input.separator.toString());
    }
    if (input.lenient) {
      p.put(ShellData.LENIENT, "true");
    }
    return p;
  }

  /**
   * The jshell command line.
   *
   * @param jshell the jshell executable
   * @param classPath the class path holding the library
   * @param script the start-up script file
   * @param properties the system properties of the session ({@link ShellData})
   * @return the command and its arguments
   */
  static ImmutableList<String> command(
      String jshell, String classPath, Path script, Map<String, String> properties) {
    List<String> c = new ArrayList<>();
    c.add(jshell);
    c.add("--class-path");
    c.add(classPath);
    c.add("--startup");
    c.add("DEFAULT");
    c.add("--startup");
    c.add(script.toString());
    properties.forEach((k, v) -> c.add("-R-D" + k + "=" + v));
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
