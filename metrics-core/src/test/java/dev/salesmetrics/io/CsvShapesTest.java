package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes CRM exports and spreadsheets give files: separators, report footers, lines of empty
 * cells, multi-valued ids, status words, decimal commas, daylight-saving gaps, date-only closes;
 * and the report of a load: warnings, summary, rejected rows as CSV.
 */
class CsvShapesTest {
  private static final Instant CREATED = Instant.parse("2024-01-02T09:00:00Z");

  private static LoadResult<List<Deal>> deals(String text, CsvOptions options) {
    return CsvFormat.DEALS.parse("deals.csv", text, options);
  }

  // ---- separators -----------------------------------------------------------------------------

  @Test
  void semicolonAndTabAreDetectedFromTheHeader() {
    String semicolon =
        """
        deal_id;rep_id;amount;currency;created_at;status
        D1;R1;"1,5";USD;2024-01-02T09:00:00Z;open
        """;
    assertThatThrownBy(() -> deals(semicolon, CsvOptions.strict()))
        .hasMessageStartingWith("deals.csv:2: column amount: \"1,5\"");
    String ok = semicolon.replace("\"1,5\"", "1.50");
    assertThat(deals(ok, CsvOptions.strict()).value())
        .containsExactly(Deal.builder("D1", "R1", Money.of("1.50", "USD"), CREATED).build());
    String tab = ok.replace(';', '\t');
    assertThat(deals(tab, CsvOptions.strict()).value()).hasSize(1);
  }

  @Test
  void aSepLineDeclaresTheSeparatorAndLinesAreStillCounted() {
    String text =
        """
        sep=;
        deal_id;rep_id;amount;currency;created_at;status
        D1;R1;x;USD;2024-01-02T09:00:00Z;open
        """;
    assertThatThrownBy(() -> deals(text, CsvOptions.strict()))
        .hasMessage(
            "deals.csv:3: column amount: \"x\": amount must be a plain decimal like 1250.00:"
                + " \"x\"");
  }

  @Test
  void aHeaderHoldingTheOtherSeparatorSaysSo() {
    String text =
        """
        deal_id;rep_id;amount;currency;created_at;status
        D1;R1;1.50;USD;2024-01-02T09:00:00Z;open
        """;
    assertThatThrownBy(() -> deals(text, CsvOptions.strict().withSeparator(',')))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:1: column deal_id: missing required column deal_id (header:"
                + " deal_id;rep_id;amount;currency;created_at;status); the header is split at ','"
                + " but holds ';': is the separator ';'? (give it with CsvOptions.withSeparator)");
    LoadResult<List<Deal>> lenient =
        deals(text, CsvOptions.lenient().withSeparator(','));
    assertThat(lenient.rejected())
        .containsExactly(
            new RejectedRow(
                "deals.csv",
                2,
                "deal_id",
                null,
                "missing required column deal_id; the header is split at ',' but holds ';': is"
                    + " the separator ';'? (give it with CsvOptions.withSeparator)"));
  }

