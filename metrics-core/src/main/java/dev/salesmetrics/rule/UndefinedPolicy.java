package dev.salesmetrics.rule;

/**
 * What a rule does when its compared quantity is undefined for a group that is present: the
 * metric value is undefined, its sample is below the rule's minimum, or the reference (goal,
 * previous period, baseline) is missing.
 */
public enum UndefinedPolicy {
  /** Nothing changes: no transition, counters and timers are not advanced. The default. */
  KEEP_STATE,
  /** Treated as a clear: pending goes inactive, firing recovers or resolves. */
  RESOLVE,
  /**
   * Treated as a breach at the rule's lowest level; a firing alert keeps its level. Timing
   * (for-N, for-duration) applies as to any breach.
   */
  ALERT
}
