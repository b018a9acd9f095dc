package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.salesmetrics.aggregate.Columns.NO_INSTANT;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Appends deals to a {@link ColumnStore}, one row at a time, straight into columns: set the fields
 * of a row, then {@link #endRow()}; or {@link #add(Deal)} a whole record. Get one from {@link
 * ColumnStore.Builder#deals()}; each appender fills one segment of the store, so several threads
 * may each fill their own.
 *
 * <pre>{@code
 * DealAppender deals = builder.deals();
 * deals.id("D1").rep("R1").amount(120_000, usd)
 *     .createdAt(1_704_067_200L, 0)
 *     .status(DealStatus.WON).closedAt(1_706_745_600L, 0)
 *     .endRow();
 * }</pre>
 *
 * <p>A row is checked by the rules of {@link Deal} when it ends, and a row that breaks one throws
 * exactly the {@link IllegalArgumentException} (or {@link NullPointerException}) the record would;
 * the row is then not appended and the appender is ready for the next one. Text is stored in
 * dictionaries (a rep id is kept once, however many deals name it); a blank optional text is
 * absent, as in the record. Instants are given as {@link Instant} or as epoch second and
 * nanosecond. A deal needs no id for the kernel metrics; a metric that reads deals as records
 * (one without a kernel, a filter, an as-of instant) needs the ids. Not thread safe.
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // instants are kept as second and nano
public final class DealAppender {
  static final byte OPEN = 0;
  static final byte WON = 1;
  static final byte LOST = 2;

  private int capacity = 256;
  int size;
  private boolean sealed;
  final Columns.Ids ids = new Columns.Ids();
  final Columns.Text reps = new Columns.Text();
  final Columns.Text products = new Columns.Text();
  final Columns.Text customers = new Columns.Text();
  final Columns.Text leads = new Columns.Text();
  final Columns.Text stages = new Columns.Text();
  final Columns.Amounts amounts = new Columns.Amounts(capacity);
  final Columns.Instants created = new Columns.Instants();
  final Columns.Instants closed = new Columns.Instants();
  byte[] status = new byte[capacity];
  @Nullable double[] probabilities;
  // stage history: the entries of row r are [historyStart[r], historyStart[r + 1])
  @Nullable int[] historyStart;
  int historySize;
  int[] historyStage = new int[0];
  final Columns.Instants historyAt = new Columns.Instants();
  private final Codes.Strings historyStages = new Codes.Strings();

  // the row being set
  private final StagedId id = new StagedId();
  @Nullable private String rep;
  private long amountMinor;
  @Nullable private Currency amountCurrency;
  private long createdSecond = NO_INSTANT;
  private int createdNano;
  @Nullable private DealStatus dealStatus;
  private long closedSecond = NO_INSTANT;
  private int closedNano;
  @Nullable private String stage;
  private double probability = Double.NaN;
  @Nullable private String customer;
  @Nullable private String lead;
  @Nullable private String product;
  private final List<String> rowStages = new ArrayList<>();
  private long[] rowStageSeconds = new long[4];
  private int[] rowStageNanos = new int[4];

  DealAppender() {}

  /**
   * Sets the deal id ({@code deal_id}).
   *
   * @param dealId the id, not blank
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender id(String dealId) {
    id.set(checkNotNull(dealId, "dealId"));
    return this;
  }

  /**
   * Sets the deal id from its UTF-8 bytes {@code utf8[from, to)}, as {@link #id(String)} does with
   * the decoded text; the bytes are copied, and a plain ASCII id makes no string.
   *
   * @param utf8 the bytes
   * @param from the first byte of the id
   * @param to the byte after its last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public DealAppender id(byte[] utf8, int from, int to) {
    id.set(utf8, from, to);
    return this;
  }

  /**
   * Sets the owning rep ({@code rep_id}).
   *
   * @param repId the rep, not blank
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender rep(String repId) {
    this.rep = checkNotNull(repId, "repId");
    return this;
  }

  /**
   * Sets the owning rep from the UTF-8 bytes of its id, {@code utf8[from, to)}, as {@link
   * #rep(String)} does with the decoded text; a rep seen before makes no new string.
   *
   * @param utf8 the bytes
   * @param from the first byte
   * @param to the byte after the last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public DealAppender rep(byte[] utf8, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, utf8.length);
    this.rep = reps.text(utf8, from, to);
    return this;
  }

  /**
   * Sets the amount; a row without one is a deal whose amount is unknown (open or lost only).
   *
   * @param minorUnits the amount in minor units of {@code currency}, not negative
   * @param currency its currency
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender amount(long minorUnits, Currency currency) {
    this.amountMinor = minorUnits;
    this.amountCurrency = checkNotNull(currency, "currency");
    return this;
  }

  /**
   * Sets {@code created_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second, in [0, 999,999,999]
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender createdAt(long epochSecond, int nano) {
    this.createdSecond = epochSecond;
    this.createdNano = nano;
    return this;
  }

  /**
   * Sets {@code created_at}.
   *
   * @param createdAt the instant
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender createdAt(Instant createdAt) {
    return createdAt(createdAt.getEpochSecond(), createdAt.getNano());
  }

  /**
   * Sets the status (open when not set).
   *
   * @param status open, won or lost
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender status(DealStatus status) {
    this.dealStatus = checkNotNull(status, "status");
    return this;
  }

  /**
   * Sets {@code closed_at}, which a won or lost deal has and an open one has not.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second, in [0, 999,999,999]
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender closedAt(long epochSecond, int nano) {
    this.closedSecond = epochSecond;
    this.closedNano = nano;
    return this;
  }

  /**
   * Sets {@code closed_at}.
   *
   * @param closedAt the instant
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender closedAt(Instant closedAt) {
    return closedAt(closedAt.getEpochSecond(), closedAt.getNano());
  }

  /**
   * Sets the current stage.
   *
   * @param stageName the stage, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender stage(@Nullable String stageName) {
    this.stage = stageName;
    return this;
  }

  /**
   * Sets {@code stage} from UTF-8 bytes, {@code utf8[from, to)}, as {@link #stage(String)} does with
   * the decoded text; a value seen before makes no new string.
   *
   * @param utf8 the bytes
   * @param from the first byte
   * @param to the byte after the last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public DealAppender stage(byte[] utf8, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, utf8.length);
    this.stage = stages.text(utf8, from, to);
    return this;
  }

  /**
   * Sets the probability of winning.
   *
   * @param p in [0, 1]
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender probability(double p) {
    this.probability = p;
    return this;
  }

  /**
   * Sets the customer.
   *
   * @param customerId the customer, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender customer(@Nullable String customerId) {
    this.customer = customerId;
    return this;
  }

  /**
   * Sets {@code customer} from UTF-8 bytes, {@code utf8[from, to)}, as {@link #customer(String)} does with
   * the decoded text; a value seen before makes no new string.
   *
   * @param utf8 the bytes
   * @param from the first byte
   * @param to the byte after the last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public DealAppender customer(byte[] utf8, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, utf8.length);
    this.customer = customers.text(utf8, from, to);
    return this;
  }

  /**
   * Sets the lead the deal came from.
   *
   * @param leadId the lead, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender lead(@Nullable String leadId) {
    this.lead = leadId;
    return this;
  }

  /**
   * Sets {@code lead} from UTF-8 bytes, {@code utf8[from, to)}, as {@link #lead(String)} does with
   * the decoded text; a value seen before makes no new string.
   *
   * @param utf8 the bytes
   * @param from the first byte
   * @param to the byte after the last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public DealAppender lead(byte[] utf8, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, utf8.length);
    this.lead = leads.text(utf8, from, to);
    return this;
  }

  /**
   * Sets the product.
   *
   * @param productName the product, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender product(@Nullable String productName) {
    this.product = productName;
    return this;
  }

  /**
   * Sets {@code product} from UTF-8 bytes, {@code utf8[from, to)}, as {@link #product(String)} does with
   * the decoded text; a value seen before makes no new string.
   *
   * @param utf8 the bytes
   * @param from the first byte
   * @param to the byte after the last
   * @return this appender
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  @CanIgnoreReturnValue
  public DealAppender product(byte[] utf8, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, utf8.length);
    this.product = products.text(utf8, from, to);
    return this;
  }

  /**
   * Adds an entry to the row's stage history, in time order.
   *
   * @param stageName the stage entered
   * @param epochSecond when, as epoch second
   * @param nano and nanosecond
   * @return this appender
   */
  @CanIgnoreReturnValue
  public DealAppender enteredStage(String stageName, long epochSecond, int nano) {
    int n = rowStages.size();
    if (n == rowStageSeconds.length) {
      rowStageSeconds = Arrays.copyOf(rowStageSeconds, n * 2);
      rowStageNanos = Arrays.copyOf(rowStageNanos, n * 2);
    }
    rowStages.add(checkNotNull(stageName, "stage"));
    rowStageSeconds[n] = epochSecond;
    rowStageNanos[n] = nano;
    return this;
  }

  /**
   * Checks the row by the rules of {@link Deal} and appends it; the next fields set start a new
   * row. A row that breaks a rule is not appended and its fields are cleared.
   *
   * @throws IllegalArgumentException with the message {@link Deal} gives, if a rule is broken
   * @throws NullPointerException if {@code rep} or {@code createdAt} was not set
   * @throws IllegalStateException if the store was built
   */
  public void endRow() {
    checkOpen();
    try {
      if (plainRow()) {
        append(
            id.text(), rep, amountCurrency == null ? 0 : amountMinor, amountCurrency, createdSecond,
            createdNano, dealStatus == null ? DealStatus.OPEN : dealStatus, closedSecond,
            closedNano, stage, probability, customer, lead, product);
        appendHistory(rowStages, rowStageSeconds, rowStageNanos);
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
   * Appends a whole deal.
   *
   * @param deal the deal
   * @return this appender
   * @throws IllegalStateException if the store was built
   */
  @CanIgnoreReturnValue
  public DealAppender add(Deal deal) {
    checkOpen();
    checkNotNull(deal, "deal");
    Money a = deal.amount();
    Instant c = deal.closedAt();
    append(
        deal.id(), deal.repId(), a == null ? 0 : a.minorUnits(), a == null ? null : a.currency(),
        deal.createdAt().getEpochSecond(), deal.createdAt().getNano(), deal.status(),
        c == null ? NO_INSTANT : c.getEpochSecond(), c == null ? 0 : c.getNano(), deal.stage(),
        deal.probability() == null ? Double.NaN : deal.probability(), deal.customerId(),
        deal.leadId(), deal.product());
    if (!deal.stageHistory().isEmpty()) {
      List<String> names = new ArrayList<>();
      long[] seconds = new long[deal.stageHistory().size()];
      int[] nanos = new int[seconds.length];
      for (StageChange s : deal.stageHistory()) {
        seconds[names.size()] = s.enteredAt().getEpochSecond();
        nanos[names.size()] = s.enteredAt().getNano();
        names.add(s.stage());
      }
      appendHistory(names, seconds, nanos);
    } else if (historyStart != null) {
      historyStart[size] = historySize;
    }
    return this;
  }

  /** Tells whether the staged row certainly passes the rules of {@link Deal}. */
  private boolean plainRow() {
    if (rep == null || createdSecond == NO_INSTANT) {
      return false;
    }
    DealStatus s = dealStatus == null ? DealStatus.OPEN : dealStatus;
    boolean closedRow = s != DealStatus.OPEN;
    if (closedRow != (closedSecond != NO_INSTANT)
        || (closedRow && compare(closedSecond, closedNano, createdSecond, createdNano) < 0)
        || (amountCurrency != null && amountMinor < 0)
        || (amountCurrency == null && s == DealStatus.WON)
        || (!Double.isNaN(probability) && !(probability >= 0 && probability <= 1))
        || (probability == 0.0 && 1 / probability < 0)
        || bad(createdNano)
        || bad(closedNano)) {
      return false;
    }
    if (!id.plain()
        || !Columns.plain(rep)
        || !Columns.plain(stage)
        || !Columns.plain(customer)
        || !Columns.plain(lead)
        || !Columns.plain(product)) {
      return false;
    }
    long lastSecond = createdSecond;
    int lastNano = createdNano;
    for (int i = 0; i < rowStages.size(); i++) {
      if (!Columns.plain(rowStages.get(i))
          || bad(rowStageNanos[i])
          || compare(rowStageSeconds[i], rowStageNanos[i], lastSecond, lastNano) < 0) {
        return false;
      }
      lastSecond = rowStageSeconds[i];
      lastNano = rowStageNanos[i];
    }
    return stage != null || rowStages.isEmpty();
  }

  private static boolean bad(int nano) {
    return nano < 0 || nano > 999_999_999;
  }

  private static int compare(long s1, int n1, long s2, int n2) {
    int c = Long.compare(s1, s2);
    return c != 0 ? c : Integer.compare(n1, n2);
  }

  /** The staged row as a record, which applies (or throws) the record's rules. */
  private Deal record() {
    Money a = amountCurrency == null ? null : Money.ofMinor(amountMinor, amountCurrency);
    Deal.Builder b =
        Deal.builder(
            id.forRecord(size),
            rep,
            a,
            createdSecond == NO_INSTANT ? null : Instant.ofEpochSecond(createdSecond, createdNano));
    DealStatus s = dealStatus == null ? DealStatus.OPEN : dealStatus;
    b.status(s, closedSecond == NO_INSTANT ? null : Instant.ofEpochSecond(closedSecond, closedNano));
    b.stage(stage).customerId(customer).leadId(lead).product(product);
    if (!Double.isNaN(probability)) {
      b.probability(probability);
    }
    for (int i = 0; i < rowStages.size(); i++) {
      b.addStage(rowStages.get(i), Instant.ofEpochSecond(rowStageSeconds[i], rowStageNanos[i]));
    }
    return b.build();
  }

  private void clear() {
    id.clear();
    rep = null;
    amountMinor = 0;
    amountCurrency = null;
    createdSecond = NO_INSTANT;
    createdNano = 0;
    dealStatus = null;
    closedSecond = NO_INSTANT;
    closedNano = 0;
    stage = null;
    probability = Double.NaN;
    customer = null;
    lead = null;
    product = null;
    rowStages.clear();
  }

  private void append(
      @Nullable String dealId,
      String repId,
      long minor,
      @Nullable Currency currency,
      long createdSec,
      int createdNs,
      DealStatus s,
      long closedSec,
      int closedNs,
      @Nullable String stageName,
      double p,
      @Nullable String customerId,
      @Nullable String leadId,
      @Nullable String productName) {
    if (size == capacity) {
      grow();
    }
    int r = size;
    ids.set(r, capacity, dealId);
    reps.set(r, capacity, repId);
    amounts.set(r, minor, currency);
    created.set(r, capacity, createdSec, createdNs);
    status[r] = s == DealStatus.WON ? WON : s == DealStatus.LOST ? LOST : OPEN;
    closed.set(r, capacity, closedSec, closedNs);
    stages.set(r, capacity, stageName);
    if (!Double.isNaN(p)) {
      if (probabilities == null) {
        probabilities = new double[capacity];
        Arrays.fill(probabilities, Double.NaN);
      }
      probabilities[r] = p;
    }
    customers.set(r, capacity, customerId);
    leads.set(r, capacity, leadId);
    products.set(r, capacity, productName);
    size = r + 1;
  }

  private void appendHistory(List<String> names, long[] seconds, int[] nanos) {
    int r = size - 1;
    if (names.isEmpty()) {
      if (historyStart != null) {
        historyStart[r + 1] = historySize;
      }
      return;
    }
    if (historyStart == null) {
      historyStart = new int[capacity + 1];
    }
    historyStart[r] = historySize;
    for (int i = 0; i < names.size(); i++) {
      if (historySize == historyStage.length) {
        int n = Math.max(16, historySize * 2);
        historyStage = Arrays.copyOf(historyStage, n);
        historyAt.grow(n);
      }
      historyStage[historySize] = historyStages.code(names.get(i));
      historyAt.set(historySize, historyStage.length, seconds[i], nanos[i]);
      historySize++;
    }
    historyStart[r + 1] = historySize;
  }

  private void grow() {
    int n = capacity * 2;
    capacity = n;
    ids.grow(n);
    reps.grow(n);
    products.grow(n);
    customers.grow(n);
    leads.grow(n);
    stages.grow(n);
    amounts.grow(n);
    created.grow(n);
    closed.grow(n);
    status = Arrays.copyOf(status, n);
    if (probabilities != null) {
      int old = probabilities.length;
      probabilities = Arrays.copyOf(probabilities, n);
      Arrays.fill(probabilities, old, n, Double.NaN);
    }
    if (historyStart != null) {
      int[] grown = Arrays.copyOf(historyStart, n + 1);
      historyStart = grown;
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
    reps.trim(size);
    products.trim(size);
    customers.trim(size);
    leads.trim(size);
    stages.trim(size);
    amounts.trim(size);
    created.trim(size);
    closed.trim(size);
    if (status.length != size) {
      status = Arrays.copyOf(status, size);
    }
    if (probabilities != null && probabilities.length != size) {
      probabilities = Arrays.copyOf(probabilities, size);
    }
    if (historyStart != null) {
      historyStart = Arrays.copyOf(historyStart, size + 1);
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

  /** The deal of row {@code r}, as a record (its id must be known). */
  Deal deal(int r) {
    String dealId = ids.value(r);
    if (dealId == null) {
      throw new IllegalStateException(
          "the deal in row " + r + " of the column store has no id: a metric that reads deals as"
              + " records needs their ids");
    }
    Money a = amounts.has(r) ? Money.ofMinor(amounts.minor[r], currency(amounts.currency[r])) : null;
    Deal.Builder b =
        Deal.builder(dealId, reps.value(r), a, Instant.ofEpochSecond(created.second(r), created.nano(r)));
    byte s = status[r];
    b.status(
        s == WON ? DealStatus.WON : s == LOST ? DealStatus.LOST : DealStatus.OPEN,
        closed.instant(r));
    b.stage(stages.value(r))
        .customerId(customers.value(r))
        .leadId(leads.value(r))
        .product(products.value(r));
    if (probabilities != null && !Double.isNaN(probabilities[r])) {
      b.probability(probabilities[r]);
    }
    if (historyStart != null) {
      for (int h = historyStart[r]; h < historyStart[r + 1]; h++) {
        b.addStage(historyStages.name(historyStage[h]), historyAt.instant(h));
      }
    }
    return b.build();
  }

  private static Currency currency(short code) {
    return dev.salesmetrics.metric.CurrencyCodes.currency(code);
  }

  /** The bytes the columns hold (not the dictionaries nor the ids' text). */
  long columnBytes() {
    return reps.bytes() + products.bytes() + customers.bytes() + leads.bytes() + stages.bytes()
        + amounts.bytes() + created.bytes() + closed.bytes() + status.length
        + (probabilities == null ? 0 : 8L * probabilities.length)
        + ids.bytes();
  }
}
