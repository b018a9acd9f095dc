/**
 * Helpers shared by the packages and modules of Salesmetrics, with no compatibility promise: they
 * may change or go in any release. Not part of the API.
 *
 * <p>Parameters and return values are non-null unless annotated {@link javax.annotation.Nullable}.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
