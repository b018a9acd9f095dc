package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A named series of {@link TimePoint}s for a {@link TimeChart}, in time order.
 *
 * @param name the name in the legend, e.g. {@code "2025"} or {@code "previous year"}
 * @param points the points, oldest first
 */
public record TimeSeries(String name, ImmutableList<TimePoint> points) {
  /**
   * Checks and copies the components.
   *
   * @param name the name
   * @param points the points
   * @throws NullPointerException if a component or point is null
   */
  public TimeSeries {
    checkNotNull(name, "name");
    points = ImmutableList.copyOf(checkNotNull(points, "points"));
  }

  /**
   * Returns a series.
   *
   * @param name the name in the legend
   * @param points the points, oldest first
   * @return the series
   */
  public static TimeSeries of(String name, List<TimePoint> points) {
    return new TimeSeries(name, ImmutableList.copyOf(points));
  }
}
