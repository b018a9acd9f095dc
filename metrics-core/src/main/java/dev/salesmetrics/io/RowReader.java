package dev.salesmetrics.io;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Reads one CSV file row by row with FastCSV and turns rows into records, applying the strict or
 * lenient policy and refusing a row whose key was loaded before ({@link KeyCheck}). After a quote
 * error FastCSV cannot continue, so a new parser is started on the line after the bad record's
 * first line; the text is kept in a {@link LineReplay}, so the source is opened and read once.
 *
 * <p>The separator is given, declared by a first line {@code sep=;}, or detected from the header
 * line, which is looked at before the parser starts ({@link Separators}). The rows then pass two
 * holding stages in file order: a possible report footer after an empty line (held until the end
 * of the file or a row that is no footer, at most 20 rows) and, while a detected date order is not
 * known yet, every row from the first whose numeric dates read in two orders (held in memory until
 * a date that reads one way decides the order; at worst the whole file, which is then refused).
 * The file is still read once.
 */
final class RowReader {
  /** Turns a row into a record; throws {@link BadCell} or the record's validation exception. */
  interface RowParser<T> {
    T parse(Row row);
  }

  /** Where the text comes from. */
  interface Source {
    String name();

    /** Opens the text; called once per read. */
    Reader open() throws IOException;

    static Source of(Path path) {
      Path name = path.getFileName();
      String fileName = name == null ? path.toString() : name.toString();
      return new Source() {
        @Override
        public String name() {
          return fileName;
        }

        @Override
        public Reader open() throws IOException {
          return openFile(path);
        }
      };
    }

    static Source of(String fileName, String text) {
      return new Source() {
        @Override
        public String name() {
          return fileName;
        }

        @Override
        public Reader open() {
          return new StringReader(text);
        }
      };
    }
  }

  /** One record: its cells and the physical line it starts on (counted by its parser). */
  record Cells(long line, List<String> fields) {}

  /** Collects the cells of each record and remembers the line the current record starts on. */
  static final class CellsHandler extends CsvCallbackHandler<Cells> {
    /** The line the current (or last) record starts on, 1-based. */
    long line;
    private List<String> fields = new ArrayList<>();
    private RecordType type = RecordType.DATA;

    @Override
    protected RecordType getRecordType() {
      return type;
    }

    @Override
    protected int getFieldCount() {
      return fields.size();
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
      line = startingLineNumber;
      fields = new ArrayList<>();
      type = RecordType.DATA;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
      fields.add(new String(buf, offset, len));
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
      type = RecordType.COMMENT; // comments are not enabled; kept for the contract
    }

    @Override
    protected void setEmpty() {
      type = RecordType.EMPTY;
    }

    @Override
    protected Cells buildRecord() {
      return new Cells(line, fields);
    }
  }

  private RowReader() {}

