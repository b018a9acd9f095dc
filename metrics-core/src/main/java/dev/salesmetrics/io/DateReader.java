package dev.salesmetrics.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.annotation.Nullable;

/**
 * Reads the dates and instants of one file as its {@link ColumnMapping} says, one way only.
 *
 * <p>Forms, tried in this order: ISO-8601 (an instant with {@code Z} or an offset; a local
 * date-time, which needs a zone; in a mapping that reads numeric dates, an ISO date too); the
 * mapping's own patterns, read strictly; and, when the mapping reads numeric dates, a {@link
 * NumericDate} in the file's one {@link DateOrder}. That order is the mapping's (given, or implied
 * by its patterns) or, when the mapping asks for it, detected from the file: the first numeric date
 * that reads in one order only decides it. Detection is one pass: {@link RowReader} holds back the
 * rows read while every numeric date seen so far reads in two orders, and reads them once the
 * order is known.
 *
 * <p>One reader per file read; not thread safe.
 */
final class DateReader {
  /** Where a value came from: for messages naming the value that decided or refused the order. */
  private record Seen(long line, String column, String text, Set<DateOrder> fits) {}

  private final String file;
  private final ColumnMapping mapping;
  private final CsvOptions options;
  private final boolean detects;
  @Nullable private DateOrder order;
  /** The value that decided a detected order. */
  @Nullable private Seen decider;
  /** The first value of each set of orders seen before the order was decided. */
  private final Map<Set<DateOrder>, Seen> undecided = new LinkedHashMap<>();

  DateReader(String file, ColumnMapping mapping, CsvOptions options) {
    this.file = file;
    this.mapping = mapping;
    this.options = options;
    this.order = mapping.dateOrder().orElse(null);
    this.detects = mapping.readsNumericDates() && order == null;
  }

  /** True when the order is detected from this file (whether or not it is known yet). */
  boolean detects() {
    return detects;
  }

  /** True when numeric dates can be read now: no numeric dates, a given order or one detected. */
  boolean decided() {
    return !detects || order != null;
  }

  /** The order detected from the file, or null if it was given or nothing needed one. */
  @Nullable
  DateOrder detectedOrder() {
    return detects ? order : null;
  }

  /** The line of the value that decided the detected order, or 0. */
  long decidedOnLine() {
    return decider == null ? 0 : decider.line();
  }

  /**
   * Looks at one date cell while detecting: decides the order on the first value that reads in
   * one order only, and refuses the file when values read only in different orders.
   *
   * @return true if the value reads in more than one order and the order is not decided yet
   * @throws CsvFormatException naming both lines, when the file holds dates in two orders
   */
  boolean observe(long line, String column, String text) {
    if (!detects || text.isEmpty()) {
      return false;
    }
    NumericDate numeric = NumericDate.scan(text);
    if (numeric == null || isOrderFree(text)) {
      return false;
    }
    Set<DateOrder> fits = numeric.fits();
    if (fits.isEmpty()) {
      return false; // no date in any order: a bad cell when the row is read
    }
    Seen seen = new Seen(line, column, text, fits);
    if (order != null) {
      if (!fits.contains(order)) {
        throw twoOrders(decider, seen);
      }
      return false;
    }
    if (fits.size() > 1) {
      undecided.putIfAbsent(fits, seen);
      return true;
    }
    order = fits.iterator().next();
    decider = seen;
    for (Seen before : undecided.values()) {
      if (!before.fits().contains(order)) {
        throw twoOrders(seen, before);
      }
    }
    return false;
  }

  /**
   * Refuses a file whose numeric dates all read in two orders (called at its end, when rows were
   * held back for want of an order).
   */
  CsvFormatException ambiguous() {
    Seen first = undecided.values().iterator().next();
    Set<DateOrder> orders = first.fits();
    StringJoiner names = new StringJoiner(" or ");
    StringJoiner words = new StringJoiner(" and as ");
    for (DateOrder o : orders) {
      names.add(o.name());
      words.add(o.description());
    }
    return new CsvFormatException(
        new RejectedRow(
            file,
            first.line(),
            first.column(),
            first.text(),
            "every numeric date of the file reads both as " + words + " (no day is above 12):"
                + " give the date order, " + names));
  }

  private CsvFormatException twoOrders(@Nullable Seen one, Seen other) {
    Seen first = other;
    Seen later = other;
    if (one != null && one.line() <= other.line()) {
      first = one;
    } else if (one != null) {
      later = one;
    }
    return new CsvFormatException(
        new RejectedRow(
            file,
            later.line(),
            later.column(),
            later.text(),
            "dates are written in two orders: \"" + first.text() + "\" (" + first.column()
                + ", line " + first.line() + ") reads only as " + describe(first.fits())
                + ", this date " + (later.fits().size() == 1 ? "only " : "") + "as "
                + describe(later.fits()) + ": give the date order to read the file one way"));
  }

  private static String describe(Set<DateOrder> orders) {
    StringJoiner words = new StringJoiner(" or ");
    for (DateOrder o : orders) {
      words.add(o.description());
    }
    return words.toString();
  }

