package dev.salesmetrics.spark;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LeadDirectory;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.io.RecordParser;
import dev.salesmetrics.metric.Kernel;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.RecordView;
import dev.salesmetrics.metric.Slots;
import dev.salesmetrics.metric.ValueCodec;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.metric.WindowBounds;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * What a {@link SparkQuery} computes, in a form that travels to the executors, and the work done
 * there: records parsed by the file parsers, grouped by the core's dimensions and periods, each
 * metric's state kept as its kernel's slots or as its records, merged, and finished into values
 * ({@link ValueCodec}). The metrics are found by id, the dimensions rebuilt from their ids and
 * the directories' rows, on each executor.
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // seconds and nanos are kept together
final class QueryPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  final ImmutableList<String> metricIds;
  final ImmutableList<String> dimensionIds; // group dimensions, period apart, in query order
  final int periodPosition; // position of the period among all grouping dimensions, or -1
  @Nullable final String granularity;
  final String zone;
  final int fiscalMonth;
  @Nullable final ImmutableList<PeriodSpec> range;
  @Nullable final PeriodSpec during;
  @Nullable final String csvZone;
  final EnumMap<CsvFile, ImmutableList<String>> headers;
  final ImmutableList<ImmutableList<String>> reps; // rows of reps.csv, for team and region
  final ImmutableList<String> repHeader;
  final ImmutableList<ImmutableList<String>> leads; // rows of leads.csv, for campaign and source
  final ImmutableList<String> leadHeader;

  private transient Engine engine;

  QueryPlan(
      List<String> metricIds,
      List<String> dimensionIds,
      int periodPosition,
      @Nullable String granularity,
      String zone,
      int fiscalMonth,
      @Nullable List<PeriodSpec> range,
      @Nullable PeriodSpec during,
      @Nullable String csvZone,
      Map<CsvFile, ImmutableList<String>> headers,
      List<ImmutableList<String>> reps,
      List<String> repHeader,
      List<ImmutableList<String>> leads,
      List<String> leadHeader) {
    this.metricIds = ImmutableList.copyOf(metricIds);
    this.dimensionIds = ImmutableList.copyOf(dimensionIds);
    this.periodPosition = periodPosition;
    this.granularity = granularity;
    this.zone = zone;
    this.fiscalMonth = fiscalMonth;
    this.range = range == null ? null : ImmutableList.copyOf(range);
    this.during = during;
    this.csvZone = csvZone;
    this.headers = new EnumMap<>(CsvFile.class);
    this.headers.putAll(headers);
    this.reps = ImmutableList.copyOf(reps);
    this.repHeader = ImmutableList.copyOf(repHeader);
    this.leads = ImmutableList.copyOf(leads);
    this.leadHeader = ImmutableList.copyOf(leadHeader);
  }

  Engine engine() {
    Engine r = engine;
    if (r == null) {
      r = new Engine(this);
      engine = r;
    }
    return r;
  }

  CsvOptions options() {
    return csvZone == null ? CsvOptions.strict() : CsvOptions.strict().withZone(ZoneId.of(csvZone));
  }

  /** The state of one metric in one cell. */
  static final class State {
    boolean seen;
    long[] slots = new long[0];
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
  }

  /** The work on an executor: metrics, dimensions and parsers made from the plan. */
  static final class Engine {
    final QueryPlan plan;
    final List<Metric<Object, MetricValue>> metrics = new ArrayList<>();
    final List<Kernel<Object, MetricValue>> kernels = new ArrayList<>();
    final List<RecordView<Object>> views = new ArrayList<>();
    final List<Dimension> dims = new ArrayList<>();
    @Nullable final Dimension periodDimension;
    @Nullable final List<Period> range;
    @Nullable final Set<Period> rangeSet;
    @Nullable final Period during;
    final EnumMap<CsvFile, RecordParser<?>> parsers = new EnumMap<>(CsvFile.class);
    final Slots slots = new Slots();

    @SuppressWarnings("unchecked")
    Engine(QueryPlan plan) {
      this.plan = plan;
      for (String id : plan.metricIds) {
        Metric<Object, MetricValue> m = (Metric<Object, MetricValue>) Metrics.byId(id);
        metrics.add(m);
        Kernel<Object, MetricValue> k =
            (Kernel<Object, MetricValue>) m.kernel().orElse(null);
        kernels.add(k);
        views.add(k == null ? null : RecordView.of(k.rowType()));
      }
      RepDirectory repDirectory = null;
      LeadDirectory leadDirectory = null;
      for (String id : plan.dimensionIds) {
        Dimension d;
        switch (id) {
          case "rep" -> d = Dimension.REP;
          case "product" -> d = Dimension.PRODUCT;
          case "customer" -> d = Dimension.CUSTOMER;
          case "team", "region" -> {
            if (repDirectory == null) {
              repDirectory = RepDirectory.of(parseAll(CsvFile.REPS, plan.repHeader, plan.reps));
            }
            d = id.equals("team") ? Dimension.team(repDirectory) : Dimension.region(repDirectory);
          }
          case "campaign", "source" -> {
            if (leadDirectory == null) {
              leadDirectory =
                  LeadDirectory.of(parseAll(CsvFile.LEADS, plan.leadHeader, plan.leads));
            }
            d =
                id.equals("campaign")
                    ? Dimension.campaign(leadDirectory)
                    : Dimension.source(leadDirectory);
          }
          default -> throw new IllegalArgumentException("no dimension " + id + " on Spark");
        }
        dims.add(d);
      }
      if (plan.granularity != null) {
        periodDimension =
            Dimension.period(
                Granularity.valueOf(plan.granularity),
                ZoneId.of(plan.zone),
                FiscalCalendar.startingIn(Month.of(plan.fiscalMonth)));
      } else {
        periodDimension = null;
      }
      if (plan.range != null) {
        List<Period> list = new ArrayList<>();
        for (PeriodSpec p : plan.range) {
          list.add(p.period());
        }
        range = list;
        rangeSet = new HashSet<>(list);
      } else {
        range = null;
        rangeSet = null;
      }
      during = plan.during == null ? null : plan.during.period();
      for (Map.Entry<CsvFile, ImmutableList<String>> e : plan.headers.entrySet()) {
        parsers.put(
            e.getKey(),
            RecordParser.of(MetricAggregator.formatOf(e.getKey()), e.getValue(), plan.options()));
      }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> parseAll(CsvFile file, List<String> header, List<? extends List<String>> rows) {
      RecordParser<?> p =
          RecordParser.of(MetricAggregator.formatOf(file), header, plan.options());
      List<T> out = new ArrayList<>();
      for (List<String> row : rows) {
        out.add((T) parse(p, file, row));
      }
      return out;
    }

    static Object parse(RecordParser<?> parser, CsvFile file, List<String> cells) {
      try {
        return parser.parse(cells);
      } catch (RecordParser.BadRow e) {
        throw new IllegalArgumentException(file.fileName() + ": " + keyOf(file, parser, cells)
            + e.getMessage(), e);
      }
    }

    /** Names the row by its id, since a DataFrame has no line numbers: "deal_id D7: ". */
    private static String keyOf(CsvFile file, RecordParser<?> parser, List<String> cells) {
      String id = file.requiredColumns().get(0);
      int at = parser.header().indexOf(id);
      for (int i = 0; at < 0 && i < parser.header().size(); i++) {
        if (parser.header().get(i).trim().equalsIgnoreCase(id)) {
          at = i;
        }
      }
      return at < 0 || at >= cells.size() ? "" : "row with " + id + " " + cells.get(at) + ": ";
    }

    Window windowOf(@Nullable Period p) {
      return p != null ? Window.of(p) : during != null ? Window.of(during) : Window.all();
    }

    /** Adds one record (with its cells) to the cells of a partition. */
    void add(Map<String, State[]> cells, CsvFile file, SalesRecord record, List<String> text) {
      String[] values = null;
      for (int m = 0; m < metrics.size(); m++) {
        Metric<Object, MetricValue> metric = metrics.get(m);
        if (!metric.reads(record)) { // Query's routing: only the kinds it reads
          continue;
        }
        if (values == null) {
          values = new String[dims.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = dims.get(i).valueOf(record);
          }
        }
        if (periodDimension == null) {
          apply(cells, values, null, m, file, record, text);
        } else if (metric.placement().isSpanning()) {
          for (Period p : checkedRange(metric)) {
            apply(cells, values, p, m, file, record, text);
          }
        } else {
          Optional<Instant> at = metric.placement().instant(record);
          if (at.isEmpty()) {
            continue;
          }
          Period p = periodDimension.periodOf(at.get());
          if (rangeSet != null && !rangeSet.contains(p)) {
            continue;
          }
          apply(cells, values, p, m, file, record, text);
        }
      }
    }

    private List<Period> checkedRange(Metric<?, ?> metric) {
      if (range == null) {
        throw new IllegalStateException(
            "metric " + metric.id() + " is spanning: the query needs a period range, periods(...)");
      }
      return range;
    }

    private void apply(
        Map<String, State[]> cells,
        String[] values,
        @Nullable Period p,
        int m,
        CsvFile file,
        SalesRecord record,
        List<String> text) {
      String key = CellKey.encode(values, p);
      State[] states = cells.computeIfAbsent(key, k -> new State[metrics.size()]);
      State s = states[m];
      Window window = windowOf(p);
      Kernel<Object, MetricValue> kernel = kernels.get(m);
      if (s == null) {
        s = new State();
        var unused = metrics.get(m).accumulator(window); // the metric's checks of the window
        if (kernel != null) {
          s.slots = new long[kernel.size()];
          kernel.initialize(s.slots, 0);
        }
        states[m] = s;
      }
      s.seen = true;
      Metric<Object, MetricValue> metric = metrics.get(m);
      try {
        if (kernel == null) {
          byte[] entry = RecordLog.entry(RecordLog.kindOf(file), text);
          s.log.write(entry, 0, entry.length);
          return;
        }
        if (!metric.placement().isSpanning()) {
          Optional<Instant> at = metric.placement().instant(record);
          if (at.isEmpty() || !window.contains(at.get())) {
            return;
          }
        }
        kernel
            .update()
            .update(views.get(m).at(record), slots.at(s.slots, 0), WindowBounds.of(window));
      } catch (RuntimeException e) {
        throw withContext(e, metric.id(), values, p, record);
      }
    }

    RuntimeException withContext(
        RuntimeException e, String metric, String[] values, @Nullable Period p, @Nullable Object record) {
      String where =
          " in metric " + metric + ", group " + CellKey.label(plan.dimensionIds, values)
              + (p == null ? "" : ", period " + p.label())
              + (record == null ? "" : ", at " + record);
      if (e instanceof ArithmeticException) {
        return new ArithmeticException(e.getMessage() + where);
      }
      if (e instanceof IllegalArgumentException) {
        return new IllegalArgumentException(e.getMessage() + where, e);
      }
      return e;
    }

    /** Serializes the states of a cell. */
    byte[] encode(State[] states) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(1); // version
        out.writeInt(states.length);
        for (State s : states) {
          if (s == null) {
            out.writeBoolean(false);
            continue;
          }
          out.writeBoolean(true);
          out.writeInt(s.slots.length);
          for (long v : s.slots) {
            out.writeLong(v);
          }
          out.writeInt(s.log.size());
          s.log.writeTo(out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    State[] decode(byte[] bytes) {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        int version = in.readUnsignedByte();
        if (version != 1) {
          throw new IllegalArgumentException("cell states of version " + version);
        }
        State[] states = new State[in.readInt()];
        for (int m = 0; m < states.length; m++) {
          if (!in.readBoolean()) {
            continue;
          }
          State s = new State();
          s.seen = true;
          s.slots = new long[in.readInt()];
          for (int i = 0; i < s.slots.length; i++) {
            s.slots[i] = in.readLong();
          }
          byte[] log = new byte[in.readInt()];
          in.readFully(log);
          s.log.write(log, 0, log.length);
          states[m] = s;
        }
        return states;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Merges {@code from} into {@code into}. */
    void merge(State[] into, State[] from, String[] values, @Nullable Period p) {
      for (int m = 0; m < into.length; m++) {
        State f = from[m];
        if (f == null) {
          continue;
        }
        State t = into[m];
        if (t == null) {
          into[m] = f;
          continue;
        }
        Kernel<Object, MetricValue> kernel = kernels.get(m);
        try {
          if (kernel != null) {
            kernel.merge(t.slots, 0, f.slots, 0);
          } else {
            f.log.writeTo(t.log);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
          throw withContext(e, metrics.get(m).id(), values, p, null);
        }
      }
    }

    /** The values of a cell's metrics: the codec's bytes, or null where no record fell. */
    byte[] finish(State[] states, String[] values, @Nullable Period p) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(1);
        out.writeInt(states.length);
        for (int m = 0; m < states.length; m++) {
          State s = states[m];
          if (s == null || !s.seen) {
            out.writeInt(-1);
            continue;
          }
          MetricValue v;
          try {
            v = result(m, s, p);
          } catch (RuntimeException e) {
            throw withContext(e, metrics.get(m).id(), values, p, null);
          }
          byte[] b = ValueCodec.encode(v);
          out.writeInt(b.length);
          out.write(b);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    private MetricValue result(int m, State s, @Nullable Period p) {
      Kernel<Object, MetricValue> kernel = kernels.get(m);
      if (kernel != null) {
        return kernel.result(slots.at(s.slots, 0));
      }
      MetricAccumulator<Object, MetricValue> acc = metrics.get(m).accumulator(windowOf(p));
      byte[] log = s.log.toByteArray();
      RecordLog.forEach(
          log,
          log.length,
          (cells, kind) -> {
            CsvFile file = RecordLog.fileOf(kind);
            acc.add(parse(parsers.get(file), file, cells));
          });
      return acc.result();
    }

    @Nullable
    Period periodOfKey(@Nullable PeriodStart start) {
      if (start == null || periodDimension == null) {
        return null;
      }
      return periodDimension.periodOf(Instant.ofEpochSecond(start.second(), start.nano()));
    }
  }

  /** The start of a cell's period. */
  record PeriodStart(long second, int nano) {}

  /** A cell's key as text: the dimension values and the period start, each length-prefixed. */
  static final class CellKey {
    private CellKey() {}

    static String encode(String[] values, @Nullable Period p) {
      StringBuilder sb = new StringBuilder();
      for (String v : values) {
        sb.append(v.length()).append(':').append(v);
      }
      if (p != null) {
        sb.append('@').append(p.start().getEpochSecond()).append('.').append(p.start().getNano());
      }
      return sb.toString();
    }

    static String[] values(String key, int n) {
      String[] out = new String[n];
      int at = 0;
      for (int i = 0; i < n; i++) {
        int colon = key.indexOf(':', at);
        int len = Integer.parseInt(key.substring(at, colon));
        out[i] = key.substring(colon + 1, colon + 1 + len);
        at = colon + 1 + len;
      }
      return out;
    }

    @Nullable
    static PeriodStart start(String key, int n) {
      int at = 0;
      for (int i = 0; i < n; i++) {
        int colon = key.indexOf(':', at);
        int len = Integer.parseInt(key.substring(at, colon));
        at = colon + 1 + len;
      }
      if (at >= key.length()) {
        return null;
      }
      String s = key.substring(at + 1);
      int dot = s.indexOf('.');
      return new PeriodStart(Long.parseLong(s.substring(0, dot)), Integer.parseInt(s.substring(dot + 1)));
    }

    static String label(List<String> ids, String[] values) {
      if (ids.isEmpty()) {
        return "*";
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ids.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(ids.get(i)).append('=').append(values[i]);
      }
      return sb.toString();
    }
  }
}
