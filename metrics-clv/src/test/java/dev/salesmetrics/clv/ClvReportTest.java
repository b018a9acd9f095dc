package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClvReportTest {
  private static final ClvHorizon YEAR = ClvHorizon.months(12).withDiscountRate(0.01);

  @Test
  void fitsAndRanksCdnow() {
    List<Transaction> txs = Cdnow.transactions();
    ClvReport report = ClvReport.of(txs, Cdnow.CALIBRATION_END, ClvTimeUnit.WEEK, YEAR);
    assertThat(report.rows()).hasSize(2357);
    assertThat(report.purchaseFit().model().r()).isCloseTo(0.242595, withinPercentage(1e-3));
    assertThat(report.spendFit().model().p()).isCloseTo(6.249574, withinPercentage(1e-3));
    for (int i = 1; i < report.rows().size(); i++) {
      assertThat(report.rows().get(i).clv()).isLessThanOrEqualTo(report.rows().get(i - 1).clv());
    }
    ClvReport.Row top = report.rows().get(0);
    LifetimeValue value =
        new LifetimeValue(report.purchaseFit().model(), report.spendFit().model());
    assertThat(top.clv())
        .isEqualTo(
            value.value(top.frequency(), top.recency(), top.age(), top.meanRepeatSpend(), YEAR));
    assertThat(top.expectedPurchases())
        .isEqualTo(
            report
                .purchaseFit()
                .model()
                .expectedPurchases(12 * 30.4375 / 7, top.frequency(), top.recency(), top.age()));

    String table = report.toTable(5);
    assertThat(table)
        .contains("r 0.24259", "alpha 4.4136", "log_likelihood -9582.429", "p 6.2495", "q 3.744")
        .contains(top.customerId());
    assertThat(table.lines().filter(l -> l.matches("\\s+[1-5]\\s.*"))).hasSize(5);

    String csv = report.toCsv();
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(2358);
    assertThat(lines.get(0)).startsWith("rank,customer_id,frequency,recency,age");
    assertThat(lines.get(1)).startsWith("1," + top.customerId() + "," + top.frequency() + ",");

    String models = report.modelsText();
    assertThat(BgNbdFit.parse(models)).isEqualTo(report.purchaseFit());
    assertThat(GammaGammaFit.parse(models)).isEqualTo(report.spendFit());
  }

  @Test
  void theTextTableEscapesControlCharactersOfIds() {
    String first = Cdnow.transactions().get(0).customerId();
    String hostile = "c\u001b[2J\nx\u202e";
    List<Transaction> txs =
        Cdnow.transactions().stream()
            .map(t -> t.customerId().equals(first)
                ? new Transaction(hostile, t.date(), t.amount())
                : t)
            .toList();
    ClvReport report = ClvReport.of(txs, Cdnow.CALIBRATION_END, ClvTimeUnit.WEEK, YEAR);
    String table = report.toTable(report.rows().size());
    assertThat(table)
        .doesNotContain("\u001b", "\u202e")
        .contains("c\\u001b[2J\\nx\\u202e");
    // the escaped id sets the column width, so every data row has the same length
    assertThat(table.lines().filter(l -> l.matches("\\s+\\d+\\s.*")).map(String::length)
            .distinct())
        .hasSize(1);
  }

  @Test
  void csvGuardsIdsAgainstFormulasAndCommas() {
    assertThat(ClvReport.csvText("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(ClvReport.csvText("a,b")).isEqualTo("\"a,b\"");
    assertThat(ClvReport.csvText("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ClvReport.csvText("c17")).isEqualTo("c17");
    // the shared guard: also after leading spaces, and a leading line feed
    assertThat(ClvReport.csvText(" =1+1")).isEqualTo("' =1+1");
    assertThat(ClvReport.csvText("\n=1")).isEqualTo("\"'\n=1\"");
  }

  @Test
  void holdoutEvaluationOnCdnow() {
    HoldoutEvaluation eval =
        HoldoutEvaluation.of(
            Cdnow.MLE, Cdnow.transactions(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END);
    assertThat(eval.horizon()).isCloseTo(39, within(1e-12));
    assertThat(eval.rows()).hasSize(2357);
    assertThat(eval.totalActual()).isEqualTo(1882);
    // 1653.42 on the 2-dp rounded summary; the exact times shift it slightly
    assertThat(eval.totalPredicted()).isCloseTo(1653.42, within(1.0));
    assertThat(eval.correlation().orElseThrow()).isBetween(0.5, 1.0);
    assertThat(eval.meanAbsoluteError().orElseThrow()).isPositive();
    assertThat(eval.rootMeanSquaredError().orElseThrow())
        .isGreaterThanOrEqualTo(eval.meanAbsoluteError().orElseThrow());
  }
}
