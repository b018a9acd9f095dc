package dev.salesmetrics.metric;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** A metric made of a state type and four functions; see {@link MetricBuilder#accumulate}. */
final class DefinedMetric<T, A, R extends MetricValue> extends BaseMetric<T, R> {
  private final Function<Window, A> newState;
  private final MetricBuilder.Adder<A, T> add;
  private final BiConsumer<A, A> merge;
  private final Function<A, R> result;

  DefinedMetric(
      Info<T> info,
      Function<Window, A> newState,
      MetricBuilder.Adder<A, T> add,
      BiConsumer<A, A> merge,
      Function<A, R> result) {
    super(info);
    this.newState = newState;
    this.add = add;
    this.merge = merge;
    this.result = result;
  }

  @Override
  public MetricAccumulator<T, R> newAccumulator(Window window) {
    return new StateAccumulator(window, newState.apply(window));
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
            "cannot merge an accumulator of another metric into " + id() + ": " + other);
      }
      @SuppressWarnings("unchecked")
      StateAccumulator that = (StateAccumulator) o;
      if (!metric().equals(that.metric())) {
        throw new IllegalArgumentException(
            "cannot merge an accumulator of " + that.metric().id() + " into " + id());
      }
      if (!window.equals(that.window)) {
        throw new IllegalArgumentException(
            "cannot merge accumulators of " + id() + " over different windows: " + window
                + " and " + that.window);
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
      return id() + " accumulator over " + window;
    }
  }
}
