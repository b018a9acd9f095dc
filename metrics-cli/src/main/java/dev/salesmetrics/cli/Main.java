package dev.salesmetrics.cli;

import dev.salesmetrics.model.Money;
import java.io.PrintStream;

/** The {@code salesmetrics} command. */
public final class Main {
  private Main() {}

  /**
   * Runs the command.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    out.println("salesmetrics demo: " + Money.of("12.50", "USD").times(3));
  }
}
