package dev.salesmetrics.rule;

import java.time.Instant;
import javax.annotation.Nullable;

/** The mutable alert state of one rule for one group. Owned by the engine; not thread safe. */
final class GroupState {
  AlertState state = AlertState.INACTIVE;
  @Nullable Severity level;
  int consecutive;
  int periodsInRun;
  Instant since = Instant.EPOCH;
  Instant sincePeriodStart = Instant.EPOCH;
  Instant lastPeriodStart = Instant.EPOCH;
  @Nullable Instant clearedAt;
  int evaluationsSinceCleared;
  int missing;
  long episode;

  void startRun(Instant at, Instant periodStart) {
    consecutive = 1;
    periodsInRun = 1;
    since = at;
    sincePeriodStart = periodStart;
    lastPeriodStart = periodStart;
    clearedAt = null;
    evaluationsSinceCleared = 0;
  }

  void continueRun(Instant periodStart) {
    consecutive++;
    if (!periodStart.equals(lastPeriodStart)) {
      periodsInRun++;
      lastPeriodStart = periodStart;
    }
  }
}
