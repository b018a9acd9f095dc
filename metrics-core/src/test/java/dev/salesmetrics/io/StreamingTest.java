package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTest {
  private static final int ROWS = 200_000;

  @Test
  void largeOrdersFileStreamsWithCountsThatAddUp(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("orders.csv");
    long expectedCents = 0;
    int expectedRefunded = 0;
    List<Long> badLines = new ArrayList<>();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("order_id,customer_id,placed_at,amount,currency,status,product,quantity\r\n");
      for (int i = 1; i <= ROWS; i++) {
        long line = i + 1L;
        if (i % 50_000 == 0) {
          out.write("O" + i + ",C1,2024-01-01T00:00:00Z,1.001,USD,paid,p,1\r\n");
          badLines.add(line);
          continue;
        }
        boolean refunded = i % 10 == 0;
        long cents = i % 997;
        expectedCents += cents;
        if (refunded) {
          expectedRefunded++;
        }
        out.write(
            "O" + i + ",C" + (i % 3000) + ",2024-01-01T00:00:" + (10 + i % 50) + "Z,"
                + (cents / 100) + "." + String.format(java.util.Locale.ROOT, "%02d", cents % 100)
                + ",USD," + (refunded ? "refunded" : "paid") + ",\"prod, " + (i % 7) + "\","
                + (1 + i % 4) + "\r\n");
      }
    }
    long[] cents = {0};
    int[] refunded = {0};
    int[] count = {0};
    LoadReport report =
        CsvFormat.ORDERS.forEach(
            file,
            CsvOptions.lenient(),
            (Order order) -> {
              count[0]++;
              cents[0] += order.amount().minorUnits();
              if (order.status() == OrderStatus.REFUNDED) {
                refunded[0]++;
              }
            });
    assertThat(report.rowsRead()).isEqualTo(ROWS);
    assertThat(report.loaded()).isEqualTo(ROWS - badLines.size()).isEqualTo(count[0]);
    assertThat(report.rejected()).extracting(RejectedRow::line).containsExactlyElementsOf(badLines);
    assertThat(cents[0]).isEqualTo(expectedCents);
    assertThat(refunded[0]).isEqualTo(expectedRefunded);
  }
}
