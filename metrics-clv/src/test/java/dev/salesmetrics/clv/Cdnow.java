package dev.salesmetrics.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW test files (copied from CamDavidsonPilon/lifetimes, MIT; see cdnow/README.md in the
 * test resources), read from the test class path.
 */
final class Cdnow {
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
      rows.add(line.split(","));
    }
    return rows;
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
