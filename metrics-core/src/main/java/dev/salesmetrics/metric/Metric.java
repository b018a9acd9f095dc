package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import dev.salesmetrics.model.SalesRecord;
import java.util.Optional;
import java.util.stream.Collector;

/**
 * A metric definition: a stable snake_case id, a one-line description, a unit, the record type it
 * reads, the instant that places a record in a period, and a factory of mergeable accumulators.
 *
 * <p>A metric is a value: it holds its parameters (stage order, gross margin, converter), never
 * global state, and is safe to share between threads. Compute it whole, split and merged, live,
 * or through a collector:
 *
 * <pre>{@code
 * MetricResult<Ratio> r = Metrics.WIN_RATE.compute(deals, Window.of(march));
 * MetricResult<Ratio> all = deals.stream().collect(Metrics.WIN_RATE.collector());
 * }</pre>
 *
 * <p>To write your own, see {@link #builder(String, Class)}.
 *
 * @param <T> the record type read, e.g. {@code Deal}; {@link SalesRecord} for metrics that read
 *     several kinds of record (deals and quotas)
 * @param <R> the result type
 */
public interface Metric<T, R extends MetricValue> {

  /**
   * Returns the stable id, lowercase snake_case, with a dotted suffix for a variant.
   *
   * @return e.g. {@code "win_rate"}, {@code "win_rate.all_created"}
   */
  String id();

  /**
   * Returns the one-line definition.
   *
   * @return e.g. {@code "won / (won + lost) over deals closed in the period"}
   */
  String description();

  /**
   * Returns the name shown in sentences, alerts and reports.
   *
   * @return e.g. {@code "Win rate"}, {@code "ARPU"}, {@code "Win rate (all created)"}; for a
   *     metric built without one, the id with underscores as spaces, its first letter upper case
   *     and a variant suffix in parentheses
   */
  default String displayName() {
    return defaultDisplayName(id());
  }

  /**
   * Returns the display name of a metric that names none: the id with underscores as spaces, its
   * first letter upper case, and a variant suffix in parentheses.
   *
   * @param metricId a metric id, e.g. {@code win_rate.all_created}
   * @return e.g. {@code "Win rate (all created)"}
   */
  static String defaultDisplayName(String metricId) {
    return MetricBuilder.defaultDisplayName(checkNotNull(metricId, "metricId"));
  }

  /**
   * Returns the metric's kernel, when its state is a fixed set of numbers declared once (see
   * {@link Kernel}); queries and live views then run it on flat arrays of slots. A metric with
   * order statistics or distinct sets (a median, distinct customers), or built with a currency
   * converter, has none and runs on its accumulators.
   *
   * @return the kernel, or empty
   */
  default Optional<Kernel<?, R>> kernel() {
    return Optional.empty();
  }

  /**
   * Returns what the value measures.
   *
   * @return the unit
   */
  MetricUnit unit();

  /**
   * Returns the type of record read.
   *
   * @return e.g. {@code Deal.class}
   */
  Class<T> recordType();

  /**
   * Returns the kinds of record the metric reads. A query gives a metric only records of these
   * kinds, so records of other kinds never make a group for it, and tools load only the files of
   * these kinds (the command line's {@code compute} reads quotas.csv only for a metric that reads
   * {@code Quota}). For a metric of one kind this is {@link #recordType()}; a metric typed by a
   * common supertype ({@link SalesRecord}) names its kinds, such as {@code Deal} and {@code Quota}
   * for quota attainment (see {@link MetricBuilder#reads}). A kind may also be a part of a record
   * kept in a file of its own: {@code StageChange} for stage conversion, which reads the deals'
   * stage histories (deal_stages.csv); such a part is never a record of a query by itself.
   *
   * @return the record classes, at least one
   */
  default ImmutableSet<Class<?>> recordKinds() {
    return ImmutableSet.of(recordType());
  }

