/**
 * Immutable domain records that Salesmetrics reads: {@link dev.salesmetrics.model.Money}, reps and
 * their quotas, leads, deals, orders, customers, campaigns and survey responses.
 *
 * <p>Every record validates its components in its compact constructor and rejects bad input with
 * an {@link java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException} for a
 * missing required value) whose message names the field, the value and the rule it broke.
 * Collections are copied into Guava immutable collections. Parameters and return values are
 * non-null unless annotated {@link javax.annotation.Nullable}; optional record components are
 * nullable and their accessors say so.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.model;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