  @Test
  void twoSeparatorsEquallyOftenInTheHeaderAreRefused() {
    String text = "deal_id;rep_id,amount\nD1;R1,1\n";
    assertThatThrownBy(() -> deals(text, CsvOptions.lenient()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:1: the header holds ',' and ';' equally often (1 times each), so the"
                + " separator cannot be told: give the separator (CsvOptions.withSeparator)");
    assertThatThrownBy(() -> CsvOptions.strict().withSeparator(':'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("separator must be ',', ';', tab or '|': ':'");
  }

  @Test
  void linesOfEmptyCellsAreEmptyLines() {
    String text =
        """
        deal_id;rep_id;amount;currency;created_at;status\r
        D1;R1;1.50;USD;2024-01-02T09:00:00Z;open\r
        ;;;;;\r
        ;;;;;\r
        """;
    LoadResult<List<Deal>> result = deals(text, CsvOptions.strict());
    assertThat(result.value()).hasSize(1);
    assertThat(result.reports().get(0).summary())
        .isEqualTo("deals.csv: 1 row, 1 loaded, 0 rejected");
  }

  // ---- report footers -------------------------------------------------------------------------

  private static final String FOOTER =
      """
      \r
      "Grand Totals (1 records)"\r
      \r
      "Confidential Information - Do Not Distribute"\r
      "Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\r
      """;

  private static final String ROWS =
      """
      "deal_id","rep_id","amount","currency","created_at","status"\r
      "D1","R1","1.50","USD","2024-01-02T09:00:00Z","open"\r
      """;

  private static CsvOptions footers(boolean lenient) {
    return CsvOptions.strict()
        .withLenient(lenient)
        .withMapping(CsvFile.DEALS, ColumnMapping.builder().skipReportFooter(true).build());
  }

  @Test
  void aReportFooterIsSkippedAndCounted() {
    LoadResult<List<Deal>> result = deals(ROWS + FOOTER, footers(false));
    assertThat(result.value()).hasSize(1);
    LoadReport report = result.reports().get(0);
    assertThat(report.footerLines()).isEqualTo(3);
    assertThat(report.summary())
        .isEqualTo("deals.csv: 1 row, 1 loaded, 0 rejected, 3 footer lines skipped");
  }

  @Test
  void withoutTheSettingAFooterIsRaggedRows() {
    assertThatThrownBy(() -> deals(ROWS + FOOTER, CsvOptions.strict()))
        .hasMessage("deals.csv:4: row has 1 cells, header has 6");
  }

  @Test
  void oneCellRowsFollowedByDataAreNoFooter() {
    String text = ROWS + "\r\n\"stray\"\r\n" + ROWS.substring(ROWS.indexOf("\r\n") + 2)
        .replace("D1", "D2");
    LoadResult<List<Deal>> result = deals(text, footers(true));
    assertThat(result.value()).extracting(Deal::id).containsExactly("D1", "D2");
    assertThat(result.rejected())
        .containsExactly(new RejectedRow("deals.csv", 4, null, null, "row has 1 cells, header has 6"));
    assertThat(result.reports().get(0).footerLines()).isZero();
  }

  // ---- multi-valued ids, status words, decimal commas ------------------------------------------

  @Test
  void aMultiValuedIdTakesTheFirstWithAWarningOrIsRejected() {
    String text =
        """
        deal_id,rep_id,amount,currency,created_at,status,customer_id
        D1,R1,1.50,USD,2024-01-02T09:00:00Z,open,9005;9006
        D2,R1,1.50,USD,2024-01-02T09:00:00Z,open,9007;
        """;
    ColumnMapping first = ColumnMapping.builder().multiValue("customer_id", ColumnMapping.MultiValue.FIRST).build();
    LoadResult<List<Deal>> result =
        deals(text, CsvOptions.strict().withMapping(CsvFile.DEALS, first));
    assertThat(result.value()).extracting(Deal::customerId).containsExactly("9005", "9007");
    assertThat(result.warnings())
        .containsExactly(
            new LoadWarning(
                "deals.csv",
                2,
                "customer_id",
                "9005;9006",
                "customer_id holds 2 ids: the first, 9005, is used"));
    assertThat(result.warnings().get(0).message())
        .isEqualTo(
            "deals.csv:2: column customer_id: \"9005;9006\": customer_id holds 2 ids: the first,"
                + " 9005, is used");
    ColumnMapping reject =
        ColumnMapping.builder().multiValue("customer_id", ColumnMapping.MultiValue.REJECT).build();
    assertThatThrownBy(
            () -> deals(text, CsvOptions.strict().withMapping(CsvFile.DEALS, reject)))
        .hasMessage(
            "deals.csv:2: column customer_id: \"9005;9006\": customer_id holds 2 ids, 9005, 9006:"
                + " one is expected (the mapping rejects several)");
    assertThat(deals(text, CsvOptions.strict()).value())
        .extracting(Deal::customerId)
        .containsExactly("9005;9006", "9007;");
    assertThatThrownBy(
            () -> ColumnMapping.builder().multiValue("amount", ColumnMapping.MultiValue.FIRST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a multi-value rule is for the optional id columns [customer_id, lead_id,"
                + " campaign_id, rep_id]: \"amount\"");
  }

  @Test
  void statusWordsAndDecimalCommas() {
    String text =
        """
        deal_id;rep_id;amount;currency;created_at;status;closed_at;probability
        D1;R1;1250,5;EUR;2024-01-02T09:00:00Z;Gewonnen;2024-01-09T09:00:00Z;1
        D2;R1;;;2024-01-02T09:00:00Z;verloren;2024-01-09T09:00:00Z;0
        D3;R1;3000;EUR;2024-01-02T09:00:00Z;open;;0,25
        D4;R1;1.250,5;EUR;2024-01-02T09:00:00Z;offen;;
        """;
    ColumnMapping german =
        ColumnMapping.builder()
            .statusValue("Gewonnen", DealStatus.WON)
            .statusValue("Verloren", DealStatus.LOST)
            .decimalSeparator(',')
            .build();
    LoadResult<List<Deal>> result =
        deals(text, CsvOptions.lenient().withMapping(CsvFile.DEALS, german));
    Instant closed = Instant.parse("2024-01-09T09:00:00Z");
    assertThat(result.value())
        .containsExactly(
            Deal.builder("D1", "R1", Money.of("1250.50", "EUR"), CREATED)
                .won(closed)
                .probability(1.0)
                .build(),
            Deal.builder("D2", "R1", null, CREATED).lost(closed).probability(0.0).build(),
            Deal.builder("D3", "R1", Money.of("3000.00", "EUR"), CREATED)
                .probability(0.25)
                .build());
    assertThat(result.rejected())
        .containsExactly(
            new RejectedRow(
                "deals.csv",
                5,
                "amount",
                "1.250,5",
                "amount \"1.250,5\" holds a '.', but the mapping's decimal separator is ','"
                    + " (export numbers without thousands separators)"));
    assertThatThrownBy(
            () ->
                deals(
                    text.replace("1.250,5", "1"),
                    CsvOptions.strict().withMapping(CsvFile.DEALS, german)))
        .hasMessage(
            "deals.csv:5: column status: \"offen\": status must be one of open, won, lost:"
                + " \"offen\" or one of the mapping's status values [gewonnen, verloren]");
  }

  // ---- local times and date-only closes -------------------------------------------------------

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void localTimesInADaylightSavingGapOrOverlapAreReadWithAWarning() {
    String text =
        """
        deal_id,rep_id,amount,currency,created_at,status,closed_at
        D1,R1,1.00,EUR,2024-03-31T02:30,won,2024-10-27T02:30
        """;
    LoadResult<List<Deal>> result = deals(text, CsvOptions.strict().withZone(BERLIN));
    Deal deal = result.value().get(0);
    assertThat(deal.createdAt()).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
    assertThat(deal.closedAt()).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    assertThat(result.warnings())
        .extracting(LoadWarning::message)
        .containsExactly(
            "deals.csv:2: column created_at: \"2024-03-31T02:30\": 2024-03-31T02:30 does not exist"
                + " in Europe/Berlin (the clocks moved forward an hour): read as"
                + " 2024-03-31T03:30+02:00",
            "deals.csv:2: column closed_at: \"2024-10-27T02:30\": 2024-10-27T02:30 occurs twice in"
                + " Europe/Berlin (the clocks moved back): read as the earlier,"
                + " 2024-10-27T02:30+02:00");
    assertThat(result.reports().get(0).summary())
        .isEqualTo("deals.csv: 1 row, 1 loaded, 0 rejected, 2 warnings");
  }

  @Test
  void aRejectedRowLeavesNoWarning() {
    String text =
        """
        deal_id,rep_id,amount,currency,created_at,status
        D1,R1,x,EUR,2024-03-31T02:30,open
        """;
    LoadResult<List<Deal>> result = deals(text, CsvOptions.lenient().withZone(BERLIN));
    assertThat(result.rejected()).hasSize(1);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aDateOnlyCloseOnTheDayOfCreationIsTheCreationInstant() {
    String text =
        """
        Record ID,Deal owner,Amount,Currency,Create Date,Close Date,Deal Stage
        1,Anna,100,EUR,2024-03-05 14:30,2024-03-05,Closed won
        2,Anna,100,EUR,2024-03-05 14:30,2024-03-06,Closed won
        3,Anna,100,EUR,2024-03-05 14:30,2024-03-04,Closed won
        """;
    CsvOptions options =
        CsvOptions.lenient()
            .withZone(BERLIN)
            .withMapping(CsvFile.DEALS, ColumnMapping.hubspotDeals());
    LoadResult<List<Deal>> result = deals(text, options);
    Instant created = Instant.parse("2024-03-05T13:30:00Z");
    assertThat(result.value())
        .extracting(Deal::closedAt)
        .containsExactly(created, Instant.parse("2024-03-05T23:00:00Z"));
    assertThat(result.rejected())
        .containsExactly(
            new RejectedRow(
                "deals.csv",
                4,
                "closed_at",
                "2024-03-04",
                "closed_at 2024-03-03T23:00:00Z is before created_at 2024-03-05T13:30:00Z for deal"
                    + " 3"));
  }

  // ---- the report -----------------------------------------------------------------------------

  @Test
  void rejectedRowsAreWrittenAsCsvWithFormulasDefused(@TempDir Path dir) throws IOException {
    String text =
        """
        deal_id,rep_id,amount,currency,created_at,status
        D1,R1,=1+2,USD,2024-01-02T09:00:00Z,open
        D2,R1,1.00
        D3,R1,1.00,USD,2024-01-02T09:00:00Z,open
        """;
    LoadResult<List<Deal>> result = deals(text, CsvOptions.lenient());
    assertThat(result.reports().get(0).summary())
        .isEqualTo("deals.csv: 3 rows, 1 loaded, 2 rejected");
    StringWriter out = new StringWriter();
    result.writeRejectedCsv(out);
    String expected =
        """
        file,line,column,value,reason
        deals.csv,2,amount,'=1+2,"amount must be a plain decimal like 1250.00: ""=1+2\"\"\"
        deals.csv,3,,,"row has 3 cells, header has 6"
        """;
    assertThat(out.toString()).isEqualTo(expected);
    Path file = dir.resolve("rejects.csv");
    result.writeRejectedCsv(file);
    assertThat(Files.readString(file)).isEqualTo(expected);
  }

  @Test
  void summariesGroupThousands() {
    LoadReport report =
        new LoadReport(
            "deals.csv",
            9_812,
            9_790,
            java.util.Collections.nCopies(
                22, new RejectedRow("deals.csv", 2, null, null, "row has 3 cells, header has 6")));
    assertThat(report.summary()).isEqualTo("deals.csv: 9,812 rows, 9,790 loaded, 22 rejected");
    assertThat(report).hasToString(report.summary());
  }
}
