package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * How CSV files are read: strict or lenient, the zone for dates and local date-times, a {@link
 * ColumnMapping} per schema file, and the cell separator (detected per file unless given).
 *
 * <ul>
 *   <li><b>Strict</b> (the default) stops at the first bad row with a {@link CsvFormatException};
 *       <b>lenient</b> loads the good rows and reports every rejected one in the
 *       {@link LoadReport}.
 *   <li><b>Zone</b>: dates that bound a period (quota periods, campaign dates, date-only values
 *       in instant columns) are read in {@link #dateZone()}: the zone given with
 *       {@link #withZone}, else UTC. A bare local date-time such as {@code 2024-03-01T09:30} is an
 *       error unless a zone was given; then it is read in that zone.
 * </ul>
 *
 * <pre>{@code
 * CsvOptions options = CsvOptions.lenient()
 *     .withZone(ZoneId.of("America/New_York"))
 *     .withMapping(CsvFile.DEALS, ColumnMapping.hubspotDeals());
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class CsvOptions {
  private static final CsvOptions STRICT = new CsvOptions(false, null, Map.of(), null, null);
  private static final CsvOptions LENIENT = new CsvOptions(true, null, Map.of(), null, null);

  private final boolean lenient;
  @Nullable private final ZoneId zone;
  private final Map<CsvFile, ColumnMapping> mappings;
  @Nullable private final Character separator;
  @Nullable private final DateOrder dateOrder;
  /** The mappings with {@link #dateOrder} applied to every file, or the given ones. */
  private final Map<CsvFile, ColumnMapping> effective;

  private CsvOptions(
      boolean lenient,
      @Nullable ZoneId zone,
      Map<CsvFile, ColumnMapping> mappings,
      @Nullable Character separator,
      @Nullable DateOrder dateOrder) {
    this.lenient = lenient;
    this.zone = zone;
    this.separator = separator;
    this.dateOrder = dateOrder;
    EnumMap<CsvFile, ColumnMapping> copy = new EnumMap<>(CsvFile.class);
    copy.putAll(mappings);
    this.mappings = copy;
    if (dateOrder == null) {
      this.effective = copy;
    } else {
      EnumMap<CsvFile, ColumnMapping> ordered = new EnumMap<>(CsvFile.class);
      for (CsvFile file : CsvFile.values()) {
        ColumnMapping base = copy.getOrDefault(file, ColumnMapping.identity());
        try {
          ordered.put(file, base.toBuilder().dateOrder(dateOrder).build());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "the mapping of " + file.fileName() + " cannot read dates in the order "
                  + dateOrder.name() + ": " + e.getMessage(),
              e);
        }
      }
      this.effective = ordered;
    }
  }

  /**
   * Returns the defaults: strict, no zone (dates in UTC, local date-times rejected), identity
   * mappings.
   *
   * @return the strict options
   */
  public static CsvOptions strict() {
    return STRICT;
  }

  /**
   * Returns the defaults but lenient: bad rows are reported, not thrown.
   *
   * @return the lenient options
   */
  public static CsvOptions lenient() {
    return LENIENT;
  }

  /**
   * Returns these options in lenient or strict mode.
   *
   * @param lenient true for lenient
   * @return the options
   */
  public CsvOptions withLenient(boolean lenient) {
    return new CsvOptions(lenient, zone, mappings, separator, dateOrder);
  }

  /**
   * Returns these options with a zone: dates are read in it, and bare local date-times are
   * accepted and read in it.
   *
   * @param zone the zone
   * @return the options
   * @throws NullPointerException if {@code zone} is null
   */
  public CsvOptions withZone(ZoneId zone) {
    return new CsvOptions(lenient, checkNotNull(zone, "zone"), mappings, separator, dateOrder);
  }

  /**
   * Returns these options with a column mapping for one file.
   *
   * @param file the schema file
   * @param mapping its mapping
   * @return the options
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a date order was given ({@link #withDateOrder}) and the
   *     mapping's date patterns are in another order
   */
  public CsvOptions withMapping(CsvFile file, ColumnMapping mapping) {
    EnumMap<CsvFile, ColumnMapping> copy = new EnumMap<>(CsvFile.class);
    copy.putAll(mappings);
    copy.put(checkNotNull(file, "file"), checkNotNull(mapping, "mapping"));
    return new CsvOptions(lenient, zone, copy, separator, dateOrder);
  }

  /**
   * Returns these options with every file's mapping set from {@code mappings}; files not in it
   * keep theirs.
   *
   * @param mappings a mapping per schema file
   * @return the options
   * @throws NullPointerException if the map, a file or a mapping is null
   * @throws IllegalArgumentException if a date order was given ({@link #withDateOrder}) and a
   *     mapping's date patterns are in another order
   */
  public CsvOptions withMappings(Map<CsvFile, ColumnMapping> mappings) {
    EnumMap<CsvFile, ColumnMapping> copy = new EnumMap<>(CsvFile.class);
    copy.putAll(this.mappings);
    for (Map.Entry<CsvFile, ColumnMapping> e : mappings.entrySet()) {
      copy.put(checkNotNull(e.getKey(), "file"), checkNotNull(e.getValue(), "mapping"));
    }
    return new CsvOptions(lenient, zone, copy, separator, dateOrder);
  }

  /**
   * Returns these options with a cell separator for every file, instead of detecting each file's
   * from its header line ({@code ,}, {@code ;} or tab, whichever occurs most often outside quotes;
   * a first line {@code sep=;}, as spreadsheets write it, declares it).
   *
   * @param separator {@code ','}, {@code ';'}, {@code '\t'} or {@code '|'}
   * @return the options
   * @throws IllegalArgumentException for another character
   */
  public CsvOptions withSeparator(char separator) {
    if (",;\t|".indexOf(separator) < 0) {
      throw new IllegalArgumentException(
          "separator must be ',', ';', tab or '|': " + Separators.name(separator));
    }
    return new CsvOptions(lenient, zone, mappings, separator, dateOrder);
  }

  /**
   * Returns these options reading the numeric dates of every file in one order, as if {@link
   * ColumnMapping.Builder#dateOrder} were called on each file's mapping (the interchange schema's
   * included, which then reads {@code 31/01/2024} too): what a command line's date order option
   * means. It holds for the mappings given before and after.
   *
   * @param order the order of day, month and year
   * @return the options
   * @throws IllegalArgumentException if a mapping's date patterns are in another order
   */
  public CsvOptions withDateOrder(DateOrder order) {
    return new CsvOptions(lenient, zone, mappings, separator, checkNotNull(order, "order"));
  }

  /**
   * Returns the date order given with {@link #withDateOrder}.
   *
   * @return the order, or empty
   */
  public Optional<DateOrder> dateOrder() {
    return Optional.ofNullable(dateOrder);
  }

  /**
   * Returns the separator given with {@link #withSeparator}.
   *
   * @return the separator, or empty when each file's is detected
   */
  public Optional<Character> separator() {
    return Optional.ofNullable(separator);
  }

  /**
   * Tells whether bad rows are reported rather than thrown.
   *
   * @return true if lenient
   */
  public boolean isLenient() {
    return lenient;
  }

  /**
   * Returns the zone given with {@link #withZone}.
   *
   * @return the zone, or empty if none was given
   */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  /**
   * Returns the zone in which dates are read: the given zone, else UTC.
   *
   * @return the date zone
   */
  public ZoneId dateZone() {
    return zone != null ? zone : ZoneOffset.UTC;
  }

  /**
   * Returns the mapping for a file.
   *
   * @param file the schema file
   * @return its mapping, {@link ColumnMapping#identity()} unless one was given; with {@link
   *     #withDateOrder}, reading numeric dates in that order
   */
  public ColumnMapping mapping(CsvFile file) {
    return effective.getOrDefault(checkNotNull(file, "file"), ColumnMapping.identity());
  }

  /**
   * Compares all settings.
   *
   * @param o another object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof CsvOptions other
        && lenient == other.lenient
        && Objects.equals(zone, other.zone)
        && mappings.equals(other.mappings)
        && Objects.equals(separator, other.separator)
        && dateOrder == other.dateOrder;
  }

  /**
   * Returns a hash of all settings.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(lenient, zone, mappings, separator, dateOrder);
  }

  /**
   * Describes the options.
   *
   * @return e.g. {@code CsvOptions[lenient, zone=UTC, mappings=[DEALS], separator=detected]}
   */
  @Override
  public String toString() {
    return "CsvOptions[" + (lenient ? "lenient" : "strict") + ", zone="
        + (zone == null ? "none" : zone) + ", mappings=" + mappings.keySet() + ", separator="
        + (separator == null ? "detected" : Separators.name(separator))
        + (dateOrder == null ? "" : ", dateOrder=" + dateOrder) + "]";
  }
}
