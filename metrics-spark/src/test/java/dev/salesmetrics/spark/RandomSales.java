package dev.salesmetrics.spark;

import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small random data sets in one currency (a group of two currencies is an error on both engines):
 * instants over 2024 with sub-second parts and many on the daylight-saving changes of Europe/Paris
 * and on local midnights, amounts up to ten billion, optional fields often missing.
 */
final class RandomSales {
  private static final Instant START = Instant.parse("2023-12-01T00:00:00Z");
  private static final long SPAN = 420L * 86_400;
  private static final Instant[] EDGES = {
    Instant.parse("2024-03-31T01:00:00Z"), // Paris: 02:00 local does not exist
    Instant.parse("2024-10-27T01:00:00Z"), // Paris: 02:00-03:00 local twice
    Instant.parse("2024-03-31T22:00:00Z"), // Paris: midnight starting April
    Instant.parse("2024-06-30T22:00:00Z"), // Paris: midnight starting the third quarter
    Instant.parse("2024-12-31T23:00:00Z"), // Paris: midnight starting 2025
  };

  private RandomSales() {}

  static Dataset generate(long seed) {
    Random r = new Random(seed);
    List<Rep> reps = new ArrayList<>();
    String[] teams = {"East", "West", null};
    for (int i = 0; i < 6; i++) {
      reps.add(new Rep("R" + i, "Rep " + i, teams[i % 3], i % 2 == 0 ? "EMEA" : null,
          r.nextInt(3) == 0 ? null : LocalDate.of(2023, 1 + r.nextInt(12), 1 + r.nextInt(28))));
    }
    List<Quota> quotas = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      for (int q = 0; q < 4; q++) {
        LocalDate s = LocalDate.of(2024, 1 + 3 * q, 1);
        quotas.add(new Quota("R" + i, Period.between(s, s.plusMonths(3), ZoneOffset.UTC),
            Money.ofMinor(1 + r.nextInt(5_000_000), "USD")));
      }
    }
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      LocalDate s = LocalDate.of(2024, 1 + r.nextInt(11), 1 + r.nextInt(28));
      campaigns.add(new Campaign("C" + i, "Campaign " + i, null, s, s.plusDays(r.nextInt(60)),
          Money.ofMinor(r.nextInt(2_000_000), "USD")));
    }
    List<Lead> leads = new ArrayList<>();
    String[] sources = {"referral", "webinar", "outbound", null};
    for (int i = 0; i < 120; i++) {
      Instant created = instant(r);
      leads.add(Lead.builder("L" + i, created)
          .repId(r.nextInt(5) == 0 ? null : "R" + r.nextInt(6))
          .contact(new Contact(r.nextBoolean() ? "Ann" : null,
              r.nextBoolean() ? "ann@example.com" : null,
              r.nextBoolean() ? "+1 555 010 2000" : null, null))
          .source(sources[r.nextInt(4)])
          .campaignId(r.nextInt(3) == 0 ? null : "C" + r.nextInt(4))
          .firstContactAt(r.nextBoolean() ? later(r, created) : null)
          .convertedAt(r.nextInt(3) == 0 ? later(r, created) : null)
          .build());
    }
    List<Deal> deals = new ArrayList<>();
    DealStatus[] statuses = DealStatus.values();
    for (int i = 0; i < 200; i++) {
      Instant created = instant(r);
      DealStatus status = statuses[r.nextInt(statuses.length)];
      Money amount = status != DealStatus.WON && r.nextInt(5) == 0 ? null : money(r);
      Deal.Builder b = Deal.builder("D" + i, "R" + r.nextInt(6), amount, created)
          .status(status, status == DealStatus.OPEN ? null : later(r, created))
          .stage(r.nextBoolean() ? "proposal" : null)
          .leadId(r.nextInt(3) == 0 ? null : "L" + r.nextInt(140))
          .product(r.nextBoolean() ? "Pro" : null);
      if (r.nextBoolean()) {
        b.probability(r.nextInt(101) / 100.0);
      }
      deals.add(b.build());
    }
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      Instant signed = instant(r);
      customers.add(Customer.builder("K" + i, signed)
          .activatedAt(r.nextBoolean() ? later(r, signed) : null)
          .cancelledAt(r.nextInt(3) == 0 ? later(r, signed) : null)
          .repId(r.nextBoolean() ? "R" + r.nextInt(6) : null)
          .campaignId(r.nextBoolean() ? "C" + r.nextInt(4) : null)
          .build());
    }
    List<Order> orders = new ArrayList<>();
    String[] products = {"Pro", "Lite", null};
    for (int i = 0; i < 240; i++) {
      Money amount = money(r);
      Order.Builder b = Order.builder("O" + i, "K" + r.nextInt(90), instant(r), amount)
          .status(r.nextInt(6) == 0 ? OrderStatus.REFUNDED : OrderStatus.PAID)
          .repId(r.nextBoolean() ? "R" + r.nextInt(6) : null);
      String product = products[r.nextInt(3)];
      if (product != null) {
        b.line(product, 1 + r.nextInt(5), amount);
      }
      orders.add(b.build());
    }
    List<SurveyResponse> responses = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      boolean nps = r.nextBoolean();
      responses.add(new SurveyResponse("K" + i, instant(r), nps ? r.nextInt(11) : 1 + r.nextInt(5),
          nps ? SurveyScale.NPS : SurveyScale.CSAT));
    }
    return new Dataset(reps, quotas, leads, deals, orders, customers, campaigns, responses);
  }

  private static Instant instant(Random r) {
    if (r.nextInt(5) == 0) {
      Instant edge = EDGES[r.nextInt(EDGES.length)];
      return edge.plusNanos(r.nextInt(3) - 1L); // just before, at, just after
    }
    return START.plusSeconds((long) (r.nextDouble() * SPAN)).plusNanos(r.nextInt(1_000_000_000));
  }

  private static Instant later(Random r, Instant after) {
    return after.plusSeconds(r.nextInt(90 * 86_400)).plusNanos(r.nextInt(1_000_000_000));
  }

  private static Money money(Random r) {
    return Money.ofMinor(r.nextInt(10) == 0 ? r.nextLong(1_000_000_000_000L) : r.nextInt(5_000_000),
        "USD");
  }
}
