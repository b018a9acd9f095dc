package dev.salesmetrics.clv;

import com.google.common.base.Splitter;
import dev.salesmetrics.model.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW test files (copied from CamDavidsonPilon/lifetimes, MIT; see cdnow/README.md in the
 * test resources), read from the test class path.
 */
final class Cdnow {
  /** BG/NBD MLE on cdnow_customers_summary.csv, as used for cdnow_reference_predictions.csv. */
  static final BgNbdModel MLE =
      new BgNbdModel(0.24259289, 4.41353152, 0.79288608, 2.42575356, ClvTimeUnit.WEEK);

  /** Gamma-Gamma MLE on the 946 repeat buyers, as used for the reference predictions. */
  static final GammaGammaModel GG_MLE = new GammaGammaModel(6.24880314, 3.74458839, 15.4477463);

  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  private Cdnow() {}

  /** Returns the non-empty lines of a resource under cdnow/, header included. */
  static List<String> lines(String name) {
    String path = "/cdnow/" + name;
    InputStream in = Cdnow.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("test resource " + path + " is missing");
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** Returns the CSV rows of a resource, header dropped, split on commas. */
  static List<String[]> csv(String name) {
    List<String> lines = lines(name);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(Splitter.on(',').splitToList(line).toArray(new String[0]));
    }
    return rows;
  }

  /** The 6,919 raw transactions of CDNOW_sample.txt; the customer id is the sample id. */
  static List<Transaction> transactions() {
    List<Transaction> out = new ArrayList<>();
    for (String line : lines("CDNOW_sample.txt")) {
      List<String> f = Splitter.onPattern("\\s+").splitToList(line.trim());
      out.add(
          new Transaction(
              f.get(1),
              LocalDate.parse(f.get(2), DateTimeFormatter.BASIC_ISO_DATE),
              Money.of(f.get(4), "USD")));
    }
    return out;
  }

  /** The 2,357 customers of cdnow_customers_summary.csv (weeks, 2-dp rounded). */
  static RfmData summary() {
    RfmData.Builder data = RfmData.builder(ClvTimeUnit.WEEK);
    for (String[] row : csv("cdnow_customers_summary.csv")) {
      data.add(
          Integer.parseInt(row[1]), Double.parseDouble(row[2]), Double.parseDouble(row[3]));
    }
    return data.build();
  }

  /** The same customers with the mean repeat spend zbar. */
  static RfmData summaryWithSpend() {
    RfmData.Builder data = RfmData.builder(ClvTimeUnit.WEEK);
    for (String[] row : csv("cdnow_customers_summary_with_transactions.csv")) {
      data.add(
          Integer.parseInt(row[1]),
          Double.parseDouble(row[2]),
          Double.parseDouble(row[3]),
          Double.parseDouble(row[4]));
    }
    return data.build();
  }
}
