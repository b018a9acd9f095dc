package dev.salesmetrics.metric;

/**
 * The mutable state of one metric over one {@link Window}: records go in with {@link #add}, parts
 * combine with {@link #merge}, and {@link #result} reads the value at any time.
 *
 * <p>Merge is associative and commutative: accumulating a data set whole, or in parts (per
 * thread, per partition) merged in any order, gives the same result. Not thread safe: use one
 * accumulator per thread and merge them, or the live views of the aggregation package.
 *
 * @param <T> the record type
 * @param <R> the result type
 */
public interface MetricAccumulator<T, R extends MetricValue> {

  /**
   * Adds one record. Records outside the window, or that the metric does not read (an open deal
   * for win rate), are ignored.
   *
   * @param record the record
   * @throws dev.salesmetrics.model.CurrencyMismatchException if a money metric sees a second
   *     currency and has no converter
   * @throws ArithmeticException if a sum overflows
   */
  void add(T record);

  /**
   * Adds everything {@code other} has seen. {@code other} is not changed.
   *
   * @param other an accumulator of the same metric and window
   * @throws IllegalArgumentException if {@code other} belongs to another metric or window
   */
  void merge(MetricAccumulator<T, R> other);

  /**
   * Returns the value of the records added so far.
   *
   * @return the result; an empty/undefined value when nothing counted
   */
  R result();
}
