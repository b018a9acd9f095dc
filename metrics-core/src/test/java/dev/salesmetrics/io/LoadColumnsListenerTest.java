package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Dataset#loadColumns(Path, CsvOptions, LoadListener)} tells a listener what it reads. */
class LoadColumnsListenerTest {
  /** Writes each file started, with its size, and the last count loaded of each file. */
  private static final class Log implements LoadListener {
    final List<String> events = new ArrayList<>();
    long last;

    @Override
    public void fileStarted(CsvFile file, long sizeBytes) {
      flush();
      events.add(file.fileName() + " " + sizeBytes + " bytes");
    }

    @Override
    public void recordLoaded(long loaded) {
      assertThat(loaded).isGreaterThan(last);
      last = loaded;
    }

    void flush() {
      if (!events.isEmpty()) {
        events.add("loaded " + last);
      }
      last = 0;
    }
  }

  @Test
  void theFilesAndCountsAreThoseOfTheObjectLoader(@TempDir Path dir) throws IOException {
    SampleData.writeCsv(dir, 3, new SampleData.Counts(3_000, 500, 200, 700));
    Log columns = new Log();
    var store = Dataset.loadColumns(dir, CsvOptions.strict(), columns);
    columns.flush();
    Log records = new Log();
    var data = Dataset.load(dir, CsvOptions.strict(), records);
    records.flush();
    assertThat(columns.events).isEqualTo(records.events);
    assertThat(columns.events).contains("loaded 3000", "loaded 700").hasSize(10);
    assertThat(store.reports()).isEqualTo(data.reports());
  }
}
