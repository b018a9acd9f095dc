package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples (the same as docs/METRICS.md, section Deals) and edge cases. */
class DealMetricsTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Currency USD = Money.currency("USD");
  private static final Period MARCH = Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, UTC);
  private static final Period FEBRUARY =
      Period.of(LocalDate.of(2024, 2, 1), Granularity.MONTH, UTC);

  private static Instant at(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  // The worked example of docs/METRICS.md.
  private static final Deal D1 =
      Deal.builder("D1", "R1", usd("1000.00"), at("2024-02-01"))
          .probability(0.9)
          .won(at("2024-03-11"))
          .build();
  private static final Deal D2 =
      Deal.builder("D2", "R1", usd("3000.00"), at("2024-03-01")).won(at("2024-03-21")).build();
  private static final Deal D3 =
      Deal.builder("D3", "R2", usd("500.00"), at("2024-02-15")).lost(at("2024-03-05")).build();
  private static final Deal D4 =
      Deal.builder("D4", "R2", usd("2000.00"), at("2024-02-20")).stage("proposal").build();
  private static final Deal D5 =
      Deal.builder("D5", "R1", usd("4000.00"), at("2024-01-10")).won(at("2024-02-25")).build();
  private static final Deal D6 = Deal.builder("D6", "R2", usd("1500.00"), at("2024-03-10")).build();
  private static final List<Deal> DEALS = List.of(D1, D2, D3, D4, D5, D6);
  private static final Quota Q1 = new Quota("R1", MARCH, usd("5000.00"));
  private static final Quota Q2 = new Quota("R2", MARCH, usd("3000.00"));

  private static List<SalesRecord> dealsAndQuotas() {
    List<SalesRecord> all = new ArrayList<>(DEALS);
    all.add(Q1);
    all.add(Q2);
    return all;
  }

  private static <R extends MetricValue> R march(Metric<Deal, R> metric, List<Deal> deals) {
    return metric.compute(deals, Window.of(MARCH)).value();
  }

  // ---- worked example ------------------------------------------------------------------------

  @Test
  void workedExampleClosedDeals() {
    assertThat(march(Metrics.DEALS_WON, DEALS)).isEqualTo(Count.of(2));
    assertThat(march(Metrics.SALES_VOLUME, DEALS)).isEqualTo(Amount.of(usd("4000.00"), 2));
    assertThat(march(Metrics.WIN_RATE, DEALS)).isEqualTo(Ratio.of(2, 3));
    assertThat(march(Metrics.WIN_RATE, DEALS).toString()).isEqualTo("66.7% (2/3)");
    assertThat(march(Metrics.WIN_RATE_ALL_CREATED, DEALS)).isEqualTo(Ratio.of(1, 2));
    MoneyStats size = march(Metrics.AVERAGE_DEAL_SIZE, DEALS);
    assertThat(size.mean()).contains(usd("2000.00"));
    assertThat(size.count()).isEqualTo(2);
    DurationStats cycle = march(Metrics.SALES_CYCLE, DEALS);
    assertThat(cycle.count()).isEqualTo(2);
    assertThat(cycle.meanDays()).hasValue(29.5);
    assertThat(cycle.medianDays()).hasValue(29.5);
    assertThat(cycle.minDays()).hasValue(20.0);
    assertThat(cycle.maxDays()).hasValue(39.0);
  }

  @Test
  void workedExamplePipeline() {
    // open at 2024-03-01: D1 (closes 03-11), D3 (closes 03-05), D4 (open); D2 starts at P.start
    assertThat(march(Metrics.PIPELINE_VALUE, DEALS)).isEqualTo(Amount.of(usd("3500.00"), 3));
    // D1 0.9 from the deal, D3 no stage -> default 0.10, D4 proposal -> 0.50
    assertThat(march(Metrics.WEIGHTED_PIPELINE, DEALS)).isEqualTo(Amount.of(usd("1950.00"), 3));
    MetricResult<Ratio> coverage =
        Metrics.PIPELINE_COVERAGE.compute(dealsAndQuotas(), Window.of(MARCH));
    assertThat(coverage.value()).isEqualTo(Ratio.ofMoney(350_000, 800_000, USD));
    assertThat(coverage.metricId()).isEqualTo("pipeline_coverage");
    assertThat(
            Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA
                .compute(dealsAndQuotas(), Window.of(MARCH))
                .value())
        .isEqualTo(Ratio.ofMoney(350_000, 400_000, USD));
    // as of 03-15: D2 is not won yet, so only D1 (1000.00) is won so far
    assertThat(
            Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA
                .compute(dealsAndQuotas(), Window.of(MARCH).asOf(at("2024-03-15")))
                .value())
        .isEqualTo(Ratio.ofMoney(350_000, 700_000, USD));
    // 3 open x 2/3 x 2000.00 / 29.5 days = 135.5932... -> 135.59 USD per day
    assertThat(march(Metrics.SALES_VELOCITY, DEALS)).isEqualTo(Amount.of(usd("135.59"), 3));
  }

  // ---- deals without an amount -----------------------------------------------------------------

  /** D7: lost in March without an amount; D8: open without an amount, stage unknown. */
  private static final Deal D7 =
      Deal.builder("D7", "R2", null, at("2024-02-10")).lost(at("2024-03-15")).build();

  private static final Deal D8 =
      Deal.builder("D8", "R1", null, at("2024-02-12")).stage("Demo").build();

  @Test
  void dealsWithoutAmountCountInWinRateButNotInMoney() {
    List<Deal> deals = new ArrayList<>(DEALS);
    deals.add(D7);
    deals.add(D8);
    // closed in March: D1, D2 won; D3, D7 lost
    assertThat(march(Metrics.WIN_RATE, deals)).isEqualTo(Ratio.of(2, 4));
    assertThat(march(Metrics.DEALS_WON, deals)).isEqualTo(Count.of(2));
    assertThat(march(Metrics.SALES_VOLUME, deals)).isEqualTo(Amount.of(usd("4000.00"), 2));
    assertThat(march(Metrics.AVERAGE_DEAL_SIZE, deals).mean()).contains(usd("2000.00"));
    // open at 03-01: D1, D3, D4 with amounts (1000 + 500 + 2000); D7 and D8 add nothing
    assertThat(march(Metrics.PIPELINE_VALUE, deals)).isEqualTo(Amount.of(usd("3500.00"), 3));
    assertThat(march(Metrics.WEIGHTED_PIPELINE, deals)).isEqualTo(Amount.of(usd("1950.00"), 3));
    List<SalesRecord> withQuotas = new ArrayList<>(deals);
    withQuotas.add(Q1);
    withQuotas.add(Q2);
    assertThat(Metrics.PIPELINE_COVERAGE.compute(withQuotas, Window.of(MARCH)).value())
        .isEqualTo(Ratio.ofMoney(350_000, 800_000, USD));
    // 5 open at 03-01 (D1, D3, D4, D7, D8) x 2/4 won x 2000.00 / 29.5 days = 169.4915...
    assertThat(march(Metrics.SALES_VELOCITY, deals)).isEqualTo(Amount.of(usd("169.49"), 4));
  }

  @Test
  void aDealWithoutAmountNeedsNoProbability() {
    // D8's stage "Demo" has no probability and there is no default: it is not asked for
    assertThat(march(Metrics.weightedPipeline(Map.of("proposal", 0.5)), List.of(D4, D8)))
        .isEqualTo(Amount.of(usd("1000.00"), 1));
  }

  @Test
  void onlyDealsWithoutAmountGiveAnEmptyPipeline() {
    assertThat(march(Metrics.PIPELINE_VALUE, List.of(D7, D8))).isEqualTo(Amount.empty());
    assertThat(march(Metrics.WIN_RATE, List.of(D7, D8))).isEqualTo(Ratio.of(0, 1));
  }

  @Test
  void workedExampleQuotaAttainment() {
    assertThat(Metrics.QUOTA_ATTAINMENT.compute(dealsAndQuotas(), Window.of(MARCH)).value())
        .isEqualTo(Ratio.ofMoney(400_000, 800_000, USD));
    List<SalesRecord> rep1 = List.of(D1, D2, D5, Q1);
    assertThat(Metrics.QUOTA_ATTAINMENT.compute(rep1, Window.of(MARCH)).value().toString())
        .isEqualTo("80.0% (4,000.00 / 5,000.00 USD)");
    // a quarterly quota of 9100.00 over 91 days counts 31/91 in March: 3100.00
    Quota quarter =
        new Quota(
            "R1", Period.of(LocalDate.of(2024, 1, 1), Granularity.QUARTER, UTC), usd("9100.00"));
    assertThat(Metrics.QUOTA_ATTAINMENT.compute(List.of(D1, D2, quarter), Window.of(MARCH)).value())
        .isEqualTo(Ratio.ofMoney(400_000, 310_000, USD));
  }

  @Test
  void quotaProrationRoundsHalfEven() {
    // 0.02 USD over 4 days, 2 inside: exactly 1 cent; 0.01 USD over 2 days, 1 inside: 0.5 -> 0
    Period fourDays = Period.between(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 3), UTC);
    Period twoDays = Period.between(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 2), UTC);
    Period threeDays = Period.between(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 3), UTC);
    assertThat(
            Metrics.QUOTA_ATTAINMENT
                .compute(List.of(new Quota("R1", fourDays, usd("0.02"))), Window.of(MARCH))
                .value())
        .isEqualTo(Ratio.ofMoney(0, 1, USD));
    assertThat(
            Metrics.QUOTA_ATTAINMENT
                .compute(List.of(new Quota("R1", twoDays, usd("0.01"))), Window.of(MARCH))
                .value())
        .isEqualTo(Ratio.ofMoney(0, 0, USD));
    // 0.03 over 3 days, 2 inside = 0.02; 0.15 over 2 days, 1 inside = 7.5 -> 8 (HALF_EVEN)
    assertThat(
            Metrics.QUOTA_ATTAINMENT
                .compute(
                    List.of(
                        new Quota("R1", threeDays, usd("0.03")),
                        new Quota("R1", twoDays, usd("0.15"))),
                    Window.of(MARCH))
                .value())
        .isEqualTo(Ratio.ofMoney(0, 10, USD));
    // quotas outside P do not count; over all time every quota counts fully
    Quota april = new Quota("R1", MARCH.next(), usd("10.00"));
    assertThat(Metrics.QUOTA_ATTAINMENT.compute(List.of(april), Window.of(MARCH)).value())
        .isEqualTo(Ratio.empty());
    assertThat(Metrics.QUOTA_ATTAINMENT.compute(List.of(april, Q1)).value())
        .isEqualTo(Ratio.ofMoney(0, 501_000, USD));
  }

  @Test
  void workedExampleStageConversion() {
    Deal s1 =
        Deal.builder("S1", "R1", usd("1.00"), at("2024-03-02"))
            .addStage("lead", at("2024-03-02"))
            .addStage("qualified", at("2024-03-05"))
            .addStage("proposal", at("2024-03-10"))
            .addStage("negotiation", at("2024-03-20"))
            .addStage("won", at("2024-03-25"))
            .won(at("2024-03-25"))
            .build();
    Deal s2 =
        Deal.builder("S2", "R1", usd("1.00"), at("2024-03-03"))
            .addStage("lead", at("2024-03-03"))
            .addStage("qualified", at("2024-03-08"))
            .build();
    Deal s3 =
        Deal.builder("S3", "R1", usd("1.00"), at("2024-03-04"))
            .addStage("lead", at("2024-03-04"))
            .addStage("proposal", at("2024-03-06"))
            .build();
    Deal s4 =
        Deal.builder("S4", "R1", usd("1.00"), at("2024-02-20"))
            .addStage("lead", at("2024-02-20"))
            .addStage("Qualified", at("2024-03-02"))
            .addStage("proposal", at("2024-04-05"))
            .build();
    StageFunnel funnel = march(Metrics.STAGE_CONVERSION, List.of(s1, s2, s3, s4));
    assertThat(funnel.stages()).isEqualTo(Metrics.DEFAULT_STAGE_ORDER);
    assertThat(funnel.conversionFrom("lead")).contains(Ratio.of(2, 3));
    assertThat(funnel.conversionFrom("qualified")).contains(Ratio.of(2, 3));
    assertThat(funnel.conversionFrom("proposal")).contains(Ratio.of(1, 2));
    assertThat(funnel.conversionFrom("negotiation")).contains(Ratio.of(1, 1));
    assertThat(funnel.conversionFrom("won")).isEmpty();
    assertThat(funnel.overall()).isEqualTo(Ratio.of(1, 3));
    assertThat(funnel.asDouble()).hasValue(1.0 / 3);
    assertThat(funnel.sampleSize()).isEqualTo(3);
    assertThat(funnel.toString())
        .isEqualTo(
            """
            lead → qualified: 66.7% (2/3)
            qualified → proposal: 66.7% (2/3)
            proposal → negotiation: 50.0% (1/2)
            negotiation → won: 100.0% (1/1)
            overall lead → won: 33.3% (1/3)""");
  }

  @Test
  void stageConversionWithCustomOrderAndRepeatedStages() {
    Deal loop =
        Deal.builder("L", "R1", usd("1.00"), at("2024-03-01"))
            .addStage("demo", at("2024-03-01"))
            .addStage("demo", at("2024-03-02"))
            .addStage("trial", at("2024-03-02"))
            .build();
    Metric<Deal, StageFunnel> metric = Metrics.stageConversion(List.of("demo", "trial"));
    StageFunnel funnel = march(metric, List.of(loop));
    assertThat(funnel.steps()).hasSize(1);
    assertThat(funnel.overall()).isEqualTo(Ratio.of(1, 1));
    assertThat(funnel.conversionFrom("DEMO")).contains(Ratio.of(1, 1));
    // trial entered before demo does not count as converted
    Deal backwards =
        Deal.builder("B", "R1", usd("1.00"), at("2024-03-01"))
            .addStage("trial", at("2024-03-01"))
            .addStage("demo", at("2024-03-02"))
            .build();
    assertThat(march(metric, List.of(backwards)).overall()).isEqualTo(Ratio.of(0, 1));
    assertThatThrownBy(() -> Metrics.stageConversion(List.of("demo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage order must have at least 2 stages: [demo]");
    assertThatThrownBy(() -> Metrics.stageConversion(List.of("demo", "Demo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stage \"Demo\" appears twice");
  }

  @Test
  void workedExampleRepRampTime() {
    List<SalesRecord> records =
        List.of(
            new Rep("R1", "Ann", null, null, LocalDate.of(2024, 1, 1)),
            new Rep("R2", "Bo", null, null, LocalDate.of(2024, 2, 1)),
            new Rep("R3", "Cy", null, null, null),
            D1,
            D2,
            D3,
            D4,
            D5,
            D6,
            Deal.builder("D7", "R3", usd("1.00"), at("2024-01-02")).won(at("2024-01-05")).build());
    // R1: hired 2024-01-01, first win D5 on 2024-02-25 = 55 days; R2 never won; R3 no hire date
    DurationStats all = Metrics.REP_RAMP_TIME.compute(records).value();
    assertThat(all.count()).isEqualTo(1);
    assertThat(all.meanDays()).hasValue(55.0);
    // with a period: only reps whose first win lies in it
    assertThat(Metrics.REP_RAMP_TIME.compute(records, Window.of(FEBRUARY)).value().count())
        .isEqualTo(1);
    assertThat(Metrics.REP_RAMP_TIME.compute(records, Window.of(MARCH)).value())
        .isEqualTo(DurationStats.empty());
    // as of 2024-02-01, R1 has not won yet
    assertThat(Metrics.REP_RAMP_TIME.compute(records, Window.all().asOf(at("2024-02-01"))).value())
        .isEqualTo(DurationStats.empty());
  }

  @Test
  void repRampTimeUsesThePeriodZoneAcrossDst() {
    Period marchNy = Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, NEW_YORK);
    // hired 2024-03-01 = 05:00Z in New York; first win at local midnight 2024-03-11 = 04:00Z
    List<SalesRecord> records =
        List.of(
            new Rep("R1", "Ann", null, null, LocalDate.of(2024, 3, 1)),
            Deal.builder("D", "R1", usd("1.00"), at("2024-03-02"))
                .won(Instant.parse("2024-03-11T04:00:00Z"))
                .build());
    DurationStats ny = Metrics.REP_RAMP_TIME.compute(records, Window.of(marchNy)).value();
    assertThat(ny.meanDays().orElseThrow()).isCloseTo(10 - 1 / 24.0, within(1e-12));
    DurationStats utc = Metrics.REP_RAMP_TIME.compute(records).value();
    assertThat(utc.meanDays().orElseThrow()).isCloseTo(10 + 4 / 24.0, within(1e-12));
    assertThatThrownBy(
            () ->
                Metrics.REP_RAMP_TIME.compute(
                    List.of(
                        new Rep("R1", "Ann", null, null, LocalDate.of(2024, 3, 1)),
                        new Rep("R1", "Ann", null, null, LocalDate.of(2024, 3, 2)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep R1 has two hired_on dates: 2024-03-01 and 2024-03-02");
  }

  // ---- edges -------------------------------------------------------------------------------

  @Test
  void noRecords() {
    List<Deal> none = List.of();
    assertThat(march(Metrics.DEALS_WON, none)).isEqualTo(Count.of(0));
    assertThat(march(Metrics.SALES_VOLUME, none)).isEqualTo(Amount.empty());
    assertThat(march(Metrics.WIN_RATE, none)).isEqualTo(Ratio.empty());
    assertThat(march(Metrics.WIN_RATE_ALL_CREATED, none)).isEqualTo(Ratio.empty());
    assertThat(march(Metrics.AVERAGE_DEAL_SIZE, none)).isEqualTo(MoneyStats.empty());
    assertThat(march(Metrics.SALES_CYCLE, none)).isEqualTo(DurationStats.empty());
    assertThat(march(Metrics.PIPELINE_VALUE, none)).isEqualTo(Amount.empty());
    assertThat(march(Metrics.WEIGHTED_PIPELINE, none)).isEqualTo(Amount.empty());
    assertThat(march(Metrics.SALES_VELOCITY, none)).isEqualTo(Amount.empty());
    assertThat(march(Metrics.STAGE_CONVERSION, none).asDouble()).isEmpty();
    assertThat(Metrics.PIPELINE_COVERAGE.compute(List.of(), Window.of(MARCH)).value())
        .isEqualTo(Ratio.empty());
    assertThat(
            Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA.compute(List.of(), Window.of(MARCH)).value())
        .isEqualTo(Ratio.empty());
    assertThat(Metrics.QUOTA_ATTAINMENT.compute(List.of(), Window.of(MARCH)).value())
        .isEqualTo(Ratio.empty());
    assertThat(Metrics.REP_RAMP_TIME.compute(List.of()).value()).isEqualTo(DurationStats.empty());
  }

  @Test
  void oneRecord() {
    List<Deal> one = List.of(D1);
    assertThat(march(Metrics.DEALS_WON, one)).isEqualTo(Count.of(1));
    assertThat(march(Metrics.SALES_VOLUME, one)).isEqualTo(Amount.of(usd("1000.00"), 1));
    assertThat(march(Metrics.WIN_RATE, one)).isEqualTo(Ratio.of(1, 1));
    assertThat(march(Metrics.WIN_RATE_ALL_CREATED, one)).isEqualTo(Ratio.empty());
    assertThat(march(Metrics.PIPELINE_VALUE, one)).isEqualTo(Amount.of(usd("1000.00"), 1));
    assertThat(march(Metrics.WEIGHTED_PIPELINE, one)).isEqualTo(Amount.of(usd("900.00"), 1));
    // 1 open x 1/1 x 1000.00 / 39 days = 25.641... -> 25.64
    assertThat(march(Metrics.SALES_VELOCITY, one)).isEqualTo(Amount.of(usd("25.64"), 1));
  }

  @Test
  void allUndefined() {
    // only open deals created in P: nothing closed, nothing open at P.start
    List<Deal> open = List.of(D6);
    assertThat(march(Metrics.WIN_RATE, open)).isEqualTo(Ratio.empty());
    assertThat(march(Metrics.AVERAGE_DEAL_SIZE, open).mean()).isEmpty();
    assertThat(march(Metrics.SALES_CYCLE, open).meanDays()).isEmpty();
    assertThat(march(Metrics.SALES_VELOCITY, open).value()).isEmpty();
    assertThat(march(Metrics.PIPELINE_VALUE, open).value()).isEmpty();
    // lost deals only: win rate 0, velocity undefined (no won deal)
    assertThat(march(Metrics.WIN_RATE, List.of(D3))).isEqualTo(Ratio.of(0, 1));
    assertThat(march(Metrics.SALES_VELOCITY, List.of(D3))).isEqualTo(Amount.undefined(1));
  }

  @Test
  void boundaryInstants() {
    Instant justBeforeEnd = MARCH.end().minusNanos(1);
    Deal atStart =
        Deal.builder("A", "R1", usd("10.00"), at("2024-02-01")).won(MARCH.start()).build();
    Deal beforeEnd =
        Deal.builder("B", "R1", usd("20.00"), at("2024-02-01")).won(justBeforeEnd).build();
    Deal atEnd = Deal.builder("C", "R1", usd("40.00"), at("2024-02-01")).won(MARCH.end()).build();
    Deal beforeStart =
        Deal.builder("D", "R1", usd("80.00"), at("2024-02-01"))
            .lost(MARCH.start().minusNanos(1))
            .build();
    List<Deal> deals = List.of(atStart, beforeEnd, atEnd, beforeStart);
    assertThat(march(Metrics.DEALS_WON, deals)).isEqualTo(Count.of(2));
    assertThat(march(Metrics.SALES_VOLUME, deals)).isEqualTo(Amount.of(usd("30.00"), 2));
    assertThat(march(Metrics.WIN_RATE, deals)).isEqualTo(Ratio.of(2, 2));
    // closed exactly at P.start: still open at P.start; closed just before: not
    assertThat(march(Metrics.PIPELINE_VALUE, deals)).isEqualTo(Amount.of(usd("70.00"), 3));
    Deal createdAtStart = Deal.builder("E", "R1", usd("1.00"), MARCH.start()).build();
    assertThat(march(Metrics.PIPELINE_VALUE, List.of(createdAtStart))).isEqualTo(Amount.empty());
    assertThat(march(Metrics.WIN_RATE_ALL_CREATED, List.of(createdAtStart)))
        .isEqualTo(Ratio.of(0, 1));
  }

  @Test
  void daylightSavingPeriodInNewYork() {
    Period marchNy = Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, NEW_YORK);
    // P = [2024-03-01T05:00Z, 2024-04-01T04:00Z): clocks go forward on 2024-03-10
    Deal lateMarch =
        Deal.builder("A", "R1", usd("10.00"), at("2024-02-01"))
            .won(Instant.parse("2024-04-01T03:30:00Z"))
            .build();
    Deal earlyUtcMarch =
        Deal.builder("B", "R1", usd("20.00"), at("2024-02-01"))
            .won(Instant.parse("2024-03-01T04:59:59Z"))
            .build();
    List<Deal> deals = List.of(lateMarch, earlyUtcMarch);
    Window window = Window.of(marchNy);
    assertThat(Metrics.SALES_VOLUME.compute(deals, window).value())
        .isEqualTo(Amount.of(usd("10.00"), 1));
    assertThat(Metrics.PIPELINE_VALUE.compute(deals, window).value())
        .isEqualTo(Amount.of(usd("10.00"), 1));
    // the cycle spans the DST change and is measured in days of 86,400 s
    Deal acrossDst =
        Deal.builder("C", "R1", usd("10.00"), Instant.parse("2024-03-09T05:00:00Z"))
            .won(Instant.parse("2024-03-11T04:00:00Z"))
            .build();
    assertThat(
            Metrics.SALES_CYCLE
                .compute(List.of(acrossDst), window)
                .value()
                .meanDays()
                .orElseThrow())
        .isCloseTo(2 - 1 / 24.0, within(1e-12));
  }

  @Test
  void zeroAmounts() {
    Deal zero =
        Deal.builder("Z", "R1", usd("0.00"), at("2024-02-01")).won(at("2024-03-02")).build();
    assertThat(march(Metrics.SALES_VOLUME, List.of(zero))).isEqualTo(Amount.of(usd("0.00"), 1));
    assertThat(march(Metrics.AVERAGE_DEAL_SIZE, List.of(zero)).mean()).contains(usd("0.00"));
    assertThat(march(Metrics.PIPELINE_VALUE, List.of(zero))).isEqualTo(Amount.of(usd("0.00"), 1));
    assertThat(march(Metrics.SALES_VELOCITY, List.of(zero))).isEqualTo(Amount.of(usd("0.00"), 1));
    Quota zeroQuota = new Quota("R1", MARCH, usd("0.00"));
    assertThat(Metrics.QUOTA_ATTAINMENT.compute(List.of(zero, zeroQuota), Window.of(MARCH)).value())
        .isEqualTo(Ratio.ofMoney(0, 0, USD));
  }

  @Test
  void salesVelocityUndefinedWhenTheMeanCycleIsZero() {
    Deal instant =
        Deal.builder("I", "R1", usd("5.00"), at("2024-03-02")).won(at("2024-03-02")).build();
    assertThat(march(Metrics.SALES_VELOCITY, List.of(D4, instant))).isEqualTo(Amount.undefined(1));
  }

  @Test
  void remainingQuotaUndefinedWhenMet() {
    List<SalesRecord> records = List.of(D1, D2, D4, new Quota("R1", MARCH, usd("4000.00")));
    Ratio coverage =
        Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA.compute(records, Window.of(MARCH)).value();
    assertThat(coverage.value()).isEmpty();
    assertThat(coverage).isEqualTo(Ratio.ofMoney(300_000, 0, USD));
    // as-of before P.start: nothing won so far
    Ratio early =
        Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA
            .compute(records, Window.of(MARCH).asOf(at("2024-02-25")))
            .value();
    assertThat(early).isEqualTo(Ratio.ofMoney(300_000, 400_000, USD));
    // a win exactly at the as-of instant is not "so far": [P.start, asOf)
    Ratio atWin =
        Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA
            .compute(records, Window.of(MARCH).asOf(at("2024-03-11")))
            .value();
    assertThat(atWin).isEqualTo(Ratio.ofMoney(300_000, 400_000, USD));
  }

  @Test
  void periodMetricsRefuseAllTime() {
    for (Metric<?, ?> metric :
        List.of(
            Metrics.PIPELINE_VALUE,
            Metrics.WEIGHTED_PIPELINE,
            Metrics.PIPELINE_COVERAGE,
            Metrics.PIPELINE_COVERAGE_REMAINING_QUOTA,
            Metrics.SALES_VELOCITY)) {
      assertThat(metric.needsPeriod()).as(metric.id()).isTrue();
      assertThat(metric.placement().isSpanning()).as(metric.id()).isTrue();
      assertThatThrownBy(() -> metric.accumulator(Window.all()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(metric.id() + " needs a period");
    }
  }

  // ---- weighted pipeline parameters --------------------------------------------------------

  @Test
  void weightedPipelineProbabilitySources() {
    Deal noStage = Deal.builder("N", "R1", usd("100.00"), at("2024-02-01")).build();
    Deal unknown = Deal.builder("U", "R1", usd("100.00"), at("2024-02-01")).stage("Demo").build();
    Deal mapped = Deal.builder("M", "R1", usd("100.00"), at("2024-02-01")).stage("DEMO").build();
    Map<String, Double> map = Map.of("demo", 0.3);
    assertThat(march(Metrics.weightedPipeline(map, 0.05), List.of(noStage, mapped)))
        .isEqualTo(Amount.of(usd("35.00"), 2));
    assertThat(march(Metrics.weightedPipeline(map, 0.0), List.of(noStage)))
        .isEqualTo(Amount.of(usd("0.00"), 1));
    assertThat(march(Metrics.weightedPipeline(Map.of("other", 0.3)), List.of()))
        .isEqualTo(Amount.empty());
    assertThatThrownBy(
            () -> march(Metrics.weightedPipeline(Map.of("other", 0.3)), List.of(unknown)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "weighted_pipeline has no probability for open deal U: no probability on the deal and"
                + " stage \"Demo\" not in [other]; give a default probability");
    assertThatThrownBy(() -> Metrics.weightedPipeline(Map.of("demo", 1.5), 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability of stage \"demo\" must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> Metrics.weightedPipeline(map, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("default probability must be in [0, 1]: -0.1");
  }

  @Test
  void weightedPipelineRoundsTheExactSumOnce() {
    // 0.01 x 0.5 three times = 0.015 exactly -> 0.02 (HALF_EVEN of 1.5 cents)
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      deals.add(
          Deal.builder("W" + i, "R1", usd("0.01"), at("2024-02-01")).probability(0.5).build());
    }
    assertThat(march(Metrics.WEIGHTED_PIPELINE, deals)).isEqualTo(Amount.of(usd("0.02"), 3));
  }

  // ---- currencies ----------------------------------------------------------------------------

  /** EUR to USD at 1.10, rounded HALF_EVEN to the cent; USD unchanged. */
  private static final CurrencyConverter TO_USD =
      (amount, target, at) -> {
        if (amount.currency().equals(target)) {
          return amount;
        }
        BigDecimal usd =
            amount
                .toBigDecimal()
                .multiply(new BigDecimal("1.10"))
                .setScale(2, RoundingMode.HALF_EVEN);
        return Money.of(usd, target);
      };

  @Test
  void mixedCurrenciesNeedAConverter() {
    Deal eur =
        Deal.builder("E", "R1", Money.of("100.00", "EUR"), at("2024-02-01"))
            .won(at("2024-03-02"))
            .build();
    Deal usdDeal =
        Deal.builder("U", "R1", usd("100.00"), at("2024-02-01")).won(at("2024-03-04")).build();
    List<Deal> deals = List.of(usdDeal, eur);
    assertThatThrownBy(() -> march(Metrics.SALES_VOLUME, deals))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> march(Metrics.AVERAGE_DEAL_SIZE, deals))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThat(march(Metrics.salesVolume(TO_USD, USD), deals))
        .isEqualTo(Amount.of(usd("210.00"), 2));
    assertThat(march(Metrics.averageDealSize(TO_USD, USD), deals).mean()).contains(usd("105.00"));
    assertThat(march(Metrics.salesVolume(TO_USD, USD), List.of()))
        .isEqualTo(Amount.of(usd("0.00"), 0));
    Deal openEur =
        Deal.builder("O", "R1", Money.of("10.00", "EUR"), at("2024-02-01"))
            .probability(0.5)
            .build();
    assertThat(march(Metrics.pipelineValue(TO_USD, USD), List.of(openEur, D4)))
        .isEqualTo(Amount.of(usd("2011.00"), 2));
    assertThat(
            march(
                Metrics.weightedPipeline(Map.of("proposal", 0.5), 0.1, TO_USD, USD),
                List.of(openEur, D4)))
        .isEqualTo(Amount.of(usd("1005.50"), 2));
    // velocity: 4 open x 2/2 x 105.00 / mean cycle ((30 + 32) / 2 = 31 days) = 13.548... per day
    assertThat(march(Metrics.salesVelocity(TO_USD, USD), List.of(usdDeal, eur, openEur, D4)))
        .isEqualTo(Amount.of(usd("13.55"), 2));
    Quota eurQuota = new Quota("R1", MARCH, Money.of("1000.00", "EUR"));
    List<SalesRecord> records = List.of(usdDeal, eur, eurQuota, openEur);
    assertThatThrownBy(() -> Metrics.QUOTA_ATTAINMENT.compute(records, Window.of(MARCH)))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThat(Metrics.quotaAttainment(TO_USD, USD).compute(records, Window.of(MARCH)).value())
        .isEqualTo(Ratio.ofMoney(21_000, 110_000, USD));
    assertThat(Metrics.pipelineCoverage(TO_USD, USD).compute(records, Window.of(MARCH)).value())
        .isEqualTo(Ratio.ofMoney(22_100, 110_000, USD));
    assertThat(
            Metrics.pipelineCoverageRemainingQuota(TO_USD, USD)
                .compute(records, Window.of(MARCH))
                .value())
        .isEqualTo(Ratio.ofMoney(22_100, 89_000, USD));
  }

  @Test
  void converterMustReturnTheTargetCurrency() {
    CurrencyConverter broken = (amount, target, at) -> amount;
    Deal eur =
        Deal.builder("E", "R1", Money.of("100.00", "EUR"), at("2024-02-01"))
            .won(at("2024-03-02"))
            .build();
    assertThatThrownBy(() -> march(Metrics.salesVolume(broken, USD), List.of(eur)))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("EUR");
  }

  // ---- registry and collector ------------------------------------------------------------------

  @Test
  void everyDealMetricIsFoundById() {
    List<String> ids =
        List.of(
            "deals_won",
            "sales_volume",
            "win_rate",
            "win_rate.all_created",
            "average_deal_size",
            "sales_cycle",
            "pipeline_value",
            "weighted_pipeline",
            "pipeline_coverage",
            "pipeline_coverage.remaining_quota",
            "sales_velocity",
            "stage_conversion",
            "quota_attainment",
            "rep_ramp_time");
    for (String id : ids) {
      assertThat(Metrics.byId(id).id()).isEqualTo(id);
      assertThat(Metrics.byId(id).description()).isNotBlank();
    }
    assertThat(Metrics.byId("win_rate")).isSameAs(Metrics.WIN_RATE);
    assertThat(Metrics.all())
        .containsSubsequence(Metrics.DEALS_WON, Metrics.WIN_RATE, Metrics.REP_RAMP_TIME);
  }

  @Test
  void collectorAgreesWithCompute() {
    MetricResult<Ratio> collected =
        DEALS.stream().collect(Metrics.WIN_RATE.collector(Window.of(MARCH)));
    assertThat(collected.value()).isEqualTo(Ratio.of(2, 3));
    assertThat(collected.metricId()).isEqualTo("win_rate");
  }
}
