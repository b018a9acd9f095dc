/**
 * The live dashboard: a page of figures kept up to date over Server-Sent Events while records
 * arrive.
 *
 * <p>{@link dev.salesmetrics.dashboard.server.LiveDashboard} holds the figures, runs the rules
 * and writes the event stream (to any {@code OutputStream}); {@link
 * dev.salesmetrics.dashboard.server.LiveServer} serves it over the JDK's HTTP server; {@link
 * dev.salesmetrics.dashboard.server.LiveData} keeps the records of a data directory with a
 * journal of the records accepted since, and {@link
 * dev.salesmetrics.dashboard.server.LiveService} puts the three together as {@code salesmetrics
 * serve} does. The page itself comes from a {@link dev.salesmetrics.dashboard.server.LivePage}:
 * by default {@link dev.salesmetrics.dashboard.server.ReportPage}, the dashboard report's page
 * (the panels of {@code salesmetrics report}) updated in place.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.dashboard.server;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
