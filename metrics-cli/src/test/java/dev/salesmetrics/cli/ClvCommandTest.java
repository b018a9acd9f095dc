package dev.salesmetrics.cli;

import com.google.common.base.Splitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code clv} command on the CDNOW sample converted to orders.csv: the fitted parameters match
 * the raw-transaction fit in docs/CLV.md (r 0.242595, alpha 4.413602, a 0.792922, b 2.425907 for
 * a 1997-09-30 calibration end, in weeks).
 */
class ClvCommandTest {
  @TempDir static Path dir;
  static Path orders;
  static Path withRefunds;

  @BeforeAll
  static void convertCdnow() throws IOException {
    StringBuilder csv =
        new StringBuilder("order_id,customer_id,placed_at,amount,currency,status\n");
    int n = 0;
    try (InputStream in = ClvCommandTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String[] f = line.strip().split("\\s+", -1);
        if (f.length < 5) {
          continue;
        }
        String d = f[2];
        csv.append("O").append(++n).append(',').append(f[1]).append(',')
            .append(d, 0, 4).append('-').append(d, 4, 6).append('-').append(d, 6, 8)
            .append("T12:00:00Z,").append(f[4]).append(",USD,paid\n");
      }
    }
    assertThat(n).isEqualTo(6919);
    orders = dir.resolve("orders.csv");
    Files.writeString(orders, csv, StandardCharsets.UTF_8);
    withRefunds = dir.resolve("orders-with-refunds.csv");
    Files.writeString(
        withRefunds,
        csv
            + """
            R1,0001,1997-05-01T12:00:00Z,999.99,USD,refunded
            R2,9999,1997-02-01T12:00:00Z,5.00,USD,refunded
            """,
        StandardCharsets.UTF_8);
  }

  private static Map<String, Double> parameters(String table) {
    Map<String, Double> p = new HashMap<>();
    for (String line : table.lines().toList()) {
      String[] f = line.split(" ", -1);
      if (f.length == 2 && f[1].matches("-?\\d+(\\.\\d+)?")) {
        p.put(f[0], Double.parseDouble(f[1]));
      }
    }
    return p;
  }

  @Test
  void fitsTheCdnowSampleAsPublished() {
    Cli.Result r =
        Cli.run("clv", "--orders", orders.toString(), "--calibration-end", "1997-09-30",
            "--top", "5");

    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Double> p = parameters(r.out());
    assertThat(p.get("r")).isCloseTo(0.242595, within(0.242595e-3));
    assertThat(p.get("alpha")).isCloseTo(4.413602, within(4.413602e-3));
    assertThat(p.get("a")).isCloseTo(0.792922, within(0.792922e-3));
    assertThat(p.get("b")).isCloseTo(2.425907, within(2.425907e-3));
    assertThat(p.get("log_likelihood")).isCloseTo(-9582.429207, within(1e-2));
    assertThat(p).containsKeys("p", "q", "v");
    assertThat(r.out()).contains("rank  customer_id");
    assertThat(r.lines().stream().filter(l -> l.matches(" +\\d+  \\d{4} .*"))).hasSize(5);
  }

  @Test
  void refundedOrdersAreLeftOut() {
    Cli.Result paid =
        Cli.run("clv", "--orders", orders.toString(), "--calibration-end", "1997-09-30");
    Cli.Result mixed =
        Cli.run("clv", "--orders", withRefunds.toString(), "--calibration-end", "1997-09-30");

    assertThat(mixed.code()).as(mixed.err()).isZero();
    assertThat(mixed.out()).isEqualTo(paid.out());
  }

  @Test
  void csvHasAParameterBlockThenTheRankedCustomers() {
    Cli.Result r =
        Cli.run("clv", "--orders", orders.toString(), "--calibration-end", "1997-09-30",
            "--format", "csv", "--top", "3", "--unit", "day", "--horizon-months", "6",
            "--discount-rate", "0");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.lines();
    assertThat(lines.get(0)).isEqualTo("parameter,value");
    assertThat(lines).contains("unit,day");
    int blank = lines.indexOf("");
    assertThat(lines.subList(1, blank))
        .extracting(l -> Splitter.on(',').splitToList(l).get(0))
        .contains("r", "alpha", "a", "b", "log_likelihood", "p", "q", "v");
    assertThat(lines.get(blank + 1)).startsWith("rank,customer_id,frequency,recency,age");
    assertThat(lines.subList(blank + 2, lines.size())).hasSize(3);
    double alphaDays =
        Double.parseDouble(
            lines.stream().filter(l -> l.startsWith("alpha,")).findFirst().orElseThrow()
                .substring(6));
    assertThat(alphaDays).isCloseTo(7 * 4.413602, within(7 * 4.413602e-3));
  }

  @Test
  void badOrdersAndBadOptions() throws IOException {
    Path bad = dir.resolve("bad-orders.csv");
    Files.writeString(
        bad,
        """
        order_id,customer_id,placed_at,amount,currency
        O1,C1,1997-01-01T00:00:00Z,12.5,USD
        O2,C1,1997-13-01T00:00:00Z,12.5,USD
        """,
        StandardCharsets.UTF_8);

    Cli.Result r = Cli.run("clv", "--orders", bad.toString(), "--calibration-end", "1997-09-30");

    assertThat(r.code()).isEqualTo(Main.BAD_DATA);
    assertThat(r.err()).contains("bad-orders.csv").contains("line 3").contains("column placed_at");
    assertThat(
            Cli.run("clv", "--orders", orders.toString(), "--calibration-end", "1997-09-31")
                .code())
        .isEqualTo(Main.USAGE);
    assertThat(
            Cli.run("clv", "--orders", orders.toString(), "--calibration-end", "1997-09-30",
                "--unit", "month").code())
        .isEqualTo(Main.USAGE);
    assertThat(
            Cli.run("clv", "--orders", orders.toString(), "--calibration-end", "1997-09-30",
                "--horizon-months", "0").code())
        .isEqualTo(Main.USAGE);
  }

  @Test
  void numericOptionsHaveBoundsNamedInTheMessage() {
    Cli.Result months =
        Cli.run("clv", "--orders", orders.toString(), "--horizon-months", "601");
    assertThat(months.code()).isEqualTo(Main.USAGE);
    assertThat(months.err()).contains("--horizon-months must be from 1 to 600: 601");
    Cli.Result huge =
        Cli.run("clv", "--orders", orders.toString(), "--horizon-months", "2147483647");
    assertThat(huge.code()).isEqualTo(Main.USAGE);
    assertThat(huge.err()).contains("--horizon-months must be from 1 to 600: 2147483647");
    for (String rate : new String[] {"1.5", "-0.01", "NaN", "Infinity"}) {
      Cli.Result r =
          Cli.run("clv", "--orders", orders.toString(), "--discount-rate", rate);
      assertThat(r.code()).as(rate).isEqualTo(Main.USAGE);
      assertThat(r.err()).contains("--discount-rate must be a monthly fraction from 0 to 1.0: ");
    }
    Cli.Result top = Cli.run("clv", "--orders", orders.toString(), "--top", "-1");
    assertThat(top.code()).isEqualTo(Main.USAGE);
    assertThat(top.err()).contains("--top must be >= 0: -1");
  }

  @Test
  void theLongestHorizonAndTheHighestRateRun() throws IOException {
    // CDNOW customers 0001 to 0499, to keep the 600 evaluations per customer short
    List<String> lines = Files.readAllLines(orders, StandardCharsets.UTF_8);
    Path first = dir.resolve("first-499.csv");
    Files.write(
        first,
        lines.stream().filter(l -> !l.matches("O\\d+,(0[5-9]\\d\\d|[1-9]\\d\\d\\d),.*")).toList(),
        StandardCharsets.UTF_8);
    for (String rate : new String[] {"0", "0.01", "1"}) {
      Cli.Result r =
          Cli.run("clv", "--orders", first.toString(), "--calibration-end", "1997-09-30",
              "--horizon-months", "600", "--discount-rate", rate, "--top", "3");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .contains("customers 499")
          .contains("horizon 600 months, monthly discount rate " + Double.parseDouble(rate))
          .doesNotContain("NaN");
    }
  }

  /**
   * Customers who all buy every week up to the end: nobody seems to leave, the BG/NBD likelihood
   * has no maximum. The old command predicted NaN and exited 2 ("must be finite").
   */
  @Test
  void aFitThatIsRefusedExitsThreeWithItsCause() throws IOException {
    StringBuilder csv =
        new StringBuilder("order_id,customer_id,placed_at,amount,currency,status\n");
    int n = 0;
    LocalDate end = LocalDate.of(2025, 6, 30);
    for (int c = 0; c < 300; c++) {
      int gap = 5 + c % 10;
      for (LocalDate d = end.minusDays(7 + c); !d.isBefore(end.minusDays(200 + c)); d =
          d.minusDays(gap)) {
        csv.append("O").append(++n).append(",C").append(c).append(',').append(d)
            .append("T10:00:00Z,").append(20 + c % 7).append(".00,USD,paid\n");
      }
    }
    Path regular = dir.resolve("regular-orders.csv");
    Files.writeString(regular, csv, StandardCharsets.UTF_8);

    Cli.Result r = Cli.run("clv", "--orders", regular.toString(), "--calibration-end",
        end.toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.BAD_DATA);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("salesmetrics: bad data: cannot fit the models to " + regular
            + ": BG/NBD fit refused: ")
        .doesNotContain("NaN");
  }

  @Test
  void noPaidOrderAndNoCalibrationEndIsBadData() throws IOException {
    Path refunds = dir.resolve("refunds.csv");
    Files.writeString(
        refunds,
        """
        order_id,customer_id,placed_at,amount,currency,status
        R1,C1,2025-01-01T10:00:00Z,5.00,USD,refunded
        """,
        StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("clv", "--orders", refunds.toString());
    assertThat(r.code()).isEqualTo(Main.BAD_DATA);
    assertThat(r.err()).contains(refunds + " has no paid order to fit the models to");
  }
}
