package dev.salesmetrics.io;

import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.annotation.Nullable;

/**
 * A deterministic generator of a realistic sales data set for demos, tests and benchmarks: 40
 * reps in 4 teams over the two years 2024-01-01 to 2025-12-31 (UTC; fixed dates, never the
 * clock), about 30,000 leads, 8,000 deals with stage histories, 3,000 customers, 32,000 orders,
 * 24 campaigns with spend, NPS and CSAT answers and monthly quotas, all in USD.
 *
 * <p>The same seed always gives the same data. Four stories are built in (see
 * {@code docs/SAMPLE_DATA.md}):
 *
 * <ul>
 *   <li>rep {@value #COLLAPSING_REP} wins about 45% of closed deals until
 *       {@link #COLLAPSE_FROM}, and about 10% in the last quarter;
 *   <li>campaign {@value #POOR_CAMPAIGN} brings many leads that almost never convert (about 2%
 *       against about 28% for the others);
 *   <li>on {@link #PRICE_CHANGE} list prices rise by about 20%; the monthly churn hazard triples
 *       from then on and NPS answers turn worse;
 *   <li>repeat purchases follow the BG/NBD model, so that the predictive-CLV models fit them:
 *       each customer orders at its own rate and goes quiet for good after an order with its
 *       own probability.
 * </ul>
 *
 * <pre>{@code
 * Dataset data = SampleData.generate(SampleData.DEFAULT_SEED);
 * SampleData.writeCsv(Path.of("sample"));
 * }</pre>
 *
 * <p>Generation takes well under a second on a laptop. Thread safe (no shared state).
 */
public final class SampleData {
  /** The seed {@link #writeCsv(Path)} and the demo use. */
  public static final long DEFAULT_SEED = 20240101L;

  /** The first day of the data, 2024-01-01 (UTC). */
  public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

  /** The last day of the data, 2025-12-31 (UTC); nothing happens after its end. */
  public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

  /** The day list prices rise and churn starts rising, 2025-04-01. */
  public static final LocalDate PRICE_CHANGE = LocalDate.of(2025, 4, 1);

  /** The rep whose win rate collapses in the last quarter. */
  public static final String COLLAPSING_REP = "R07";

  /** The first day of the collapse, 2025-10-01: deals closed from then on are mostly lost. */
  public static final LocalDate COLLAPSE_FROM = LocalDate.of(2025, 10, 1);

  /** The campaign whose leads almost never convert. */
  public static final String POOR_CAMPAIGN = "CMP09";

  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant START = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant END = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant PRICE_CHANGE_AT =
      PRICE_CHANGE.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant COLLAPSE_AT =
      COLLAPSE_FROM.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final long DAY_SECONDS = 86_400L;

  private static final String[] TEAMS = {"North", "South", "East", "West"};
  private static final String[] REGIONS = {"Americas", "Americas", "EMEA", "APAC"};
  private static final String[] FIRST_NAMES = {
    "Ada", "Ben", "Chloe", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena", "Milo",
    "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zed"
  };
  private static final String[] LAST_NAMES = {
    "Abbott", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen",
    "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Patel", "Quist", "Rossi", "Silva", "Tanaka"
  };
  private static final String[] COMPANY_WORDS = {
    "Acme", "Birch", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper",
    "Kestrel", "Lumen", "Maple", "Nimbus", "Orbit", "Pioneer", "Quartz", "Raven", "Summit", "Tidal"
  };
  private static final String[] COMPANY_KINDS = {"Labs", "Systems", "Foods", "Logistics", "Health"};
  private static final String[] SOURCES = {"website", "referral", "outbound", "partner"};
  private static final String[] CHANNELS = {"email", "webinar", "paid_search", "events", "social"};
  private static final String[] STAGES = {"lead", "qualified", "proposal", "negotiation"};
  private static final double[] STAGE_PROBABILITY = {0.1, 0.2, 0.5, 0.7};
  private static final String[] PRODUCTS = {"starter", "pro", "enterprise"};
  private static final long[] PRICE_CENTS = {4_900, 19_900, 89_900};
  private static final long[] NEW_PRICE_CENTS = {5_900, 23_900, 107_900};
  private static final String[] DEAL_PRODUCTS = {"platform", "analytics", "services"};

