package dev.salesmetrics.metric;

import com.google.common.collect.ImmutableSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** A metric made of a state type and four functions; see {@link MetricBuilder}. */
final class DefinedMetric<T, A, R extends MetricValue> implements Metric<T, R> {
  private final String id;
  private final String description;
  private final MetricUnit unit;
  private final Class<T> recordType;
  private final ImmutableSet<Class<?>> recordKinds;
  private final Placement<T> placement;
  private final boolean needsPeriod;
  private final Function<Window, A> newState;
  private final MetricBuilder.Adder<A, T> add;
  private final BiConsumer<A, A> merge;
  private final Function<A, R> result;

  DefinedMetric(
      String id,
      String description,
      MetricUnit unit,
      Class<T> recordType,
      ImmutableSet<Class<?>> recordKinds,
      Placement<T> placement,
      boolean needsPeriod,
      Function<Window, A> newState,
      MetricBuilder.Adder<A, T> add,
      BiConsumer<A, A> merge,
      Function<A, R> result) {
    this.id = id;
    this.description = description;
    this.unit = unit;
    this.recordType = recordType;
    this.recordKinds = recordKinds;
    this.placement = placement;
    this.needsPeriod = needsPeriod;
    this.newState = newState;
    this.add = add;
    this.merge = merge;
    this.result = result;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public MetricUnit unit() {
    return unit;
  }

  @Override
  public Class<T> recordType() {
    return recordType;
  }

  @Override
  public ImmutableSet<Class<?>> recordKinds() {
    return recordKinds;
  }

  @Override
  public Placement<T> placement() {
    return placement;
  }

  @Override
  public boolean needsPeriod() {
    return needsPeriod;
  }

  @Override
  public MetricAccumulator<T, R> newAccumulator(Window window) {
    return new StateAccumulator(window, newState.apply(window));
  }

  @Override
  public String toString() {
    return id;
  }

  private final class StateAccumulator implements MetricAccumulator<T, R> {
    private final Window window;
    private final A state;

    StateAccumulator(Window window, A state) {
      this.window = window;
      this.state = state;
    }

    @Override
    public void add(T record) {
      add.add(state, record, window);
    }

    @Override
    public void merge(MetricAccumulator<T, R> other) {
      MetricAccumulator<T, R> o = AsOfAccumulator.unwrap(other);
      if (!(o instanceof DefinedMetric<?, ?, ?>.StateAccumulator)) {
        throw new IllegalArgumentException(
            "cannot merge an accumulator of another metric into " + id + ": " + other);
      }
      @SuppressWarnings("unchecked")
      StateAccumulator that = (StateAccumulator) o;
      if (!metric().equals(that.metric())) {
        throw new IllegalArgumentException(
            "cannot merge an accumulator of " + that.metric().id() + " into " + id);
      }
      if (!window.equals(that.window)) {
        throw new IllegalArgumentException(
            "cannot merge accumulators of " + id + " over different windows: " + window + " and "
                + that.window);
      }
      merge.accept(state, that.state);
    }

    private DefinedMetric<T, A, R> metric() {
      return DefinedMetric.this;
    }

    @Override
    public R result() {
      return result.apply(state);
    }

    @Override
    public String toString() {
      return id + " accumulator over " + window;
    }
  }
}
