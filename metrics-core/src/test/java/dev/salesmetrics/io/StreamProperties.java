package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Dataset#stream} against {@code Query.of(Dataset.loadColumns(dir))} and against a query
 * over the records of {@link Dataset#load}, for every catalogue metric that folds, on random
 * deals.csv files (bad cells, quoted line breaks across chunk boundaries, duplicate ids, several
 * currencies, sub-second instants, DST months), strict and lenient.
 */
class StreamProperties {
  private static final String REPS =
      "rep_id,name,team,region\nR0,Ann,North,EU\nR1,Bob,North,EU\nR2,Cy,South,US\n";

  /** The catalogue metrics that fold and read deals: a kernel, placed by one instant. */
  static final List<Metric<?, ?>> FOLDING =
      Metrics.all().stream()
          .filter(m -> m.kernel().isPresent() && !m.placement().isSpanning())
          .filter(m -> m.recordKinds().contains(dev.salesmetrics.model.Deal.class))
          .toList();

  private static final RepDirectory DIRECTORY =
      RepDirectory.of(
          List.of(new Rep("R0", "Ann", "North", "EU", null), new Rep("R1", "Bob", "North", "EU", null),
              new Rep("R2", "Cy", "South", "US", null)));

  private static final List<Function<Query, Query>> SHAPES =
      List.of(
          q -> q.groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC)),
          q -> q.groupBy(Dimension.week(ZoneId.of("America/New_York")), Dimension.PRODUCT),
          q -> q.groupBy(Dimension.team(DIRECTORY), Dimension.quarter(ZoneId.of("Europe/Paris")))
              .periods(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 7, 1)),
          q -> q.groupBy(Dimension.region(DIRECTORY), Dimension.CUSTOMER)
              .during(Period.between(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1),
                  ZoneOffset.UTC)));

  @Test
  void foldingMetricsAreTheDealKernelsOfTheCatalogue() {
    assertThat(FOLDING).contains(Metrics.WIN_RATE, Metrics.SALES_VOLUME,
        Metrics.AVERAGE_DEAL_SIZE, Metrics.DEALS_WON);
    assertThat(FOLDING).doesNotContain(Metrics.PIPELINE_VALUE);
  }

  /** How many compared files streamed without falling back (the property must not be vacuous). */
  private static final java.util.concurrent.atomic.AtomicInteger STREAMED =
      new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void streamEqualsTheColumnLoadAndTheRecordsOnMutatedFiles() {
    STREAMED.set(0);
    qt().withExamples(60)
        .withShrinkCycles(1)
        .forAll(longs().all(), integers().between(40, 700), integers().between(1, 3),
            booleans().all())
        .checkAssert((seed, chunk, threads, lenient) -> compare(
            ColumnLoaderProperties.file(seed), chunk, threads, lenient, seed));
    assertThat(STREAMED.get()).isPositive();
  }

  @Test
  void streamEqualsTheColumnLoadAndTheRecordsOnCleanFiles() {
    STREAMED.set(0);
    qt().withExamples(40)
        .withShrinkCycles(1)
        .forAll(longs().all(), integers().between(40, 4000), integers().between(1, 3),
            booleans().all())
        .checkAssert((seed, chunk, threads, lenient) -> compare(
            ColumnLoaderProperties.clean(seed), chunk, threads, lenient, seed));
    assertThat(STREAMED.get()).isPositive();
  }

  @Test
  void cleanFilesOfOneCurrencyStreamWithoutFallingBack() throws IOException {
    String text = ColumnLoaderProperties.HEADER + "\n"
        + "D1,R0,10.00,USD,2024-03-09T12:00:00.25Z,won,2024-03-10T06:59:59.999Z,,,C1,,Pro\n"
        + "D2,R1,5.50,USD,2024-03-09T12:00:00Z,lost,2024-03-10T07:00:00Z,,,,,\n"
        + "D3,R0,2.25,USD,2024-03-10T12:00:00Z,won,2024-11-03T05:30:00Z,,,,,Pro\n"
        + "D4,R2,1.00,USD,2024-03-10T12:00:00Z,open,,,,,,\n";
    Path dir = write(text);
    try {
      Query shape = Query.of(List.of()).groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
          .metrics(Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.AVERAGE_DEAL_SIZE);
      LoadResult<Query.Fold> streamed = Dataset.tryStream(dir, CsvOptions.strict(), shape, 2, 40);
      assertThat(streamed).isNotNull();
      LoadResult<ColumnStore> store = Dataset.loadColumns(dir, CsvOptions.strict(), 2, 40);
      MetricTable expected = Query.of(store.value()).groupBy(Dimension.REP,
          Dimension.month(ZoneOffset.UTC)).metrics(Metrics.WIN_RATE, Metrics.SALES_VOLUME,
              Metrics.AVERAGE_DEAL_SIZE).runParallel();
      assertThat(streamed.value().table()).isEqualTo(expected);
      assertThat(streamed.reports()).isEqualTo(store.reports());
      // by hand, placed by closed_at: R0 won D1 (10.00) in March and D3 (2.25) in November;
      // R1 lost D2 in March; D4 is open
      assertThat(expected.toCsv())
          .contains("2024-03-01,2024-04-01,R0,win_rate,1,ratio\n")
          .contains("2024-03-01,2024-04-01,R0,sales_volume,10.00,USD\n")
          .contains("2024-11-01,2024-12-01,R0,average_deal_size,2.25,USD\n")
          .contains("2024-03-01,2024-04-01,R1,win_rate,0,ratio\n")
          .doesNotContain("R2");
      assertThat(streamed.value().instantSpan()).isEqualTo(store.value().instantSpan());
    } finally {
      delete(dir);
    }
  }

  @Test
  void repeatsFindsAValueTwiceWithinOrAcrossSortedRuns() {
    qt().withExamples(300)
        .forAll(longs().all(), integers().between(0, 6))
        .checkAssert((seed, n) -> {
          java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
          List<long[]> runs = new ArrayList<>();
          java.util.Set<Long> all = new java.util.HashSet<>();
          boolean twice = false;
          for (int i = 0; i < n; i++) {
            long[] run = r.longs(r.nextInt(0, 8), -5, 5).sorted().toArray();
            for (long v : run) {
              twice |= !all.add(v);
            }
            runs.add(run);
          }
          assertThat(DealFileLoader.repeats(runs)).isEqualTo(twice);
        });
    assertThat(DealFileLoader.repeats(List.of(new long[] {1, 3}, new long[] {2, 4}))).isFalse();
    assertThat(DealFileLoader.repeats(List.of(new long[] {1, 3}, new long[] {}, new long[] {3})))
        .isTrue();
  }

  @Test
  void aDuplicateIdIsStillAnErrorInStrictMode() throws IOException {
    StringBuilder text = new StringBuilder(ColumnLoaderProperties.HEADER).append('\n');
    for (int i = 0; i < 200; i++) {
      String id = i == 150 ? "D3" : "D" + i;
      text.append(id).append(",R1,1.00,USD,2024-01-02T09:00:00Z,won,2024-01-03T09:00:00Z,,,,,\n");
    }
    Path dir = write(text.toString());
    try {
      Query shape = Query.of(List.of()).groupBy(Dimension.REP).metrics(Metrics.WIN_RATE);
      assertThat(Dataset.tryStream(dir, CsvOptions.strict(), shape, 2, 64)).isNull();
      assertThatThrownBy(() -> Dataset.stream(dir, CsvOptions.strict(), shape, 2, 64))
          .isInstanceOf(CsvFormatException.class)
          .hasMessage("deals.csv:152: column deal_id: \"D3\": duplicate deal_id first seen on"
              + " line 5");
    } finally {
      delete(dir);
    }
  }

  @Test
  void queriesThatCannotFoldAreRefusedNamingWhatAndWhy() {
    Query base = Query.of(List.of());
    assertThatThrownBy(() -> base.metrics(Metrics.SALES_CYCLE).fold())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric sales_cycle cannot fold: it has no kernel (its state is not a"
            + " fixed set of numbers)");
    assertThatThrownBy(() -> base.groupBy(Dimension.month(ZoneOffset.UTC))
            .periods(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1))
            .metrics(Metrics.PIPELINE_VALUE).fold())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric pipeline_value cannot fold: it spans periods instead of being placed"
            + " by one instant");
    assertThatThrownBy(() -> base.filter(r -> true).metrics(Metrics.WIN_RATE).fold())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a query with a filter cannot fold: the filter reads records, not columns");
    Dimension custom = Dimension.of("size", r -> "big");
    assertThatThrownBy(() -> base.groupBy(custom).metrics(Metrics.WIN_RATE).fold())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dimension size cannot fold: its value is not read from a row's columns");
    assertThatThrownBy(() -> Dataset.stream(Path.of("no-such-dir"), CsvOptions.strict(),
            base.metrics(Metrics.SALES_CYCLE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Streams {@code deals} and asserts the outcome of the column load and of the records. */
  private static void compare(String deals, int chunk, int threads, boolean lenient, long seed) {
    CsvOptions options = lenient ? CsvOptions.lenient() : CsvOptions.strict();
    Path dir = write(deals);
    try {
      int shapeIndex = (int) Math.floorMod(seed, (long) SHAPES.size());
      Function<Query, Query> shape = SHAPES.get(shapeIndex);
      List<Metric<?, ?>> metrics = new ArrayList<>(FOLDING);
      java.util.Collections.rotate(metrics, (int) Math.floorMod(seed >> 3, (long) metrics.size()));
      metrics = metrics.subList(0, 1 + (int) Math.floorMod(seed >> 9, 4L));
      Query query = shape.apply(Query.of(List.of())).metrics(metrics);
      Object expected;
      LoadResult<ColumnStore> store = null;
      try {
        store = Dataset.loadColumns(dir, options, threads, chunk);
        expected = shape.apply(Query.of(store.value())).metrics(metrics).runParallel();
      } catch (RuntimeException e) {
        expected = e;
      }
      try {
        if (Dataset.tryStream(dir, options, query, threads, chunk) != null) {
          STREAMED.incrementAndGet();
        }
      } catch (RuntimeException e) {
        // refused before reading: compared below
      }
      Object actual;
      LoadResult<Query.Fold> streamed = null;
      try {
        streamed = Dataset.stream(dir, options, query, threads, chunk);
        actual = streamed.value().table();
      } catch (RuntimeException e) {
        actual = e;
      }
      if (expected instanceof RuntimeException e) {
        assertThat(actual).isInstanceOf(e.getClass());
        assertThat(((Throwable) actual).getMessage()).isEqualTo(e.getMessage());
        return;
      }
      assertThat(actual).isEqualTo(expected);
      assertThat(streamed.reports()).isEqualTo(store.reports());
      assertThat(streamed.value().instantSpan()).isEqualTo(store.value().instantSpan());
      // and the records of the object loader, when it gives the same deals
      LoadResult<Dataset> records = Dataset.load(dir, options);
      List<Metric<?, ?>> chosen = metrics;
      Throwable onRecords = catchThrowable(() -> shape.apply(Query.of(records.value().records()))
          .metrics(chosen).run());
      if (onRecords == null) {
        assertThat(shape.apply(Query.of(records.value().records())).metrics(chosen).run())
            .isEqualTo(actual);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static Path write(String deals) {
    try {
      Path dir = Files.createTempDirectory("stream");
      Files.write(dir.resolve("deals.csv"), deals.getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("reps.csv"), REPS.getBytes(StandardCharsets.UTF_8));
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
