/**
 * The metric catalogue: {@code Metric} definitions with stable ids, their
 * mergeable accumulators, and the result values they produce ({@link dev.salesmetrics.metric.Ratio},
 * {@link dev.salesmetrics.metric.DurationStats}, {@link dev.salesmetrics.metric.MoneyStats}).
 *
 * <p>Undefined is not zero: a ratio with a zero denominator answers an empty
 * {@link java.util.OptionalDouble}; no result ever holds NaN or Infinity. Parameters and return
 * values are non-null unless annotated {@link javax.annotation.Nullable}.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.metric;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
