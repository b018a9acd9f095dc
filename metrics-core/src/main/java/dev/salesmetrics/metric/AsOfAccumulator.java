package dev.salesmetrics.metric;

import dev.salesmetrics.model.SalesRecord;
import java.time.Instant;
import java.util.Optional;

/** Replaces each record by its state as known at an instant before passing it on. */
final class AsOfAccumulator<T, R extends MetricValue> implements MetricAccumulator<T, R> {
  private final MetricAccumulator<T, R> inner;
  private final Instant asOf;

  AsOfAccumulator(MetricAccumulator<T, R> inner, Instant asOf) {
    this.inner = inner;
    this.asOf = asOf;
  }

  static <T, R extends MetricValue> MetricAccumulator<T, R> unwrap(MetricAccumulator<T, R> acc) {
    return acc instanceof AsOfAccumulator<T, R> wrapped ? wrapped.inner : acc;
  }

  @Override
  @SuppressWarnings("unchecked") // asOf returns the record's own type
  public void add(T record) {
    if (record instanceof SalesRecord salesRecord) {
      Optional<? extends SalesRecord> known = salesRecord.asOf(asOf);
      if (known.isPresent()) {
        inner.add((T) known.get());
      }
    } else {
      inner.add(record);
    }
  }

  @Override
  public void merge(MetricAccumulator<T, R> other) {
    inner.merge(unwrap(other));
  }

  @Override
  public R result() {
    return inner.result();
  }
}
