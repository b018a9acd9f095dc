package dev.salesmetrics.spark;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.TidyRow;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.ValueCodec;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.time.Period;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The counterpart of {@link dev.salesmetrics.aggregate.Query} on Spark: records in DataFrames of
 * the interchange schema ({@link SalesFrames}), grouped by the same dimensions and periods,
 * computed with the catalogue's own metrics, returned as the same {@link MetricTable} (or its tidy
 * rows as a DataFrame, the layout of {@code salesmetrics compute --format csv}).
 *
 * <pre>{@code
 * MetricTable t = SparkQuery.of(SalesFrames.read(spark, "data"))
 *     .groupBy(Dimension.team(RepDirectory.empty()), Dimension.quarter(ZoneId.of("Europe/Paris")))
 *     .metrics(Metrics.WIN_RATE, Metrics.SALES_VOLUME, Metrics.CHURN_RATE)
 *     .periods(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))
 *     .run();
 * t.print();
 * }</pre>
 *
 * <p><b>Rows.</b> Each row of a frame is read by the file parser of its kind ({@code
 * dev.salesmetrics.io.RecordParser}): the same checks and messages as loading the CSV file,
 * except that a DataFrame has no line numbers, so a bad row is named by its file and id ({@code
 * deals.csv: row with deal_id D7: column amount: "12.505": amount 12.505 has more than 2 fraction
 * digits allowed for USD}). The first bad row fails the query (strict loading); filter the frames
 * first to leave rows out. Text columns are read as written; typed columns ({@code TIMESTAMP},
 * {@code DATE}, numbers) as their interchange text. Ids repeated across rows are not detected.
 *
 * <p><b>Grouping</b> is by the core's {@link Dimension}s: {@code rep}, {@code product}, {@code
 * customer}, {@code team} and {@code region} (looked up in the reps frame, whatever directory the
 * given dimension holds), {@code campaign} and {@code source} (looked up in the leads frame), and
 * one period dimension (any granularity, zone and fiscal calendar), with the routing rules of
 * {@code Query}: a placed metric's record goes to the period of its placing instant, a spanning
 * metric's to every period of the range, missing values to {@value Dimension#NONE}. Custom
 * dimensions ({@code Dimension.of}) and filters do not run on Spark.
 *
 * <p><b>Metrics</b> are the catalogue's ({@code Metrics.all()}), found by id on every executor;
 * {@code stage_conversion} is refused (the query does not read deal_stages.csv). A kernel metric
 * keeps its slots per group and period (partial aggregation in each task, then one merge); any
 * other keeps its records, replayed into the metric's accumulator once per group and period.
 * Values are computed on the executors; only the table comes back to the driver.
 *
 * <p>Immutable: every method returns a new query.
 */
public final class SparkQuery {
  private final SalesFrames data;
  private final ImmutableList<Dimension> groupBy;
  private final ImmutableList<Metric<?, ?>> metrics;
  @Nullable private final ImmutableList<Period> range;
  @Nullable private final Period during;
  @Nullable private final ZoneId csvZone;

  private SparkQuery(
      SalesFrames data,
      ImmutableList<Dimension> groupBy,
      ImmutableList<Metric<?, ?>> metrics,
      @Nullable ImmutableList<Period> range,
      @Nullable Period during,
      @Nullable ZoneId csvZone) {
    this.data = data;
    this.groupBy = groupBy;
    this.metrics = metrics;
    this.range = range;
    this.during = during;
    this.csvZone = csvZone;
  }

  /**
   * Starts a query over the frames.
   *
   * @param data the records
   * @return a query with no grouping and no metric yet
   */
  public static SparkQuery of(SalesFrames data) {
    return new SparkQuery(
        checkNotNull(data, "data"), ImmutableList.of(), ImmutableList.of(), null, null, null);
  }

