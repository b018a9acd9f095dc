package dev.salesmetrics.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads one CSV file row by row with FastCSV and turns rows into records, applying the strict or
 * lenient policy. After a quote error FastCSV cannot continue, so the file is opened again and the
 * lines up to and including the bad record's first line are skipped.
 */
final class RowReader {
  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  /** Turns a row into a record; throws {@link BadCell} or the record's validation exception. */
  interface RowParser<T> {
    T parse(Row row);
  }

  /** Where the text comes from; opened again after a quote error. */
  interface Source {
    String name();

    de.siegmar.fastcsv.reader.CsvReader<CsvRecord> open() throws IOException;

    static Source of(Path path) {
      Path name = path.getFileName();
      String fileName = name == null ? path.toString() : name.toString();
      return new Source() {
        @Override
        public String name() {
          return fileName;
        }

        @Override
        public de.siegmar.fastcsv.reader.CsvReader<CsvRecord> open() throws IOException {
          return builder().build(CsvRecordHandler.of(), path, StandardCharsets.UTF_8);
        }
      };
    }

    static Source of(String fileName, String text) {
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      return new Source() {
        @Override
        public String name() {
          return fileName;
        }

        @Override
        public de.siegmar.fastcsv.reader.CsvReader<CsvRecord> open() {
          return builder().build(CsvRecordHandler.of(), body);
        }
      };
    }
  }

  private RowReader() {}

  private static de.siegmar.fastcsv.reader.CsvReader.CsvReaderBuilder builder() {
    return de.siegmar.fastcsv.reader.CsvReader.builder()
        .detectBomHeader(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .skipEmptyLines(true);
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
      Consumer<? super T> sink)
      throws IOException {
    String file = source.name();
    List<RejectedRow> rejected = new ArrayList<>();
    long rows = 0;
    long loaded = 0;
    long skip = 0;
    Row row = null;
    int width = 0;
    boolean done = false;
    while (!done) {
      try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader = source.open()) {
        if (skip > 0) {
          reader.skipLines(Math.toIntExact(skip));
        }
        Iterator<CsvRecord> it = reader.iterator();
        while (true) {
          CsvRecord record;
          try {
            if (!it.hasNext()) {
              done = true;
              break;
            }
            record = it.next();
          } catch (CsvParseException e) {
            long line = Math.max(skip + 1, lineOf(e));
            RejectedRow bad = new RejectedRow(file, line, null, null, quoteReason(e));
            if (row == null || !options.isLenient()) {
              throw new CsvFormatException(bad, e);
            }
            rows++;
            rejected.add(bad);
            skip = line;
            break;
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          long line = record.getStartingLineNumber();
          List<String> fields = record.getFields();
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

  private static Row header(
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

  private static RejectedRow fromRecordError(
      String file, long line, Row row, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    int space = message.indexOf(' ');
    String first = space < 0 ? message : message.substring(0, space);
    if (row.schema().columns().contains(first) && row.hasColumn(first)) {
      return new RejectedRow(file, line, first, row.raw(first), message);
    }
    return new RejectedRow(file, line, null, null, message);
  }

  private static long lineOf(CsvParseException e) {
    Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String quoteReason(CsvParseException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return "bad quoting: " + cause.getMessage();
  }

  private static String raggedReason(List<String> fields, int width) {
    String reason = "row has " + fields.size() + " cells, header has " + width;
    for (String field : fields) {
      if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
        return reason + " (a quoted cell spans several lines: is a closing quote missing?)";
      }
    }
    return reason;
  }
}
