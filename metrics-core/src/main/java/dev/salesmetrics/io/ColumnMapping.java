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
import javax.annotation.Nullable;

/**
 * How the columns of a foreign CSV export (a CRM's deal report) map onto a file of the
 * interchange schema: header renames, default values for missing columns, the deal status derived
 * from the stage name or mapped from status values, percent columns, the decimal separator, the
 * rule for multi-valued id cells, the Salesforce report footer, and how dates are written.
 *
 * <p><b>Dates are read one way.</b> ISO-8601 is always read. A mapping may also read numeric
 * dates ({@code 1/31/2024}, {@code 31.01.2024 16:05}, {@code 2024/1/31}) in one {@link DateOrder}:
 * given with {@link Builder#dateOrder}, which replaces any order set before (a preset's
 * included), implied by its own {@linkplain Builder#dateTimePattern patterns} with numeric day and
 * month, or detected from each file ({@link Builder#detectDateOrder}): the first date that reads in
 * one order only decides it; a file with dates that read only month first and dates that read only
 * day first is refused naming both lines, and so is a file whose every date reads both ways. Every
 * date is checked strictly: {@code 2/30/2024} is a bad cell, never 1 March.
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
 *     .dateOrder(DateOrder.DMY)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class ColumnMapping {
  private static final ImmutableSet<String> MULTI_VALUE_COLUMNS =
      ImmutableSet.of("customer_id", "lead_id", "campaign_id", "rep_id");
  private static final ColumnMapping IDENTITY = builder().build();

  private final ImmutableMap<String, String> renames;
  private final ImmutableMap<String, String> defaults;
  private final ImmutableMap<String, DealStatus> stageStatuses;
  private final ImmutableSet<String> percentColumns;
  private final ImmutableMap<String, DealStatus> statusValues;
  private final ImmutableList<String> patterns;
  private final ImmutableList<DateTimeFormatter> formatters;
  private final boolean closeDateOnlyWhenClosed;
  @Nullable private final DateOrder givenOrder;
  @Nullable private final DateOrder order;
  private final boolean numericDates;
  private final ImmutableMap<String, MultiValue> multiValues;
  private final char decimalSeparator;
  private final boolean reportFooter;

  private ColumnMapping(Builder b) {
    this.renames = ImmutableMap.copyOf(b.renames);
    this.defaults = ImmutableMap.copyOf(b.defaults);
    this.stageStatuses = ImmutableMap.copyOf(b.stageStatuses);
    this.statusValues = ImmutableMap.copyOf(b.statusValues);
    this.percentColumns = ImmutableSet.copyOf(b.percentColumns);
    this.patterns = ImmutableList.copyOf(b.patterns);
    this.formatters = ImmutableList.copyOf(b.formatters);
    this.closeDateOnlyWhenClosed = b.closeDateOnlyWhenClosed;
    this.givenOrder = b.order;
    this.numericDates = b.numericDates;
    this.multiValues = ImmutableMap.copyOf(b.multiValues);
    this.decimalSeparator = b.decimalSeparator;
    this.reportFooter = b.reportFooter;
    DateOrder implied = null;
    String impliedBy = null;
    for (String pattern : patterns) {
      DateOrder o = DateReader.orderOf(pattern);
      if (o == null) {
        continue;
      }
      if (implied != null && o != implied) {
        throw new IllegalArgumentException(
            "date patterns \"" + impliedBy + "\" and \"" + pattern + "\" read dates in two orders, "
                + implied.description() + " and " + o.description()
                + ": a mapping reads every date one way");
      }
      implied = o;
      impliedBy = pattern;
    }
    if (implied != null && givenOrder != null && implied != givenOrder) {
      throw new IllegalArgumentException(
          "date pattern \"" + impliedBy + "\" reads " + implied.description()
              + ", but the date order is " + givenOrder.name() + " (" + givenOrder.description()
              + "): a mapping reads every date one way");
    }
    this.order = givenOrder != null ? givenOrder : implied;
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
   * {@code 2024-01-15 10:23} or {@code 2024-01-15} (year first, {@link DateOrder#YMD}). The close
   * date of an open deal (HubSpot's expected close date) is ignored. Several associated companies
   * ({@code 9005;9006}) give the first id, with a warning ({@link MultiValue#FIRST}). HubSpot
   * writes local times, so give a zone ({@link CsvOptions#withZone}); a portal with one currency
   * exports no currency column, so add {@code .toBuilder().defaultValue("currency",
   * "USD").build()}.
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
        .dateOrder(DateOrder.YMD)
        .multiValue("customer_id", MultiValue.FIRST)
        .closeDateOnlyWhenClosed(true)
        .build();
  }

  /**
   * Returns a mapping for a Salesforce opportunity report export: "Opportunity ID" to deal_id,
   * "Opportunity Owner" to rep_id, "Amount", "Amount Currency" or "Opportunity Currency" to
   * currency, "Created Date" to created_at, "Close Date" to closed_at, "Stage" to stage,
   * "Probability (%)" (a percentage, divided by 100) to probability, "Account ID" to customer_id,
   * "Product Name" to product; the status from the stage ("Closed Won" is won, "Closed Lost" is
   * lost, any other stage open); numeric dates in the org's order, detected from the file ({@code
   * 1/31/2024} and {@code 1/31/2024 4:05 PM} in a US org, {@code 31/01/2024} and {@code 31/01/2024
   * 16:05} in a UK org; give {@link Builder#dateOrder} when every date of a file reads both ways),
   * or {@code 2024-01-31}. The close date of an open opportunity (its expected close date) is
   * ignored. A date without a time is the start of that day in the options' date zone. The report
   * footer (an empty line, then lines such as "Confidential Information - Do Not Distribute" and
   * the copyright) is skipped. A single currency org exports no currency column, so add a default
   * currency.
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
        .detectDateOrder()
        .skipReportFooter(true)
        .closeDateOnlyWhenClosed(true)
        .build();
  }

  private static final ImmutableMap<String, ColumnMapping> PRESETS =
      ImmutableMap.of("hubspot", hubspotDeals(), "salesforce", salesforceOpportunities());

  /**
   * Returns a preset deals mapping by name: {@code hubspot} ({@link #hubspotDeals()}) or {@code
   * salesforce} ({@link #salesforceOpportunities()}), case-insensitively.
   *
   * @param name the preset's name
   * @return the mapping
   * @throws IllegalArgumentException if there is no preset of that name, naming the presets
   */
  public static ColumnMapping preset(String name) {
    ColumnMapping preset = PRESETS.get(normalise(checkNotNull(name, "name")));
    if (preset == null) {
      throw new IllegalArgumentException(
          "unknown mapping preset \"" + name + "\" (presets: " + String.join(", ", presetNames())
              + ")");
    }
    return preset;
  }

  /**
   * Returns the names of the presets, for {@link #preset(String)}.
   *
   * @return {@code hubspot}, {@code salesforce}
   */
  public static Set<String> presetNames() {
    return PRESETS.keySet();
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
    b.statusValues.putAll(statusValues);
    b.percentColumns.addAll(percentColumns);
    b.patterns.addAll(patterns);
    b.formatters.addAll(formatters);
    b.closeDateOnlyWhenClosed = closeDateOnlyWhenClosed;
    b.order = givenOrder;
    b.numericDates = numericDates;
    b.multiValues.putAll(multiValues);
    b.decimalSeparator = decimalSeparator;
    b.reportFooter = reportFooter;
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
   * Returns the deal status a value of the status column means by this mapping's status values.
   *
   * @param value the cell text
   * @return the status the mapping gives the value (case-insensitive), or empty if it gives none
   *     (then {@code open}, {@code won} and {@code lost} are read as such)
   */
  public Optional<DealStatus> statusOfValue(String value) {
    return Optional.ofNullable(statusValues.get(normalise(checkNotNull(value, "value"))));
  }

  /**
   * Returns the status values, keyed by lowercase value.
   *
   * @return status column value (lowercase) to status
   */
  public Map<String, DealStatus> statusValues() {
    return statusValues;
  }

  /**
   * Returns the order of numeric dates: the one given with {@link Builder#dateOrder}, else the one
   * the mapping's patterns imply.
   *
   * @return the order, or empty when it is detected from each file or no numeric date is read
   */
  public Optional<DateOrder> dateOrder() {
    return Optional.ofNullable(order);
  }

  /**
   * Tells whether numeric dates ({@code 1/31/2024}, {@code 31.01.2024 16:05}, {@code 2024/1/31})
   * are read, in {@link #dateOrder()} or in the order detected from each file.
   *
   * @return true if numeric dates are read
   */
  public boolean readsNumericDates() {
    return numericDates;
  }

  /**
   * Tells whether the date order is detected from each file: numeric dates are read and no order
   * is given or implied.
   *
   * @return true if the order is detected
   */
  public boolean detectsDateOrder() {
    return numericDates && order == null;
  }

  /**
   * Returns the rule for a cell holding several ids separated by {@code ;}.
   *
   * @param column a schema column
   * @return the rule, or empty when the cell is one id as written
   */
  public Optional<MultiValue> multiValue(String column) {
    return Optional.ofNullable(multiValues.get(checkNotNull(column, "column")));
  }

  /**
   * Returns the multi-value rules by column.
   *
   * @return column to rule
   */
  public Map<String, MultiValue> multiValues() {
    return multiValues;
  }

  /**
   * Returns the decimal separator of amounts and probabilities.
   *
   * @return {@code '.'} (the default) or {@code ','}
   */
  public char decimalSeparator() {
    return decimalSeparator;
  }

  /**
   * Tells whether a report footer at the end of the file is skipped: an empty line followed by
   * nothing but empty lines and rows with only their first cell filled (at most 20), as Salesforce
   * writes its confidentiality and copyright lines. The skipped rows are counted in {@link
   * LoadReport#footerLines()}.
   *
   * @return true if a footer is skipped
   */
  public boolean skipsReportFooter() {
    return reportFooter;
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
   * Returns the date and date-time patterns tried after ISO-8601, in order.
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
        && statusValues.equals(m.statusValues)
        && percentColumns.equals(m.percentColumns)
        && patterns.equals(m.patterns)
        && closeDateOnlyWhenClosed == m.closeDateOnlyWhenClosed
        && givenOrder == m.givenOrder
        && numericDates == m.numericDates
        && multiValues.equals(m.multiValues)
        && decimalSeparator == m.decimalSeparator
        && reportFooter == m.reportFooter;
  }

  /**
   * Returns a hash of all settings.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        renames,
        defaults,
        stageStatuses,
        statusValues,
        percentColumns,
        patterns,
        closeDateOnlyWhenClosed,
        givenOrder,
        numericDates,
        multiValues,
        decimalSeparator,
        reportFooter);
  }

  /**
   * Describes the mapping.
   *
   * @return the settings
   */
  @Override
  public String toString() {
    return "ColumnMapping[renames=" + renames + ", defaults=" + defaults + ", stages="
        + stageStatuses + ", statusValues=" + statusValues + ", percent=" + percentColumns
        + ", patterns=" + patterns + ", dates=" + (numericDates
            ? (order == null ? "detected order" : order.name())
            : "ISO-8601") + ", multiValues=" + multiValues + ", decimalSeparator="
        + decimalSeparator + ", reportFooter=" + reportFooter + ", closeDateOnlyWhenClosed="
        + closeDateOnlyWhenClosed + "]";
  }

  static String normalise(String header) {
    return header.strip().toLowerCase(Locale.ROOT);
  }

  /** How a cell holding several ids separated by {@code ;} is read. */
  public enum MultiValue {
    /** The first id is used; the load report gets a warning naming the cell. */
    FIRST,
    /** The row is bad (rejected in lenient mode). */
    REJECT
  }

  /** A builder of {@link ColumnMapping}; not thread safe. */
  public static final class Builder {
    private final Map<String, String> renames = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, DealStatus> stageStatuses = new LinkedHashMap<>();
    private final Map<String, DealStatus> statusValues = new LinkedHashMap<>();
    private final Set<String> percentColumns = new LinkedHashSet<>();
    private final List<String> patterns = new java.util.ArrayList<>();
    private final List<DateTimeFormatter> formatters = new java.util.ArrayList<>();
    private boolean closeDateOnlyWhenClosed;
    @Nullable private DateOrder order;
    private boolean numericDates;
    private final Map<String, MultiValue> multiValues = new LinkedHashMap<>();
    private char decimalSeparator = '.';
    private boolean reportFooter;

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
     * Maps a value of the status column to a deal status, for a CRM whose status column holds
     * other words ({@code "Gewonnen"} for won); values not mapped are read as {@code open}, {@code
     * won} or {@code lost}.
     *
     * @param value the cell text (case-insensitive)
     * @param status the status it means
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is blank
     */
    @CanIgnoreReturnValue
    public Builder statusValue(String value, DealStatus status) {
      statusValues.put(normalise(nonBlank(value, "value")), checkNotNull(status, "status"));
      return this;
    }

    /**
     * Reads numeric dates in {@code order}, and only in it, replacing any order set before (a
     * preset's, or {@link #detectDateOrder()}).
     *
     * @param order the order of day, month and year
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder dateOrder(DateOrder order) {
      this.order = checkNotNull(order, "order");
      this.numericDates = true;
      return this;
    }

    /**
     * Reads numeric dates in the order detected from each file, replacing an order set before: the
     * first date that reads in one order only decides it; a file with dates in two orders, or whose
     * every date reads both ways, is refused. A pattern with numeric day and month fixes the order
     * instead.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder detectDateOrder() {
      this.order = null;
      this.numericDates = true;
      return this;
    }

    /**
     * Sets how a cell holding several ids separated by {@code ;} is read ({@code 9005;9006}, as a
     * CRM exports several associated records). Without a rule the cell is one id, as written.
     *
     * @param column an optional id column: {@code customer_id}, {@code lead_id}, {@code
     *     campaign_id} or {@code rep_id} (of leads, orders and customers)
     * @param rule take the first id with a warning, or reject the row
     * @return this builder
     * @throws IllegalArgumentException if the column is none of those
     */
    @CanIgnoreReturnValue
    public Builder multiValue(String column, MultiValue rule) {
      String c = normalise(nonBlank(column, "column"));
      if (!MULTI_VALUE_COLUMNS.contains(c)) {
        throw new IllegalArgumentException(
            "a multi-value rule is for the optional id columns " + MULTI_VALUE_COLUMNS + ": \""
                + column + "\"");
      }
      multiValues.put(c, checkNotNull(rule, "rule"));
      return this;
    }

    /**
     * Sets the decimal separator of amounts and probabilities: {@code ','} reads {@code 1250,50}
     * (as spreadsheets write with European settings); a {@code '.'} in a number is then refused
     * as a thousands separator. Default {@code '.'}.
     *
     * @param separator {@code '.'} or {@code ','}
     * @return this builder
     * @throws IllegalArgumentException for another character
     */
    @CanIgnoreReturnValue
    public Builder decimalSeparator(char separator) {
      if (separator != '.' && separator != ',') {
        throw new IllegalArgumentException(
            "decimal separator must be '.' or ',': '" + separator + "'");
      }
      this.decimalSeparator = separator;
      return this;
    }

    /**
     * Sets whether a report footer at the end of the file is skipped: an empty line followed by
     * nothing but empty lines and rows with only their first cell filled, at most 20 (Salesforce's
     * "Confidential Information - Do Not Distribute" and copyright lines). More such rows, or a
     * row with more cells after them, make them ordinary rows.
     *
     * @param skip true to skip a footer
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder skipReportFooter(boolean skip) {
      this.reportFooter = skip;
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
     * dates and instants, strictly (no 30 February) and ignoring case ({@code pm}, {@code PM}). A
     * pattern without a time gives a date; in an instant column that is the start of the day in
     * the options' date zone. A pattern without an offset gives a local date-time, which needs a
     * zone ({@link CsvOptions#withZone}). A pattern with numeric day and month ({@code d.M.yyyy})
     * sets the mapping's date order; {@link #build()} refuses patterns in two orders, or in
     * another order than {@link #dateOrder}'s.
     *
     * @param pattern e.g. {@code "d.M.yyyy HH:mm"} or {@code "dd MMM yyyy"}
     * @return this builder
     * @throws IllegalArgumentException if the pattern is invalid, or has its day, month and year
     *     in an order that is none of {@link DateOrder}'s
     */
    @CanIgnoreReturnValue
    public Builder dateTimePattern(String pattern) {
      checkNotNull(pattern, "pattern");
      DateTimeFormatter formatter;
      try {
        formatter = DateReader.compile(pattern);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "date pattern \"" + pattern + "\" is invalid: " + e.getMessage(), e);
      }
      var unused = DateReader.orderOf(pattern);
      formatters.add(formatter);
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
     * @throws IllegalArgumentException if the date patterns read dates in two orders, or in
     *     another order than the one given
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
