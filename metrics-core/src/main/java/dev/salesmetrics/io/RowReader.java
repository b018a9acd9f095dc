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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Reads one CSV file row by row with FastCSV and turns rows into records, applying the strict or
 * lenient policy and refusing a row whose key was loaded before ({@link KeyCheck}). After a quote
 * error FastCSV cannot continue, so a new parser is started on the line after the bad record's
 * first line; the text is kept in a {@link LineReplay}, so the source is opened and read once.
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
  private record Cells(long line, List<String> fields) {}

  /** Collects the cells of each record and remembers the line the current record starts on. */
  private static final class CellsHandler extends CsvCallbackHandler<Cells> {
    private long line;
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

  private static CsvReader<Cells> parser(CellsHandler handler, Reader text) {
    return CsvReader.builder()
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .skipEmptyLines(true)
        .build(handler, text);
  }

  /**
   * Reads every row of {@code source}, passing each record to {@code sink}.
   *
   * @throws CsvFormatException in strict mode for the first bad row, and in both modes for a bad
   *     header
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
    List<RejectedRow> rejected = new ArrayList<>();
    long rows = 0;
    long loaded = 0;
    Row row = null;
    int width = 0;
    try (Reader text = source.open()) {
      LineReplay replay = new LineReplay(text);
      long base = 0; // physical lines before the current parser's line 1
      boolean done = false;
      while (!done) {
        CellsHandler handler = new CellsHandler();
        Iterator<Cells> it = parser(handler, replay.reader()).iterator();
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
            if (row == null || !options.isLenient()) {
              throw new CsvFormatException(bad, e);
            }
            rows++;
            rejected.add(bad);
            replay.restartAt(line + 1);
            base = line;
            break;
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          long line = base + record.line();
          replay.keepFrom(line);
          List<String> fields = record.fields();
          if (row == null) {
            width = fields.size();
            row = header(file, line, schema, options, fields);
            continue;
          }
          rows++;
          RejectedRow bad;
          if (fields.size() != width) {
            bad = new RejectedRow(file, line, null, null, raggedReason(fields, width));
          } else {
            row.reset(fields, line);
            T parsed;
            try {
              parsed = parser.parse(row);
              keys.claim(parsed, row);
            } catch (CsvFormatException e) {
              throw e;
            } catch (BadCell e) {
              bad = e.at(file, line);
              reject(bad, options, e, rejected);
              continue;
            } catch (IllegalArgumentException | ArithmeticException e) {
              bad = fromRecordError(file, line, row, e);
              reject(bad, options, e, rejected);
              continue;
            }
            sink.accept(parsed);
            loaded++;
            continue;
          }
          reject(bad, options, null, rejected);
        }
      }
    }
    return new LoadReport(file, rows, loaded, rejected);
  }

  private static void reject(
      RejectedRow bad, CsvOptions options, @Nullable Throwable cause, List<RejectedRow> into) {
    if (!options.isLenient()) {
      throw new CsvFormatException(bad, cause);
    }
    into.add(bad);
  }

  static Row header(
      String file, long line, CsvFile schema, CsvOptions options, List<String> headers) {
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
    if (!missing.isEmpty() && !options.isLenient()) {
      throw new CsvFormatException(
          new RejectedRow(
              file,
              line,
              missing.get(0),
              null,
              "missing required column " + missing.get(0) + " (header: "
                  + String.join(", ", headers) + ")"));
    }
    return new Row(schema, options, columns, missing);
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

  private static String quoteReason(CsvParseException e) {
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
