package dev.salesmetrics.dashboard;

import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleFile;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A small hand-made data set whose report figures are worked out by hand in {@link
 * GoldenReportTest}: two reps (the second named {@code <script>alert(1)</script>}), seven deals
 * from January to March 2025, four customers, four NPS answers, two leads, quotas per month.
 * The report is as of 2025-03-16: February is the last complete month and March is in progress.
 */
final class SmallData {
  /** The rep whose name is markup, to prove that every user string is escaped. */
  static final String SCRIPT_NAME = "<script>alert(1)</script>";

  /** The report's end, exclusive: March 2025 is in progress (15 of 31 days elapsed). */
  static final LocalDate TO = LocalDate.of(2025, 3, 16);

  /** One rule: a rep's monthly win rate below 60%. */
  static final String RULES =
      """
      rule low-win-rate
        metric: win_rate
        per: rep
        when: below
        warning: 0.6
      """;

  private SmallData() {}

  static Instant at(String date) {
    return Instant.parse(date.length() == 10 ? date + "T00:00:00Z" : date);
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static Quota quota(String rep, int month, String amount) {
    return new Quota(
        rep, Period.of(LocalDate.of(2025, month, 1), Granularity.MONTH, ZoneOffset.UTC),
        usd(amount));
  }

  static Dataset data() {
    List<Rep> reps =
        List.of(
            new Rep("R1", "Ann Lee", "North", null, null),
            new Rep("R2", SCRIPT_NAME, "South", null, null));
    List<Quota> quotas =
        List.of(
            quota("R1", 1, "10000.00"),
            quota("R1", 2, "10000.00"),
            quota("R1", 3, "10000.00"),
            quota("R2", 2, "5000.00"),
            quota("R2", 3, "5000.00"));
    List<Deal> deals =
        List.of(
            Deal.builder("D1", "R1", usd("4000.00"), at("2025-01-05"))
                .won(at("2025-02-10"))
                .addStage("lead", at("2025-01-05"))
                .addStage("qualified", at("2025-01-10"))
                .addStage("proposal", at("2025-01-20"))
                .addStage("won", at("2025-02-10"))
                .build(),
            Deal.builder("D2", "R1", usd("6000.00"), at("2025-01-08"))
                .lost(at("2025-02-15"))
                .addStage("lead", at("2025-01-08"))
                .addStage("qualified", at("2025-01-12"))
                .addStage("lost", at("2025-02-15"))
                .build(),
            Deal.builder("D3", "R2", usd("3000.00"), at("2025-01-20"))
                .won(at("2025-02-20"))
                .addStage("lead", at("2025-01-20"))
                .addStage("qualified", at("2025-01-25"))
                .addStage("proposal", at("2025-02-01"))
                .addStage("won", at("2025-02-20"))
                .build(),
            Deal.builder("D4", "R2", usd("2000.00"), at("2025-02-01T09:00:00Z"))
                .stage("proposal")
                .addStage("lead", at("2025-02-01T09:00:00Z"))
                .addStage("qualified", at("2025-02-05"))
                .addStage("proposal", at("2025-02-12"))
                .build(),
            Deal.builder("D5", "R1", usd("5000.00"), at("2025-02-03"))
                .won(at("2025-03-05"))
                .addStage("lead", at("2025-02-03"))
                .addStage("qualified", at("2025-02-06"))
                .addStage("proposal", at("2025-02-14"))
                .addStage("won", at("2025-03-05"))
                .build(),
            Deal.builder("D6", "R1", usd("1000.00"), at("2025-01-02"))
                .won(at("2025-01-30"))
                .addStage("lead", at("2025-01-02"))
                .addStage("qualified", at("2025-01-06"))
                .addStage("proposal", at("2025-01-15"))
                .addStage("won", at("2025-01-30"))
                .build(),
            Deal.builder("D7", "R2", usd("8000.00"), at("2025-03-01"))
                .stage("lead")
                .addStage("lead", at("2025-03-01"))
                .build());
    List<Customer> customers =
        List.of(
            Customer.builder("C1", at("2024-12-01")).cancelledAt(at("2025-02-10")).build(),
            Customer.builder("C2", at("2025-01-15")).build(),
            Customer.builder("C3", at("2025-02-05")).build(),
            Customer.builder("C4", at("2024-11-01")).build());
    List<SurveyResponse> responses =
        List.of(
            new SurveyResponse("C4", at("2025-01-20"), 8, SurveyScale.NPS),
            new SurveyResponse("C1", at("2025-02-02"), 10, SurveyScale.NPS),
            new SurveyResponse("C2", at("2025-02-12"), 9, SurveyScale.NPS),
            new SurveyResponse("C4", at("2025-02-25"), 3, SurveyScale.NPS));
    List<Lead> leads =
        List.of(
            Lead.builder("L1", at("2025-01-05T10:00:00Z"))
                .contact(new Contact("Bo Diaz", "bo@example.com", "+1 555 010 2000", null))
                .source("referral")
                .firstContactAt(at("2025-01-05T10:30:00Z"))
                .convertedAt(at("2025-01-20"))
                .build(),
            Lead.builder("L2", at("2025-02-10")).source("outbound").build());
    return new Dataset(
        reps, quotas, leads, deals, List.of(), customers, List.of(), responses);
  }

  static List<Rule> rules() {
    return RuleFile.parse(RULES, "small-rules.txt", Metrics.registry());
  }

  /** The report of the small data set as of {@link #TO}, with its rule. */
  static Report report() {
    return Report.builder(data())
        .title("Small report", "SmallData")
        .range(null, TO)
        .rules(rules())
        .build();
  }
}
