package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Severity;
import java.time.Instant;
import java.util.Optional;

/**
 * An alert transition as the dashboard shows it: which rule and group, the state it left and the
 * state it is in since, the level, and the rule engine's sentence. Immutable.
 *
 * @param ruleId the rule's id
 * @param metricId the rule's metric id
 * @param group the group ({@code overall} or, for example, {@code rep=R07})
 * @param from the state before the transition
 * @param state the state after it
 * @param level the level after it, empty when none
 * @param episode the episode number of this rule and group, from 1
 * @param at the evaluation instant of the transition
 * @param periodLabel the label of the period evaluated, such as {@code 2025-12}
 * @param sentence why, in words (user strings in it are not escaped)
 */
public record AlertStatus(
    String ruleId,
    String metricId,
    GroupKey group,
    AlertState from,
    AlertState state,
    Optional<Severity> level,
    long episode,
    Instant at,
    String periodLabel,
    String sentence) {

  /**
   * Checks for nulls.
   *
   * @param ruleId the rule's id
   * @param metricId the metric's id
   * @param group the group
   * @param from the state before
   * @param state the state after
   * @param level the level
   * @param episode the episode
   * @param at the evaluation instant
   * @param periodLabel the period's label
   * @param sentence the sentence
   */
  public AlertStatus {
    checkNotNull(ruleId, "ruleId");
    checkNotNull(metricId, "metricId");
    checkNotNull(group, "group");
    checkNotNull(from, "from");
    checkNotNull(state, "state");
    checkNotNull(level, "level");
    checkNotNull(at, "at");
    checkNotNull(periodLabel, "periodLabel");
    checkNotNull(sentence, "sentence");
  }

  /**
   * Returns the status of a transition.
   *
   * @param e the transition
   * @return its status
   */
  public static AlertStatus of(AlertEvent e) {
    return new AlertStatus(
        e.ruleId(),
        e.metricId(),
        e.group(),
        e.from(),
        e.to(),
        e.level(),
        e.episode(),
        e.evaluatedAt(),
        e.periodLabel(),
        e.sentence());
  }

  /**
   * Tells whether the alert is firing or pending (what an alert list shows).
   *
   * @return true for pending, firing and recovering
   */
  public boolean isActive() {
    return state == AlertState.PENDING || state.isFiring();
  }
}
