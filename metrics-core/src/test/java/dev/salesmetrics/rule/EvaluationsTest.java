package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From records through a grouped query to alert transitions. */
class EvaluationsTest {
  private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

  /** Rep R07 wins 9 of 10 deals in week 1, then 2 of 10 in weeks 2 and 3; R01 wins half. */
  private static List<Deal> deals() {
    List<Deal> deals = new ArrayList<>();
    int[] r07Wins = {9, 2, 2};
    for (int week = 0; week < 3; week++) {
      Instant closed = MONDAY.plusWeeks(week).plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant created = closed.minusSeconds(86_400L * 20);
      for (int i = 0; i < 10; i++) {
        Deal.Builder r07 = Deal.builder("R07-" + week + "-" + i, "R07", Money.of("100", "USD"),
            created);
        deals.add((i < r07Wins[week] ? r07.won(closed) : r07.lost(closed)).build());
        Deal.Builder r01 = Deal.builder("R01-" + week + "-" + i, "R01", Money.of("100", "USD"),
            created);
        deals.add((i % 2 == 0 ? r01.won(closed) : r01.lost(closed)).build());
      }
    }
    return deals;
  }

  @Test
  void replayOverAWeeklyTableFiresForTheRepThatCollapsed() {
    MetricTable weekly =
        Query.of(deals())
            .groupBy(Dimension.REP, Dimension.week(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE)
            .run();
    List<Evaluation> evaluations = Evaluations.perPeriod(weekly, Goals.empty());
    assertThat(evaluations).hasSize(3);
    assertThat(evaluations.get(1).values("win_rate").get(GroupKey.of("rep", "R07")))
        .isEqualTo(Ratio.of(2, 10));

    Rule rule =
        Rule.builder("low-win-rate").metric(Metrics.WIN_RATE).per("rep").below()
            .warning(0.25).forEvaluations(2).minimumSample(5).build();
    List<AlertEvent> events = Replay.run(List.of(rule), evaluations);
    assertThat(events).extracting(AlertEvent::to)
        .containsExactly(AlertState.PENDING, AlertState.FIRING);
    AlertEvent firing = events.get(1);
    assertThat(firing.group()).isEqualTo(GroupKey.of("rep", "R07"));
    assertThat(firing.sentence())
        .isEqualTo("Win rate for rep R07 was 20.0% (2/10), below 25%, for 2 consecutive weeks"
            + " since 2025-03-10");
  }

  @Test
  void oneEvaluationTakesOnlyItsPeriodsRows() {
    MetricTable weekly =
        Query.of(deals())
            .groupBy(Dimension.REP, Dimension.week(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE)
            .run();
    Period week2 = Period.of(MONDAY.plusWeeks(1), Granularity.WEEK, ZoneOffset.UTC);
    Instant now = week2.start().plusSeconds(3600);
    Evaluation e = Evaluations.of(weekly, week2, now, Goals.empty());
    assertThat(e.evaluatedAt()).isEqualTo(now);
    assertThat(e.periodLabel()).isEqualTo("2025-W11");
    assertThat(e.values("win_rate"))
        .containsEntry(GroupKey.of("rep", "R07"), Ratio.of(2, 10))
        .containsEntry(GroupKey.of("rep", "R01"), Ratio.of(5, 10))
        .hasSize(2);

    MetricTable flat = Query.of(deals()).groupBy(Dimension.REP).metrics(Metrics.WIN_RATE).run();
    assertThatThrownBy(() -> Evaluations.perPeriod(flat, Goals.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grouped by period");
  }

  @Test
  void quotasBecomeGoalsPerRep() {
    Period march = Period.of(LocalDate.of(2025, 3, 1), Granularity.MONTH, ZoneOffset.UTC);
    Goals goals =
        Evaluations.quotaGoals(
            List.of(new Quota("R07", march, Money.of("50000.00", "USD")),
                new Quota("R07", march, Money.of("0.50", "USD")),
                new Quota("R01", march, Money.of("10000", "USD"))),
            "sales_volume");
    assertThat(goals.target("sales_volume", GroupKey.of("rep", "R07"), march.start()))
        .hasValue(50000.5);
    assertThat(goals.target("sales_volume", GroupKey.of("rep", "R01"), march.start()))
        .hasValue(10000.0);
    assertThat(goals.target("win_rate", GroupKey.of("rep", "R01"), march.start())).isEmpty();
  }

  @Test
  void quotasBecomeGoalsForTheMetricOfEachRuleAgainstAGoalOrPace() {
    Period march = Period.of(LocalDate.of(2025, 3, 1), Granularity.MONTH, ZoneOffset.UTC);
    List<Quota> quotas = List.of(new Quota("R07", march, Money.of("50000.00", "USD")));
    Rule goal =
        Rule.builder("volume-goal").metric(Metrics.SALES_VOLUME).per("rep").below()
            .againstGoal().warning(0.8).build();
    Rule pace =
        Rule.builder("revenue-pace").metric(Metrics.REVENUE).per("rep").below()
            .againstPace().warning(0.9).build();
    Rule value =
        Rule.builder("low-win-rate").metric(Metrics.WIN_RATE).per("rep").below()
            .warning(0.2).build();
    Goals goals = Evaluations.quotaGoals(quotas, List.of(goal, pace, value));
    GroupKey r07 = GroupKey.of("rep", "R07");
    assertThat(goals.target("sales_volume", r07, march.start())).hasValue(50000.0);
    assertThat(goals.target("revenue", r07, march.start())).hasValue(50000.0);
    assertThat(goals.target("win_rate", r07, march.start())).isEmpty();
    assertThat(goals.size()).isEqualTo(2);
    assertThat(Evaluations.quotaGoals(quotas, List.of(value))).isEqualTo(Goals.empty());
  }
}
