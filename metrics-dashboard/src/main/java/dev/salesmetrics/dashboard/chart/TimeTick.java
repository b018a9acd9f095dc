package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * A tick of a {@link TimeScale}: the local date whose start it marks (a day, Monday, first of a
 * month, quarter or year), where it lies in the output range, and its label.
 *
 * @param date the boundary date
 * @param position the start of that date, mapped to the output range (pixels)
 * @param label the text written at the tick, e.g. {@code "Jan 2025"}, {@code "Mar"}, {@code
 *     "Q3"}, {@code "2025"}
 */
public record TimeTick(LocalDate date, double position, String label) {
  /**
   * Checks the components.
   *
   * @param date the boundary date
   * @param position the position
   * @param label the label
   * @throws NullPointerException if the date or label is null
   */
  public TimeTick {
    checkNotNull(date, "date");
    checkNotNull(label, "label");
  }
}
