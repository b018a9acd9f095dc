package dev.salesmetrics.cli;

import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code salesmetrics metrics}: lists every metric id with its unit, the CSV files it reads and
 * its one-line definition.
 */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description =
        "List every metric id with its unit, the CSV files it reads (from the kinds of record the"
            + " metric reads) and its one-line definition.")
final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"id", "unit", "reads", "definition"});
    for (Metric<?, ?> m : Metrics.all()) {
      lines.add(
          new String[] {
            m.id(),
            m.unit().csvName(),
            Inputs.filesOf(m).stream().map(CsvFile::fileName).collect(Collectors.joining(",")),
            m.description()
          });
    }
    int[] width = new int[3];
    for (String[] l : lines) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], l[i].length());
      }
    }
    for (String[] l : lines) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        sb.append(l[i]).append(" ".repeat(width[i] - l[i].length() + 2));
      }
      out.println(sb.append(l[3]));
    }
    return Main.OK;
  }
}
