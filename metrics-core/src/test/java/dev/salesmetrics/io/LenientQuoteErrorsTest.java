package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.model.Deal;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lenient reading goes on after quote errors in one pass over the text: the source is opened
 * once, however many rows have bad quoting.
 */
class LenientQuoteErrorsTest {
  private static final String HEADER = "deal_id,rep_id,amount,currency,created_at,status\n";

  private static String good(String id) {
    return id + ",R1,1.00,USD,2024-01-02T09:00:00Z,open\n";
  }

  private static String badQuote(String id) {
    return "\"" + id + "\"x,R1,1.00,USD,2024-01-02T09:00:00Z,open\n";
  }

  /** A source over text that counts how often it is opened. */
  private static final class CountingSource implements RowReader.Source {
    private final RowReader.Source text;
    int opened;

    CountingSource(String text) {
      this.text = RowReader.Source.of("deals.csv", text);
    }

    @Override
    public String name() {
      return text.name();
    }

    @Override
    public Reader open() throws IOException {
      opened++;
      return text.open();
    }
  }

  @Test
  void manyQuoteErrorsAreRejectedInOnePass() throws IOException {
    int bad = 500;
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < bad; i++) {
      text.append(good("G" + i)).append(badQuote("B" + i));
    }
    CountingSource source = new CountingSource(text.toString());
    List<Deal> deals = new ArrayList<>();
    LoadReport report =
        RowReader.read(
            source,
            CsvFile.DEALS,
            CsvOptions.lenient(),
            row -> Parsers.deal(row, CsvOptions.lenient()).build(),
            KeyCheck.id("deal_id", Deal::id),
            deals::add);
    assertThat(source.opened).isEqualTo(1);
    assertThat(deals).hasSize(bad);
    assertThat(deals.get(bad - 1).id()).isEqualTo("G" + (bad - 1));
    assertThat(report.rowsRead()).isEqualTo(2L * bad);
    assertThat(report.rejected()).hasSize(bad);
    for (int i = 0; i < bad; i++) {
      RejectedRow row = report.rejected().get(i);
      assertThat(row.line()).isEqualTo(3L + 2L * i);
      assertThat(row.reason()).startsWith("bad quoting: ").contains("closing quote");
    }
  }

  @Test
  void anUnclosedQuoteClosedByALaterBadQuoteResumesOnTheLineAfterTheBadRecordStarts()
      throws IOException {
    // line 3 opens a quote that runs to line 5's quote, followed by text: the bad record starts
    // on line 3; reading resumes on line 4, so rows 4 and 6 are not lost
    String text =
        HEADER + good("D1") + "D2,\"R1,1.00\n" + good("D3") + "\"D4\"x,R1\n" + good("D5");
    CountingSource source = new CountingSource(text);
    List<Deal> deals = new ArrayList<>();
    LoadReport report =
        RowReader.read(
            source,
            CsvFile.DEALS,
            CsvOptions.lenient(),
            row -> Parsers.deal(row, CsvOptions.lenient()).build(),
            KeyCheck.id("deal_id", Deal::id),
            deals::add);
    assertThat(deals).extracting(Deal::id).containsExactly("D1", "D3", "D5");
    assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L, 5L);
    assertThat(report.rowsRead()).isEqualTo(5);
    assertThat(source.opened).isEqualTo(1);
  }

  @Test
  void aQuoteErrorInTheLastRowWithoutLineEndAndCrlfLineEndsAreCounted() throws IOException {
    String text =
        (HEADER + good("D1") + badQuote("D2") + good("D3")).replace("\n", "\r\n")
            + "\"D4\"x,R1";
    CountingSource source = new CountingSource(text);
    List<Deal> deals = new ArrayList<>();
    LoadReport report =
        RowReader.read(
            source,
            CsvFile.DEALS,
            CsvOptions.lenient(),
            row -> Parsers.deal(row, CsvOptions.lenient()).build(),
            KeyCheck.id("deal_id", Deal::id),
            deals::add);
    assertThat(deals).extracting(Deal::id).containsExactly("D1", "D3");
    assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L, 5L);
    assertThat(source.opened).isEqualTo(1);
  }
}
