package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.DealStatus;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the columns of a foreign CSV export (a CRM's deal report) map onto a file of the
 * interchange schema: header renames, default values for missing columns, the deal status derived
 * from the stage name, percent columns and extra date formats.
 *
 * <p>A header is looked up case-insensitively among the renames first; a header that is not
 * renamed is used as a schema column if it has the schema's name (case-insensitively), and
 * ignored otherwise. When two headers map to the same column, the first one (from the left) is
 * used. {@link #identity()} maps nothing and reads the interchange schema as is.
 *
 * <pre>{@code
 * ColumnMapping mine = ColumnMapping.builder()
 *     .rename("Opportunity Number", "deal_id")
 *     .rename("Owner", "rep_id")
 *     .defaultValue("currency", "USD")
 *     .stageStatus("Signed", DealStatus.WON)
 *     .stageStatus("Dead", DealStatus.LOST)
 *     .percent("probability")
 *     .dateTimePattern("d.M.yyyy")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class ColumnMapping {
  private static final ColumnMapping IDENTITY = builder().build();

  private final ImmutableMap<String, String> renames;
  private final ImmutableMap<String, String> defaults;
  private final ImmutableMap<String, DealStatus> stageStatuses;
  private final ImmutableSet<String> percentColumns;
  private final ImmutableList<String> patterns;
  private final ImmutableList<DateTimeFormatter> formatters;
  private final boolean closeDateOnlyWhenClosed;

  private ColumnMapping(Builder b) {
    this.renames = ImmutableMap.copyOf(b.renames);
    this.defaults = ImmutableMap.copyOf(b.defaults);
    this.stageStatuses = ImmutableMap.copyOf(b.stageStatuses);
    this.percentColumns = ImmutableSet.copyOf(b.percentColumns);
    this.patterns = ImmutableList.copyOf(b.patterns);
    this.formatters = ImmutableList.copyOf(b.formatters);
    this.closeDateOnlyWhenClosed = b.closeDateOnlyWhenClosed;
  }

  /**
   * Returns the mapping that maps nothing: the file is in the interchange schema.
   *
   * @return the identity mapping
   */
  public static ColumnMapping identity() {
    return IDENTITY;
  }

  /**
   * Returns a mapping for a HubSpot deals export ({@code deals.csv}): "Record ID" to deal_id,
   * "Deal owner" to rep_id, "Amount", "Currency" (or "Deal currency code"), "Create Date" to
   * created_at, "Close Date" to closed_at, "Deal Stage" to stage, "Deal probability" (a fraction
   * in [0, 1]) to probability, "Associated Company IDs" to customer_id; the status from the stage
   * ("Closed won" is won, "Closed lost" is lost, any other stage open); dates like
   * {@code 2024-01-15 10:23} or {@code 2024-01-15}. The close date of an open deal (HubSpot's
   * expected close date) is ignored. HubSpot writes local times, so give a zone
   * ({@link CsvOptions#withZone}); a portal with one currency exports no currency column, so add
   * {@code .toBuilder().defaultValue("currency", "USD").build()}.
   *
   * @return the HubSpot deals mapping
   */
  public static ColumnMapping hubspotDeals() {
    return builder()
        .rename("Record ID", "deal_id")
        .rename("Deal ID", "deal_id")
        .rename("Deal owner", "rep_id")
        .rename("Amount", "amount")
        .rename("Currency", "currency")
        .rename("Deal currency code", "currency")
        .rename("Create Date", "created_at")
        .rename("Close Date", "closed_at")
        .rename("Deal Stage", "stage")
        .rename("Deal probability", "probability")
        .rename("Associated Company IDs", "customer_id")
        .stageStatus("Closed won", DealStatus.WON)
        .stageStatus("Closed lost", DealStatus.LOST)
        .dateTimePattern("yyyy-MM-dd HH:mm")
        .dateTimePattern("yyyy-MM-dd HH:mm:ss")
        .dateTimePattern("yyyy-MM-dd")
        .closeDateOnlyWhenClosed(true)
        .build();
  }

  /**
   * Returns a mapping for a Salesforce opportunity report export: "Opportunity ID" to deal_id,
   * "Opportunity Owner" to rep_id, "Amount", "Amount Currency" or "Opportunity Currency" to
   * currency, "Created Date" to created_at, "Close Date" to closed_at, "Stage" to stage,
   * "Probability (%)" (a percentage, divided by 100) to probability, "Account ID" to customer_id,
   * "Product Name" to product; the status from the stage ("Closed Won" is won, "Closed Lost" is
   * lost, any other stage open); dates like {@code 1/31/2024}, {@code 1/31/2024 4:05 PM} or
   * {@code 2024-01-31}. The close date of an open opportunity (its expected close date) is
   * ignored. A date without a time is the start of that day in the options' date zone; a single
   * currency org exports no currency column, so add a default currency.
   *
   * @return the Salesforce opportunities mapping
   */
  public static ColumnMapping salesforceOpportunities() {
    return builder()
        .rename("Opportunity ID", "deal_id")
        .rename("Opportunity Owner", "rep_id")
        .rename("Amount", "amount")
        .rename("Amount Currency", "currency")
        .rename("Opportunity Currency", "currency")
        .rename("Created Date", "created_at")
        .rename("Close Date", "closed_at")
        .rename("Stage", "stage")
        .rename("Probability (%)", "probability")
        .rename("Account ID", "customer_id")
        .rename("Product Name", "product")
        .stageStatus("Closed Won", DealStatus.WON)
        .stageStatus("Closed Lost", DealStatus.LOST)
        .percent("probability")
        .dateTimePattern("M/d/yyyy")
        .dateTimePattern("M/d/yyyy h:mm a")
        .dateTimePattern("yyyy-MM-dd")
        .closeDateOnlyWhenClosed(true)
        .build();
  }

  /**
   * Returns an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this mapping's settings, to extend it.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.renames.putAll(renames);
    b.defaults.putAll(defaults);
    b.stageStatuses.putAll(stageStatuses);
    b.percentColumns.addAll(percentColumns);
    b.patterns.addAll(patterns);
    b.formatters.addAll(formatters);
    b.closeDateOnlyWhenClosed = closeDateOnlyWhenClosed;
    return b;
  }

  /**
   * Returns the schema column a header maps to: its rename if it has one, else the header itself
   * in lowercase (trimmed).
   *
   * @param header a header cell
   * @return the lowercase column name (which may be no schema column)
   */
  public String columnFor(String header) {
    String key = normalise(header);
    String renamed = renames.get(key);
    return renamed != null ? renamed : key;
  }

  /**
   * Returns the renames, keyed by lowercase header.
   *
   * @return header (lowercase) to schema column
   */
  public Map<String, String> renames() {
    return renames;
  }

  /**
   * Returns the value used for a column that is absent from the file or empty in a row.
   *
   * @param column a schema column
   * @return the default, or empty if none
   */
  public Optional<String> defaultValue(String column) {
    return Optional.ofNullable(defaults.get(column));
  }

  /**
   * Returns the deal status a stage name implies, when this mapping derives status from stage.
   *
   * @param stage the stage name, or empty text for no stage
   * @return the status of the stage (case-insensitive), {@link DealStatus#OPEN} for any other
   *     stage, or empty if this mapping has no stage table
   */
  public Optional<DealStatus> statusOfStage(String stage) {
    if (stageStatuses.isEmpty()) {
      return Optional.empty();
    }
    DealStatus status = stageStatuses.get(normalise(stage));
    return Optional.of(status != null ? status : DealStatus.OPEN);
  }

  /**
   * Returns the stage table, keyed by lowercase stage name.
   *
   * @return stage (lowercase) to status
   */
  public Map<String, DealStatus> stageStatuses() {
    return stageStatuses;
  }

  /**
   * Tells whether a column holds percentages (0 to 100) to divide by 100.
   *
   * @param column a schema column
   * @return true for a percent column
   */
  public boolean isPercent(String column) {
    return percentColumns.contains(column);
  }

  /**
   * Returns the extra date and date-time patterns tried after ISO-8601, in order.
   *
   * @return {@link DateTimeFormatter} patterns
   */
  public List<String> dateTimePatterns() {
    return patterns;
  }

  /** The compiled {@link #dateTimePatterns()}, in order. */
  List<DateTimeFormatter> formatters() {
    return formatters;
  }

  /**
   * Tells whether {@code closed_at} is ignored on a deal whose status is open (CRMs fill the close
   * date of open deals with the expected close date).
   *
   * @return true if an open deal's close date is ignored
   */
  public boolean closeDateOnlyWhenClosed() {
    return closeDateOnlyWhenClosed;
  }

  /**
   * Compares all settings.
   *
   * @param o another object
   * @return true if {@code o} is a mapping with the same settings
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnMapping m
        && renames.equals(m.renames)
        && defaults.equals(m.defaults)
        && stageStatuses.equals(m.stageStatuses)
        && percentColumns.equals(m.percentColumns)
        && patterns.equals(m.patterns)
        && closeDateOnlyWhenClosed == m.closeDateOnlyWhenClosed;
  }

  /**
   * Returns a hash of all settings.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        renames, defaults, stageStatuses, percentColumns, patterns, closeDateOnlyWhenClosed);
  }

  /**
   * Describes the mapping.
   *
   * @return the settings
   */
  @Override
  public String toString() {
    return "ColumnMapping[renames=" + renames + ", defaults=" + defaults + ", stages="
        + stageStatuses + ", percent=" + percentColumns + ", patterns=" + patterns
        + ", closeDateOnlyWhenClosed=" + closeDateOnlyWhenClosed + "]";
  }

  static String normalise(String header) {
    return header.strip().toLowerCase(Locale.ROOT);
  }

  /** A builder of {@link ColumnMapping}; not thread safe. */
  public static final class Builder {
    private final Map<String, String> renames = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, DealStatus> stageStatuses = new LinkedHashMap<>();
    private final Set<String> percentColumns = new LinkedHashSet<>();
    private final List<String> patterns = new java.util.ArrayList<>();
    private final List<DateTimeFormatter> formatters = new java.util.ArrayList<>();
    private boolean closeDateOnlyWhenClosed;

    private Builder() {}

    /**
     * Maps a header (case-insensitive) to a schema column.
     *
     * @param header the export's header text
     * @param column the schema column, such as {@code "deal_id"}
     * @return this builder
     * @throws IllegalArgumentException if either is blank
     */
    @CanIgnoreReturnValue
    public Builder rename(String header, String column) {
      renames.put(normalise(nonBlank(header, "header")), normalise(nonBlank(column, "column")));
      return this;
    }

    /**
     * Sets the value used when a column is absent from the file or empty in a row, such as
     * {@code defaultValue("currency", "USD")}.
     *
     * @param column the schema column
     * @param value the value, not blank
     * @return this builder
     * @throws IllegalArgumentException if either is blank
     */
    @CanIgnoreReturnValue
    public Builder defaultValue(String column, String value) {
      defaults.put(normalise(nonBlank(column, "column")), nonBlank(value, "value"));
      return this;
    }

    /**
     * Derives the deal status from the stage: rows whose stage is {@code stage}
     * (case-insensitive) get {@code status}; once any stage is given, other stages are open. Used
     * only when the file has no status column.
     *
     * @param stage the stage name
     * @param status the status it means
     * @return this builder
     * @throws IllegalArgumentException if {@code stage} is blank
     */
    @CanIgnoreReturnValue
    public Builder stageStatus(String stage, DealStatus status) {
      stageStatuses.put(normalise(nonBlank(stage, "stage")), checkNotNull(status, "status"));
      return this;
    }

    /**
     * Declares that a column holds percentages (0 to 100), divided by 100 when read; used for
     * {@code probability}.
     *
     * @param column the schema column
     * @return this builder
     * @throws IllegalArgumentException if {@code column} is blank
     */
    @CanIgnoreReturnValue
    public Builder percent(String column) {
      percentColumns.add(normalise(nonBlank(column, "column")));
      return this;
    }

    /**
     * Adds a {@link DateTimeFormatter} pattern (in {@link Locale#ROOT}) tried, after ISO-8601, for
     * dates and instants. A pattern without a time gives a date; in an instant column that is the
     * start of the day in the options' date zone. A pattern without an offset gives a local
     * date-time, which needs a zone ({@link CsvOptions#withZone}).
     *
     * @param pattern e.g. {@code "M/d/yyyy"}
     * @return this builder
     * @throws IllegalArgumentException if the pattern is invalid
     */
    @CanIgnoreReturnValue
    public Builder dateTimePattern(String pattern) {
      formatters.add(DateTimeFormatter.ofPattern(checkNotNull(pattern, "pattern"), Locale.ROOT));
      patterns.add(pattern);
      return this;
    }

    /**
     * Sets whether {@code closed_at} is ignored on open deals.
     *
     * @param ignore true to ignore the close date of an open deal
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder closeDateOnlyWhenClosed(boolean ignore) {
      this.closeDateOnlyWhenClosed = ignore;
      return this;
    }

    /**
     * Builds the mapping.
     *
     * @return the mapping
     */
    public ColumnMapping build() {
      return new ColumnMapping(this);
    }

    private static String nonBlank(String value, String name) {
      checkNotNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank: \"" + value + "\"");
      }
      return value;
    }
  }
}