  // ---- reading --------------------------------------------------------------------------------

  /** What a cell read: an instant, and whether it was written as a date without a time. */
  record Read(Instant instant, boolean dateOnly) {}

  /**
   * Reads an instant column's cell; a date without a time is the start of that day in the date
   * zone. A local date-time in a daylight-saving gap or overlap is read as {@link ZonedDateTime}
   * does, with a warning.
   */
  Read instant(String column, String text, Warnings warnings) {
    if (looksIso(text)) {
      try {
        return new Read(
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
            false);
      } catch (DateTimeParseException e) {
        // not an instant with an offset; try the other forms
      }
      LocalDateTime local = isoLocalDateTime(text);
      if (local != null) {
        return new Read(atZone(column, text, local, warnings), false);
      }
      if (mapping.readsNumericDates()) {
        LocalDate iso = isoDate(text);
        if (iso != null) {
          return startOfDay(iso);
        }
      }
    }
    for (DateTimeFormatter formatter : mapping.formatters()) {
      TemporalAccessor t = tryParse(formatter, text);
      if (t instanceof OffsetDateTime odt) {
        return new Read(odt.toInstant(), false);
      } else if (t instanceof LocalDateTime ldt) {
        return new Read(atZone(column, text, ldt, warnings), false);
      } else if (t instanceof LocalDate date) {
        return startOfDay(date);
      }
    }
    NumericDate numeric = numeric(text);
    if (numeric != null) {
      DateOrder o = orderFor(column, text, numeric);
      return numeric.hasTime()
          ? new Read(atZone(column, text, numeric.dateTime(o), warnings), false)
          : startOfDay(numeric.date(o));
    }
    throw new BadCell(column, text, column + " must be " + instantForms());
  }

  /** Reads a date column's cell. */
  LocalDate date(String column, String text) {
    LocalDate iso = looksIso(text) ? isoDate(text) : null;
    if (iso != null) {
      return iso;
    }
    for (DateTimeFormatter formatter : mapping.formatters()) {
      if (tryParse(formatter, text) instanceof LocalDate date) {
        return date;
      }
    }
    NumericDate numeric = numeric(text);
    if (numeric != null && !numeric.hasTime()) {
      return numeric.date(orderFor(column, text, numeric));
    }
    throw new BadCell(column, text, column + " must be " + dateForms());
  }

  private Read startOfDay(LocalDate date) {
    return new Read(date.atStartOfDay(options.dateZone()).toInstant(), true);
  }

  /** The numeric date in the text when the mapping reads them, else null. */
  @Nullable
  private NumericDate numeric(String text) {
    if (!mapping.readsNumericDates()) {
      return null;
    }
    return NumericDate.scan(text);
  }

  /**
   * The order to read a numeric date in: the file's, checked; while a detected order is still
   * unknown (the value reads in no order or one), the one it reads in.
   */
  private DateOrder orderFor(String column, String text, NumericDate numeric) {
    DateOrder o = order;
    if (o == null) {
      Set<DateOrder> fits = numeric.fits();
      if (fits.size() == 1) {
        return fits.iterator().next();
      }
      StringJoiner why = new StringJoiner(", nor ");
      for (DateOrder each : numeric.layouts()) {
        why.add("as " + each.description() + " (" + numeric.problem(each) + ")");
      }
      throw new BadCell(
          column,
          text,
          column + " \"" + text + "\" is no date: not "
              + (why.length() == 0 ? "in any order" : why.toString()));
    }
    String problem = numeric.problem(o);
    if (problem == null) {
      return o;
    }
    String reading =
        detects
            ? "the file's date order, " + o.description() + " (as line " + decidedOnLine()
                + " shows)"
            : "the date order " + o.description();
    String hint = "";
    Set<DateOrder> fits = numeric.fits();
    if (!fits.isEmpty() && !detects) {
      DateOrder other = fits.iterator().next();
      hint = "; it reads as " + other.description() + ": is the date order " + other.name() + "?";
    }
    throw new BadCell(
        column, text, column + " \"" + text + "\" is no date in " + reading + ": " + problem + hint);
  }

