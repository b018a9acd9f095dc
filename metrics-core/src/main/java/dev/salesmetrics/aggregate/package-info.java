/**
 * The aggregation core: group records by dimensions (rep, team, region, product, campaign, source,
 * customer, period), compute many metrics in one pass, in parallel, on a columnar fast path, or
 * live as events arrive, and return the figures as a table.
 *
 * <p>Parameters and return values are non-null unless annotated {@link javax.annotation.Nullable}.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.aggregate;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
