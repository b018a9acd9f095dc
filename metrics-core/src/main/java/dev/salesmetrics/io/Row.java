package dev.salesmetrics.io;

import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * One data row of a CSV file with typed access to its cells by schema column. Every failure is a
 * {@link BadCell} naming the column and the cell text; the warnings of the row are kept until the
 * row is loaded. Not thread safe; reused for each row.
 */
final class Row {
  private static final String EMPTY_MEANS_NONE = " (leave the cell empty for none)";

  private final String file;
  private final CsvFile schema;
  private final ColumnMapping mapping;
  private final Map<String, Integer> columns;
  private final List<String> missingRequired;
  private final String missingHint;
  private final DateReader dates;
  private final List<LoadWarning> warnings = new ArrayList<>();
  private List<String> fields = List.of();
  private long line;

  Row(
      String file,
      CsvFile schema,
      CsvOptions options,
      Map<String, Integer> columns,
      List<String> missing,
      String missingHint,
      DateReader dates) {
    this.file = file;
    this.schema = schema;
    this.mapping = options.mapping(schema);
    this.columns = columns;
    this.missingRequired = missing;
    this.missingHint = missingHint;
    this.dates = dates;
  }

  void reset(List<String> fields, long line) {
    this.fields = fields;
    this.line = line;
    warnings.clear();
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

  /** The warnings of the current row. */
  List<LoadWarning> warnings() {
    return warnings;
  }

  private void warn(String column, String value, String reason) {
    warnings.add(new LoadWarning(file, line, column, value, reason));
  }

  /** The index of a schema column in the file, or -1 if the file has none. */
  int index(String column) {
    Integer i = columns.get(column);
    return i == null ? -1 : i;
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
    checkPresent(column);
    return optional(column);
  }

  private void checkPresent(String column) {
    if (missingRequired.contains(column)) {
      throw new BadCell(column, null, "missing required column " + column + missingHint);
    }
  }

  String required(String column) {
    checkPresent(column);
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

  /**
   * An id that a mapping may declare multi-valued ({@code 9005;9006}, as CRMs write several
   * associated records): with {@link ColumnMapping.MultiValue#FIRST} the first id is used and the
   * row gets a warning; with {@link ColumnMapping.MultiValue#REJECT} the row is bad.
   */
  @Nullable
  String optionalId(String column) {
    String text = optional(column);
    Optional<ColumnMapping.MultiValue> rule = mapping.multiValue(column);
    if (text == null || rule.isEmpty() || text.indexOf(';') < 0) {
      return text;
    }
    List<String> ids = new ArrayList<>();
    for (String part : text.split(";", -1)) {
      if (!part.isBlank()) {
        ids.add(part.strip());
      }
    }
    if (ids.isEmpty()) {
      return null;
    }
    if (ids.size() == 1) {
      return ids.get(0);
    }
    if (rule.get() == ColumnMapping.MultiValue.REJECT) {
      throw new BadCell(
          column,
          text,
          column + " holds " + ids.size() + " ids, " + String.join(", ", ids)
              + ": one is expected (the mapping rejects several)");
    }
    warn(
        column,
        text,
        column + " holds " + ids.size() + " ids: the first, " + ids.get(0) + ", is used");
    return ids.get(0);
  }

  Instant instant(String column) {
    return plausible(column, dates.instant(column, required(column), this::warn).instant(), "");
  }

  @Nullable
  Instant optionalInstant(String column) {
    DateReader.Read read = optionalRead(column);
    return read == null ? null : read.instant();
  }

  /** An optional instant and whether it was written as a date without a time. */
  @Nullable
  DateReader.Read optionalRead(String column) {
    String text = optional(column);
    if (text == null) {
      return null;
    }
    DateReader.Read read = dates.instant(column, text, this::warn);
    var unused = plausible(column, read.instant(), EMPTY_MEANS_NONE);
    return read;
  }

  LocalDate date(String column) {
    return plausible(column, dates.date(column, required(column)), "");
  }

  @Nullable
  LocalDate optionalDate(String column) {
    String text = optional(column);
    return text == null
        ? null
        : plausible(column, dates.date(column, text), EMPTY_MEANS_NONE);
  }

  /** A required exclusive end date: it may be the first day after the plausible range. */
  LocalDate endDate(String column) {
    LocalDate date = dates.date(column, required(column));
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
    String text = required(column);
    return parse(column, text, t -> Money.of(decimal(column, t), currency));
  }

  /**
   * A decimal as {@link BigDecimal} and {@link Money} read it: with the mapping's decimal comma, a
   * comma becomes the point; a point is then a grouping separator and refused, as a comma is
   * without a decimal comma.
   */
  private String decimal(String column, String text) {
    if (mapping.decimalSeparator() == ',') {
      if (text.indexOf('.') >= 0) {
        throw new IllegalArgumentException(
            column + " \"" + text + "\" holds a '.', but the mapping's decimal separator is ','"
                + " (export numbers without thousands separators)");
      }
      return text.replace(',', '.');
    }
    if (text.indexOf(',') >= 0) {
      throw new IllegalArgumentException(
          column + " must be a plain decimal like 1250.00: \"" + text + "\" ("
              + (text.indexOf('.') >= 0
                  ? "export numbers without thousands separators"
                  : "a decimal comma? set the mapping's decimal separator to ','")
              + ")");
    }
    return text;
  }

  @Nullable
  Double probability(String column) {
    String text = optional(column);
    if (text == null) {
      return null;
    }
    String plain;
    try {
      plain = decimal(column, text);
    } catch (IllegalArgumentException e) {
      throw new BadCell(column, text, String.valueOf(e.getMessage()));
    }
    if (!plain.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw new BadCell(
          column,
          text,
          column + " must be a decimal number like " + (mapping.decimalSeparator() == ','
              ? "0,25"
              : "0.25"));
    }
    BigDecimal value = new BigDecimal(plain);
    if (mapping.isPercent(column)) {
      value = value.movePointLeft(2);
    }
    return value.doubleValue();
  }

  /**
   * The deal status of the status column: the mapping's status values first (case-insensitive),
   * else open, won or lost.
   */
  DealStatus status(String column) {
    String text = required(column);
    Optional<DealStatus> mapped = mapping.statusOfValue(text);
    if (mapped.isPresent()) {
      return mapped.get();
    }
    try {
      return DealStatus.parse(text);
    } catch (IllegalArgumentException e) {
      String known =
          mapping.statusValues().isEmpty()
              ? ""
              : " or one of the mapping's status values " + mapping.statusValues().keySet();
      throw new BadCell(column, text, String.valueOf(e.getMessage()) + known);
    }
  }

  long wholeNumber(String column, String text) {
    if (!text.matches("-?[0-9]{1,18}")) {
      throw new BadCell(column, text, column + " must be a whole number");
    }
    return Long.parseLong(text);
  }
}
