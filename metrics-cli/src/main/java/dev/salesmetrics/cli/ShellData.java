package dev.salesmetrics.cli;

import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.io.DateOrder;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.LoadResult;
import dev.salesmetrics.io.MappingFile;
import dev.salesmetrics.io.RejectedRow;
import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The data set of a {@code salesmetrics shell} session, as its start-up script loads it: the
 * sample data, or the directory and loading options that {@code shell} passed as system
 * properties ({@code salesmetrics.data}, {@code .mapping}, {@code .dateOrder}, {@code .separator},
 * {@code .lenient}). {@code shell} has loaded the same files with the same options before it
 * started JShell, so a bad row stops the command with its error instead of opening a session
 * without data.
 */
public final class ShellData {
  static final String DATA = "salesmetrics.data";
  static final String MAPPING = "salesmetrics.mapping";
  static final String DATE_ORDER = "salesmetrics.dateOrder";
  static final String SEPARATOR = "salesmetrics.separator";
  static final String LENIENT = "salesmetrics.lenient";

  private ShellData() {}

  /**
   * Loads the session's data set, printing one summary line per file and the first rejected rows
   * (lenient mode) on standard output.
   *
   * @return the data set
   * @throws IOException if a file cannot be read
   * @throws dev.salesmetrics.io.CsvFormatException for a bad row in strict mode
   */
  @SuppressWarnings("SystemOut") // the JShell session's output
  public static Dataset load() throws IOException {
    String dir = System.getProperty(DATA, "");
    if (dir.isEmpty()) {
      return SampleData.generate(SampleData.DEFAULT_SEED);
    }
    LoadResult<Dataset> result = Dataset.load(Path.of(dir), options());
    PrintStream out = System.out;
    result.reports().forEach(r -> out.println(Terminal.safe(r.summary())));
    List<RejectedRow> rejected = result.rejected();
    rejected.stream()
        .limit(LoadOptions.SHOWN)
        .forEach(r -> out.println("  rejected: " + Terminal.safe(r.message())));
    if (rejected.size() > LoadOptions.SHOWN) {
      out.println("  ... and " + (rejected.size() - LoadOptions.SHOWN) + " more rejected rows");
    }
    return result.value();
  }

  /**
   * Tells where the session's data comes from.
   *
   * @return {@code the sample data} or the directory
   */
  public static String source() {
    String dir = System.getProperty(DATA, "");
    return dir.isEmpty() ? "the sample data" : dir;
  }

  /** The loading options the system properties give. */
  static CsvOptions options() throws IOException {
    CsvOptions options =
        Boolean.parseBoolean(System.getProperty(LENIENT, "false"))
            ? CsvOptions.lenient()
            : CsvOptions.strict();
    String mapping = System.getProperty(MAPPING, "");
    if (!mapping.isEmpty()) {
      options = MappingFile.presetOrFile(mapping).applyTo(options);
    }
    String order = System.getProperty(DATE_ORDER, "");
    if (!order.isEmpty()) {
      options = options.withDateOrder(DateOrder.parse(order));
    }
    String separator = System.getProperty(SEPARATOR, "");
    if (!separator.isEmpty()) {
      options = options.withSeparator(separator.equals("tab") ? '\t' : separator.charAt(0));
    }
    return options;
  }
}
