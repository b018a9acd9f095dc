package dev.salesmetrics.aggregate;

import static dev.salesmetrics.testing.AggregateFixtures.WIN_RATE;
import static dev.salesmetrics.testing.AggregateFixtures.WON_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.DurationStatsAccumulator;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Score;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTableTest {
  private static final Period JAN =
      Period.of(LocalDate.of(2024, 1, 1), Granularity.MONTH, ZoneOffset.UTC);

  private static Deal deal(String id, String rep, String amount, boolean won, String closedAt) {
    Instant closed = Instant.parse(closedAt);
    Deal.Builder b =
        Deal.builder(id, rep, Money.of(amount, "USD"), closed.minus(Duration.ofDays(2)));
    return (won ? b.won(closed) : b.lost(closed)).build();
  }

  private static final List<Deal> DEALS =
      List.of(
          deal("D1", "R1", "100.00", true, "2024-01-10T00:00:00Z"),
          deal("D2", "R1", "50.00", false, "2024-01-11T00:00:00Z"),
          deal("D3", "R1", "20.00", true, "2024-02-10T00:00:00Z"),
          deal("D4", "R1", "60.00", true, "2024-02-11T00:00:00Z"),
          deal("D5", "=R2", "70.00", false, "2024-01-12T00:00:00Z"));

  /** Days from creation to close of won deals: a DurationStats metric. */
  private static final Metric<Deal, DurationStats> CYCLE =
      Metric.builder("test_cycle", Deal.class)
          .unit(MetricUnit.DAYS)
          .placedAt("closed_at", Deal::closedAt)
          .accumulate(
              w -> new DurationStatsAccumulator(),
              (s, d, w) -> {
                if (d.closedAt() != null && w.contains(d.closedAt())) {
                  s.add(Duration.between(d.createdAt(), d.closedAt()));
                }
              },
              (s, o) -> s.addAll(o.snapshot()),
              DurationStatsAccumulator::snapshot);

  /** A score that can be negative: -1 per lost deal, +1 per won. */
  private static final Metric<Deal, Score> NET =
      Metric.builder("test_net", Deal.class)
          .unit(MetricUnit.SCORE)
          .placedAt("closed_at", Deal::closedAt)
          .accumulate(
              w -> new long[2],
              (s, d, w) -> {
                if (d.closedAt() != null && w.contains(d.closedAt())) {
                  s[0] += d.status() == dev.salesmetrics.model.DealStatus.WON ? 1 : -1;
                  s[1]++;
                }
              },
              (s, o) -> {
                s[0] += o[0];
                s[1] += o[1];
              },
              s -> Score.of((double) s[0] / 2, s[1]));

  private static MetricTable table() {
    return Query.of(DEALS)
        .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
        .metrics(WIN_RATE, WON_AMOUNT)
        .run();
  }

  @Test
  void showAlignsColumnsAndRendersUndefinedPercentagesAndMoney() {
    String shown = table().show();
    assertThat(shown)
        .isEqualTo(
            """
            rep  period   test_win_rate   test_won_amount
            ---  -------  -------------  ----------------
            =R2  2024-01     0.0% (0/1)                 —
            R1   2024-01    50.0% (1/2)  100.00 USD (n=1)
            R1   2024-02   100.0% (2/2)   40.00 USD (n=2)
            """);
  }

  @Test
  void csvIsTidyWithFractionsMajorUnitsAndEscapedFormulas() {
    String csv = table().toCsv();
    assertThat(csv.split("\n"))
        .containsExactly(
            "period_start,period_end,rep,metric,value,unit",
            "2024-01-01,2024-02-01,'=R2,test_win_rate,0,ratio",
            "2024-01-01,2024-02-01,'=R2,test_won_amount,,money",
            "2024-01-01,2024-02-01,'=R2,test_won_amount.count,0,count",
            "2024-01-01,2024-02-01,'=R2,test_won_amount.sum,,money",
            "2024-01-01,2024-02-01,'=R2,test_won_amount.min,,money",
            "2024-01-01,2024-02-01,'=R2,test_won_amount.max,,money",
            "2024-01-01,2024-02-01,R1,test_win_rate,0.5,ratio",
            "2024-01-01,2024-02-01,R1,test_won_amount,100.00,USD",
            "2024-01-01,2024-02-01,R1,test_won_amount.count,1,count",
            "2024-01-01,2024-02-01,R1,test_won_amount.sum,100.00,USD",
            "2024-01-01,2024-02-01,R1,test_won_amount.min,100.00,USD",
            "2024-01-01,2024-02-01,R1,test_won_amount.max,100.00,USD",
            "2024-02-01,2024-03-01,R1,test_win_rate,1,ratio",
            "2024-02-01,2024-03-01,R1,test_won_amount,40.00,USD",
            "2024-02-01,2024-03-01,R1,test_won_amount.count,2,count",
            "2024-02-01,2024-03-01,R1,test_won_amount.sum,80.00,USD",
            "2024-02-01,2024-03-01,R1,test_won_amount.min,20.00,USD",
            "2024-02-01,2024-03-01,R1,test_won_amount.max,60.00,USD");
  }

  @Test
  void csvWritesDurationsUnderTheirIdAndNegativeNumbersUnescaped() {
    MetricTable t = Query.of(DEALS).groupBy(Dimension.REP).metrics(CYCLE, NET).run();
    assertThat(t.toCsv().split("\n"))
        .contains(
            ",,R1,test_cycle,2,days",
            ",,R1,test_cycle.count,4,count",
            ",,R1,test_cycle.median,2,days",
            ",,R1,test_cycle.p90,2,days",
            ",,R1,test_net,1,score",
            ",,'=R2,test_net,-0.5,score");
  }

  @Test
  void undefinedRatioIsAnEmptyValue() {
    Deal open =
        Deal.builder("D9", "R9", Money.of("1.00", "USD"), Instant.parse("2024-01-01T00:00:00Z"))
            .build();
    MetricTable t = Query.of(List.of(open)).groupBy(Dimension.REP).metrics(WIN_RATE).run();
    assertThat(t.toCsv()).endsWith(",,R9,test_win_rate,,ratio\n");
  }

  @Test
  void escapeFormulaPrefixesDangerousFirstCharacters() {
    assertThat(SafeText.forSpreadsheet("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(SafeText.forSpreadsheet("+1")).isEqualTo("'+1");
    assertThat(SafeText.forSpreadsheet("-1")).isEqualTo("'-1");
    assertThat(SafeText.forSpreadsheet("@x")).isEqualTo("'@x");
    assertThat(SafeText.forSpreadsheet("\tx")).isEqualTo("'\tx");
    assertThat(SafeText.forSpreadsheet("\rx")).isEqualTo("'\rx");
    assertThat(SafeText.forSpreadsheet("R1")).isEqualTo("R1");
  }

  @Test
  void periodOverPeriodChangesCompareWithTheSameGroupsPreviousPeriod() {
    MetricTable t = table().withChanges();
    assertThat(t.metricIds())
        .containsExactly(
            "test_win_rate", "test_win_rate.change", "test_won_amount", "test_won_amount.change");
    GroupKey r1 = GroupKey.of("rep", "R1");
    // Win rate 50% -> 100%: +100%; mean won amount 100.00 -> 40.00: -60%.
    assertThat(t.get(r1, JAN.next(), "test_win_rate.change").orElseThrow().toString())
        .isEqualTo("+100.0%");
    assertThat(t.get(r1, JAN.next(), "test_won_amount.change").orElseThrow().toString())
        .isEqualTo("-60.0%");
    assertThat(t.get(r1, JAN, "test_win_rate.change").orElseThrow().asDouble()).isEmpty();
    assertThatThrownBy(
            () -> Query.of(DEALS).metrics(WIN_RATE).run().withChanges())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toStringIsShortAndEqualityFollowsContent() {
    assertThat(table().toString()).isEqualTo("MetricTable[3 rows × 2 metrics]");
    assertThat(table()).isEqualTo(table()).hasSameHashCodeAs(table());
    assertThat(table().periods()).containsExactly(JAN, JAN.next());
  }
}
