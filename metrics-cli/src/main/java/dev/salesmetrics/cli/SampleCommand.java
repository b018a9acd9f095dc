package dev.salesmetrics.cli;

import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
    },
    footer = {
      "",
      "Exit codes: 0 ok, 2 --out is not a directory that can be created and written, 4 a file"
          + " could not be written (a full disk)."
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
  public Integer call() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw usage("--out " + out + " is a file, not a directory");
    }
    for (Path a = out.getParent(); a != null; a = a.getParent()) {
      if (Files.exists(a)) {
        if (!Files.isDirectory(a)) {
          throw usage("--out " + out + ": cannot create the directory (" + a
              + " is not a directory)");
        }
        break;
      }
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw usage("--out " + out + ": cannot create the directory (" + Failures.reason(e) + ")");
    }
    try {
      SampleData.writeCsv(out, seed);
    } catch (AccessDeniedException e) {
      throw usage("--out " + out + ": cannot write " + e.getFile() + " (permission denied)");
    } catch (IOException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("salesmetrics: cannot write the sample data to " + out + ": " + Failures.reason(e));
      err.flush();
      return Main.OUTPUT_ERROR;
    }
    PrintWriter w = spec.commandLine().getOut();
    w.println("wrote the sample data (seed " + seed + ") to " + out);
    return Main.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
