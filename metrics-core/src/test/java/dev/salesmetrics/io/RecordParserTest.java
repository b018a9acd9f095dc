package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row parsed alone gives the record and the message of reading it from its file. */
class RecordParserTest {
  private static final List<String> HEADER =
      List.of("Deal_ID", "rep_id", "amount", "currency", "created_at", "status", "closed_at");

  @Test
  void parsesARowAsTheFileDoes() {
    RecordParser<Deal> p = RecordParser.of(CsvFormat.DEALS, HEADER, CsvOptions.strict());
    Deal d = p.parse(List.of("D1", "R1", "1250.00", "USD", "2024-03-01T09:30:00Z", "won",
        "2024-03-20T10:00:00Z"));
    assertThat(d.id()).isEqualTo("D1");
    assertThat(d.status()).isEqualTo(DealStatus.WON);
    assertThat(d.amount().minorUnits()).isEqualTo(125_000);
    Deal lost = p.parse(Arrays.asList("D2", "R1", null, null, "2024-03-01T09:30:00Z", "lost",
        "2024-03-20T10:00:00Z"));
    assertThat(lost.hasAmount()).isFalse();
  }

  @Test
  void badRowsHaveTheMessagesOfTheFile() {
    String text = String.join(",", HEADER) + "\n"
        + "D1,R1,12.505,USD,2024-03-01T09:30:00Z,won,2024-03-20T10:00:00Z\n";
    CsvFormatException file = null;
    try {
      var unused = CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.strict());
    } catch (CsvFormatException e) {
      file = e;
    }
    assertThat(file).isNotNull();
    RecordParser<Deal> p = RecordParser.of(CsvFormat.DEALS, HEADER, CsvOptions.strict());
    RecordParser.BadRow bad = null;
    try {
      var unused = p.parse(List.of("D1", "R1", "12.505", "USD", "2024-03-01T09:30:00Z", "won",
          "2024-03-20T10:00:00Z"));
    } catch (RecordParser.BadRow e) {
      bad = e;
    }
    assertThat(bad).isNotNull();
    assertThat(bad.getMessage())
        .isEqualTo("column amount: \"12.505\": amount 12.505 has more than 2 fraction digits"
            + " allowed for USD");
    assertThat(bad.at("deals.csv", 2)).isEqualTo(file.toRejectedRow());
    assertThatThrownBy(() -> p.parse(List.of("D1", "R1", "1.00", "USD", "2024-03-01T09:30:00Z",
            "won", "2024-02-20T10:00:00Z")))
        .isInstanceOf(RecordParser.BadRow.class)
        .hasMessageStartingWith("column closed_at: \"2024-02-20T10:00:00Z\": closed_at");
    assertThatThrownBy(() -> p.parse(List.of("D1")))
        .hasMessage("row has 1 cells, header has 7");
  }

  @Test
  void aMissingRequiredColumnThrowsInStrictModeAndRejectsEveryRowInLenientMode() {
    List<String> header = List.of("deal_id", "rep_id");
    assertThatThrownBy(() -> RecordParser.of(CsvFormat.DEALS, header, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("deals.csv:1: column amount: missing required column amount");
    RecordParser<Deal> lenient = RecordParser.of(CsvFormat.DEALS, header, CsvOptions.lenient());
    assertThatThrownBy(() -> lenient.parse(List.of("D1", "R1")))
        .isInstanceOf(RecordParser.BadRow.class)
        .hasMessage("column amount: missing required column amount");
  }
}
