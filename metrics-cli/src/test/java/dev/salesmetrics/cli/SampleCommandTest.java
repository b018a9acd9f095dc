package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
  @Test
  void writesEveryFileAndTheyLoadBackToTheGeneratedRecords(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    Path target = dir.resolve("sample");
    int code =
        Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "sample", "--out",
            target.toString(), "--seed", "7");
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("wrote the sample data (seed 7) to " + target + "\n");
    for (String f :
        new String[] {"reps.csv", "quotas.csv", "leads.csv", "deals.csv", "deal_stages.csv",
          "orders.csv", "customers.csv", "campaigns.csv", "responses.csv"}) {
      assertThat(target.resolve(f)).isRegularFile();
    }
    Dataset loaded = Dataset.load(target).value();
    assertThat(loaded).isEqualTo(SampleData.generate(7));
  }

  @Test
  void outIsRequired() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "sample");
    assertThat(code).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("Missing required option: '--out=DIR'");
    assertThat(Files.exists(Path.of("sample"))).isFalse();
  }
}