  private static final int REPS = 40;
  private static final int LEADS = 30_000;
  private static final int CAMPAIGNS = 24;
  private static final int SELF_SERVE_CUSTOMERS = 450;

  private SampleData() {}

  /**
   * Generates the sample data set for {@code seed}; equal seeds give equal data sets.
   *
   * @param seed any seed, such as {@link #DEFAULT_SEED}
   * @return the data set
   */
  public static Dataset generate(long seed) {
    return new Generator(new SplittableRandom(seed)).run();
  }

  /**
   * Writes the data set of {@link #DEFAULT_SEED} as interchange CSV files into {@code dir}.
   *
   * @param dir the directory, created if needed
   * @throws IOException if a file cannot be written
   */
  public static void writeCsv(Path dir) throws IOException {
    writeCsv(dir, DEFAULT_SEED);
  }

  /**
   * Writes the data set of {@code seed} as interchange CSV files into {@code dir}.
   *
   * @param dir the directory, created if needed
   * @param seed the seed
   * @throws IOException if a file cannot be written
   */
  public static void writeCsv(Path dir, long seed) throws IOException {
    generate(seed).writeCsv(dir);
  }

  /**
   * How many records of each kind {@link #writeCsv(Path, long, Counts)} writes; a count of 0 writes
   * no file of that kind.
   *
   * @param deals rows of deals.csv
   * @param leads rows of leads.csv
   * @param customers rows of customers.csv
   * @param orders rows of orders.csv
   */
  public record Counts(long deals, long leads, long customers, long orders) {
    /**
     * Checks the counts.
     *
     * @param deals rows of deals.csv, at least 0
     * @param leads rows of leads.csv, at least 0
     * @param customers rows of customers.csv, at least 0
     * @param orders rows of orders.csv, at least 0
     * @throws IllegalArgumentException if a count is negative or above 999,999,999 (the ids have
     *     nine digits)
     */
    public Counts {
      check("deals", deals);
      check("leads", leads);
      check("customers", customers);
      check("orders", orders);
    }

    private static void check(String what, long n) {
      if (n < 0 || n > 999_999_999L) {
        throw new IllegalArgumentException(
            what + " must be in [0, 999999999]: " + n);
      }
    }
  }

  /**
   * Writes a generated data set of the given size as interchange CSV files into {@code dir}, row
   * by row: memory stays flat however many rows are asked for, so it makes data sets for
   * benchmarks and load tests (10 million deals are about 0.9 GB of deals.csv). The data spans
   * 2023-01-01 to 2025-12-31 (UTC) in USD: reps.csv with 10 reps plus one per 5,000 deals (at
   * most 200), each with a win rate of its own between 15% and 50%; deals created uniformly over
   * the three years, 85% of them closed one to four months later when that is before the end,
   * amounts of 1,000 to 250,000 USD spread log-uniformly, open deals with a stage and probability;
   * leads (80% contacted, 28% of those converted), customers (80% activated, some cancelled)
   * and one-line orders of three products, each referring to ids of the other files when those
   * are written. No stage history, quota, campaign or survey file is written. The same seed and
   * counts always give the same files.
   *
   * @param dir the directory, created if needed; files of the same names are replaced
   * @param seed the seed
   * @param counts how many rows of each kind
   * @throws IOException if a file cannot be written
   */
  public static void writeCsv(Path dir, long seed, Counts counts) throws IOException {
    java.util.Objects.requireNonNull(dir, "dir");
    java.util.Objects.requireNonNull(counts, "counts");
    new ScaledSample(counts, seed).write(dir);
  }