  /**
   * Groups by {@code dimensions}, in this order.
   *
   * @param dimensions distinct dimensions, at most one of them a period dimension
   * @return the grouped query
   */
  public SparkQuery groupBy(Dimension... dimensions) {
    return new SparkQuery(
        data, ImmutableList.copyOf(dimensions), metrics, range, during, csvZone);
  }

  /**
   * Computes {@code metrics}, one column each, in this order.
   *
   * @param metrics catalogue metrics with distinct ids
   * @return the query with these metrics
   */
  public SparkQuery metrics(Metric<?, ?>... metrics) {
    return metrics(List.of(metrics));
  }

  /**
   * Computes {@code metrics}, one column each, in this order.
   *
   * @param metrics catalogue metrics with distinct ids
   * @return the query with these metrics
   */
  public SparkQuery metrics(List<? extends Metric<?, ?>> metrics) {
    return new SparkQuery(
        data, groupBy, ImmutableList.copyOf(metrics), range, during, csvZone);
  }

  /**
   * Limits the periods to those of the period dimension from the one containing {@code from} up
   * to the one before {@code toExclusive}'s, as {@code Query.periods(from, to)}.
   *
   * @param from the first day
   * @param toExclusive the day after the last
   * @return the query with a period range
   * @throws IllegalStateException if the query has no period dimension yet
   */
  public SparkQuery periods(LocalDate from, LocalDate toExclusive) {
    Dimension d = periodDimension();
    if (d == null) {
      throw new IllegalStateException(
          "periods(from, to) needs a period dimension: call groupBy(...) first");
    }
    return periods(
        Period.covering(
            from.atStartOfDay(d.zone()).toInstant(),
            toExclusive.atStartOfDay(d.zone()).toInstant(),
            d.granularity().orElseThrow(),
            d.zone(),
            d.fiscal()));
  }

  /**
   * Limits the periods to {@code periods}, periods of the period dimension.
   *
   * @param periods distinct periods
   * @return the query with a period range
   */
  public SparkQuery periods(List<Period> periods) {
    return new SparkQuery(
        data, groupBy, metrics, ImmutableList.copyOf(periods), during, csvZone);
  }

  /**
   * Computes every metric over {@code period}, without a period dimension.
   *
   * @param period the period
   * @return the query over that window
   */
  public SparkQuery during(Period period) {
    return new SparkQuery(
        data, groupBy, metrics, range, checkNotNull(period, "period"), csvZone);
  }

  /**
   * Reads local date-times without an offset in {@code zone}, as {@code
   * CsvOptions.withZone(zone)} does for files (quota and campaign dates too).
   *
   * @param zone the zone
   * @return the query reading its frames in that zone
   */
  public SparkQuery zone(ZoneId zone) {
    return new SparkQuery(data, groupBy, metrics, range, during, checkNotNull(zone, "zone"));
  }

  @Nullable
  private Dimension periodDimension() {
    for (Dimension d : groupBy) {
      if (d.isPeriod()) {
        return d;
      }
    }
    return null;
  }

  /**
   * Runs the query on the frames' session.
   *
   * @return the table, equal to {@code Query}'s over the same records
   * @throws IllegalStateException if there is no metric, or a spanning metric has no range
   * @throws IllegalArgumentException if a metric or dimension cannot run on Spark, is listed
   *     twice, or a row is bad (the message names file, id, column and value)
   * @throws ArithmeticException if a sum overflows (the message names metric, group and period)
   * @throws dev.salesmetrics.model.CurrencyMismatchException if a group mixes currencies
   */
  public MetricTable run() {
    QueryPlan plan = plan();
    Map<CsvFile, Dataset<Row>> frames = framesFor(plan);
    if (frames.isEmpty()) {
      return MetricTable.of(groupBy, metrics, during, List.of());
    }
    Dataset<CellBean> partial = null;
    for (Map.Entry<CsvFile, Dataset<Row>> e : frames.entrySet()) {
      Dataset<CellBean> part =
          e.getValue()
              .mapPartitions(
                  new PartialCells(plan, e.getKey(), plan.headers.get(e.getKey())),
                  Encoders.bean(CellBean.class));
      partial = partial == null ? part : partial.union(part);
    }
    Dataset<CellBean> done =
        checkNotNull(partial, "partial")
            .groupByKey((MapFunction<CellBean, String>) CellBean::getKey, Encoders.STRING())
            .mapGroups(new FinishCells(plan), Encoders.bean(CellBean.class));
    List<CellBean> cells;
    try {
      cells = done.collectAsList();
    } catch (Exception e) { // Spark's SparkException is a checked exception in Java
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
    }
    return table(plan, cells);
  }

