package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command refuses to compute more than {@link Inputs#MAX_PERIODS} periods: one customer
 * signed up in 1900 and one cancelled at the end of 2199 make 109,573 days.
 */
class PeriodLimitTest {
  @TempDir static Path dir;
  static Path data;

  private static Dataset farApart() {
    return new Dataset(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(
            Customer.builder("C1", Instant.parse("1900-01-01T10:00:00Z")).repId("R01").build(),
            Customer.builder("C2", Instant.parse("2024-06-01T10:00:00Z"))
                .cancelledAt(Instant.parse("2199-12-31T10:00:00Z"))
                .repId("R01")
                .build()),
        List.of(),
        List.of());
  }

  @BeforeAll
  static void writeData() throws IOException {
    data = dir.resolve("data");
    farApart().writeCsv(data);
  }

  @Test
  void periodCountIsTheNumberOfPeriodsThatOverlapTheRange() {
    FiscalCalendar calendar = FiscalCalendar.calendar();
    LocalDate from = LocalDate.of(1900, 1, 1);
    LocalDate to = LocalDate.of(2200, 1, 1);
    assertThat(Inputs.periodCount(from, to, Granularity.DAY, calendar)).isEqualTo(109_573);
    assertThat(Inputs.periodCount(from, to, Granularity.MONTH, calendar)).isEqualTo(3_600);
    assertThat(Inputs.periodCount(from, to, Granularity.YEAR, calendar)).isEqualTo(300);
    // 2025-01-15 .. 2025-04-02 touches January to April: 4 months, 2 quarters, 12 ISO weeks
    LocalDate a = LocalDate.of(2025, 1, 15);
    LocalDate b = LocalDate.of(2025, 4, 2);
    assertThat(Inputs.periodCount(a, b, Granularity.MONTH, calendar)).isEqualTo(4);
    assertThat(Inputs.periodCount(a, b, Granularity.QUARTER, calendar)).isEqualTo(2);
    assertThat(Inputs.periodCount(a, b, Granularity.WEEK, calendar)).isEqualTo(12);
    assertThat(Inputs.periodCount(a, b, Granularity.DAY, calendar)).isEqualTo(77);
    // a fiscal year from April: 2025-01-15 is in FY Q4 (Jan-Mar), 2025-04-01 in the next Q1
    FiscalCalendar april = FiscalCalendar.startingIn(Month.APRIL);
    assertThat(Inputs.periodCount(a, b, Granularity.QUARTER, april)).isEqualTo(2);
    assertThat(Inputs.periodCount(a, b, Granularity.YEAR, april)).isEqualTo(2);
    // the same as the periods the library lists
    for (Granularity g : Granularity.values()) {
      assertThat(Inputs.periodCount(a, b, g, april))
          .as(g.id())
          .isEqualTo(
              Period.covering(
                      a.atStartOfDay(ZoneOffset.UTC).toInstant(),
                      b.atStartOfDay(ZoneOffset.UTC).toInstant(),
                      g,
                      ZoneOffset.UTC,
                      april)
                  .size());
    }
  }

  @Test
  void computeRefusesMoreThanTheLimitNamingTheRangeAndSuggestingFromTo() {
    Cli.Result r =
        Cli.run("compute", "--data", data.toString(), "--metrics", "churn_rate", "--period", "day",
            "--by", "rep", "--format", "csv");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.errors())
        .startsWith(
            "salesmetrics: the range 1900-01-01 to 2200-01-01 (the days the data spans; the end is exclusive)"
                + " has 109573 day periods, more than the 5000 a command computes; choose a"
                + " shorter range with --from and --to, or a longer --period");
  }

  @Test
  void weeksOverThreeCenturiesAreRefusedToo() {
    Cli.Result r =
        Cli.run("compute", "--data", data.toString(), "--metrics", "churn_rate", "--period",
            "week", "--from", "1950-01-01");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.errors())
        .startsWith("salesmetrics: the range 1950-01-01 to 2200-01-01 (--from and the days the data spans;"
            + " the end is exclusive) has 13046 week periods");
  }

  @Test
  void computeWithinTheLimitRuns() {
    Cli.Result r =
        Cli.run("compute", "--data", data.toString(), "--metrics", "churn_rate", "--period", "day",
            "--by", "rep", "--from", "2024-06-01", "--to", "2024-06-04", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines())
        .containsExactly(
            "period_start,period_end,rep,metric,value,unit",
            "2024-06-01,2024-06-02,R01,churn_rate,0,ratio",
            "2024-06-02,2024-06-03,R01,churn_rate,0,ratio",
            "2024-06-03,2024-06-04,R01,churn_rate,0,ratio");
  }

  @Test
  void alertsRefuseMoreThanTheLimitAndAcceptFromTo() throws IOException {
    Path rules = dir.resolve("churn.txt");
    java.nio.file.Files.writeString(
        rules, "rule churn\n  metric: churn_rate\n  when: above\n  warning: 0.4\n");
    Cli.Result r =
        Cli.run("alerts", "--data", data.toString(), "--rules", rules.toString(), "--period",
            "day");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.errors())
        .startsWith(
            "salesmetrics: the range 1900-01-01 to 2200-01-01 (the days the data spans; the end is exclusive)"
                + " has 109573 day periods, more than the 5000 a command computes; choose a"
                + " shorter range with --from and --to, or a longer --period");

    Cli.Result ok =
        Cli.run("alerts", "--data", data.toString(), "--rules", rules.toString(), "--period",
            "day", "--from", "2199-12-30", "--to", "2200-01-01");
    assertThat(ok.code()).as(ok.err()).isZero();
    // C1 and C2 are active at the start of 2199-12-31 and C2 cancels that day: churn 1/2
    // header, transition, blank line, summary header, the rule's summary, shown count
    assertThat(ok.lines()).hasSize(6);
    assertThat(ok.lines().get(4)).matches("churn +1 +1 +overall");
    assertThat(ok.lines().get(5)).isEqualTo("1 of 1 transitions shown");
    assertThat(ok.lines().get(1))
        .matches("2199-12-31 +churn +overall +inactive -> firing +warning +Churn rate overall was"
            + " 50\\.0% \\(1/2\\), above 40%, for 1 day since 2199-12-31");
  }

  @Test
  void alertsFromNotBeforeToIsAUsageError() {
    Cli.Result r =
        Cli.run("alerts", "--data", data.toString(), "--rules", "x.txt", "--from", "2025-02-01",
            "--to", "2025-01-01");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.errors())
        .startsWith("salesmetrics: --from 2025-02-01 must be before --to 2025-01-01");
  }

  @Test
  void theDemoRefusesDataThatSpansMoreQuartersThanTheLimit() {
    Dataset sentinel =
        new Dataset(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                Customer.builder("C1", Instant.parse("2024-01-01T10:00:00Z"))
                    .cancelledAt(Instant.parse("9999-12-31T00:00:00Z"))
                    .build()),
            List.of(),
            List.of());
    assertThatThrownBy(
            () -> DemoCommand.report(sentinel, "test data", DemoCommand.defaultRules(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the range 2024-01-01 to +10000-01-01 (the days the data spans; the end is exclusive)"
                + " has 31904 quarter periods, more than the 5000 a command computes; the demo"
                + " shows all of its data: look for far-off dates in it, or use compute or"
                + " alerts with --from and --to");
  }
}
