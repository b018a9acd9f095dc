package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A way to split records into groups: by a value the record carries (rep, product, customer,
 * ...), by a value looked up through the {@link RepDirectory} (team, region) or the {@link
 * LeadDirectory} (the campaign and source of a deal), or by period.
 *
 * <p>Which value each kind of record gives:
 *
 * <table>
 *   <caption>dimension values by record kind</caption>
 *   <tr><th>id</th><th>value</th></tr>
 *   <tr><td>{@code rep}</td><td>the rep id of a deal, order, lead, customer or quota; a
 *       {@link Rep}'s own id</td></tr>
 *   <tr><td>{@code team}, {@code region}</td><td>the rep's team or region in the directory;
 *       {@value #UNKNOWN} when the directory does not know the rep</td></tr>
 *   <tr><td>{@code product}</td><td>a deal's product; an order's line products (an order with
 *       lines of several products is split into one part per product, see below)</td></tr>
 *   <tr><td>{@code campaign}</td><td>the campaign of a lead or customer; a {@link Campaign}'s
 *       own id; a deal's: the campaign of the lead it came from (its {@code lead_id}), looked up
 *       in the {@link LeadDirectory} of {@link #campaign(LeadDirectory)}; {@value #UNKNOWN} when
 *       the directory does not know the lead</td></tr>
 *   <tr><td>{@code source}</td><td>a lead's source; a deal's: the source of its lead, as for
 *       the campaign</td></tr>
 *   <tr><td>{@code customer}</td><td>the customer of a deal, order, lead or survey response; a
 *       {@link Customer}'s own id</td></tr>
 * </table>
 *
 * <p>A record that lacks the value (an order without a rep, a deal without a product, a deal
 * without a lead, or whose lead has no campaign, grouped by campaign) is never dropped: it goes to
 * the group {@value #NONE}. A rep missing from the directory goes to the team or region {@value
 * #UNKNOWN}, and so does a deal whose lead is missing from the lead directory for campaign and
 * source, so a stale directory shows up in the table instead of silently shrinking it.
 *
 * <p><b>Campaigns and sources of deals.</b> A deal has no campaign of its own: it is attributed
 * to the campaign (and source) of the lead it came from, for every metric that reads deals, so
 * that {@code campaign_roi}, {@code sales_volume} or {@code win_rate} grouped by campaign count a
 * campaign's deals in its own group. Group with {@link #campaign(LeadDirectory)} and {@link
 * #source(LeadDirectory)}; the constants {@link #CAMPAIGN} and {@link #SOURCE} know no lead, so
 * they put every deal that has a lead in {@value #UNKNOWN}.
 *
 * <p>Grouping by {@link #PRODUCT} splits an order whose lines name several products into one part
 * per product: the part keeps the order's id, customer, instant, status and rep, and holds that
 * product's lines and their total as its amount. So revenue per product adds up to the order's
 * revenue, and an order of two products counts as one order in each product's group. An order
 * without lines is in the group {@value #NONE}.
 *
 * <p>The period dimension ({@link #period(Granularity, ZoneId, FiscalCalendar)}) places each
 * record by the instant its metric names ({@link dev.salesmetrics.metric.Placement}), so one
 * record may fall in different periods for different metrics (a deal: created in March for leads
 * created, closed in May for win rate). Immutable and thread safe.
 */
public final class Dimension {
  /** The value of a record that lacks the dimension: {@value}. */
  public static final String NONE = "(none)";

  /** The team or region of a rep the directory does not know: {@value}. */
  public static final String UNKNOWN = "(unknown)";

  /** The rep a record belongs to. */
  public static final Dimension REP =
      new Dimension("rep", Dimension::repOf, repFields(), repFields(r -> r));

  /** The product of a deal or of an order's lines. */
  public static final Dimension PRODUCT =
      new Dimension(
          "product",
          Dimension::productOf,
          ImmutableMap.of(RowKind.DEAL, TextField.PRODUCT, RowKind.ORDER, TextField.PRODUCT),
          ImmutableMap.of());

  /**
   * The campaign of a lead or customer, or a campaign itself; a deal with a lead is in {@value
   * #UNKNOWN}, since this constant knows no lead: use {@link #campaign(LeadDirectory)} to group
   * deals by their lead's campaign.
   */
  public static final Dimension CAMPAIGN = campaign(LeadDirectory.empty());

  /**
   * The lead source of a lead; a deal with a lead is in {@value #UNKNOWN}: use {@link
   * #source(LeadDirectory)} to group deals by their lead's source.
   */
  public static final Dimension SOURCE = source(LeadDirectory.empty());

  /** The customer of a deal, order, lead or survey response, or a customer itself. */
  public static final Dimension CUSTOMER =
      new Dimension(
          "customer",
          Dimension::customerOf,
          ImmutableMap.of(
              RowKind.DEAL, TextField.CUSTOMER,
              RowKind.ORDER, TextField.CUSTOMER,
              RowKind.LEAD, TextField.CUSTOMER,
              RowKind.CUSTOMER, TextField.CUSTOMER,
              RowKind.RESPONSE, TextField.CUSTOMER),
          ImmutableMap.of());

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private static final ImmutableList<String> BUILT_IN =
      ImmutableList.of("rep", "team", "region", "product", "campaign", "source", "customer");

  private final String id;
  @Nullable private final Function<? super SalesRecord, String> value;
  private final boolean columnar;
  private final ImmutableMap<RowKind, TextField> fields;
  private final ImmutableMap<RowKind, Function<String, String>> mappings;
  @Nullable private final Granularity granularity;
  private final ZoneId zone;
  private final FiscalCalendar fiscal;

  private Dimension(String id, Function<? super SalesRecord, String> value) {
    this.id = id;
    this.value = value;
    this.columnar = false;
    this.fields = ImmutableMap.of();
    this.mappings = ImmutableMap.of();
    this.granularity = null;
    this.zone = ZoneId.of("UTC");
    this.fiscal = FiscalCalendar.calendar();
  }

  /**
   * A built-in dimension whose value, for each kind of column row, is a function of one text
   * field: {@code fields} names it per kind (a kind not named has no value: {@value #NONE}), and
   * {@code mappings} maps a field value (null when missing) to the dimension's (identity when a
   * kind has none).
   */
  private Dimension(
      String id,
      Function<? super SalesRecord, String> value,
      ImmutableMap<RowKind, TextField> fields,
      ImmutableMap<RowKind, Function<String, String>> mappings) {
    this.id = id;
    this.value = value;
    this.columnar = true;
    this.fields = fields;
    this.mappings = mappings;
    this.granularity = null;
    this.zone = ZoneId.of("UTC");
    this.fiscal = FiscalCalendar.calendar();
  }

  private Dimension(Granularity granularity, ZoneId zone, FiscalCalendar fiscal) {
    this.id = "period";
    this.value = null;
    this.columnar = false;
    this.fields = ImmutableMap.of();
    this.mappings = ImmutableMap.of();
    this.granularity = granularity;
    this.zone = zone;
    this.fiscal = fiscal;
  }

  /**
   * Returns the team dimension: the team of the record's rep in {@code directory}.
   *
   * @param directory the reps
   * @return the dimension {@code team}
   */
  public static Dimension team(RepDirectory directory) {
    checkNotNull(directory, "directory");
    Function<String, String> team = rep -> throughRepId(rep, directory, Rep::team);
    return new Dimension(
        "team", r -> throughRep(r, directory, Rep::team), repFields(), repFields(team));
  }

  /**
   * Returns the region dimension: the region of the record's rep in {@code directory}.
   *
   * @param directory the reps
   * @return the dimension {@code region}
   */
  public static Dimension region(RepDirectory directory) {
    checkNotNull(directory, "directory");
    Function<String, String> region = rep -> throughRepId(rep, directory, Rep::region);
    return new Dimension(
        "region", r -> throughRep(r, directory, Rep::region), repFields(), repFields(region));
  }

  /**
   * Returns the campaign dimension: the campaign of a lead or customer, a campaign's own id, and
   * for a deal the campaign of the lead it came from, looked up in {@code leads} ({@value
   * #UNKNOWN} when {@code leads} does not know the deal's lead, {@value #NONE} when the deal has no
   * lead or its lead no campaign). Other records are in {@value #NONE}.
   *
   * <pre>{@code
   * Query.of(records)
   *     .groupBy(Dimension.campaign(LeadDirectory.from(records)))
   *     .metrics(Metrics.CAMPAIGN_ROI, Metrics.SALES_VOLUME)
   *     .run();
   * }</pre>
   *
   * @param leads the leads the deals came from
   * @return the dimension {@code campaign}
   */
  public static Dimension campaign(LeadDirectory leads) {
    checkNotNull(leads, "leads");
    return new Dimension(
        "campaign",
        r -> campaignOf(r, leads),
        ImmutableMap.of(
            RowKind.LEAD, TextField.CAMPAIGN,
            RowKind.CUSTOMER, TextField.CAMPAIGN,
            RowKind.DEAL, TextField.LEAD),
        ImmutableMap.of(RowKind.DEAL, lead -> throughLeadId(lead, leads, Lead::campaignId)));
  }

  /**
   * Returns the source dimension: the source of a lead, and for a deal the source of the lead it
   * came from, looked up in {@code leads} ({@value #UNKNOWN} when {@code leads} does not know the
   * deal's lead, {@value #NONE} when the deal has no lead or its lead no source). Other records
   * are in {@value #NONE}.
   *
   * @param leads the leads the deals came from
   * @return the dimension {@code source}
   */
  public static Dimension source(LeadDirectory leads) {
    checkNotNull(leads, "leads");
    return new Dimension(
        "source",
        r -> sourceOf(r, leads),
        ImmutableMap.of(RowKind.LEAD, TextField.SOURCE, RowKind.DEAL, TextField.LEAD),
        ImmutableMap.of(RowKind.DEAL, lead -> throughLeadId(lead, leads, Lead::source)));
  }

  /**
   * Returns the period dimension in the calendar year.
   *
   * @param granularity day, week, month, quarter or year
   * @param zone the zone whose local midnights bound the periods
   * @return the dimension {@code period}
   */
  public static Dimension period(Granularity granularity, ZoneId zone) {
    return period(granularity, zone, FiscalCalendar.calendar());
  }

  /**
   * Returns the period dimension.
   *
   * @param granularity day, week, month, quarter or year
   * @param zone the zone whose local midnights bound the periods
   * @param fiscal the fiscal calendar of quarters and years
   * @return the dimension {@code period}
   */
  public static Dimension period(Granularity granularity, ZoneId zone, FiscalCalendar fiscal) {
    return new Dimension(
        checkNotNull(granularity, "granularity"),
        checkNotNull(zone, "zone"),
        checkNotNull(fiscal, "fiscal"));
  }

  /**
   * Returns the day dimension in {@code zone}: from one local midnight to the next (23 or 25 hours
   * on the days clocks change).
   *
   * @param zone the zone
   * @return the dimension {@code period} by day
   */
  public static Dimension day(ZoneId zone) {
    return period(Granularity.DAY, zone);
  }

  /**
   * Returns the calendar-month dimension in {@code zone}.
   *
   * @param zone the zone
   * @return the dimension {@code period} by month
   */
  public static Dimension month(ZoneId zone) {
    return period(Granularity.MONTH, zone);
  }

  /**
   * Returns the ISO-week dimension in {@code zone}.
   *
   * @param zone the zone
   * @return the dimension {@code period} by week
   */
  public static Dimension week(ZoneId zone) {
    return period(Granularity.WEEK, zone);
  }

  /**
   * Returns the calendar-quarter dimension in {@code zone}.
   *
   * @param zone the zone
   * @return the dimension {@code period} by quarter
   */
  public static Dimension quarter(ZoneId zone) {
    return period(Granularity.QUARTER, zone);
  }

  /**
   * Returns the calendar-year dimension in {@code zone}; for fiscal years use {@link
   * #period(Granularity, ZoneId, FiscalCalendar)}.
   *
   * @param zone the zone
   * @return the dimension {@code period} by year
   */
  public static Dimension year(ZoneId zone) {
    return period(Granularity.YEAR, zone);
  }

  /**
   * Returns a custom dimension.
   *
   * <pre>{@code
   * Dimension size = Dimension.of("deal_size",
   *     r -> r instanceof Deal d && d.hasAmount() && d.amount().minorUnits() >= 1_000_000
   *         ? "large" : "small");
   * }</pre>
   *
   * @param id a lowercase snake_case id, not {@code period}
   * @param value gives a record's value; a null or blank value means {@value #NONE}
   * @return the dimension
   * @throws IllegalArgumentException if the id is not lowercase snake_case or is {@code period}
   */
  public static Dimension of(String id, Function<? super SalesRecord, String> value) {
    checkNotNull(id, "id");
    checkNotNull(value, "value");
    if (!ID.matcher(id).matches() || id.equals("period")) {
      throw new IllegalArgumentException(
          "dimension id must be lowercase snake_case and not \"period\": \"" + id + "\"");
    }
    return new Dimension(id, value);
  }

  /**
   * Returns the ids of the built-in dimensions, the ones a rule file's {@code per} and the
   * command line's {@code --by} know.
   *
   * @return {@code rep, team, region, product, campaign, source, customer}
   */
  public static ImmutableList<String> builtInIds() {
    return BUILT_IN;
  }

  /**
   * Tells whether {@code id} can be a dimension id: lowercase snake_case and not {@code period}.
   *
   * @param id a candidate id
   * @return true for {@code rep}, {@code deal_size}; false for {@code Rep}, {@code period}
   */
  public static boolean isValidId(String id) {
    return ID.matcher(checkNotNull(id, "id")).matches() && !id.equals("period");
  }

  /**
   * Returns the id: the column name in tables and CSV.
   *
   * @return e.g. {@code "rep"}; {@code "period"} for the period dimension
   */
  public String id() {
    return id;
  }

  /**
   * Tells whether this is a period dimension.
   *
   * @return true for {@link #period}
   */
  public boolean isPeriod() {
    return granularity != null;
  }

  /**
   * Returns the granularity of a period dimension.
   *
   * @return the granularity, or empty for other dimensions
   */
  public Optional<Granularity> granularity() {
    return Optional.ofNullable(granularity);
  }

  /**
   * Returns the zone of a period dimension (UTC for other dimensions).
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the fiscal calendar of a period dimension (the calendar year for other dimensions).
   *
   * @return the fiscal calendar
   */
  public FiscalCalendar fiscal() {
    return fiscal;
  }

  /**
   * Returns the group value of {@code record}; for an order grouped by product, give the
   * per-product part (see the class description).
   *
   * @param record a record
   * @return its value, {@value #NONE} when the record lacks it, {@value #UNKNOWN} for the team or
   *     region of a rep missing from the directory
   * @throws IllegalStateException for the period dimension, whose value depends on the metric
   */
  public String valueOf(SalesRecord record) {
    checkNotNull(record, "record");
    if (value == null) {
      throw new IllegalStateException(
          "the period dimension has no value of its own: records are placed per metric");
    }
    String v = value.apply(record);
    return v == null || v.isBlank() ? NONE : v;
  }

  /** Returns the value as the record gives it, null or blank when it lacks it; not for period. */
  @Nullable
  String rawValueOf(SalesRecord record) {
    return checkNotNull(value, "value").apply(record);
  }

  /**
   * Tells whether the columnar engine can group by this dimension: a built-in one, whose value is
   * a function of one text column per kind of row.
   */
  boolean isColumnar() {
    return columnar;
  }

  /** The text column rows of {@code kind} give this dimension's value through, or null if none. */
  @Nullable
  TextField field(RowKind kind) {
    return fields.get(kind);
  }

  /**
   * The value, as a record would give it ({@link #rawValueOf}), of a row of {@code kind} whose
   * {@link #field} holds {@code raw} (null when missing).
   */
  @Nullable
  String fromField(RowKind kind, @Nullable String raw) {
    Function<String, String> mapping = mappings.get(kind);
    return mapping == null ? raw : mapping.apply(raw);
  }

  private static ImmutableMap<RowKind, TextField> repFields() {
    return ImmutableMap.of(
        RowKind.DEAL, TextField.REP,
        RowKind.ORDER, TextField.REP,
        RowKind.LEAD, TextField.REP,
        RowKind.CUSTOMER, TextField.REP);
  }

  private static ImmutableMap<RowKind, Function<String, String>> repFields(
      Function<String, String> mapping) {
    return ImmutableMap.of(
        RowKind.DEAL, mapping,
        RowKind.ORDER, mapping,
        RowKind.LEAD, mapping,
        RowKind.CUSTOMER, mapping);
  }

  /**
   * Returns the period that contains {@code instant}.
   *
   * @param instant an instant
   * @return the period of this dimension's granularity, zone and fiscal calendar
   * @throws IllegalStateException if this is not a period dimension
   */
  public Period periodOf(java.time.Instant instant) {
    if (granularity == null) {
      throw new IllegalStateException("dimension " + id + " is not a period dimension");
    }
    return Period.containing(instant, granularity, zone, fiscal);
  }

  /**
   * Formats as the id, with granularity and zone for a period dimension.
   *
   * @return e.g. {@code "rep"}, {@code "period(month, UTC)"}
   */
  @Override
  public String toString() {
    if (granularity == null) {
      return id;
    }
    return "period("
        + granularity.id()
        + ", "
        + zone
        + (fiscal.isCalendar() ? "" : ", fiscal from " + fiscal.firstMonth())
        + ")";
  }

  /**
   * Tells whether {@code o} is the same period dimension (same granularity, zone and fiscal
   * calendar), or the very same other dimension.
   *
   * @param o another object
   * @return true when equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Dimension that)) {
      return false;
    }
    if (granularity != null) {
      return granularity == that.granularity
          && zone.equals(that.zone)
          && fiscal.equals(that.fiscal);
    }
    return id.equals(that.id) && java.util.Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(id, granularity, zone, fiscal);
  }

  @Nullable
  static String repOf(SalesRecord r) {
    if (r instanceof Deal d) {
      return d.repId();
    } else if (r instanceof Order o) {
      return o.repId();
    } else if (r instanceof Lead l) {
      return l.repId();
    } else if (r instanceof Customer c) {
      return c.repId();
    } else if (r instanceof Quota q) {
      return q.repId();
    } else if (r instanceof Rep rep) {
      return rep.id();
    }
    return null;
  }

  @Nullable
  private static String throughRep(
      SalesRecord r, RepDirectory directory, Function<Rep, String> attribute) {
    return throughRepId(repOf(r), directory, attribute);
  }

  /** The attribute of a rep; null without a rep, UNKNOWN for a rep not in the directory. */
  @Nullable
  private static String throughRepId(
      @Nullable String repId, RepDirectory directory, Function<Rep, String> attribute) {
    if (repId == null) {
      return null;
    }
    Optional<Rep> rep = directory.rep(repId);
    return rep.isPresent() ? attribute.apply(rep.get()) : UNKNOWN;
  }

  @Nullable
  static String productOf(SalesRecord r) {
    if (r instanceof Deal d) {
      return d.product();
    } else if (r instanceof Order o) {
      return o.lines().isEmpty() ? null : o.lines().get(0).product();
    }
    return null;
  }

  @Nullable
  private static String campaignOf(SalesRecord r, LeadDirectory leads) {
    if (r instanceof Lead l) {
      return l.campaignId();
    } else if (r instanceof Customer c) {
      return c.campaignId();
    } else if (r instanceof Campaign c) {
      return c.id();
    } else if (r instanceof Deal d) {
      return throughLead(d, leads, Lead::campaignId);
    }
    return null;
  }

  @Nullable
  private static String sourceOf(SalesRecord r, LeadDirectory leads) {
    if (r instanceof Lead l) {
      return l.source();
    } else if (r instanceof Deal d) {
      return throughLead(d, leads, Lead::source);
    }
    return null;
  }

  /** The attribute of the deal's lead; null without a lead, UNKNOWN for a lead not in leads. */
  @Nullable
  private static String throughLead(
      Deal deal, LeadDirectory leads, Function<Lead, String> attribute) {
    return throughLeadId(deal.leadId(), leads, attribute);
  }

  /** The attribute of a lead; null without a lead, UNKNOWN for a lead not in the directory. */
  @Nullable
  private static String throughLeadId(
      @Nullable String leadId, LeadDirectory leads, Function<Lead, String> attribute) {
    if (leadId == null) {
      return null;
    }
    Optional<Lead> lead = leads.lead(leadId);
    return lead.isPresent() ? attribute.apply(lead.get()) : UNKNOWN;
  }

  @Nullable
  private static String customerOf(SalesRecord r) {
    if (r instanceof Deal d) {
      return d.customerId();
    } else if (r instanceof Order o) {
      return o.customerId();
    } else if (r instanceof Lead l) {
      return l.customerId();
    } else if (r instanceof Customer c) {
      return c.id();
    } else if (r instanceof SurveyResponse s) {
      return s.customerId();
    }
    return null;
  }
}
