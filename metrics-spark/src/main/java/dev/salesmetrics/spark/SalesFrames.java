package dev.salesmetrics.spark;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.io.CsvFile;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Sales records as Spark DataFrames in the interchange schema: one frame per schema file, with
 * that file's columns (see {@code docs/CSV.md}) as text, as {@code spark.read().csv} reads them,
 * or typed ({@code TIMESTAMP} instants, {@code DATE} dates, numbers), as a table may hold them. A
 * kind without a frame has no records, as a missing file in a data directory. Immutable.
 *
 * <pre>{@code
 * SalesFrames data = SalesFrames.read(spark, "s3://bucket/sales");     // the CSV files there
 * SalesFrames fromTables = SalesFrames.empty()
 *     .with(CsvFile.DEALS, spark.table("crm.deals"))
 *     .with(CsvFile.REPS, spark.table("crm.reps"));
 * }</pre>
 */
public final class SalesFrames {
  private final EnumMap<CsvFile, Dataset<Row>> frames;

  private SalesFrames(EnumMap<CsvFile, Dataset<Row>> frames) {
    this.frames = frames;
  }

  /**
   * Returns no frames.
   *
   * @return the empty set of frames
   */
  public static SalesFrames empty() {
    return new SalesFrames(new EnumMap<>(CsvFile.class));
  }

  /**
   * Reads the CSV files of a data directory (local, HDFS, S3...) with {@code
   * spark.read().option("header", true).csv(...)}, every column as text; a file that is not there
   * is no frame. Quoted cells may hold line breaks ({@code multiLine}).
   *
   * @param spark the session
   * @param directory the directory, as Spark names paths
   * @return the frames of the files found
   */
  public static SalesFrames read(SparkSession spark, String directory) {
    checkNotNull(spark, "spark");
    checkNotNull(directory, "directory");
    EnumMap<CsvFile, Dataset<Row>> frames = new EnumMap<>(CsvFile.class);
    String dir = directory.endsWith("/") ? directory : directory + "/";
    for (CsvFile file : CsvFile.values()) {
      try {
        frames.put(
            file,
            spark
                .read()
                .option("header", true)
                .option("multiLine", true)
                .option("escape", "\"")
                .csv(dir + file.fileName()));
      } catch (Exception e) { // Spark's AnalysisException is a checked exception in Java
        String message = String.valueOf(e.getMessage());
        if (!message.contains("PATH_NOT_FOUND") && !message.contains("Path does not exist")) {
          throw e instanceof RuntimeException r ? r : new IllegalArgumentException(message, e);
        }
      }
    }
    return new SalesFrames(frames);
  }

  /**
   * Returns these frames with {@code frame} as the records of {@code file}.
   *
   * @param file the schema file the frame holds
   * @param frame its rows, with the file's columns
   * @return the new frames
   */
  public SalesFrames with(CsvFile file, Dataset<Row> frame) {
    EnumMap<CsvFile, Dataset<Row>> copy = new EnumMap<>(frames);
    copy.put(checkNotNull(file, "file"), checkNotNull(frame, "frame"));
    return new SalesFrames(copy);
  }

  /**
   * Returns the frame of a file.
   *
   * @param file the schema file
   * @return its frame, or empty when there is none
   */
  public Optional<Dataset<Row>> frame(CsvFile file) {
    return Optional.ofNullable(frames.get(file));
  }

  Map<CsvFile, Dataset<Row>> all() {
    return frames;
  }

  /**
   * Lists the files that have a frame.
   *
   * @return e.g. {@code SalesFrames[deals.csv, reps.csv]}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SalesFrames[");
    String sep = "";
    for (CsvFile f : frames.keySet()) {
      sb.append(sep).append(f.fileName());
      sep = ", ";
    }
    return sb.append(']').toString();
  }
}
