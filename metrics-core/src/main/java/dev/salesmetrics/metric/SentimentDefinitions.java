package dev.salesmetrics.metric;

import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;

/** The sentiment metrics of the catalogue: NPS and CSAT. */
final class SentimentDefinitions {
  private SentimentDefinitions() {}

  static Metric<SurveyResponse, Score> nps() {
    return Metric.builder("nps", SurveyResponse.class)
        .description(
            "(promoters 9-10 - detractors 0-6) / answers x 100 over NPS answers in the period")
        .unit(MetricUnit.SCORE)
        .placedAt("responded_at", SurveyResponse::respondedAt)
        .accumulate(
            window -> new long[3],
            (s, r, window) -> {
              if (r.scale() == SurveyScale.NPS && window.contains(r.respondedAt())) {
                s[0] += r.score() >= 9 ? 1 : 0;
                s[1] += r.score() <= 6 ? 1 : 0;
                s[2]++;
              }
            },
            Counters::addInto,
            s ->
                s[2] == 0
                    ? Score.empty()
                    : Score.of(100.0 * (double) (s[0] - s[1]) / (double) s[2], s[2]));
  }

  static Metric<SurveyResponse, Ratio> csat() {
    return Metric.builder("csat", SurveyResponse.class)
        .description("CSAT answers of 4 or 5 / CSAT answers in the period")
        .unit(MetricUnit.RATIO)
        .placedAt("responded_at", SurveyResponse::respondedAt)
        .accumulate(
            window -> new long[2],
            (s, r, window) -> {
              if (r.scale() == SurveyScale.CSAT && window.contains(r.respondedAt())) {
                s[0] += r.score() >= 4 ? 1 : 0;
                s[1]++;
              }
            },
            Counters::addInto,
            Counters::ratio);
  }
}
