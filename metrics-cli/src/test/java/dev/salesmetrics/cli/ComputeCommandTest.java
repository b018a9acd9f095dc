package dev.salesmetrics.cli;

import com.google.common.base.Splitter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code compute} command end to end on the sample data, against figures computed here with
 * plain loops over the records.
 */
class ComputeCommandTest {
  @TempDir static Path sample;
  static Dataset data;

  @BeforeAll
  static void writeSample() throws IOException {
    SampleData.writeCsv(sample);
    data = SampleData.generate(SampleData.DEFAULT_SEED);
  }

  private static String dir() {
    return sample.toString();
  }

  @Test
  void revenuePerMonthMatchesAPlainSumOfPaidOrders() {
    Cli.Result r =
        Cli.run("compute", "--data", dir(), "--metrics", "revenue", "--period", "month",
            "--format", "csv");

    assertThat(r.code()).as(r.err()).isZero();
    Map<YearMonth, BigDecimal> expected = new TreeMap<>();
    for (Order o : data.orders()) {
      if (o.status() == OrderStatus.PAID) {
        expected.merge(
            YearMonth.from(o.placedAt().atZone(ZoneOffset.UTC)),
            o.amount().toBigDecimal(),
            BigDecimal::add);
      }
    }
    List<String> lines = r.lines();
    assertThat(lines.get(0)).isEqualTo("period_start,period_end,metric,value,unit");
    List<String> want = new ArrayList<>();
    expected.forEach(
        (month, sum) ->
            want.add(
                month.atDay(1) + "," + month.plusMonths(1).atDay(1) + ",revenue,"
                    + sum.toPlainString() + ",USD"));
    assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(want);
    assertThat(want).hasSize(24);
  }

  @Test
  void winRatePerRepForOneMonthMatchesAPlainCount() {
    Cli.Result r =
        Cli.run("compute", "--data", dir(), "--metrics", "win_rate", "--by", "rep", "--period",
            "month", "--from", "2025-10-01", "--to", "2025-11-01", "--format", "csv");

    assertThat(r.code()).as(r.err()).isZero();
    Map<String, long[]> counts = new TreeMap<>();
    LocalDate first = LocalDate.of(2025, 10, 1);
    for (Deal d : data.deals()) {
      if (d.closedAt() == null) {
        continue;
      }
      LocalDate closed = LocalDate.ofInstant(d.closedAt(), ZoneOffset.UTC);
      if (closed.isBefore(first) || !closed.isBefore(first.plusMonths(1))) {
        continue;
      }
      long[] c = counts.computeIfAbsent(d.repId(), k -> new long[2]);
      c[1]++;
      if (d.status() == DealStatus.WON) {
        c[0]++;
      }
    }
    List<String> want = new ArrayList<>();
    counts.forEach(
        (rep, c) ->
            want.add(
                "2025-10-01,2025-11-01," + rep + ",win_rate,"
                    + BigDecimal.valueOf(c[0])
                        .divide(BigDecimal.valueOf(c[1]), MathContext.DECIMAL64)
                        .stripTrailingZeros()
                        .toPlainString()
                    + ",ratio"));
    List<String> lines = r.lines();
    assertThat(lines.get(0)).isEqualTo("period_start,period_end,rep,metric,value,unit");
    assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(want);
    assertThat(lines).contains("2025-10-01,2025-11-01,R07,win_rate,0.07142857142857143,ratio");
  }