  /** An order before it is numbered in time order. */
  private record OrderDraft(
      String customerId,
      Instant placedAt,
      Money amount,
      OrderStatus status,
      @Nullable String repId,
      String product,
      long quantity) {}

  /** One run of the generator; all randomness comes from one {@link SplittableRandom}. */
  private static final class Generator {
    private final SplittableRandom random;
    private final List<Rep> reps = new ArrayList<>();
    private final List<Quota> quotas = new ArrayList<>();
    private final List<Campaign> campaigns = new ArrayList<>();
    private final List<Lead> leads = new ArrayList<>();
    private final List<Deal> deals = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<OrderDraft> drafts = new ArrayList<>();
    private final List<SurveyResponse> responses = new ArrayList<>();
    private final double[] skill = new double[REPS];
    private final Instant[] hired = new Instant[REPS];

    Generator(SplittableRandom random) {
      this.random = random;
    }

    Dataset run() {
      makeReps();
      makeCampaigns();
      makeLeadsDealsAndCustomers();
      makeSelfServeCustomers();
      customers.sort((a, b) -> a.id().compareTo(b.id()));
      for (Customer customer : customers) {
        makeOrdersAndAnswers(customer);
      }
      drafts.sort((a, b) -> a.placedAt().compareTo(b.placedAt()));
      List<Order> numbered = new ArrayList<>(drafts.size());
      for (int i = 0; i < drafts.size(); i++) {
        OrderDraft o = drafts.get(i);
        numbered.add(
            Order.builder(id("O", i + 1, 6), o.customerId(), o.placedAt(), o.amount())
                .status(o.status())
                .repId(o.repId())
                .line(o.product(), o.quantity(), o.amount())
                .build());
      }
      responses.sort((a, b) -> a.respondedAt().compareTo(b.respondedAt()));
      return new Dataset(
          reps, quotas, leads, deals, numbered, customers, campaigns, responses);
    }

    private void makeReps() {
      for (int i = 0; i < REPS; i++) {
        String id = id("R", i + 1, 2);
        int team = i / 10;
        String name =
            id.equals(COLLAPSING_REP)
                ? "Dana Whitfield"
                : FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[(i * 7) % LAST_NAMES.length];
        LocalDate hiredOn;
        if (i % 10 == 9) {
          // the last rep of each team joins during the period and ramps up
          hiredOn = FIRST_DAY.plusDays(120 + 150L * team);
        } else {
          hiredOn = LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1)
              .plusDays(random.nextInt(28));
        }
        hired[i] = hiredOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        skill[i] = 0.30 + 0.20 * random.nextDouble();
        if (id.equals(COLLAPSING_REP)) {
          skill[i] = 0.45;
        }
        reps.add(new Rep(id, name, TEAMS[team], REGIONS[team], hiredOn));
        long monthly = 80_000 + 10_000L * team + 2_000L * random.nextInt(10);
        for (LocalDate month = FIRST_DAY; month.isBefore(LAST_DAY); month = month.plusMonths(1)) {
          if (month.plusMonths(1).isAfter(hiredOn)) {
            quotas.add(
                new Quota(
                    id,
                    Period.between(month, month.plusMonths(1), ZoneOffset.UTC),
                    Money.ofMinor(monthly * 100, USD)));
          }
        }
      }
    }

    private void makeCampaigns() {
      for (int i = 0; i < CAMPAIGNS; i++) {
        String id = id("CMP", i + 1, 2);
        LocalDate start = FIRST_DAY.plusMonths(i).plusDays(random.nextInt(10));
        LocalDate end = start.plusDays(20 + random.nextInt(40));
        if (end.isAfter(LAST_DAY)) {
          end = LAST_DAY;
        }
        String channel = CHANNELS[i % CHANNELS.length];
        long spendDollars = 5_000 + 1_000L * random.nextInt(30);
        String name = channel.replace('_', ' ') + " " + start.getMonth().toString()
            .toLowerCase(Locale.ROOT) + " " + start.getYear();
        if (id.equals(POOR_CAMPAIGN)) {
          end = start.plusDays(75);
          channel = "events";
          name = "trade show giveaway " + start.getYear();
          spendDollars = 60_000;
        }
        campaigns.add(
            new Campaign(id, name, channel, start, end, Money.ofMinor(spendDollars * 100, USD)));
      }
    }

