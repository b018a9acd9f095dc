package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot find its values in a table is an error, not silence (issue 11, item 9): an
 * unknown dimension, a metric the table does not hold, a scope other than the table's grouping.
 */
class RuleScopeTest {
  private static Deal deal(String id, String rep, String product, boolean won) {
    Deal.Builder b =
        Deal.builder(id, rep, Money.of("100.00", "USD"), Instant.parse("2024-03-01T00:00:00Z"))
            .product(product);
    Instant closed = Instant.parse("2024-03-05T00:00:00Z");
    return (won ? b.won(closed) : b.lost(closed)).build();
  }

  private static final List<Deal> DEALS =
      List.of(
          deal("D1", "R1", "Pro", false),
          deal("D2", "R1", "Pro", false),
          deal("D3", "R2", "Pro", true));

  private static MetricTable monthly(Dimension... by) {
    Dimension[] dims = new Dimension[by.length + 1];
    System.arraycopy(by, 0, dims, 0, by.length);
    dims[by.length] = Dimension.month(ZoneOffset.UTC);
    return Query.of(DEALS).groupBy(dims).metrics(Metrics.WIN_RATE).run();
  }

  private static Rule.Builder lowWinRate() {
    return Rule.builder("low").metric(Metrics.WIN_RATE).below().critical(0.10);
  }

  @Test
  void aRulePerTheTablesDimensionFires() {
    List<AlertEvent> events =
        Replay.run(
            List.of(lowWinRate().per("rep").build()),
            Evaluations.perPeriod(monthly(Dimension.REP), Goals.empty()));
    assertThat(events).extracting(e -> e.group().get("rep").orElseThrow()).containsExactly("R1");
  }

  @Test
  void aRulePerAnotherDimensionIsRefused() {
    List<Rule> owner = List.of(lowWinRate().per("owner").build());
    List<Evaluation> byRep = Evaluations.perPeriod(monthly(Dimension.REP), Goals.empty());
    assertThatThrownBy(() -> Replay.run(owner, byRep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule low is per owner, but the values are grouped by rep");
    List<Rule> product = List.of(lowWinRate().per("produkt").build());
    List<Evaluation> byProduct = Evaluations.perPeriod(monthly(Dimension.PRODUCT), Goals.empty());
    assertThatThrownBy(() -> Replay.run(product, byProduct))
        .hasMessage("rule low is per produkt, but the values are grouped by product; did you mean"
            + " product?");
  }

  @Test
  void aRuleOnAMetricTheTableDoesNotHoldIsRefused() {
    Rule volume =
        Rule.builder("volume").metric(Metrics.SALES_VOLUME).per("rep").below().critical(1).build();
    assertThatThrownBy(
            () ->
                Replay.run(
                    List.of(volume), Evaluations.perPeriod(monthly(Dimension.REP), Goals.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rule volume watches metric sales_volume, which the evaluation does not hold (its"
                + " metrics: win_rate)");
  }

  @Test
  void theScopeMustBeTheTablesWholeGrouping() {
    List<Evaluation> twoDims =
        Evaluations.perPeriod(monthly(Dimension.REP, Dimension.PRODUCT), Goals.empty());
    assertThatThrownBy(() -> Replay.run(List.of(lowWinRate().per("rep").build()), twoDims))
        .hasMessage(
            "rule low is per rep, which watches groups of rep alone, but the values are grouped"
                + " by rep, product: group the values by rep only for this rule");
    List<Evaluation> byRep = Evaluations.perPeriod(monthly(Dimension.REP), Goals.empty());
    assertThatThrownBy(() -> Replay.run(List.of(lowWinRate().build()), byRep))
        .hasMessage(
            "rule low watches the overall win_rate, but the values are grouped by rep: give the"
                + " rule per: rep, or compute the metric without grouping");
  }

  @Test
  void aRefusedEvaluationLeavesTheEngineAsItWas() {
    RuleEngine engine = RuleEngine.of(List.of(lowWinRate().per("owner").build()));
    List<Evaluation> byRep = Evaluations.perPeriod(monthly(Dimension.REP), Goals.empty());
    assertThatThrownBy(() -> engine.evaluate(byRep.get(0)))
        .isInstanceOf(IllegalArgumentException.class);
    Evaluation handMade =
        Evaluation.builder(byRep.get(0).evaluatedAt(), byRep.get(0).periodStart(),
                byRep.get(0).periodEnd())
            .build();
    assertThat(engine.evaluate(handMade)).isEmpty(); // same instant accepted: nothing committed
  }

  @Test
  void aDimensionIdThatIsNoIdIsRefusedWhenTheRuleIsBuilt() {
    assertThatThrownBy(() -> lowWinRate().per("Rep"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "dimension of rule low must be a lowercase dimension id such as rep, team, region,"
                + " product, campaign, source, customer: \"Rep\"; did you mean rep?");
    String file = "rule low\n  metric: win_rate\n  per: Team\n  when: below\n  critical: 0.1\n";
    assertThatThrownBy(() -> RuleFile.parse(file, "rules.txt", Metrics.registry()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rules.txt:3: per: dimension of rule low must be a lowercase")
        .hasMessageEndingWith("\"Team\"; did you mean team?");
  }
}
