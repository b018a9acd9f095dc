/**
 * Immutable domain records that Salesmetrics reads: {@link dev.salesmetrics.model.Money}, reps and
 * their quotas, leads, deals, orders, customers, campaigns and survey responses.
 *
 * <p>Every record validates its components in its compact constructor and rejects bad input with
 * an {@link java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException} for a
 * missing required value) whose message names the field, the value and the rule it broke.
 * Collections are copied into Guava immutable collections; a null element is named by its index
 * ({@code stageHistory[2] is null for deal D1}).
 *
 * <p><b>Text.</b> Every text component must be well-formed Unicode (no lone surrogate, which could
 * not be written as UTF-8). Text is <em>blank</em> when it is empty or shows nothing: it is made
 * only of white space, Unicode spaces (the no-break U+00A0, figure U+2007, narrow no-break U+202F
 * and ideographic U+3000 spaces...), control characters and format characters (the zero-width
 * space U+200B, the joiners U+200C and U+200D, the word joiner U+2060, the byte order mark
 * U+FEFF...). A blank id or name is refused like an empty one; a blank optional text is stored as
 * {@code null}. Other text is kept exactly as given, not trimmed.
 *
 * <p>Parameters and return values are non-null unless annotated {@link javax.annotation.Nullable};
 * optional record components are nullable and their accessors say so.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.model;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
