package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LeadDirectory;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * All the records of one data set: reps, quotas, leads, deals (with stage histories), orders,
 * customers, campaigns and survey responses, as read from a directory of interchange CSV files or
 * made by {@link SampleData}.
 *
 * <pre>{@code
 * Dataset data = Dataset.load(Path.of("data")).value();
 * data.deals().size();
 * Query.of(data.records())                       // every kind: deals and quotas for attainment
 *     .groupBy(data.team(), Dimension.quarter(ZoneOffset.UTC))
 *     .metrics(Metrics.WIN_RATE, Metrics.QUOTA_ATTAINMENT)
 *     .periods(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))
 *     .run().print();
 * data.writeCsv(Path.of("copy"));
 * }</pre>
 *
 * <p>The data set knows its dimensions: {@link #team()} and {@link #region()} look reps up in its
 * own reps, {@link #campaign()} and {@link #source()} attribute deals to their lead's campaign
 * and source through its own leads.
 *
 * <p>Immutable and thread safe.
 *
 * @param reps the rep directory
 * @param quotas the quotas
 * @param leads the leads
 * @param deals the deals, with stage histories
 * @param orders the orders
 * @param customers the customers
 * @param campaigns the campaigns
 * @param responses the survey responses
 */
public record Dataset(
    List<Rep> reps,
    List<Quota> quotas,
    List<Lead> leads,
    List<Deal> deals,
    List<Order> orders,
    List<Customer> customers,
    List<Campaign> campaigns,
    List<SurveyResponse> responses) {

  private static final Dataset EMPTY =
      new Dataset(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of());

  /**
   * Copies every list.
   *
   * @param reps the rep directory
   * @param quotas the quotas
   * @param leads the leads
   * @param deals the deals
   * @param orders the orders
   * @param customers the customers
   * @param campaigns the campaigns
   * @param responses the survey responses
   * @throws NullPointerException if a list or an element is null
   */
  public Dataset {
    reps = ImmutableList.copyOf(reps);
    quotas = ImmutableList.copyOf(quotas);
    leads = ImmutableList.copyOf(leads);
    deals = ImmutableList.copyOf(deals);
    orders = ImmutableList.copyOf(orders);
    customers = ImmutableList.copyOf(customers);
    campaigns = ImmutableList.copyOf(campaigns);
    responses = ImmutableList.copyOf(responses);
  }

  /**
   * Returns the data set with no records.
   *
   * @return the empty data set
   */
  public static Dataset empty() {
    return EMPTY;
  }

  /**
   * Reads the schema files present in {@code dir} strictly, with default options.
   *
   * @param dir a directory holding some of reps.csv, quotas.csv, leads.csv, deals.csv,
   *     deal_stages.csv, orders.csv, customers.csv, campaigns.csv, responses.csv
   * @return the data set and one report per file read
   * @throws CsvFormatException for the first bad row, a duplicate id included
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is a file or another thing that is no directory
   * @throws FileSystemException if a schema file name in {@code dir} is a directory
   * @throws IOException if a file cannot be read
   */
  public static LoadResult<Dataset> load(Path dir) throws IOException {
    return load(dir, CsvOptions.strict());
  }

  /**
   * Reads the schema files present in {@code dir}; a missing file gives an empty list. Deals are
   * joined with deal_stages.csv when it is present; without deals.csv, every row of
   * deal_stages.csv names no loaded deal and is a bad row (rejected in lenient mode).
   *
   * <p>Within each file, a row repeating the id of a row loaded before (for quotas.csv, a period
   * overlapping another quota of the same rep; for deal_stages.csv, the same deal, stage and
   * instant; for responses.csv, the same customer, scale and instant) is a bad row, and so is an
   * instant or date outside the years 1900 to 2199; see {@code docs/CSV.md}.
   *
   * <p>Each file's separator is detected from its header unless the options give one, and each
   * mapped file's numeric dates are read in the mapping's date order or the one detected from that
   * file. The reports hold the rejected rows (lenient), the warnings, the skipped footer lines and
   * the detected date order; {@link LoadReport#summary()} is one line per file and {@link
   * LoadResult#writeRejectedCsv(Path)} writes the rejected rows.
   *
   * @param dir the directory
   * @param options strict or lenient, zone, mappings, separator, date order
   * @return the data set and one report per file read, in schema order
   * @throws CsvFormatException in strict mode for the first bad row; in both modes for a header
   *     that cannot be read or split, or a file whose dates are in two orders or all ambiguous
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is a file or another thing that is no directory
   * @throws FileSystemException if a schema file name in {@code dir} is a directory
   * @throws IOException if a file cannot be read
   */
  public static LoadResult<Dataset> load(Path dir, CsvOptions options) throws IOException {
    return load(dir, options, LoadListener.NONE);
  }

  /**
   * Reads the schema files present in {@code dir}, as {@link #load(Path, CsvOptions)}, telling
   * {@code listener} as each file starts and after each record: the way to draw a progress bar.
   *
   * @param dir the directory
   * @param options strict or lenient, zone, mappings
   * @param listener follows the load
   * @return the data set and one report per file read, in schema order
   * @throws CsvFormatException as {@link #load(Path, CsvOptions)}
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is a file or another thing that is no directory
   * @throws FileSystemException if a schema file name in {@code dir} is a directory
   * @throws IOException if a file cannot be read
   */
  public static LoadResult<Dataset> load(Path dir, CsvOptions options, LoadListener listener)
      throws IOException {
    checkNotNull(dir, "dir");
    checkNotNull(options, "options");
    checkNotNull(listener, "listener");
    checkDirectory(dir);
    List<LoadReport> reports = new ArrayList<>();
    List<Rep> reps = read(dir, CsvFormat.REPS, options, reports, listener);
    List<Quota> quotas = read(dir, CsvFormat.QUOTAS, options, reports, listener);
    List<Lead> leads = read(dir, CsvFormat.LEADS, options, reports, listener);
    List<Deal> deals;
    Path dealsFile = file(dir, CsvFile.DEALS);
    Path stagesFile = file(dir, CsvFile.DEAL_STAGES);
    if (stagesFile != null) {
      List<Deal> joined = new ArrayList<>();
      listener.fileStarted(
          CsvFile.DEALS, Files.size(stagesFile) + (dealsFile == null ? 0 : Files.size(dealsFile)));
      reports.addAll(
          CsvFormat.joinDeals(
              dealsFile == null ? null : RowReader.Source.of(dealsFile),
              RowReader.Source.of(stagesFile),
              options,
              d -> {
                joined.add(d);
                listener.recordLoaded(joined.size());
              }));
      deals = joined;
    } else {
      deals = read(dir, CsvFormat.DEALS, options, reports, listener);
    }
    List<Order> orders = read(dir, CsvFormat.ORDERS, options, reports, listener);
    List<Customer> customers = read(dir, CsvFormat.CUSTOMERS, options, reports, listener);
    List<Campaign> campaigns = read(dir, CsvFormat.CAMPAIGNS, options, reports, listener);
    List<SurveyResponse> responses = read(dir, CsvFormat.RESPONSES, options, reports, listener);
    return new LoadResult<>(
        new Dataset(reps, quotas, leads, deals, orders, customers, campaigns, responses), reports);
  }

  /**
   * Reads the schema files present in {@code dir} strictly, with default options, into a {@link
   * ColumnStore}: {@link #loadColumns(Path, CsvOptions)} with {@link CsvOptions#strict()}.
   *
   * @param dir a directory holding some of the schema files
   * @return the store and one report per file read
   * @throws CsvFormatException for the first bad row, a duplicate id included
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is a file or another thing that is no directory
   * @throws FileSystemException if a schema file name in {@code dir} is a directory
   * @throws IOException if a file cannot be read
   */
  public static LoadResult<ColumnStore> loadColumns(Path dir) throws IOException {
    return loadColumns(dir, CsvOptions.strict());
  }

  /**
   * Reads the schema files present in {@code dir} into a {@link ColumnStore}, for {@link
   * dev.salesmetrics.aggregate.Query#of(ColumnStore)}: the same records, reports, rejected rows
   * and exceptions as {@link #load(Path, CsvOptions)}, without a record object per deal.
   *
   * <pre>{@code
   * ColumnStore store = Dataset.loadColumns(Path.of("data")).value();
   * MetricTable t = Query.of(store).groupBy(Dimension.REP).metrics(Metrics.WIN_RATE).runParallel();
   * }</pre>
   *
   * <p>deals.csv is parsed straight into columns in parallel chunks (one thread per processor):
   * rows in the plain form the writer produces are read byte by byte; any other row (quoted
   * cells, other number or date forms, non-ASCII text, a row that breaks a rule) is read by the
   * row parser of {@link #load}, so the outcome is exactly that of {@link #load}. deals.csv takes
   * {@link #load}'s way as a whole when a column mapping is given, when it is not UTF-8, when its
   * header lacks a required column (lenient mode) or when an id repeats (lenient mode); the other
   * files are read as by {@link #load} and stored in columns.
   *
   * @param dir the directory
   * @param options strict or lenient, zone, mappings
   * @return the store and one report per file read, in schema order (as {@link #load})
   * @throws CsvFormatException in strict mode for the first bad row
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is a file or another thing that is no directory
   * @throws FileSystemException if a schema file name in {@code dir} is a directory
   * @throws IOException if a file cannot be read
   */
  public static LoadResult<ColumnStore> loadColumns(Path dir, CsvOptions options)
      throws IOException {
    return loadColumns(dir, options, LoadListener.NONE);
  }

  /**
   * Reads the schema files present in {@code dir} into a {@link ColumnStore}, as {@link
   * #loadColumns(Path, CsvOptions)}, telling {@code listener} as each file starts and as records
   * are loaded; deals.csv, parsed in parallel chunks, is told once, when it is done.
   *
   * @param dir the directory
   * @param options strict or lenient, zone, mappings
   * @param listener follows the load
   * @return the store and one report per file read, in schema order
   * @throws CsvFormatException in strict mode for the first bad row
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is a file or another thing that is no directory
   * @throws FileSystemException if a schema file name in {@code dir} is a directory
   * @throws IOException if a file cannot be read
   */
  public static LoadResult<ColumnStore> loadColumns(
      Path dir, CsvOptions options, LoadListener listener) throws IOException {
    return loadColumns(
        dir, options, listener, Math.max(1, Runtime.getRuntime().availableProcessors()), 0);
  }

  /**
   * {@link #loadColumns(Path, CsvOptions)} with deals.csv parsed on up to {@code threads}, in
   * chunks of about {@code chunkBytes} (0: chosen from the file's size).
   */
  static LoadResult<ColumnStore> loadColumns(
      Path dir, CsvOptions options, int threads, int chunkBytes) throws IOException {
    return loadColumns(dir, options, LoadListener.NONE, threads, chunkBytes);
  }

  private static LoadResult<ColumnStore> loadColumns(
      Path dir, CsvOptions options, LoadListener listener, int threads, int chunkBytes)
      throws IOException {
    checkNotNull(dir, "dir");
    checkNotNull(options, "options");
    checkNotNull(listener, "listener");
    checkDirectory(dir);
    ColumnStore.Builder store = ColumnStore.builder();
    List<LoadReport> reports = new ArrayList<>();
    forEach(dir, CsvFormat.REPS, options, reports, store::add, listener);
    forEach(dir, CsvFormat.QUOTAS, options, reports, store::add, listener);
    forEach(dir, CsvFormat.LEADS, options, reports, store::add, listener);
    Path dealsFile = file(dir, CsvFile.DEALS);
    Path stagesFile = file(dir, CsvFile.DEAL_STAGES);
    if (dealsFile != null || stagesFile != null) {
      listener.fileStarted(
          CsvFile.DEALS,
          (dealsFile == null ? 0 : Files.size(dealsFile))
              + (stagesFile == null ? 0 : Files.size(stagesFile)));
    }
    DealFileLoader.Loaded loaded =
        dealsFile == null
            ? null
            : DealFileLoader.load(
                dealsFile,
                options,
                () -> stagesFile == null
                    ? null
                    : StageJoin.read(RowReader.Source.of(stagesFile), options),
                threads,
                chunkBytes);
    long[] deals = {0};
    Consumer<Deal> dealSink =
        d -> {
          store.add(d);
          listener.recordLoaded(++deals[0]);
        };
    if (loaded != null) {
      store.addAll(loaded.deals());
      if (loaded.report().loaded() > 0) {
        listener.recordLoaded(loaded.report().loaded());
      }
      reports.addAll(
          loaded.join() == null ? List.of(loaded.report()) : loaded.join().finish(loaded.report()));
    } else if (stagesFile != null) {
      reports.addAll(
          CsvFormat.joinDeals(
              dealsFile == null ? null : RowReader.Source.of(dealsFile),
              RowReader.Source.of(stagesFile),
              options,
              dealSink));
    } else if (dealsFile != null) {
      reports.add(CsvFormat.DEALS.forEach(dealsFile, options, dealSink));
    }
    forEach(dir, CsvFormat.ORDERS, options, reports, store::add, listener);
    forEach(dir, CsvFormat.CUSTOMERS, options, reports, store::add, listener);
    forEach(dir, CsvFormat.CAMPAIGNS, options, reports, store::add, listener);
    forEach(dir, CsvFormat.RESPONSES, options, reports, store::add, listener);
    return new LoadResult<>(store.build(), reports);
  }

  /**
   * Runs {@code query} over the schema files in {@code dir} while reading them, without keeping
   * deals.csv in memory: the file is parsed in windows of chunks (one per processor), each window
   * is added to the query's {@link Query.Fold fold} and dropped, so the memory held grows with
   * the groups and periods of the result, not with the deals. Per deal only a 64-bit hash of its
   * id is kept (8 bytes, for the duplicate check). The other files are read as by {@link
   * #loadColumns} and added to the fold one store at a time.
   *
   * <pre>{@code
   * LoadResult<Query.Fold> r = Dataset.stream(Path.of("data"), CsvOptions.strict(),
   *     Query.of(List.of())
   *         .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
   *         .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE));
   * MetricTable t = r.value().table();
   * }</pre>
   *
   * <p>The query folds only when every metric has a kernel and is placed by one instant and
   * every dimension is read from a row's own columns ({@link Query#fold()}); its records (here an
   * empty list) are not read. The outcome is exactly that of {@code Query.of(store)} over {@link
   * #loadColumns(Path, CsvOptions) loadColumns(dir, options)}: the same table and notes, the same
   * reports, rejected rows and warnings, the same exceptions. Where streaming cannot give that
   * outcome, the directory is read again by {@link #loadColumns} and the query run over the
   * whole store: a strict failure, a repeated deal id (strict: the error; lenient: the object
   * path), a quoted cell holding a line break across a chunk boundary, deal_stages.csv present,
   * a column mapping or another case where {@link #loadColumns} reads deals.csv record by
   * record, and a currency mismatch or overflow of the query (so that the message names the
   * record exactly as the query over the store does).
   *
   * @param dir the directory
   * @param options strict or lenient, zone, mappings
   * @param query the grouping, metrics and periods to compute; its records are not read
   * @return the fold holding the result ({@link Query.Fold#table()}) and one report per file
   *     read, in schema order
   * @throws IllegalArgumentException if the query cannot fold ({@link Query#fold()}: the message
   *     names the metric or dimension and why), before any file is read
   * @throws CsvFormatException in strict mode for the first bad row
   * @throws dev.salesmetrics.model.CurrencyMismatchException as {@link Query#runParallel()}
   * @throws ArithmeticException as {@link Query#runParallel()}
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is a file or another thing that is no directory
   * @throws FileSystemException if a schema file name in {@code dir} is a directory
   * @throws IOException if a file cannot be read
   */
  public static LoadResult<Query.Fold> stream(Path dir, CsvOptions options, Query query)
      throws IOException {
    return stream(dir, options, query, Math.max(1, Runtime.getRuntime().availableProcessors()), 0);
  }

  /**
   * {@link #stream(Path, CsvOptions, Query)} with deals.csv parsed on up to {@code threads}, in
   * chunks of about {@code chunkBytes} (0: chosen from the file's size).
   */
  static LoadResult<Query.Fold> stream(
      Path dir, CsvOptions options, Query query, int threads, int chunkBytes) throws IOException {
    checkNotNull(dir, "dir");
    checkNotNull(options, "options");
    checkNotNull(query, "query");
    LoadResult<Query.Fold> streamed = tryStream(dir, options, query, threads, chunkBytes);
    if (streamed != null) {
      return streamed;
    }
    LoadResult<ColumnStore> all = loadColumns(dir, options, LoadListener.NONE, threads, chunkBytes);
    Query.Fold whole = query.fold();
    whole.add(all.value(), ForkJoinPool.commonPool(), ForkJoinPool.commonPool().getParallelism());
    return new LoadResult<>(whole, all.reports());
  }

  /**
   * The streaming part of {@link #stream(Path, CsvOptions, Query, int, int)}: the result, or null
   * where only the whole load gives the outcome exactly.
   */
  @Nullable
  static LoadResult<Query.Fold> tryStream(
      Path dir, CsvOptions options, Query query, int threads, int chunkBytes) throws IOException {
    Query.Fold fold = query.fold();
    checkDirectory(dir);
    Executor executor = ForkJoinPool.commonPool();
    int parallelism = ForkJoinPool.commonPool().getParallelism();
    Path dealsFile = file(dir, CsvFile.DEALS);
    if (dealsFile != null && file(dir, CsvFile.DEAL_STAGES) == null) {
      try {
        List<LoadReport> reports = new ArrayList<>();
        ColumnStore.Builder first = ColumnStore.builder();
        forEach(dir, CsvFormat.REPS, options, reports, first::add, LoadListener.NONE);
        forEach(dir, CsvFormat.QUOTAS, options, reports, first::add, LoadListener.NONE);
        forEach(dir, CsvFormat.LEADS, options, reports, first::add, LoadListener.NONE);
        fold.add(first.build(), executor, parallelism);
        DealFileLoader.Loaded deals =
            DealFileLoader.stream(
                dealsFile, options, threads, chunkBytes, part -> fold.add(part, executor, parallelism));
        if (deals != null) {
          reports.add(deals.report());
          ColumnStore.Builder rest = ColumnStore.builder();
          forEach(dir, CsvFormat.ORDERS, options, reports, rest::add, LoadListener.NONE);
          forEach(dir, CsvFormat.CUSTOMERS, options, reports, rest::add, LoadListener.NONE);
          forEach(dir, CsvFormat.CAMPAIGNS, options, reports, rest::add, LoadListener.NONE);
          forEach(dir, CsvFormat.RESPONSES, options, reports, rest::add, LoadListener.NONE);
          fold.add(rest.build(), executor, parallelism);
          return new LoadResult<>(fold, reports);
        }
      } catch (RuntimeException e) {
        return null; // an error of a file or of the query: the whole load gives it exactly
      }
    }
    return null;
  }

  private static void checkDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      if (!Files.exists(dir)) {
        throw new NoSuchFileException(dir.toString(), null, "data directory does not exist");
      }
      throw new NotADataDirectory(dir, Files.isRegularFile(dir));
    }
  }

  private static <T> void forEach(
      Path dir,
      CsvFormat<T> format,
      CsvOptions options,
      List<LoadReport> reports,
      Consumer<? super T> sink,
      LoadListener listener)
      throws IOException {
    Path file = file(dir, format.file());
    if (file != null) {
      listener.fileStarted(format.file(), Files.size(file));
      long[] n = {0};
      reports.add(
          format.forEach(
              file,
              options,
              r -> {
                sink.accept(r);
                listener.recordLoaded(++n[0]);
              }));
    }
  }

  /** The schema file in {@code dir}, or null if absent; a directory in its place is an error. */
  @Nullable
  private static Path file(Path dir, CsvFile schema) throws IOException {
    Path file = dir.resolve(schema.fileName());
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory, not a CSV file");
    }
    return Files.exists(file) ? file : null;
  }

  private static <T> List<T> read(
      Path dir,
      CsvFormat<T> format,
      CsvOptions options,
      List<LoadReport> reports,
      LoadListener listener)
      throws IOException {
    Path file = file(dir, format.file());
    if (file == null) {
      return List.of();
    }
    listener.fileStarted(format.file(), Files.size(file));
    List<T> out = new ArrayList<>();
    reports.add(
        format.forEach(
            file,
            options,
            r -> {
              out.add(r);
              listener.recordLoaded(out.size());
            }));
    return out;
  }

  /** A path given as a data directory that is a file or something else. */
  private static final class NotADataDirectory extends NotDirectoryException {
    private static final long serialVersionUID = 1L;

    private final boolean regularFile;

    NotADataDirectory(Path path, boolean regularFile) {
      super(path.toString());
      this.regularFile = regularFile;
    }

    @Override
    public String getReason() {
      return regularFile
          ? "is a file, not a directory of CSV files"
          : "is not a directory of CSV files";
    }
  }

  /**
   * Writes every schema file into {@code dir} (created if needed), replacing existing files;
   * deal_stages.csv holds the deals' stage histories.
   *
   * @param dir the directory
   * @throws IOException if a file cannot be written
   * @throws IllegalArgumentException if an order has more than one line, or a line whose amount is
   *     not the order's (orders.csv holds one line per order), or an instant or date is outside
   *     the years 1900 to 2199 that loading accepts; the files written before are left
   */
  public void writeCsv(Path dir) throws IOException {
    Files.createDirectories(dir);
    CsvFormat.REPS.write(dir.resolve(CsvFile.REPS.fileName()), reps);
    CsvFormat.QUOTAS.write(dir.resolve(CsvFile.QUOTAS.fileName()), quotas);
    CsvFormat.LEADS.write(dir.resolve(CsvFile.LEADS.fileName()), leads);
    CsvFormat.DEALS.write(dir.resolve(CsvFile.DEALS.fileName()), deals);
    CsvFormat.writeDealStages(dir.resolve(CsvFile.DEAL_STAGES.fileName()), deals);
    CsvFormat.ORDERS.write(dir.resolve(CsvFile.ORDERS.fileName()), orders);
    CsvFormat.CUSTOMERS.write(dir.resolve(CsvFile.CUSTOMERS.fileName()), customers);
    CsvFormat.CAMPAIGNS.write(dir.resolve(CsvFile.CAMPAIGNS.fileName()), campaigns);
    CsvFormat.RESPONSES.write(dir.resolve(CsvFile.RESPONSES.fileName()), responses);
  }

  /**
   * Returns every record of every kind in one list, in the order reps, quotas, leads, deals,
   * orders, customers, campaigns, responses: the input of a query whose metrics read several
   * kinds, {@code Query.of(data.records())}.
   *
   * @return the records; a new unmodifiable list on each call
   */
  public ImmutableList<SalesRecord> records() {
    return ImmutableList.<SalesRecord>builder()
        .addAll(reps)
        .addAll(quotas)
        .addAll(leads)
        .addAll(deals)
        .addAll(orders)
        .addAll(customers)
        .addAll(campaigns)
        .addAll(responses)
        .build();
  }

  /**
   * Returns the team dimension through this data set's reps: {@code
   * Dimension.team(RepDirectory.of(reps()))}.
   *
   * @return the dimension {@code team}
   * @throws IllegalArgumentException if two reps share an id
   */
  public Dimension team() {
    return Dimension.team(RepDirectory.of(reps));
  }

  /**
   * Returns the region dimension through this data set's reps: {@code
   * Dimension.region(RepDirectory.of(reps()))}.
   *
   * @return the dimension {@code region}
   * @throws IllegalArgumentException if two reps share an id
   */
  public Dimension region() {
    return Dimension.region(RepDirectory.of(reps));
  }

  /**
   * Returns the campaign dimension through this data set's leads (a deal is in its lead's
   * campaign): {@code Dimension.campaign(LeadDirectory.of(leads()))}.
   *
   * @return the dimension {@code campaign}
   * @throws IllegalArgumentException if two leads share an id
   */
  public Dimension campaign() {
    return Dimension.campaign(LeadDirectory.of(leads));
  }

  /**
   * Returns the source dimension through this data set's leads (a deal has its lead's source):
   * {@code Dimension.source(LeadDirectory.of(leads()))}.
   *
   * @return the dimension {@code source}
   * @throws IllegalArgumentException if two leads share an id
   */
  public Dimension source() {
    return Dimension.source(LeadDirectory.of(leads));
  }

  /**
   * Returns the sizes of the lists, not the records.
   *
   * @return e.g. {@code Dataset[40 reps, 960 quotas, 30000 leads, ...]}
   */
  @Override
  public String toString() {
    return "Dataset[" + reps.size() + " reps, " + quotas.size() + " quotas, " + leads.size()
        + " leads, " + deals.size() + " deals, " + orders.size() + " orders, "
        + customers.size() + " customers, " + campaigns.size() + " campaigns, "
        + responses.size() + " responses]";
  }
}
