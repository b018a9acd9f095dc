package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Quota;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A row whose id (or, for the files without one id column, whose key) was already loaded from an
 * earlier row of the same file is a bad row: strict loading throws, lenient loading rejects it.
 */
class DuplicateRowsTest {

  /** file, header, a row with %s for the id, the id column. */
  static Stream<Arguments> filesWithAnId() {
    return Stream.of(
        Arguments.of(CsvFormat.REPS, "rep_id,name", "%s,Ann", "rep_id"),
        Arguments.of(CsvFormat.LEADS, "lead_id,created_at", "%s,2024-01-02T09:00:00Z", "lead_id"),
        Arguments.of(
            CsvFormat.DEALS,
            "deal_id,rep_id,amount,currency,created_at,status",
            "%s,R1,10.00,USD,2024-01-02T09:00:00Z,open",
            "deal_id"),
        Arguments.of(
            CsvFormat.ORDERS,
            "order_id,customer_id,placed_at,amount,currency",
            "%s,C1,2024-01-02T09:00:00Z,10.00,USD",
            "order_id"),
        Arguments.of(
            CsvFormat.CUSTOMERS,
            "customer_id,signed_up_at",
            "%s,2024-01-02T09:00:00Z",
            "customer_id"),
        Arguments.of(
            CsvFormat.CAMPAIGNS,
            "campaign_id,name,start_date,end_date,spend,currency",
            "%s,Spring,2024-03-01,2024-03-31,1000.00,USD",
            "campaign_id"));
  }

