package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of the "Sentiment" section of docs/METRICS.md, and the edges. */
class SentimentMetricsTest {
  private static final Window IN_MARCH =
      Window.of(Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC));

  private static SurveyResponse nps(int score, String at) {
    return new SurveyResponse("K" + score, Instant.parse(at), score, SurveyScale.NPS);
  }

  private static SurveyResponse csat(int score, String at) {
    return new SurveyResponse("K" + score, Instant.parse(at), score, SurveyScale.CSAT);
  }

  static final List<SurveyResponse> ANSWERS =
      List.of(
          nps(10, "2024-03-01T00:00:00Z"),
          nps(9, "2024-03-05T00:00:00Z"),
          nps(9, "2024-03-06T00:00:00Z"),
          nps(7, "2024-03-07T00:00:00Z"),
          nps(3, "2024-03-31T23:59:59Z"),
          nps(0, "2024-04-01T00:00:00Z"),
          csat(5, "2024-03-02T00:00:00Z"),
          csat(4, "2024-03-03T00:00:00Z"),
          csat(3, "2024-03-04T00:00:00Z"),
          csat(1, "2024-03-05T00:00:00Z"),
          csat(5, "2024-02-29T23:59:59Z"));

  @Test
  void npsWorkedExample() {
    Score s = Metrics.NPS.compute(ANSWERS, IN_MARCH).value();
    // promoters 3, passives 1, detractors 1: (3 − 1) / 5 × 100
    assertThat(s).isEqualTo(Score.of(40, 5));
    assertThat(s.toString()).isEqualTo("40");
  }

  @Test
  void npsEdges() {
    assertThat(Metrics.NPS.compute(List.of(), IN_MARCH).value()).isEqualTo(Score.empty());
    assertThat(Metrics.NPS.compute(List.of(csat(5, "2024-03-02T00:00:00Z")), IN_MARCH).value())
        .isEqualTo(Score.empty());
    assertThat(Metrics.NPS.compute(List.of(nps(0, "2024-03-02T00:00:00Z")), IN_MARCH).value())
        .isEqualTo(Score.of(-100, 1));
    assertThat(Metrics.NPS.compute(List.of(nps(9, "2024-03-02T00:00:00Z")), IN_MARCH).value())
        .isEqualTo(Score.of(100, 1));
    assertThat(Metrics.NPS.compute(List.of(nps(8, "2024-03-02T00:00:00Z")), IN_MARCH).value())
        .isEqualTo(Score.of(0, 1));
    assertThat(Metrics.NPS.compute(ANSWERS).value()).isEqualTo(Score.of(100.0 * (3 - 2) / 6, 6));
  }

  @Test
  void csatWorkedExample() {
    Ratio r = Metrics.CSAT.compute(ANSWERS, IN_MARCH).value();
    assertThat(r).isEqualTo(Ratio.of(2, 4));
    assertThat(r.toString()).isEqualTo("50.0% (2/4)");
    assertThat(Metrics.CSAT.compute(List.of(nps(10, "2024-03-02T00:00:00Z")), IN_MARCH).value())
        .isEqualTo(Ratio.empty());
  }

  @Test
  void placedByLocalPeriodAcrossDaylightSavingAndAsOf() {
    ZoneId ny = ZoneId.of("America/New_York");
    Window march = Window.of(Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ny));
    List<SurveyResponse> answers =
        List.of(
            csat(5, "2024-03-01T04:59:59Z"),
            csat(4, "2024-03-01T05:00:00Z"),
            csat(1, "2024-03-10T07:00:00Z"),
            csat(2, "2024-04-01T03:59:59Z"),
            csat(5, "2024-04-01T04:00:00Z"));
    assertThat(Metrics.CSAT.compute(answers, march).value()).isEqualTo(Ratio.of(1, 3));
    assertThat(
            Metrics.CSAT
                .compute(answers, march.asOf(Instant.parse("2024-03-10T07:00:00Z")))
                .value())
        .isEqualTo(Ratio.of(1, 2));
  }
}
