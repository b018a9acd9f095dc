package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    assertThat(err.toString())
        .isEqualTo(
            "salesmetrics: missing required option: '--out=DIR'\nTry 'salesmetrics sample --help'\n");
    assertThat(Files.exists(Path.of("sample"))).isFalse();
  }

  @Test
  void outOnARegularFileIsAUsageErrorWithTheReason(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken.txt"), "keep me");
    Cli.Result r = Cli.run("sample", "--out", file.toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.errors())
        .startsWith("salesmetrics: --out " + file + " is a file, not a directory")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  @Test
  void outUnderARegularFileIsAUsageErrorWithTheReason(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken.txt"), "keep me");
    Path below = file.resolve("sample");
    Cli.Result r = Cli.run("sample", "--out", below.toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.errors())
        .startsWith("salesmetrics: --out " + below + ": cannot create the directory (" + file
            + " is not a directory)")
        .doesNotContain("Exception");
  }

  @Test
  void outOnAReadOnlyDirectoryIsAUsageErrorWithTheReason(@TempDir Path dir) throws Exception {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(readOnly), "permissions apply (not running as root)");
      Cli.Result r = Cli.run("sample", "--out", readOnly.toString());
      assertThat(r.code()).isEqualTo(Main.USAGE);
      assertThat(r.errors())
          .startsWith("salesmetrics: --out " + readOnly + ": cannot write " + readOnly.resolve("reps.csv")
              + " (permission denied)")
          .doesNotContain("Exception");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
