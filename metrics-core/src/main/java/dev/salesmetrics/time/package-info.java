/**
 * Periods of time in a zone: {@link dev.salesmetrics.time.Period} (a half-open {@code [start,
 * end)} interval of instants), {@link dev.salesmetrics.time.Granularity} (day, ISO week, month,
 * quarter, year) and {@link dev.salesmetrics.time.FiscalCalendar} (the month a fiscal year starts).
 *
 * <p>Periods start at local midnight in the caller's zone (or at the first instant of the day
 * where midnight does not exist), so a day that contains a daylight-saving change is 23 or 25
 * hours long and an instant exactly at a period's start belongs to that period, not to the one
 * before. Parameters and return values are non-null unless annotated {@link
 * javax.annotation.Nullable}. Every type here is immutable and thread safe.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.time;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
