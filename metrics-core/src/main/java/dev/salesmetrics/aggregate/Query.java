package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Iterables;
import com.google.common.collect.Range;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * A query over records: optional filters, grouping by dimensions, and any number of metrics, all
 * computed in one pass over the input.
 *
 * <pre>{@code
 * MetricTable t = Query.of(deals)
 *     .filter(Deal.class, d -> d.hasAmount() && d.amount().minorUnits() > 0)
 *     .groupBy(Dimension.REP, Dimension.month(ZoneId.of("Europe/Paris")))
 *     .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE)
 *     .run();
 * t.print();
 * }</pre>
 *
 * <p><b>Routing.</b> Each record goes to every metric that reads its kind ({@link
 * Metric#recordKinds()}: deals and quotas for quota attainment, deals alone for win rate), in the
 * group given by its dimension values; a record of another kind never reaches the metric and
 * never makes a group for it. With a period dimension, a record of a
 * <em>placed</em> metric goes to the one period containing the metric's placing instant (a record
 * without that instant, such as an open deal for win rate, belongs to no period and is skipped
 * for that metric); a record of a <em>spanning</em> metric (churn, pipeline at the period start)
 * is offered to every period of the query's range, which such a query must give with {@link
 * #periods(LocalDate, LocalDate)} or {@link #periods(List)}, and the metric's accumulator decides
 * whether it counts. Without a period dimension every metric sees one window: all time, or the
 * {@link #during(Period)} period. A range given with {@code periods} also limits placed records to
 * those periods.
 *
 * <p><b>Groups.</b> A group (and period) appears for a metric when at least one record routed to
 * that metric falls in it, even if the metric then ignores it (a group whose deals are all open
 * shows an undefined win rate when not grouped by period). A spanning metric therefore has a row
 * in every period of the range for every group that has one of its records. See {@link Dimension}
 * for missing values ({@value Dimension#NONE}) and product splitting.
 *
 * <p><b>Kinds of record.</b> A metric needs every kind of record it reads: when the input holds
 * records but none of one of those kinds ({@code Query.of(deals)} with quota attainment, which
 * also reads quotas), the table's {@link MetricTable#notes()} say which records are missing, and
 * {@code print()} shows it. To mix kinds, pass several lists, {@code Query.of(deals, quotas)}, or
 * a whole data set, {@code Query.of(data.records())}.
 *
 * <p><b>As-of.</b> With {@link #asOf(Instant)} each record is first replaced by its state as
 * known at that instant (records that did not exist yet are skipped); periods and filters see that
 * state.
 *
 * <p><b>Errors.</b> An overflow ({@link ArithmeticException}), a currency mismatch ({@link
 * dev.salesmetrics.model.CurrencyMismatchException}) or an instant too near the ends of time to
 * lie in a period ({@link java.time.DateTimeException}) keeps its type, and its message names the
 * metric, the group and period, and the record being added ({@code "long overflow in metric
 * sales_volume, group rep=R1, period 2024-03, at deal D2"}), or the step that failed (adding up
 * the parts of a parallel run, computing the result).
 *
 * <p><b>Parallel.</b> {@link #runParallel(Executor)} splits the input into chunks, accumulates each
 * on its own, and merges the accumulators in chunk order; since merge is exact, the table equals
 * {@link #run()}'s. A query is immutable: every method returns a new query, so one query may be
 * run many times and from many threads, as long as its input is not modified meanwhile.
 */
public final class Query {
  private static final int MIN_CHUNK = 2048;
  private static final int COLUMN_CHUNK = 1 << 15;

  private final Iterable<? extends SalesRecord> records;
  @Nullable private final ColumnStore columns;
  private final ImmutableList<Dimension> groupBy;
  private final ImmutableList<Metric<?, ?>> metrics;
  private final Predicate<? super SalesRecord> filter;
  @Nullable private final ImmutableList<Period> range;
  @Nullable private final Period during;
  @Nullable private final Instant asOf;

  private Query(
      Iterable<? extends SalesRecord> records,
      @Nullable ColumnStore columns,
      ImmutableList<Dimension> groupBy,
      ImmutableList<Metric<?, ?>> metrics,
      Predicate<? super SalesRecord> filter,
      @Nullable ImmutableList<Period> range,
      @Nullable Period during,
      @Nullable Instant asOf) {
    this.records = records;
    this.columns = columns;
    this.groupBy = groupBy;
    this.metrics = metrics;
    this.filter = filter;
    this.range = range;
    this.during = during;
    this.asOf = asOf;
  }

  /**
   * Starts a query over {@code records}, which may mix kinds (deals, quotas, reps...). The records
   * are read when the query runs, not copied.
   *
   * @param records the input
   * @return a query with no grouping and no metric yet
   */
  public static Query of(Iterable<? extends SalesRecord> records) {
    checkNotNull(records, "records");
    if (records instanceof ColumnStore store) {
      return of(store);
    }
    return new Query(
        records,
        null,
        ImmutableList.of(),
        ImmutableList.of(),
        Plan.ACCEPT_ALL,
        null,
        null,
        null);
  }

  /**
   * Starts a query over a column store, which runs on the columnar engine: every metric with a
   * kernel is fed straight from the columns, without an object per row, and the table is the one
   * a query over the same records gives. A metric without a kernel, a filter, an as-of instant or
   * a custom dimension make the query read the store's rows as records (see {@link ColumnStore}).
   *
   * @param store the columns
   * @return a query with no grouping and no metric yet
   */
  public static Query of(ColumnStore store) {
    checkNotNull(store, "store");
    return new Query(
        store, store, ImmutableList.of(), ImmutableList.of(), Plan.ACCEPT_ALL, null, null, null);
  }

  /**
   * Starts a query over the records of several lists, in order, which may be of different kinds:
   * {@code Query.of(deals, quotas)}. The lists are read when the query runs, not copied.
   *
   * @param first the first records
   * @param more more records, of any kind
   * @return a query with no grouping and no metric yet
   */
  @SafeVarargs
  public static Query of(
      Iterable<? extends SalesRecord> first, Iterable<? extends SalesRecord>... more) {
    checkNotNull(first, "first");
    checkNotNull(more, "more");
    List<Iterable<? extends SalesRecord>> parts = new ArrayList<>();
    parts.add(first);
    for (Iterable<? extends SalesRecord> m : more) {
      parts.add(checkNotNull(m, "records"));
    }
    return of(Iterables.concat(parts));
  }

  /**
   * Keeps only the records that {@code predicate} accepts (in addition to earlier filters).
   *
   * @param predicate the condition
   * @return the narrower query
   */
  public Query filter(Predicate<? super SalesRecord> predicate) {
    checkNotNull(predicate, "predicate");
    Predicate<? super SalesRecord> before = filter;
    Predicate<SalesRecord> both = r -> before.test(r) && predicate.test(r);
    return new Query(records, columns, groupBy, metrics, both, range, during, asOf);
  }

  /**
   * Keeps the records of {@code type} that {@code predicate} accepts; records of other types pass.
   *
   * @param type the record type the condition applies to, e.g. {@code Deal.class}
   * @param predicate the condition
   * @param <T> the record type
   * @return the narrower query
   */
  public <T extends SalesRecord> Query filter(Class<T> type, Predicate<? super T> predicate) {
    checkNotNull(type, "type");
    checkNotNull(predicate, "predicate");
    return filter(r -> !type.isInstance(r) || predicate.test(type.cast(r)));
  }

  /**
   * Groups by {@code dimensions}, in this order (which is also the sort order of the table).
   *
   * @param dimensions distinct dimensions, at most one of them a period dimension
   * @return the grouped query
   */
  public Query groupBy(Dimension... dimensions) {
    return new Query(
        records,
        columns,
        ImmutableList.copyOf(dimensions),
        metrics,
        filter,
        range,
        during,
        asOf);
  }

  /**
   * Computes {@code metrics}, one column each, in this order.
   *
   * @param metrics metrics with distinct ids
   * @return the query with these metrics
   */
  public Query metrics(Metric<?, ?>... metrics) {
    return new Query(
        records,
        columns,
        groupBy,
        ImmutableList.copyOf(metrics),
        filter,
        range,
        during,
        asOf);
  }

  /**
   * Computes {@code metrics}, one column each, in this order.
   *
   * @param metrics metrics with distinct ids
   * @return the query with these metrics
   */
  public Query metrics(List<? extends Metric<?, ?>> metrics) {
    return new Query(
        records,
        columns,
        groupBy,
        ImmutableList.copyOf(metrics),
        filter,
        range,
        during,
        asOf);
  }

  /**
   * Limits the periods to those of the period dimension from the one containing {@code from} up
   * to the one before {@code toExclusive}'s, dates read in the dimension's zone; spanning metrics
   * are computed for each of them.
   *
   * @param from the first day
   * @param toExclusive the day after the last
   * @return the query with a period range
   * @throws IllegalStateException if the query has no period dimension yet (call {@code groupBy}
   *     first)
   */
  public Query periods(LocalDate from, LocalDate toExclusive) {
    checkNotNull(from, "from");
    checkNotNull(toExclusive, "toExclusive");
    Dimension d =
        groupBy.stream()
            .filter(Dimension::isPeriod)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "periods(from, to) needs a period dimension: call groupBy(...) first"));
    List<Period> covering =
        Period.covering(
            from.atStartOfDay(d.zone()).toInstant(),
            toExclusive.atStartOfDay(d.zone()).toInstant(),
            d.granularity().orElseThrow(),
            d.zone(),
            d.fiscal());
    return periods(covering);
  }

  /**
   * Limits the periods to {@code periods}, which must be periods of the period dimension; spanning
   * metrics are computed for each of them.
   *
   * @param periods distinct periods
   * @return the query with a period range
   */
  public Query periods(List<Period> periods) {
    return new Query(
        records,
        columns,
        groupBy,
        metrics,
        filter,
        ImmutableList.copyOf(periods),
        during,
        asOf);
  }

  /**
   * Computes every metric over {@code period}, without a period dimension (one row per group).
   *
   * @param period the period
   * @return the query over that window
   */
  public Query during(Period period) {
    return new Query(
        records,
        columns,
        groupBy,
        metrics,
        filter,
        range,
        checkNotNull(period,
        "period"),
        asOf);
  }

  /**
   * Sees every record as known at {@code t}.
   *
   * @param t the instant the data is known at
   * @return the query as of {@code t}
   */
  public Query asOf(Instant t) {
    return new Query(
        records,
        columns,
        groupBy,
        metrics,
        filter,
        range,
        during,
        checkNotNull(t,
        "asOf"));
  }

  Plan plan() {
    return new Plan(groupBy, metrics, filter, range, during, asOf);
  }

  /**
   * Runs the query on the calling thread.
   *
   * @return the table
   * @throws IllegalStateException if the query has no metric, or a spanning metric has no period
   *     range, or a metric needing a period has none
   * @throws IllegalArgumentException if a metric or dimension is listed twice
   * @throws dev.salesmetrics.model.CurrencyMismatchException if a money metric without converter
   *     meets two currencies in one group; the message names metric, group and record
   * @throws ArithmeticException if a sum overflows; the message names metric, group and record
   * @throws java.time.DateTimeException if a record's instant is too near the ends of time to lie
   *     in a period of the period dimension; the message names the record and its field
   */
  public MetricTable run() {
    Plan plan = plan();
    if (columns != null && ColumnarEngine.supports(plan)) {
      return new ColumnarEngine(plan, columns).run(null, 1).withNotes(notes());
    }
    Cells cells = plan.newCells();
    for (SalesRecord r : records) {
      cells.add(r);
    }
    return plan.toTable(cells.store).withNotes(notes());
  }

  /**
   * Runs the query on the common fork-join pool; same result as {@link #run()}.
   *
   * @return the table
   * @throws IllegalStateException as {@link #run()}
   * @throws IllegalArgumentException as {@link #run()}
   */
  public MetricTable runParallel() {
    return runParallel(ForkJoinPool.commonPool());
  }

  /**
   * Runs the query in chunks on {@code executor} and merges the chunks' cells in chunk order;
   * same result as {@link #run()}. The input is copied to a list first unless it is one.
   *
   * @param executor runs the chunks; the calling thread waits for them
   * @return the table
   * @throws IllegalStateException as {@link #run()}
   * @throws IllegalArgumentException as {@link #run()}
   * @throws RuntimeException the first exception a chunk threw (currency mismatch, overflow)
   */
  public MetricTable runParallel(Executor executor) {
    checkNotNull(executor, "executor");
    int threads =
        executor instanceof ForkJoinPool pool
            ? pool.getParallelism()
            : Math.max(1, Runtime.getRuntime().availableProcessors());
    if (columns != null && ColumnarEngine.supports(plan())) {
      return runParallel(executor, threads, COLUMN_CHUNK);
    }
    return runParallel(executor, threads * 4, MIN_CHUNK);
  }

  /** Runs in at most {@code maxChunks} chunks of at least {@code minChunk} records. */
  MetricTable runParallel(Executor executor, int maxChunks, int minChunk) {
    checkNotNull(executor, "executor");
    Plan plan = plan();
    if (columns != null && ColumnarEngine.supports(plan)) {
      return new ColumnarEngine(plan, columns).run(executor, maxChunks, minChunk).withNotes(notes());
    }
    List<? extends SalesRecord> list = asList(records);
    int chunks = Math.max(1, Math.min(maxChunks, list.size() / minChunk));
    Cells merged =
        Chunks.run(
            executor,
            chunks,
            c -> {
              Cells cells = plan.newCells();
              cells.addAll(
                  list, Chunks.from(list.size(), c, chunks), Chunks.from(list.size(), c + 1, chunks));
              return cells;
            },
            Cells::mergeFrom);
    return plan.toTable(merged.store).withNotes(notes());
  }

  /**
   * Starts a fold of this query: its cells, empty, to which column stores are added one after
   * another ({@link Fold#add}), each run on the columnar engine and merged into the cells, so
   * that the memory held grows with the groups and periods, not with the rows added. The table
   * ({@link Fold#table()}) equals that of the query over one store holding every part; the store
   * this query was started on is not read. {@link dev.salesmetrics.io.Dataset#stream} folds
   * deals.csv chunk by chunk this way.
   *
   * <p>Only a query the columnar engine runs by kernels alone folds: every metric has a kernel
   * ({@link Metric#kernel()}) and is placed by one instant (not {@linkplain
   * dev.salesmetrics.metric.Placement#isSpanning() spanning}); every dimension is a built-in one
   * whose value comes from a row's own columns (rep, team, region, product, customer, campaign,
   * source, a period); no filter and no as-of instant.
   *
   * @return an empty fold
   * @throws IllegalArgumentException naming the metric, dimension, filter or as-of instant that
   *     keeps the query from folding, and why; or as {@link #run()}
   * @throws IllegalStateException as {@link #run()}
   */
  public Fold fold() {
    Plan plan = plan();
    if (plan.filter != Plan.ACCEPT_ALL) {
      throw new IllegalArgumentException(
          "a query with a filter cannot fold: the filter reads records, not columns");
    }
    if (plan.asOf != null) {
      throw new IllegalArgumentException(
          "a query as of " + plan.asOf + " cannot fold: as-of reads records, not columns");
    }
    for (Dimension d : plan.dimensions) {
      if (!d.isColumnar()) {
        throw new IllegalArgumentException(
            "dimension " + d.id() + " cannot fold: its value is not read from a row's columns");
      }
    }
    for (int m = 0; m < plan.metrics.size(); m++) {
      Metric<?, ?> metric = plan.metrics.get(m);
      if (plan.kernels[m] == null) {
        throw new IllegalArgumentException(
            "metric " + metric.id() + " cannot fold: it has no kernel (its state is not a fixed"
                + " set of numbers)");
      }
      if (metric.placement().isSpanning()) {
        throw new IllegalArgumentException(
            "metric " + metric.id() + " cannot fold: it spans periods instead of being placed by"
                + " one instant");
      }
    }
    return new Fold(plan);
  }

  /**
   * The cells of a query that column stores are added to one after another ({@link
   * Query#fold()}). Not thread-safe: add from one thread at a time.
   */
  public static final class Fold {
    private final Plan plan;
    private final CellStore cells;
    private final long[] counts = new long[5];
    private final List<SalesRecord> otherKinds = new ArrayList<>();
    @Nullable private Instant earliest;
    @Nullable private Instant latest;

    private Fold(Plan plan) {
      this.plan = plan;
      this.cells = CellStore.dynamic(plan, Keys.chained(plan));
    }

    /**
     * Runs the query over {@code part} on {@code executor} (in up to {@code threads} chunks) and
     * adds its cells to the fold's. The fold keeps no reference to {@code part}.
     *
     * @param part the rows to add
     * @param executor runs the chunks; the calling thread waits for them
     * @param threads the most chunks, at least 1
     * @throws dev.salesmetrics.model.CurrencyMismatchException if a money metric without converter
     *     meets two currencies in one group, within {@code part} (the message names the record) or
     *     between parts (it names the step "adding up the parts of a fold"); the fold must then
     *     not be used again
     * @throws ArithmeticException if a sum overflows, likewise
     * @throws java.time.DateTimeException as {@link Query#run()}
     */
    public void add(ColumnStore part, Executor executor, int threads) {
      checkNotNull(part, "part");
      checkNotNull(executor, "executor");
      checkArgument(threads >= 1, "threads must be >= 1 but is %s", threads);
      CellStore c = new ColumnarEngine(plan, part).cells(executor, threads, COLUMN_CHUNK);
      cells.mergeFrom(c, "adding up the parts of a fold");
      long[] n = RecordKinds.counts(part);
      for (int i = 0; i < n.length; i++) {
        counts[i] += n[i];
      }
      part.instantSpan()
          .ifPresent(
              r -> {
                if (earliest == null || r.lowerEndpoint().isBefore(earliest)) {
                  earliest = r.lowerEndpoint();
                }
                if (latest == null || r.upperEndpoint().isAfter(latest)) {
                  latest = r.upperEndpoint();
                }
              });
      for (SalesRecord r : part.others()) {
        if (otherKinds.stream().noneMatch(o -> o.getClass() == r.getClass())) {
          otherKinds.add(r);
        }
      }
    }

    /**
     * Returns the earliest and latest instant of the rows added so far, as {@link
     * ColumnStore#instantSpan()} of one store holding every part.
     *
     * @return the closed range, or empty when no row added holds an instant
     */
    public Optional<Range<Instant>> instantSpan() {
      return earliest == null || latest == null
          ? Optional.empty()
          : Optional.of(Range.closed(earliest, latest));
    }

    /**
     * Returns the table of the parts added so far, with the notes a query over all of them gives.
     *
     * @return the table
     * @throws ArithmeticException if a result cannot be computed (as {@link Query#run()})
     */
    public MetricTable table() {
      return plan.toTable(cells).withNotes(RecordKinds.notes(counts, otherKinds, plan.metrics));
    }
  }

  /** The notes on kinds of record the metrics read that the input lacks ({@link RecordKinds}). */
  private ImmutableMap<String, String> notes() {
    return columns != null
        ? RecordKinds.notes(columns, metrics)
        : RecordKinds.notes(records, metrics);
  }

  private static List<? extends SalesRecord> asList(Iterable<? extends SalesRecord> records) {
    if (records instanceof List<? extends SalesRecord> list && list instanceof RandomAccess) {
      return list;
    }
    List<SalesRecord> copy = new ArrayList<>();
    for (SalesRecord r : records) {
      copy.add(r);
    }
    return copy;
  }

  /**
   * Formats as the grouping and metric ids.
   *
   * @return e.g. {@code "Query[groupBy=[rep, period(month, UTC)], metrics=[win_rate]]"}
   */
  @Override
  public String toString() {
    List<String> ids = new ArrayList<>();
    for (Metric<?, ?> m : metrics) {
      ids.add(m.id());
    }
    return "Query[groupBy=" + groupBy + ", metrics=" + ids + "]";
  }
}
