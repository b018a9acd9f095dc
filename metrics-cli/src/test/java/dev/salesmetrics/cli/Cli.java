package dev.salesmetrics.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process and captures its output. */
final class Cli {
  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    /** Returns the output lines, without line ends. */
    List<String> lines() {
      return new ArrayList<>(out.lines().toList());
    }
  }

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
