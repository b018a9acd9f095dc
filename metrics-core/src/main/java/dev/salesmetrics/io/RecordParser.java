package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Turns the cells of one row of a schema file into a record, with exactly the checks and messages
 * of reading the file: for rows that come from elsewhere than a file read here, such as a Spark
 * {@code DataFrame} or a database table holding the interchange columns as text.
 *
 * <p>The header is matched as a file's header is (case-insensitive, trimmed, any order, unknown
 * columns ignored, the options' {@link ColumnMapping}). A {@code null} cell is read as an empty
 * cell. What a per-row parser cannot see is left to the caller: duplicate keys across rows, and
 * the stage history of deals.
 *
 * <pre>{@code
 * RecordParser<Deal> deals = RecordParser.of(CsvFormat.DEALS,
 *     List.of("deal_id", "rep_id", "amount", "currency", "created_at", "status", "closed_at"),
 *     CsvOptions.strict());
 * Deal d = deals.parse(List.of("D1", "R1", "1250.00", "USD", "2024-03-01T09:30:00Z", "won",
 *     "2024-03-20T10:00:00Z"));
 * }</pre>
 *
 * <p>Not thread safe (it reuses one row buffer): use one parser per thread.
 *
 * @param <T> the record type
 */
public final class RecordParser<T> {
  private final CsvFormat<T> format;
  private final CsvOptions options;
  private final ImmutableList<String> header;
  private final Row row;

  private RecordParser(
      CsvFormat<T> format, CsvOptions options, ImmutableList<String> header, Row row) {
    this.format = format;
    this.options = options;
    this.header = header;
    this.row = row;
  }

  /**
   * Returns a parser of rows with the given header.
   *
   * @param format the schema file, e.g. {@link CsvFormat#DEALS}
   * @param header the column names, in the order of the cells
   * @param options the zone of dates and local date-times, and the column mappings; in lenient
   *     mode a missing required column does not throw here but makes every row a {@link BadRow}
   * @param <T> the record type
   * @return the parser
   * @throws CsvFormatException in strict mode when a required column is missing, at line 1 of the
   *     format's file name
   */
  public static <T> RecordParser<T> of(
      CsvFormat<T> format, List<String> header, CsvOptions options) {
    checkNotNull(format, "format");
    checkNotNull(options, "options");
    ImmutableList<String> names = ImmutableList.copyOf(checkNotNull(header, "header"));
    String file = format.file().fileName();
    DateReader dates = new DateReader(file, options.mapping(format.file()), options);
    Row row = RowReader.header(file, 1, format.file(), options, names, ',', dates);
    return new RecordParser<>(format, options, names, row);
  }

  /**
   * Returns the header the cells are read by.
   *
   * @return the column names
   */
  public ImmutableList<String> header() {
    return header;
  }

  /**
   * Parses one row.
   *
   * @param cells the cells, one per header column; {@code null} means empty
   * @return the record
   * @throws BadRow if a cell or the record is bad: a bad cell names its column and text, a
   *     record's own check (such as {@code closed_at} before {@code created_at}) the column its
   *     message starts with, exactly as reading the file reports them
   */
  public T parse(List<String> cells) {
    checkNotNull(cells, "cells");
    if (cells.size() != header.size()) {
      throw new BadRow(null, null, RowReader.raggedReason(cells, header.size()));
    }
    List<String> fields = new ArrayList<>(cells.size());
    for (String cell : cells) {
      fields.add(cell == null ? "" : cell);
    }
    row.reset(fields, 1);
    try {
      return format.parseRow(row, options);
    } catch (CsvFormatException e) {
      throw e;
    } catch (BadCell e) {
      RejectedRow r = e.at(format.file().fileName(), 1);
      throw new BadRow(r.column().orElse(null), r.value().orElse(null), r.reason());
    } catch (IllegalArgumentException | ArithmeticException e) {
      RejectedRow r = RowReader.fromRecordError(format.file().fileName(), 1, row, e);
      throw new BadRow(r.column().orElse(null), r.value().orElse(null), r.reason());
    }
  }

  /**
   * A row that cannot be read: the column and cell text at fault when the problem is in one cell,
   * and the reason, as a file read reports them. Its message is {@code column amount: "12.505":
   * amount 12.505 has more than 2 fraction digits allowed for USD}; {@link #at} places it at a
   * file and line.
   */
  public static final class BadRow extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The schema column at fault, or null when the problem is not in one cell. */
    @Nullable private final String column;

    /** The cell's text, or null when there is no cell. */
    @Nullable private final String value;

    /** Why the row cannot be read. */
    private final String reason;

    BadRow(@Nullable String column, @Nullable String value, String reason) {
      super(message(column, value, reason));
      this.column = column;
      this.value = value;
      this.reason = reason;
    }

    private static String message(@Nullable String column, @Nullable String value, String reason) {
      StringBuilder sb = new StringBuilder();
      if (column != null) {
        sb.append("column ").append(column).append(": ");
      }
      if (value != null) {
        sb.append('"').append(value).append("\": ");
      }
      return sb.append(reason).toString();
    }

    /**
     * Returns the column at fault.
     *
     * @return the schema column, or empty when the problem is not in one cell
     */
    public Optional<String> column() {
      return Optional.ofNullable(column);
    }

    /**
     * Returns the text of the cell at fault.
     *
     * @return the cell text, or empty
     */
    public Optional<String> value() {
      return Optional.ofNullable(value);
    }

    /**
     * Returns the reason alone.
     *
     * @return the reason
     */
    public String reason() {
      return reason;
    }

    /**
     * Returns this problem as a rejected row of {@code file} at {@code line}.
     *
     * @param file the file name, such as {@code deals.csv}
     * @param line the physical line, at least 1
     * @return the rejected row, whose message is the file's
     */
    public RejectedRow at(String file, long line) {
      return new RejectedRow(file, line, column, value, reason);
    }
  }
}
