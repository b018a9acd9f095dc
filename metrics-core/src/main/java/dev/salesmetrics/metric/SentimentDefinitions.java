package dev.salesmetrics.metric;

import dev.salesmetrics.model.SurveyResponse;
import java.util.List;

/** The sentiment metrics of the catalogue: NPS and CSAT. */
final class SentimentDefinitions {
  private SentimentDefinitions() {}

  static Metric<SurveyResponse, Score> nps() {
    return Metric.builder("nps", SurveyResponse.class)
        .description(
            "(promoters 9-10 - detractors 0-6) / answers x 100 over NPS answers in the period")
        .displayName("NPS")
        .unit(MetricUnit.SCORE)
        .placedAt("responded_at", SurveyResponse::respondedAt)
        .kernel(
            Kernel.of(
                ResponseRow.class,
                List.of(SlotKind.SUM, SlotKind.SUM, SlotKind.SUM), // promoters, detractors, all
                (r, s, window) -> {
                  boolean nps = r.nps();
                  int score = r.score();
                  s.countIf(0, nps && score >= 9);
                  s.countIf(1, nps && score <= 6);
                  s.countIf(2, nps);
                },
                s ->
                    s.get(2) == 0
                        ? Score.empty()
                        : Score.of(
                            100.0 * (double) (s.get(0) - s.get(1)) / (double) s.get(2),
                            s.get(2))));
  }

  static Metric<SurveyResponse, Ratio> csat() {
    return Metric.builder("csat", SurveyResponse.class)
        .description("CSAT answers of 4 or 5 / CSAT answers in the period")
        .displayName("CSAT")
        .unit(MetricUnit.RATIO)
        .placedAt("responded_at", SurveyResponse::respondedAt)
        .kernel(
            Kernel.of(
                ResponseRow.class,
                List.of(SlotKind.SUM, SlotKind.SUM), // satisfied, answers
                (r, s, window) -> {
                  boolean csat = r.csat();
                  s.countIf(0, csat && r.score() >= 4);
                  s.countIf(1, csat);
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }
}
