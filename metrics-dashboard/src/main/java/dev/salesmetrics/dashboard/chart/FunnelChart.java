package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A funnel: one centred bar per stage, its width proportional to the stage's count, with the
 * count beside it and, from the second stage on, the conversion from the stage before.
 *
 * <pre>{@code
 * String svg = FunnelChart.builder("funnel", "Deal funnel, 2025")
 *     .stage("lead", 1000, "1,000", "lead: 1,000 deals")
 *     .stage("qualified", 620, "620", "qualified: 620 of 1,000 deals (62.0%)")
 *     .step("62.0%", "lead → qualified: 62.0% (620/1000)")
 *     .build()
 *     .svg();
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class FunnelChart {
  private static final double ROW = 28;
  private static final double TOP = 8;
  private static final double LABEL = 110;
  private static final double RIGHT = 150;

  /** A stage of the funnel. */
  private record Stage(String label, long count, String text, String title) {}

  /** The conversion into a stage from the one before. */
  private record Step(String text, String title) {}

  private final String id;
  private final String title;
  private final String description;
  private final int width;
  private final ImmutableList<Stage> stages;
  private final ImmutableList<Step> steps;

  private FunnelChart(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.description = b.description;
    this.width = b.width;
    this.stages = ImmutableList.copyOf(b.stages);
    this.steps = ImmutableList.copyOf(b.steps);
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
    double height = TOP * 2 + ROW * Math.max(1, stages.size());
    SvgWriter w = new SvgWriter(id, width, height, title, description);
    long max = 0;
    for (Stage s : stages) {
      max = Math.max(max, s.count());
    }
    double left = LABEL;
    double right = width - RIGHT;
    double centre = (left + right) / 2;
    double full = right - left;
    w.open("g", "class", "funnel");
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      double top = TOP + i * ROW;
      double barWidth = max == 0 ? 0 : Math.max(1.0, full * s.count() / max);
      w.text("text", SvgWriter.shorten(s.label(), 16), "x", left - 8, "y", top + 18, "text-anchor",
          "end", "fill", SvgWriter.INK);
      w.mark("rect", s.title(), "class", "stage", "x", centre - barWidth / 2, "y", top + 3,
          "width", barWidth, "height", ROW - 6, "fill", i == stages.size() - 1
              ? SvgWriter.GOOD : SvgWriter.PRIMARY, "fill-opacity", 1.0 - 0.1 * Math.min(i, 5));
      w.titledText(s.text(), s.title(), "x", right + 8, "y", top + 18, "fill", SvgWriter.INK);
      if (i > 0) {
        Step step = steps.get(i - 1);
        w.titledText("↳ " + step.text(), step.title(), "x", right + 70, "y", top + 18, "fill",
            SvgWriter.MUTED, "class", "step");
      }
    }
    w.close("g");
    return w.finish();
  }

  /** Builds a {@link FunnelChart}. Not thread safe. */
  public static final class Builder {
    private final String id;
    private final String title;
    private String description = "";
    private int width = 560;
    private final List<Stage> stages = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

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
     * Sets the width in pixels (default 560).
     *
     * @param width at least 360
     * @return this builder
     * @throws IllegalArgumentException if the width is too small
     */
    @CanIgnoreReturnValue
    public Builder width(int width) {
      checkArgument(width >= 360, "width must be >= 360: %s", width);
      this.width = width;
      return this;
    }

    /**
     * Adds the next stage.
     *
     * @param label the stage's name
     * @param count how many entered it, {@code >= 0}
     * @param text the count as written beside the bar
     * @param title the exact figure for the bar's {@code <title>}
     * @return this builder
     * @throws IllegalArgumentException if the count is negative
     */
    @CanIgnoreReturnValue
    public Builder stage(String label, long count, String text, String title) {
      checkArgument(count >= 0, "count must be >= 0: %s", count);
      stages.add(
          new Stage(
              checkNotNull(label, "label"),
              count,
              checkNotNull(text, "text"),
              checkNotNull(title, "title")));
      return this;
    }

    /**
     * Adds the conversion into the latest stage from the one before; call once after each stage
     * but the first.
     *
     * @param text the conversion as written, e.g. {@code "62.0%"}
     * @param title the exact figure, e.g. {@code "lead → qualified: 62.0% (620/1000)"}
     * @return this builder
     * @throws IllegalStateException if the latest stage already has its step, or is the first
     */
    @CanIgnoreReturnValue
    public Builder step(String text, String title) {
      checkState(
          stages.size() >= 2 && steps.size() == stages.size() - 2,
          "a step follows each stage but the first");
      steps.add(new Step(checkNotNull(text, "text"), checkNotNull(title, "title")));
      return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     * @throws IllegalStateException if a stage after the first has no step
     */
    public FunnelChart build() {
      checkState(
          steps.size() == Math.max(0, stages.size() - 1),
          "every stage but the first needs its step: %s stages, %s steps",
          stages.size(),
          steps.size());
      return new FunnelChart(this);
    }
  }
}
