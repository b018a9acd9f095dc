package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The figures of the live dashboard at one update: the tables of the live views, the current
 * period, the alerts, and (when the page asked for them) the records themselves. Immutable.
 *
 * <p><b>Current period.</b> The period of the newest event instant in the data (event time, as
 * {@code LiveView} places events), never the wall clock: on data that ends in 2025-12 the
 * current period is 2025-12 whatever the date. The previous period is the one before it.
 */
public final class LiveFigures {
  private final long version;
  private final long sequence;
  private final Instant updatedAt;
  @Nullable private final Period period;
  @Nullable private final Instant newest;
  private final ImmutableList<MetricTable> tables;
  private final ImmutableList<AlertStatus> alerts;
  private final ImmutableList<AlertStatus> transitions;
  private final int ruleCount;
  @Nullable private final Dataset dataset;
  @Nullable private final String failure;

  LiveFigures(
      long version,
      long sequence,
      Instant updatedAt,
      @Nullable Period period,
      @Nullable Instant newest,
      ImmutableList<MetricTable> tables,
      ImmutableList<AlertStatus> alerts,
      ImmutableList<AlertStatus> transitions,
      int ruleCount,
      @Nullable Dataset dataset,
      @Nullable String failure) {
    this.version = version;
    this.sequence = sequence;
    this.updatedAt = checkNotNull(updatedAt, "updatedAt");
    this.period = period;
    this.newest = newest;
    this.tables = checkNotNull(tables, "tables");
    this.alerts = checkNotNull(alerts, "alerts");
    this.transitions = checkNotNull(transitions, "transitions");
    this.ruleCount = ruleCount;
    this.dataset = dataset;
    this.failure = failure;
  }

  /**
   * Returns the number of this update, from 1; it grows by one per update sent.
   *
   * @return the version
   */
  public long version() {
    return version;
  }

  /**
   * Returns the journal number of the newest batch of records these figures include (0 without
   * a journal, or before the first batch).
   *
   * @return the batch number
   */
  public long sequence() {
    return sequence;
  }

  /**
   * Returns when the update was made, by the dashboard's clock.
   *
   * @return the instant
   */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Returns the current period: that of the newest event instant.
   *
   * @return the period, empty before the first event
   */
  public Optional<Period> period() {
    return Optional.ofNullable(period);
  }

  /**
   * Returns the newest event instant of the records, which places the current period; known for
   * a data directory ({@link LiveData}), not for your own views (they keep no instants).
   *
   * @return the instant, empty over views or before the first event
   */
  public Optional<Instant> newest() {
    return Optional.ofNullable(newest);
  }

  /**
   * Returns the period before the current one.
   *
   * @return the previous period, empty before the first event
   */
  public Optional<Period> previousPeriod() {
    return period == null ? Optional.empty() : Optional.of(period.previous());
  }

  /**
   * Returns the tables of the live views, each grouped by period first.
   *
   * @return the tables; the overall one (no dimension but the period) first when there is one
   */
  public ImmutableList<MetricTable> tables() {
    return tables;
  }

  /**
   * Returns a metric's overall value in a period, from the first table without other dimensions
   * that computes it.
   *
   * @param metricId the metric id
   * @param period the period
   * @return the value; empty when no table computes the metric or no record fell in the period
   */
  public Optional<MetricValue> value(String metricId, Period period) {
    checkNotNull(metricId, "metricId");
    checkNotNull(period, "period");
    for (MetricTable t : tables) {
      if (!t.dimensionIds().isEmpty() || !t.metricIds().contains(metricId)) {
        continue;
      }
      return t.hasPeriods()
          ? t.get(GroupKey.overall(), period, metricId)
          : t.get(GroupKey.overall(), metricId);
    }
    return Optional.empty();
  }

  /**
   * Tells whether a table without other dimensions computes the metric.
   *
   * @param metricId the metric id
   * @return true if {@link #value} can give it
   */
  public boolean computes(String metricId) {
    for (MetricTable t : tables) {
      if (t.dimensionIds().isEmpty() && t.metricIds().contains(metricId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the state of every rule and group that has had a transition: the latest transition
   * of each, in rule then group order.
   *
   * @return the alert statuses (inactive and resolved ones included)
   */
  public ImmutableList<AlertStatus> alerts() {
    return alerts;
  }

  /**
   * Returns how many rules the dashboard evaluates.
   *
   * @return the count, 0 without rules
   */
  public int ruleCount() {
    return ruleCount;
  }

  /**
   * Returns the latest transitions, newest first (at most 50).
   *
   * @return the transitions
   */
  public ImmutableList<AlertStatus> transitions() {
    return transitions;
  }

  /**
   * Returns the records, when the page asked for them ({@link LivePage#readsRecords()}) and the
   * dashboard reads a {@link LiveData}. The dashboard copies them only when records arrived: two
   * updates without new records give the same copy (the same object).
   *
   * @return the records, or empty
   */
  public Optional<Dataset> dataset() {
    return Optional.ofNullable(dataset);
  }

  /**
   * Returns why the figures could not be brought up to date, when the last attempt failed (the
   * figures are then those of the last success).
   *
   * @return the failure message, or empty
   */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  LiveFigures withFailure(String message) {
    return new LiveFigures(
        version, sequence, updatedAt, period, newest, tables, alerts, transitions, ruleCount,
        dataset, message);
  }

  /**
   * Returns the version, batch number and period.
   *
   * @return e.g. {@code LiveFigures[version 3, batch 12, 2025-12]}
   */
  @Override
  public String toString() {
    return "LiveFigures[version " + version + ", batch " + sequence + ", "
        + (period == null ? "no data" : period.label()) + "]";
  }
}
