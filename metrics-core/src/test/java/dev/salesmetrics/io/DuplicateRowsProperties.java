package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Deal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files holding copies of some of their rows (after the original, anywhere later in the file):
 * lenient loading gives the data set without copies and rejects every copy; the counts add up.
 */
class DuplicateRowsProperties {
  @TempDir Path dir;

  @Test
  void copiesOfRowsAreRejectedAndEveryPhysicalRowIsCounted() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(0, 8), longs().all())
        .checkAssert(
            (seed, size, copySeed) -> {
              Dataset data = CsvRoundTripProperties.randomDataset(new SplittableRandom(seed), size);
              SplittableRandom r = new SplittableRandom(copySeed);
              Dataset copied =
                  new Dataset(
                      withCopies(data.reps(), r),
                      withCopies(data.quotas(), r),
                      withCopies(data.leads(), r),
                      withCopies(data.deals(), r),
                      withCopies(data.orders(), r),
                      withCopies(data.customers(), r),
                      withCopies(data.campaigns(), r),
                      withCopies(data.responses(), r));
              try {
                Path out = Files.createTempDirectory(dir, "dup");
                copied.writeCsv(out);
                LoadResult<Dataset> lenient = Dataset.load(out, CsvOptions.lenient());
                assertThat(lenient.value()).isEqualTo(data);
                long loaded = 0;
                for (LoadReport report : lenient.reports()) {
                  assertThat(report.rowsRead())
                      .isEqualTo(report.loaded() + report.rejected().size());
                  loaded += report.loaded();
                }
                assertThat(lenient.rowsRead()).isEqualTo(rows(copied));
                assertThat(loaded).isEqualTo(rows(data));
                assertThat(lenient.rejected()).hasSize((int) (rows(copied) - rows(data)));
                assertThat(lenient.rejected())
                    .allSatisfy(
                        row ->
                            assertThat(row.reason())
                                .containsPattern("(?s)^duplicate .* first seen on line \\d+$"));
                if (rows(copied) > rows(data)) {
                  assertThatThrownBy(() -> Dataset.load(out))
                      .isInstanceOf(CsvFormatException.class)
                      .hasMessageContaining(": duplicate ");
                } else {
                  assertThat(Dataset.load(out).value()).isEqualTo(data);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** The list with copies of about a third of its elements, each somewhere after its original. */
  private static <T> List<T> withCopies(List<T> list, SplittableRandom r) {
    List<T> out = new ArrayList<>();
    List<T> pending = new ArrayList<>();
    for (T element : list) {
      while (!pending.isEmpty() && r.nextBoolean()) {
        out.add(pending.remove(r.nextInt(pending.size())));
      }
      out.add(element);
      if (r.nextInt(3) == 0) {
        pending.add(element);
      }
    }
    while (!pending.isEmpty()) {
      out.add(pending.remove(r.nextInt(pending.size())));
    }
    return out;
  }

  private static long rows(Dataset data) {
    long n =
        (long) data.reps().size() + data.quotas().size() + data.leads().size()
            + data.deals().size() + data.orders().size() + data.customers().size()
            + data.campaigns().size() + data.responses().size();
    for (Deal deal : data.deals()) {
      n += deal.stageHistory().size();
    }
    return n;
  }
}
