/**
 * A small SVG chart kit: linear and time scales with readable ticks, bar, time (bars and lines),
 * funnel and bullet charts. Charts are written as SVG text by this package, with no dependency
 * beyond the JDK and Guava; the same data always gives byte-identical output (numbers are
 * formatted with {@link java.util.Locale#ROOT} and fixed precision, nothing iterates in hash
 * order). Every chart is an {@code <svg role="img">} with a {@code <title>} and a {@code <desc>},
 * and every mark (bar, point, segment) has a {@code <title>} with its exact value.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.dashboard.chart;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
