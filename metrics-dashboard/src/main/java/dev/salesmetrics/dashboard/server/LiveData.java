package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.io.CsvFormat;
import dev.salesmetrics.io.CsvFormatException;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.RejectedRow;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricRegistry;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.time.Granularity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The records of a data directory kept live: the interchange CSV files read at start (the
 * history), plus every batch accepted since, which is written to a journal and forced to disk
 * before {@link #accept} returns, and read back when the directory is opened again.
 *
 * <pre>{@code
 * LiveData data = LiveData.builder(Path.of("data"))
 *     .metrics(List.of(Metrics.WIN_RATE, Metrics.SALES_VOLUME))   // overall, per month (UTC)
 *     .scope("rep", List.of(Metrics.WIN_RATE))                    // per rep and month
 *     .open();
 * data.accept(RecordKind.DEALS, csvText, "deals.csv");
 * }</pre>
 *
 * <p><b>Files.</b> The history files are only read. The journal is {@code
 * <dir>/.salesmetrics/journal.txt}; the live dashboard keeps its alert state beside it ({@code
 * alert-state.txt}). A batch is the text of one deals.csv, orders.csv, leads.csv or customers.csv
 * (header and rows), checked row by row exactly as those files are ({@link CsvFormat}, strict,
 * in the zone of the options) and stored as received.
 *
 * <p><b>Replacement.</b> Deals, orders, leads and customers are keyed by id: a record whose id is
 * already known (from the files or an earlier batch) replaces it, so posting a deal again moves
 * it from open to won. The figures are always those of the latest version of every record: a
 * replacement makes the next figures rebuild the live views from the stored records (a pass over
 * every record), while a new record is only added to them. A replacing deal keeps the stage
 * history of the deal it replaces, as deals.csv rows carry none.
 *
 * <p><b>Currencies.</b> The live figures add money across records, so a deal must be in the
 * currency of the stored deals and quotas, an order in that of the stored orders; another
 * currency is a bad row (column {@code currency}).
 *
 * <p>Thread safe: batches may be accepted from many threads; each is applied whole, in journal
 * order.
 */
public final class LiveData implements RecordSink, AutoCloseable {
  /** The directory, inside the data directory, that holds the journal and the alert state. */
  public static final String STATE_DIRECTORY = ".salesmetrics";

  private final Path dir;
  private final Path stateDir;
  private final CsvOptions postOptions;
  private final RecordStore store;
  private final Journal journal;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private LiveData(Path dir, CsvOptions postOptions, RecordStore store, Journal journal) {
    this.dir = dir;
    this.stateDir = dir.resolve(STATE_DIRECTORY);
    this.postOptions = postOptions;
    this.store = store;
    this.journal = journal;
  }

  /**
   * Starts the definition of the live data of {@code dir}.
   *
   * @param dir a directory of interchange CSV files (some may be absent)
   * @return a builder: strict options, monthly periods in UTC, no metric yet
   */
  public static Builder builder(Path dir) {
    return new Builder(checkNotNull(dir, "dir"));
  }

  /**
   * Checks every row of {@code csv}, then writes the batch to the journal, applies it and forces
   * the journal to disk. Nothing of a batch with a bad row is applied or written.
   *
   * @param kind which file's rows the text holds
   * @param csv the CSV text, header first
   * @param source the name used in messages, such as {@code "deals.csv"}
   * @return what was accepted; a text with a header and no row accepts 0 records and writes
   *     nothing
   * @throws CsvFormatException for the first bad row, naming {@code source}, the line, column and
   *     value, with the messages of a file load
   * @throws IOException if the journal cannot be written or forced (the batch is then not
   *     applied, and after a failed force no further batch is accepted)
   */
  @Override
  @CanIgnoreReturnValue
  public Accepted accept(RecordKind kind, String csv, String source) throws IOException {
    checkNotNull(kind, "kind");
    checkNotNull(csv, "csv");
    checkNotNull(source, "source");
    List<? extends SalesRecord> records = parse(kind, csv, source, postOptions);
    if (records.isEmpty()) {
      return new Accepted(kind, 0, 0, 0);
    }
    long[] end = new long[1];
    RecordStore.Outcome outcome =
        store.accept(
            kind,
            records,
            () -> {
              long seq = journal.write(kind, source, csv);
              end[0] = journal.end();
              return seq;
            });
    if (!outcome.applied()) {
      int i = outcome.foreignIndex();
      SalesRecord r = records.get(i);
      String code = currencyCode(r);
      String what = kind == RecordKind.DEALS ? "the stored deals and quotas" : "the stored orders";
      throw new CsvFormatException(
          new RejectedRow(
              source,
              CsvLines.lineOfRow(csv, i),
              "currency",
              code,
              "currency " + code + " differs from " + checkNotNull(outcome.expected())
                  + ", the currency of " + what + ": the live figures add money of one currency"));
    }
    journal.force(end[0]);
    for (Runnable l : listeners) {
      l.run();
    }
    return new Accepted(kind, records.size(), outcome.replaced(), outcome.sequence());
  }

  private static String currencyCode(SalesRecord r) {
    if (r instanceof Deal d) {
      return d.amount().currency().getCurrencyCode();
    }
    if (r instanceof Order o) {
      return o.amount().currency().getCurrencyCode();
    }
    return "";
  }

  static List<? extends SalesRecord> parse(
      RecordKind kind, String csv, String source, CsvOptions options) {
    return switch (kind) {
      case DEALS -> CsvFormat.DEALS.parse(source, csv, options).value();
      case ORDERS -> CsvFormat.ORDERS.parse(source, csv, options).value();
      case LEADS -> CsvFormat.LEADS.parse(source, csv, options).value();
      case CUSTOMERS -> CsvFormat.CUSTOMERS.parse(source, csv, options).value();
    };
  }

  /**
   * Returns the data directory.
   *
   * @return the directory given to the builder
   */
  public Path directory() {
    return dir;
  }

  /**
   * Returns the directory of the journal and the alert state, {@code <dir>/.salesmetrics}.
   *
   * @return the state directory
   */
  public Path stateDirectory() {
    return stateDir;
  }

  /**
   * Returns the number of the last batch applied (from the journal), 0 when none.
   *
   * @return the journal number of the newest batch
   */
  public long journalSequence() {
    return store.applied();
  }

  /**
   * Returns the bytes of a torn last journal entry (a batch being written when the machine
   * stopped, never acknowledged) that were cut off when the journal was opened.
   *
   * @return the bytes cut off, 0 when the journal was whole
   */
  public long truncatedJournalBytes() {
    return journal.truncatedBytes();
  }

  /**
   * Returns a copy of the stored records: the files' records with every accepted batch applied.
   *
   * @return the records as a data set
   */
  public Dataset dataset() {
    return store.dataset();
  }

  RecordStore store() {
    return store;
  }

  /** Calls {@code listener} after every accepted batch, on the accepting thread. */
  void listen(Runnable listener) {
    listeners.add(checkNotNull(listener, "listener"));
  }

  void unlisten(Runnable listener) {
    listeners.remove(listener);
  }

  /**
   * Closes the journal; later batches fail.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    journal.close();
  }

  /**
   * Returns the directory and the number of the last batch.
   *
   * @return e.g. {@code LiveData[data, journal 12]}
   */
  @Override
  public String toString() {
    return "LiveData[" + dir + ", journal " + journalSequence() + "]";
  }

  /** Defines a {@link LiveData}: options, periods and the figures to keep live. Not thread safe. */
  public static final class Builder {
    private final Path dir;
    private CsvOptions options = CsvOptions.strict();
    private Granularity granularity = Granularity.MONTH;
    private ZoneId zone = ZoneOffset.UTC;
    private final List<Scope> scopes = new ArrayList<>();

    private Builder(Path dir) {
      this.dir = dir;
    }

    /**
     * Sets how the files are read (strict or lenient, zone, mappings); batches are always read
     * strictly in the interchange schema, in the options' zone.
     *
     * @param options the options
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder options(CsvOptions options) {
      this.options = checkNotNull(options, "options");
      return this;
    }

    /**
     * Sets the periods of the figures; the default is months in UTC.
     *
     * @param granularity day, week, month, quarter or year
     * @param zone the zone periods are read in
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder period(Granularity granularity, ZoneId zone) {
      this.granularity = checkNotNull(granularity, "granularity");
      this.zone = checkNotNull(zone, "zone");
      return this;
    }

    /**
     * Adds metrics to the overall figures (grouped by period only).
     *
     * @param metrics the metrics
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder metrics(List<? extends Metric<?, ?>> metrics) {
      scopes.add(new Scope(ImmutableList.of(), ImmutableList.copyOf(metrics)));
      return this;
    }

    /**
     * Adds metrics computed per value of a dimension (and per period).
     *
     * @param dimension rep, team, region, product, campaign, source or customer
     * @param metrics the metrics
     * @return this builder
     * @throws IllegalArgumentException for an unknown dimension
     */
    @CanIgnoreReturnValue
    public Builder scope(String dimension, List<? extends Metric<?, ?>> metrics) {
      checkNotNull(dimension, "dimension");
      scopes.add(
          new Scope(
              ImmutableList.of(dimension.strip().toLowerCase(Locale.ROOT)),
              ImmutableList.copyOf(metrics)));
      return this;
    }

    /**
     * Adds what {@code rules} read: each rule's metric, overall or per the rule's dimension.
     *
     * @param rules the rules
     * @param registry where the rules' metric ids are looked up, such as {@code
     *     Metrics.registry()}
     * @return this builder
     * @throws IllegalArgumentException if a metric id is not in the registry, or a rule's
     *     dimension is unknown
     */
    @CanIgnoreReturnValue
    public Builder rules(List<Rule> rules, MetricRegistry registry) {
      checkNotNull(registry, "registry");
      for (Rule r : rules) {
        Metric<?, ?> m = registry.byId(r.metricId());
        ImmutableList<String> dims =
            r.dimension()
                .map(d -> ImmutableList.of(d.strip().toLowerCase(Locale.ROOT)))
                .orElse(ImmutableList.of());
        scopes.add(new Scope(dims, ImmutableList.of(m)));
      }
      return this;
    }

    /**
     * Reads the files and the journal.
     *
     * @return the live data, holding the journal open
     * @throws CsvFormatException for the first bad row of a file (strict options)
     * @throws NotDirectoryException if {@code dir} is not a directory
     * @throws IOException if a file cannot be read, the journal cannot be created, is damaged
     *     before its end, or holds a batch that no longer reads (the zone changed)
     */
    public LiveData open() throws IOException {
      if (!Files.isDirectory(dir)) {
        throw new NotDirectoryException(dir.toString());
      }
      Dataset history = Dataset.load(dir, options).value();
      RecordStore store = new RecordStore(history, granularity, zone, scopes);
      CsvOptions post = CsvOptions.strict();
      if (options.zone().isPresent()) {
        post = post.withZone(options.zone().get());
      }
      CsvOptions postOptions = post;
      Path journalFile = dir.resolve(STATE_DIRECTORY).resolve("journal.txt");
      Journal journal =
          Journal.open(
              journalFile,
              entry -> {
                List<? extends SalesRecord> records;
                try {
                  records = parse(entry.kind(), entry.text(), entry.source(), postOptions);
                } catch (CsvFormatException e) {
                  throw new IOException(
                      "journal " + journalFile + ", batch " + entry.sequence()
                          + ", no longer reads: " + e.getMessage(),
                      e);
                }
                var unused = store.apply(records, entry.sequence());
              });
      return new LiveData(dir, postOptions, store, journal);
    }
  }
}
