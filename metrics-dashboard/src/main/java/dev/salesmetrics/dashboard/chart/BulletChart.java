package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Bullet charts, one row per {@link BulletRow}, on one shared scale: a grey band up to the
 * target, a bar for the actual value (red when behind pace), a vertical tick at the target, a
 * dashed tick at the value expected by now and a hollow circle at the run-rate forecast.
 *
 * <p>Immutable and thread safe.
 */
public final class BulletChart {
  private static final double ROW = 26;
  private static final double TOP = 6;
  private static final double BOTTOM = 20;
  private static final double RIGHT = 150;

  private final String id;
  private final String title;
  private final String description;
  private final int width;
  private final int labelWidth;
  private final TickFormat tickFormat;
  private final ImmutableList<BulletRow> rows;

  private BulletChart(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.description = b.description;
    this.width = b.width;
    this.labelWidth = b.labelWidth;
    this.tickFormat = b.tickFormat;
    this.rows = ImmutableList.copyOf(b.rows);
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
   * Writes the chart.
   *
   * @return the {@code <svg>} element, ending in a line break
   */
  public String svg() {
    double height = TOP + BOTTOM + ROW * Math.max(1, rows.size());
    SvgWriter w = new SvgWriter(id, width, height, title, description);
    double min = 0;
    double max = 0;
    for (BulletRow r : rows) {
      min = Math.min(min, r.actual());
      max = Math.max(max, Math.max(r.actual(), r.target()));
      if (r.forecast().isPresent()) {
        max = Math.max(max, r.forecast().getAsDouble());
        min = Math.min(min, r.forecast().getAsDouble());
      }
    }
    double plotLeft = labelWidth;
    double plotRight = width - RIGHT;
    double plotBottom = height - BOTTOM;
    LinearScale x = LinearScale.nice(min, max, 6, plotLeft, plotRight);
    w.open("g", "class", "axis x");
    for (Tick t : x.ticks(6, tickFormat)) {
      w.empty("line", "x1", t.position(), "x2", t.position(), "y1", TOP, "y2", plotBottom,
          "stroke", SvgWriter.GRID);
      w.text("text", t.label(), "x", t.position(), "y", plotBottom + 14, "text-anchor", "middle",
          "fill", SvgWriter.MUTED);
    }
    w.close("g");
    double zero = x.apply(0);
    int maxChars = Math.max(4, (int) ((labelWidth - 8) / 6.5));
    for (int i = 0; i < rows.size(); i++) {
      BulletRow r = rows.get(i);
      double top = TOP + i * ROW;
      w.open("g", "class", r.behind() ? "bullet behind" : "bullet");
      w.titledText(SvgWriter.shorten(r.label(), maxChars), r.label(), "x", plotLeft - 6, "y",
          top + 17, "text-anchor", "end", "fill", SvgWriter.INK);
      double targetAt = x.apply(r.target());
      w.mark("rect", r.title(), "class", "band", "x", zero, "y", top + 3, "width",
          Math.max(0.5, targetAt - zero), "height", ROW - 6, "fill", SvgWriter.BAND);
      double actualAt = x.apply(r.actual());
      w.mark("rect", r.title(), "class", "bar", "x", Math.min(zero, actualAt), "y", top + 9,
          "width", Math.max(0.5, Math.abs(actualAt - zero)), "height", ROW - 18, "fill",
          r.behind() ? SvgWriter.BAD : SvgWriter.PRIMARY);
      if (r.expected().isPresent()) {
        double e = x.apply(r.expected().getAsDouble());
        w.mark("line", r.title(), "class", "expected", "x1", e, "x2", e, "y1", top + 5, "y2",
            top + ROW - 5, "stroke", SvgWriter.MUTED, "stroke-width", 1.5, "stroke-dasharray",
            "2 2");
      }
      w.mark("line", r.title(), "class", "target", "x1", targetAt, "x2", targetAt, "y1", top + 3,
          "y2", top + ROW - 3, "stroke", SvgWriter.INK, "stroke-width", 2.0);
      if (r.forecast().isPresent()) {
        double f = x.apply(r.forecast().getAsDouble());
        w.mark("circle", r.title(), "class", "forecast", "cx", f, "cy", top + ROW / 2, "r", 3.5,
            "fill", "#ffffff", "stroke", r.behind() ? SvgWriter.BAD : SvgWriter.GOOD,
            "stroke-width", 1.5);
      }
      w.titledText(r.text(), r.title(), "x", plotRight + 8, "y", top + 17, "fill",
          r.behind() ? SvgWriter.BAD : SvgWriter.INK);
      w.close("g");
    }
    return w.finish();
  }

  /** Builds a {@link BulletChart}. Not thread safe. */
  public static final class Builder {
    private final String id;
    private final String title;
    private String description = "";
    private int width = 560;
    private int labelWidth = 150;
    private TickFormat tickFormat = TickFormat.COMPACT;
    private final List<BulletRow> rows = new ArrayList<>();

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
     * @param width at least {@code labelWidth + 200}
     * @param labelWidth at least 40
     * @return this builder
     * @throws IllegalArgumentException if a width is too small
     */
    @CanIgnoreReturnValue
    public Builder width(int width, int labelWidth) {
      checkArgument(labelWidth >= 40, "label width must be >= 40: %s", labelWidth);
      checkArgument(width >= labelWidth + 200, "width must be >= label width + 200: %s", width);
      this.width = width;
      this.labelWidth = labelWidth;
      return this;
    }

    /**
     * Sets how tick labels are written (default {@link TickFormat#COMPACT}).
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
     * Adds a row below the ones added before.
     *
     * @param row the row
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder row(BulletRow row) {
      rows.add(checkNotNull(row, "row"));
      return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     */
    public BulletChart build() {
      return new BulletChart(this);
    }
  }
}
