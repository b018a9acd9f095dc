package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A horizontal bar chart: one row per {@link Bar}, in the order given (sort them first for a
 * leaderboard), on a {@link LinearScale} that includes 0, with an optional vertical reference
 * line (such as 100% of quota) and an optional inner bar per row.
 *
 * <pre>{@code
 * String svg = BarChart.builder("attainment", "Quota attainment per rep, 2025-12")
 *     .tickFormat(TickFormat.PERCENT)
 *     .referenceLine(1.0, "100% of quota")
 *     .bar(Bar.of("R03 Ann", OptionalDouble.of(1.12), "112.0%", "R03 Ann: 112.0% (...)"))
 *     .build()
 *     .svg();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class BarChart {
  private static final double ROW = 22;
  private static final double TOP = 26;
  private static final double BOTTOM = 22;
  private static final double RIGHT = 76;

  private final String id;
  private final String title;
  private final String description;
  private final int width;
  private final int labelWidth;
  private final TickFormat tickFormat;
  private final ImmutableList<Bar> bars;
  private final OptionalDouble reference;
  private final String referenceLabel;
  private final String outerName;
  private final String innerName;

  private BarChart(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.description = b.description;
    this.width = b.width;
    this.labelWidth = b.labelWidth;
    this.tickFormat = b.tickFormat;
    this.bars = ImmutableList.copyOf(b.bars);
    this.reference = b.reference;
    this.referenceLabel = b.referenceLabel;
    this.outerName = b.outerName;
    this.innerName = b.innerName;
  }

  /**
   * Starts a chart.
   *
   * @param id a page-unique id for the {@code <svg>} element
   * @param title the chart's accessible title
   * @return a builder
   */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /**
   * Returns the height the chart takes: a fixed top and bottom plus 22 pixels per bar.
   *
   * @return the height in pixels
   */
  public int height() {
    return (int) (TOP + BOTTOM + ROW * Math.max(1, bars.size()));
  }

  /**
   * Writes the chart.
   *
   * @return the {@code <svg>} element, ending in a line break
   */
  public String svg() {
    int height = height();
    SvgWriter w = new SvgWriter(id, width, height, title, description);
    double plotLeft = labelWidth;
    double plotRight = width - RIGHT;
    double plotTop = TOP;
    double plotBottom = height - BOTTOM;
    double min = 0;
    double max = 0;
    for (Bar b : bars) {
      if (b.value().isPresent()) {
        min = Math.min(min, b.value().getAsDouble());
        max = Math.max(max, b.value().getAsDouble());
      }
      if (b.inner().isPresent()) {
        min = Math.min(min, b.inner().getAsDouble());
        max = Math.max(max, b.inner().getAsDouble());
      }
    }
    if (reference.isPresent()) {
      min = Math.min(min, reference.getAsDouble());
      max = Math.max(max, reference.getAsDouble());
    }
    LinearScale x = LinearScale.nice(min, max, 6, plotLeft, plotRight);
    if (!outerName.isEmpty() || !innerName.isEmpty()) {
      w.open("g", "class", "legend");
      w.empty("rect", "x", plotLeft, "y", 8.0, "width", 12.0, "height", 10.0, "fill",
          SvgWriter.SECONDARY);
      w.text("text", outerName, "x", plotLeft + 16, "y", 17.0, "fill", SvgWriter.INK);
      double at = plotLeft + 16 + 7 * outerName.length() + 18;
      w.empty("rect", "x", at, "y", 10.0, "width", 12.0, "height", 6.0, "fill",
          SvgWriter.PRIMARY);
      w.text("text", innerName, "x", at + 16, "y", 17.0, "fill", SvgWriter.INK);
      w.close("g");
    }
    w.open("g", "class", "axis x");
    for (Tick t : x.ticks(6, tickFormat)) {
      w.empty("line", "x1", t.position(), "x2", t.position(), "y1", plotTop, "y2", plotBottom,
          "stroke", t.value().signum() == 0 ? SvgWriter.MUTED : SvgWriter.GRID);
      w.text("text", t.label(), "x", t.position(), "y", plotBottom + 14.0, "text-anchor",
          "middle", "fill", SvgWriter.MUTED);
    }
    w.close("g");
    double zero = x.apply(0);
    w.open("g", "class", "bars");
    int maxChars = Math.max(4, (int) ((labelWidth - 8) / 6.5));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double top = plotTop + i * ROW;
      double mid = top + ROW / 2;
      w.titledText(SvgWriter.shorten(b.label(), maxChars), b.label(), "x", plotLeft - 6, "y",
          mid + 4, "text-anchor", "end", "fill", SvgWriter.INK);
      double end = zero;
      if (b.value().isPresent()) {
        end = x.apply(b.value().getAsDouble());
        w.mark("rect", b.title(), "class", "bar", "x", Math.min(zero, end), "y", top + 3,
            "width", Math.max(0.5, Math.abs(end - zero)), "height", ROW - 6, "fill",
            b.inner().isPresent() ? SvgWriter.SECONDARY : SvgWriter.PRIMARY);
      }
      if (b.inner().isPresent()) {
        double in = x.apply(b.inner().getAsDouble());
        w.mark("rect", b.innerTitle(), "class", "bar inner", "x", Math.min(zero, in), "y",
            top + 7, "width", Math.max(0.5, Math.abs(in - zero)), "height", ROW - 14, "fill",
            SvgWriter.PRIMARY);
      }
      w.titledText(b.text(), b.title(), "x", Math.max(zero, end) + 4, "y", mid + 4, "fill",
          b.value().isPresent() ? SvgWriter.INK : SvgWriter.MUTED, "class",
          b.value().isPresent() ? "value" : "value undefined");
    }
    w.close("g");
    if (reference.isPresent()) {
      double at = x.apply(reference.getAsDouble());
      w.open("g", "class", "reference");
      w.mark("line", referenceLabel, "x1", at, "x2", at, "y1", plotTop - 4, "y2", plotBottom,
          "stroke", SvgWriter.BAD, "stroke-width", 1.5, "stroke-dasharray", "4 2");
      w.text("text", referenceLabel, "x", at, "y", plotTop - 8, "text-anchor", "middle", "fill",
          SvgWriter.BAD);
      w.close("g");
    }
    return w.finish();
  }

  /** Builds a {@link BarChart}. Not thread safe. */
  public static final class Builder {
    private final String id;
    private final String title;
    private String description = "";
    private int width = 560;
    private int labelWidth = 150;
    private TickFormat tickFormat = TickFormat.NUMBER;
    private final List<Bar> bars = new ArrayList<>();
    private OptionalDouble reference = OptionalDouble.empty();
    private String referenceLabel = "";
    private String outerName = "";
    private String innerName = "";

    private Builder(String id, String title) {
      this.id = checkNotNull(id, "id");
      this.title = checkNotNull(title, "title");
    }

    /**
     * Sets the accessible description (default empty).
     *
     * @param description what the chart shows
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder description(String description) {
      this.description = checkNotNull(description, "description");
      return this;
    }

    /**
     * Sets the width in pixels (default 560) and the part of it for the labels (default 150).
     *
     * @param width at least {@code labelWidth + 160}
     * @param labelWidth at least 40
     * @return this builder
     * @throws IllegalArgumentException if a width is too small
     */
    @CanIgnoreReturnValue
    public Builder width(int width, int labelWidth) {
      checkArgument(labelWidth >= 40, "label width must be >= 40: %s", labelWidth);
      checkArgument(
          width >= labelWidth + 160, "width must be >= label width + 160: %s", width);
      this.width = width;
      this.labelWidth = labelWidth;
      return this;
    }

    /**
     * Sets how tick labels are written (default {@link TickFormat#NUMBER}).
     *
     * @param format the format
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder tickFormat(TickFormat format) {
      this.tickFormat = checkNotNull(format, "format");
      return this;
    }

    /**
     * Adds a vertical reference line, such as 100% of quota.
     *
     * @param value where the line is, finite
     * @param label its text, also its {@code <title>}
     * @return this builder
     * @throws IllegalArgumentException if the value is not finite
     */
    @CanIgnoreReturnValue
    public Builder referenceLine(double value, String label) {
      checkArgument(Double.isFinite(value), "reference must be finite: %s", value);
      this.reference = OptionalDouble.of(value);
      this.referenceLabel = checkNotNull(label, "label");
      return this;
    }

    /**
     * Names the outer and inner bars in a legend (default: no legend).
     *
     * @param outer the outer bars' name, e.g. {@code "amount"}
     * @param inner the inner bars' name, e.g. {@code "weighted amount"}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder legend(String outer, String inner) {
      this.outerName = checkNotNull(outer, "outer");
      this.innerName = checkNotNull(inner, "inner");
      return this;
    }

    /**
     * Adds a bar below the ones added before.
     *
     * @param bar the bar
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder bar(Bar bar) {
      bars.add(checkNotNull(bar, "bar"));
      return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     */
    public BarChart build() {
      return new BarChart(this);
    }
  }
}
