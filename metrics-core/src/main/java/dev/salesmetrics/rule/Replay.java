package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Runs a rule set over a history of evaluations, in order, and returns every transition: the way
 * to try a rule on past data before trusting it.
 *
 * <pre>{@code
 * List<AlertEvent> transitions = Replay.run(List.of(lowWinRate), weeklyEvaluations);
 * transitions.forEach(t -> System.out.println(t.periodLabel() + " " + t));
 * }</pre>
 */
public final class Replay {
  private Replay() {}

  /**
   * Evaluates {@code rules} on a fresh engine over {@code evaluations}, in order.
   *
   * @param rules the rules, with distinct ids
   * @param evaluations the evaluations, in strictly increasing order of {@code evaluatedAt}
   * @return every transition, in evaluation order, then rule order, then group order
   * @throws IllegalArgumentException if two rules share an id or the evaluations are out of order
   */
  public static ImmutableList<AlertEvent> run(List<Rule> rules, List<Evaluation> evaluations) {
    return run(RuleEngine.of(rules), evaluations);
  }

  /**
   * Evaluates {@code evaluations} on {@code engine}, from its current state, in order.
   *
   * @param engine the engine; its state advances
   * @param evaluations the evaluations, after the engine's last one, in strictly increasing order
   * @return every transition, in order
   * @throws IllegalArgumentException if the evaluations are out of order
   */
  public static ImmutableList<AlertEvent> run(RuleEngine engine, List<Evaluation> evaluations) {
    checkNotNull(engine, "engine");
    ImmutableList.Builder<AlertEvent> out = ImmutableList.builder();
    for (Evaluation e : evaluations) {
      out.addAll(engine.evaluate(e));
    }
    return out.build();
  }
}
