package dev.salesmetrics.cli;

import dev.salesmetrics.internal.Suggestions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code salesmetrics} command line.
 *
 * <p>Exit codes: 0 ok, 2 bad usage, 3 bad input data (the message names file, line and column),
 * 4 the output could not be written (a full disk, a closed pipe), 5 an {@code alerts --webhook}
 * notification not delivered.
 *
 * <p>A usage error prints one line, with "did you mean" where a name was close to a known one,
 * and where to find the command's help ({@code Try 'salesmetrics compute --help'}); never the
 * whole help.
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
      ReportCommand.class,
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

  /** Exit code for output that could not be written: a full disk, a closed pipe. */
  public static final int OUTPUT_ERROR = 4;

  private Main() {}

  /**
   * Runs the command on the process's standard streams and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(
        run(
            new FileOutputStream(FileDescriptor.out),
            new FileOutputStream(FileDescriptor.err),
            args));
  }

  /**
   * Runs the command on byte streams, as {@link #main} does on the standard ones; a failed write
   * to {@code stdout} is reported with its reason ({@code No space left on device}).
   */
  static int run(OutputStream stdout, OutputStream stderr, String... args) {
    CheckedWriter sink =
        new CheckedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(sink, true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
    return run(out, err, sink, args);
  }

  /**
   * Runs the command, writing to the given streams, and returns its exit code. Output that could
   * not be written ({@link PrintWriter#checkError()}) makes a successful command fail with {@link
   * #OUTPUT_ERROR} and a message on {@code err}; a command that failed keeps its own code.
   *
   * @param out standard output
   * @param err standard error
   * @param args command-line arguments
   * @return the exit code: {@link #OK}, {@link #USAGE}, {@link #BAD_DATA} or {@link
   *     #OUTPUT_ERROR}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, null, args);
  }

  private static int run(
      PrintWriter out, PrintWriter err, @Nullable CheckedWriter sink, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (e, arguments) -> {
          String message = e.getMessage();
          if (e instanceof CommandLine.UnmatchedArgumentException u
              && !u.getUnmatched().isEmpty()) {
            message += didYouMean(u.getCommandLine(), u.getUnmatched().get(0));
          }
          return usage(e.getCommandLine(), message);
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof Failures.Failure f) {
            commandLine.getErr().println("salesmetrics: " + f.getMessage());
            return f.code();
          }
          if (e instanceof IllegalArgumentException) {
            return usage(commandLine, e.getMessage());
          }
          commandLine.getErr().println("salesmetrics: " + e);
          return CommandLine.ExitCode.SOFTWARE;
        });
    int code = cl.execute(args);
    if (out.checkError()) { // flushes, then tells whether any write failed
      Optional<IOException> failure = sink == null ? Optional.empty() : sink.failure();
      err.println(
          failure
              .map(f -> "salesmetrics: cannot write the output: " + f.getMessage())
              .orElse("salesmetrics: cannot write the output; it is incomplete"));
      if (code == OK) {
        code = OUTPUT_ERROR;
      }
    }
    err.flush();
    return code;
  }

  /**
   * Prints a usage error on one line, its first letter in lower case, then where the help is:
   * {@code Try 'salesmetrics compute --help'}.
   *
   * @return {@link #USAGE}
   */
  private static int usage(CommandLine command, @Nullable String message) {
    String text = message == null || message.isEmpty() ? "bad usage" : message;
    text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
    PrintWriter err = command.getErr();
    err.println("salesmetrics: " + Terminal.safe(text));
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return USAGE;
  }

  /**
   * Returns {@code "; did you mean --period?"} for an unknown option close to one of the
   * command's, or {@code "; did you mean compute?"} for an unknown command; else empty.
   */
  private static String didYouMean(CommandLine command, String unmatched) {
    List<String> known = new ArrayList<>();
    if (unmatched.startsWith("-")) {
      for (CommandLine.Model.OptionSpec o : command.getCommandSpec().options()) {
        if (!o.hidden()) {
          known.addAll(List.of(o.names()));
        }
      }
      int eq = unmatched.indexOf('=');
      return Suggestions.didYouMean(eq < 0 ? unmatched : unmatched.substring(0, eq), known);
    }
    known.addAll(command.getSubcommands().keySet());
    return Suggestions.didYouMean(unmatched, known);
  }

  /** A writer that remembers the first exception of the writer it wraps, and rethrows it. */
  static final class CheckedWriter extends Writer {
    private final Writer inner;
    @Nullable private IOException failure;

    CheckedWriter(Writer inner) {
      this.inner = inner;
    }

    Optional<IOException> failure() {
      return Optional.ofNullable(failure);
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      try {
        inner.write(cbuf, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        inner.flush();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        inner.close();
      } catch (IOException e) {
        throw remember(e);
      }
    }
  }
}
