package dev.salesmetrics.rule;

/**
 * The alert state of one rule for one group.
 *
 * <pre>
 * INACTIVE → PENDING → FIRING ⇄ RECOVERING → RESOLVED → (a new breach starts a new episode)
 * </pre>
 *
 * <p>See {@code docs/RULES.md} for every transition.
 */
public enum AlertState {
  /** The condition does not hold and no episode is open. */
  INACTIVE,
  /** The condition holds but not yet for as long as the rule's timing asks. */
  PENDING,
  /** The alert is firing at a severity level. */
  FIRING,
  /** The condition cleared while firing and the alert keeps firing for the keep-firing time. */
  RECOVERING,
  /** The episode ended; a later breach starts a new episode. */
  RESOLVED;

  /**
   * Tells whether an alert in this state is firing, including inside keep-firing.
   *
   * @return true for {@link #FIRING} and {@link #RECOVERING}
   */
  public boolean isFiring() {
    return this == FIRING || this == RECOVERING;
  }
}
