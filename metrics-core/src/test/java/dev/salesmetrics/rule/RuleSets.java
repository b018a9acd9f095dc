package dev.salesmetrics.rule;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A rule set that exercises every option at once, and two-group weekly series for it. */
final class RuleSets {
  static final GroupKey R01 = GroupKey.of("rep", "R01");
  static final String[] TOKENS = {"0.05", "0.15", "0.19", "0.21", "0.25", "0.6", "-", "x"};

  private RuleSets() {}

  static List<Rule> everyOption() {
    return List.of(
        Rule.builder("levels")
            .metric("m", "M", MetricUnit.NUMBER)
            .per("rep")
            .below()
            .warning(0.2, 0.22)
            .critical(0.1)
            .forEvaluations(2)
            .keepFiringForEvaluations(2)
            .resolveVanishedAfter(2)
            .build(),
        Rule.builder("duration")
            .metric("m", "M", MetricUnit.NUMBER)
            .per("rep")
            .below()
            .warning(0.2)
            .forDuration(Duration.ofDays(10))
            .keepFiringFor(Duration.ofDays(8))
            .whenUndefined(UndefinedPolicy.RESOLVE)
            .build(),
        Rule.builder("previous")
            .metric("m", "M", MetricUnit.NUMBER)
            .per("rep")
            .againstPreviousPeriod()
            .below()
            .warning(-0.3)
            .whenUndefined(UndefinedPolicy.ALERT)
            .resolveVanishedAfter(3)
            .build(),
        Rule.builder("baseline")
            .metric("m", "M", MetricUnit.NUMBER)
            .per("rep")
            .againstBaseline(2)
            .above()
            .warning(0.5)
            .critical(1.5)
            .build(),
        Rule.builder("band")
            .metric("m", "M", MetricUnit.NUMBER)
            .per("rep")
            .outside()
            .warningBand(0.1, 0.3, 0.12, 0.28)
            .criticalBand(0.06, 0.5)
            .whenUndefined(UndefinedPolicy.ALERT)
            .build());
  }

  /**
   * Weekly evaluations for two reps: each code's low 3 bits pick R07's token, the next 3 bits
   * R01's, from {@link #TOKENS}.
   */
  static List<Evaluation> series(List<Integer> codes) {
    List<Evaluation> out = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      int code = codes.get(i);
      Instant start = Series.weekStart(i + 1);
      Evaluation.Builder b =
          Evaluation.builder(start.plus(Series.WEEK), start, start.plus(Series.WEEK))
              .label("w" + (i + 1));
      String a = TOKENS[code & 7];
      String c = TOKENS[(code >> 3) & 7];
      if (!a.equals("x")) {
        b.value("m", Series.REP, Series.parseValue(a));
      }
      if (!c.equals("x")) {
        b.value("m", R01, Series.parseValue(c));
      }
      out.add(b.build());
    }
    return out;
  }
}
