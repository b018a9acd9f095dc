package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {
  @TempDir Path tmp;
  private Path inboxDir;
  private LiveData data;
  private Inbox inbox;

  @BeforeEach
  void open() throws IOException {
    Path dir = TestData.write(tmp.resolve("data"));
    data = LiveData.builder(dir).metrics(List.of(Metrics.WIN_RATE)).open();
    inboxDir = tmp.resolve("inbox");
    inbox = new Inbox(inboxDir, data, 10_000);
  }

  @AfterEach
  void close() throws IOException {
    inbox.close();
    data.close();
  }

  private void drop(String name, String text) throws IOException {
    Files.writeString(inboxDir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private DealStatus statusOf(String id) {
    return data.dataset().deals().stream().filter(d -> d.id().equals(id)).findFirst()
        .map(Deal::status).orElseThrow();
  }

  @Test
  void anAcceptedFileMovesToDone() throws IOException {
    drop("deals-2025-12-05.csv", TestData.d4Won());
    assertThat(inbox.processPending())
        .containsExactly(new Inbox.Result("deals-2025-12-05.csv", Inbox.Outcome.DONE,
            "1 records accepted, 1 replaced"));
    assertThat(inboxDir.resolve("done/deals-2025-12-05.csv")).hasContent(TestData.d4Won());
    assertThat(inboxDir.resolve("deals-2025-12-05.csv")).doesNotExist();
    assertThat(statusOf("D4")).isEqualTo(DealStatus.WON);
    assertThat(data.journalSequence()).isEqualTo(1);
    assertThat(inbox.processPending()).isEmpty();
  }

  @Test
  void aFileWithABadRowMovesToRejectedWithTheReasonBesideIt() throws IOException {
    String text =
        TestData.DEALS_HEADER
            + "D6,R1,50.00,USD,2025-12-04T09:00:00Z,won,2025-12-07T10:00:00Z,\n"
            + "D7,R1,5O.00,USD,2025-12-04T09:00:00Z,won,2025-12-07T10:00:00Z,\n";
    drop("deals-bad.csv", text);
    List<Inbox.Result> results = inbox.processPending();
    assertThat(results).extracting(Inbox.Result::outcome).containsExactly(Inbox.Outcome.REJECTED);
    assertThat(inboxDir.resolve("rejected/deals-bad.csv")).hasContent(text);
    String err = Files.readString(inboxDir.resolve("rejected/deals-bad.csv.err"));
    assertThat(err).startsWith("deals-bad.csv:3: column amount: \"5O.00\": ").endsWith("\n");
    assertThat(data.journalSequence()).isZero();
    assertThat(data.dataset().deals()).extracting(Deal::id).doesNotContain("D6");
  }

  @Test
  void aNameThatSaysNoKindIsRejected() throws IOException {
    drop("quotas.csv", "rep_id\n");
    drop("notes.txt", "hello");
    assertThat(inbox.processPending())
        .extracting(Inbox.Result::name, Inbox.Result::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("notes.txt", Inbox.Outcome.REJECTED),
            org.assertj.core.groups.Tuple.tuple("quotas.csv", Inbox.Outcome.REJECTED));
    assertThat(Files.readString(inboxDir.resolve("rejected/quotas.csv.err")))
        .isEqualTo("quotas.csv: cannot tell which records the file holds: its name must start"
            + " with deals, orders, leads or customers and end in .csv\n");
  }

  @Test
  void aSymbolicLinkIsRejectedUnread() throws IOException {
    Path secret = tmp.resolve("secret.csv");
    Files.writeString(secret, "deal_id\ntop-secret-value\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(inboxDir.resolve("deals-link.csv"), secret);
    assertThat(inbox.processPending())
        .extracting(Inbox.Result::outcome)
        .containsExactly(Inbox.Outcome.REJECTED);
    Path moved = inboxDir.resolve("rejected/deals-link.csv");
    assertThat(Files.isSymbolicLink(moved)).isTrue();
    String err = Files.readString(inboxDir.resolve("rejected/deals-link.csv.err"));
    assertThat(err)
        .isEqualTo("deals-link.csv is a symbolic link; only regular files are read\n")
        .doesNotContain("top-secret");
    assertThat(secret).hasContent("deal_id\ntop-secret-value\n");
  }

  @Test
  void directoriesHiddenAndUnfinishedFilesAreLeftAlone() throws IOException {
    Files.createDirectories(inboxDir.resolve("sub"));
    Files.writeString(inboxDir.resolve("sub/deals.csv"), TestData.d4Won());
    drop(".deals.csv", TestData.d4Won());
    drop("deals.csv.tmp", TestData.d4Won());
    drop("deals.csv.part", TestData.d4Won());
    assertThat(inbox.processPending()).isEmpty();
    assertThat(inboxDir.resolve("sub/deals.csv")).exists();
    assertThat(inboxDir.resolve(".deals.csv")).exists();
    assertThat(data.journalSequence()).isZero();
  }

  @Test
  void aTakenNameGetsANumber() throws IOException {
    drop("deals.csv", TestData.d4Won());
    var unused = inbox.processPending();
    drop("deals.csv", TestData.d4Won());
    unused = inbox.processPending();
    assertThat(inboxDir.resolve("done/deals.csv")).exists();
    assertThat(inboxDir.resolve("done/deals (2).csv")).exists();
    drop("deals.csv", "not,a,deals,header\n1,2,3,4\n");
    Files.write(inboxDir.resolve("deals-x.csv"), new byte[] {(byte) 0xff, 'a', '\n'});
    unused = inbox.processPending();
    assertThat(inboxDir.resolve("rejected/deals.csv.err")).exists();
    assertThat(Files.readString(inboxDir.resolve("rejected/deals-x.csv.err")))
        .isEqualTo("deals-x.csv is not UTF-8 text\n");
  }

  @Test
  void aFileLargerThanTheLimitIsRejected() throws IOException {
    drop("deals-big.csv", TestData.DEALS_HEADER + "x".repeat(20_000));
    assertThat(inbox.processPending())
        .extracting(Inbox.Result::message)
        .containsExactly("deals-big.csv has " + (TestData.DEALS_HEADER.length() + 20_000)
            + " bytes, more than the 10000 bytes read from the"
            + " inbox; split it");
  }

  @Test
  void kindsComeFromTheStartOfTheName() {
    assertThat(Inbox.kindOf("Deals-2025.CSV")).contains(RecordKind.DEALS);
    assertThat(Inbox.kindOf("orders.csv")).contains(RecordKind.ORDERS);
    assertThat(Inbox.kindOf("leads_week1.csv")).contains(RecordKind.LEADS);
    assertThat(Inbox.kindOf("customers.csv")).contains(RecordKind.CUSTOMERS);
    assertThat(Inbox.kindOf("deals.txt")).isEmpty();
    assertThat(Inbox.kindOf("my-deals.csv")).isEmpty();
  }
}
