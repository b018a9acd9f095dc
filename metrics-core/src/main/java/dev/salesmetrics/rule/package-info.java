/**
 * Threshold rules over metric values, goals, the alert state machine kept per rule and group,
 * listeners that hear each transition, and replay of a rule set over a history of evaluations.
 *
 * <p>A {@link dev.salesmetrics.rule.Rule} names a metric, a scope, a condition, severity levels and
 * timing; a {@link dev.salesmetrics.rule.RuleEngine} evaluates rules against one {@link
 * dev.salesmetrics.rule.Evaluation} at a time and returns the {@link
 * dev.salesmetrics.rule.AlertEvent transitions}. See {@code docs/RULES.md} for the state machine
 * and worked examples.
 *
 * <p>Parameters and return values are non-null unless annotated {@link javax.annotation.Nullable}.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.rule;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
