/**
 * The dashboard: a self-contained HTML report of a data set (inline SVG charts with tables beside
 * them, no script, no network) and a live page served over Server-Sent Events.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.dashboard;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
