package dev.salesmetrics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Splitter;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Metrics;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/SPARK.md's example, run as written: Spark's {@code spark-submit} (its class {@code
 * SparkSubmit}, in a JVM of its own with Spark's jars only) given {@code --master local[2] --class
 * dev.salesmetrics.spark.SparkExample --jars <the module's dependencies> <the module's jar>
 * sample-data Europe/Paris}, on the sample data set that {@code salesmetrics sample} writes. Its
 * printed table is Query's over the same records with the catalogue metrics, and its SQL part
 * prints Query's win rate and sales volume for the first five reps.
 *
 * <p>The class paths come from the build ({@code dependency:build-classpath}); entries that are
 * class directories (a reactor build before {@code package}) are put in jars first, since {@code
 * --jars} takes jars. Like the other tests, the driver is bound to 127.0.0.1 and has no UI, set as
 * system properties of the JVM (what {@code spark-defaults.conf} would hold), not as arguments.
 */
class SparkSubmitExampleTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @TempDir Path dir;

  @Test
  void theDocumentedSparkSubmitPrintsQuerysFigures() throws Exception {
    Path sample = dir.resolve("sample-data");
    Files.createDirectories(sample);
    SampleData.writeCsv(sample, SampleData.DEFAULT_SEED);

    Path appJar = jarOf(codeSource(SparkExample.class), dir.resolve("metrics-spark.jar"));
    List<String> jars = new ArrayList<>();
    for (String entry : classPath("salesmetrics.example.jars")) {
      Path p = Paths.get(entry);
      jars.add(
          Files.isDirectory(p)
              ? jarOf(p, dir.resolve("dep" + jars.size() + ".jar")).toString()
              : p.toString());
    }
    assertThat(jars).anyMatch(j -> j.contains("guava")).anyMatch(j -> j.contains("fastcsv"));

    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(property("salesmetrics.example.javaOptions").trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Dspark.driver.host=127.0.0.1",
            "-Dspark.driver.bindAddress=127.0.0.1",
            "-Dspark.ui.enabled=false",
            "-Dspark.sql.shuffle.partitions=2",
            "-cp",
            String.join(File.pathSeparator, classPath("salesmetrics.example.spark")),
            "org.apache.spark.deploy.SparkSubmit",
            // the documented arguments
            "--master",
            "local[2]",
            "--class",
            "dev.salesmetrics.spark.SparkExample",
            "--jars",
            String.join(",", jars),
            appJar.toString(),
            sample.toString(),
            "Europe/Paris"));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("spark-submit did not end within 5 minutes: " + tail(err));
    }
    assertThat(process.exitValue()).as("exit status; stderr: %s", tail(err)).isZero();
    String printed = Files.readString(out, StandardCharsets.UTF_8);

    Dataset data = SampleData.generate(SampleData.DEFAULT_SEED);
    var records = SparkQueryEqualityTest.records(data);
    MetricTable expected =
        Query.of(records)
            .groupBy(Dimension.team(RepDirectory.of(data.reps())), Dimension.quarter(PARIS))
            .metrics(
                Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.SALES_CYCLE, Metrics.CHURN_RATE)
            .periods(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))
            .run();
    assertThat(expected.size()).isGreaterThan(4);
    assertThat(printed).contains(expected.show());

    MetricTable perRep =
        Query.of(records)
            .groupBy(Dimension.REP)
            .metrics(Metrics.WIN_RATE, Metrics.SALES_VOLUME)
            .run();
    List<String[]> rows = new ArrayList<>();
    for (String line : printed.lines().toList()) {
      List<String> cells = Splitter.on('|').trimResults().splitToList(line);
      if (cells.size() == 5 && cells.get(1).startsWith("R")) {
        rows.add(new String[] {cells.get(1), cells.get(2), cells.get(3)});
      }
    }
    assertThat(rows).hasSize(5);
    List<String> reps =
        perRep.rows().stream()
            .map(r -> r.key().get(Dimension.REP.id()).orElseThrow())
            .sorted()
            .limit(5)
            .toList();
    assertThat(rows.stream().map(r -> r[0]).toList()).isEqualTo(reps);
    for (String[] r : rows) {
      GroupKey key = GroupKey.of(Dimension.REP.id(), r[0]);
      assertThat(r[1]).isEqualTo(perRep.get(key, Metrics.WIN_RATE.id()).orElseThrow().toString());
      assertThat(Double.parseDouble(r[2]))
          .isEqualTo(
              perRep.get(key, Metrics.SALES_VOLUME.id()).orElseThrow().asDouble().getAsDouble());
    }
  }

  private static String property(String name) {
    String v = System.getProperty(name);
    assertThat(v).as("system property %s (set by the build)", name).isNotBlank();
    return v;
  }

  private static List<String> classPath(String name) {
    return Splitter.on(File.pathSeparatorChar)
        .trimResults()
        .omitEmptyStrings()
        .splitToList(property(name));
  }

  private static Path codeSource(Class<?> c) throws URISyntaxException {
    return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** A jar of a class directory (a jar is returned as it is). */
  private static Path jarOf(Path classes, Path jar) throws IOException {
    if (!Files.isDirectory(classes)) {
      return classes;
    }
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static String tail(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }
}
