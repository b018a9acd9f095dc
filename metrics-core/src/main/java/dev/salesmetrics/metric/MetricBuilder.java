package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Builds a {@link Metric} from an accumulator state and four functions, the way {@link
 * java.util.stream.Collector#of} builds a collector. Start with {@link Metric#builder}.
 *
 * <p>The built metric is immutable and thread safe as long as the functions are (they should be
 * pure, and the state type is used by one thread at a time).
 *
 * @param <T> the record type
 */
public final class MetricBuilder<T> {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*(\\.[a-z0-9_]+)*");

  private final String id;
  private final Class<T> recordType;
  private String description = "";
  private MetricUnit unit = MetricUnit.NUMBER;
  @Nullable private Placement<T> placement;
  private boolean needsPeriod;
  @Nullable private ImmutableSet<Class<?>> kinds;

  MetricBuilder(String id, Class<T> recordType) {
    checkNotNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "metric id must be lowercase snake_case with optional dotted variant: \"" + id + "\"");
    }
    this.id = id;
    this.recordType = checkNotNull(recordType, "recordType");
  }

  /**
   * Sets the one-line definition.
   *
   * @param description e.g. {@code "mean amount of won deals closed in the period"}
   * @return this builder
   */
  @CanIgnoreReturnValue
  public MetricBuilder<T> description(String description) {
    this.description = checkNotNull(description, "description");
    return this;
  }

  /**
   * Sets the unit (default {@link MetricUnit#NUMBER}).
   *
   * @param unit the unit
   * @return this builder
   */
  @CanIgnoreReturnValue
  public MetricBuilder<T> unit(MetricUnit unit) {
    this.unit = checkNotNull(unit, "unit");
    return this;
  }

  /**
   * Places each record in the period of one of its instants.
   *
   * @param field the snake_case name of the instant, e.g. {@code "closed_at"}
   * @param instant returns the instant, or null when the record has none
   * @return this builder
   */
  @CanIgnoreReturnValue
  public MetricBuilder<T> placedAt(String field, Function<? super T, Instant> instant) {
    this.placement = Placement.at(field, instant);
    return this;
  }

  /**
   * Declares that records matter to several periods; see {@link Placement#spanning}.
   *
   * @param description what decides the periods
   * @return this builder
   */
  @CanIgnoreReturnValue
  public MetricBuilder<T> spanning(String description) {
    this.placement = Placement.spanning(description);
    return this;
  }

  /**
   * Names the kinds of record the metric reads, when its record type is a common supertype such
   * as {@code SalesRecord}: a query then gives it only records of these kinds, so other records
   * (customers for a metric of deals and quotas) never make a group for it, and a query whose
   * records lack one of them says so ({@code MetricTable#notes()}). Without this call the metric
   * reads every record of its record type.
   *
   * <pre>{@code
   * Metric.builder("booked_vs_quota", SalesRecord.class).reads(Deal.class, Quota.class)...
   * }</pre>
   *
   * @param kinds one or more subtypes of the record type
   * @return this builder
   * @throws IllegalArgumentException if no kind is given
   */
  @SafeVarargs
  @CanIgnoreReturnValue
  public final MetricBuilder<T> reads(Class<? extends T>... kinds) {
    checkNotNull(kinds, "kinds");
    if (kinds.length == 0) {
      throw new IllegalArgumentException("metric " + id + " must read at least one kind of record");
    }
    ImmutableSet.Builder<Class<?>> b = ImmutableSet.builder();
    for (Class<? extends T> k : kinds) {
      b.add(checkNotNull(k, "kind"));
    }
    this.kinds = b.build();
    return this;
  }

  /**
   * Declares that the metric cannot be computed without a period.
   *
   * @return this builder
   */
  @CanIgnoreReturnValue
  public MetricBuilder<T> needsPeriod() {
    this.needsPeriod = true;
    return this;
  }

  /**
   * Finishes the metric with its accumulator logic.
   *
   * @param newState creates the empty state for a window
   * @param add adds one record to a state; must ignore records outside the window
   * @param merge adds everything of the second state to the first (must not change the second)
   * @param result reads the value of a state
   * @param <A> the state type
   * @param <R> the result type
   * @return the metric
   * @throws IllegalStateException if no placement was given
   */
  public <A, R extends MetricValue> Metric<T, R> accumulate(
      Function<Window, A> newState,
      Adder<A, T> add,
      BiConsumer<A, A> merge,
      Function<A, R> result) {
    if (placement == null) {
      throw new IllegalStateException(
          "metric " + id + " needs a placement: call placedAt(...) or spanning(...)");
    }
    return new DefinedMetric<>(
        id, description, unit, recordType,
        kinds != null ? kinds : ImmutableSet.<Class<?>>of(recordType), placement, needsPeriod,
        checkNotNull(newState, "newState"), checkNotNull(add, "add"),
        checkNotNull(merge, "merge"), checkNotNull(result, "result"));
  }

  /**
   * Adds one record to an accumulator state.
   *
   * @param <A> the state type
   * @param <T> the record type
   */
  @FunctionalInterface
  public interface Adder<A, T> {
    /**
     * Adds {@code record} to {@code state} if it counts in {@code window}.
     *
     * @param state the state
     * @param record the record
     * @param window the window the state covers
     */
    void add(A state, T record, Window window);
  }
}
