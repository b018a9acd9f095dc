package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.salesmetrics.aggregate.Columns.NO_INSTANT;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.metric.CurrencyCodes;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Appends orders to a {@link ColumnStore}, one row at a time, straight into columns: set the fields
 * of a row (and its lines), then {@link #endRow()}; or {@link #add(Order)} a whole record. Get one
 * from {@link ColumnStore.Builder#orders()}. Rows are checked by the rules of {@link Order} when
 * they end, as {@link DealAppender} describes. Not thread safe.
 *
 * <pre>{@code
 * OrderAppender orders = builder.orders();
 * orders.id("O1").customer("C1").placedAt(1_709_251_200L, 0).amount(3_000, usd)
 *     .line("widget", 2, 2_000).line("gadget", 1, 1_000)
 *     .endRow();
 * }</pre>
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // instants are kept as second and nano
public final class OrderAppender {
  static final byte PAID = 1;
  static final byte REFUNDED = 2;

  private int capacity = 256;
  int size;
  private boolean sealed;
  final Columns.Ids ids = new Columns.Ids();
  final Columns.Text customers = new Columns.Text();
  final Columns.Text reps = new Columns.Text();
  final Columns.Text products = new Columns.Text();
  final Columns.Instants placed = new Columns.Instants();
  final Columns.Amounts amounts = new Columns.Amounts(capacity);
  byte[] status = new byte[capacity];
  /** Per row the units sold (its lines' quantities, 1 without lines), -1 if they overflow. */
  long[] units = new long[capacity];
  /** Per row, whether its lines name several products; null until one does. */
  @Nullable boolean[] several;
  // lines: those of row r are [lineStart[r], lineStart[r + 1])
  @Nullable int[] lineStart;
  int lineSize;
  int[] lineProduct = new int[0];
  long[] lineQuantity = new long[0];
  long[] lineAmount = new long[0];

  // the row being set
  private final StagedId id = new StagedId();
  @Nullable private String customer;
  private long placedSecond = NO_INSTANT;
  private int placedNano;
  private long amountMinor;
  @Nullable private Currency amountCurrency;
  @Nullable private OrderStatus orderStatus;
  @Nullable private String rep;
  private final List<String> rowProducts = new ArrayList<>();
  private long[] rowQuantities = new long[4];
  private long[] rowAmounts = new long[4];

  OrderAppender() {}

  /**
   * Sets the order id ({@code order_id}).
   *
   * @param orderId the id, not blank
   * @return this appender
   */
  @CanIgnoreReturnValue
  public OrderAppender id(String orderId) {
    id.set(checkNotNull(orderId, "orderId"));
    return this;
  }

  /**
   * Sets the order id from its UTF-8 bytes {@code utf8[from, to)}, as {@link #id(String)} does
   * with the decoded text; the bytes are copied, and a plain ASCII id makes no string.
   *
   * @param utf8 the bytes
   * @param from the first byte of the id
   * @param to the byte after its last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public OrderAppender id(byte[] utf8, int from, int to) {
    id.set(utf8, from, to);
    return this;
  }

  /**
   * Sets the buying customer.
   *
   * @param customerId the customer, not blank
   * @return this appender
   */
  @CanIgnoreReturnValue
  public OrderAppender customer(String customerId) {
    this.customer = checkNotNull(customerId, "customerId");
    return this;
  }

  /**
   * Sets the buying customer from the UTF-8 bytes of its id, {@code utf8[from, to)}, as {@link
   * #customer(String)} does with the decoded text; a customer seen before makes no new string.
   *
   * @param utf8 the bytes
   * @param from the first byte
   * @param to the byte after the last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public OrderAppender customer(byte[] utf8, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, utf8.length);
    this.customer = customers.text(utf8, from, to);
    return this;
  }

  /**
   * Sets {@code placed_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second
   * @return this appender
   */
  @CanIgnoreReturnValue
  public OrderAppender placedAt(long epochSecond, int nano) {
    this.placedSecond = epochSecond;
    this.placedNano = nano;
    return this;
  }

  /**
   * Sets {@code placed_at}.
   *
   * @param placedAt the instant
   * @return this appender
   */
  @CanIgnoreReturnValue
  public OrderAppender placedAt(Instant placedAt) {
    return placedAt(placedAt.getEpochSecond(), placedAt.getNano());
  }

  /**
   * Sets the order total.
   *
   * @param minorUnits the amount in minor units, not negative
   * @param currency its currency (also that of the lines)
   * @return this appender
   */
  @CanIgnoreReturnValue
  public OrderAppender amount(long minorUnits, Currency currency) {
    this.amountMinor = minorUnits;
    this.amountCurrency = checkNotNull(currency, "currency");
    return this;
  }

  /**
   * Sets the status (paid when not set).
   *
   * @param status paid or refunded
   * @return this appender
   */
  @CanIgnoreReturnValue
  public OrderAppender status(OrderStatus status) {
    this.orderStatus = checkNotNull(status, "status");
    return this;
  }

  /**
   * Sets the rep credited.
   *
   * @param repId the rep, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public OrderAppender rep(@Nullable String repId) {
    this.rep = repId;
    return this;
  }

  /**
   * Sets the rep credited from the UTF-8 bytes of its id, {@code utf8[from, to)}, as {@link
   * #rep(String)} does with the decoded text; a rep seen before makes no new string.
   *
   * @param utf8 the bytes
   * @param from the first byte
   * @param to the byte after the last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public OrderAppender rep(byte[] utf8, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, utf8.length);
    this.rep = reps.text(utf8, from, to);
    return this;
  }

  /**
   * Adds a line whose product is given as UTF-8 bytes, {@code utf8[from, to)}, as {@link
   * #line(String, long, long)} does with the decoded text; a product seen before makes no new
   * string.
   *
   * @param utf8 the bytes of the product
   * @param from the first byte
   * @param to the byte after the last
   * @param quantity at least 1
   * @param amountMinor the line's total in minor units of the order's currency
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public OrderAppender line(byte[] utf8, int from, int to, long quantity, long amountMinor) {
    java.util.Objects.checkFromToIndex(from, to, utf8.length);
    return line(products.text(utf8, from, to), quantity, amountMinor);
  }

  /**
   * Adds a line to the row.
   *
   * @param product the product, not blank
   * @param quantity at least 1
   * @param amountMinor the line's total in minor units of the order's currency
   * @return this appender
   */
  @CanIgnoreReturnValue
  public OrderAppender line(String product, long quantity, long amountMinor) {
    int n = rowProducts.size();
    if (n == rowQuantities.length) {
      rowQuantities = Arrays.copyOf(rowQuantities, n * 2);
      rowAmounts = Arrays.copyOf(rowAmounts, n * 2);
    }
    rowProducts.add(checkNotNull(product, "product"));
    rowQuantities[n] = quantity;
    rowAmounts[n] = amountMinor;
    return this;
  }

  /**
   * Checks the row by the rules of {@link Order} and appends it; see {@link
   * DealAppender#endRow()}.
   *
   * @throws IllegalArgumentException with the message {@link Order} gives, if a rule is broken
   * @throws NullPointerException if a required field was not set
   * @throws IllegalStateException if the store was built
   */
  public void endRow() {
    checkOpen();
    try {
      if (plainRow()) {
        append(
            id.text(), customer, rep, placedSecond, placedNano, amountMinor, amountCurrency,
            orderStatus == null || orderStatus == OrderStatus.PAID, rowProducts, rowQuantities,
            rowAmounts);
        id.storeBytes(ids, size - 1, capacity);
      } else {
        boolean none = id.absent();
        add(record());
        if (none) {
          ids.set(size - 1, capacity, null); // checked with a stand-in id; the row has none
        }
      }
    } finally {
      clear();
    }
  }

  /**
   * Appends a whole order.
   *
   * @param order the order
   * @return this appender
   * @throws IllegalStateException if the store was built
   */
  @CanIgnoreReturnValue
  public OrderAppender add(Order order) {
    checkOpen();
    checkNotNull(order, "order");
    List<OrderLine> lines = order.lines();
    List<String> names = new ArrayList<>(lines.size());
    long[] quantities = new long[lines.size()];
    long[] lineAmounts = new long[lines.size()];
    for (OrderLine line : lines) {
      quantities[names.size()] = line.quantity();
      lineAmounts[names.size()] = line.amount().minorUnits();
      names.add(line.product());
    }
    append(
        order.id(), order.customerId(), order.repId(), order.placedAt().getEpochSecond(),
        order.placedAt().getNano(), order.amount().minorUnits(), order.amount().currency(),
        order.status() == OrderStatus.PAID, names, quantities, lineAmounts);
    return this;
  }

  /** Tells whether the staged row certainly passes the rules of {@link Order}. */
  private boolean plainRow() {
    if (customer == null
        || amountCurrency == null
        || amountMinor < 0
        || placedSecond == NO_INSTANT
        || placedNano < 0
        || placedNano > 999_999_999
        || !id.plain()
        || !Columns.plain(customer)
        || !Columns.plain(rep)) {
      return false;
    }
    long sum = 0;
    for (int i = 0; i < rowProducts.size(); i++) {
      if (!Columns.plain(rowProducts.get(i)) || rowQuantities[i] <= 0 || rowAmounts[i] < 0) {
        return false;
      }
      if (rowAmounts[i] > Long.MAX_VALUE - sum) {
        return false;
      }
      sum += rowAmounts[i];
    }
    return rowProducts.isEmpty() || sum == amountMinor;
  }

  /** The staged row as a record, which applies (or throws) the record's rules. */
  private Order record() {
    Money total = amountCurrency == null ? null : Money.ofMinor(amountMinor, amountCurrency);
    Order.Builder b =
        Order.builder(
            id.forRecord(size),
            customer,
            placedSecond == NO_INSTANT ? null : Instant.ofEpochSecond(placedSecond, placedNano),
            total);
    b.status(orderStatus == null ? OrderStatus.PAID : orderStatus).repId(rep);
    for (int i = 0; i < rowProducts.size(); i++) {
      b.line(
          rowProducts.get(i),
          rowQuantities[i],
          amountCurrency == null ? null : Money.ofMinor(rowAmounts[i], amountCurrency));
    }
    return b.build();
  }

  private void clear() {
    id.clear();
    customer = null;
    placedSecond = NO_INSTANT;
    placedNano = 0;
    amountMinor = 0;
    amountCurrency = null;
    orderStatus = null;
    rep = null;
    rowProducts.clear();
  }

  private void append(
      @Nullable String orderId,
      String customerId,
      @Nullable String repId,
      long placedSec,
      int placedNs,
      long minor,
      Currency currency,
      boolean paid,
      List<String> lineProducts,
      long[] quantities,
      long[] lineAmounts) {
    if (size == capacity) {
      grow();
    }
    int r = size;
    ids.set(r, capacity, orderId);
    customers.set(r, capacity, customerId);
    reps.set(r, capacity, repId);
    placed.set(r, capacity, placedSec, placedNs);
    amounts.set(r, minor, currency);
    status[r] = paid ? PAID : REFUNDED;
    int count = lineProducts.size();
    String single = null;
    boolean many = false;
    long n = count == 0 ? 1 : 0;
    for (int i = 0; i < count; i++) {
      String product = lineProducts.get(i);
      if (single == null) {
        single = product;
      } else if (!single.equals(product)) {
        many = true;
      }
      n = n < 0 || quantities[i] > Long.MAX_VALUE - n ? -1 : n + quantities[i];
    }
    units[r] = n;
    products.set(r, capacity, many ? null : single);
    if (many) {
      if (several == null) {
        several = new boolean[capacity];
      }
      several[r] = true;
    } else if (several != null) {
      several[r] = false;
    }
    if (count > 0 && lineStart == null) {
      lineStart = new int[capacity + 1];
    }
    if (lineStart != null) {
      lineStart[r] = lineSize;
      for (int i = 0; i < count; i++) {
        if (lineSize == lineProduct.length) {
          int c = Math.max(16, lineSize * 2);
          lineProduct = Arrays.copyOf(lineProduct, c);
          lineQuantity = Arrays.copyOf(lineQuantity, c);
          lineAmount = Arrays.copyOf(lineAmount, c);
        }
        lineProduct[lineSize] = products.dictionary.code(lineProducts.get(i));
        lineQuantity[lineSize] = quantities[i];
        lineAmount[lineSize] = lineAmounts[i];
        lineSize++;
      }
      lineStart[r + 1] = lineSize;
    }
    size = r + 1;
  }

  private void grow() {
    int n = capacity * 2;
    capacity = n;
    ids.grow(n);
    customers.grow(n);
    reps.grow(n);
    products.grow(n);
    placed.grow(n);
    amounts.grow(n);
    status = Arrays.copyOf(status, n);
    units = Arrays.copyOf(units, n);
    if (several != null) {
      several = Arrays.copyOf(several, n);
    }
    if (lineStart != null) {
      lineStart = Arrays.copyOf(lineStart, n + 1);
    }
  }

  private void checkOpen() {
    if (sealed) {
      throw new IllegalStateException("the column store of this appender was built");
    }
  }

  /** Trims the columns to size; no row is appended afterwards. */
  void seal() {
    if (sealed) {
      return;
    }
    sealed = true;
    ids.trim(size);
    customers.trim(size);
    reps.trim(size);
    products.trim(size);
    placed.trim(size);
    amounts.trim(size);
    if (status.length != size) {
      status = Arrays.copyOf(status, size);
      units = Arrays.copyOf(units, size);
    }
    if (several != null && several.length != size) {
      several = Arrays.copyOf(several, size);
    }
    if (lineStart != null) {
      lineStart = Arrays.copyOf(lineStart, size + 1);
    }
  }

  /**
   * Returns how many rows were appended.
   *
   * @return the row count
   */
  public int size() {
    return size;
  }

  /** Tells whether row {@code r}'s lines name several products. */
  boolean severalProducts(int r) {
    return several != null && several[r];
  }

  /** The units of row {@code r}; throws as the record's lines would if they overflow. */
  long units(int r) {
    long n = units[r];
    if (n >= 0) {
      return n;
    }
    long sum = 0;
    for (int l = lineStart[r]; l < lineStart[r + 1]; l++) {
      sum = Math.addExact(sum, lineQuantity[l]);
    }
    return sum;
  }

  /** The order of row {@code r}, as a record (its id must be known). */
  Order order(int r) {
    String orderId = ids.value(r);
    if (orderId == null) {
      throw new IllegalStateException(
          "the order in row " + r + " of the column store has no id: a metric that reads orders"
              + " as records needs their ids");
    }
    Currency c = CurrencyCodes.currency(amounts.currency[r]);
    Order.Builder b =
        Order.builder(
                orderId,
                customers.value(r),
                placed.instant(r),
                Money.ofMinor(amounts.minor[r], c))
            .status(status[r] == PAID ? OrderStatus.PAID : OrderStatus.REFUNDED)
            .repId(reps.value(r));
    if (lineStart != null) {
      for (int l = lineStart[r]; l < lineStart[r + 1]; l++) {
        b.line(
            products.dictionary.name(lineProduct[l]),
            lineQuantity[l],
            Money.ofMinor(lineAmount[l], c));
      }
    }
    return b.build();
  }

  /** The bytes the columns hold (not the dictionaries nor the ids' text). */
  long columnBytes() {
    return customers.bytes() + reps.bytes() + products.bytes() + placed.bytes() + amounts.bytes()
        + status.length + 8L * units.length + ids.bytes()
        + 20L * lineSize;
  }
}
