package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * Counts of a {@link WebhookListener}'s deliveries since it was built. Immutable.
 *
 * <p>Every notification queued is accounted for: {@code accepted + repeats == delivered + failed +
 * dropped + pending}. Transitions never queued are counted in {@code duplicates} or {@code
 * skipped}.
 *
 * @param accepted transitions queued for delivery
 * @param repeats repeat notifications of firing alerts queued (see {@link
 *     WebhookListener.Builder#repeatInterval})
 * @param delivered notifications the receiver answered with a 2xx status
 * @param retries attempts made after a failed attempt (a 5xx, 408 or 429 answer, a timeout or a
 *     connection error)
 * @param failed notifications given up: a 4xx or 3xx answer, or still failing when the give-up time
 *     had passed
 * @param dropped notifications dropped because the queue was full (the oldest queued goes), or
 *     still queued when {@link WebhookListener#close()} timed out, or received after close
 * @param duplicates transitions not sent because one at the same or a later evaluation had already
 *     been queued for the same rule and group
 * @param skipped transitions the format does not send (pending ones for Alertmanager)
 * @param pending notifications queued or in flight now
 * @param lastFailure the reason of the newest failed attempt or drop, with the URL's secret parts
 *     left out, or empty when none failed
 */
public record WebhookStats(
    long accepted,
    long repeats,
    long delivered,
    long retries,
    long failed,
    long dropped,
    long duplicates,
    long skipped,
    long pending,
    Optional<String> lastFailure) {

  /**
   * Checks that the counts are not negative.
   *
   * @param accepted transitions queued
   * @param repeats repeats queued
   * @param delivered notifications delivered
   * @param retries attempts after a failed attempt
   * @param failed notifications given up
   * @param dropped notifications dropped
   * @param duplicates transitions suppressed as duplicates
   * @param skipped transitions the format does not send
   * @param pending notifications queued or in flight
   * @param lastFailure the newest failure's reason
   * @throws IllegalArgumentException if a count is negative
   */
  public WebhookStats {
    checkNotNull(lastFailure, "lastFailure");
    long[] counts = {
      accepted, repeats, delivered, retries, failed, dropped, duplicates, skipped, pending
    };
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("webhook counts must be >= 0: " + c);
      }
    }
  }

  /**
   * Returns how many notifications will never reach the receiver.
   *
   * @return {@code failed + dropped}
   */
  public long undelivered() {
    return failed + dropped;
  }
}
