package dev.salesmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Window;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Ways to run a metric over a list: whole, split and merged, shuffled. */
public final class LeadsHarness {
  private LeadsHarness() {}

  /** The metric's value over all of {@code records}. */
  public static <T, R extends MetricValue> R whole(
      Metric<T, R> metric, List<? extends T> records, Window window) {
    return metric.compute(records, window).value();
  }

  /**
   * The value of the two parts cut at {@code cut}, merged; also checks that merging leaves the
   * merged-in part unchanged.
   */
  public static <T, R extends MetricValue> R splitMerged(
      Metric<T, R> metric, List<? extends T> records, int cut, Window window) {
    int at = Math.min(Math.max(cut, 0), records.size());
    MetricAccumulator<T, R> left = metric.accumulator(window);
    MetricAccumulator<T, R> right = metric.accumulator(window);
    for (T r : records.subList(0, at)) {
      left.add(r);
    }
    for (T r : records.subList(at, records.size())) {
      right.add(r);
    }
    R rightBefore = right.result();
    left.merge(right);
    assertThat(right.result()).isEqualTo(rightBefore);
    return left.result();
  }

  /** The value over a shuffle of {@code records} by {@code seed}. */
  public static <T, R extends MetricValue> R shuffled(
      Metric<T, R> metric, List<? extends T> records, long seed, Window window) {
    List<T> copy = new ArrayList<>(records);
    Collections.shuffle(copy, new Random(seed));
    return metric.compute(copy, window).value();
  }
}
