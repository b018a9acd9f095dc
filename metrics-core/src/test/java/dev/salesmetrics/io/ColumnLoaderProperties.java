package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.SalesRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The column loader ({@link Dataset#loadColumns}) against the object loader ({@link
 * Dataset#load}) on mutated deals.csv files: bad cells, quoted cells with line breaks where chunks
 * meet, blank lines, a byte order mark, CRLF, duplicate ids, ragged rows, stage rows. In strict
 * mode both throw the same exception or load the same; in lenient mode both give the same deals in
 * the same order and the same reports (rows read = loaded + rejected, the same rejected rows and
 * messages); and a query over the store equals the query over the records for catalogue metrics.
 */
class ColumnLoaderProperties {
  static final String HEADER =
      "deal_id,rep_id,amount,currency,created_at,status,closed_at,stage,probability,"
          + "customer_id,lead_id,product";

  private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "BHD"};
  private static final String[] BAD_CELLS = {
    "", " ", "x", "-5", "1e3", "12.3456", "2024-13-01T00:00:00Z", "2024-02-30T10:00:00Z",
    "2024-03-01T09:30:00+01:00", "2024-03-01T09:30Z", "2024-03-01 09:30:00", "9999-12-31T00:00:00Z",
    "1899-12-31T23:59:59Z", "won", "WON", "Open", "\"quoted, cell\"", "\"multi\nline\"",
    "\"two\r\nlines\"", "Zürich", "\"a\"\"b\"", "\"unclosed", "a\"b", "0.5", "1.5", "-0.0", "usd",
    "XXX", "9223372036854775807", "92233720368547758.07", "2199-12-31T23:59:59.999999999Z",
    "\t", "R1", "D1", "\"\""
  };

  @Test
  void columnLoaderAgreesWithObjectLoaderOnMutatedFiles() {
    qt().withExamples(150)
        .withShrinkCycles(1)
        .forAll(longs().all(), integers().between(40, 700), booleans().all())
        .checkAssert((seed, chunk, stages) -> compare(file(seed), stages ? stages(seed) : null,
            chunk));
  }

  @Test
  void cleanFilesLoadTheSameRecordsAndQueriesAgree() {
    qt().withExamples(40)
        .withShrinkCycles(1)
        .forAll(longs().all(), integers().between(40, 4000))
        .checkAssert((seed, chunk) -> compare(clean(seed), null, chunk));
  }

  @Test
  void fixedSeedsAndChunkSizes() {
    for (long seed = 0; seed < 150; seed++) {
      for (int chunk : new int[] {40, 97, 333}) {
        for (boolean st : new boolean[] {false, true}) {
          try {
            compare(file(seed), st ? stages(seed) : null, chunk);
          } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + " chunk " + chunk + " stages " + st
                + "\n" + file(seed), e);
          }
        }
      }
    }
  }

  @Test
  void quotedLineBreaksAtEveryChunkBoundary() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 60; i++) {
      text.append("D").append(i).append(",R").append(i % 3).append(",10.00,USD,")
          .append("2024-01-0").append(1 + i % 9).append("T10:00:00Z,lost,")
          .append("2024-02-01T00:00:00Z,")
          .append(i % 4 == 0 ? "\"Nego\ntiation\"" : "Closed")
          .append(",,C1,,\"Pro\r\nPlan\"\n");
    }
    for (int chunk = 20; chunk < 200; chunk += 7) {
      compare(text.toString(), null, chunk);
    }
  }

  @Test
  void bomBlankLinesAndCrlfAreReadAsTheObjectLoaderReadsThem() {
    String body =
        "\uFEFF\r\n" + HEADER + "\r\n\r\nD1,R1,1.00,USD,2024-01-02T09:00:00Z,open,,,,,,\r\n\r\n"
            + "D2,R1,2.50,USD,2024-01-02T09:00:00.5Z,won,2024-01-03T00:00:00Z,,0.25,,,\r\n"
            + "D3,R2,,,2024-01-02T09:00:00Z,lost,2024-01-03T00:00:00Z,,,,,";
    compare(body, null, 30);
    LoadResult<ColumnStore> result = loadColumns(body, null, CsvOptions.strict(), 2, 30);
    assertThat(result.value().deals()).isEqualTo(3);
    assertThat(result.rowsRead()).isEqualTo(3);
  }

  @Test
  void strictModeThrowsTheFirstBadRowOfTheFileWhicheverChunkHasIt() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 200; i++) {
      String amount = i == 150 ? "x" : i == 170 ? "-1" : "1.00";
      String id = i == 120 ? "D7" : "D" + i;
      text.append(id).append(",R1,").append(amount)
          .append(",USD,2024-01-02T09:00:00Z,open,,,,,,\n");
    }
    Throwable thrown = catchThrowable(() -> loadColumns(text.toString(), null,
        CsvOptions.strict(), 2, 64));
    assertThat(thrown).isInstanceOf(CsvFormatException.class)
        .hasMessage("deals.csv:122: column deal_id: \"D7\": duplicate deal_id first seen on line 9");
    compare(text.toString(), null, 64);
  }

  /** Loads {@code deals} (and {@code stages}) both ways and asserts the same outcome. */
  static void compare(String deals, String stages, int chunk) {
    for (CsvOptions options : List.of(CsvOptions.strict(), CsvOptions.lenient())) {
      Object expected;
      try {
        expected = load(deals, stages, options);
      } catch (CsvFormatException e) {
        expected = e;
      }
      Object actual;
      try {
        actual = loadColumns(deals, stages, options, 2, chunk);
      } catch (CsvFormatException e) {
        actual = e;
      }
      if (expected instanceof CsvFormatException e) {
        assertThat(actual).as("strict=%s", !options.isLenient())
            .isInstanceOf(CsvFormatException.class);
        CsvFormatException a = (CsvFormatException) actual;
        assertThat(a.getMessage()).isEqualTo(e.getMessage());
        assertThat(a.toRejectedRow()).isEqualTo(e.toRejectedRow());
        continue;
      }
      assertThat(actual).as("%s", actual).isInstanceOf(LoadResult.class);
      @SuppressWarnings("unchecked")
      LoadResult<Dataset> records = (LoadResult<Dataset>) expected;
      @SuppressWarnings("unchecked")
      LoadResult<ColumnStore> columns = (LoadResult<ColumnStore>) actual;
      assertThat(columns.reports()).isEqualTo(records.reports());
      for (LoadReport r : columns.reports()) {
        assertThat(r.rowsRead()).isEqualTo(r.loaded() + r.rejected().size());
      }
      assertThat(columns.value().deals()).isEqualTo(records.value().deals().size());
      assertThat(columns.value().records()).isEqualTo(records.value().deals());
      assertQueriesAgree(columns.value(), records.value().deals());
    }
  }

  private static final List<Metric<?, ?>> METRICS =
      List.of(Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.AVERAGE_DEAL_SIZE, Metrics.DEALS_WON,
          Metrics.PIPELINE_VALUE, Metrics.WIN_RATE_ALL_CREATED);

  static void assertQueriesAgree(ColumnStore store, List<? extends SalesRecord> records) {
    for (Metric<?, ?> m : METRICS) {
      for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("America/New_York"))) {
        MetricTable expected;
        try {
          expected =
              Query.of(records).groupBy(Dimension.REP, Dimension.month(zone)).metrics(m).run();
        } catch (RuntimeException e) {
          Throwable thrown = catchThrowable(() -> Query.of(store)
              .groupBy(Dimension.REP, Dimension.month(zone)).metrics(m).runParallel());
          assertThat(thrown).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
          continue;
        }
        assertThat(Query.of(store).groupBy(Dimension.REP, Dimension.month(zone)).metrics(m)
            .runParallel()).as("%s in %s", m, zone).isEqualTo(expected);
      }
    }
  }

  // ------------------------------------------------------------------ files

  /** A clean file of plain rows, as the writer writes them, in several currencies. */
  static String clean(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    int n = r.nextInt(0, 300);
    for (int i = 0; i < n; i++) {
      text.append(String.join(",", row(r, i))).append('\n');
    }
    return text.toString();
  }

  /** A file with mutations: bad cells, quotes, blank lines, duplicates, ragged rows, CRLF, BOM. */
  static String file(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    int n = r.nextInt(0, 120);
    for (int i = 0; i < n; i++) {
      List<String> cells = row(r, i);
      int mutations = r.nextInt(100) < 88 ? 0 : r.nextInt(1, 3);
      for (int k = 0; k < mutations; k++) {
        int what = r.nextInt(r.nextInt(4) == 0 ? 8 : 7);
        int c = r.nextInt(cells.size());
        if (what < 5) {
          cells.set(c, BAD_CELLS[r.nextInt(BAD_CELLS.length)]);
        } else if (what == 5) {
          cells.remove(c);
        } else if (what == 6) {
          cells.add("extra");
        } else {
          cells.set(0, "D" + r.nextInt(Math.max(1, i)));
        }
      }
      lines.add(String.join(",", cells));
      if (r.nextInt(20) == 0) {
        lines.add("");
      }
    }
    String eol = r.nextBoolean() ? "\n" : "\r\n";
    String text = String.join(eol, lines) + (r.nextBoolean() ? eol : "");
    return r.nextInt(5) == 0 ? "\uFEFF" + text : text;
  }

  private static List<String> row(SplittableRandom r, int i) {
    String currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
    int digits = currency.equals("JPY") ? 0 : currency.equals("BHD") ? 3 : 2;
    long minor = r.nextInt(4) == 0 ? Long.MAX_VALUE / (1 + r.nextInt(3)) : r.nextLong(0, 10_000_000);
    String amount = decimal(minor, digits);
    String status = List.of("open", "won", "lost").get(r.nextInt(3));
    long created = 1_704_067_200L + r.nextLong(0, 3L * 365 * 86_400);
    String createdText = instant(created, r);
    String closed = status.equals("open") ? "" : instant(created + r.nextLong(0, 90L * 86_400), r);
    if (!status.equals("won") && r.nextInt(4) == 0) {
      amount = "";
      currency = r.nextBoolean() ? "" : currency;
    }
    List<String> cells = new ArrayList<>();
    cells.add("D" + i);
    cells.add("R" + r.nextInt(5));
    cells.add(amount);
    cells.add(currency);
    cells.add(createdText);
    cells.add(r.nextInt(6) == 0 ? status.toUpperCase(java.util.Locale.ROOT) : status);
    cells.add(closed);
    cells.add(r.nextBoolean() ? "" : List.of("Qualify", "Proposal", "Closing stage").get(r.nextInt(3)));
    cells.add(r.nextBoolean() ? "" : List.of("0", "0.25", "1", "0.1", "0.333").get(r.nextInt(5)));
    cells.add(r.nextBoolean() ? "" : "C" + r.nextInt(10));
    cells.add(r.nextBoolean() ? "" : "L" + r.nextInt(10));
    cells.add(r.nextBoolean() ? "" : List.of("Pro Plan", "Basic").get(r.nextInt(2)));
    return cells;
  }

  private static String decimal(long minor, int digits) {
    String s = Long.toString(minor);
    if (digits == 0) {
      return s;
    }
    while (s.length() <= digits) {
      s = "0" + s;
    }
    return s.substring(0, s.length() - digits) + "." + s.substring(s.length() - digits);
  }

  private static String instant(long second, SplittableRandom r) {
    int nano = switch (r.nextInt(4)) {
      case 0 -> r.nextInt(1_000) * 1_000_000;
      case 1 -> r.nextInt(1_000_000_000);
      default -> 0;
    };
    return java.time.Instant.ofEpochSecond(second, nano).toString();
  }

  /** deal_stages.csv rows for some of the ids D0..D120, some before the deal was created. */
  static String stages(long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    StringBuilder text = new StringBuilder("deal_id,stage,entered_at\n");
    int n = r.nextInt(0, 40);
    for (int i = 0; i < n; i++) {
      text.append("D").append(r.nextInt(130)).append(',')
          .append(List.of("Qualify", "Proposal").get(r.nextInt(2))).append(',')
          .append(instant(1_704_067_200L + r.nextLong(0, 3L * 365 * 86_400), r)).append('\n');
    }
    return text.toString();
  }

  // ------------------------------------------------------------------ loading

  static LoadResult<Dataset> load(String deals, String stages, CsvOptions options) {
    Path dir = write(deals, stages);
    try {
      return Dataset.load(dir, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  static LoadResult<ColumnStore> loadColumns(
      String deals, String stages, CsvOptions options, int threads, int chunk) {
    Path dir = write(deals, stages);
    try {
      return Dataset.loadColumns(dir, options, threads, chunk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static Path write(String deals, String stages) {
    try {
      Path dir = Files.createTempDirectory("column-loader");
      Files.write(dir.resolve("deals.csv"), deals.getBytes(StandardCharsets.UTF_8));
      if (stages != null) {
        Files.write(dir.resolve("deal_stages.csv"), stages.getBytes(StandardCharsets.UTF_8));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