  @ParameterizedTest
  @MethodSource("filesWithAnId")
  void aSecondRowWithTheSameIdIsABadRow(
      CsvFormat<?> format, String header, String row, String idColumn) {
    String file = format.file().fileName();
    String text =
        header + "\n" + row.formatted("A") + "\n" + row.formatted("B") + "\n"
            + row.formatted("A") + "\n" + row.formatted("a") + "\n" + row.formatted("A") + "\n";
    assertThatThrownBy(() -> format.parse(file, text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(file + ":4: column " + idColumn + ": \"A\": duplicate " + idColumn
            + " first seen on line 2");
    LoadResult<? extends List<?>> lenient = format.parse(file, text, CsvOptions.lenient());
    assertThat(lenient.value()).hasSize(3); // A, B and a: ids are case-sensitive
    assertThat(lenient.rejected())
        .containsExactly(
            new RejectedRow(file, 4, idColumn, "A",
                "duplicate " + idColumn + " first seen on line 2"),
            new RejectedRow(file, 6, idColumn, "A",
                "duplicate " + idColumn + " first seen on line 2"));
    assertThat(lenient.reports().get(0))
        .isEqualTo(new LoadReport(file, 5, 3, lenient.rejected()));
  }

  @Test
  void aRejectedRowDoesNotClaimItsId() {
    String text =
        """
        deal_id,rep_id,amount,currency,created_at,status
        D1,R1,1.005,USD,2024-01-02T09:00:00Z,open
        D1,R1,1.00,USD,2024-01-02T09:00:00Z,open
        D1,R1,2.00,USD,2024-01-02T09:00:00Z,open
        """;
    LoadResult<List<Deal>> lenient =
        CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.lenient());
    assertThat(lenient.value()).extracting(d -> d.amount().toPlainString()).containsExactly("1.00");
    assertThat(lenient.rejected()).extracting(RejectedRow::line).containsExactly(2L, 4L);
    assertThat(lenient.rejected().get(1).reason()).isEqualTo("duplicate deal_id first seen on line 3");
  }

  @Test
  void quotasOfOneRepMustNotOverlap() {
    String text =
        """
        rep_id,period_start,period_end,amount,currency
        R1,2024-01-01,2024-04-01,100.00,USD
        R1,2024-04-01,2024-07-01,100.00,USD
        R2,2024-01-01,2024-04-01,100.00,USD
        R1,2024-01-01,2024-04-01,100.00,USD
        R1,2024-03-01,2024-05-01,100.00,USD
        R1,2023-01-01,2025-01-01,100.00,USD
        R1,2023-10-01,2024-01-01,100.00,USD
        """;
    assertThatThrownBy(() -> CsvFormat.QUOTAS.parse("quotas.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "quotas.csv:5: column period_start: \"2024-01-01\": duplicate quota of rep R1 for"
                + " 2024-01-01 to 2024-04-01 first seen on line 2");
    LoadResult<List<Quota>> lenient =
        CsvFormat.QUOTAS.parse("quotas.csv", text, CsvOptions.lenient());
    assertThat(lenient.value()).hasSize(4);
    assertThat(lenient.rejected())
        .extracting(RejectedRow::message)
        .containsExactly(
            "quotas.csv:5: column period_start: \"2024-01-01\": duplicate quota of rep R1 for"
                + " 2024-01-01 to 2024-04-01 first seen on line 2",
            "quotas.csv:6: column period_start: \"2024-03-01\": quota of rep R1 for 2024-03-01"
                + " to 2024-05-01 overlaps its quota for 2024-01-01 to 2024-04-01 on line 2"
                + " (quotas of one rep must not overlap)",
            "quotas.csv:7: column period_start: \"2023-01-01\": quota of rep R1 for 2023-01-01"
                + " to 2025-01-01 overlaps its quota for 2024-01-01 to 2024-04-01 on line 2"
                + " (quotas of one rep must not overlap)");
  }

  @Test
  void aStageRowIsADuplicateWhenDealStageAndInstantAreEqual(@TempDir Path dir)
      throws IOException {
    Path deals = dir.resolve("deals.csv");
    Path stages = dir.resolve("deal_stages.csv");
    Files.writeString(
        deals,
        """
        deal_id,rep_id,amount,currency,created_at,status
        D1,R1,10.00,USD,2024-01-02T09:00:00Z,open
        """);
    Files.writeString(
        stages,
        """
        deal_id,stage,entered_at
        D1,qualified,2024-01-03T09:00:00Z
        D1,proposal,2024-01-03T09:00:00Z
        D1,qualified,2024-01-05T09:00:00Z
        D1,qualified,2024-01-03T10:00:00+01:00
        """);
    assertThatThrownBy(() -> CsvFormat.readDeals(deals, stages, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deal_stages.csv:5: column entered_at: \"2024-01-03T10:00:00+01:00\": duplicate"
                + " stage row: deal D1 entered qualified at 2024-01-03T09:00:00Z, first seen on"
                + " line 2");
    LoadResult<List<Deal>> lenient = CsvFormat.readDeals(deals, stages, CsvOptions.lenient());
    assertThat(lenient.value().get(0).stageHistory()).hasSize(3);
    assertThat(lenient.reports().get(0))
        .isEqualTo(new LoadReport("deal_stages.csv", 4, 3, lenient.rejected()));
    assertThat(lenient.rejected()).extracting(RejectedRow::line).containsExactly(5L);
  }

  @Test
  void aResponseIsADuplicateWhenCustomerInstantAndScaleAreEqual() {
    String text =
        """
        customer_id,responded_at,score,scale
        C1,2024-01-02T09:00:00Z,9,nps
        C1,2024-01-02T09:00:00Z,4,csat
        C2,2024-01-02T09:00:00Z,9,nps
        C1,2024-01-02T09:00:01Z,9,nps
        C1,2024-01-02T09:00:00Z,3,NPS
        """;
    assertThatThrownBy(() -> CsvFormat.RESPONSES.parse("responses.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "responses.csv:6: column responded_at: \"2024-01-02T09:00:00Z\": duplicate response"
                + " of customer C1 on the nps scale at 2024-01-02T09:00:00Z, first seen on line"
                + " 2");
    assertThat(CsvFormat.RESPONSES.parse("responses.csv", text, CsvOptions.lenient()).value())
        .hasSize(4);
  }

  @Test
  void aDuplicateRepIdSurfacesFromDatasetLoadAsTheCsvError(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("reps.csv"), "rep_id,name\nR1,Ann\nR2,Bob\nR1,Cy\n");
    assertThatThrownBy(() -> Dataset.load(dir))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("reps.csv:4: column rep_id: \"R1\": duplicate rep_id first seen on line 2");
    LoadResult<Dataset> lenient = Dataset.load(dir, CsvOptions.lenient());
    assertThat(lenient.value().reps()).extracting(r -> r.name()).containsExactly("Ann", "Bob");
    assertThat(lenient.rejected()).hasSize(1);
  }
}
