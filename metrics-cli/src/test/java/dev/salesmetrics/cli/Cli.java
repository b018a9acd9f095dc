package dev.salesmetrics.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Runs the command line in-process and captures its output. */
final class Cli {
  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    /** Returns the output lines, without line ends. */
    List<String> lines() {
      return new ArrayList<>(out.lines().toList());
    }

    /**
     * Returns standard error without the load summary ({@code deals.csv: 3 rows, 3 loaded, 0
     * rejected} and the warning and rejected lines under it): what the command said besides.
     */
    String errors() {
      StringBuilder sb = new StringBuilder();
      for (String line : err.lines().toList()) {
        if (!SUMMARY.matcher(line).matches() && !line.startsWith("  ")) {
          sb.append(line).append('\n');
        }
      }
      return sb.toString();
    }

    /** Returns the load summary lines of standard error. */
    List<String> summary() {
      return err.lines().filter(l -> SUMMARY.matcher(l).matches()).toList();
    }
  }

  /** A load summary line. */
  static final Pattern SUMMARY = Pattern.compile("[a-z_]+\\.csv: [0-9,]+ rows?, .*");

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
