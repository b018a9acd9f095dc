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
 * How CSV files are read: strict or lenient, the zone for dates and local date-times, and a
 * {@link ColumnMapping} per schema file.
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
  private static final CsvOptions STRICT = new CsvOptions(false, null, Map.of());
  private static final CsvOptions LENIENT = new CsvOptions(true, null, Map.of());

  private final boolean lenient;
  @Nullable private final ZoneId zone;
  private final Map<CsvFile, ColumnMapping> mappings;

  private CsvOptions(boolean lenient, @Nullable ZoneId zone, Map<CsvFile, ColumnMapping> mappings) {
    this.lenient = lenient;
    this.zone = zone;
    EnumMap<CsvFile, ColumnMapping> copy = new EnumMap<>(CsvFile.class);
    copy.putAll(mappings);
    this.mappings = copy;
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
    return new CsvOptions(lenient, zone, mappings);
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
    return new CsvOptions(lenient, checkNotNull(zone, "zone"), mappings);
  }

  /**
   * Returns these options with a column mapping for one file.
   *
   * @param file the schema file
   * @param mapping its mapping
   * @return the options
   * @throws NullPointerException if an argument is null
   */
  public CsvOptions withMapping(CsvFile file, ColumnMapping mapping) {
    EnumMap<CsvFile, ColumnMapping> copy = new EnumMap<>(CsvFile.class);
    copy.putAll(mappings);
    copy.put(checkNotNull(file, "file"), checkNotNull(mapping, "mapping"));
    return new CsvOptions(lenient, zone, copy);
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
   * @return its mapping, {@link ColumnMapping#identity()} unless one was given
   */
  public ColumnMapping mapping(CsvFile file) {
    return mappings.getOrDefault(checkNotNull(file, "file"), ColumnMapping.identity());
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
        && mappings.equals(other.mappings);
  }

  /**
   * Returns a hash of all settings.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(lenient, zone, mappings);
  }

  /**
   * Describes the options.
   *
   * @return e.g. {@code CsvOptions[lenient, zone=UTC, mappings=[DEALS]]}
   */
  @Override
  public String toString() {
    return "CsvOptions[" + (lenient ? "lenient" : "strict") + ", zone="
        + (zone == null ? "none" : zone) + ", mappings=" + mappings.keySet() + "]";
  }
}
