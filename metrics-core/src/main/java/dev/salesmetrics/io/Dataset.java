package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LeadDirectory;
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
    if (!Files.isDirectory(dir)) {
      if (!Files.exists(dir)) {
        throw new NoSuchFileException(dir.toString(), null, "data directory does not exist");
      }
      throw new NotADataDirectory(dir, Files.isRegularFile(dir));
    }
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
