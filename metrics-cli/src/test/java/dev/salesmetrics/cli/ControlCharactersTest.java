package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;


import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.Evaluation;
import dev.salesmetrics.rule.Replay;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ids and names from the data (or a rule file) that hold control characters are escaped in the
 * text the commands render themselves, so that they cannot inject terminal escapes or lines.
 */
class ControlCharactersTest {
  /** Clears the screen, then starts a new line that looks like output. */
  private static final String EVIL_REP = "R\u001B[2J\nR01";

  private static final String EVIL_NAME = "Dana\r\u0000\u009B31m\u202Eevil";
  private static final String EVIL_STAGE = "lead\u0007\ttab";
  private static final String EVIL_PRODUCT = "Widget\u001B]0;title\u0007";

  /** True when a text has a character a terminal acts on, other than the line ends. */
  private static boolean hasRawControl(String text) {
    return text.chars().anyMatch(c -> c != '\n' && SafeText.escapedOnTerminal((char) c));
  }

  @Test
  void safeEscapesControlCharactersAndKeepsEverythingElse() {
    assertThat(Terminal.safe("a\u001B[31mb\nc\td\re\u0000f\u007Fg\u009Bh\u202Ei\u2028j"))
        .isEqualTo("a\\u001b[31mb\\nc\\td\\re\\u0000f\\u007fg\\u009bh\\u202ei\\u2028j");
    String plain = "Café → 北京 😀 a\\b \"q\" ‰";
    assertThat(Terminal.safe(plain)).isSameAs(plain);
    assertThat(Terminal.safeLines("a\u001Bb\nc\rd\n")).isEqualTo("a\\u001bb\nc\\rd\n");
  }

  @Test
  void alertLinesEscapeGroupsRuleIdsAndSentences() {
    Rule rule =
        Rule.builder("low\u001B[5m")
            .metric("m", "M\u0007", MetricUnit.NUMBER)
            .per("rep")
            .below()
            .warning(0.5)
            .build();
    Instant start = Instant.parse("2025-03-03T00:00:00Z");
    Instant end = Instant.parse("2025-03-10T00:00:00Z");
    Evaluation e =
        Evaluation.builder(end, start, end)
            .label("w\n1")
            .value("m", GroupKey.of("rep", EVIL_REP), Ratio.of(1, 4))
            .build();
    List<AlertEvent> events = Replay.run(List.of(rule), List.of(e));
    assertThat(events).hasSize(1);

    String text = AlertsCommand.render(events);
    assertThat(hasRawControl(text)).as(text).isFalse();
    assertThat(text.lines()).hasSize(2);
    assertThat(text.lines().toList().get(1))
        .startsWith("w\\n1    low\\u001b[5m  rep R\\u001b[2J\\nR01  inactive -> firing  warning  M\\u0007"
            + " for rep R\\u001b[2J\\nR01 was 25.0% (1/4), below 0.5, for 1 week since 2025-03-03");
  }

  @Test
  void theDemoEscapesRepIdsNamesStagesAndRules() {
    Instant created = Instant.parse("2025-05-02T10:00:00Z");
    Instant closed = Instant.parse("2025-06-10T10:00:00Z");
    Money amount = Money.of("1000.00", "USD");
    List<StageChange> history =
        List.of(
            new StageChange(EVIL_STAGE, created),
            new StageChange("qualified", created.plusSeconds(86_400)),
            new StageChange("won", closed));
    Deal won =
        Deal.builder("D1", EVIL_REP, amount, created)
            .won(closed)
            .stageHistory(history)
            .build();
    Deal lost =
        Deal.builder("D2", EVIL_REP, amount, created)
            .lost(closed)
            .stageHistory(history.subList(0, 2))
            .build();
    Rep rep = new Rep(EVIL_REP, EVIL_NAME, "North\u001B", null, LocalDate.of(2024, 1, 1));
    Quota quota =
        new Quota(
            EVIL_REP,
            Period.of(LocalDate.of(2025, 6, 1), dev.salesmetrics.time.Granularity.MONTH,
                ZoneOffset.UTC),
            amount);
    Dataset data =
        new Dataset(
            List.of(rep), List.of(quota), List.of(), List.of(won, lost), List.of(), List.of(),
            List.of(), List.of());
    Rule rule =
        Rule.builder("rule\u001B[8m")
            .metric(Metrics.WIN_RATE)
            .per("rep")
            .below()
            .warning(0.6)
            .build();

    String text = DemoCommand.report(data, "dir\u001B", List.of(rule), 10);

    assertThat(hasRawControl(text)).as(text).isFalse();
    assertThat(text)
        .contains("Salesmetrics demo on dir\\u001b\n")
        .contains("\nR\\u001b[2J\\nR01  North\\u001b ")
        .contains("lead\\u0007\\ttab → qualified")
        .contains("rule\\u001b[8m  inactive -> firing (warning)")
        .contains("Win rate for rep R\\u001b[2J\\nR01 was 50.0% (1/2)");
  }

  @Test
  void tableBlocksOfTableValuedMetricsEscapeProductsAndStages() {
    Instant at = Instant.parse("2025-01-10T10:00:00Z");
    Order order =
        Order.builder("O1", "C1", at, Money.of("30.00", "USD"))
            .line(EVIL_PRODUCT, 1, Money.of("10.00", "USD"))
            .line("Gadget", 1, Money.of("20.00", "USD"))
            .build();
    List<Metric<?, ?>> metrics = List.of(Metrics.PRODUCT_REVENUE_SHARE);
    Query q =
        Query.of(List.of(order))
            .groupBy(dev.salesmetrics.aggregate.Dimension.CUSTOMER)
            .metrics(metrics)
            .during(Period.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1),
                ZoneOffset.UTC));
    MetricTable table = q.run();

    String text = table.show();

    assertThat(hasRawControl(text)).as(text).isFalse();
    assertThat(text).contains("Gadget 66.7% (2000/3000), Widget\\u001b]0;title\\u0007 33.3%");

    Deal deal =
        Deal.builder("D1", "R01", Money.of("5.00", "USD"), at)
            .stageHistory(
                List.of(new StageChange(EVIL_STAGE, at), new StageChange("won\n", at.plusSeconds(60))))
            .build();
    Metric<Deal, ?> funnel = Metrics.stageConversion(List.of(EVIL_STAGE, "won\n"));
    String stages =
        Query.of(List.of(deal))
            .metrics(funnel)
            .during(Period.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1),
                ZoneOffset.UTC))
            .run()
            .show();
    assertThat(hasRawControl(stages)).as(stages).isFalse();
    assertThat(stages).contains("\nlead\\u0007\\ttab → won\\n: 100.0% (1/1)\n");
  }
}
