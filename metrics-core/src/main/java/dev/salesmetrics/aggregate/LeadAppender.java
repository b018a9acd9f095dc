package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.salesmetrics.aggregate.Columns.NO_INSTANT;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.metric.LeadRow;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Lead;
import java.time.Instant;
import java.util.Arrays;
import javax.annotation.Nullable;

/**
 * Appends leads to a {@link ColumnStore}, one row at a time, straight into columns: set the fields
 * of a row, then {@link #endRow()}; or {@link #add(Lead)} a whole record. Get one from {@link
 * ColumnStore.Builder#leads()}. Rows are checked by the rules of {@link Lead} when they end, as
 * {@link DealAppender} describes; the number of contact fields present is counted once, as {@code
 * lead_contact_completeness} counts it. Not thread safe.
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // instants are kept as second and nano
public final class LeadAppender {
  private int capacity = 256;
  int size;
  private boolean sealed;
  @Nullable String[] ids;
  final Columns.Instants created = new Columns.Instants();
  final Columns.Text reps = new Columns.Text();
  final Columns.Text sources = new Columns.Text();
  final Columns.Text campaigns = new Columns.Text();
  final Columns.Text customers = new Columns.Text();
  final Columns.Instants firstContact = new Columns.Instants();
  final Columns.Instants converted = new Columns.Instants();
  byte[] contactFields = new byte[capacity];
  @Nullable String[][] contacts;

  @Nullable private String id;
  private long createdSecond = NO_INSTANT;
  private int createdNano;
  @Nullable private String rep;
  @Nullable private String name;
  @Nullable private String email;
  @Nullable private String phone;
  @Nullable private String company;
  @Nullable private String source;
  @Nullable private String campaign;
  private long contactSecond = NO_INSTANT;
  private int contactNano;
  private long convertedSecond = NO_INSTANT;
  private int convertedNano;
  @Nullable private String customer;

  LeadAppender() {}

  /**
   * Sets the lead id ({@code lead_id}).
   *
   * @param leadId the id, not blank
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender id(String leadId) {
    this.id = checkNotNull(leadId, "leadId");
    return this;
  }

  /**
   * Sets {@code created_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender createdAt(long epochSecond, int nano) {
    this.createdSecond = epochSecond;
    this.createdNano = nano;
    return this;
  }

  /**
   * Sets the owning rep.
   *
   * @param repId the rep, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender rep(@Nullable String repId) {
    this.rep = repId;
    return this;
  }

  /**
   * Sets the contact details.
   *
   * @param contactName the name, or null
   * @param contactEmail the email, or null
   * @param contactPhone the phone, or null
   * @param contactCompany the company, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender contact(
      @Nullable String contactName,
      @Nullable String contactEmail,
      @Nullable String contactPhone,
      @Nullable String contactCompany) {
    this.name = contactName;
    this.email = contactEmail;
    this.phone = contactPhone;
    this.company = contactCompany;
    return this;
  }

  /**
   * Sets the lead source.
   *
   * @param leadSource the source, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender source(@Nullable String leadSource) {
    this.source = leadSource;
    return this;
  }

  /**
   * Sets the campaign the lead came from.
   *
   * @param campaignId the campaign, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender campaign(@Nullable String campaignId) {
    this.campaign = campaignId;
    return this;
  }

  /**
   * Sets {@code first_contact_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender firstContactAt(long epochSecond, int nano) {
    this.contactSecond = epochSecond;
    this.contactNano = nano;
    return this;
  }

  /**
   * Sets {@code converted_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender convertedAt(long epochSecond, int nano) {
    this.convertedSecond = epochSecond;
    this.convertedNano = nano;
    return this;
  }

  /**
   * Sets the customer the lead became.
   *
   * @param customerId the customer, or null
   * @return this appender
   */
  @CanIgnoreReturnValue
  public LeadAppender customer(@Nullable String customerId) {
    this.customer = customerId;
    return this;
  }

  /**
   * Checks the row by the rules of {@link Lead} and appends it; see {@link
   * DealAppender#endRow()}.
   *
   * @throws IllegalArgumentException with the message {@link Lead} gives, if a rule is broken
   * @throws NullPointerException if {@code createdAt} was not set
   * @throws IllegalStateException if the store was built
   */
  public void endRow() {
    checkOpen();
    try {
      add(record());
      if (id == null && ids != null) {
        ids[size - 1] = null; // checked with a stand-in id; the row has none
      }
    } finally {
      id = null;
      createdSecond = NO_INSTANT;
      createdNano = 0;
      rep = null;
      name = null;
      email = null;
      phone = null;
      company = null;
      source = null;
      campaign = null;
      contactSecond = NO_INSTANT;
      contactNano = 0;
      convertedSecond = NO_INSTANT;
      convertedNano = 0;
      customer = null;
    }
  }

  private Lead record() {
    return Lead.builder(
            id == null ? "#" + size : id,
            createdSecond == NO_INSTANT ? null : Instant.ofEpochSecond(createdSecond, createdNano))
        .repId(rep)
        .contact(new Contact(name, email, phone, company))
        .source(source)
        .campaignId(campaign)
        .firstContactAt(instant(contactSecond, contactNano))
        .convertedAt(instant(convertedSecond, convertedNano))
        .customerId(customer)
        .build();
  }

  @Nullable
  private static Instant instant(long second, int nano) {
    return second == NO_INSTANT ? null : Instant.ofEpochSecond(second, nano);
  }

  /**
   * Appends a whole lead.
   *
   * @param lead the lead
   * @return this appender
   * @throws IllegalStateException if the store was built
   */
  @CanIgnoreReturnValue
  public LeadAppender add(Lead lead) {
    checkOpen();
    checkNotNull(lead, "lead");
    if (size == capacity) {
      grow();
    }
    int r = size;
    if (ids == null) {
      ids = new String[capacity];
    }
    ids[r] = lead.id();
    created.set(r, capacity, lead.createdAt().getEpochSecond(), lead.createdAt().getNano());
    reps.set(r, capacity, lead.repId());
    sources.set(r, capacity, lead.source());
    campaigns.set(r, capacity, lead.campaignId());
    customers.set(r, capacity, lead.customerId());
    set(firstContact, r, lead.firstContactAt());
    set(converted, r, lead.convertedAt());
    Contact c = lead.contact();
    contactFields[r] = (byte) LeadRow.contactFieldsPresent(c);
    if (!c.equals(Contact.empty())) {
      if (contacts == null) {
        contacts = new String[capacity][];
      }
      contacts[r] = new String[] {c.name(), c.email(), c.phone(), c.company()};
    }
    size = r + 1;
    return this;
  }

  private void set(Columns.Instants column, int r, @Nullable Instant t) {
    if (t == null) {
      column.set(r, capacity, NO_INSTANT, 0);
    } else {
      column.set(r, capacity, t.getEpochSecond(), t.getNano());
    }
  }

  private void grow() {
    int n = capacity * 2;
    capacity = n;
    if (ids != null) {
      ids = Arrays.copyOf(ids, n);
    }
    created.grow(n);
    reps.grow(n);
    sources.grow(n);
    campaigns.grow(n);
    customers.grow(n);
    firstContact.grow(n);
    converted.grow(n);
    contactFields = Arrays.copyOf(contactFields, n);
    if (contacts != null) {
      contacts = Arrays.copyOf(contacts, n);
    }
  }

  private void checkOpen() {
    if (sealed) {
      throw new IllegalStateException("the column store of this appender was built");
    }
  }

  /** Trims the columns to size; no row is appended afterwards. */
  void seal() {
    if (sealed) {
      return;
    }
    sealed = true;
    if (ids != null && ids.length != size) {
      ids = Arrays.copyOf(ids, size);
    }
    created.trim(size);
    reps.trim(size);
    sources.trim(size);
    campaigns.trim(size);
    customers.trim(size);
    firstContact.trim(size);
    converted.trim(size);
    if (contactFields.length != size) {
      contactFields = Arrays.copyOf(contactFields, size);
    }
    if (contacts != null && contacts.length != size) {
      contacts = Arrays.copyOf(contacts, size);
    }
  }

  /**
   * Returns how many rows were appended.
   *
   * @return the row count
   */
  public int size() {
    return size;
  }

  /** The lead of row {@code r}, as a record (its id must be known). */
  Lead lead(int r) {
    String leadId = ids == null ? null : ids[r];
    if (leadId == null) {
      throw new IllegalStateException(
          "the lead in row " + r + " of the column store has no id: a metric that reads leads as"
              + " records needs their ids");
    }
    String[] c = contacts == null ? null : contacts[r];
    return Lead.builder(leadId, created.instant(r))
        .repId(reps.value(r))
        .contact(c == null ? Contact.empty() : new Contact(c[0], c[1], c[2], c[3]))
        .source(sources.value(r))
        .campaignId(campaigns.value(r))
        .firstContactAt(firstContact.instant(r))
        .convertedAt(converted.instant(r))
        .customerId(customers.value(r))
        .build();
  }

  /** The bytes the columns hold (not the dictionaries nor the text of ids and contacts). */
  long columnBytes() {
    return created.bytes() + reps.bytes() + sources.bytes() + campaigns.bytes()
        + customers.bytes() + firstContact.bytes() + converted.bytes() + contactFields.length;
  }
}
