package dev.salesmetrics.spark;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.CsvFormat;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.io.RecordParser;
import dev.salesmetrics.metric.CustomerRow;
import dev.salesmetrics.metric.DealRow;
import dev.salesmetrics.metric.Kernel;
import dev.salesmetrics.metric.LeadRow;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.OrderRow;
import dev.salesmetrics.metric.ResponseRow;
import dev.salesmetrics.metric.Slots;
import dev.salesmetrics.metric.ValueCodec;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.metric.WindowBounds;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A catalogue metric as a Spark {@link Aggregator}: the metric's own definition run over the rows
 * of a group, typed ({@code dataset.select(aggregator.toColumn())}) or as a SQL function ({@link
 * SparkMetrics#register}).
 *
 * <p><b>Input</b>: a row holding the metric's columns ({@link SparkMetrics#columns}), by their
 * interchange names: instants as {@code TIMESTAMP}, amounts as their decimal text, {@code
 * probability} as {@code DOUBLE}, {@code score} as {@code INT}, {@code quantity} as {@code
 * BIGINT}, the rest as {@code STRING}. Called as a SQL function, Spark casts the arguments to
 * these types, so the text of a CSV file read by {@code spark.read().csv} works as it is.
 *
 * <p><b>Buffer</b> ({@link MetricBuffer}): a metric with a {@link Kernel} keeps the kernel's
 * slots, updated by the kernel's own update through a row view of the Spark row and merged by the
 * kernel's merge; any other metric keeps its rows (their interchange text) and, at the end,
 * replays them into the metric's own accumulator, each row parsed by the file parser. Both merges
 * are associative and commutative in their result.
 *
 * <p><b>Output</b>: a struct {@code value DOUBLE} (the headline number, {@link
 * MetricValue#asDouble()}: a ratio as a fraction, money in major units, durations in days; {@code
 * null} when undefined, never NaN or 0 for want of data), {@code display STRING} (as the table
 * shows it: {@code 66.7% (2/3)}), {@code sample_size BIGINT} and {@code exact BINARY} (the exact
 * value, for {@link SparkMetrics#value(Row)}). An empty group gives the metric's value over no
 * rows: a count of 0, an undefined ratio or amount.
 *
 * <p>The window is fixed when the aggregator is made: all time, or a period ({@link
 * SparkMetrics#aggregator(Metric, Period)}); rows whose placing instant lies outside it are
 * skipped, as the metric's accumulator skips them. Bad values throw {@link
 * IllegalArgumentException} naming the metric, the column and the value.
 *
 * @param <R> the metric's result type
 */
public final class MetricAggregator<R extends MetricValue> extends Aggregator<Row, MetricBuffer, Row> {
  private static final long serialVersionUID = 1L;

  /** The output struct. */
  static final StructType OUTPUT =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("value", DataTypes.DoubleType, true),
              DataTypes.createStructField("display", DataTypes.StringType, false),
              DataTypes.createStructField("sample_size", DataTypes.LongType, false),
              DataTypes.createStructField("exact", DataTypes.BinaryType, false)));

  /** The metric's id, by which each executor finds it in the catalogue. */
  private final String metricId;

  /** The columns read, in argument order. */
  private final ImmutableList<String> columns;

  /** The period of the window, or null over all time. */
  @Nullable private final PeriodSpec period;

  /** The metric, kernel, views and parser, made on first use in each JVM. */
  private transient Engine engine;

  MetricAggregator(Metric<?, R> metric, ImmutableList<String> columns, @Nullable Period period) {
    this.metricId = metric.id();
    this.columns = columns;
    this.period = period == null ? null : PeriodSpec.of(period);
    // checks the window now, on the driver: a metric needing a period refuses all time
    var unused = metric.accumulator(window());
  }

  /**
   * Returns the id of the metric.
   *
   * @return e.g. {@code win_rate}
   */
  public String metricId() {
    return metricId;
  }

  /**
   * Returns the columns the aggregator reads, in the order the SQL function takes them.
   *
   * @return e.g. {@code [status, closed_at]} for win rate
   */
  public ImmutableList<String> columns() {
    return columns;
  }

  /**
   * Returns the schema of the input rows, for {@code functions.udaf(aggregator,
   * Encoders.row(schema))}.
   *
   * @return one field per column, typed as the class description says
   */
  public StructType inputSchema() {
    return Arguments.schema(columns);
  }

  private Window window() {
    return period == null ? Window.all() : Window.of(period.period());
  }

  private Engine engine() {
    Engine r = engine;
    if (r == null) {
      r = new Engine(metricId, columns, window());
      engine = r;
    }
    return r;
  }

  @Override
  public MetricBuffer zero() {
    return engine().zero();
  }

  @Override
  public MetricBuffer reduce(MetricBuffer buffer, Row row) {
    engine().add(buffer, row);
    return buffer;
  }

  @Override
  public MetricBuffer merge(MetricBuffer b1, MetricBuffer b2) {
    engine().merge(b1, b2);
    return b1;
  }

  @Override
  public Row finish(MetricBuffer reduction) {
    MetricValue v = engine().result(reduction);
    return output(v);
  }

  static Row output(MetricValue v) {
    Double value = v.asDouble().isPresent() ? v.asDouble().getAsDouble() : null;
    return RowFactory.create(value, v.toString(), v.sampleSize(), ValueCodec.encode(v));
  }

  @Override
  public Encoder<MetricBuffer> bufferEncoder() {
    return Encoders.bean(MetricBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(OUTPUT);
  }

  /**
   * Formats as the metric id and its columns.
   *
   * @return e.g. {@code "MetricAggregator[win_rate(status, closed_at)]"}
   */
  @Override
  public String toString() {
    return "MetricAggregator[" + metricId + "(" + String.join(", ", columns) + ")]";
  }

  /** What an aggregator needs on an executor, made there from the metric id. */
  private static final class Engine {
    private final Metric<Object, MetricValue> metric;
    private final Window window;
    private final WindowBounds bounds;
    @Nullable private final Kernel<Object, MetricValue> kernel;
    private final SparkRows.Columns columns;
    private final int placingArg;
    private final Slots slots = new Slots();
    @Nullable private final Object view;
    @Nullable private final RecordParser<?> parser;
    private final int kind;

    @SuppressWarnings("unchecked")
    Engine(String metricId, ImmutableList<String> names, Window window) {
      this.metric = (Metric<Object, MetricValue>) Metrics.byId(metricId);
      this.window = window;
      this.bounds = WindowBounds.of(window);
      Optional<? extends Kernel<?, ?>> k = metric.kernel();
      this.kernel = (Kernel<Object, MetricValue>) k.orElse(null);
      this.columns = new SparkRows.Columns(metricId, names);
      this.placingArg =
          metric.placement().isSpanning() ? -1 : names.indexOf(metric.placement().field());
      CsvFile file = Arguments.fileOf(metric).orElseThrow();
      this.kind = RecordLog.kindOf(file);
      if (kernel != null) {
        this.view = viewOf(kernel.rowType(), columns);
        this.parser = null;
      } else {
        this.view = null;
        this.parser = RecordParser.of(formatOf(file), names, CsvOptions.strict());
      }
    }

    private static Object viewOf(Class<?> rowType, SparkRows.Columns columns) {
      if (rowType == DealRow.class) {
        return new SparkRows.Deals(columns);
      } else if (rowType == OrderRow.class) {
        return new SparkRows.Orders(columns);
      } else if (rowType == LeadRow.class) {
        return new SparkRows.Leads(columns);
      } else if (rowType == CustomerRow.class) {
        return new SparkRows.Customers(columns);
      } else if (rowType == ResponseRow.class) {
        return new SparkRows.Responses(columns);
      }
      throw new IllegalArgumentException("no Spark row view of " + rowType.getName());
    }

    MetricBuffer zero() {
      if (kernel == null) {
        return new MetricBuffer();
      }
      long[] s = new long[kernel.size()];
      kernel.initialize(s, 0);
      return new MetricBuffer(s);
    }

    void add(MetricBuffer buffer, Row row) {
      columns.of(row);
      try {
        if (kernel == null) {
          List<String> cells = new ArrayList<>(columns.names().size());
          for (int i = 0; i < columns.names().size(); i++) {
            cells.add(SparkRows.interchangeText(columns.get(row, i), columns.names().get(i)));
          }
          byte[] entry = RecordLog.entry(kind, cells);
          buffer.append(entry, 0, entry.length);
          return;
        }
        if (placingArg >= 0) {
          Instant at =
              SparkRows.instant(columns.get(row, placingArg), columns.names().get(placingArg));
          if (at == null || !window.contains(at)) {
            return;
          }
        }
        kernel.update().update(rowView(row), slots.at(buffer.getSlots(), 0), bounds);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(metric.id() + ": " + e.getMessage(), e);
      }
    }

    private Object rowView(Row row) {
      Object v = checkNotNull(view, "view");
      if (v instanceof SparkRows.Deals d) {
        return d.at(row);
      } else if (v instanceof SparkRows.Orders o) {
        return o.at(row);
      } else if (v instanceof SparkRows.Leads l) {
        return l.at(row);
      } else if (v instanceof SparkRows.Customers c) {
        return c.at(row);
      }
      return ((SparkRows.Responses) v).at(row);
    }

    void merge(MetricBuffer into, MetricBuffer from) {
      if (kernel == null) {
        into.append(from.logBytes(), 0, from.logSize());
      } else {
        kernel.merge(into.getSlots(), 0, from.getSlots(), 0);
      }
    }

    MetricValue result(MetricBuffer buffer) {
      if (kernel != null) {
        return kernel.result(slots.at(buffer.getSlots(), 0));
      }
      MetricAccumulator<Object, MetricValue> acc = metric.accumulator(window);
      RecordParser<?> p = checkNotNull(parser, "parser");
      RecordLog.forEach(
          buffer.logBytes(),
          buffer.logSize(),
          (cells, kind) -> {
            Object record;
            try {
              record = p.parse(cells);
            } catch (RecordParser.BadRow e) {
              throw new IllegalArgumentException(metric.id() + ": " + e.getMessage(), e);
            }
            acc.add(record);
          });
      return acc.result();
    }
  }

  /** The format of a schema file. */
  static CsvFormat<?> formatOf(CsvFile file) {
    return switch (file) {
      case REPS -> CsvFormat.REPS;
      case QUOTAS -> CsvFormat.QUOTAS;
      case LEADS -> CsvFormat.LEADS;
      case DEALS -> CsvFormat.DEALS;
      case ORDERS -> CsvFormat.ORDERS;
      case CUSTOMERS -> CsvFormat.CUSTOMERS;
      case CAMPAIGNS -> CsvFormat.CAMPAIGNS;
      case RESPONSES -> CsvFormat.RESPONSES;
      case DEAL_STAGES -> throw new IllegalArgumentException(
          "deal_stages.csv is joined into deals, not read on its own");
    };
  }
}
