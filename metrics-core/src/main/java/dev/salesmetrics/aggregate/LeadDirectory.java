package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.SalesRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leads by id, through which a deal is grouped by the campaign and the source of the lead it
 * came from ({@link Dimension#campaign(LeadDirectory)}, {@link Dimension#source(LeadDirectory)}):
 * a deal carries only its {@code lead_id}.
 *
 * <pre>{@code
 * LeadDirectory leads = LeadDirectory.of(data.leads());
 * Query.of(records).groupBy(Dimension.campaign(leads)).metrics(Metrics.CAMPAIGN_ROI).run();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class LeadDirectory {
  private static final LeadDirectory EMPTY = new LeadDirectory(ImmutableMap.of());

  private final ImmutableMap<String, Lead> byId;

  private LeadDirectory(ImmutableMap<String, Lead> byId) {
    this.byId = byId;
  }

  /**
   * Returns the directory of {@code leads}. A lead given twice with the same data counts once.
   *
   * @param leads the leads
   * @return the directory
   * @throws IllegalArgumentException if two different leads share an id
   */
  public static LeadDirectory of(Iterable<Lead> leads) {
    checkNotNull(leads, "leads");
    Map<String, Lead> map = new LinkedHashMap<>();
    for (Lead lead : leads) {
      checkNotNull(lead, "lead");
      Lead old = map.putIfAbsent(lead.id(), lead);
      if (old != null && !old.equals(lead)) {
        throw new IllegalArgumentException(
            "lead_id "
                + lead.id()
                + " appears twice with different data in a lead directory: "
                + old
                + " and "
                + lead);
      }
    }
    return new LeadDirectory(ImmutableMap.copyOf(map));
  }

  /**
   * Returns the directory of the {@link Lead} records among {@code records}, ignoring the others:
   * handy when leads, deals and campaigns come in one list.
   *
   * @param records records of any kind
   * @return the directory of the leads among them
   * @throws IllegalArgumentException if two different leads share an id
   */
  public static LeadDirectory from(Iterable<? extends SalesRecord> records) {
    checkNotNull(records, "records");
    List<Lead> leads = new ArrayList<>();
    for (SalesRecord r : records) {
      if (r instanceof Lead lead) {
        leads.add(lead);
      }
    }
    return of(leads);
  }

  /**
   * Returns the empty directory: every lead is unknown.
   *
   * @return the empty directory
   */
  public static LeadDirectory empty() {
    return EMPTY;
  }

  /**
   * Looks up a lead.
   *
   * @param leadId the lead id
   * @return the lead, or empty when the directory does not know it
   */
  public Optional<Lead> lead(String leadId) {
    return Optional.ofNullable(byId.get(checkNotNull(leadId, "leadId")));
  }

  /**
   * Returns how many leads the directory holds.
   *
   * @return the number of leads
   */
  public int size() {
    return byId.size();
  }

  /**
   * Formats as the number of leads.
   *
   * @return e.g. {@code "LeadDirectory[1200 leads]"}
   */
  @Override
  public String toString() {
    return "LeadDirectory[" + byId.size() + " leads]";
  }
}
