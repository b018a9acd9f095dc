package dev.salesmetrics.io;

import dev.salesmetrics.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * One data row of a CSV file with typed access to its cells by schema column. Every failure is a
 * {@link BadCell} naming the column and the cell text. Not thread safe; reused for each row.
 */
final class Row {
  private static final String EMPTY_MEANS_NONE = " (leave the cell empty for none)";

  private final CsvFile schema;
  private final CsvOptions options;
  private final ColumnMapping mapping;
  private final Map<String, Integer> columns;
  private final List<String> missingRequired;
  private List<String> fields = List.of();
  private long line;

  Row(CsvFile schema, CsvOptions options, Map<String, Integer> columns, List<String> missing) {
    this.schema = schema;
    this.options = options;
    this.mapping = options.mapping(schema);
    this.columns = columns;
    this.missingRequired = missing;
  }

  void reset(List<String> fields, long line) {
    this.fields = fields;
    this.line = line;
  }

  long line() {
    return line;
  }

  CsvFile schema() {
    return schema;
  }

  ColumnMapping mapping() {
    return mapping;
  }

  /** Tells whether the header lacks a required column (a lenient read goes on without it). */
  boolean missesRequiredColumn() {
    return !missingRequired.isEmpty();
  }

  boolean hasColumn(String column) {
    return columns.containsKey(column) || mapping.defaultValue(column).isPresent();
  }

  /** The cell text of a column as written (before defaults), or null if the column is absent. */
  @Nullable
  String raw(String column) {
    Integer i = columns.get(column);
    if (i == null) {
      return mapping.defaultValue(column).orElse(null);
    }
    String text = fields.get(i);
    return text.isEmpty() ? mapping.defaultValue(column).orElse(text) : text;
  }

  @Nullable
  String optional(String column) {
    String text = raw(column);
    return text == null || text.isEmpty() ? null : text;
  }

  /**
   * The text of a cell of a required column that may be empty in a row: null when empty (after
   * defaults); a bad cell when the column is missing from the file.
   */
  @Nullable
  String inRequiredColumn(String column) {
    if (missingRequired.contains(column)) {
      throw new BadCell(column, null, "missing required column " + column);
    }
    return optional(column);
  }

  String required(String column) {
    if (missingRequired.contains(column)) {
      throw new BadCell(column, null, "missing required column " + column);
    }
    String text = raw(column);
    if (text == null || text.isEmpty()) {
      throw new BadCell(column, "", column + " is required");
    }
    return text;
  }

  <T> T required(String column, Function<String, T> parser) {
    String text = required(column);
    return parse(column, text, parser);
  }

  @Nullable
  <T> T optional(String column, Function<String, T> parser) {
    String text = optional(column);
    return text == null ? null : parse(column, text, parser);
  }

  private static <T> T parse(String column, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new BadCell(column, text, String.valueOf(e.getMessage()));
    }
  }

  Instant instant(String column) {
    return plausible(column, toInstant(column, required(column)), "");
  }

  @Nullable
  Instant optionalInstant(String column) {
    String text = optional(column);
    return text == null ? null : plausible(column, toInstant(column, text), EMPTY_MEANS_NONE);
  }

  LocalDate date(String column) {
    return plausible(column, toDate(column, required(column)), "");
  }

  @Nullable
  LocalDate optionalDate(String column) {
    String text = optional(column);
    return text == null ? null : plausible(column, toDate(column, text), EMPTY_MEANS_NONE);
  }

  /** A required exclusive end date: it may be the first day after the plausible range. */
  LocalDate endDate(String column) {
    LocalDate date = toDate(column, required(column));
    if (!PlausibleRange.containsEnd(date)) {
      throw outside(column, date, " (an exclusive end may be " + PlausibleRange.END_DAY + ")");
    }
    return date;
  }

  private Instant plausible(String column, Instant instant, String hint) {
    if (!PlausibleRange.contains(instant)) {
      throw outside(column, instant, hint);
    }
    return instant;
  }

  private LocalDate plausible(String column, LocalDate date, String hint) {
    if (!PlausibleRange.contains(date)) {
      throw outside(column, date, hint);
    }
    return date;
  }

  private BadCell outside(String column, Object value, String hint) {
    return new BadCell(
        column,
        raw(column),
        column + " " + value + " is outside " + PlausibleRange.DESCRIPTION + hint);
  }

  Currency currency(String column) {
    return required(column, Money::currency);
  }

  Money money(String column, Currency currency) {
    return required(column, text -> Money.of(text, currency));
  }

  @Nullable
  Double probability(String column) {
    String text = optional(column);
    if (text == null) {
      return null;
    }
    if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw new BadCell(column, text, column + " must be a decimal number like 0.25");
    }
    BigDecimal value = new BigDecimal(text);
    if (mapping.isPercent(column)) {
      value = value.movePointLeft(2);
    }
    return value.doubleValue();
  }

  long wholeNumber(String column, String text) {
    if (!text.matches("-?[0-9]{1,18}")) {
      throw new BadCell(column, text, column + " must be a whole number");
    }
    return Long.parseLong(text);
  }

  private Instant toInstant(String column, String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // not an instant with an offset; try the other forms
    }
    LocalDateTime local = tryLocalDateTime(text);
    if (local != null) {
      return atZone(column, text, local);
    }
    for (DateTimeFormatter formatter : mapping.formatters()) {
      Optional<TemporalAccessor> parsed = tryParse(formatter, text);
      if (parsed.isPresent()) {
        TemporalAccessor t = parsed.get();
        if (t instanceof OffsetDateTime odt) {
          return odt.toInstant();
        } else if (t instanceof LocalDateTime ldt) {
          return atZone(column, text, ldt);
        } else if (t instanceof LocalDate date) {
          return date.atStartOfDay(options.dateZone()).toInstant();
        }
      }
    }
    throw new BadCell(
        column,
        text,
        column + " must be an ISO-8601 instant with an offset, like 2024-03-01T09:30:00Z");
  }

  private Instant atZone(String column, String text, LocalDateTime local) {
    Optional<ZoneId> zone = options.zone();
    if (zone.isEmpty()) {
      throw new BadCell(
          column,
          text,
          column + " is a local date-time without offset: add Z or an offset like +01:00, or"
              + " give a zone (CsvOptions.withZone)");
    }
    return local.atZone(zone.get()).toInstant();
  }

  private LocalDate toDate(String column, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      // not ISO; try the mapping's patterns
    }
    for (DateTimeFormatter formatter : mapping.formatters()) {
      Optional<TemporalAccessor> parsed = tryParse(formatter, text);
      if (parsed.isPresent() && parsed.get() instanceof LocalDate date) {
        return date;
      }
    }
    throw new BadCell(column, text, column + " must be a date like 2024-03-01");
  }

  @Nullable
  private static LocalDateTime tryLocalDateTime(String text) {
    try {
      return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Optional<TemporalAccessor> tryParse(DateTimeFormatter formatter, String text) {
    try {
      return Optional.of(
          formatter.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
