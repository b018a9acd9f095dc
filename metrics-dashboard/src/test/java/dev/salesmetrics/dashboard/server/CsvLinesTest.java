package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.io.CsvFormat;
import dev.salesmetrics.io.CsvFormatException;
import dev.salesmetrics.io.CsvOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The line of a row as {@link CsvLines} finds it is the line the schema reader reports. */
class CsvLinesTest {
  private static final String HEADER = "deal_id,rep_id,amount,currency,created_at,status,stage\n";

  @Test
  void countsHeaderEmptyLinesAndQuotedLineBreaks() {
    String text =
        "\uFEFF" + HEADER
            + "D1,R1,1.00,USD,2025-01-01T00:00:00Z,open,\"two\nlines\"\n"
            + "\n"
            + "D2,R1,1.00,USD,2025-01-01T00:00:00Z,open,x\r\n"
            + "D3,R1,1.00,USD,2025-01-01T00:00:00Z,open,\"a \"\"quoted\"\" word\"\r"
            + "D4,R1,1.00,USD,2025-01-01T00:00:00Z,open,y";
    assertThat(CsvLines.lineOfRow(text, 0)).isEqualTo(2);
    assertThat(CsvLines.lineOfRow(text, 1)).isEqualTo(5);
    assertThat(CsvLines.lineOfRow(text, 2)).isEqualTo(6);
    assertThat(CsvLines.lineOfRow(text, 3)).isEqualTo(7);
    assertThatThrownBy(() -> CsvLines.lineOfRow(text, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the text has no data row 4");
  }

  /** For random texts, making row i bad makes the reader report the line CsvLines gives. */
  @Test
  void agreesWithTheReaderOnRandomTexts() {
    qt().withExamples(200)
        .forAll(longs().all(), integers().between(1, 12))
        .checkAssert(
            (seed, rows) -> {
              SplittableRandom rnd = new SplittableRandom(seed);
              int bad = rnd.nextInt(rows);
              List<String> lineEnds = List.of("\n", "\r\n", "\r");
              StringBuilder sb = new StringBuilder(HEADER);
              for (int i = 0; i < rows; i++) {
                while (rnd.nextInt(4) == 0) {
                  sb.append(lineEnds.get(rnd.nextInt(3))); // empty lines
                }
                String stage =
                    switch (rnd.nextInt(4)) {
                      case 0 -> "plain";
                      // (a lone \r inside quotes is left out: FastCSV 4.1.0 misreads it)
                      case 1 -> "\"spans" + lineEnds.get(rnd.nextInt(2)) + "lines\"";
                      case 2 -> "\"has \"\"quotes\"\" and, commas\"";
                      default -> "";
                    };
                String amount = i == bad ? "1.005" : "1.00";
                sb.append("D").append(i).append(",R1,").append(amount)
                    .append(",USD,2025-01-01T00:00:00Z,open,").append(stage);
                if (i < rows - 1 || rnd.nextBoolean()) {
                  sb.append(lineEnds.get(rnd.nextInt(3)));
                }
              }
              String text = sb.toString();
              CsvFormatException e = null;
              try {
                var unused = CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.strict());
              } catch (CsvFormatException caught) {
                e = caught;
              }
              assertThat(e).as(text).isNotNull();
              assertThat(CsvLines.lineOfRow(text, bad)).as(text).isEqualTo(e.line());
              List<Long> all = new ArrayList<>();
              for (int i = 0; i < rows; i++) {
                all.add(CsvLines.lineOfRow(text, i));
              }
              assertThat(all).isSorted().doesNotHaveDuplicates();
            });
  }
}
