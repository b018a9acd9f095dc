package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.model.SurveyResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * Reads and writes one record type in its file of the interchange schema: {@link #REPS},
 * {@link #QUOTAS}, {@link #LEADS}, {@link #DEALS}, {@link #ORDERS}, {@link #CUSTOMERS},
 * {@link #CAMPAIGNS}, {@link #RESPONSES}; deals with their stage history through
 * {@link #readDeals} and {@link #forEachDeal}.
 *
 * <p>Files are read row by row through FastCSV, never whole: {@link #forEach} hands each record to
 * a consumer and keeps only the rejected rows and the ids seen (to refuse duplicates), so a file of
 * any size can be processed. Reading is UTF-8 (a byte order mark is skipped), RFC 4180 (quoted
 * cells, CRLF or LF line ends); the separator ({@code ,}, {@code ;} or tab) is detected from the
 * header unless {@link CsvOptions#withSeparator} gives it; empty lines, and lines of empty cells
 * only, are skipped. The rules for cells are in {@code docs/CSV.md}.
 *
 * <p><b>Duplicates.</b> A row repeating the key of a row loaded before from the same file is a bad
 * row ({@code "duplicate order_id first seen on line 2"}): thrown in strict mode, rejected in
 * lenient mode. The key is the id column ({@code rep_id}, {@code lead_id}, {@code deal_id},
 * {@code order_id}, {@code customer_id}, {@code campaign_id}), compared exactly; in quotas.csv a
 * rep's quota periods must not overlap; in deal_stages.csv the key is deal, stage and instant; in
 * responses.csv customer, scale and instant.
 *
 * <pre>{@code
 * LoadResult<List<Order>> orders = CsvFormat.ORDERS.read(Path.of("data/orders.csv"));
 * LoadReport report = CsvFormat.ORDERS.forEach(Path.of("big/orders.csv"), CsvOptions.lenient(),
 *     order -> revenue.add(order));
 * }</pre>
 *
 * <p><b>Dates.</b> Instants (in UTC) and dates must lie in the years 1900 to 2199 (an exclusive
 * {@code period_end} may be 2200-01-01): a value outside, such as the sentinel 9999-12-31 for
 * "never", is a bad cell naming the range; an empty optional cell means none.
 *
 * <p>Writing produces the schema's columns in {@link CsvFile#columns()} order with LF line ends;
 * cells are quoted only when needed. Cells are written as they are, without the formula escaping
 * of report exports, so that a file reads back to equal records; for that, an instant or date
 * outside the years 1900 to 2199 is refused.
 *
 * <p>Immutable and thread safe.
 *
 * @param <T> the record type
 */
public final class CsvFormat<T> {
  /** reps.csv as {@link Rep}s. */
  public static final CsvFormat<Rep> REPS =
      new CsvFormat<>(
          CsvFile.REPS,
          (row, options) -> Parsers.rep(row),
          () -> KeyCheck.id("rep_id", Rep::id),
          r -> values(r.id(), r.name(), r.team(), r.region(), r.hiredOn()));

  /** quotas.csv as {@link Quota}s; the period dates are read in the options' date zone. */
  public static final CsvFormat<Quota> QUOTAS =
      new CsvFormat<>(
          CsvFile.QUOTAS,
          Parsers::quota,
          KeyCheck::quotas,
          q ->
              values(
                  q.repId(),
                  q.period().startDate(),
                  q.period().endDate(),
                  q.amount().toPlainString(),
                  q.amount().currency().getCurrencyCode()));

  /** leads.csv as {@link Lead}s. */
  public static final CsvFormat<Lead> LEADS =
      new CsvFormat<>(
          CsvFile.LEADS,
          (row, options) -> Parsers.lead(row),
          () -> KeyCheck.id("lead_id", Lead::id),
          l ->
              values(
                  l.id(),
                  l.createdAt(),
                  l.repId(),
                  l.contact().name(),
                  l.contact().email(),
                  l.contact().phone(),
                  l.contact().company(),
                  l.source(),
                  l.campaignId(),
                  l.firstContactAt(),
                  l.convertedAt(),
                  l.customerId()));

  /**
   * deals.csv as {@link Deal}s without stage history; see {@link #readDeals} for the history from
   * deal_stages.csv.
   */
  public static final CsvFormat<Deal> DEALS =
      new CsvFormat<>(
          CsvFile.DEALS,
          (row, options) -> Parsers.deal(row, options).build(),
          () -> KeyCheck.id("deal_id", Deal::id),
          d ->
              values(
                  d.id(),
                  d.repId(),
                  d.amount() == null ? null : d.amount().toPlainString(),
                  d.amount() == null ? null : d.amount().currency().getCurrencyCode(),
                  d.createdAt(),
                  d.status().name().toLowerCase(Locale.ROOT),
                  d.closedAt(),
                  d.stage(),
                  d.probability() == null
                      ? null
                      : BigDecimal.valueOf(d.probability()).toPlainString(),
                  d.customerId(),
                  d.leadId(),
                  d.product()));

  /**
   * orders.csv as {@link Order}s. A row with a {@code product} gets one {@link OrderLine} of that
   * product, its {@code quantity} (1 when empty) and the order's amount as the line amount.
   */
  public static final CsvFormat<Order> ORDERS =
      new CsvFormat<>(
          CsvFile.ORDERS,
          (row, options) -> Parsers.order(row),
          () -> KeyCheck.id("order_id", Order::id),
          CsvFormat::orderCells);

  /** customers.csv as {@link Customer}s. */
  public static final CsvFormat<Customer> CUSTOMERS =
      new CsvFormat<>(
          CsvFile.CUSTOMERS,
          (row, options) -> Parsers.customer(row),
          () -> KeyCheck.id("customer_id", Customer::id),
          c ->
              values(
                  c.id(),
                  c.signedUpAt(),
                  c.activatedAt(),
                  c.cancelledAt(),
                  c.repId(),
                  c.campaignId()));

  /** campaigns.csv as {@link Campaign}s. */
  public static final CsvFormat<Campaign> CAMPAIGNS =
      new CsvFormat<>(
          CsvFile.CAMPAIGNS,
          (row, options) -> Parsers.campaign(row),
          () -> KeyCheck.id("campaign_id", Campaign::id),
          c ->
              values(
                  c.id(),
                  c.name(),
                  c.startDate(),
                  c.endDate(),
                  c.spend().toPlainString(),
                  c.spend().currency().getCurrencyCode(),
                  c.channel()));

  /** responses.csv as {@link SurveyResponse}s. */
  public static final CsvFormat<SurveyResponse> RESPONSES =
      new CsvFormat<>(
          CsvFile.RESPONSES,
          (row, options) -> Parsers.response(row),
          KeyCheck::responses,
          r ->
              values(
                  r.customerId(),
                  r.respondedAt(),
                  Integer.toString(r.score()),
                  r.scale().name().toLowerCase(Locale.ROOT)));

  /** Parses a row with the options at hand. */
  private interface Parser<T> {
    T parse(Row row, CsvOptions options);
  }

  private final CsvFile file;
  private final Parser<T> parser;
  private final Supplier<KeyCheck<? super T>> keys;
  private final Function<T, Object[]> writer;

  private CsvFormat(
      CsvFile file,
      Parser<T> parser,
      Supplier<KeyCheck<? super T>> keys,
      Function<T, Object[]> writer) {
    this.file = file;
    this.parser = parser;
    this.keys = keys;
    this.writer = writer;
  }

  /** Parses one row with this format's parser; see {@link RecordParser}. */
  T parseRow(Row row, CsvOptions options) {
    return parser.parse(row, options);
  }

  /**
   * Returns the schema file this format reads and writes.
   *
   * @return the file
   */
  public CsvFile file() {
    return file;
  }

  /**
   * Reads a file strictly with the default options.
   *
   * @param path the file
   * @return the records and the report
   * @throws CsvFormatException for the first bad row or a bad header
   * @throws IOException if the file cannot be read
   */
  public LoadResult<List<T>> read(Path path) throws IOException {
    return read(path, CsvOptions.strict());
  }

  /**
   * Reads a file into a list.
   *
   * @param path the file
   * @param options strict or lenient, zone, mapping
   * @return the records and the report
   * @throws CsvFormatException in strict mode for the first bad row; in both modes for a header
   *     that cannot be read or split, or a file whose dates are in two orders or all ambiguous
   * @throws IOException if the file cannot be read
   */
  public LoadResult<List<T>> read(Path path, CsvOptions options) throws IOException {
    return collect(RowReader.Source.of(checkNotNull(path, "path")), options);
  }

  /**
   * Reads CSV text, as {@link #read(Path, CsvOptions)} reads a file; convenient in tests and
   * JShell.
   *
   * @param fileName the name used in messages, such as {@code "deals.csv"}
   * @param text the CSV text, header first
   * @param options strict or lenient, zone, mapping
   * @return the records and the report
   * @throws CsvFormatException in strict mode for the first bad row; in both modes for a header
   *     that cannot be read or split, or a file whose dates are in two orders or all ambiguous
   */
  public LoadResult<List<T>> parse(String fileName, String text, CsvOptions options) {
    try {
      return collect(RowReader.Source.of(fileName, checkNotNull(text, "text")), options);
    } catch (IOException e) {
      throw new AssertionError("reading a string failed", e);
    }
  }

  /**
   * Streams a file: hands each record to {@code action} as its row is read, holding no more than
   * one row of text in memory besides the keys loaded so far (to refuse duplicates, about 100
   * bytes a row).
   *
   * @param path the file
   * @param options strict or lenient, zone, mapping
   * @param action receives each good record, in file order
   * @return the report: rows read, loaded and rejected
   * @throws CsvFormatException in strict mode for the first bad row; in both modes for a header
   *     that cannot be read or split, or a file whose dates are in two orders or all ambiguous
   * @throws IOException if the file cannot be read
   */
  public LoadReport forEach(Path path, CsvOptions options, Consumer<? super T> action)
      throws IOException {
    checkNotNull(action, "action");
    checkNotNull(options, "options");
    return RowReader.read(
        RowReader.Source.of(checkNotNull(path, "path")),
        file,
        options,
        row -> parser.parse(row, options),
        keys.get(),
        action);
  }

  /**
   * Writes records to a file in the schema, replacing the file.
   *
   * @param path the file to write
   * @param records the records
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if a record cannot be expressed in the file (an order with
   *     more than one line, or a line whose amount is not the order's), or holds an instant or date
   *     outside the years 1900 to 2199 that loading accepts; the rows before it are written
   */
  public void write(Path path, Iterable<? extends T> records) throws IOException {
    try (de.siegmar.fastcsv.writer.CsvWriter out = writer(path)) {
      out.writeRecord(file.columns());
      for (T record : records) {
        out.writeRecord(cells(file, writer.apply(record)));
      }
    }
  }

  /**
   * Reads deals with their stage history: deals.csv joined with deal_stages.csv by deal_id.
   *
   * <p>A deal's stage rows may come in any order; they are sorted by {@code entered_at} (ties
   * keep file order). A stage row entered before its deal was created, and a stage row whose
   * deal_id is no loaded deal (unknown, or its row was rejected), is a rejected row of
   * deal_stages.csv, and so is a repeated stage row (same deal, stage and instant). The stages
   * file is read first and held in memory; deals are then streamed.
   *
   * @param deals the deals file
   * @param stages the stage history file
   * @param options strict or lenient, zone, mappings
   * @return the deals and two reports (deal_stages.csv, then deals.csv)
   * @throws CsvFormatException in strict mode for the first bad row
   * @throws IOException if a file cannot be read
   */
  public static LoadResult<List<Deal>> readDeals(Path deals, Path stages, CsvOptions options)
      throws IOException {
    List<Deal> out = new ArrayList<>();
    List<LoadReport> reports = forEachDeal(deals, stages, options, out::add);
    return new LoadResult<>(ImmutableList.copyOf(out), reports);
  }

  /**
   * Streams deals with their stage history; see {@link #readDeals}.
   *
   * @param deals the deals file
   * @param stages the stage history file
   * @param options strict or lenient, zone, mappings
   * @param action receives each good deal, in file order
   * @return two reports: deal_stages.csv, then deals.csv
   * @throws CsvFormatException in strict mode for the first bad row
   * @throws IOException if a file cannot be read
   */
  public static List<LoadReport> forEachDeal(
      Path deals, Path stages, CsvOptions options, Consumer<? super Deal> action)
      throws IOException {
    return joinDeals(
        RowReader.Source.of(checkNotNull(deals, "deals")),
        RowReader.Source.of(checkNotNull(stages, "stages")),
        options,
        action);
  }

  /**
   * Writes the stage histories of deals as deal_stages.csv, one row per stage entered.
   *
   * @param path the file to write
   * @param deals the deals
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if a stage was entered outside the years 1900 to 2199 that
   *     loading accepts; the rows before it are written
   */
  public static void writeDealStages(Path path, Iterable<Deal> deals) throws IOException {
    try (de.siegmar.fastcsv.writer.CsvWriter out = writer(path)) {
      out.writeRecord(CsvFile.DEAL_STAGES.columns());
      for (Deal deal : deals) {
        for (StageChange change : deal.stageHistory()) {
          out.writeRecord(
              cells(CsvFile.DEAL_STAGES, values(deal.id(), change.stage(), change.enteredAt())));
        }
      }
    }
  }

  /**
   * Returns the file name.
   *
   * @return e.g. {@code CsvFormat[deals.csv]}
   */
  @Override
  public String toString() {
    return "CsvFormat[" + file.fileName() + "]";
  }

  /**
   * Reads the stages, then streams the deals with their histories. Without a deals source, there
   * are no deals: every stage row is a bad row, and only the stages report is returned.
   */
  static List<LoadReport> joinDeals(
      @Nullable RowReader.Source dealSource,
      RowReader.Source stageSource,
      CsvOptions options,
      Consumer<? super Deal> action)
      throws IOException {
    StageJoin join = StageJoin.read(stageSource, options);
    LoadReport dealReport = null;
    if (dealSource != null) {
      dealReport =
          RowReader.read(
              dealSource,
              CsvFile.DEALS,
              options,
              join.dealParser(),
              KeyCheck.id("deal_id", Deal::id),
              action);
    }
    return join.finish(dealReport);
  }

  /** The parser of a row of this format's file, with {@code options} at hand. */
  RowReader.RowParser<T> rowParser(CsvOptions options) {
    return row -> parser.parse(row, options);
  }

  private LoadResult<List<T>> collect(RowReader.Source source, CsvOptions options)
      throws IOException {
    checkNotNull(options, "options");
    List<T> out = new ArrayList<>();
    LoadReport report =
        RowReader.read(
            source, file, options, row -> parser.parse(row, options), keys.get(), out::add);
    return new LoadResult<>(ImmutableList.copyOf(out), List.of(report));
  }

  private static de.siegmar.fastcsv.writer.CsvWriter writer(Path path) throws IOException {
    return de.siegmar.fastcsv.writer.CsvWriter.builder()
        .lineDelimiter(LineDelimiter.LF)
        .build(checkNotNull(path, "path"), StandardCharsets.UTF_8);
  }

  private static Object[] orderCells(Order o) {
    String product = null;
    String quantity = null;
    List<OrderLine> lines = o.lines();
    if (lines.size() > 1 || (lines.size() == 1 && !lines.get(0).amount().equals(o.amount()))) {
      throw new IllegalArgumentException(
          "lines cannot be written to orders.csv for order " + o.id()
              + ": it holds at most one line, whose amount is the order's; order has "
              + lines.size() + " lines");
    }
    if (lines.size() == 1) {
      product = lines.get(0).product();
      quantity = Long.toString(lines.get(0).quantity());
    }
    Money amount = o.amount();
    return values(
        o.id(),
        o.customerId(),
        o.placedAt(),
        amount.toPlainString(),
        amount.currency().getCurrencyCode(),
        o.status().name().toLowerCase(Locale.ROOT),
        o.repId(),
        product,
        quantity);
  }

  private static Object[] values(@Nullable Object... values) {
    return values;
  }

  /**
   * Turns the values of one record, in the file's column order, into cells; instants and dates
   * must lie in the range that loading accepts.
   */
  private static List<String> cells(CsvFile file, @Nullable Object[] values) {
    List<String> columns = file.columns();
    List<String> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      boolean plausible =
          value instanceof Instant t
              ? PlausibleRange.contains(t)
              : !(value instanceof LocalDate d)
                  || (columns.get(i).equals("period_end")
                      ? PlausibleRange.containsEnd(d)
                      : PlausibleRange.contains(d));
      if (!plausible) {
        throw new IllegalArgumentException(
            columns.get(i) + " " + value + " of " + columns.get(0) + " " + values[0]
                + " cannot be written to " + file.fileName() + ": it is outside "
                + PlausibleRange.DESCRIPTION + ", that loading accepts");
      }
      out.add(value == null ? "" : value.toString());
    }
    return out;
  }
}
