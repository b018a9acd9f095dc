package dev.salesmetrics.io;

/**
 * Follows a {@link Dataset#load(java.nio.file.Path, CsvOptions, LoadListener)} as it goes, for a
 * progress bar: told when each file starts and after each record it loads. Called on the loading
 * thread; a listener should return quickly (count, and draw from another thread).
 */
public interface LoadListener {
  /** A listener that does nothing. */
  LoadListener NONE = new LoadListener() {};

  /**
   * Called before a file is read.
   *
   * @param file the file; {@link CsvFile#DEALS} stands for deals.csv and deal_stages.csv, which
   *     are read together (the stages first)
   * @param sizeBytes the size of the file in bytes (of both files for deals)
   */
  default void fileStarted(CsvFile file, long sizeBytes) {}

  /**
   * Called after each record loaded from the file being read.
   *
   * @param loaded how many records of this file were loaded so far, from 1
   */
  default void recordLoaded(long loaded) {}
}