  /**
   * Runs the query and returns its tidy rows as a DataFrame: {@code period_start, period_end,
   * <dimension ids>, metric, value, unit}, all text, one row per {@link TidyRow} of the table,
   * as {@code salesmetrics compute --format csv} writes them (without the spreadsheet escaping
   * of a CSV file).
   *
   * @param spark the session to make the DataFrame in
   * @return the tidy rows
   */
  public Dataset<Row> runTidy(SparkSession spark) {
    MetricTable table = run();
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("period_start", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("period_end", DataTypes.StringType, false));
    for (String d : table.dimensionIds()) {
      fields.add(DataTypes.createStructField(d, DataTypes.StringType, false));
    }
    fields.add(DataTypes.createStructField("metric", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("value", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("unit", DataTypes.StringType, false));
    List<Row> rows = new ArrayList<>();
    for (TidyRow r : table.tidyRows()) {
      List<Object> cells = new ArrayList<>();
      cells.add(r.periodStart());
      cells.add(r.periodEnd());
      cells.addAll(r.dimensions());
      cells.add(r.metric());
      cells.add(r.value());
      cells.add(r.unit());
      rows.add(RowFactory.create(cells.toArray()));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }

  private QueryPlan plan() {
    if (metrics.isEmpty()) {
      throw new IllegalStateException("a query needs at least one metric: call metrics(...)");
    }
    Set<String> ids = new TreeSet<>();
    List<String> metricIds = new ArrayList<>();
    for (Metric<?, ?> m : metrics) {
      if (!ids.add(m.id())) {
        throw new IllegalArgumentException("metric listed twice: " + m.id());
      }
      if (!SparkMetrics.isCatalogue(m)) {
        throw new IllegalArgumentException(
            "metric " + m.id() + " is not the catalogue's: Spark finds a metric by its id on"
                + " every executor, so only the metrics of Metrics.all() run there");
      }
      if (m.recordKinds().contains(StageChange.class)) {
        throw new IllegalArgumentException(
            "metric " + m.id() + " reads the deals' stage history, which SparkQuery does not"
                + " read (deal_stages.csv): compute it with Query");
      }
      metricIds.add(m.id());
    }
    List<String> dimIds = new ArrayList<>();
    Dimension period = null;
    int position = -1;
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < groupBy.size(); i++) {
      Dimension d = groupBy.get(i);
      if (!seen.add(d.id())) {
        throw new IllegalArgumentException("dimension listed twice: " + d.id());
      }
      if (d.isPeriod()) {
        period = d;
        position = i;
      } else if (List.of("rep", "product", "customer", "team", "region", "campaign", "source")
          .contains(d.id())) {
        dimIds.add(d.id());
      } else {
        throw new IllegalArgumentException(
            "dimension " + d.id() + " cannot run on Spark: only rep, product, customer, team,"
                + " region, campaign, source and period dimensions do");
      }
    }
    List<PeriodSpec> rangeSpecs = null;
    if (range != null) {
      if (period == null) {
        throw new IllegalStateException("a period range needs a period dimension");
      }
      rangeSpecs = new ArrayList<>();
      for (Period p : range) {
        rangeSpecs.add(PeriodSpec.of(p));
      }
    }
    EnumMap<CsvFile, ImmutableList<String>> headers = new EnumMap<>(CsvFile.class);
    for (CsvFile f : filesRead()) {
      data.frame(f).ifPresent(df -> headers.put(f, header(df)));
    }
    List<ImmutableList<String>> reps = List.of();
    List<String> repHeader = List.of();
    if (dimIds.contains("team") || dimIds.contains("region")) {
      Dataset<Row> df = data.frame(CsvFile.REPS).orElse(null);
      if (df != null) {
        repHeader = header(df);
        reps = collectText(df);
      }
    }
    List<ImmutableList<String>> leads = List.of();
    List<String> leadHeader = List.of();
    if (dimIds.contains("campaign") || dimIds.contains("source")) {
      Dataset<Row> df = data.frame(CsvFile.LEADS).orElse(null);
      if (df != null) {
        leadHeader = header(df);
        leads = collectText(df);
      }
    }
    return new QueryPlan(
        metricIds,
        dimIds,
        position,
        period == null ? null : period.granularity().orElseThrow().name(),
        period == null ? "UTC" : period.zone().getId(),
        period == null ? 1 : period.fiscal().firstMonth().getValue(),
        rangeSpecs,
        during == null ? null : PeriodSpec.of(during),
        csvZone == null ? null : csvZone.getId(),
        headers,
        reps,
        repHeader,
        leads,
        leadHeader);
  }

  private Set<CsvFile> filesRead() {
    Set<CsvFile> files = new TreeSet<>();
    for (Metric<?, ?> m : metrics) {
      for (Class<?> type : m.recordKinds()) {
        CsvFile f = fileOf(type);
        if (f != null) {
          files.add(f);
        }
      }
    }
    return files;
  }

  @Nullable
  private static CsvFile fileOf(Class<?> type) {
    if (type == Deal.class) {
      return CsvFile.DEALS;
    } else if (type == Order.class) {
      return CsvFile.ORDERS;
    } else if (type == Lead.class) {
      return CsvFile.LEADS;
    } else if (type == Customer.class) {
      return CsvFile.CUSTOMERS;
    } else if (type == SurveyResponse.class) {
      return CsvFile.RESPONSES;
    } else if (type == Rep.class) {
      return CsvFile.REPS;
    } else if (type == Quota.class) {
      return CsvFile.QUOTAS;
    } else if (type == Campaign.class) {
      return CsvFile.CAMPAIGNS;
    }
    return null;
  }

  private Map<CsvFile, Dataset<Row>> framesFor(QueryPlan plan) {
    Map<CsvFile, Dataset<Row>> out = new EnumMap<>(CsvFile.class);
    for (CsvFile f : plan.headers.keySet()) {
      out.put(f, data.frame(f).orElseThrow());
    }
    return out;
  }

  private static ImmutableList<String> header(Dataset<Row> df) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (String c : df.columns()) {
      b.add(c.trim().toLowerCase(Locale.ROOT));
    }
    return b.build();
  }

  private static List<ImmutableList<String>> collectText(Dataset<Row> df) {
    String[] columns = df.columns();
    List<ImmutableList<String>> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      rows.add(PartialCells.text(r, columns));
    }
    return rows;
  }

