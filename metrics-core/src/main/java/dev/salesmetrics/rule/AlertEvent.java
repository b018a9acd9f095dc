package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricValue;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One transition of one rule for one group, with everything needed to tell a person why.
 *
 * <p>{@code value} is the compared quantity: the metric's value for rules against the value, a
 * fraction for the other references (attainment, percent change, forecast attainment). {@code
 * threshold} and {@code recoveryThreshold} are those of {@code level} in the same units; for an
 * {@code outside} rule they are the band's end on the side of the value (the high end when the
 * value is undefined). Immutable.
 *
 * @param ruleId the rule's id
 * @param metricId the metric's id
 * @param group the group
 * @param from the state before
 * @param to the state after
 * @param level the level after the transition (for pending, the level breached; for inactive and
 *     resolved, the level the episode last had), empty when none
 * @param value the compared quantity, empty when undefined or vanished
 * @param metricValue the metric's value, empty when the group vanished
 * @param threshold the trigger of {@code level}, empty when there is no level
 * @param recoveryThreshold the recovery threshold of {@code level} (equal to the trigger without
 *     hysteresis), empty when there is no level
 * @param comparison the rule's comparison
 * @param consecutive how many consecutive evaluations the condition has held (for a clear, how
 *     many it had held)
 * @param since the evaluation instant of the first breach of the current run
 * @param evaluatedAt the evaluation instant
 * @param periodStart the start of the evaluated period
 * @param periodEnd the end of the evaluated period
 * @param periodLabel the period's label
 * @param episode the episode number for this rule and group, from 1; a breach after resolved
 *     starts the next
 * @param sentence a sentence that says why
 */
public record AlertEvent(
    String ruleId,
    String metricId,
    GroupKey group,
    AlertState from,
    AlertState to,
    Optional<Severity> level,
    OptionalDouble value,
    Optional<MetricValue> metricValue,
    OptionalDouble threshold,
    OptionalDouble recoveryThreshold,
    Comparison comparison,
    int consecutive,
    Instant since,
    Instant evaluatedAt,
    Instant periodStart,
    Instant periodEnd,
    String periodLabel,
    long episode,
    String sentence) {

  /**
   * Checks for nulls.
   *
   * @param ruleId the rule's id
   * @param metricId the metric's id
   * @param group the group
   * @param from the state before
   * @param to the state after
   * @param level the level after the transition
   * @param value the compared quantity
   * @param metricValue the metric's value
   * @param threshold the trigger of the level
   * @param recoveryThreshold the recovery threshold of the level
   * @param comparison the rule's comparison
   * @param consecutive consecutive evaluations held
   * @param since the first breach of the run
   * @param evaluatedAt the evaluation instant
   * @param periodStart the period's start
   * @param periodEnd the period's end
   * @param periodLabel the period's label
   * @param episode the episode number
   * @param sentence the sentence
   */
  public AlertEvent {
    checkNotNull(ruleId, "ruleId");
    checkNotNull(metricId, "metricId");
    checkNotNull(group, "group");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(level, "level");
    checkNotNull(value, "value");
    checkNotNull(metricValue, "metricValue");
    checkNotNull(threshold, "threshold");
    checkNotNull(recoveryThreshold, "recoveryThreshold");
    checkNotNull(comparison, "comparison");
    checkNotNull(since, "since");
    checkNotNull(evaluatedAt, "evaluatedAt");
    checkNotNull(periodStart, "periodStart");
    checkNotNull(periodEnd, "periodEnd");
    checkNotNull(periodLabel, "periodLabel");
    checkNotNull(sentence, "sentence");
  }

  /**
   * Formats as {@code low-win-rate rep=R07 PENDING→FIRING warning: <sentence>}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return ruleId + " " + group + " " + from + "→" + to
        + level.map(l -> " " + l.label()).orElse("") + ": " + sentence;
  }
}
