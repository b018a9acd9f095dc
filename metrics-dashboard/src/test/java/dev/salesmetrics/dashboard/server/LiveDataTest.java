package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.io.CsvFormatException;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveDataTest {
  private static final Period NOV = Period.of(LocalDate.of(2025, 11, 1), Granularity.MONTH,
      ZoneOffset.UTC);
  private static final Period DEC = NOV.next();
  private static final GroupKey ALL = GroupKey.overall();

  @TempDir Path dir;

  private LiveData open() throws IOException {
    return LiveData.builder(dir)
        .metrics(List.of(Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.DEALS_WON))
        .scope("rep", List.of(Metrics.WIN_RATE))
        .open();
  }

  private static MetricTable overall(LiveData data) {
    return data.store().snapshot().tables().get(0);
  }

  @Test
  void readsTheFilesAndPlacesTheCurrentPeriodAtTheNewestEvent() throws IOException {
    TestData.write(dir);
    try (LiveData data = open()) {
      RecordStore.Snapshot s = data.store().snapshot();
      assertThat(s.current()).contains(DEC);
      assertThat(s.applied()).isZero();
      MetricTable t = s.tables().get(0);
      assertThat(t.get(ALL, NOV, Metrics.WIN_RATE)).contains(Ratio.of(1, 2));
      assertThat(t.get(ALL, NOV, Metrics.SALES_VOLUME))
          .contains(Amount.of(Money.of("500.00", "USD"), 1));
      assertThat(t.get(ALL, DEC, Metrics.WIN_RATE)).contains(Ratio.of(1, 1));
      assertThat(t.get(ALL, DEC, Metrics.DEALS_WON)).contains(Count.of(1));
      MetricTable perRep = s.tables().get(1);
      assertThat(perRep.get(GroupKey.of("rep", "R1"), NOV, Metrics.WIN_RATE))
          .contains(Ratio.of(1, 2));
    }
  }

  /** D4, open, posted again as won: December has 2 of 2 won, 1000.00 USD, still 5 deals. */
  @Test
  void aDealPostedAgainReplacesTheOpenOneInTheFigures() throws IOException {
    TestData.write(dir);
    try (LiveData data = open()) {
      Accepted a = data.accept(RecordKind.DEALS, TestData.d4Won(), "deals.csv");
      assertThat(a).isEqualTo(new Accepted(RecordKind.DEALS, 1, 1, 1));
      MetricTable t = overall(data);
      assertThat(t.get(ALL, DEC, Metrics.WIN_RATE)).contains(Ratio.of(2, 2));
      assertThat(t.get(ALL, DEC, Metrics.SALES_VOLUME))
          .contains(Amount.of(Money.of("1000.00", "USD"), 2));
      assertThat(t.get(ALL, DEC, Metrics.DEALS_WON)).contains(Count.of(2));
      Dataset d = data.dataset();
      assertThat(d.deals()).hasSize(5);
      assertThat(d.deals().stream().filter(x -> x.id().equals("D4")).findFirst().orElseThrow()
              .status())
          .isEqualTo(DealStatus.WON);

      // and back: D4 lost, D6 new and lost in one batch: December 1 won of 3 closed
      Accepted b =
          data.accept(
              RecordKind.DEALS,
              TestData.DEALS_HEADER
                  + "D4,R2,200.00,USD,2025-12-01T09:00:00Z,lost,2025-12-06T10:00:00Z,\n"
                  + "D6,R1,50.00,USD,2025-12-04T09:00:00Z,lost,2025-12-07T10:00:00Z,\n",
              "deals.csv");
      assertThat(b).isEqualTo(new Accepted(RecordKind.DEALS, 2, 1, 2));
      t = overall(data);
      assertThat(t.get(ALL, DEC, Metrics.WIN_RATE)).contains(Ratio.of(1, 3));
      assertThat(t.get(ALL, DEC, Metrics.SALES_VOLUME))
          .contains(Amount.of(Money.of("800.00", "USD"), 1));
    }
  }

  @Test
  void aBadRowRejectsTheWholeBatchWithItsLineAndColumn() throws IOException {
    TestData.write(dir);
    try (LiveData data = open()) {
      String body =
          TestData.DEALS_HEADER
              + "D6,R1,50.00,USD,2025-12-04T09:00:00Z,won,2025-12-07T10:00:00Z,\n"
              + "D7,R1,12.505,USD,2025-12-04T09:00:00Z,won,2025-12-07T10:00:00Z,\n";
      assertThatThrownBy(() -> data.accept(RecordKind.DEALS, body, "deals.csv"))
          .isInstanceOfSatisfying(
              CsvFormatException.class,
              e -> {
                assertThat(e.file()).isEqualTo("deals.csv");
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.column()).contains("amount");
                assertThat(e.value()).contains("12.505");
                assertThat(e.getMessage())
                    .isEqualTo("deals.csv:3: column amount: \"12.505\": amount 12.505 has more"
                        + " than 2 fraction digits allowed for USD");
              });
      assertThat(data.journalSequence()).isZero();
      assertThat(data.dataset().deals()).extracting(Deal::id).doesNotContain("D6");
      assertThat(overall(data).get(ALL, DEC, Metrics.DEALS_WON)).contains(Count.of(1));
    }
  }

  @Test
  void aDealInAnotherCurrencyIsABadRowOfColumnCurrency() throws IOException {
    TestData.write(dir);
    try (LiveData data = open()) {
      String body =
          TestData.DEALS_HEADER
              + "D6,R1,50.00,USD,2025-12-04T09:00:00Z,open,,\"two\nlines\"\n"
              + "\n"
              + "D7,R1,50.00,EUR,2025-12-04T09:00:00Z,open,,\n";
      assertThatThrownBy(() -> data.accept(RecordKind.DEALS, body, "deals.csv"))
          .isInstanceOfSatisfying(
              CsvFormatException.class,
              e -> {
                assertThat(e.line()).isEqualTo(5);
                assertThat(e.column()).contains("currency");
                assertThat(e.value()).contains("EUR");
                assertThat(e.reason())
                    .isEqualTo("currency EUR differs from USD, the currency of the stored deals"
                        + " and quotas: the live figures add money of one currency");
              });
      assertThat(data.journalSequence()).isZero();
    }
  }

  @Test
  void aReopenedDirectoryReadsTheJournalBack() throws IOException {
    TestData.write(dir);
    MetricTable before;
    Dataset records;
    try (LiveData data = open()) {
      var unused = data.accept(RecordKind.DEALS, TestData.d4Won(), "deals.csv");
      unused =
          data.accept(
              RecordKind.CUSTOMERS,
              "customer_id,signed_up_at\nC4,2025-12-06T00:00:00Z\n",
              "customers.csv");
      before = overall(data);
      records = data.dataset();
    }
    assertThat(Files.readString(dir.resolve(".salesmetrics/journal.txt"), StandardCharsets.UTF_8))
        .startsWith("salesmetrics-journal 1\n@ 1 deals ")
        .contains("\n@ 2 customers ");
    try (LiveData again = open()) {
      assertThat(again.journalSequence()).isEqualTo(2);
      assertThat(again.truncatedJournalBytes()).isZero();
      assertThat(overall(again)).isEqualTo(before);
      assertThat(again.dataset()).isEqualTo(records);
    }
  }

  @Test
  void aReplacingDealKeepsTheStageHistoryItReplaces() throws IOException {
    TestData.write(dir);
    TestData.write(
        dir,
        "deal_stages.csv",
        """
        deal_id,stage,entered_at
        D4,lead,2025-12-01T09:00:00Z
        D4,proposal,2025-12-02T09:00:00Z
        """);
    try (LiveData data = open()) {
      var unused = data.accept(RecordKind.DEALS, TestData.d4Won(), "deals.csv");
      Deal d4 =
          data.dataset().deals().stream().filter(d -> d.id().equals("D4")).findFirst()
              .orElseThrow();
      assertThat(d4.status()).isEqualTo(DealStatus.WON);
      assertThat(d4.stageHistory())
          .containsExactly(
              new StageChange("lead", Instant.parse("2025-12-01T09:00:00Z")),
              new StageChange("proposal", Instant.parse("2025-12-02T09:00:00Z")));
    }
  }

  @Test
  void aRecordAfterTheRangeWidensIt() throws IOException {
    TestData.write(dir);
    try (LiveData data = open()) {
      var unused =
          data.accept(
              RecordKind.DEALS,
              TestData.deal("D9", "R1", "10.00", "2026-01-10T00:00:00Z", "won",
                  "2026-01-11T00:00:00Z"),
              "deals.csv");
      RecordStore.Snapshot s = data.store().snapshot();
      Period jan = DEC.next();
      assertThat(s.current()).contains(jan);
      assertThat(s.tables().get(0).get(ALL, jan, Metrics.WIN_RATE)).contains(Ratio.of(1, 1));
      assertThat(s.tables().get(0).get(ALL, DEC, Metrics.WIN_RATE)).contains(Ratio.of(1, 1));
    }
  }

  @Test
  void aTornJournalTailIsCutWhenReopened() throws IOException {
    TestData.write(dir);
    try (LiveData data = open()) {
      var unused = data.accept(RecordKind.DEALS, TestData.d4Won(), "deals.csv");
    }
    Path journal = dir.resolve(".salesmetrics/journal.txt");
    long size = Files.size(journal);
    Files.writeString(journal, "@ 2 deals 400 0 deals.csv\ndeal_id,rep", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (LiveData again = open()) {
      assertThat(again.truncatedJournalBytes()).isPositive();
      assertThat(again.journalSequence()).isEqualTo(1);
    }
    assertThat(Files.size(journal)).isEqualTo(size);
  }

  @Test
  void aHeaderWithoutRowsAcceptsNothingAndWritesNothing() throws IOException {
    TestData.write(dir);
    try (LiveData data = open()) {
      assertThat(data.accept(RecordKind.ORDERS,
              "order_id,customer_id,placed_at,amount,currency\n", "orders.csv"))
          .isEqualTo(new Accepted(RecordKind.ORDERS, 0, 0, 0));
      assertThat(data.journalSequence()).isZero();
    }
  }
}
