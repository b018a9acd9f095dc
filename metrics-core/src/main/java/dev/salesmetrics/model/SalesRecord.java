package dev.salesmetrics.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A record Salesmetrics reads: a rep, lead, deal, order, customer, campaign or survey response.
 *
 * <p>Every record can be seen "as known at instant {@code t}" ({@link #asOf}), which is how a
 * computation is re-run reproducibly: a record that did not exist yet at {@code t} is absent, and
 * events after {@code t} are undone (a deal closed after {@code t} is still open). An event at
 * exactly {@code t} has happened. Records that describe plans rather than events (a {@link Rep},
 * a {@link Campaign}) are returned unchanged.
 *
 * <p>All implementations are immutable records and thread safe.
 */
public sealed interface SalesRecord
    permits Rep, Quota, Lead, Deal, Order, Customer, Campaign, SurveyResponse {

  /**
   * Returns this record as known at instant {@code t}: empty if it did not exist yet at
   * {@code t}; otherwise this record with the events after {@code t} undone. Events at exactly
   * {@code t} are kept. Returns {@code this} itself when nothing changes.
   *
   * @param t the instant of knowledge
   * @return the record as of {@code t}, or empty if it did not exist yet
   * @throws NullPointerException if {@code t} is null
   */
  Optional<? extends SalesRecord> asOf(Instant t);
}