    private void makeLeadsDealsAndCustomers() {
      long span = END.getEpochSecond() - START.getEpochSecond();
      long[] created = new long[LEADS];
      for (int i = 0; i < LEADS; i++) {
        // density grows over time: business is growing
        double u = StrictMath.pow(random.nextDouble(), 0.85);
        created[i] = START.getEpochSecond() + (long) (u * (double) (span - DAY_SECONDS));
      }
      Arrays.sort(created);
      int dealNo = 0;
      int customerNo = 0;
      for (int i = 0; i < LEADS; i++) {
        Instant createdAt = Instant.ofEpochSecond(created[i]);
        String leadId = id("L", i + 1, 6);
        int rep = pickRep(createdAt);
        String repId = reps.get(rep).id();
        Campaign campaign = pickCampaign(createdAt);
        boolean poor = campaign != null && campaign.id().equals(POOR_CAMPAIGN);
        String source = campaign != null ? "campaign" : SOURCES[random.nextInt(SOURCES.length)];
        Instant firstContact = null;
        if (random.nextDouble() < 0.9) {
          firstContact = createdAt.plusSeconds(600 + (long) (expo(20.0) * 3600));
        }
        double conversion = poor ? 0.02 : 0.31;
        Instant convertedAt = null;
        if (firstContact != null && random.nextDouble() < conversion) {
          convertedAt = firstContact.plusSeconds((long) (expo(6.0) * DAY_SECONDS));
          if (!convertedAt.isBefore(END)) {
            convertedAt = null;
          }
        }
        if (firstContact != null && !firstContact.isBefore(END)) {
          firstContact = null;
        }
        String customerId = null;
        if (convertedAt != null) {
          dealNo++;
          String dealId = id("D", dealNo, 5);
          Deal deal = makeDeal(dealId, rep, leadId, convertedAt);
          if (deal.status() == dev.salesmetrics.model.DealStatus.WON) {
            customerNo++;
            customerId = id("C", customerNo, 4);
            deal = Deal.builder(deal.id(), deal.repId(), deal.amount(), deal.createdAt())
                .status(deal.status(), deal.closedAt())
                .stage(deal.stage())
                .probability(1.0)
                .customerId(customerId)
                .leadId(leadId)
                .product(deal.product())
                .stageHistory(deal.stageHistory())
                .build();
            customers.add(
                makeCustomer(customerId, deal.closedAt(), repId,
                    campaign == null ? null : campaign.id()));
          }
          deals.add(deal);
        }
        leads.add(
            Lead.builder(leadId, createdAt)
                .repId(repId)
                .contact(contact())
                .source(source)
                .campaignId(campaign == null ? null : campaign.id())
                .firstContactAt(firstContact)
                .convertedAt(convertedAt)
                .customerId(customerId)
                .build());
      }
      nextCustomer = customerNo;
    }

    private int nextCustomer;

