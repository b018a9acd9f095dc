package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * One entry of a deal's stage history: the deal entered {@code stage} at {@code enteredAt}.
 *
 * <p>Immutable and thread safe.
 *
 * @param stage the stage name, not blank
 * @param enteredAt when the deal entered the stage
 */
public record StageChange(String stage, Instant enteredAt) {

  /**
   * Validates the components.
   *
   * @param stage the stage name, not blank
   * @param enteredAt when the deal entered the stage
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code stage} is blank or not well-formed
   */
  public StageChange {
    Checks.nonBlank(stage, "stage", "stage", " entered at " + enteredAt);
    checkNotNull(enteredAt, "enteredAt");
  }
}
