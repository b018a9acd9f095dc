package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv} end to end on the bundled sample, as a new user would run it: write the sample,
 * point the command at its orders.csv, nothing else.
 */
class ClvSampleTest {
  @TempDir static Path dir;
  static Path orders;

  @BeforeAll
  static void writeSample() throws IOException {
    SampleData.writeCsv(dir);
    orders = dir.resolve("orders.csv");
  }

  private static Map<String, String> parameters(List<String> lines) {
    Map<String, String> p = new HashMap<>();
    for (String line : lines) {
      if (line.isEmpty()) {
        break;
      }
      String[] f = line.split(" ", -1);
      if (f.length == 2) {
        p.put(f[0], f[1]);
      }
    }
    return p;
  }

  @Test
  void fitsTheSampleWithTheDefaultsAndRanksItsCustomers() {
    Cli.Result r = Cli.run("clv", "--orders", orders.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Map<String, String> p = parameters(r.lines());
    // the last paid order of the sample is on its last day
    assertThat(p).containsEntry("calibration_end", "2025-12-31").containsEntry("unit", "week");
    assertThat(Double.parseDouble(p.get("customers"))).isBetween(3000.0, 3175.0);
    assertThat(Double.parseDouble(p.get("r"))).isBetween(0.5, 10.0);
    assertThat(Double.parseDouble(p.get("alpha"))).isBetween(1.0, 50.0);
    assertThat(Double.parseDouble(p.get("a"))).isBetween(0.1, 100.0);
    assertThat(Double.parseDouble(p.get("b"))).isBetween(1.0, 1000.0);
    assertThat(Double.parseDouble(p.get("q"))).isGreaterThan(1);
    List<String> ranked = r.lines().stream().filter(l -> l.matches(" +\\d+  C\\d{4} .*")).toList();
    assertThat(ranked).hasSize(10);
    assertThat(r.out()).doesNotContain("NaN").doesNotContain("Infinity");
    for (String row : ranked) {
      String clv = row.substring(row.lastIndexOf(' ') + 1);
      assertThat(Double.parseDouble(clv)).isPositive();
    }
  }

  @Test
  void fitsEveryQuarterEndAsCalibrationEndInBothUnits() {
    for (String end : new String[] {"2024-06-30", "2024-12-31", "2025-06-30"}) {
      for (String unit : new String[] {"week", "day"}) {
        Cli.Result r =
            Cli.run("clv", "--orders", orders.toString(), "--calibration-end", end, "--unit",
                unit, "--top", "3", "--format", "csv");
        assertThat(r.code()).as(end + " " + unit + ": " + r.err()).isZero();
        assertThat(r.lines()).contains("calibration_end," + end, "unit," + unit);
      }
    }
  }
}
