package dev.salesmetrics.cli;

import com.google.common.collect.ImmutableSet;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.CsvFormat;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SurveyResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the interchange CSV files present in a directory into a {@link Dataset}, strictly, as
 * {@link Dataset#load(Path, CsvOptions)} does, and remembers which files were there. Records are
 * streamed ({@link CsvFormat#forEach}) so that a {@link Progress} bar can follow the bytes read.
 */
final class DataLoader {
  /** The data and the files it was read from. */
  record Loaded(Dataset data, ImmutableSet<CsvFile> present) {
    boolean has(CsvFile file) {
      return present.contains(file);
    }
  }

  private final Path dir;
  private final CsvOptions options;
  private final Set<CsvFile> present = EnumSet.noneOf(CsvFile.class);
  private Progress progress;
  private long before;

  private DataLoader(Path dir, CsvOptions options) {
    this.dir = dir;
    this.options = options;
    this.progress = Progress.silent();
  }

  /**
   * Loads the files present in {@code dir}.
   *
   * @throws dev.salesmetrics.io.CsvFormatException for the first bad row
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is not a directory
   * @throws IOException if a file cannot be read
   */
  static Loaded load(Path dir, CsvOptions options) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "data directory does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    return new DataLoader(dir, options).run();
  }

  private Loaded run() throws IOException {
    long total = 0;
    for (CsvFile f : CsvFile.values()) {
      Path p = dir.resolve(f.fileName());
      if (Files.isRegularFile(p)) {
        present.add(f);
        total += Files.size(p);
      }
    }
    try (Progress bar = Progress.start(total)) {
      progress = bar;
      List<Rep> reps = read(CsvFormat.REPS);
      List<Quota> quotas = read(CsvFormat.QUOTAS);
      List<Lead> leads = read(CsvFormat.LEADS);
      List<Deal> deals;
      if (present.contains(CsvFile.DEALS) && present.contains(CsvFile.DEAL_STAGES)) {
        deals = new ArrayList<>();
        Path dealsFile = dir.resolve(CsvFile.DEALS.fileName());
        Path stagesFile = dir.resolve(CsvFile.DEAL_STAGES.fileName());
        progress.file(CsvFile.DEALS.fileName());
        before += Files.size(stagesFile); // read first, in one go
        progress.done(before);
        double bytesPerRow = bytesPerRow(dealsFile);
        List<Deal> sink = deals;
        var unused = // strict: a bad row throws
            CsvFormat.forEachDeal(
            dealsFile, stagesFile, options, d -> {
              sink.add(d);
              tick(sink.size(), bytesPerRow);
            });
        before += Files.size(dealsFile);
        progress.done(before);
      } else {
        deals = read(CsvFormat.DEALS);
      }
      List<Order> orders = read(CsvFormat.ORDERS);
      List<Customer> customers = read(CsvFormat.CUSTOMERS);
      List<Campaign> campaigns = read(CsvFormat.CAMPAIGNS);
      List<SurveyResponse> responses = read(CsvFormat.RESPONSES);
      return new Loaded(
          new Dataset(reps, quotas, leads, deals, orders, customers, campaigns, responses),
          ImmutableSet.copyOf(present));
    }
  }

  private <T> List<T> read(CsvFormat<T> format) throws IOException {
    if (!present.contains(format.file())) {
      return List.of();
    }
    Path file = dir.resolve(format.file().fileName());
    progress.file(format.file().fileName());
    double bytesPerRow = bytesPerRow(file);
    List<T> out = new ArrayList<>();
    var unused = // strict: a bad row throws
        format.forEach(
        file,
        options,
        r -> {
          out.add(r);
          tick(out.size(), bytesPerRow);
        });
    before += Files.size(file);
    progress.done(before);
    return out;
  }

  private void tick(int rows, double bytesPerRow) {
    if ((rows & 1023) == 0) {
      progress.done(before + (long) (rows * bytesPerRow));
    }
  }

  /** Estimates the bytes per row from the first 64 KiB of a file. */
  private static double bytesPerRow(Path file) throws IOException {
    byte[] head = new byte[65536];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    int lines = 0;
    for (int i = 0; i < n; i++) {
      if (head[i] == '\n') {
        lines++;
      }
    }
    return lines == 0 ? Math.max(1, n) : (double) n / lines;
  }
}