  @Test
  void dealsWonWithoutPeriodIsOneRowOverTheDataSpan() {
    Cli.Result r =
        Cli.run("compute", "--data", dir(), "--metrics", "deals_won", "--format", "csv");

    long won = data.deals().stream().filter(d -> d.status() == DealStatus.WON).count();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines())
        .containsExactly(
            "period_start,period_end,metric,value,unit",
            "2024-01-01,2026-01-01,deals_won," + won + ",count");
  }

  @Test
  void durationMetricsWriteTheirMeanUnderTheirIdAndThreeMoreRowsInDays() {
    Cli.Result r =
        Cli.run("compute", "--data", dir(), "--metrics", "sales_cycle", "--by", "team",
            "--period", "quarter", "--from", "2025-01-01", "--to", "2025-04-01", "--format",
            "csv");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.lines();
    assertThat(lines.get(0)).isEqualTo("period_start,period_end,team,metric,value,unit");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(16)
        .allMatch(l -> l.startsWith("2025-01-01,2025-04-01,"));
    assertThat(lines)
        .anyMatch(l -> l.matches("2025-01-01,2025-04-01,North,sales_cycle,[0-9.]+,days"))
        .anyMatch(l -> l.matches("2025-01-01,2025-04-01,North,sales_cycle\\.count,\\d+,count"))
        .noneMatch(l -> l.contains("sales_cycle.mean"))
        .anyMatch(l -> l.matches("2025-01-01,2025-04-01,North,sales_cycle\\.median,[0-9.]+,days"))
        .anyMatch(l -> l.matches("2025-01-01,2025-04-01,North,sales_cycle\\.p90,[0-9.]+,days"));
  }

  @Test
  void plainMetricsWriteExactlyWhatMetricTableToCsvWrites() {
    Cli.Result r =
        Cli.run("compute", "--data", dir(), "--metrics",
            "revenue,win_rate,average_deal_size,churn_rate,nps", "--by", "rep", "--period",
            "month", "--from", "2025-01-01", "--to", "2025-04-01", "--format", "csv");

    String expected =
        Query.of(data.records())
            .groupBy(Dimension.month(ZoneOffset.UTC), Dimension.REP)
            .metrics(
                Metrics.REVENUE,
                Metrics.WIN_RATE,
                Metrics.AVERAGE_DEAL_SIZE,
                Metrics.CHURN_RATE,
                Metrics.NPS)
            .periods(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1))
            .run()
            .toCsv();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(expected);
  }

  @Test
  void jsonIsAnArrayOfTheTidyRowsWithNumbersAndNulls() {
    String[] args = {
      "compute", "--data", dir(), "--metrics", "win_rate,sales_cycle", "--by", "rep",
      "--period", "month", "--from", "2025-10-01", "--to", "2026-01-01", "--format", "json"
    };
    Cli.Result json = Cli.run(args);
    args[args.length - 1] = "csv";
    Cli.Result csv = Cli.run(args);

    assertThat(json.code()).as(json.err()).isZero();
    String text = json.out().strip();
    assertThat(text).startsWith("[").endsWith("]");
    Pattern object =
        Pattern.compile(
            "\\{\"period_start\": \"\\d{4}-\\d{2}-\\d{2}\","
                + " \"period_end\": \"\\d{4}-\\d{2}-\\d{2}\","
                + " \"rep\": \"[^\"]*\", \"metric\": \"[a-z_.0-9]+\","
                + " \"value\": (null|-?\\d+(\\.\\d+)?), \"unit\": \"[a-z]+\"\\}");
    List<String> objects = new ArrayList<>();
    for (String line : text.substring(1, text.length() - 1).strip().split(",\n", -1)) {
      objects.add(line.strip());
    }
    assertThat(objects).allMatch(o -> object.matcher(o).matches(), "a tidy row object");
    assertThat(objects).hasSize(csv.lines().size() - 1);
    assertThat(objects)
        .contains(
            "{\"period_start\": \"2025-10-01\", \"period_end\": \"2025-11-01\","
                + " \"rep\": \"R07\", \"metric\": \"win_rate\","
                + " \"value\": 0.07142857142857143, \"unit\": \"ratio\"}");
  }

  @Test
  void aDealCountsForTheCampaignOfItsLead(@TempDir Path dir) throws IOException {
    // CA spent 1,000.00; its lead L1 became deal D1, won at 3,000.00: ROI (3000 - 1000) / 1000
    Files.writeString(
        dir.resolve("campaigns.csv"),
        """
        campaign_id,name,start_date,end_date,spend,currency
        CA,Spring,2025-01-02,2025-01-31,1000.00,USD
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("leads.csv"),
        """
        lead_id,created_at,source,campaign_id
        L1,2025-01-02T00:00:00Z,webinar,CA
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("deals.csv"),
        """
        deal_id,rep_id,amount,currency,created_at,status,closed_at,lead_id
        D1,R1,3000.00,USD,2025-01-05T00:00:00Z,won,2025-01-20T00:00:00Z,L1
        """,
        StandardCharsets.UTF_8);

    Cli.Result overall =
        Cli.run("compute", "--data", dir.toString(), "--metrics", "campaign_roi", "--format",
            "csv");
    Cli.Result byCampaign =
        Cli.run("compute", "--data", dir.toString(), "--metrics", "campaign_roi,sales_volume",
            "--by", "campaign", "--format", "csv");
    Cli.Result bySource =
        Cli.run("compute", "--data", dir.toString(), "--metrics", "sales_volume", "--by",
            "source", "--format", "csv");

    assertThat(overall.lines()).contains("2025-01-02,2025-01-21,campaign_roi,2,ratio");
    assertThat(byCampaign.lines())
        .containsExactly(
            "period_start,period_end,campaign,metric,value,unit",
            "2025-01-02,2025-01-21,CA,campaign_roi,2,ratio",
            "2025-01-02,2025-01-21,CA,sales_volume,3000.00,USD");
    assertThat(bySource.lines())
        .containsExactly(
            "period_start,period_end,source,metric,value,unit",
            "2025-01-02,2025-01-21,webinar,sales_volume,3000.00,USD");
  }

  @Test
  void undefinedValuesAreEmptyInCsvAndNullInJson(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("deals.csv"),
        """
        deal_id,rep_id,amount,currency,created_at,status,closed_at
        D1,R1,100.00,USD,2025-01-05T00:00:00Z,open,
        D2,R2,100.00,USD,2025-01-05T00:00:00Z,won,2025-01-20T00:00:00Z
        """,
        StandardCharsets.UTF_8);

    Cli.Result csv =
        Cli.run("compute", "--data", dir.toString(), "--metrics", "win_rate", "--by", "rep",
            "--format", "csv");
    Cli.Result json =
        Cli.run("compute", "--data", dir.toString(), "--metrics", "win_rate", "--by", "rep",
            "--format", "json");

    assertThat(csv.lines())
        .containsExactly(
            "period_start,period_end,rep,metric,value,unit",
            "2025-01-05,2025-01-21,R1,win_rate,,ratio",
            "2025-01-05,2025-01-21,R2,win_rate,1,ratio");
    assertThat(json.out()).contains("\"rep\": \"R1\", \"metric\": \"win_rate\", \"value\": null");
  }

  @Test
  void tableValuedMetricsExpandToOneRowPerCell() {
    Cli.Result r =
        Cli.run("compute", "--data", dir(), "--metrics", "product_revenue_share", "--period",
            "quarter", "--from", "2025-01-01", "--to", "2025-04-01", "--format", "csv");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.lines();
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> Splitter.on(',').splitToList(l).get(2))
        .containsExactly(
            "product_revenue_share.enterprise",
            "product_revenue_share.pro",
            "product_revenue_share.starter");
    BigDecimal total = BigDecimal.ZERO;
    for (String l : lines.subList(1, lines.size())) {
      total = total.add(new BigDecimal(Splitter.on(',').splitToList(l).get(3)));
    }
    assertThat(total.subtract(BigDecimal.ONE).abs()).isLessThan(new BigDecimal("1e-15"));
  }

  @Test
  void tableFormatPrintsAlignedColumns() {
    Cli.Result r =
        Cli.run("compute", "--data", dir(), "--metrics", "deals_won,win_rate", "--by", "team",
            "--period", "year");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines().get(0)).matches("period +team +deals_won +win_rate");
    assertThat(r.lines())
        .hasSize(2 + 8)
        .anyMatch(l -> l.matches("2025 +North +\\d+ +\\d+\\.\\d% \\(\\d+/\\d+\\)"));
  }

  @Test
  void badCellGivesExitThreeNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("deals.csv"),
        """
        deal_id,rep_id,amount,currency,created_at,status,closed_at
        D1,R1,100.00,USD,2025-01-05T00:00:00Z,won,2025-01-20T00:00:00Z
        D2,R1,12.505,USD,2025-01-05T00:00:00Z,won,2025-01-20T00:00:00Z
        """,
        StandardCharsets.UTF_8);

    Cli.Result r = Cli.run("compute", "--data", dir.toString(), "--metrics", "win_rate");

    assertThat(r.code()).isEqualTo(Main.BAD_DATA);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(dir.resolve("deals.csv").toString())
        .contains("line 3")
        .contains("column amount")
        .contains("value \"12.505\"")
        .contains("fraction digits");
  }

  @Test
  void metricWhoseFileIsAbsentGivesExitThree(@TempDir Path dir) throws IOException {
    Files.copy(sample.resolve("orders.csv"), dir.resolve("orders.csv"));

    Cli.Result ok = Cli.run("compute", "--data", dir.toString(), "--metrics", "orders");
    Cli.Result r =
        Cli.run("compute", "--data", dir.toString(), "--metrics", "orders,quota_attainment");

    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(r.code()).isEqualTo(Main.BAD_DATA);
    assertThat(r.errors())
        .isEqualTo(
            "salesmetrics: bad data: metric quota_attainment reads quotas.csv, deals.csv but the"
                + " data directory has no quotas.csv, deals.csv\n");
  }

  @Test
  void usageErrorsGiveExitTwo() {
    assertThat(Cli.run("compute", "--data", dir(), "--metrics", "win_rat").code())
        .isEqualTo(Main.USAGE);
    assertThat(Cli.run("compute", "--data", dir(), "--metrics", "win_rat").err())
        .contains("unknown metric id \"win_rat\"");
    assertThat(
            Cli.run("compute", "--data", dir(), "--metrics", "win_rate", "--from", "2025-13-01")
                .err())
        .contains("date must be YYYY-MM-DD: \"2025-13-01\"");
    assertThat(
            Cli.run("compute", "--data", dir(), "--metrics", "win_rate", "--from", "2025-13-01")
                .code())
        .isEqualTo(Main.USAGE);
    assertThat(Cli.run("compute", "--data", dir(), "--metrics", "win_rate", "--colour").code())
        .isEqualTo(Main.USAGE);
    assertThat(Cli.run("compute", "--data", dir(), "--metrics", "win_rate", "--by", "planet")
            .code())
        .isEqualTo(Main.USAGE);
    assertThat(Cli.run("compute", "--data", dir(), "--metrics", "win_rate", "--zone", "Mars/Base")
            .code())
        .isEqualTo(Main.USAGE);
    assertThat(Cli.run("compute", "--data", dir().concat("-nowhere"), "--metrics", "win_rate")
            .code())
        .isEqualTo(Main.USAGE);
    assertThat(Cli.run("compute", "--data", dir(), "--metrics", "win_rate", "--from",
            "2025-02-01", "--to", "2025-01-01").code())
        .isEqualTo(Main.USAGE);
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("compute", "alerts", "clv", "metrics")) {
      Cli.Result r = Cli.run(command, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: salesmetrics " + command);
    }
  }

  @Test
  void progressBarRendersTheShareDone() {
    assertThat(Progress.bar(50, 100, "deals.csv"))
        .startsWith("[" + "=".repeat(15) + ">" + " ".repeat(14) + "]  50% deals.csv");
    assertThat(Progress.bar(0, 0, "")).startsWith("[>" + " ".repeat(29) + "]   0% ");
  }
}
