package dev.salesmetrics.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code salesmetrics} command line.
 *
 * <p>Exit codes: 0 ok, 2 bad usage, 3 bad input data (the message names file, line and column).
 */
@Command(
    name = "salesmetrics",
    mixinStandardHelpOptions = true,
    version = "salesmetrics 0.1.0-SNAPSHOT",
    description = "Sales metrics over CSV files: win rate, sales cycle, churn, quota attainment...",
    subcommands = {
      MetricsCommand.class,
      DemoCommand.class,
      ComputeCommand.class,
      AlertsCommand.class,
      ClvCommand.class,
      SampleCommand.class,
      ShellCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  /** Exit code for success. */
  public static final int OK = 0;

  /** Exit code for bad usage: unknown option, missing argument, unknown metric id. */
  public static final int USAGE = 2;

  /** Exit code for bad input data: the message names file, line and column. */
  public static final int BAD_DATA = 3;

  private Main() {}

  /**
   * Runs the command and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    int code =
        run(
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
            args);
    System.exit(code);
  }

  /**
   * Runs the command, writing to the given streams, and returns its exit code.
   *
   * @param out standard output
   * @param err standard error
   * @param args command-line arguments
   * @return the exit code: {@link #OK}, {@link #USAGE} or {@link #BAD_DATA}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("salesmetrics: " + e.getMessage());
          return e instanceof IllegalArgumentException ? USAGE : CommandLine.ExitCode.SOFTWARE;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
