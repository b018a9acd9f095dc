package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.metric.BaseMetric.Info;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.model.SurveyResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Builds a {@link Metric}: from a {@link Kernel} ({@link #kernel}) when its state is a fixed set of
 * numbers, which every engine then runs at full speed, or else from an accumulator state and four
 * functions ({@link #accumulate}), the way {@link java.util.stream.Collector#of} builds a
 * collector. Start with {@link Metric#builder}.
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
  @Nullable private String displayName;
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
   * Sets the name shown in sentences, alerts and reports (default: made from the id, see {@link
   * Metric#displayName()}).
   *
   * @param displayName e.g. {@code "Big deal size"}
   * @return this builder
   * @throws IllegalArgumentException if blank
   */
  @CanIgnoreReturnValue
  public MetricBuilder<T> displayName(String displayName) {
    checkNotNull(displayName, "displayName");
    if (displayName.isBlank()) {
      throw new IllegalArgumentException("display name of metric " + id + " must not be blank");
    }
    this.displayName = displayName;
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
   * <p>A metric that reads a part of its records kept in a file of its own names it too: {@code
   * reads(Deal.class, StageChange.class)} for a metric of the deals' stage histories, so that
   * tools load deal_stages.csv for it (see {@link Metric#recordKinds()}).
   *
   * @param kinds one or more subtypes of the record type, or {@code StageChange}
   * @return this builder
   * @throws IllegalArgumentException if no kind is given, or a kind is neither a subtype of the
   *     record type nor {@code StageChange}
   */
  @CanIgnoreReturnValue
  public MetricBuilder<T> reads(Class<?>... kinds) {
    checkNotNull(kinds, "kinds");
    if (kinds.length == 0) {
      throw new IllegalArgumentException("metric " + id + " must read at least one kind of record");
    }
    ImmutableSet.Builder<Class<?>> b = ImmutableSet.builder();
    for (Class<?> k : kinds) {
      checkNotNull(k, "kind");
      if (!recordType.isAssignableFrom(k) && k != StageChange.class) {
        throw new IllegalArgumentException(
            "metric " + id + " of " + recordType.getSimpleName() + " records cannot read "
                + k.getSimpleName() + ": a kind must be a subtype of the record type");
      }
      b.add(k);
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
    return new DefinedMetric<>(
        info(),
        checkNotNull(newState, "newState"),
        checkNotNull(add, "add"),
        checkNotNull(merge, "merge"),
        checkNotNull(result, "result"));
  }

  /**
   * Finishes the metric with a kernel: its state as a fixed set of {@code long} slots, one update
   * per row and a result (see {@link Kernel}). Queries over records or over a column store and
   * live views then run the kernel on flat arrays of slots, and the metric's own accumulator is
   * derived from it, so the metric has one definition on every engine.
   *
   * <p>The kernel's row view must be that of the record type ({@link DealRow} for {@code Deal},
   * {@link OrderRow} for {@code Order}, {@link LeadRow} for {@code Lead}, {@link CustomerRow} for
   * {@code Customer}, {@link ResponseRow} for {@code SurveyResponse}). A placed kernel metric must
   * be placed by an instant of its record, named as in the CSV files ({@code created_at} or {@code
   * closed_at} of a deal, {@code placed_at} of an order, {@code created_at}, {@code
   * first_contact_at} or {@code converted_at} of a lead, {@code signed_up_at}, {@code
   * activated_at} or {@code cancelled_at} of a customer, {@code responded_at} of a response): the
   * engines route rows by that field, and the function given to {@code placedAt} is replaced by
   * the field's accessor. The update then sees only rows whose instant lies in the window.
   *
   * <pre>{@code
   * // of the deals closed in the period, the fraction won at 10,000.00 or more
   * Metric<Deal, Ratio> bigWins = Metric.builder("big_win_rate", Deal.class)
   *     .unit(MetricUnit.RATIO)
   *     .placedAt("closed_at", Deal::closedAt)
   *     .kernel(Kernel.of(
   *         DealRow.class,
   *         List.of(SlotKind.SUM, SlotKind.SUM),
   *         (deal, slots, window) -> {
   *           slots.countIf(0, deal.won() && deal.amountMinor() >= 1_000_000);
   *           slots.countIf(1, deal.closed());
   *         },
   *         slots -> Ratio.of(slots.get(0), slots.get(1))));
   * }</pre>
   *
   * @param kernel the kernel
   * @param <V> the row view type
   * @param <R> the result type
   * @return the metric
   * @throws IllegalStateException if no placement was given
   * @throws IllegalArgumentException if the row view does not match the record type, or the
   *     placing field is not an instant of the record
   */
  public <V, R extends MetricValue> Metric<T, R> kernel(Kernel<V, R> kernel) {
    checkNotNull(kernel, "kernel");
    Info<T> info = info();
    Class<?> expected = RECORD_OF_ROW.get(kernel.rowType());
    if (!recordType.equals(expected)) {
      throw new IllegalArgumentException(
          "metric " + id + " reads " + recordType.getSimpleName() + " but its kernel reads "
              + kernel.rowType().getSimpleName() + ", the row view of "
              + (expected == null ? "no record" : expected.getSimpleName()));
    }
    Function<? super T, Instant> placing = null;
    if (!info.placement().isSpanning()) {
      String field = info.placement().field();
      @SuppressWarnings("unchecked")
      Function<? super T, Instant> canonical =
          (Function<? super T, Instant>) INSTANTS.get(recordType).get(field);
      if (canonical == null) {
        throw new IllegalArgumentException(
            "kernel metric " + id + " must be placed by an instant of the "
                + recordType.getSimpleName().toLowerCase(Locale.ROOT) + ", one of "
                + INSTANTS.get(recordType).keySet() + ": " + field);
      }
      placing = canonical;
      info =
          new Info<>(
              info.id(), info.description(), info.displayName(), info.unit(),
              info.recordType(), Placement.at(field, canonical), info.needsPeriod(),
              info.recordKinds());
    }
    return new KernelMetric<>(info, kernel, placing, Conversion.NONE, false);
  }

  private Info<T> info() {
    if (placement == null) {
      throw new IllegalStateException(
          "metric " + id + " needs a placement: call placedAt(...) or spanning(...)");
    }
    return new Info<>(
        id,
        description,
        displayName == null ? defaultDisplayName(id) : displayName,
        unit,
        recordType,
        placement,
        needsPeriod,
        kinds != null ? kinds : ImmutableSet.<Class<?>>of(recordType));
  }

  /**
   * The display name made from an id: underscores as spaces, the first letter upper case, a
   * variant suffix in parentheses ({@code win_rate.all_created} reads "Win rate (all created)").
   */
  static String defaultDisplayName(String metricId) {
    String base = metricId;
    String variant = "";
    int dot = metricId.indexOf('.');
    if (dot > 0) {
      base = metricId.substring(0, dot);
      variant = " (" + metricId.substring(dot + 1).replace('_', ' ').replace('.', ' ') + ")";
    }
    String words = base.replace('_', ' ');
    if (words.isEmpty()) {
      return metricId;
    }
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1) + variant;
  }

  private static final ImmutableMap<Class<?>, Class<?>> RECORD_OF_ROW =
      ImmutableMap.of(
          DealRow.class, Deal.class,
          OrderRow.class, Order.class,
          LeadRow.class, Lead.class,
          CustomerRow.class, Customer.class,
          ResponseRow.class, SurveyResponse.class);

  /** The instants a kernel metric of each record type may be placed by, with their accessors. */
  private static final ImmutableMap<Class<?>, ImmutableMap<String, Function<?, Instant>>> INSTANTS =
      ImmutableMap.of(
          Deal.class,
          ImmutableMap.<String, Function<?, Instant>>of(
              "created_at", (Function<Deal, Instant>) Deal::createdAt,
              "closed_at", (Function<Deal, Instant>) Deal::closedAt),
          Order.class,
          ImmutableMap.<String, Function<?, Instant>>of(
              "placed_at", (Function<Order, Instant>) Order::placedAt),
          Lead.class,
          ImmutableMap.<String, Function<?, Instant>>of(
              "created_at", (Function<Lead, Instant>) Lead::createdAt,
              "first_contact_at", (Function<Lead, Instant>) Lead::firstContactAt,
              "converted_at", (Function<Lead, Instant>) Lead::convertedAt),
          Customer.class,
          ImmutableMap.<String, Function<?, Instant>>of(
              "signed_up_at", (Function<Customer, Instant>) Customer::signedUpAt,
              "activated_at", (Function<Customer, Instant>) Customer::activatedAt,
              "cancelled_at", (Function<Customer, Instant>) Customer::cancelledAt),
          SurveyResponse.class,
          ImmutableMap.<String, Function<?, Instant>>of(
              "responded_at", (Function<SurveyResponse, Instant>) SurveyResponse::respondedAt));

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
