package dev.salesmetrics.cli;

import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesmetrics sample --out DIR}: writes the built-in sample data set as interchange CSV
 * files, to try {@code compute} and {@code alerts} on.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Write the built-in sample data set as interchange CSV files, to try compute and alerts on.",
      "Files: reps, quotas, leads, deals, deal_stages, orders, customers, campaigns, responses"
          + " (.csv); see docs/SAMPLE_DATA.md."
    })
final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "The directory to write into (created if needed; files are replaced).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + SampleData.DEFAULT_SEED,
      description = "The generator's seed (default: ${DEFAULT-VALUE}); a seed always gives the"
          + " same data.")
  long seed;

  @Override
  public Integer call() throws IOException {
    SampleData.writeCsv(out, seed);
    PrintWriter w = spec.commandLine().getOut();
    w.println("wrote the sample data (seed " + seed + ") to " + out);
    return Main.OK;
  }
}