    private Deal makeDeal(String id, int rep, String leadId, Instant createdAt) {
      String repId = reps.get(rep).id();
      long dollars = 100L * (50 + (long) (expo(1.0) * 250));
      Money amount = Money.ofMinor(dollars * 100, USD);
      Deal.Builder b =
          Deal.builder(id, repId, amount, createdAt)
              .leadId(leadId)
              .product(DEAL_PRODUCTS[random.nextInt(DEAL_PRODUCTS.length)]);
      double cycleDays = 14 + expo(40.0);
      Instant closeAt = createdAt.plusSeconds((long) (cycleDays * DAY_SECONDS));
      double winChance = skill[rep];
      if (repId.equals(COLLAPSING_REP) && !closeAt.isBefore(COLLAPSE_AT)) {
        winChance = 0.10;
      }
      boolean won = random.nextDouble() < winChance;
      int reached = won ? STAGES.length : 1 + random.nextInt(STAGES.length);
      Instant at = createdAt;
      long step = (long) (cycleDays * DAY_SECONDS) / (STAGES.length + 1);
      int last = 0;
      for (int s = 0; s < reached; s++) {
        if (!at.isBefore(END)) {
          break;
        }
        b.addStage(STAGES[s], at);
        last = s;
        at = at.plusSeconds(step);
      }
      if (closeAt.isBefore(END)) {
        if (won) {
          b.won(closeAt).addStage("won", closeAt).stage("won");
        } else {
          b.lost(closeAt).addStage("lost", closeAt).stage("lost").probability(0.0);
        }
      } else {
        b.probability(STAGE_PROBABILITY[last]);
      }
      return b.build();
    }

    private Customer makeCustomer(
        String id, Instant signedUpAt, String repId, @Nullable String campaignId) {
      Instant activatedAt = null;
      if (random.nextDouble() < 0.85) {
        activatedAt = signedUpAt.plusSeconds((long) (expo(4.0) * DAY_SECONDS));
        if (!activatedAt.isBefore(END)) {
          activatedAt = null;
        }
      }
      Instant cancelledAt = null;
      Instant t = signedUpAt;
      while (cancelledAt == null) {
        Instant next = t.plus(Duration.ofDays(30));
        if (!next.isBefore(END)) {
          break;
        }
        double hazard = t.isBefore(PRICE_CHANGE_AT) ? 0.015 : 0.045;
        if (random.nextDouble() < hazard) {
          cancelledAt = t.plusSeconds(random.nextLong(30 * DAY_SECONDS));
        }
        t = next;
      }
      return Customer.builder(id, signedUpAt)
          .activatedAt(activatedAt)
          .cancelledAt(cancelledAt)
          .repId(repId)
          .campaignId(campaignId)
          .build();
    }

    private void makeSelfServeCustomers() {
      long span = END.getEpochSecond() - START.getEpochSecond() - DAY_SECONDS;
      for (int i = 0; i < SELF_SERVE_CUSTOMERS; i++) {
        nextCustomer++;
        String id = id("C", nextCustomer, 4);
        Instant signedUp = START.plusSeconds((long) (random.nextDouble() * (double) span));
        Customer c = makeCustomer(id, signedUp, reps.get(pickRep(signedUp)).id(), null);
        customers.add(
            Customer.builder(c.id(), c.signedUpAt())
                .activatedAt(c.activatedAt())
                .cancelledAt(c.cancelledAt())
                .build());
      }
    }

