package dev.salesmetrics.spark;

import dev.salesmetrics.metric.CurrencyCodes;
import dev.salesmetrics.metric.CustomerRow;
import dev.salesmetrics.metric.DealRow;
import dev.salesmetrics.metric.LeadRow;
import dev.salesmetrics.metric.OrderRow;
import dev.salesmetrics.metric.ResponseRow;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SurveyScale;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The kernels' row views over Spark rows holding a function's arguments (see {@link Arguments}):
 * instants as {@code TIMESTAMP}, amounts as their decimal text ({@code STRING}), other texts as
 * {@code STRING}. A view reads each value through the model's own parsers ({@link
 * DealStatus#parse}, {@link Money#of(String, Currency)}...), so a bad value gets the message a file would give it, naming the column. Reading
 * a column the function does not take throws, so a metric never reads a made-up value.
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // seconds and nanos are read together
final class SparkRows {
  private SparkRows() {}

  /** Where each argument column is in the rows of one schema. */
  static final class Columns {
    private final List<String> names;
    private final String metric;
    @Nullable private StructType schema;
    private int[] index = new int[0];

    Columns(String metric, List<String> names) {
      this.metric = metric;
      this.names = names;
    }

    /** Resolves the columns for the schema of {@code row}, once per schema. */
    void of(Row row) {
      StructType s = row.schema();
      if (s == null) {
        // a row without a schema holds the arguments in their order
        if (schema != null || index.length != names.size()) {
          index = new int[names.size()];
          for (int i = 0; i < index.length; i++) {
            index[i] = i;
          }
          schema = null;
        }
        return;
      }
      if (s.equals(schema)) {
        return;
      }
      Map<String, Integer> byName = new HashMap<>();
      String[] fields = s.fieldNames();
      for (int i = 0; i < fields.length; i++) {
        byName.putIfAbsent(fields[i].trim().toLowerCase(Locale.ROOT), i);
      }
      int[] idx = new int[names.size()];
      for (int i = 0; i < idx.length; i++) {
        Integer at = byName.get(names.get(i));
        if (at == null) {
          throw new IllegalArgumentException(
              metric + " needs the column " + names.get(i) + " (it takes " + names
                  + "); the rows have " + String.join(", ", fields));
        }
        idx[i] = at;
      }
      index = idx;
      schema = s;
    }

    /** The position of argument {@code column} among the arguments, or -1. */
    int argument(String column) {
      return names.indexOf(column);
    }

    @Nullable
    Object get(Row row, int argument) {
      return row.get(index[argument]);
    }

    List<String> names() {
      return names;
    }

    String metric() {
      return metric;
    }
  }

  /** One column of a view: its argument position, or -1 when the function does not take it. */
  private static int position(Columns columns, String column) {
    return columns.argument(column);
  }

  private static IllegalStateException notTaken(Columns columns, String column) {
    return new IllegalStateException(
        columns.metric() + " reads " + column + ", which is not among the columns it takes "
            + columns.names());
  }

  /** The instant a TIMESTAMP (or an instant) holds. */
  @Nullable
  static Instant instant(@Nullable Object v, String column) {
    if (v == null) {
      return null;
    }
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof Timestamp t) {
      return t.toInstant();
    }
    if (v instanceof LocalDateTime ldt) {
      return ldt.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException(
        "column " + column + ": \"" + v + "\": " + column + " must be a TIMESTAMP, not a "
            + v.getClass().getSimpleName() + " (cast the column, as the SQL function does)");
  }

  @Nullable
  static String text(@Nullable Object v) {
    return v == null ? null : v.toString();
  }

  /** A cell's value as the interchange text of its column (for the record parser). */
  @Nullable
  static String interchangeText(@Nullable Object v, String column) {
    if (v == null) {
      return null;
    }
    if (v instanceof String text) {
      return isAmount(column) ? amountText(text) : text;
    }
    if (Arguments.isInstant(column)) {
      return String.valueOf(instant(v, column));
    }
    if (v instanceof BigDecimal d) {
      return plain(d);
    }
    if (v instanceof Double d) {
      return plain(BigDecimal.valueOf(d));
    }
    return v.toString();
  }

