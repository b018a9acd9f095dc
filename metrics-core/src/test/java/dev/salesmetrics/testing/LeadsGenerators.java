package dev.salesmetrics.testing;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.metric.Window;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Random records for the lead, marketing, sentiment and product metrics: instants spread over
 * 2024-01-15 .. 2024-05-15 so that monthly periods of February to April cut through them.
 */
public final class LeadsGenerators {
  /** The earliest instant generated. */
  public static final Instant BASE = Instant.parse("2024-01-15T00:00:00Z");

  private static final long SPAN_SECONDS = 120L * 86_400;
  private static final String[] NAMES = {null, "Ann", "  ", "Bo Li"};
  private static final String[] EMAILS = {
    null, "ann@example.com", "ann@example", "@example.com", "a@b@c.com", "x@y.io"
  };
  private static final String[] PHONES = {
    null, "+1 (555) 010-2000", "555-0100", "12345", "+44.20.7946.0958", "12ab5678"
  };
  private static final String[] SOURCES = {null, "referral", "Webinar", "unknown", "paid_search"};
  private static final String[] PRODUCTS = {"widget", "gadget", "gizmo"};

  private LeadsGenerators() {}

  private static Gen<Instant> instants() {
    return longs().between(0, SPAN_SECONDS).map(BASE::plusSeconds);
  }

  private static <T> Gen<T> oneOf(T[] values) {
    return integers().between(0, values.length - 1).map(i -> values[i]);
  }

