package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart of values over time: bar series (one bar per period, spanning it) and line series
 * (a point in the middle of each period), solid or dotted, on a {@link TimeScale} x axis and a
 * {@link LinearScale} y axis that always includes 0. An undefined value draws no mark and breaks
 * its line.
 *
 * <pre>{@code
 * String svg = TimeChart.builder("sales", "Sales volume per month")
 *     .description("Won amount per month, 2025, with 2024 dotted")
 *     .tickFormat(TickFormat.COMPACT)
 *     .bars(thisYear)
 *     .dottedLine(previousYear)
 *     .build()
 *     .svg();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class TimeChart {
  private static final double LEFT = 56;
  private static final double RIGHT = 14;
  private static final double TOP = 26;
  private static final double BOTTOM = 24;

  /** How a series is drawn. */
  private enum Style {
    BARS,
    LINE,
    DOTTED
  }

  private record Layer(TimeSeries series, Style style) {}

  private final String id;
  private final String title;
  private final String description;
  private final int width;
  private final int height;
  private final ZoneId zone;
  private final TickFormat tickFormat;
  private final ImmutableList<Layer> layers;

  private TimeChart(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.description = b.description;
    this.width = b.width;
    this.height = b.height;
    this.zone = b.zone;
    this.tickFormat = b.tickFormat;
    this.layers = ImmutableList.copyOf(b.layers);
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
    SvgWriter w = new SvgWriter(id, width, height, title, description);
    double plotLeft = LEFT;
    double plotRight = width - RIGHT;
    double plotTop = TOP;
    double plotBottom = height - BOTTOM;
    Instant first = null;
    Instant last = null;
    double min = 0;
    double max = 0;
    for (Layer layer : layers) {
      for (TimePoint p : layer.series().points()) {
        first = first == null || p.start().isBefore(first) ? p.start() : first;
        last = last == null || p.end().isAfter(last) ? p.end() : last;
        if (p.value().isPresent()) {
          min = Math.min(min, p.value().getAsDouble());
          max = Math.max(max, p.value().getAsDouble());
        }
      }
    }
    legend(w);
    if (first == null || last == null) {
      w.text("text", "no data", "x", (plotLeft + plotRight) / 2, "y", (plotTop + plotBottom) / 2,
          "text-anchor", "middle", "fill", SvgWriter.MUTED);
      return w.finish();
    }
    LinearScale y = LinearScale.nice(min, max, 5, plotBottom, plotTop);
    TimeScale x = TimeScale.of(first, last, zone, plotLeft, plotRight);
    w.open("g", "class", "axis y");
    for (Tick t : y.ticks(5, tickFormat)) {
      w.empty("line", "x1", plotLeft, "x2", plotRight, "y1", t.position(), "y2", t.position(),
          "stroke", t.value().signum() == 0 ? SvgWriter.MUTED : SvgWriter.GRID);
      w.text("text", t.label(), "x", plotLeft - 6, "y", t.position() + 4.0, "text-anchor", "end",
          "fill", SvgWriter.MUTED);
    }
    w.close("g");
    w.open("g", "class", "axis x");
    int maxTicks = Math.max(2, (int) ((plotRight - plotLeft) / 64));
    for (TimeTick t : x.ticks(maxTicks)) {
      w.empty("line", "x1", t.position(), "x2", t.position(), "y1", plotBottom, "y2",
          plotBottom + 4.0, "stroke", SvgWriter.MUTED);
      // a label at the right end would be cut: it ends at its tick instead
      w.text("text", t.label(), "x", t.position(), "y", plotBottom + 16.0, "text-anchor",
          t.position() > plotRight - 24 ? "end" : "middle", "fill", SvgWriter.MUTED);
    }
    w.close("g");
    int index = 0;
    for (Layer layer : layers) {
      String colour = colour(layer, index++);
      if (layer.style() == Style.BARS) {
        bars(w, layer.series(), x, y, colour);
      } else {
        line(w, layer, x, y, colour);
      }
    }
    return w.finish();
  }

  private static String colour(Layer layer, int index) {
    return switch (layer.style()) {
      case BARS -> index == 0 ? SvgWriter.SECONDARY : SvgWriter.PRIMARY;
      case LINE -> SvgWriter.PRIMARY;
      case DOTTED -> SvgWriter.PREVIOUS;
    };
  }

  private void legend(SvgWriter w) {
    double at = LEFT;
    int index = 0;
    w.open("g", "class", "legend");
    for (Layer layer : layers) {
      String colour = colour(layer, index++);
      if (layer.style() == Style.BARS) {
        w.empty("rect", "x", at, "y", 8.0, "width", 12.0, "height", 10.0, "fill", colour);
      } else {
        w.empty("line", "x1", at, "x2", at + 12.0, "y1", 13.0, "y2", 13.0, "stroke", colour,
            "stroke-width", 2.0, "stroke-dasharray",
            layer.style() == Style.DOTTED ? "2 3" : "none");
      }
      String name = layer.series().name();
      w.text("text", name, "x", at + 16.0, "y", 17.0, "fill", SvgWriter.INK);
      at += 16 + 7 * name.length() + 18;
    }
    w.close("g");
  }

  private static void bars(
      SvgWriter w, TimeSeries series, TimeScale x, LinearScale y, String colour) {
    w.open("g", "class", "bars", "fill", colour);
    double zero = y.apply(0);
    for (TimePoint p : series.points()) {
      if (p.value().isEmpty()) {
        continue;
      }
      double x0 = x.apply(p.start());
      double x1 = x.apply(p.end());
      double gap = (x1 - x0) * 0.15;
      double top = y.apply(p.value().getAsDouble());
      w.mark("rect", p.title(), "class", "bar", "x", x0 + gap, "y", Math.min(top, zero),
          "width", Math.max(0.5, x1 - x0 - 2 * gap), "height", Math.abs(zero - top));
    }
    w.close("g");
  }

  private static void line(SvgWriter w, Layer layer, TimeScale x, LinearScale y, String colour) {
    List<double[]> segment = new ArrayList<>();
    List<List<double[]>> segments = new ArrayList<>();
    for (TimePoint p : layer.series().points()) {
      if (p.value().isEmpty()) {
        if (!segment.isEmpty()) {
          segments.add(segment);
          segment = new ArrayList<>();
        }
        continue;
      }
      segment.add(new double[] {mid(x, p), y.apply(p.value().getAsDouble())});
    }
    if (!segment.isEmpty()) {
      segments.add(segment);
    }
    boolean dotted = layer.style() == Style.DOTTED;
    w.open("g", "class", dotted ? "line dotted" : "line");
    for (List<double[]> s : segments) {
      StringBuilder d = new StringBuilder();
      for (double[] pt : s) {
        d.append(d.length() == 0 ? "M" : " L").append(Markup.number(pt[0])).append(' ')
            .append(Markup.number(pt[1]));
      }
      w.empty("path", "d", d.toString(), "fill", "none", "stroke", colour, "stroke-width", 2.0,
          "stroke-dasharray", dotted ? "2 3" : "none");
    }
    for (TimePoint p : layer.series().points()) {
      if (p.value().isPresent()) {
        w.mark("circle", p.title(), "class", "point", "cx", mid(x, p), "cy",
            y.apply(p.value().getAsDouble()), "r", dotted ? 2.0 : 3.0, "fill",
            dotted ? "#ffffff" : colour, "stroke", colour);
      }
    }
    w.close("g");
  }

  private static double mid(TimeScale x, TimePoint p) {
    return (x.apply(p.start()) + x.apply(p.end())) / 2;
  }

  /** Builds a {@link TimeChart}. Not thread safe. */
  public static final class Builder {
    private final String id;
    private final String title;
    private String description = "";
    private int width = 560;
    private int height = 220;
    private ZoneId zone = ZoneOffset.UTC;
    private TickFormat tickFormat = TickFormat.NUMBER;
    private final List<Layer> layers = new ArrayList<>();

    private Builder(String id, String title) {
      this.id = checkNotNull(id, "id");
      this.title = checkNotNull(title, "title");
    }

    /**
     * Sets the accessible description (default empty).
     *
     * @param description what the chart shows, in a sentence or two
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder description(String description) {
      this.description = checkNotNull(description, "description");
      return this;
    }

    /**
     * Sets the size in pixels (default 560 × 220).
     *
     * @param width at least 160
     * @param height at least 100
     * @return this builder
     * @throws IllegalArgumentException if a size is too small
     */
    @CanIgnoreReturnValue
    public Builder size(int width, int height) {
      checkArgument(width >= 160, "width must be >= 160: %s", width);
      checkArgument(height >= 100, "height must be >= 100: %s", height);
      this.width = width;
      this.height = height;
      return this;
    }

    /**
     * Sets the zone in which the x axis's calendar ticks are read (default UTC).
     *
     * @param zone the zone
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder zone(ZoneId zone) {
      this.zone = checkNotNull(zone, "zone");
      return this;
    }

    /**
     * Sets how y tick labels are written (default {@link TickFormat#NUMBER}).
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
     * Adds a bar series, drawn in the order added (add bars before lines).
     *
     * @param series the series
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder bars(TimeSeries series) {
      layers.add(new Layer(checkNotNull(series, "series"), Style.BARS));
      return this;
    }

    /**
     * Adds a solid line series.
     *
     * @param series the series
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder line(TimeSeries series) {
      layers.add(new Layer(checkNotNull(series, "series"), Style.LINE));
      return this;
    }

    /**
     * Adds a dotted line series, such as the same periods a year earlier.
     *
     * @param series the series
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder dottedLine(TimeSeries series) {
      layers.add(new Layer(checkNotNull(series, "series"), Style.DOTTED));
      return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     */
    public TimeChart build() {
      return new TimeChart(this);
    }
  }
}
