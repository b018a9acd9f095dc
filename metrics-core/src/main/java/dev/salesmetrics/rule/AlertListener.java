package dev.salesmetrics.rule;

/**
 * Receives each alert transition. Called on the evaluating thread after the engine has committed
 * the evaluation's state, in the order of the transitions. A listener that throws does not stop
 * the other listeners and does not change the engine's state; an exception is recorded in {@link
 * RuleEngine#listenerFailures()}, an {@link Error} is rethrown by {@link RuleEngine#evaluate}
 * once every listener had every event. A listener must not call back into the engine.
 */
@FunctionalInterface
public interface AlertListener {

  /**
   * Handles one transition.
   *
   * @param event the transition
   */
  void onEvent(AlertEvent event);
}