  private static boolean isAmount(String column) {
    return column.equals("amount") || column.equals("spend");
  }

  /**
   * The text of an amount as a file holds it: a decimal column cast to text keeps its scale
   * ({@code 12.5000}) and a double's text may have an exponent ({@code 1.0E7}); both become the
   * plain decimal of the same value. Text that is no number is left for the parser to refuse.
   */
  private static String amountText(String text) {
    boolean exponent = text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    boolean trailingZero = text.indexOf('.') >= 0 && text.endsWith("0");
    if (!exponent && !trailingZero) {
      return text;
    }
    try {
      return plain(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /**
   * Reads an amount: text (the function's argument type) through the file parser's {@link
   * Money#of(String, Currency)}, normalised first when it is not plain ({@link #amountText}); a
   * decimal (typed rows) exactly, without its trailing zeros.
   */
  static Money parseMoney(Object amount, Currency currency) {
    if (amount instanceof String text) {
      return Money.of(amountText(text), currency);
    }
    BigDecimal d = amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString());
    return Money.of(d.stripTrailingZeros(), currency);
  }

  private static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** An amount as a message shows it: the plain decimal. */
  private static String shown(Object amount) {
    return amount instanceof BigDecimal d ? plain(d) : amountText(amount.toString());
  }

  private static RuntimeException bad(String column, @Nullable Object value, RuntimeException e) {
    return new IllegalArgumentException(
        "column " + column + ": \"" + value + "\": " + e.getMessage(), e);
  }

  /** Seconds and nanos of an instant column of the current row; null when empty. */
  private static final class InstantColumn {
    private final int arg;
    private final String name;
    @Nullable private Instant value;

    InstantColumn(Columns columns, String name) {
      this.arg = position(columns, name);
      this.name = name;
    }

    void read(Columns columns, Row row) {
      value = arg < 0 ? null : instant(columns.get(row, arg), name);
    }

    boolean taken() {
      return arg >= 0;
    }

    @Nullable
    Instant get(Columns columns) {
      if (arg < 0) {
        throw notTaken(columns, name);
      }
      return value;
    }
  }

  /** An amount and its currency, read once per row and only when asked for. */
  private static final class AmountColumns {
    private final int amountArg;
    private final int currencyArg;
    private Row row;
    private boolean read;
    @Nullable private Money money;
    @Nullable private Currency lastCurrency;
    private int lastCode;

    AmountColumns(Columns columns) {
      this.amountArg = position(columns, "amount");
      this.currencyArg = position(columns, "currency");
    }

    void at(Row r) {
      this.row = r;
      this.read = false;
    }

    @Nullable
    Money money(Columns columns) {
      if (!read) {
        if (amountArg < 0 || currencyArg < 0) {
          throw notTaken(columns, amountArg < 0 ? "amount" : "currency");
        }
        Object a = columns.get(row, amountArg);
        Object c = columns.get(row, currencyArg);
        Currency currency = null;
        if (c != null) {
          try {
            currency = Money.currency(c.toString());
          } catch (IllegalArgumentException e) {
            throw bad("currency", c, e);
          }
        }
        if (a == null) {
          money = null;
        } else {
          if (currency == null) {
            throw new IllegalArgumentException("column currency: \"\": currency is required");
          }
          try {
            money = parseMoney(a, currency);
          } catch (IllegalArgumentException | ArithmeticException e) {
            throw bad("amount", shown(a), e);
          }
          if (money.isNegative()) {
            throw new IllegalArgumentException(
                "column amount: \"" + shown(a) + "\": amount must be >= 0: " + money);
          }
        }
        read = true;
      }
      return money;
    }

    int code(Money m) {
      Currency c = m.currency();
      if (c != lastCurrency) {
        lastCode = CurrencyCodes.code(c);
        lastCurrency = c;
      }
      return lastCode;
    }
  }

  /** A deal row. */
  static final class Deals implements DealRow {
    private final Columns columns;
    private final int statusArg;
    private final int probabilityArg;
    private final InstantColumn created;
    private final InstantColumn closed;
    private final AmountColumns amount;
    private DealStatus status = DealStatus.OPEN;
    private Row row;

    Deals(Columns columns) {
      this.columns = columns;
      this.statusArg = position(columns, "status");
      this.probabilityArg = position(columns, "probability");
      this.created = new InstantColumn(columns, "created_at");
      this.closed = new InstantColumn(columns, "closed_at");
      this.amount = new AmountColumns(columns);
    }

    DealRow at(Row r) {
      this.row = r;
      if (statusArg < 0) {
        throw notTaken(columns, "status");
      }
      Object s = columns.get(r, statusArg);
      if (s == null) {
        throw new IllegalArgumentException("column status: \"\": status is required");
      }
      try {
        status = DealStatus.parse(s.toString());
      } catch (IllegalArgumentException e) {
        throw bad("status", s, e);
      }
      created.read(columns, r);
      closed.read(columns, r);
      if (status != DealStatus.OPEN && closed.taken() && closed.value == null) {
        throw new IllegalArgumentException(
            "closed_at is required when status is " + status.name().toLowerCase(Locale.ROOT));
      }
      amount.at(r);
      return this;
    }

    @Override
    public boolean won() {
      return status == DealStatus.WON;
    }

    @Override
    public boolean lost() {
      return status == DealStatus.LOST;
    }

    @Override
    public boolean closed() {
      return status != DealStatus.OPEN;
    }

    private Instant createdAt() {
      Instant t = created.get(columns);
      if (t == null) {
        throw new IllegalArgumentException("column created_at: \"\": created_at is required");
      }
      return t;
    }

    @Override
    public long createdAtSecond() {
      return createdAt().getEpochSecond();
    }

    @Override
    public int createdAtNano() {
      return createdAt().getNano();
    }

    @Override
    public long closedAtSecond() {
      Instant t = closed.get(columns);
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int closedAtNano() {
      Instant t = closed.get(columns);
      return t == null ? 0 : t.getNano();
    }

    @Override
    public boolean hasAmount() {
      return amount.money(columns) != null;
    }

    @Override
    public long amountMinor() {
      Money m = amount.money(columns);
      if (m == null && status == DealStatus.WON) {
        throw new IllegalArgumentException(
            "amount is required when status is won (only an open or lost deal may have no"
                + " amount)");
      }
      return m == null ? 0 : m.minorUnits();
    }

    @Override
    public long amountMinorIf(boolean read) {
      return read ? amountMinor() : 0;
    }

    @Override
    public int currency() {
      Money m = amount.money(columns);
      return m == null ? CurrencyCodes.NONE : amount.code(m);
    }

    @Override
    public int currencyIf(boolean read) {
      return read ? currency() : CurrencyCodes.NONE;
    }

    @Override
    public boolean hasProbability() {
      if (probabilityArg < 0) {
        throw notTaken(columns, "probability");
      }
      return columns.get(row, probabilityArg) != null;
    }

    @Override
    public double probability() {
      Object p = hasProbability() ? columns.get(row, probabilityArg) : null;
      return p == null ? 0 : ((Number) p).doubleValue();
    }
  }

  /** An order row; an order with a product has one line of {@code quantity} (1 when empty). */
  static final class Orders implements OrderRow {
    private final Columns columns;
    private final int statusArg;
    private final int productArg;
    private final int quantityArg;
    private final InstantColumn placed;
    private final AmountColumns amount;
    private boolean paid;
    private Row row;

    Orders(Columns columns) {
      this.columns = columns;
      this.statusArg = position(columns, "status");
      this.productArg = position(columns, "product");
      this.quantityArg = position(columns, "quantity");
      this.placed = new InstantColumn(columns, "placed_at");
      this.amount = new AmountColumns(columns);
    }

    OrderRow at(Row r) {
      this.row = r;
      if (statusArg < 0) {
        throw notTaken(columns, "status");
      }
      Object s = columns.get(r, statusArg);
      try {
        paid = s == null || OrderStatus.parse(s.toString()) == OrderStatus.PAID;
      } catch (IllegalArgumentException e) {
        throw bad("status", s, e);
      }
      placed.read(columns, r);
      amount.at(r);
      return this;
    }

    @Override
    public boolean paid() {
      return paid;
    }

    private Instant placedAt() {
      Instant t = placed.get(columns);
      if (t == null) {
        throw new IllegalArgumentException("column placed_at: \"\": placed_at is required");
      }
      return t;
    }

    @Override
    public long placedAtSecond() {
      return placedAt().getEpochSecond();
    }

    @Override
    public int placedAtNano() {
      return placedAt().getNano();
    }

    private Money money() {
      Money m = amount.money(columns);
      if (m == null) {
        throw new IllegalArgumentException("column amount: \"\": amount is required");
      }
      return m;
    }

    @Override
    public long amountMinor() {
      return money().minorUnits();
    }

    @Override
    public long amountMinorIf(boolean read) {
      return read ? amountMinor() : 0;
    }

    @Override
    public int currency() {
      return amount.code(money());
    }

    @Override
    public int currencyIf(boolean read) {
      return read ? currency() : CurrencyCodes.NONE;
    }

    @Override
    public long units() {
      if (productArg < 0 || quantityArg < 0) {
        throw notTaken(columns, productArg < 0 ? "product" : "quantity");
      }
      Object product = columns.get(row, productArg);
      Object quantity = columns.get(row, quantityArg);
      boolean hasProduct = product != null && !product.toString().isBlank();
      if (!hasProduct) {
        if (quantity != null) {
          throw new IllegalArgumentException(
              "column quantity: \"" + quantity + "\": quantity is given without a product");
        }
        return 1;
      }
      return quantity == null ? 1 : ((Number) quantity).longValue();
    }
  }

  /** A lead row. */
  static final class Leads implements LeadRow {
    private final Columns columns;
    private final InstantColumn created;
    private final InstantColumn contacted;
    private final InstantColumn converted;
    private final int nameArg;
    private final int emailArg;
    private final int phoneArg;
    private Row row;

    Leads(Columns columns) {
      this.columns = columns;
      this.created = new InstantColumn(columns, "created_at");
      this.contacted = new InstantColumn(columns, "first_contact_at");
      this.converted = new InstantColumn(columns, "converted_at");
      this.nameArg = position(columns, "name");
      this.emailArg = position(columns, "email");
      this.phoneArg = position(columns, "phone");
    }

    LeadRow at(Row r) {
      this.row = r;
      created.read(columns, r);
      contacted.read(columns, r);
      converted.read(columns, r);
      return this;
    }

    private Instant createdAt() {
      Instant t = created.get(columns);
      if (t == null) {
        throw new IllegalArgumentException("column created_at: \"\": created_at is required");
      }
      return t;
    }

    @Override
    public long createdAtSecond() {
      return createdAt().getEpochSecond();
    }

    @Override
    public int createdAtNano() {
      return createdAt().getNano();
    }

    @Override
    public boolean contacted() {
      return contacted.get(columns) != null;
    }

    @Override
    public long firstContactAtSecond() {
      Instant t = contacted.get(columns);
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int firstContactAtNano() {
      Instant t = contacted.get(columns);
      return t == null ? 0 : t.getNano();
    }

    @Override
    public boolean converted() {
      return converted.get(columns) != null;
    }

    @Override
    public long convertedAtSecond() {
      Instant t = converted.get(columns);
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int convertedAtNano() {
      Instant t = converted.get(columns);
      return t == null ? 0 : t.getNano();
    }

    @Override
    public int contactFieldsPresent() {
      if (nameArg < 0 || emailArg < 0 || phoneArg < 0) {
        throw notTaken(columns, nameArg < 0 ? "name" : emailArg < 0 ? "email" : "phone");
      }
      return LeadRow.contactFieldsPresent(
          new Contact(
              blankToNull(text(columns.get(row, nameArg))),
              blankToNull(text(columns.get(row, emailArg))),
              blankToNull(text(columns.get(row, phoneArg))),
              null));
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
      return s == null || s.isEmpty() ? null : s;
    }
  }

  /** A customer row. */
  static final class Customers implements CustomerRow {
    private final Columns columns;
    private final InstantColumn signedUp;
    private final InstantColumn activated;
    private final InstantColumn cancelled;

    Customers(Columns columns) {
      this.columns = columns;
      this.signedUp = new InstantColumn(columns, "signed_up_at");
      this.activated = new InstantColumn(columns, "activated_at");
      this.cancelled = new InstantColumn(columns, "cancelled_at");
    }

    CustomerRow at(Row r) {
      signedUp.read(columns, r);
      activated.read(columns, r);
      cancelled.read(columns, r);
      return this;
    }

    private Instant signedUpAt() {
      Instant t = signedUp.get(columns);
      if (t == null) {
        throw new IllegalArgumentException(
            "column signed_up_at: \"\": signed_up_at is required");
      }
      return t;
    }

    @Override
    public long signedUpAtSecond() {
      return signedUpAt().getEpochSecond();
    }

    @Override
    public int signedUpAtNano() {
      return signedUpAt().getNano();
    }

    @Override
    public boolean activated() {
      return activated.get(columns) != null;
    }

    @Override
    public long activatedAtSecond() {
      Instant t = activated.get(columns);
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int activatedAtNano() {
      Instant t = activated.get(columns);
      return t == null ? 0 : t.getNano();
    }

    @Override
    public boolean cancelled() {
      return cancelled.get(columns) != null;
    }

    @Override
    public long cancelledAtSecond() {
      Instant t = cancelled.get(columns);
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int cancelledAtNano() {
      Instant t = cancelled.get(columns);
      return t == null ? 0 : t.getNano();
    }
  }

  /** A survey response row. */
  static final class Responses implements ResponseRow {
    private final Columns columns;
    private final InstantColumn responded;
    private final int scoreArg;
    private final int scaleArg;
    private int score;
    private SurveyScale scale = SurveyScale.NPS;

    Responses(Columns columns) {
      this.columns = columns;
      this.responded = new InstantColumn(columns, "responded_at");
      this.scoreArg = position(columns, "score");
      this.scaleArg = position(columns, "scale");
    }

    ResponseRow at(Row r) {
      responded.read(columns, r);
      if (scoreArg < 0 || scaleArg < 0) {
        throw notTaken(columns, scoreArg < 0 ? "score" : "scale");
      }
      Object sc = columns.get(r, scaleArg);
      Object s = columns.get(r, scoreArg);
      if (sc == null || s == null) {
        throw new IllegalArgumentException(
            "column " + (sc == null ? "scale" : "score") + ": \"\": "
                + (sc == null ? "scale" : "score") + " is required");
      }
      try {
        scale = SurveyScale.parse(sc.toString());
      } catch (IllegalArgumentException e) {
        throw bad("scale", sc, e);
      }
      score = ((Number) s).intValue();
      if (score < scale.min() || score > scale.max()) {
        throw new IllegalArgumentException(
            "column score: \"" + score + "\": score must be in [" + scale.min() + ", "
                + scale.max() + "]");
      }
      return this;
    }

    @Override
    public long respondedAtSecond() {
      Instant t = responded.get(columns);
      if (t == null) {
        throw new IllegalArgumentException(
            "column responded_at: \"\": responded_at is required");
      }
      return t.getEpochSecond();
    }

    @Override
    public int respondedAtNano() {
      Instant t = responded.get(columns);
      return t == null ? 0 : t.getNano();
    }

    @Override
    public int score() {
      return score;
    }

    @Override
    public boolean nps() {
      return scale == SurveyScale.NPS;
    }

    @Override
    public boolean csat() {
      return scale == SurveyScale.CSAT;
    }
  }
}
