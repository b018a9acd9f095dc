package dev.salesmetrics.cli;

import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code salesmetrics metrics}: lists every metric id with its one-line definition. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "List every metric id with its unit and one-line definition.")
final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int width = 0;
    for (Metric<?, ?> m : Metrics.all()) {
      width = Math.max(width, m.id().length());
    }
    for (Metric<?, ?> m : Metrics.all()) {
      out.printf("%-" + width + "s  %-13s  %s%n", m.id(), m.unit().csvName(), m.description());
    }
    return Main.OK;
  }
}
