package dev.salesmetrics.metric;

import dev.salesmetrics.model.SalesRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * A metric defined by a {@link Kernel}; see {@link MetricBuilder#kernel}. Its accumulator is
 * derived from the kernel: a {@code long[]} cell updated through a {@link RecordView}. Built with
 * a currency converter, the same kernel reads converted amounts; such a metric offers no kernel to
 * the engines (they use its accumulator), since the conversion is per record.
 */
final class KernelMetric<T, V, R extends MetricValue> extends BaseMetric<T, R> {
  private final Kernel<V, R> kernel;
  @Nullable private final Function<? super T, Instant> placing;
  private final Conversion conversion;
  private final boolean convertAtPeriodStart;

  KernelMetric(
      Info<T> info,
      Kernel<V, R> kernel,
      @Nullable Function<? super T, Instant> placing,
      Conversion conversion,
      boolean convertAtPeriodStart) {
    super(info);
    this.kernel = kernel;
    this.placing = placing;
    this.conversion = conversion;
    this.convertAtPeriodStart = convertAtPeriodStart;
  }

  /**
   * Returns {@code metric}, a kernel metric, reading amounts converted by {@code conversion}: at
   * each record's own instant, or at the period start when {@code atPeriodStart}. {@link
   * Conversion#NONE} returns the metric itself.
   */
  @SuppressWarnings("unchecked")
  static <T, R extends MetricValue> Metric<T, R> converted(
      Metric<T, R> metric, Conversion conversion, boolean atPeriodStart) {
    KernelMetric<T, ?, R> k = (KernelMetric<T, ?, R>) metric;
    return conversion == Conversion.NONE ? metric : k.with(conversion, atPeriodStart);
  }

  private KernelMetric<T, V, R> with(Conversion c, boolean atPeriodStart) {
    return new KernelMetric<>(info, kernel, placing, c, atPeriodStart);
  }

  @Override
  public Optional<Kernel<?, R>> kernel() {
    return conversion == Conversion.NONE ? Optional.of(kernel) : Optional.empty();
  }

  @Override
  public MetricAccumulator<T, R> newAccumulator(Window window) {
    kernel.check(window);
    return new KernelAccumulator(window);
  }

  /** The accumulator derived from the kernel: one cell of slots. */
  private final class KernelAccumulator implements MetricAccumulator<T, R> {
    private final Window window;
    private final WindowBounds bounds;
    private final long[] slots;
    private final RecordView<V> view;
    private final Slots cursor;

    KernelAccumulator(Window window) {
      this.window = window;
      this.bounds = WindowBounds.of(window);
      this.slots = new long[kernel.size()];
      kernel.initialize(slots, 0);
      Instant start =
          convertAtPeriodStart && window.period() != null ? window.period().start() : null;
      this.view = RecordViews.of(kernel.rowType(), conversion, start);
      this.cursor = new Slots().at(slots, 0).emptyCurrency(conversion.target());
    }

    @Override
    public void add(T record) {
      if (placing != null) {
        Instant at = placing.apply(record);
        if (at == null || !window.contains(at)) {
          return;
        }
      }
      kernel.update().update(view.at((SalesRecord) record), cursor, bounds);
    }

    @Override
    public void merge(MetricAccumulator<T, R> other) {
      MetricAccumulator<T, R> o = AsOfAccumulator.unwrap(other);
      if (!(o instanceof KernelMetric<?, ?, ?>.KernelAccumulator)) {
        throw new IllegalArgumentException(
            "cannot merge an accumulator of another metric into " + id() + ": " + other);
      }
      @SuppressWarnings("unchecked")
      KernelAccumulator that = (KernelAccumulator) o;
      if (!metric().equals(that.metric())) {
        throw new IllegalArgumentException(
            "cannot merge an accumulator of " + that.metric().id() + " into " + id());
      }
      if (!window.equals(that.window)) {
        throw new IllegalArgumentException(
            "cannot merge accumulators of " + id() + " over different windows: " + window
                + " and " + that.window);
      }
      kernel.merge(slots, 0, that.slots, 0);
    }

    private KernelMetric<T, V, R> metric() {
      return KernelMetric.this;
    }

    @Override
    public R result() {
      return kernel.result(cursor.at(slots, 0));
    }

    @Override
    public String toString() {
      return id() + " accumulator over " + window;
    }
  }
}
