/**
 * Live sales figures and alert states as Micrometer meters: {@link
 * dev.salesmetrics.micrometer.LiveViewMetrics} binds a live view's metrics per group, {@link
 * dev.salesmetrics.micrometer.AlertStateMetrics} the state of each rule and group. See {@code
 * docs/INTEGRATION.md}.
 *
 * <p>Parameters and return values are non-null unless annotated {@link javax.annotation.Nullable}.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.micrometer;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
