package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.StageChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFormatTest {
  private static final String DEAL_HEADER =
      "deal_id,rep_id,amount,currency,created_at,status,closed_at\n";
  private static final String GOOD_DEAL = "D1,R1,100.00,USD,2024-01-02T09:00:00Z,open,\n";

  /** Reads deals.csv text with one bad row at line 3 and expects it in both modes. */
  private static void assertBadDeal(
      String badRow, String column, String value, String reason) {
    String text = DEAL_HEADER + GOOD_DEAL + badRow + "\n" + GOOD_DEAL.replace("D1", "D3");
    assertThatThrownBy(() -> CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("deals.csv:3: column " + column + ": \"" + value + "\": " + reason)
        .satisfies(
            e -> {
              CsvFormatException c = (CsvFormatException) e;
              assertThat(c.file()).isEqualTo("deals.csv");
              assertThat(c.line()).isEqualTo(3);
              assertThat(c.column()).contains(column);
              assertThat(c.value()).contains(value);
              assertThat(c.reason()).isEqualTo(reason);
            });
    LoadResult<List<Deal>> lenient =
        CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.lenient());
    assertThat(lenient.value()).extracting(Deal::id).containsExactly("D1", "D3");
    assertThat(lenient.rejected())
        .containsExactly(new RejectedRow("deals.csv", 3, column, value, reason));
    assertThat(lenient.rowsRead()).isEqualTo(3);
  }

  @Test
  void wrongFractionDigitsNamesFileLineColumnValueAndRule() {
    assertBadDeal(
        "D2,R1,12.505,USD,2024-01-02T09:00:00Z,open,",
        "amount",
        "12.505",
        "amount 12.505 has more than 2 fraction digits allowed for USD");
  }

  @Test
  void badMoney() {
    assertBadDeal(
        "D2,R1,12.x,USD,2024-01-02T09:00:00Z,open,",
        "amount",
        "12.x",
        "amount must be a plain decimal like 1250.00: \"12.x\"");
  }

  @Test
  void unknownCurrency() {
    assertBadDeal(
        "D2,R1,12.00,XYZ,2024-01-02T09:00:00Z,open,",
        "currency",
        "XYZ",
        "currency must be an ISO 4217 code: \"XYZ\"");
  }

  @Test
  void negativeAmountIsReportedByTheRecordWithItsColumn() {
    assertBadDeal(
        "D2,R1,-5.00,USD,2024-01-02T09:00:00Z,open,",
        "amount",
        "-5.00",
        "amount must be >= 0: -5.00 USD for deal D2");
  }

  @Test
  void badInstant() {
    assertBadDeal(
        "D2,R1,5.00,USD,2024-13-02T09:00:00Z,open,",
        "created_at",
        "2024-13-02T09:00:00Z",
        "created_at must be an ISO-8601 instant with an offset, like 2024-03-01T09:30:00Z");
  }

  @Test
  void localDateTimeWithoutZoneIsRejected() {
    assertBadDeal(
        "D2,R1,5.00,USD,2024-01-02T09:00,open,",
        "created_at",
        "2024-01-02T09:00",
        "created_at is a local date-time without offset: add Z or an offset like +01:00, or"
            + " give a zone (CsvOptions.withZone)");
  }

  @Test
  void localDateTimeIsReadInTheGivenZone() {
    String text = DEAL_HEADER + "D2,R1,5.00,USD,2024-01-02T09:00,open,\n";
    List<Deal> deals =
        CsvFormat.DEALS
            .parse("deals.csv", text, CsvOptions.strict().withZone(ZoneId.of("Europe/Paris")))
            .value();
    assertThat(deals.get(0).createdAt()).isEqualTo(Instant.parse("2024-01-02T08:00:00Z"));
  }

  @Test
  void unknownStatus() {
    assertBadDeal(
        "D2,R1,5.00,USD,2024-01-02T09:00:00Z,pending,",
        "status",
        "pending",
        "status must be one of open, won, lost: \"pending\"");
  }

  @Test
  void crossFieldRuleOfTheRecordNamesTheFirstColumn() {
    assertBadDeal(
        "D2,R1,5.00,USD,2024-02-01T00:00:00Z,won,2024-01-01T00:00:00Z",
        "closed_at",
        "2024-01-01T00:00:00Z",
        "closed_at 2024-01-01T00:00:00Z is before created_at 2024-02-01T00:00:00Z for deal D2");
  }

  @Test
  void emptyRequiredCell() {
    assertBadDeal(
        "D2,,5.00,USD,2024-01-02T09:00:00Z,open,", "rep_id", "", "rep_id is required");
  }

  @Test
  void aLostOrOpenDealMayHaveAnEmptyAmountAndCurrency(@TempDir Path dir) throws IOException {
    String text =
        DEAL_HEADER
            + "D1,R1,,,2024-01-02T09:00:00Z,lost,2024-01-05T09:00:00Z\n"
            + "D2,R1,,EUR,2024-01-02T09:00:00Z,open,\n"
            + "D3,R1,5.00,USD,2024-01-02T09:00:00Z,won,2024-01-05T09:00:00Z\n";
    List<Deal> deals = CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.strict()).value();
    Instant created = Instant.parse("2024-01-02T09:00:00Z");
    Instant closed = Instant.parse("2024-01-05T09:00:00Z");
    assertThat(deals)
        .containsExactly(
            Deal.builder("D1", "R1", null, created).lost(closed).build(),
            Deal.builder("D2", "R1", null, created).build(),
            Deal.builder("D3", "R1", Money.of("5.00", "USD"), created).won(closed).build());
    Path file = dir.resolve("deals.csv");
    CsvFormat.DEALS.write(file, deals);
    assertThat(Files.readString(file))
        .isEqualTo(
            "deal_id,rep_id,amount,currency,created_at,status,closed_at,stage,probability,"
                + "customer_id,lead_id,product\n"
                + "D1,R1,,,2024-01-02T09:00:00Z,lost,2024-01-05T09:00:00Z,,,,,\n"
                + "D2,R1,,,2024-01-02T09:00:00Z,open,,,,,,\n"
                + "D3,R1,5.00,USD,2024-01-02T09:00:00Z,won,2024-01-05T09:00:00Z,,,,,\n");
    assertThat(CsvFormat.DEALS.read(file).value()).isEqualTo(deals);
  }

  @Test
  void aWonDealWithoutAmountIsABadRow() {
    assertBadDeal(
        "D2,R1,,USD,2024-01-02T09:00:00Z,won,2024-01-05T09:00:00Z",
        "amount",
        "",
        "amount is required when status is won for deal D2 (only an open or lost deal may have no"
            + " amount)");
  }

  @Test
  void aCurrencyWithoutAmountIsStillChecked() {
    assertBadDeal(
        "D2,R1,,XYZ,2024-01-02T09:00:00Z,lost,2024-01-05T09:00:00Z",
        "currency",
        "XYZ",
        "currency must be an ISO 4217 code: \"XYZ\"");
  }

  @Test
  void anAmountWithoutCurrencyIsABadRow() {
    assertBadDeal(
        "D2,R1,5.00,,2024-01-02T09:00:00Z,lost,2024-01-05T09:00:00Z",
        "currency",
        "",
        "currency is required");
  }

  @Test
  void missingRequiredColumnFailsAtTheHeaderInStrictMode() {
    String text = "deal_id,rep_id,currency,created_at,status\nD1,R1,USD,2024-01-02T09:00:00Z,open\n";
    assertThatThrownBy(() -> CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:1: column amount: missing required column amount (header: deal_id, rep_id,"
                + " currency, created_at, status)");
    LoadResult<List<Deal>> lenient =
        CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.lenient());
    assertThat(lenient.value()).isEmpty();
    assertThat(lenient.rejected())
        .containsExactly(
            new RejectedRow("deals.csv", 2, "amount", null, "missing required column amount"));
  }

  @Test
  void raggedRowsAreRejectedWithTheirCounts() {
    String text =
        DEAL_HEADER + GOOD_DEAL + "D2,R1,5.00\n" + "D3,R1,5.00,USD,2024-01-02T09:00:00Z,open,,x\n";
    assertThatThrownBy(() -> CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("deals.csv:3: row has 3 cells, header has 7");
    LoadResult<List<Deal>> lenient =
        CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.lenient());
    assertThat(lenient.value()).hasSize(1);
    assertThat(lenient.rejected())
        .extracting(RejectedRow::message)
        .containsExactly(
            "deals.csv:3: row has 3 cells, header has 7",
            "deals.csv:4: row has 8 cells, header has 7");
    assertThat(lenient.reports().get(0))
        .isEqualTo(new LoadReport("deals.csv", 3, 1, lenient.rejected()));
  }

  @Test
  void quoteErrorIsRejectedAndLenientReadingGoesOn() {
    String text =
        DEAL_HEADER + GOOD_DEAL + "\"D2\"x,R1,5.00,USD,2024-01-02T09:00:00Z,open,\n"
            + GOOD_DEAL.replace("D1", "D3") + GOOD_DEAL.replace("D1", "D4");
    assertThatThrownBy(() -> CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("deals.csv:3: bad quoting: ")
        .hasMessageContaining("closing quote");
    LoadResult<List<Deal>> lenient =
        CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.lenient());
    assertThat(lenient.value()).extracting(Deal::id).containsExactly("D1", "D3", "D4");
    assertThat(lenient.rejected()).hasSize(1);
    assertThat(lenient.rejected().get(0).line()).isEqualTo(3);
    assertThat(lenient.rowsRead()).isEqualTo(4);
  }

  @Test
  void unclosedQuoteRunningToTheEndIsARaggedRowWithAHint() {
    String text = DEAL_HEADER + GOOD_DEAL + "\"D2,R1,5.00,USD\n" + GOOD_DEAL.replace("D1", "D3");
    LoadResult<List<Deal>> lenient =
        CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.lenient());
    assertThat(lenient.value()).extracting(Deal::id).containsExactly("D1");
    assertThat(lenient.rejected().get(0).message())
        .isEqualTo(
            "deals.csv:3: row has 1 cells, header has 7 (a quoted cell spans several lines: is a"
                + " closing quote missing?)");
  }

  @Test
  void bomCrlfQuotedCellsAndAnyColumnOrderAreRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("orders.csv");
    String text =
        "\uFEFFQuantity,ORDER_ID,Amount,currency,Placed_At,customer_id,product,notes\r\n"
            + "2,O1,\"1,5\"\"\"\"\",USD,2024-01-02T09:00:00Z,C1,x,ignored\r\n";
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> CsvFormat.ORDERS.read(file))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "orders.csv:2: column amount: \"1,5\"\"\": amount must be a plain decimal like"
                + " 1250.00: \"1,5\"\"\" (a decimal comma? set the mapping's decimal separator"
                + " to ',')");
    Files.write(
        file,
        (text.replace("\"1,5\"\"\"\"\"", "\"12.50\"") + "\r\n\r\n"
                + "1,\"O2\",3.00,USD,2024-01-03T09:00:00+01:00,C2,\"multi\r\nline\",\r\n")
            .getBytes(StandardCharsets.UTF_8));
    LoadResult<List<Order>> result = CsvFormat.ORDERS.read(file);
    Money amount = Money.of("12.50", "USD");
    assertThat(result.value())
        .containsExactly(
            Order.builder("O1", "C1", Instant.parse("2024-01-02T09:00:00Z"), amount)
                .line("x", 2, amount)
                .build(),
            Order.builder(
                    "O2", "C2", Instant.parse("2024-01-03T08:00:00Z"), Money.of("3.00", "USD"))
                .line("multi\r\nline", 1, Money.of("3.00", "USD"))
                .build());
    assertThat(result.value().get(0).status()).isEqualTo(OrderStatus.PAID);
    assertThat(result.rowsRead()).isEqualTo(2);
  }

  @Test
  void aUtf16ByteOrderMarkSwitchesTheEncoding(@TempDir Path dir) throws IOException {
    String text = "rep_id,name\nR1,Zoë 😀\n";
    for (java.nio.charset.Charset charset :
        List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_8)) {
      Path file = dir.resolve("reps-" + charset.name() + ".csv");
      Files.write(file, ("\uFEFF" + text).getBytes(charset));
      assertThat(CsvFormat.REPS.read(file).value())
          .as(charset.name())
          .containsExactly(new dev.salesmetrics.model.Rep("R1", "Zoë 😀", null, null, null));
    }
  }

  @Test
  void lineNumbersArePhysicalLinesAfterMultiLineCellsAndEmptyLines() {
    String text =
        """
        order_id,customer_id,placed_at,amount,currency,product
        O1,C1,2024-01-02T09:00:00Z,1.00,USD,"a
        b
        c"

        O2,C1,2024-01-02T09:00:00Z,1.001,USD,x
        """;
    assertThatThrownBy(() -> CsvFormat.ORDERS.parse("orders.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("orders.csv:6: column amount: \"1.001\"");
  }

  @Test
  void quantityWithoutProductIsRejected() {
    String text =
        """
        order_id,customer_id,placed_at,amount,currency,quantity
        O1,C1,2024-01-02T09:00:00Z,1.00,USD,3
        """;
    LoadResult<List<Order>> result =
        CsvFormat.ORDERS.parse("orders.csv", text, CsvOptions.lenient());
    assertThat(result.rejected())
        .containsExactly(
            new RejectedRow("orders.csv", 2, "quantity", "3", "quantity is given without a product"));
  }

  @Test
  void quotaDatesAreReadInTheZone() {
    String text =
        """
        rep_id,period_start,period_end,amount,currency
        R1,2024-03-01,2024-04-01,10,USD
        R1,2024-04-01,2024-04-01,10,USD
        """;
    ZoneId ny = ZoneId.of("America/New_York");
    LoadResult<List<Quota>> result =
        CsvFormat.QUOTAS.parse("quotas.csv", text, CsvOptions.lenient().withZone(ny));
    assertThat(result.value().get(0).period().start())
        .isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
    assertThat(result.value().get(0).amount()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(result.rejected().get(0).message())
        .isEqualTo(
            "quotas.csv:3: column period_end: \"2024-04-01\": period_end 2024-04-01 must be after"
                + " period_start 2024-04-01 (it is exclusive)");
  }

  @Test
  void stageRowsAreJoinedSortedAndCheckedAgainstTheirDeal(@TempDir Path dir) throws IOException {
    Path deals = dir.resolve("deals.csv");
    Path stages = dir.resolve("deal_stages.csv");
    Files.writeString(
        deals,
        DEAL_HEADER
            + "D1,R1,100.00,USD,2024-01-02T00:00:00Z,won,2024-02-01T00:00:00Z\n"
            + "D2,R1,bad,USD,2024-01-02T00:00:00Z,open,\n");
    Files.writeString(
        stages,
        """
        deal_id,stage,entered_at
        D1,proposal,2024-01-10T00:00:00Z
        D1,qualified,2024-01-03T00:00:00Z
        D1,early,2024-01-01T00:00:00Z
        D2,qualified,2024-01-03T00:00:00Z
        D9,qualified,2024-01-03T00:00:00Z
        """);
    LoadResult<List<Deal>> result = CsvFormat.readDeals(deals, stages, CsvOptions.lenient());
    Deal d1 = result.value().get(0);
    assertThat(d1.status()).isEqualTo(DealStatus.WON);
    assertThat(d1.stageHistory())
        .containsExactly(
            new StageChange("qualified", Instant.parse("2024-01-03T00:00:00Z")),
            new StageChange("proposal", Instant.parse("2024-01-10T00:00:00Z")));
    assertThat(result.reports()).hasSize(2);
    LoadReport stageReport = result.reports().get(0);
    assertThat(stageReport.rowsRead()).isEqualTo(5);
    assertThat(stageReport.loaded()).isEqualTo(2);
    assertThat(stageReport.rejected())
        .extracting(RejectedRow::message)
        .containsExactly(
            "deal_stages.csv:4: column entered_at: \"2024-01-01T00:00:00Z\": entered_at"
                + " 2024-01-01T00:00:00Z of stage \"early\" is before created_at"
                + " 2024-01-02T00:00:00Z for deal D1",
            "deal_stages.csv:5: column deal_id: \"D2\": deal_id D2 is no loaded deal of deals.csv"
                + " (unknown, or its row was rejected)",
            "deal_stages.csv:6: column deal_id: \"D9\": deal_id D9 is no loaded deal of deals.csv"
                + " (unknown, or its row was rejected)");
    assertThat(result.reports().get(1).rejected()).hasSize(1);
    assertThatThrownBy(() -> CsvFormat.readDeals(deals, stages, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("deal_stages.csv:4: column entered_at");
  }

  @Test
  void writerRefusesOrdersItCannotExpress(@TempDir Path dir) {
    Money ten = Money.of("10.00", "USD");
    Order twoLines =
        Order.builder("O1", "C1", Instant.parse("2024-01-02T00:00:00Z"), ten)
            .lines(List.of(new OrderLine("a", 1, Money.of("4.00", "USD")),
                new OrderLine("b", 1, Money.of("6.00", "USD"))))
            .build();
    assertThatThrownBy(() -> CsvFormat.ORDERS.write(dir.resolve("orders.csv"), List.of(twoLines)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order O1");
  }

  @Test
  void emptyFileHasNoRows() {
    LoadResult<List<Deal>> result = CsvFormat.DEALS.parse("deals.csv", "", CsvOptions.strict());
    assertThat(result.value()).isEmpty();
    assertThat(result.reports()).containsExactly(new LoadReport("deals.csv", 0, 0, List.of()));
  }

  @Test
  void hiredOnIsADate() {
    String text = "REP_ID,Name,hired_on\nR1,Ann,2024-02-30\n";
    assertThatThrownBy(() -> CsvFormat.REPS.parse("reps.csv", text, CsvOptions.strict()))
        .hasMessage("reps.csv:2: column hired_on: \"2024-02-30\": hired_on must be a date like"
            + " 2024-03-01");
    assertThat(
            CsvFormat.REPS
                .parse("reps.csv", "rep_id,name,hired_on\nR1,Ann,2024-02-29\n", CsvOptions.strict())
                .value()
                .get(0)
                .hiredOn())
        .isEqualTo(LocalDate.of(2024, 2, 29));
  }
}
