package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;

/**
 * A tick of a {@link LinearScale}: its exact value, where it lies in the output range, and its
 * label.
 *
 * @param value the exact value, a multiple of the tick step
 * @param position the value mapped to the output range (pixels)
 * @param label the text written at the tick
 */
public record Tick(BigDecimal value, double position, String label) {
  /**
   * Checks the components.
   *
   * @param value the exact value
   * @param position the position
   * @param label the label
   * @throws NullPointerException if the value or label is null
   */
  public Tick {
    checkNotNull(value, "value");
    checkNotNull(label, "label");
  }
}