  /** A local date-time in the zone, with a warning in a daylight-saving gap or overlap. */
  private Instant atZone(String column, String text, LocalDateTime local, Warnings warnings) {
    ZoneId zone = options.zone().orElse(null);
    if (zone == null) {
      throw new BadCell(
          column,
          text,
          column + " is a local date-time without offset: add Z or an offset like +01:00, or"
              + " give a zone (CsvOptions.withZone)");
    }
    ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = zone.getRules().getTransition(local);
      warnings.add(
          column,
          text,
          local + " does not exist in " + zone + " (the clocks moved forward "
              + gapLength(gap) + "): read as " + zoned.toOffsetDateTime());
    } else if (offsets.size() > 1) {
      warnings.add(
          column,
          text,
          local + " occurs twice in " + zone + " (the clocks moved back): read as the earlier, "
              + zoned.toOffsetDateTime());
    }
    return zoned.toInstant();
  }

  private static String gapLength(@Nullable ZoneOffsetTransition gap) {
    if (gap == null) {
      return "";
    }
    long minutes = gap.getDuration().toMinutes();
    return minutes == 60 ? "an hour" : minutes + " minutes";
  }

  // ---- forms and messages ---------------------------------------------------------------------

  private String instantForms() {
    if (!mapping.readsNumericDates() && mapping.dateTimePatterns().isEmpty()) {
      return "an ISO-8601 instant with an offset, like 2024-03-01T09:30:00Z";
    }
    StringBuilder sb = new StringBuilder("an ISO-8601 instant like 2024-01-31T16:05:00Z");
    appendMappingForms(sb, true);
    return sb.toString();
  }

  private String dateForms() {
    if (!mapping.readsNumericDates() && mapping.dateTimePatterns().isEmpty()) {
      return "a date like 2024-03-01";
    }
    StringBuilder sb = new StringBuilder("a date like 2024-01-31");
    appendMappingForms(sb, false);
    return sb.toString();
  }

  private void appendMappingForms(StringBuilder sb, boolean withTime) {
    if (mapping.readsNumericDates()) {
      DateOrder o = order;
      if (o != null) {
        sb.append(" or a ").append(o.description()).append(" date like ").append(o.example());
        if (withTime) {
          sb.append(" or ").append(o.example()).append(" 16:05 or ").append(o.example())
              .append(" 4:05 PM");
        }
      } else {
        sb.append(" or a numeric date in the file's date order, like 1/31/2024 or 31/01/2024");
      }
    }
    List<String> patterns = mapping.dateTimePatterns();
    if (!patterns.isEmpty()) {
      sb.append(" or in the mapping's pattern").append(patterns.size() > 1 ? "s " : " ")
          .append(String.join(", ", patterns));
    }
  }

  // ---- ISO and patterns -----------------------------------------------------------------------

  /** True for a value that reads one way whatever the order: ISO-8601 or an order-free pattern. */
  private boolean isOrderFree(String text) {
    if (looksIso(text)) {
      if (isoLocalDateTime(text) != null || isoDate(text) != null) {
        return true;
      }
      try {
        var unused = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return true;
      } catch (DateTimeParseException e) {
        // not ISO
      }
    }
    for (DateTimeFormatter formatter : mapping.formatters()) {
      if (tryParse(formatter, text) != null) {
        return true; // while detecting, every pattern is order-free (an ordered one fixes it)
      }
    }
    return false;
  }

  /**
   * A cheap test that spares the parse exceptions: ISO-8601 starts with a year of four digits or
   * more (a sign before more than four) and a '-'.
   */
  private static boolean looksIso(String text) {
    int i = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    int start = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i - start >= 4 && i < text.length() && text.charAt(i) == '-';
  }

  @Nullable
  private static LocalDateTime isoLocalDateTime(String text) {
    try {
      return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Nullable
  private static LocalDate isoDate(String text) {
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Nullable
  private static TemporalAccessor tryParse(DateTimeFormatter formatter, String text) {
    try {
      return formatter.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Compiles a {@link DateTimeFormatter} pattern for reading: strict (no 30 February), AM/PM and
   * month names in any case, {@code yyyy} as the year (the era defaults to AD).
   *
   * @throws IllegalArgumentException if the pattern is invalid
   */
  static DateTimeFormatter compile(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .parseDefaulting(ChronoField.ERA, 1)
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * The order of a pattern's numeric day, month and year fields, or null when it has no numeric
   * month (a month name reads one way) or lacks one of the three.
   *
   * @throws IllegalArgumentException for fields in an order that is none of the three
   */
  @Nullable
  static DateOrder orderOf(String pattern) {
    Map<Character, Integer> first = new HashMap<>();
    int monthLetters = 0;
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        continue;
      }
      if (quoted) {
        continue;
      }
      char field =
          switch (c) {
            case 'y', 'u' -> 'y';
            case 'M', 'L' -> 'M';
            case 'd' -> 'd';
            default -> ' ';
          };
      if (field == ' ') {
        continue;
      }
      first.putIfAbsent(field, i);
      if (field == 'M' && first.get('M') == i) {
        int j = i;
        while (j < pattern.length() && pattern.charAt(j) == c) {
          j++;
        }
        monthLetters = j - i;
      }
    }
    Integer y = first.get('y');
    Integer m = first.get('M');
    Integer d = first.get('d');
    if (y == null || m == null || d == null || monthLetters > 2) {
      return null;
    }
    if (m < d && d < y) {
      return DateOrder.MDY;
    } else if (d < m && m < y) {
      return DateOrder.DMY;
    } else if (y < m && m < d) {
      return DateOrder.YMD;
    }
    throw new IllegalArgumentException(
        "date pattern \"" + pattern + "\" has day, month and year in an order that is none of"
            + " MDY, DMY and YMD");
  }

  /** Collects the warnings of the row being read. */
  interface Warnings {
    void add(String column, String value, String reason);
  }
}
