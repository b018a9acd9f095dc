package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalDouble;

/**
 * One row of a {@link BarChart}: a label, a value with the short text written beside the bar and
 * the exact text of its {@code <title>}, and optionally an inner value drawn as a narrower bar
 * inside (a weighted amount inside the amount).
 *
 * @param label the category, e.g. a rep's name (escaped when written)
 * @param value the value, or empty when undefined (no bar; the text is written at 0)
 * @param text the short text beside the bar, e.g. {@code "104.2%"} or {@code "—"}
 * @param title the exact value for people, e.g. {@code "R07: 104.2% (83,400.00 / 80,000.00
 *     USD)"}, or why the value is undefined
 * @param inner the inner value, or empty for none
 * @param innerTitle the exact inner value, empty when there is no inner value
 */
public record Bar(
    String label,
    OptionalDouble value,
    String text,
    String title,
    OptionalDouble inner,
    String innerTitle) {
  /**
   * Checks the components.
   *
   * @param label the label
   * @param value the value
   * @param text the short text
   * @param title the title
   * @param inner the inner value
   * @param innerTitle the inner title
   * @throws IllegalArgumentException if a value is not finite
   */
  public Bar {
    checkNotNull(label, "label");
    checkNotNull(value, "value");
    checkNotNull(text, "text");
    checkNotNull(title, "title");
    checkNotNull(inner, "inner");
    checkNotNull(innerTitle, "innerTitle");
    checkArgument(
        value.isEmpty() || Double.isFinite(value.getAsDouble()), "value must be finite: %s", value);
    checkArgument(
        inner.isEmpty() || Double.isFinite(inner.getAsDouble()), "inner must be finite: %s", inner);
  }

  /**
   * Returns a bar without an inner value.
   *
   * @param label the category
   * @param value the value, or empty when undefined
   * @param text the short text beside the bar
   * @param title the exact value, or why it is undefined
   * @return the bar
   */
  public static Bar of(String label, OptionalDouble value, String text, String title) {
    return new Bar(label, value, text, title, OptionalDouble.empty(), "");
  }
}