  /**
   * Lists of 0 to {@code max} leads with ids {@code L0, L1, ...}, campaigns {@code C0..C3} or none,
   * random contacts, sources, first contacts and conversions.
   *
   * @param max the largest size
   * @return the generator
   */
  public static Gen<List<Lead>> leads(int max) {
    Gen<Integer> sizes = integers().between(0, max);
    Gen<Instant> created = instants();
    Gen<Long> later = longs().between(-1, 12L * 86_400);
    Gen<String> names = oneOf(NAMES);
    Gen<String> emails = oneOf(EMAILS);
    Gen<String> phones = oneOf(PHONES);
    Gen<String> sources = oneOf(SOURCES);
    Gen<Integer> campaigns = integers().between(-1, 3);
    return in -> {
      int n = sizes.generate(in);
      List<Lead> leads = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Instant c = created.generate(in);
        long contact = later.generate(in);
        long convert = later.generate(in);
        int campaign = campaigns.generate(in);
        leads.add(
            Lead.builder("L" + i, c)
                .contact(
                    new Contact(names.generate(in), emails.generate(in), phones.generate(in), null))
                .source(sources.generate(in))
                .campaignId(campaign < 0 ? null : "C" + campaign)
                .firstContactAt(contact < 0 ? null : c.plusSeconds(contact))
                .convertedAt(convert < 0 ? null : c.plusSeconds(convert))
                .build());
      }
      return leads;
    };
  }

  /**
   * Lists of 0 to 4 campaigns {@code C0..C3} in USD, 1 to 60 days long, spend up to 10,000.00.
   *
   * @return the generator
   */
  public static Gen<List<Campaign>> campaigns() {
    Gen<Boolean> coin = booleans().all();
    Gen<Integer> startDays = integers().between(0, 110);
    Gen<Integer> lengths = integers().between(0, 59);
    Gen<Long> spends = longs().between(0, 1_000_000);
    return in -> {
      List<Campaign> campaigns = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        if (coin.generate(in)) {
          LocalDate start = LocalDate.of(2024, 1, 15).plusDays(startDays.generate(in));
          campaigns.add(
              new Campaign(
                  "C" + i,
                  "campaign " + i,
                  null,
                  start,
                  start.plusDays(lengths.generate(in)),
                  Money.ofMinor(spends.generate(in), "USD")));
        }
      }
      return campaigns;
    };
  }

  /**
   * Lists of 0 to {@code max} customers, some cancelled.
   *
   * @param max the largest size
   * @return the generator
   */
  public static Gen<List<Customer>> customers(int max) {
    Gen<Integer> sizes = integers().between(0, max);
    Gen<Instant> signed = instants();
    Gen<Long> later = longs().between(-1, 30L * 86_400);
    return in -> {
      int n = sizes.generate(in);
      List<Customer> customers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Instant s = signed.generate(in);
        long cancel = later.generate(in);
        customers.add(
            Customer.builder("K" + i, s)
                .cancelledAt(cancel < 0 ? null : s.plusSeconds(cancel))
                .build());
      }
      return customers;
    };
  }

  /**
   * Lists of 0 to {@code max} deals {@code D0, D1, ...} in USD, open, won or lost, whose lead is
   * one of {@code L0..L(leads-1)} or none.
   *
   * @param max the largest size
   * @param leads how many lead ids to draw from
   * @return the generator
   */
  public static Gen<List<Deal>> deals(int max, int leads) {
    Gen<Integer> sizes = integers().between(0, max);
    Gen<Instant> created = instants();
    Gen<Long> later = longs().between(0, 20L * 86_400);
    Gen<Integer> statuses = integers().between(0, 2);
    Gen<Integer> leadIds = integers().between(-1, Math.max(0, leads - 1));
    Gen<Long> amounts = longs().between(0, 2_000_000);
    return in -> {
      int n = sizes.generate(in);
      List<Deal> deals = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Instant c = created.generate(in);
        int lead = leadIds.generate(in);
        Deal.Builder b =
            Deal.builder("D" + i, "R1", Money.ofMinor(amounts.generate(in), "USD"), c)
                .leadId(lead < 0 || leads == 0 ? null : "L" + lead);
        int status = statuses.generate(in);
        if (status == 1) {
          b.won(c.plusSeconds(later.generate(in)));
        } else if (status == 2) {
          b.lost(c.plusSeconds(later.generate(in)));
        }
        deals.add(b.build());
      }
      return deals;
    };
  }

  /**
   * Mixed marketing input: campaigns, customers, leads and deals in one shuffled-free list.
   *
   * @return the generator
   */
  public static Gen<List<SalesRecord>> marketing() {
    Gen<List<Campaign>> campaigns = campaigns();
    Gen<List<Customer>> customers = customers(20);
    Gen<List<Lead>> leads = leads(20);
    Gen<List<Deal>> deals = deals(20, 20);
    return in -> {
      List<SalesRecord> all = new ArrayList<>();
      all.addAll(campaigns.generate(in));
      all.addAll(customers.generate(in));
      all.addAll(leads.generate(in));
      all.addAll(deals.generate(in));
      return all;
    };
  }

  /**
   * Lists of 0 to {@code max} survey answers on either scale.
   *
   * @param max the largest size
   * @return the generator
   */
  public static Gen<List<SurveyResponse>> responses(int max) {
    Gen<Integer> sizes = integers().between(0, max);
    Gen<Instant> at = instants();
    Gen<Boolean> coin = booleans().all();
    Gen<Integer> nps = integers().between(0, 10);
    Gen<Integer> csat = integers().between(1, 5);
    return in -> {
      int n = sizes.generate(in);
      List<SurveyResponse> responses = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        boolean isNps = coin.generate(in);
        responses.add(
            new SurveyResponse(
                "K" + i,
                at.generate(in),
                isNps ? nps.generate(in) : csat.generate(in),
                isNps ? SurveyScale.NPS : SurveyScale.CSAT));
      }
      return responses;
    };
  }

  /**
   * Lists of 0 to {@code max} USD orders, paid or refunded, with 0 to 3 lines of three products.
   *
   * @param max the largest size
   * @return the generator
   */
  public static Gen<List<Order>> orders(int max) {
    Gen<Integer> sizes = integers().between(0, max);
    Gen<Instant> at = instants();
    Gen<Integer> lineCounts = integers().between(0, 3);
    Gen<Integer> refunds = integers().between(0, 3);
    Gen<String> products = oneOf(PRODUCTS);
    Gen<Long> quantities = longs().between(1, 5);
    Gen<Long> amounts = longs().between(0, 100_000);
    return in -> {
      int n = sizes.generate(in);
      List<Order> orders = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int lines = lineCounts.generate(in);
        List<OrderLine> ls = new ArrayList<>();
        long total = lines == 0 ? amounts.generate(in) : 0;
        for (int j = 0; j < lines; j++) {
          long amount = amounts.generate(in);
          total += amount;
          ls.add(
              new OrderLine(
                  products.generate(in), quantities.generate(in), Money.ofMinor(amount, "USD")));
        }
        Order.Builder b =
            Order.builder("O" + i, "K1", at.generate(in), Money.ofMinor(total, "USD")).lines(ls);
        if (refunds.generate(in) == 0) {
          b.status(OrderStatus.REFUNDED);
        }
        orders.add(b.build());
      }
      return orders;
    };
  }

  /**
   * Windows over all time or over one month of February to April 2024, in UTC or New York.
   *
   * @return the generator
   */
  public static Gen<Window> windows() {
    Gen<Integer> months = integers().between(1, 4);
    Gen<Boolean> coin = booleans().all();
    return in -> {
      int m = months.generate(in);
      if (m == 4) {
        return Window.all();
      }
      ZoneId zone = coin.generate(in) ? ZoneId.of("UTC") : ZoneId.of("America/New_York");
      return Window.of(Period.of(LocalDate.of(2024, 1 + m, 1), Granularity.MONTH, zone));
    };
  }

  /**
   * An instant after every event the generators produce.
   *
   * @return 2025-01-01T00:00:00Z
   */
  public static Instant afterEverything() {
    return Instant.parse("2025-01-01T00:00:00Z");
  }
}
