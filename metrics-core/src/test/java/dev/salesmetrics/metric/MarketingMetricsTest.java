package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of the "Marketing" section of docs/METRICS.md, and the edges. */
class MarketingMetricsTest {
  private static final Window IN_MARCH =
      Window.of(Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC));
  private static final Currency USD = Currency.getInstance("USD");

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  private static Campaign campaign(String id, String start, String end, String spend) {
    return new Campaign(
        id,
        "campaign " + id,
        null,
        LocalDate.parse(start),
        LocalDate.parse(end),
        Money.of(spend, "USD"));
  }

  private static Customer customer(String id, String signedUp) {
    return Customer.builder(id, at(signedUp)).build();
  }

  // Campaigns of the worked example: A is half in March, B 7 of 10 days, C 2 of 3 days.
  static final Campaign A = campaign("A", "2024-02-20", "2024-03-10", "2000.00");
  static final Campaign B = campaign("B", "2024-03-25", "2024-04-03", "100.00");
  static final Campaign C = campaign("C", "2024-03-30", "2024-04-01", "1.00");

  static final List<Customer> CUSTOMERS =
      List.of(
          customer("K1", "2024-03-01T00:00:00Z"),
          customer("K2", "2024-03-05T10:00:00Z"),
          customer("K3", "2024-03-20T10:00:00Z"),
          customer("K4", "2024-03-31T23:59:59Z"),
          customer("K5", "2024-04-01T00:00:00Z"));

  @SafeVarargs
  private static List<SalesRecord> records(List<? extends SalesRecord>... parts) {
    List<SalesRecord> all = new ArrayList<>();
    for (List<? extends SalesRecord> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  @Test
  void attributionSpreadsSpendOverTheCampaignDays() {
    assertThat(MarketingDefinitions.daysInside(A, IN_MARCH)).isEqualTo(10);
    assertThat(MarketingDefinitions.attributedSpend(A, IN_MARCH))
        .isEqualTo(Money.of("1000.00", "USD"));
    assertThat(MarketingDefinitions.attributedSpend(B, IN_MARCH))
        .isEqualTo(Money.of("70.00", "USD"));
    // 100 cents × 2 / 3 = 66.67 cents, rounded HALF_EVEN to 67
    assertThat(MarketingDefinitions.attributedSpend(C, IN_MARCH))
        .isEqualTo(Money.of("0.67", "USD"));
    assertThat(MarketingDefinitions.attributedSpend(C, Window.all()))
        .isEqualTo(Money.of("1.00", "USD"));
    // HALF_EVEN: 1 cent over 2 days, 1 day inside: 0.5 cent rounds to 0
    Campaign tiny = campaign("T", "2024-03-31", "2024-04-01", "0.01");
    assertThat(MarketingDefinitions.attributedSpend(tiny, IN_MARCH))
        .isEqualTo(Money.of("0.00", "USD"));
    Campaign tiny3 = campaign("T", "2024-03-31", "2024-04-01", "0.03");
    assertThat(MarketingDefinitions.attributedSpend(tiny3, IN_MARCH))
        .isEqualTo(Money.of("0.02", "USD"));
  }

  @Test
  void customerAcquisitionCostWorkedExample() {
    Amount cac =
        Metrics.CUSTOMER_ACQUISITION_COST
            .compute(records(List.of(A, B, C), CUSTOMERS), IN_MARCH)
            .value();
    // (1000.00 + 70.00 + 0.67) / 4 = 267.6675, HALF_EVEN to the cent
    assertThat(cac).isEqualTo(Amount.of(Money.of("267.67", "USD"), 4));
    Amount allTime =
        Metrics.CUSTOMER_ACQUISITION_COST.compute(records(List.of(A, B, C), CUSTOMERS)).value();
    assertThat(allTime).isEqualTo(Amount.of(Money.of("420.20", "USD"), 5));
  }

  @Test
  void customerAcquisitionCostUndefinedCases() {
    assertThat(Metrics.CUSTOMER_ACQUISITION_COST.compute(List.of(A), IN_MARCH).value())
        .isEqualTo(Amount.empty());
    assertThat(Metrics.CUSTOMER_ACQUISITION_COST.compute(records(CUSTOMERS), IN_MARCH).value())
        .isEqualTo(Amount.undefined(4));
    assertThat(Metrics.CUSTOMER_ACQUISITION_COST.compute(List.of(), IN_MARCH).value().asDouble())
        .isEmpty();
    Campaign free = campaign("F", "2024-03-01", "2024-03-31", "0.00");
    assertThat(
            Metrics.CUSTOMER_ACQUISITION_COST
                .compute(records(List.of(free), CUSTOMERS), IN_MARCH)
                .value())
        .isEqualTo(Amount.of(Money.of("0.00", "USD"), 4));
  }

  @Test
  void attributionUsesLocalDatesAcrossDaylightSaving() {
    ZoneId ny = ZoneId.of("America/New_York");
    Window march = Window.of(Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ny));
    Campaign edge = campaign("E", "2024-02-28", "2024-03-02", "40.00");
    Campaign dst = campaign("D", "2024-03-10", "2024-03-10", "5.00");
    assertThat(MarketingDefinitions.daysInside(edge, march)).isEqualTo(2);
    assertThat(MarketingDefinitions.daysInside(dst, march)).isEqualTo(1);
    List<SalesRecord> input =
        records(
            List.of(edge, dst),
            List.of(
                customer("K0", "2024-03-01T04:59:59Z"), // still 29 February in New York
                customer("K1", "2024-03-01T05:00:00Z"),
                customer("K2", "2024-04-01T03:59:59Z"),
                customer("K3", "2024-04-01T04:00:00Z")));
    assertThat(Metrics.CUSTOMER_ACQUISITION_COST.compute(input, march).value())
        .isEqualTo(Amount.of(Money.of("12.50", "USD"), 2));
  }

  @Test
  void customPeriodCountsOnlyDaysWhoseStartLiesInIt() {
    Period p =
        Period.ofInstants(at("2024-03-01T12:00:00Z"), at("2024-03-03T12:00:00Z"), ZoneOffset.UTC);
    Campaign c = campaign("X", "2024-03-01", "2024-03-04", "40.00");
    // 2 March and 3 March start inside; 1 March starts before the period
    assertThat(MarketingDefinitions.daysInside(c, Window.of(p))).isEqualTo(2);
  }

  @Test
  void mixedCurrenciesThrowUnlessConverted() {
    Campaign eur =
        new Campaign(
            "E",
            "euro",
            null,
            LocalDate.parse("2024-03-01"),
            LocalDate.parse("2024-03-31"),
            Money.of("100.00", "EUR"));
    List<SalesRecord> input = records(List.of(A, eur), CUSTOMERS);
    assertThatThrownBy(() -> Metrics.CUSTOMER_ACQUISITION_COST.compute(input, IN_MARCH))
        .isInstanceOf(CurrencyMismatchException.class);
    CurrencyConverter twoDollarsPerEuro =
        (amount, target, when) ->
            amount.currency().equals(target)
                ? amount
                : Money.ofMinor(amount.minorUnits() * 2, target);
    // 1000.00 + 200.00 over 4 customers
    assertThat(
            Metrics.customerAcquisitionCost(twoDollarsPerEuro, USD)
                .compute(input, IN_MARCH)
                .value())
        .isEqualTo(Amount.of(Money.of("300.00", "USD"), 4));
    // 1000.00 + 200.00 over the 3 March leads
    assertThat(
            Metrics.costPerLead(twoDollarsPerEuro, USD)
                .compute(records(List.of(A, eur), LeadMetricsTest.LEADS), IN_MARCH)
                .value())
        .isEqualTo(Amount.of(Money.of("400.00", "USD"), 3));
  }

  @Test
  void costPerLeadWorkedExample() {
    Amount cpl =
        Metrics.COST_PER_LEAD
            .compute(records(List.of(A, B, C), LeadMetricsTest.LEADS), IN_MARCH)
            .value();
    assertThat(cpl).isEqualTo(Amount.of(Money.of("356.89", "USD"), 3));
    assertThat(Metrics.COST_PER_LEAD.compute(List.of(A, B), IN_MARCH).value())
        .isEqualTo(Amount.empty());
  }

  // Campaign ROI example: A's leads won 3000 + 500, B's lead lost, a lead without campaign won.
  static final List<Lead> ROI_LEADS =
      List.of(
          Lead.builder("LA1", at("2024-02-21T00:00:00Z")).campaignId("A").build(),
          Lead.builder("LA2", at("2024-02-22T00:00:00Z")).campaignId("A").build(),
          Lead.builder("LB1", at("2024-03-26T00:00:00Z")).campaignId("B").build(),
          Lead.builder("LX", at("2024-03-02T00:00:00Z")).build());

  private static Deal deal(String id, String lead, String amount, String status, String closed) {
    Deal.Builder b =
        Deal.builder(id, "R1", Money.of(amount, "USD"), at("2024-03-01T00:00:00Z")).leadId(lead);
    if (status.equals("won")) {
      b.won(at(closed));
    } else if (status.equals("lost")) {
      b.lost(at(closed));
    }
    return b.build();
  }

  static final List<Deal> ROI_DEALS =
      List.of(
          deal("D1", "LA1", "3000.00", "won", "2024-04-15T00:00:00Z"),
          deal("D2", "LA2", "500.00", "won", "2024-03-10T00:00:00Z"),
          deal("D3", "LB1", "9999.00", "lost", "2024-04-01T00:00:00Z"),
          deal("D4", "LX", "700.00", "won", "2024-03-20T00:00:00Z"),
          deal("D5", "LB1", "1000.00", "open", ""));

  @Test
  void campaignRoiWorkedExample() {
    List<SalesRecord> input = records(List.of(A, B), ROI_LEADS, ROI_DEALS);
    Ratio roi = Metrics.CAMPAIGN_ROI.compute(input).value();
    // (3500.00 − 2100.00) / 2100.00
    assertThat(roi).isEqualTo(Ratio.ofMoney(140_000, 210_000, USD));
    assertThat(roi.toString()).isEqualTo("66.7% (1,400.00 / 2,100.00 USD)");
    // In March only B starts: no won deal from its leads
    assertThat(Metrics.CAMPAIGN_ROI.compute(input, IN_MARCH).value())
        .isEqualTo(Ratio.ofMoney(-10_000, 10_000, USD));
    // Known at 1 April, D1 is still open
    assertThat(
            Metrics.CAMPAIGN_ROI
                .compute(input, Window.all().asOf(at("2024-04-01T00:00:00Z")))
                .value())
        .isEqualTo(Ratio.ofMoney(50_000 - 210_000, 210_000, USD));
  }

  @Test
  void campaignRoiJoinSurvivesAnySplit() {
    List<SalesRecord> input = records(List.of(A, B), ROI_LEADS, ROI_DEALS);
    for (int cut = 0; cut <= input.size(); cut++) {
      MetricAccumulator<SalesRecord, Ratio> left = Metrics.CAMPAIGN_ROI.accumulator();
      MetricAccumulator<SalesRecord, Ratio> right = Metrics.CAMPAIGN_ROI.accumulator();
      input.subList(0, cut).forEach(left::add);
      input.subList(cut, input.size()).forEach(right::add);
      right.merge(left);
      assertThat(right.result()).isEqualTo(Ratio.ofMoney(140_000, 210_000, USD));
    }
  }

  @Test
  void campaignRoiEdges() {
    assertThat(Metrics.CAMPAIGN_ROI.compute(records(ROI_LEADS, ROI_DEALS)).value())
        .isEqualTo(Ratio.empty());
    Campaign free = campaign("A", "2024-03-01", "2024-03-02", "0.00");
    Ratio r = Metrics.CAMPAIGN_ROI.compute(records(List.of(free), ROI_LEADS, ROI_DEALS)).value();
    assertThat(r.isDefined()).isFalse();
    Campaign otherA = campaign("A", "2024-03-01", "2024-03-02", "1.00");
    assertThatThrownBy(() -> Metrics.CAMPAIGN_ROI.compute(List.of(A, otherA)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("campaign A appears twice with different data");
    CurrencyConverter none = (amount, target, when) -> amount;
    assertThat(
            Metrics.campaignRoi(none, USD)
                .compute(records(List.of(A, B), ROI_LEADS, ROI_DEALS))
                .value())
        .isEqualTo(Ratio.ofMoney(140_000, 210_000, USD));
  }

  @Test
  void campaignRoiThrowsOnDealsInAnotherCurrencyUnlessConverted() {
    Deal euros =
        Deal.builder("DE", "R1", Money.of("10.00", "EUR"), at("2024-03-01T00:00:00Z"))
            .leadId("LA1")
            .won(at("2024-03-05T00:00:00Z"))
            .build();
    List<SalesRecord> input = records(List.of(A), ROI_LEADS, List.of(euros));
    assertThatThrownBy(() -> Metrics.CAMPAIGN_ROI.compute(input))
        .isInstanceOf(CurrencyMismatchException.class);
    CurrencyConverter twoDollarsPerEuro =
        (amount, target, when) ->
            amount.currency().equals(target)
                ? amount
                : Money.ofMinor(amount.minorUnits() * 2, target);
    // (20.00 − 2000.00) / 2000.00
    assertThat(Metrics.campaignRoi(twoDollarsPerEuro, USD).compute(input).value())
        .isEqualTo(Ratio.ofMoney(2_000 - 200_000, 200_000, USD));
  }
}
