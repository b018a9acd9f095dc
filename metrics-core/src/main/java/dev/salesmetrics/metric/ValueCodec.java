package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The results of the catalogue's metrics as bytes and back, exactly: for engines that compute a
 * result in one process and use it in another (a Spark executor and its driver). Every result
 * type of the catalogue is covered: {@link Count}, {@link Ratio}, {@link Amount}, {@link
 * MoneyStats}, {@link DurationStats} (every duration, to the millisecond), {@link Score}, {@link
 * Shares}, {@link StageFunnel} and {@link CohortTable}; {@code decode(encode(v))} equals {@code v}.
 *
 * <p>Format: a version byte ({@value #VERSION}), a type byte, then the type's fields big-endian
 * (longs, doubles, UTF-8 strings with their length). Currencies are written by ISO 4217 code and
 * zones by id, so the bytes mean the same in every JVM. A reader refuses a version it does not
 * know. Thread safe (stateless).
 *
 * <pre>{@code
 * byte[] bytes = ValueCodec.encode(Ratio.of(2, 3));
 * MetricValue back = ValueCodec.decode(bytes);   // 66.7% (2/3)
 * }</pre>
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // seconds and nanos are written together
public final class ValueCodec {
  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  private static final int COUNT = 1;
  private static final int RATIO = 2;
  private static final int AMOUNT = 3;
  private static final int MONEY_STATS = 4;
  private static final int DURATION_STATS = 5;
  private static final int SCORE = 6;
  private static final int SHARES = 7;
  private static final int STAGE_FUNNEL = 8;
  private static final int COHORT_TABLE = 9;

  private ValueCodec() {}

  /**
   * Returns the bytes of a result.
   *
   * @param value a result of one of the catalogue's types
   * @return the bytes
   * @throws IllegalArgumentException for another type of value (a custom metric's own type)
   */
  public static byte[] encode(MetricValue value) {
    checkNotNull(value, "value");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      write(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Returns the result the bytes hold.
   *
   * @param bytes bytes made by {@link #encode}
   * @return the result
   * @throws IllegalArgumentException if the bytes are not of a version and type this class reads,
   *     or are cut short
   */
  public static MetricValue decode(byte[] bytes) {
    checkNotNull(bytes, "bytes");
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "metric value bytes of version " + version + ", this reader reads version " + VERSION);
      }
      MetricValue v = read(in);
      if (in.read() >= 0) {
        throw new IllegalArgumentException("metric value bytes go on after the value");
      }
      return v;
    } catch (IOException e) {
      throw new IllegalArgumentException("metric value bytes are cut short", e);
    }
  }

  private static void write(DataOutputStream out, MetricValue value) throws IOException {
    if (value instanceof Count c) {
      out.writeByte(COUNT);
      out.writeLong(c.value());
    } else if (value instanceof Ratio r) {
      out.writeByte(RATIO);
      writeRatio(out, r);
    } else if (value instanceof Amount a) {
      out.writeByte(AMOUNT);
      writeMoney(out, a.money());
      out.writeLong(a.sampleSize());
    } else if (value instanceof MoneyStats s) {
      out.writeByte(MONEY_STATS);
      out.writeLong(s.count());
      out.writeUTF(s.currency().map(Currency::getCurrencyCode).orElse(""));
      out.writeLong(minor(s.sum()));
      out.writeLong(minor(s.min()));
      out.writeLong(minor(s.max()));
    } else if (value instanceof DurationStats d) {
      out.writeByte(DURATION_STATS);
      long[] millis = d.millis();
      out.writeInt(millis.length);
      for (long m : millis) {
        out.writeLong(m);
      }
    } else if (value instanceof Score s) {
      out.writeByte(SCORE);
      out.writeBoolean(s.value().isPresent());
      out.writeDouble(s.value().orElse(0));
      out.writeLong(s.sampleSize());
    } else if (value instanceof Shares s) {
      out.writeByte(SHARES);
      out.writeLong(s.sampleSize());
      out.writeInt(s.shares().size());
      for (Map.Entry<String, Ratio> e : s.shares().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue().numerator());
      }
    } else if (value instanceof StageFunnel f) {
      out.writeByte(STAGE_FUNNEL);
      out.writeInt(f.steps().size());
      for (StageFunnel.Step step : f.steps()) {
        out.writeUTF(step.from());
        out.writeUTF(step.to());
        writeRatio(out, step.ratio());
      }
      writeRatio(out, f.overall());
    } else if (value instanceof CohortTable t) {
      out.writeByte(COHORT_TABLE);
      out.writeInt(t.rows().size());
      for (CohortTable.Row row : t.rows()) {
        writePeriod(out, row.cohort());
        out.writeLong(row.size());
        out.writeInt(row.cells().size());
        for (Ratio cell : row.cells()) {
          writeRatio(out, cell);
        }
      }
    } else {
      throw new IllegalArgumentException(
          "no byte form for a metric value of type " + value.getClass().getName());
    }
  }

  private static MetricValue read(DataInputStream in) throws IOException {
    int type = in.readUnsignedByte();
    return switch (type) {
      case COUNT -> Count.of(in.readLong());
      case RATIO -> readRatio(in);
      case AMOUNT -> new Amount(readMoney(in), in.readLong());
      case MONEY_STATS -> readMoneyStats(in);
      case DURATION_STATS -> readDurationStats(in);
      case SCORE -> readScore(in);
      case SHARES -> readShares(in);
      case STAGE_FUNNEL -> readFunnel(in);
      case COHORT_TABLE -> readCohorts(in);
      default -> throw new IllegalArgumentException("unknown metric value type " + type);
    };
  }

  private static MoneyStats readMoneyStats(DataInputStream in) throws IOException {
    long count = in.readLong();
    String code = in.readUTF();
    long sum = in.readLong();
    long min = in.readLong();
    long max = in.readLong();
    if (count == 0 && code.isEmpty()) {
      return MoneyStats.empty();
    }
    return new MoneyStats(count, code.isEmpty() ? null : Money.currency(code), sum, min, max);
  }

  private static DurationStats readDurationStats(DataInputStream in) throws IOException {
    int n = in.readInt();
    long[] millis = new long[n];
    for (int i = 0; i < n; i++) {
      millis[i] = in.readLong();
    }
    return DurationStats.ofMillisUnsafe(millis);
  }

  private static Score readScore(DataInputStream in) throws IOException {
    boolean defined = in.readBoolean();
    double value = in.readDouble();
    long size = in.readLong();
    return defined ? Score.of(value, size) : Score.undefined(size);
  }

  private static Shares readShares(DataInputStream in) throws IOException {
    long size = in.readLong();
    int n = in.readInt();
    Map<String, Long> parts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      parts.put(in.readUTF(), in.readLong());
    }
    return n == 0 && size == 0 ? Shares.empty() : Shares.of(parts, size);
  }

  private static StageFunnel readFunnel(DataInputStream in) throws IOException {
    int n = in.readInt();
    ImmutableList.Builder<StageFunnel.Step> steps = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      steps.add(new StageFunnel.Step(in.readUTF(), in.readUTF(), readRatio(in)));
    }
    return new StageFunnel(steps.build(), readRatio(in));
  }

  private static CohortTable readCohorts(DataInputStream in) throws IOException {
    int n = in.readInt();
    ImmutableList.Builder<CohortTable.Row> rows = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      Period cohort = readPeriod(in);
      long size = in.readLong();
      int cells = in.readInt();
      ImmutableList.Builder<Ratio> list = ImmutableList.builder();
      for (int k = 0; k < cells; k++) {
        list.add(readRatio(in));
      }
      rows.add(new CohortTable.Row(cohort, size, list.build()));
    }
    List<CohortTable.Row> all = rows.build();
    return all.isEmpty() ? CohortTable.empty() : new CohortTable(all);
  }

  private static void writeRatio(DataOutputStream out, Ratio r) throws IOException {
    out.writeLong(r.numerator());
    out.writeLong(r.denominator());
    Currency c = r.currency();
    out.writeUTF(c == null ? "" : c.getCurrencyCode()); // a money ratio's currency, or none
  }

  private static Ratio readRatio(DataInputStream in) throws IOException {
    long numerator = in.readLong();
    long denominator = in.readLong();
    String code = in.readUTF();
    return code.isEmpty()
        ? Ratio.of(numerator, denominator)
        : Ratio.ofMoney(numerator, denominator, Money.currency(code));
  }

  private static long minor(Optional<Money> m) {
    return m.map(Money::minorUnits).orElse(0L);
  }

  private static void writeMoney(DataOutputStream out, @Nullable Money m) throws IOException {
    out.writeBoolean(m != null);
    if (m != null) {
      out.writeLong(m.minorUnits());
      out.writeUTF(m.currency().getCurrencyCode());
    }
  }

  @Nullable
  private static Money readMoney(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    long minor = in.readLong();
    return Money.ofMinor(minor, in.readUTF());
  }

  private static void writePeriod(DataOutputStream out, Period p) throws IOException {
    out.writeLong(p.start().getEpochSecond());
    out.writeInt(p.start().getNano());
    out.writeLong(p.end().getEpochSecond());
    out.writeInt(p.end().getNano());
    out.writeUTF(p.zone().getId());
    out.writeUTF(p.granularity() == null ? "" : p.granularity().name());
    out.writeByte(p.fiscal().firstMonth().getValue());
  }

  private static Period readPeriod(DataInputStream in) throws IOException {
    Instant start = Instant.ofEpochSecond(in.readLong(), in.readInt());
    Instant end = Instant.ofEpochSecond(in.readLong(), in.readInt());
    ZoneId zone = ZoneId.of(in.readUTF());
    String g = in.readUTF();
    Month first = Month.of(in.readUnsignedByte());
    return new Period(
        start, end, zone, g.isEmpty() ? null : Granularity.valueOf(g), FiscalCalendar.startingIn(first));
  }
}
