package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A listener that threw while handling an event.
 *
 * @param listener the listener that threw
 * @param event the event it was handling
 * @param error what it threw
 */
public record ListenerFailure(AlertListener listener, AlertEvent event, RuntimeException error) {

  /**
   * Checks for nulls.
   *
   * @param listener the listener that threw
   * @param event the event it was handling
   * @param error what it threw
   */
  public ListenerFailure {
    checkNotNull(listener, "listener");
    checkNotNull(event, "event");
    checkNotNull(error, "error");
  }
}
