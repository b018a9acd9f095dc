package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SurveyScale;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

  private static Path small() throws URISyntaxException {
    return Path.of(DatasetTest.class.getResource("/csv/small/reps.csv").toURI()).getParent();
  }

  @Test
  void loadsTheHandWrittenSample() throws Exception {
    LoadResult<Dataset> result = Dataset.load(small());
    Dataset data = result.value();
    assertThat(result.isClean()).isTrue();
    assertThat(result.reports()).hasSize(9);
    assertThat(data.reps().get(1).name()).isEqualTo("Chan, Bo");
    assertThat(data.reps().get(1).hiredOn()).isNull();
    assertThat(data.quotas().get(1).period().label()).isEqualTo("2024-Q1");
    assertThat(data.leads().get(1).createdAt()).isEqualTo(Instant.parse("2024-01-03T08:00:00Z"));
    assertThat(data.leads().get(1).contact().name()).isNull();
    Deal d1 = data.deals().get(0);
    assertThat(d1.stageHistory()).extracting(s -> s.stage())
        .containsExactly("prospecting", "qualification");
    assertThat(d1.stage()).isEqualTo("closed_won");
    assertThat(data.deals().get(1).stage()).isEqualTo("prospecting");
    Order o2 = data.orders().get(1);
    assertThat(o2.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(o2.lines().get(0).quantity()).isEqualTo(2);
    assertThat(o2.lines().get(0).amount()).isEqualTo(Money.of("398.00", "USD"));
    assertThat(data.orders().get(2).lines()).isEmpty();
    assertThat(data.orders().get(2).status()).isEqualTo(OrderStatus.PAID);
    assertThat(data.customers().get(1).cancelledAt()).isNotNull();
    assertThat(data.campaigns().get(0).spend()).isEqualTo(Money.of("3100", "USD"));
    assertThat(data.responses().get(1).scale()).isEqualTo(SurveyScale.CSAT);
    assertThat(data.toString())
        .isEqualTo("Dataset[2 reps, 2 quotas, 2 leads, 2 deals, 3 orders, 2 customers,"
            + " 1 campaigns, 2 responses]");
  }

  @Test
  void quotaPeriodsFollowTheZone() throws Exception {
    Dataset data =
        Dataset.load(small(), CsvOptions.strict().withZone(ZoneId.of("America/New_York")))
            .value();
    assertThat(data.quotas().get(0).period().start())
        .isEqualTo(Instant.parse("2024-01-01T05:00:00Z"));
  }

  @Test
  void missingFilesGiveEmptyListsAndReportsOnlyForFilesRead(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("reps.csv"), "rep_id,name\nR1,Ann\n");
    LoadResult<Dataset> result = Dataset.load(dir);
    assertThat(result.value().reps()).hasSize(1);
    assertThat(result.value().deals()).isEmpty();
    assertThat(result.reports()).extracting(LoadReport::file).containsExactly("reps.csv");
    assertThat(Dataset.empty().deals()).isEmpty();
    assertThatThrownBy(() -> Dataset.load(dir.resolve("reps.csv")))
        .isInstanceOf(java.nio.file.NotDirectoryException.class);
  }

  @Test
  void lenientLoadReportsEveryRejectedRow(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("reps.csv"), "rep_id,name\nR1,Ann\n,Bob\n");
    Files.writeString(
        dir.resolve("responses.csv"),
        "customer_id,responded_at,score,scale\nC1,2024-01-01T00:00:00Z,11,nps\n");
    LoadResult<Dataset> result = Dataset.load(dir, CsvOptions.lenient());
    assertThat(result.rejected())
        .extracting(RejectedRow::message)
        .containsExactly(
            "reps.csv:3: column rep_id: \"\": rep_id is required",
            "responses.csv:2: column score: \"11\": score must be in [0, 10] for nps: 11 for"
                + " customer C1");
    assertThat(result.rowsRead()).isEqualTo(3);
    assertThatThrownBy(result::orThrow)
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("reps.csv:3: column rep_id: \"\": rep_id is required");
  }

  @Test
  void aPathThatIsNoDirectoryIsNamedWithWhatIsWrong(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("reps.csv"), "rep_id,name\nR1,Ann\n");
    assertThatThrownBy(() -> Dataset.load(file))
        .isInstanceOf(java.nio.file.NotDirectoryException.class)
        .hasMessage(file + ": is a file, not a directory of CSV files");
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> Dataset.load(missing))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessage(missing + ": data directory does not exist");
  }

  @Test
  void aSchemaFileThatIsADirectoryIsNamed(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("deals.csv"));
    assertThatThrownBy(() -> Dataset.load(dir))
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessage(dir.resolve("deals.csv") + ": is a directory, not a CSV file");
  }

  @Test
  void stageRowsWithoutADealsFileAreRejectedRows(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("deal_stages.csv"),
        """
        deal_id,stage,entered_at
        D1,qualified,2024-01-03T09:00:00Z
        D2,qualified,2024-01-03T09:00:00Z
        """);
    String reason = "deal_id D1 is no loaded deal: there is no deals.csv";
    assertThatThrownBy(() -> Dataset.load(dir))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("deal_stages.csv:2: column deal_id: \"D1\": " + reason);
    LoadResult<Dataset> lenient = Dataset.load(dir, CsvOptions.lenient());
    assertThat(lenient.value().deals()).isEmpty();
    assertThat(lenient.reports()).hasSize(1);
    LoadReport stages = lenient.reports().get(0);
    assertThat(stages.file()).isEqualTo("deal_stages.csv");
    assertThat(stages.rowsRead()).isEqualTo(2);
    assertThat(stages.loaded()).isZero();
    assertThat(stages.rejected()).extracting(RejectedRow::line).containsExactly(2L, 3L);
  }
}
