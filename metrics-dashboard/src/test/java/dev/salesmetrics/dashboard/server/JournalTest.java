package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private List<Journal.Entry> reopen(Path file) throws IOException {
    List<Journal.Entry> out = new ArrayList<>();
    try (Journal j = Journal.open(file, out::add)) {
      assertThat(j.nextSequence()).isEqualTo(out.size() + 1L);
    }
    return out;
  }

  @Test
  void batchesReadBackInOrderExactlyAsWritten() throws IOException {
    Path file = dir.resolve("j/journal.txt");
    try (Journal j = Journal.open(file, e -> {})) {
      long a = j.write(RecordKind.DEALS, "deals.csv", "deal_id\nD1\n");
      long b = j.write(RecordKind.ORDERS, "my file é.csv", "a,\"b\nc\"\n@ 3 deals 1 0 x\n");
      j.force(j.end());
      assertThat(a).isEqualTo(1);
      assertThat(b).isEqualTo(2);
    }
    assertThat(reopen(file))
        .containsExactly(
            new Journal.Entry(1, RecordKind.DEALS, "deals.csv", "deal_id\nD1\n"),
            new Journal.Entry(
                2, RecordKind.ORDERS, "my file é.csv", "a,\"b\nc\"\n@ 3 deals 1 0 x\n"));
  }

  @Test
  void aTornLastEntryIsCutOffAndWritingGoesOn() throws IOException {
    Path file = dir.resolve("journal.txt");
    try (Journal j = Journal.open(file, e -> {})) {
      var unused = j.write(RecordKind.DEALS, "deals.csv", "x\n");
      j.force(j.end());
    }
    long good = Files.size(file);
    for (String torn :
        List.of("@ 2 deals 10 1234abcd deals.csv\nonly", "@ 2 dea", "@ 2 deals 2 0 s\nab\n")) {
      Files.writeString(file, torn, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      try (Journal j = Journal.open(file, e -> {})) {
        assertThat(j.truncatedBytes()).isEqualTo(torn.getBytes(StandardCharsets.UTF_8).length);
        assertThat(j.nextSequence()).isEqualTo(2);
      }
      assertThat(Files.size(file)).isEqualTo(good);
    }
    try (Journal j = Journal.open(file, e -> {})) {
      assertThat(j.write(RecordKind.LEADS, "leads.csv", "y\n")).isEqualTo(2);
      j.force(j.end());
    }
    assertThat(reopen(file)).extracting(Journal.Entry::text).containsExactly("x\n", "y\n");
  }

  @Test
  void damageBeforeTheLastEntryIsAnErrorAndLeavesTheFile() throws IOException {
    Path file = dir.resolve("journal.txt");
    try (Journal j = Journal.open(file, e -> {})) {
      var unused = j.write(RecordKind.DEALS, "deals.csv", "first\n");
      unused = j.write(RecordKind.DEALS, "deals.csv", "second\n");
      j.force(j.end());
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.replace("first", "fiRst"), StandardCharsets.UTF_8);
    long size = Files.size(file);
    assertThatThrownBy(() -> Journal.open(file, e -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is damaged at byte 23: the checksum of entry 1 does not match");
    assertThat(Files.size(file)).isEqualTo(size);
  }

  @Test
  void aFileThatIsNoJournalIsRefused() throws IOException {
    Path file = dir.resolve("journal.txt");
    Files.writeString(file, "deal_id,rep_id\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Journal.open(file, e -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not start with 'salesmetrics-journal 1'");
  }

  @Test
  void concurrentWritersGetDistinctNumbersAndEveryBatchIsKept() throws Exception {
    Path file = dir.resolve("journal.txt");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Journal j = Journal.open(file, e -> {})) {
      List<Future<Long>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String text = "batch " + i + "\n";
        done.add(
            pool.submit(
                () -> {
                  long seq = j.write(RecordKind.DEALS, "deals.csv", text);
                  j.force(j.end());
                  return seq;
                }));
      }
      List<Long> seqs = new ArrayList<>();
      for (Future<Long> f : done) {
        seqs.add(f.get());
      }
      assertThat(seqs).doesNotHaveDuplicates().hasSize(200);
    } finally {
      pool.shutdown();
    }
    assertThat(reopen(file)).hasSize(200);
  }
}
