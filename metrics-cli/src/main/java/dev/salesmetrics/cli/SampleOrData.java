package dev.salesmetrics.cli;

import java.nio.file.Path;
import javax.annotation.Nullable;
import picocli.CommandLine.Option;

/**
 * The data options of {@code demo} and {@code shell}, a picocli mixin: a data directory, or the
 * built-in sample data when none is given, and how to read it ({@link LoadOptions}).
 */
final class SampleOrData extends LoadOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "A directory of interchange CSV files or CRM exports (default: the built-in"
          + " sample data).")
  @Nullable Path data;

  @Override
  @Nullable
  Path dataDir() {
    return data;
  }
}
