package dev.salesmetrics.dashboard.server;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small hand-made data set (two reps, five deals, quotas, three customers, USD) whose figures
 * are worked out in the tests, and the bodies posted to it.
 *
 * <p>Current period 2025-12 (the newest event is D3's close on 2025-12-03). November: D1 won
 * 500.00, D2 lost: win rate 1 of 2, sales volume 500.00 USD. December: D3 won 800.00: win rate 1
 * of 1, sales volume 800.00 USD, 1 deal won; D4 (R2, 200.00) and D5 (R1, 400.00) open.
 */
final class TestData {
  static final String DEALS_HEADER =
      "deal_id,rep_id,amount,currency,created_at,status,closed_at,stage\n";

  private TestData() {}

  @CanIgnoreReturnValue
  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir, "reps.csv", "rep_id,name,team,region\nR1,Ann,North,EMEA\nR2,Bob,South,APAC\n");
    write(
        dir,
        "quotas.csv",
        """
        rep_id,period_start,period_end,amount,currency
        R1,2025-11-01,2025-12-01,1000.00,USD
        R2,2025-11-01,2025-12-01,1000.00,USD
        R1,2025-12-01,2026-01-01,1000.00,USD
        R2,2025-12-01,2026-01-01,1000.00,USD
        """);
    write(
        dir,
        "deals.csv",
        DEALS_HEADER
            + "D1,R1,500.00,USD,2025-11-02T10:00:00Z,won,2025-11-20T10:00:00Z,won\n"
            + "D2,R1,300.00,USD,2025-11-05T10:00:00Z,lost,2025-11-25T10:00:00Z,lost\n"
            + "D3,R2,800.00,USD,2025-11-10T10:00:00Z,won,2025-12-03T10:00:00Z,won\n"
            + "D4,R2,200.00,USD,2025-12-01T09:00:00Z,open,,proposal\n"
            + "D5,R1,400.00,USD,2025-12-02T09:00:00Z,open,,qualified\n");
    write(
        dir,
        "customers.csv",
        """
        customer_id,signed_up_at,cancelled_at
        C1,2025-10-01T00:00:00Z,
        C2,2025-11-15T00:00:00Z,
        C3,2025-12-02T00:00:00Z,
        """);
    return dir;
  }

  /** A deals.csv body with one row. */
  static String deal(String id, String rep, String amount, String created, String status,
      String closed) {
    return DEALS_HEADER + id + "," + rep + "," + amount + ",USD," + created + "," + status + ","
        + closed + ",\n";
  }

  /** D4 won on 2025-12-05: December then has 2 of 2 won, 1000.00 USD. */
  static String d4Won() {
    return deal("D4", "R2", "200.00", "2025-12-01T09:00:00Z", "won", "2025-12-05T10:00:00Z");
  }

  static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
