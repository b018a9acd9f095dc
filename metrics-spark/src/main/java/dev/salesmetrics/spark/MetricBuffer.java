package dev.salesmetrics.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The buffer of a {@link MetricAggregator}: for a metric with a kernel, the kernel's {@code long}
 * slots (a few numbers, whatever the number of rows); for a metric without one (order statistics,
 * distinct customers), the rows it was given, in the versioned binary form of {@code RecordLog}
 * (each row's interchange text), replayed into the metric's own accumulator at the end. Spark
 * moves it between tasks as a struct of {@code slots ARRAY<BIGINT>} and {@code log BINARY}.
 *
 * <p>A Java bean, as Spark's bean encoder wants it; not for use outside the aggregator. Not
 * thread safe.
 */
public final class MetricBuffer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kernel's slots. */
  private long[] slots = new long[0];

  /** The log of rows, {@code logSize} bytes of it used. */
  private byte[] log = new byte[0];

  /** How many bytes of {@code log} are used. */
  private int logSize;

  /** Creates an empty buffer. */
  public MetricBuffer() {}

  MetricBuffer(long[] slots) {
    this.slots = slots;
  }

  /**
   * Returns the kernel's slots.
   *
   * @return the slots (the buffer's own array); empty for a metric without a kernel
   */
  public long[] getSlots() {
    return slots;
  }

  /**
   * Sets the kernel's slots.
   *
   * @param slots the slots, taken as they are
   */
  public void setSlots(long[] slots) {
    this.slots = slots == null ? new long[0] : slots;
  }

  /**
   * Returns the logged rows.
   *
   * @return a copy of the log; empty for a kernel metric
   */
  public byte[] getLog() {
    return Arrays.copyOf(log, logSize);
  }

  /**
   * Sets the logged rows.
   *
   * @param log the log, taken as it is
   */
  public void setLog(byte[] log) {
    this.log = log == null ? new byte[0] : log;
    this.logSize = this.log.length;
  }

  /** Appends bytes to the log, growing it by doubling. */
  void append(byte[] bytes, int from, int length) {
    if (logSize + length > log.length) {
      log = Arrays.copyOf(log, Math.max(logSize + length, Math.max(64, log.length * 2)));
    }
    System.arraycopy(bytes, from, log, logSize, length);
    logSize += length;
  }

  byte[] logBytes() {
    return log;
  }

  int logSize() {
    return logSize;
  }
}