  /**
   * Opens a file as text: UTF-8, or UTF-16 or UTF-32 when the file starts with the byte order mark
   * of one; the mark itself is skipped by {@link LineReplay}. Malformed bytes become U+FFFD.
   */
  static Reader openFile(Path path) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path));
    try {
      in.mark(4);
      byte[] head = in.readNBytes(4);
      in.reset();
      return new InputStreamReader(in, charsetOf(head));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static Charset charsetOf(byte[] head) {
    int b0 = head.length > 0 ? head[0] & 0xFF : -1;
    int b1 = head.length > 1 ? head[1] & 0xFF : -1;
    int b2 = head.length > 2 ? head[2] & 0xFF : -1;
    int b3 = head.length > 3 ? head[3] & 0xFF : -1;
    if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
      return Charset.forName("UTF-32BE");
    } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
      return Charset.forName("UTF-32LE");
    } else if (b0 == 0xFE && b1 == 0xFF) {
      return StandardCharsets.UTF_16BE;
    } else if (b0 == 0xFF && b1 == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return StandardCharsets.UTF_8;
  }

  static CsvReader<Cells> parser(CellsHandler handler, Reader text, char separator) {
    return CsvReader.builder()
        .fieldSeparator(separator)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .skipEmptyLines(false)
        .build(handler, text);
  }

  /** What the tokenizer saw: a record, an empty line, or a quote error it resumed after. */
  private sealed interface Event permits Rec, Empty, QuoteError {}

  /** A record and its first physical line. */
  private record Rec(long line, List<String> fields) implements Event {}

  /** An empty line, or a line of empty cells only (as spreadsheets write after the data). */
  private record Empty(long line) implements Event {}

  /** A quote error; reading resumed on the next line. */
  private record QuoteError(RejectedRow bad, CsvParseException cause) implements Event {}

  /**
   * Reads every row of {@code source}, passing each record to {@code sink}.
   *
   * @throws CsvFormatException in strict mode for the first bad row, and in both modes for a bad
   *     header or a file whose dates read in two orders
   */
  static <T> LoadReport read(
      Source source,
      CsvFile schema,
      CsvOptions options,
      RowParser<T> parser,
      KeyCheck<? super T> keys,
      Consumer<? super T> sink)
      throws IOException {
    String file = source.name();
    try (Reader text = source.open()) {
      LineReplay replay = new LineReplay(text);
      Separators.FirstLine first = Separators.FirstLine.read(replay);
      char separator;
      long skip = 0; // the "sep=;" line some spreadsheets write before the header
      if (first.declared() != 0) {
        separator = first.declared();
        skip = first.line();
      } else {
        Character given = options.separator().orElse(null);
        separator = given != null ? given : Separators.detect(file, first);
      }
      replay.restartAt(skip + 1);
      Reading<T> reading = new Reading<>(file, schema, options, parser, keys, sink, separator);
      long base = skip; // physical lines before the current parser's line 1
      boolean done = false;
      while (!done) {
        CellsHandler handler = new CellsHandler();
        Iterator<Cells> it = parser(handler, replay.reader(), separator).iterator();
        while (true) {
          Cells record;
          try {
            if (!it.hasNext()) {
              done = true;
              break;
            }
            record = it.next();
          } catch (CsvParseException e) {
            long line = base + Math.max(1, handler.line);
            RejectedRow bad = new RejectedRow(file, line, null, null, quoteReason(e));
            if (!reading.hasHeader()) {
              throw new CsvFormatException(bad, e);
            }
            reading.accept(new QuoteError(bad, e));
            replay.restartAt(line + 1);
            base = line;
            break;
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          long line = base + record.line();
          replay.keepFrom(line);
          reading.accept(
              allEmpty(record.fields()) ? new Empty(line) : new Rec(line, record.fields()));
        }
      }
      return reading.finish();
    }
  }

  static boolean allEmpty(List<String> fields) {
    for (String field : fields) {
      if (!field.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows of one file after the tokenizer: the header, then the data rows through two holding
   * stages before they become records. The footer stage (when the mapping skips report footers)
   * holds the rows after an empty line while they could be a footer; the date stage (when the
   * date order is detected) holds the rows read while every numeric date so far reads in two
   * orders. Both keep file order; memory holds only what they hold.
   */
  private static final class Reading<T> {
    /** More rows than this after an empty line are no footer. */
    private static final int MAX_FOOTER_ROWS = 20;

    private final String file;
    private final CsvFile schema;
    private final CsvOptions options;
    private final ColumnMapping mapping;
    private final RowParser<T> parser;
    private final KeyCheck<? super T> keys;
    private final Consumer<? super T> sink;
    private final char separator;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private final List<LoadWarning> warnings = new ArrayList<>();
    private final DateReader dates;
    @Nullable private Row row;
    private int width;
    /** The header's date and instant columns: index and schema name. */
    private final List<Map.Entry<Integer, String>> dateColumns = new ArrayList<>();
    private long rows;
    private long loaded;
    /** Events after an empty line while they may be a report footer. */
    private final List<Event> footer = new ArrayList<>();
    private int footerRows;
    private boolean inFooter;
    /** Events held while the date order is not known. */
    private final ArrayDeque<Event> held = new ArrayDeque<>();

    Reading(
        String file,
        CsvFile schema,
        CsvOptions options,
        RowParser<T> parser,
        KeyCheck<? super T> keys,
        Consumer<? super T> sink,
        char separator) {
      this.file = file;
      this.schema = schema;
      this.options = options;
      this.mapping = options.mapping(schema);
      this.parser = parser;
      this.keys = keys;
      this.sink = sink;
      this.separator = separator;
      this.dates = new DateReader(file, mapping, options);
    }

    boolean hasHeader() {
      return row != null;
    }

    void accept(Event e) {
      if (row == null) {
        if (e instanceof Rec r) {
          width = r.fields().size();
          Row header = header(file, r.line(), schema, options, r.fields(), separator, dates);
          for (String column : schema.columns()) {
            int index = header.index(column);
            if (TEMPORAL.contains(column) && index >= 0) {
              dateColumns.add(Map.entry(index, column));
            }
          }
          row = header;
        }
        return;
      }
      if (!mapping.skipsReportFooter() || width < 2) {
        toDates(e);
        return;
      }
      boolean footerLike = e instanceof Empty || (e instanceof Rec r && onlyFirstCell(r.fields()));
      if (inFooter && footerLike) {
        footer.add(e);
        if (e instanceof Rec && ++footerRows > MAX_FOOTER_ROWS) {
          flushFooter();
        }
      } else if (!inFooter && e instanceof Empty) {
        inFooter = true;
        footer.add(e);
      } else {
        flushFooter();
        toDates(e);
      }
    }

    private static boolean onlyFirstCell(List<String> fields) {
      for (int i = 1; i < fields.size(); i++) {
        if (!fields.get(i).isEmpty()) {
          return false;
        }
      }
      return true;
    }

    private void flushFooter() {
      inFooter = false;
      footerRows = 0;
      List<Event> events = new ArrayList<>(footer);
      footer.clear();
      for (Event e : events) {
        toDates(e);
      }
    }

    /** The date stage: holds rows while the detected date order is unknown. */
    private void toDates(Event e) {
      if (e instanceof Empty) {
        return;
      }
      if (!dates.detects()) {
        toRows(e);
        return;
      }
      boolean ambiguous = false;
      if (e instanceof Rec r) {
        for (Map.Entry<Integer, String> c : dateColumns) {
          if (c.getKey() < r.fields().size()) {
            ambiguous |= dates.observe(r.line(), c.getValue(), r.fields().get(c.getKey()));
          }
        }
      }
      if (!held.isEmpty() || ambiguous) {
        held.add(e);
      } else {
        toRows(e);
      }
      if (dates.decided()) {
        while (!held.isEmpty()) {
          toRows(held.poll());
        }
      }
    }

    /** The row stage: a record, or a rejected row. */
    private void toRows(Event e) {
      Row r = Objects.requireNonNull(row);
      rows++;
      if (e instanceof QuoteError q) {
        if (!options.isLenient()) {
          throw new CsvFormatException(q.bad(), q.cause());
        }
        rejected.add(q.bad());
        return;
      }
      Rec rec = (Rec) e;
      T parsed =
          record(
              file, rec.line(), rec.fields(), width, r, options, parser, keys, rejected, warnings);
      if (parsed != null) {
        sink.accept(parsed);
        loaded++;
      }
    }

    LoadReport finish() {
      if (row == null) {
        return new LoadReport(file, 0, 0, List.of());
      }
      long footerLines = 0;
      if (inFooter) {
        for (Event e : footer) {
          if (e instanceof Rec) {
            footerLines++;
          }
        }
        footer.clear();
      }
      if (!held.isEmpty()) {
        throw dates.ambiguous();
      }
      return new LoadReport(
          file, rows, loaded, rejected, warnings, footerLines, dates.detectedOrder());
    }
  }

  /**
   * Turns the cells of one data record into a record: the checks of every data row (its width,
   * its cells, the record's rules, its key). Returns the record, after adding the row's warnings
   * to {@code warnings}; or null after adding the rejected row to {@code rejected} in lenient
   * mode.
   *
   * @throws CsvFormatException in strict mode for a bad row
   */
  @Nullable
  static <T> T record(
      String file,
      long line,
      List<String> fields,
      int width,
      Row row,
      CsvOptions options,
      RowParser<T> parser,
      KeyCheck<? super T> keys,
      List<RejectedRow> rejected,
      List<LoadWarning> warnings) {
    if (fields.size() != width) {
      reject(
          new RejectedRow(file, line, null, null, raggedReason(fields, width)),
          null,
          options,
          rejected);
      return null;
    }
    row.reset(fields, line);
    T parsed;
    try {
      parsed = parser.parse(row);
      keys.claim(parsed, row);
    } catch (CsvFormatException ex) {
      throw ex;
    } catch (BadCell ex) {
      reject(ex.at(file, line), ex, options, rejected);
      return null;
    } catch (IllegalArgumentException | ArithmeticException ex) {
      reject(fromRecordError(file, line, row, ex), ex, options, rejected);
      return null;
    }
    warnings.addAll(row.warnings());
    return parsed;
  }

  private static void reject(
      RejectedRow bad, @Nullable Throwable cause, CsvOptions options, List<RejectedRow> into) {
    if (!options.isLenient()) {
      throw new CsvFormatException(bad, cause);
    }
    into.add(bad);
  }

  /** The schema columns holding dates or instants. */
  private static final Set<String> TEMPORAL =
      Set.of(
          "hired_on",
          "period_start",
          "period_end",
          "created_at",
          "first_contact_at",
          "converted_at",
          "closed_at",
          "entered_at",
          "placed_at",
          "signed_up_at",
          "activated_at",
          "cancelled_at",
          "start_date",
          "end_date",
          "responded_at");

  static Row header(
      String file,
      long line,
      CsvFile schema,
      CsvOptions options,
      List<String> headers,
      char separator,
      DateReader dates) {
    ColumnMapping mapping = options.mapping(schema);
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String column = mapping.columnFor(headers.get(i));
      if (schema.columns().contains(column)) {
        columns.putIfAbsent(column, i);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String column : schema.requiredColumns()) {
      boolean derived =
          column.equals("status")
              && schema == CsvFile.DEALS
              && mapping.statusOfStage("").isPresent();
      if (!columns.containsKey(column)
          && mapping.defaultValue(column).isEmpty()
          && !derived) {
        missing.add(column);
      }
    }
    String hint = missing.isEmpty() ? "" : Separators.hint(headers, separator);
    if (!missing.isEmpty() && !options.isLenient()) {
      throw new CsvFormatException(
          new RejectedRow(
              file,
              line,
              missing.get(0),
              null,
              "missing required column " + missing.get(0) + " (header: "
                  + String.join(", ", headers) + ")" + hint));
    }
    return new Row(file, schema, options, columns, missing, hint, dates);
  }

  static RejectedRow fromRecordError(
      String file, long line, Row row, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    int space = message.indexOf(' ');
    String first = space < 0 ? message : message.substring(0, space);
    if (row.schema().columns().contains(first) && row.hasColumn(first)) {
      return new RejectedRow(file, line, first, row.raw(first), message);
    }
    return new RejectedRow(file, line, null, null, message);
  }

  static String quoteReason(CsvParseException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return "bad quoting: " + cause.getMessage();
  }

  static String raggedReason(List<String> fields, int width) {
    String reason = "row has " + fields.size() + " cells, header has " + width;
    for (String field : fields) {
      if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
        return reason + " (a quoted cell spans several lines: is a closing quote missing?)";
      }
    }
    return reason;
  }
}