    private void makeOrdersAndAnswers(Customer customer) {
      int plan = random.nextDouble() < 0.6 ? 0 : random.nextDouble() < 0.75 ? 1 : 2;
      long seats = 1L + random.nextInt(5);
      Instant stop = customer.cancelledAt() != null ? customer.cancelledAt() : END;
      // Repeat purchases as the BG/NBD model assumes them (docs/CLV.md): each customer orders at
      // its own Poisson rate, gamma-distributed across customers (shape 4, one order every 20
      // days on average), and after each order goes quiet for good with its own probability,
      // beta(1, 24)-distributed across customers (4% on average); cancelling stops orders too.
      double rate = 0;
      for (int i = 0; i < 4; i++) {
        rate += expo(1.0 / (4 * 20.0)); // a gamma(4) rate per day as a sum of exponentials
      }
      double meanDaysBetweenOrders = 1 / rate;
      double quiet = 1 - StrictMath.pow(random.nextDouble(), 1.0 / 24);
      Instant t = customer.signedUpAt().plusSeconds((long) (expo(2.0) * DAY_SECONDS));
      while (t.isBefore(stop)) {
        long unit = t.isBefore(PRICE_CHANGE_AT) ? PRICE_CENTS[plan] : NEW_PRICE_CENTS[plan];
        long quantity = Math.max(1, seats + random.nextInt(3) - 1);
        Money amount = Money.ofMinor(unit * quantity, USD);
        OrderStatus status = random.nextDouble() < 0.03 ? OrderStatus.REFUNDED : OrderStatus.PAID;
        drafts.add(
            new OrderDraft(customer.id(), t, amount, status, customer.repId(), PRODUCTS[plan],
                quantity));
        if (random.nextDouble() < 0.1) {
          Instant at = t.plusSeconds(DAY_SECONDS + random.nextLong(DAY_SECONDS));
          if (at.isBefore(END)) {
            int score = 1 + (int) Math.min(4, StrictMath.floor(random.nextDouble() * 5.6));
            responses.add(new SurveyResponse(customer.id(), at, score, SurveyScale.CSAT));
          }
        }
        if (random.nextDouble() < quiet) {
          break;
        }
        t = t.plusSeconds((long) (expo(meanDaysBetweenOrders) * DAY_SECONDS));
      }
      Instant survey = customer.signedUpAt().plus(Duration.ofDays(45));
      while (survey.isBefore(stop) && survey.isBefore(END)) {
        if (random.nextDouble() < 0.6) {
          responses.add(new SurveyResponse(customer.id(), survey, npsScore(survey), SurveyScale.NPS));
        }
        survey = survey.plus(Duration.ofDays(90));
      }
    }

    private int npsScore(Instant at) {
      double promoters = at.isBefore(PRICE_CHANGE_AT) ? 0.50 : 0.32;
      double detractors = at.isBefore(PRICE_CHANGE_AT) ? 0.18 : 0.38;
      double u = random.nextDouble();
      if (u < promoters) {
        return 9 + random.nextInt(2);
      } else if (u < promoters + detractors) {
        return random.nextInt(7);
      }
      return 7 + random.nextInt(2);
    }

    private int pickRep(Instant at) {
      while (true) {
        int rep = random.nextInt(REPS);
        if (!hired[rep].isAfter(at)) {
          return rep;
        }
      }
    }

    @Nullable
    private Campaign pickCampaign(Instant at) {
      LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
      List<Campaign> running = new ArrayList<>(2);
      for (Campaign c : campaigns) {
        if (!day.isBefore(c.startDate()) && !day.isAfter(c.endDate())) {
          running.add(c);
        }
      }
      if (running.isEmpty() || random.nextDouble() < 0.45) {
        return null;
      }
      for (Campaign c : running) {
        if (c.id().equals(POOR_CAMPAIGN) && random.nextDouble() < 0.7) {
          return c;
        }
      }
      return running.get(random.nextInt(running.size()));
    }

    private Contact contact() {
      String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
      String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
      String company =
          COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + " "
              + COMPANY_KINDS[random.nextInt(COMPANY_KINDS.length)];
      String domain = company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
      String name = random.nextDouble() < 0.95 ? first + " " + last : null;
      String email =
          random.nextDouble() < 0.85
              ? first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + domain
              : null;
      String phone =
          random.nextDouble() < 0.6
              ? "+1 555-" + pad(random.nextInt(1000), 3) + "-" + pad(random.nextInt(10_000), 4)
              : null;
      return new Contact(name, email, phone, company);
    }

    private static String id(String prefix, int n, int width) {
      return prefix + pad(n, width);
    }

    private static String pad(int n, int width) {
      String digits = Integer.toString(n);
      return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** An exponential variate with the given mean. */
    private double expo(double mean) {
      return -mean * StrictMath.log(1.0 - random.nextDouble());
    }
  }
}