  private MetricTable table(QueryPlan plan, List<CellBean> cells) {
    QueryPlan.Engine rt = plan.engine();
    List<MetricTable.Row> rows = new ArrayList<>(cells.size());
    int n = plan.dimensionIds.size();
    for (CellBean c : cells) {
      String[] values = QueryPlan.CellKey.values(c.getKey(), n);
      Map<String, String> key = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        key.put(plan.dimensionIds.get(i), values[i]);
      }
      Period p = rt.periodOfKey(QueryPlan.CellKey.start(c.getKey(), n));
      Map<String, MetricValue> valueById = new LinkedHashMap<>();
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(c.getBytes()))) {
        in.readUnsignedByte();
        int count = in.readInt();
        for (int m = 0; m < count; m++) {
          int len = in.readInt();
          if (len < 0) {
            continue;
          }
          byte[] b = new byte[len];
          in.readFully(b);
          valueById.put(plan.metricIds.get(m), ValueCodec.decode(b));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      rows.add(MetricTable.Row.of(GroupKey.of(key), p, valueById));
    }
    return MetricTable.of(groupBy, metrics, during, rows);
  }

  /** The exception a task threw, as it was thrown there, instead of Spark's wrapper. */
  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof ArithmeticException
          || t instanceof IllegalArgumentException
          || t instanceof IllegalStateException
          || t instanceof java.time.DateTimeException) {
        return t;
      }
      t = t.getCause();
    }
    return e;
  }

  /**
   * Formats as the grouping and metric ids.
   *
   * @return e.g. {@code "SparkQuery[groupBy=[rep, period(month, UTC)], metrics=[win_rate]]"}
   */
  @Override
  public String toString() {
    List<String> ids = new ArrayList<>();
    for (Metric<?, ?> m : metrics) {
      ids.add(m.id());
    }
    return "SparkQuery[groupBy=" + groupBy + ", metrics=" + ids + "]";
  }

  /** Parses the rows of one partition and adds them up per cell. */
  static final class PartialCells implements MapPartitionsFunction<Row, CellBean> {
    private static final long serialVersionUID = 1L;

    private final QueryPlan plan;
    private final CsvFile file;
    private final ImmutableList<String> header;

    PartialCells(QueryPlan plan, CsvFile file, ImmutableList<String> header) {
      this.plan = plan;
      this.file = file;
      this.header = header;
    }

    static ImmutableList<String> text(Row r, String[] columns) {
      List<String> cells = new ArrayList<>(columns.length);
      for (int i = 0; i < columns.length; i++) {
        cells.add(
            SparkRows.interchangeText(r.get(i), columns[i].trim().toLowerCase(Locale.ROOT)));
      }
      return ImmutableList.copyOf(nullsAsEmpty(cells));
    }

    private static List<String> nullsAsEmpty(List<String> cells) {
      cells.replaceAll(c -> c == null ? "" : c);
      return cells;
    }

    @Override
    public Iterator<CellBean> call(Iterator<Row> rows) {
      QueryPlan.Engine rt = plan.engine();
      var parser = rt.parsers.get(file);
      String[] columns = header.toArray(new String[0]);
      Map<String, QueryPlan.State[]> cells = new HashMap<>();
      while (rows.hasNext()) {
        List<String> text = text(rows.next(), columns);
        Object record = QueryPlan.Engine.parse(parser, file, text);
        rt.add(cells, file, (dev.salesmetrics.model.SalesRecord) record, text);
      }
      List<CellBean> out = new ArrayList<>(cells.size());
      for (Map.Entry<String, QueryPlan.State[]> e : cells.entrySet()) {
        out.add(new CellBean(e.getKey(), rt.encode(e.getValue())));
      }
      return out.iterator();
    }
  }

  /** Merges the parts of one cell and computes its values. */
  static final class FinishCells implements MapGroupsFunction<String, CellBean, CellBean> {
    private static final long serialVersionUID = 1L;

    private final QueryPlan plan;

    FinishCells(QueryPlan plan) {
      this.plan = plan;
    }

    @Override
    public CellBean call(String key, Iterator<CellBean> parts) {
      QueryPlan.Engine rt = plan.engine();
      int n = plan.dimensionIds.size();
      String[] values = QueryPlan.CellKey.values(key, n);
      Period p = rt.periodOfKey(QueryPlan.CellKey.start(key, n));
      QueryPlan.State[] merged = null;
      while (parts.hasNext()) {
        QueryPlan.State[] states = rt.decode(parts.next().getBytes());
        if (merged == null) {
          merged = states;
        } else {
          rt.merge(merged, states, values, p);
        }
      }
      return new CellBean(key, rt.finish(checkNotNull(merged, "merged"), values, p));
    }
  }
}
