package dev.salesmetrics.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartsTest {
  private static final String NAME = "<script>alert(1)</script>";

  private static Instant month(int m) {
    return LocalDate.of(2025, m, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Jan..Jun 2025 with March undefined. */
  private static TimeSeries series(String name, double scale) {
    List<TimePoint> points = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      OptionalDouble v = m == 3 ? OptionalDouble.empty() : OptionalDouble.of(m * scale);
      points.add(new TimePoint(month(m), month(m + 1), v, "2025-0" + m + ": " + v));
    }
    return TimeSeries.of(name, points);
  }

  private static String timeChart() {
    return TimeChart.builder("chart-t", "Won amount per month")
        .description("Six months, March undefined.")
        .tickFormat(TickFormat.COMPACT)
        .bars(series(NAME, 1000))
        .dottedLine(series("a year earlier", 800))
        .build()
        .svg();
  }

  @Test
  void timeChartHasAMarkWithItsExactValuePerDefinedPointAndBreaksLinesAtGaps() {
    Document doc = Svg.parse(timeChart());
    Svg.assertAccessible(doc, "Won amount per month");
    List<Element> bars = Svg.byClass(doc, "bar");
    List<Element> points = Svg.byClass(doc, "point");
    assertThat(bars).hasSize(5);
    assertThat(points).hasSize(5);
    assertThat(bars).allSatisfy(b -> assertThat(Svg.titleOf(b)).startsWith("2025-0"));
    assertThat(Svg.titleOf(bars.get(0))).isEqualTo("2025-01: OptionalDouble[1000.0]");
    // the dotted line is two paths: Jan-Feb and Apr-Jun
    List<Element> dotted = Svg.byClass(doc, "dotted");
    assertThat(dotted.get(0).getElementsByTagName("path").getLength()).isEqualTo(2);
    // the legend names the series as given, escaped in the source and intact once parsed
    assertThat(doc.getDocumentElement().getTextContent()).contains(NAME);
    assertThat(timeChart()).doesNotContain("<script").contains("&lt;script&gt;");
    // y ticks are nice: 0 .. 6k in steps of 2k
    assertThat(timeChart()).contains(">6k</text>", ">4k</text>", ">2k</text>");
  }

  @Test
  void sameDataSameBytes() {
    assertThat(timeChart()).isEqualTo(timeChart());
  }

  @Test
  void barChartDrawsNoBarForAnUndefinedValueAndTheReferenceLine() {
    String svg =
        BarChart.builder("chart-b", "Quota attainment")
            .description("Two reps.")
            .tickFormat(TickFormat.PERCENT)
            .referenceLine(1.0, "100% of quota")
            .bar(Bar.of(NAME, OptionalDouble.of(1.25), "125.0%", NAME + ": 125.0% (5/4)"))
            .bar(Bar.of("R2", OptionalDouble.empty(), "—", "R2: undefined: no quota"))
            .bar(new Bar("R3", OptionalDouble.of(0.5), "50.0%", "R3: 50.0%",
                OptionalDouble.of(0.25), "R3 weighted: 25.0%"))
            .build()
            .svg();
    Document doc = Svg.parse(svg);
    Svg.assertAccessible(doc, "Quota attainment");
    List<Element> bars = Svg.byClass(doc, "bar");
    assertThat(bars).hasSize(3); // R1, R3 and R3's inner bar
    assertThat(bars).allSatisfy(b -> assertThat(Svg.titleOf(b)).isNotBlank());
    assertThat(Svg.titleOf(bars.get(0))).isEqualTo(NAME + ": 125.0% (5/4)");
    List<Element> undefined = Svg.byClass(doc, "undefined");
    assertThat(undefined).hasSize(1);
    assertThat(Svg.titleOf(undefined.get(0))).isEqualTo("R2: undefined: no quota");
    assertThat(undefined.get(0).getTextContent()).endsWith("—");
    assertThat(Svg.titleOf(Svg.byClass(doc, "reference").get(0).getElementsByTagName("line")
        .item(0) instanceof Element e ? e : null)).isEqualTo("100% of quota");
    assertThat(svg).contains(">100%</text>", ">0%</text>").doesNotContain("<script");
  }

  @Test
  void funnelHasAStagePerStepAndNeedsEveryStep() {
    String svg =
        FunnelChart.builder("chart-f", "Funnel")
            .description("Three stages.")
            .stage("lead", 10, "10", "lead: 10")
            .stage("qualified", 6, "6", "qualified: 6 of 10")
            .step("60.0%", "lead → qualified: 60.0% (6/10)")
            .stage("won", 3, "3", "won: 3 of 10")
            .step("50.0%", "qualified → won: 50.0% (3/6)")
            .build()
            .svg();
    Document doc = Svg.parse(svg);
    Svg.assertAccessible(doc, "Funnel");
    List<Element> stages = Svg.byClass(doc, "stage");
    assertThat(stages).hasSize(3);
    // the widest bar spans 560 - 110 (labels) - 150 (figures) pixels
    assertThat(stages.get(0).getAttribute("width")).isEqualTo("300");
    assertThat(stages.get(1).getAttribute("width")).isEqualTo("180"); // 300 x 6/10
    assertThat(Svg.byClass(doc, "step")).extracting(Svg::titleOf)
        .containsExactly("lead → qualified: 60.0% (6/10)", "qualified → won: 50.0% (3/6)");
    assertThatThrownBy(
            () -> FunnelChart.builder("f", "F").stage("a", 1, "1", "a").stage("b", 1, "1", "b")
                .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("every stage but the first needs its step: 2 stages, 0 steps");
    assertThatThrownBy(() -> FunnelChart.builder("f", "F").stage("a", 1, "1", "a").step("x", "y"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a step follows each stage but the first");
  }

  @Test
  void bulletChartMarksActualTargetExpectedAndForecast() {
    String svg =
        BulletChart.builder("chart-g", "Goals")
            .description("One rep.")
            .row(new BulletRow(NAME, 5000, 10000, OptionalDouble.of(4838.71),
                OptionalDouble.of(10333.33), false, "50.0% · on track", NAME + ": on track"))
            .row(new BulletRow("R2", 0, 5000, OptionalDouble.of(2419.35), OptionalDouble.of(0),
                true, "0.0% · behind", "R2: behind"))
            .build()
            .svg();
    Document doc = Svg.parse(svg);
    Svg.assertAccessible(doc, "Goals");
    for (String cls : List.of("band", "bar", "expected", "target", "forecast")) {
      List<Element> marks = Svg.byClass(doc, cls);
      assertThat(marks).as(cls).hasSize(2);
      assertThat(Svg.titleOf(marks.get(0))).isEqualTo(NAME + ": on track");
      assertThat(Svg.titleOf(marks.get(1))).isEqualTo("R2: behind");
    }
    assertThat(Svg.byClass(doc, "behind")).hasSize(1);
    assertThatThrownBy(
            () -> new BulletRow("x", 1, 0, OptionalDouble.empty(), OptionalDouble.empty(), false,
                "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must be > 0: 0.0");
  }

  @Test
  void chartsWithoutDataStillHaveTitleAndDescription() {
    Document doc =
        Svg.parse(TimeChart.builder("chart-e", "Empty").description("Nothing.").build().svg());
    Svg.assertAccessible(doc, "Empty");
    assertThat(doc.getDocumentElement().getTextContent()).contains("no data");
  }
}
