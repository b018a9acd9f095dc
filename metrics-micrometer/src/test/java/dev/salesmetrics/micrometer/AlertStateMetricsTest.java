package dev.salesmetrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Score;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Evaluation;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleEngine;
import dev.salesmetrics.rule.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link AlertStateMetrics}: one gauge row per rule and group, 0 to 3. */
class AlertStateMetricsTest {
  private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
  private static final GroupKey R1 = GroupKey.of("rep", "R1");
  private static final GroupKey R2 = GroupKey.of("rep", "R2");

  private static final Rule COVERAGE =
      Rule.builder("coverage")
          .metric("pipeline_coverage", "Pipeline coverage", MetricUnit.NUMBER)
          .per("rep")
          .below()
          .warning(3.0)
          .critical(2.0)
          .forEvaluations(2)
          .build();

  private int day;
  private final List<AlertEvent> transitions = new ArrayList<>();

  private void eval(RuleEngine engine, Map<GroupKey, Double> values) {
    transitions.addAll(engine.evaluate(next(values)));
  }

  private Evaluation next(Map<GroupKey, Double> values) {
    Instant start = T0.plus(Duration.ofDays(day++));
    Evaluation.Builder b = Evaluation.builder(start.plus(Duration.ofDays(1)), start,
        start.plus(Duration.ofDays(1)));
    values.forEach((g, v) -> b.value("pipeline_coverage", g, Score.of(v, 10)));
    return b.build();
  }

  private static double state(SimpleMeterRegistry registry, String group) {
    Gauge g = registry.find("salesmetrics.alert.state").tags("rule", "coverage", "group", group)
        .gauge();
    return g == null ? -1 : g.value();
  }

  @Test
  void statesGoFromPendingToWarningToCriticalToResolvedAndVanish() {
    AlertStateMetrics states = AlertStateMetrics.builder().build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    states.bindTo(registry);
    RuleEngine engine = RuleEngine.builder().rule(COVERAGE).listener(states).build();
    List<String> seen = new ArrayList<>();

    eval(engine, Map.of(R1, 2.5, R2, 5.0));
    seen.add(state(registry, "rep=R1") + " " + state(registry, "rep=R2"));
    eval(engine, Map.of(R1, 2.5, R2, 5.0));
    seen.add(state(registry, "rep=R1") + " " + state(registry, "rep=R2"));
    eval(engine, Map.of(R1, 1.5, R2, 5.0));
    seen.add(state(registry, "rep=R1") + " " + state(registry, "rep=R2"));
    eval(engine, Map.of(R1, 4.0, R2, 2.5));
    seen.add(state(registry, "rep=R1") + " " + state(registry, "rep=R2"));
    eval(engine, Map.of(R1, 4.0));
    seen.add(state(registry, "rep=R1") + " " + state(registry, "rep=R2"));

    // -1: no row. R2 pends once, then vanishes: the engine forgets it, and so does the gauge
    assertThat(seen)
        .containsExactly("1.0 -1.0", "2.0 -1.0", "3.0 -1.0", "0.0 1.0", "0.0 -1.0");
    assertThat(transitions).hasSize(6);
    assertThat(registry.find("salesmetrics.alert.state").gauge().getId().getTag("metric"))
        .isEqualTo("pipeline_coverage");
  }

  @Test
  void bindingLaterShowsTheRowsAlreadyHeard() {
    AlertStateMetrics states = AlertStateMetrics.builder().build();
    RuleEngine engine = RuleEngine.builder().rule(COVERAGE).listener(states).build();
    eval(engine, Map.of(R1, 1.0));
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    states.bindTo(prometheus);

    assertThat(prometheus.scrape().lines())
        .contains(
            "salesmetrics_alert_state{group=\"rep=R1\",metric=\"pipeline_coverage\","
                + "rule=\"coverage\"} 1.0");
    assertThat(states.toString()).isEqualTo("AlertStateMetrics[salesmetrics.alert.state, 1 rows]");
  }

  @Test
  void overallGroupIsTaggedOverall() {
    Rule overall =
        Rule.builder("nps").metric("nps", "NPS", MetricUnit.SCORE).overall().below()
            .warning(0).build();
    AlertStateMetrics states = AlertStateMetrics.builder().build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    states.bindTo(registry);
    RuleEngine engine = RuleEngine.builder().rule(overall).listener(states).build();
    transitions.addAll(
        engine.evaluate(
            Evaluation.builder(T0.plus(Duration.ofDays(1)), T0, T0.plus(Duration.ofDays(1)))
                .value("nps", GroupKey.overall(), Score.of(-5, 40))
                .build()));
    assertThat(transitions).hasSize(1);
    assertThat(registry.find("salesmetrics.alert.state").tags("group", "overall").gauge().value())
        .isEqualTo(AlertStateMetrics.WARNING);
  }

  @Test
  void cardinalityGuardLimitsRowsPerRule() {
    RecordingLogger log = new RecordingLogger();
    AlertStateMetrics states =
        AlertStateMetrics.builder().maxGroupsPerRule(1).logger(log).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    states.bindTo(registry);
    RuleEngine engine = RuleEngine.builder().rule(COVERAGE).listener(states).build();
    eval(engine, Map.of(R1, 1.0, R2, 1.0));
    eval(engine, Map.of(R1, 1.0, R2, 1.0));

    assertThat(registry.find("salesmetrics.alert.state").gauges()).hasSize(1);
    assertThat(states.omittedGroups()).isEqualTo(2);
    assertThat(log.lines()).hasSize(1);
    assertThatThrownBy(() -> AlertStateMetrics.builder().maxGroupsPerRule(0))
        .hasMessage("max groups per rule must be >= 1: 0");
  }

  /** A state restored without a transition shows at once, unless a transition was heard. */
  @Test
  void restoredStatesShowUntilTheirNextTransition() {
    AlertStateMetrics states = AlertStateMetrics.builder().build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    states.bindTo(registry);
    states.restore("coverage", "pipeline_coverage", R1, AlertState.FIRING,
        Optional.of(Severity.CRITICAL));
    states.restore("coverage", "pipeline_coverage", R2, AlertState.PENDING, Optional.empty());
    states.restore("coverage", "pipeline_coverage", GroupKey.of("rep", "R3"),
        AlertState.RESOLVED, Optional.of(Severity.WARNING));
    assertThat(state(registry, "rep=R1")).isEqualTo(AlertStateMetrics.CRITICAL);
    assertThat(state(registry, "rep=R2")).isEqualTo(AlertStateMetrics.PENDING);
    assertThat(state(registry, "rep=R3")).isEqualTo(-1); // resolved: no row
    // a transition heard replaces the restored state, and a later restore does not undo it
    RuleEngine engine = RuleEngine.builder().rule(COVERAGE).listener(states).build();
    eval(engine, Map.of(R1, 1.5));
    assertThat(transitions).singleElement().satisfies(e -> assertThat(e.to())
        .isEqualTo(AlertState.PENDING));
    assertThat(state(registry, "rep=R1")).isEqualTo(AlertStateMetrics.PENDING);
    states.restore("coverage", "pipeline_coverage", R1, AlertState.FIRING,
        Optional.of(Severity.CRITICAL));
    assertThat(state(registry, "rep=R1")).isEqualTo(AlertStateMetrics.PENDING);
  }
}