  /**
   * Tells whether the metric reads {@code record}: whether it is an instance of one of the {@link
   * #recordKinds()}.
   *
   * @param record any record
   * @return true when the metric reads it
   */
  default boolean reads(Object record) {
    checkNotNull(record, "record");
    for (Class<?> kind : recordKinds()) {
      if (kind.isInstance(record)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns how records fall into periods.
   *
   * @return the placement
   */
  Placement<T> placement();

  /**
   * Tells whether the metric can only be computed over a period (pipeline at the period start,
   * churn over the period, growth against the previous period).
   *
   * @return true when a window without a period is refused
   */
  boolean needsPeriod();

  /**
   * Creates an empty accumulator over {@code window}, seeing records as they are given. Callers
   * use {@link #accumulator(Window)}, which also applies the window's as-of instant.
   *
   * @param window the period and as-of instant
   * @return a new accumulator
   */
  MetricAccumulator<T, R> newAccumulator(Window window);

  /**
   * Creates an empty accumulator over {@code window}. When the window has an as-of instant
   * {@code t}, each {@link SalesRecord} is first replaced by {@link SalesRecord#asOf(java.time.Instant)
   * its state at t} (and dropped if it did not exist yet); other record types are taken as given.
   *
   * @param window the period and as-of instant
   * @return a new accumulator
   * @throws IllegalArgumentException if the metric needs a period and the window has none
   */
  default MetricAccumulator<T, R> accumulator(Window window) {
    checkNotNull(window, "window");
    if (needsPeriod()) {
      window.requirePeriod(id());
    }
    MetricAccumulator<T, R> inner = newAccumulator(window);
    return window.asOf() == null ? inner : new AsOfAccumulator<>(inner, window.asOf());
  }

  /**
   * Creates an empty accumulator over all time.
   *
   * @return a new accumulator
   * @throws IllegalArgumentException if the metric needs a period
   */
  default MetricAccumulator<T, R> accumulator() {
    return accumulator(Window.all());
  }

  /**
   * Computes the metric over {@code records} in {@code window}.
   *
   * @param records the records, in any order
   * @param window the period and as-of instant
   * @return the value with this metric's id
   * @throws IllegalArgumentException if the metric needs a period and the window has none
   */
  default MetricResult<R> compute(Iterable<? extends T> records, Window window) {
    MetricAccumulator<T, R> acc = accumulator(window);
    for (T r : records) {
      acc.add(r);
    }
    return new MetricResult<>(id(), window, acc.result());
  }

  /**
   * Computes the metric over {@code records} over all time.
   *
   * @param records the records, in any order
   * @return the value with this metric's id
   * @throws IllegalArgumentException if the metric needs a period
   */
  default MetricResult<R> compute(Iterable<? extends T> records) {
    return compute(records, Window.all());
  }

  /**
   * Returns a collector computing the metric over {@code window}; parallel streams merge
   * accumulators.
   *
   * @param window the period and as-of instant
   * @return the collector
   * @throws IllegalArgumentException if the metric needs a period and the window has none
   */
  default Collector<T, ?, MetricResult<R>> collector(Window window) {
    checkNotNull(window, "window");
    if (needsPeriod()) {
      window.requirePeriod(id());
    }
    return Collector.<T, MetricAccumulator<T, R>, MetricResult<R>>of(
        () -> accumulator(window),
        MetricAccumulator::add,
        (a, b) -> {
          a.merge(b);
          return a;
        },
        a -> new MetricResult<>(id(), window, a.result()));
  }

  /**
   * Returns a collector computing the metric over all time.
   *
   * @return the collector
   * @throws IllegalArgumentException if the metric needs a period
   */
  default Collector<T, ?, MetricResult<R>> collector() {
    return collector(Window.all());
  }

  /**
   * Starts the definition of a custom metric, which then works everywhere a built-in one does.
   *
   * <pre>{@code
   * // Mean amount of won deals over 10,000 USD, placed by close date.
   * Metric<Deal, MoneyStats> bigDeals = Metric.builder("big_deal_size", Deal.class)
   *     .description("mean amount of won deals of at least 10,000 in the period")
   *     .unit(MetricUnit.MONEY)
   *     .placedAt("closed_at", Deal::closedAt)
   *     .accumulate(
   *         window -> new MoneyStatsAccumulator(),
   *         (acc, deal, window) -> {
   *           if (deal.status() == DealStatus.WON && window.contains(deal.closedAt())
   *               && deal.amount().minorUnits() >= 1_000_000) {
   *             acc.add(deal.amount());
   *           }
   *         },
   *         (acc, other) -> acc.addAll(other.snapshot()),
   *         MoneyStatsAccumulator::snapshot);
   * }</pre>
   *
   * @param id the stable id, lowercase snake_case with optional dotted variant suffix
   * @param recordType the type of record read
   * @param <T> the record type
   * @return a builder
   * @throws IllegalArgumentException if the id is not lowercase snake_case
   */
  static <T> MetricBuilder<T> builder(String id, Class<T> recordType) {
    return new MetricBuilder<>(id, recordType);
  }
}
