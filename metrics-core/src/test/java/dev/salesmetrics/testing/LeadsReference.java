package dev.salesmetrics.testing;

import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Plain loop implementations of the lead, marketing, sentiment and product metrics as
 * docs/METRICS.md defines them, written without the production code, to check it against. A null period means
 * all time.
 */
public final class LeadsReference {
  private LeadsReference() {}

  private static boolean in(@Nullable Period p, @Nullable Instant t) {
    return t != null && (p == null || (!t.isBefore(p.start()) && t.isBefore(p.end())));
  }

  /** Count of leads created in P. */
  public static long leadsCreated(List<Lead> leads, @Nullable Period p) {
    long n = 0;
    for (Lead l : leads) {
      if (in(p, l.createdAt())) {
        n++;
      }
    }
    return n;
  }

  /** Whether a name counts: present and not only white space. */
  public static boolean name(@Nullable String name) {
    return name != null && !name.trim().isEmpty();
  }

  /** Whether an email counts: one @, something before it, a dot after it. */
  public static boolean email(@Nullable String email) {
    if (email == null) {
      return false;
    }
    String[] parts = email.split("@", -1);
    return parts.length == 2 && !parts[0].isEmpty() && parts[1].contains(".");
  }

  /** Whether a phone counts: 7 to 15 digits once separators and a leading + are gone. */
  public static boolean phone(@Nullable String phone) {
    if (phone == null) {
      return false;
    }
    String digits = phone.replaceAll("[ \\-.()]", "");
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    return digits.matches("[0-9]{7,15}");
  }

  private static int fields(Lead l) {
    int n = 0;
    n += name(l.contact().name()) ? 1 : 0;
    n += email(l.contact().email()) ? 1 : 0;
    n += phone(l.contact().phone()) ? 1 : 0;
    return n;
  }

  /** {present fields, 3 × leads} over leads created in P. */
  public static long[] contactCompleteness(List<Lead> leads, @Nullable Period p) {
    long present = 0;
    long possible = 0;
    for (Lead l : leads) {
      if (in(p, l.createdAt())) {
        present += fields(l);
        possible += 3;
      }
    }
    return new long[] {present, possible};
  }

  /**
   * Mean lead score over leads created in P, each lead's score rounded to millionths.
   *
   * @param weights contact, source and speed weight
   * @param sourceScores score per lowercased source
   * @param unknown score of other sources
   * @param full full speed within
   * @param zero zero speed after
   */
  public static OptionalDouble leadScore(
      List<Lead> leads,
      @Nullable Period p,
      double[] weights,
      Map<String, Double> sourceScores,
      double unknown,
      Duration full,
      Duration zero) {
    long sum = 0;
    long n = 0;
    for (Lead l : leads) {
      if (!in(p, l.createdAt())) {
        continue;
      }
      double contact = fields(l) * 100.0 / 3.0;
      double source = unknown;
      if (l.source() != null) {
        Double s = sourceScores.get(l.source().trim().toLowerCase(Locale.ROOT));
        source = s == null ? unknown : s;
      }
      double speed = 0;
      if (l.firstContactAt() != null) {
        long ms = Duration.between(l.createdAt(), l.firstContactAt()).toMillis();
        if (ms <= full.toMillis()) {
          speed = 100;
        } else if (ms < zero.toMillis()) {
          speed = 100.0 * (zero.toMillis() - ms) / (zero.toMillis() - full.toMillis());
        }
      }
      double w = weights[0] + weights[1] + weights[2];
      double score = (weights[0] * contact + weights[1] * source + weights[2] * speed) / w;
      sum += Math.round(score * 1e6);
      n++;
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / 1e6 / n);
  }

  /** {converted, created} over leads created in P. */
  public static long[] conversion(List<Lead> leads, @Nullable Period p) {
    long converted = 0;
    long created = 0;
    for (Lead l : leads) {
      if (in(p, l.createdAt())) {
        created++;
        if (l.convertedAt() != null) {
          converted++;
        }
      }
    }
    return new long[] {converted, created};
  }

  /** converted_at − created_at of leads converted in P. */
  public static List<Duration> timesToConvert(List<Lead> leads, @Nullable Period p) {
    List<Duration> out = new ArrayList<>();
    for (Lead l : leads) {
      if (in(p, l.convertedAt())) {
        out.add(Duration.between(l.createdAt(), l.convertedAt()));
      }
    }
    return out;
  }

  /** first_contact_at − created_at of leads first contacted in P. */
  public static List<Duration> timesToFirstContact(List<Lead> leads, @Nullable Period p) {
    List<Duration> out = new ArrayList<>();
    for (Lead l : leads) {
      if (in(p, l.firstContactAt())) {
        out.add(Duration.between(l.createdAt(), l.firstContactAt()));
      }
    }
    return out;
  }

  /** Spend of one campaign attributed to P by walking its days, in minor units. */
  public static long attributed(Campaign c, @Nullable Period p) {
    if (p == null) {
      return c.spend().minorUnits();
    }
    ZoneId zone = p.zone();
    long days = 0;
    long inside = 0;
    for (LocalDate d = c.startDate(); !d.isAfter(c.endDate()); d = d.plusDays(1)) {
      days++;
      if (in(p, d.atStartOfDay(zone).toInstant())) {
        inside++;
      }
    }
    return new BigDecimal(c.spend().minorUnits())
        .multiply(new BigDecimal(inside))
        .divide(new BigDecimal(days), 0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }

  private static Optional<Long> perHead(List<Campaign> campaigns, long heads, @Nullable Period p) {
    if (campaigns.isEmpty() || heads == 0) {
      return Optional.empty();
    }
    long spend = 0;
    for (Campaign c : campaigns) {
      spend += attributed(c, p);
    }
    return Optional.of(
        new BigDecimal(spend)
            .divide(new BigDecimal(heads), 0, RoundingMode.HALF_EVEN)
            .longValueExact());
  }

  /** CAC in minor units, or empty when undefined. */
  public static Optional<Long> cac(
      List<Campaign> campaigns, List<Customer> customers, @Nullable Period p) {
    long heads = 0;
    for (Customer c : customers) {
      if (in(p, c.signedUpAt())) {
        heads++;
      }
    }
    return perHead(campaigns, heads, p);
  }

  /** Cost per lead in minor units, or empty when undefined. */
  public static Optional<Long> costPerLead(
      List<Campaign> campaigns, List<Lead> leads, @Nullable Period p) {
    return perHead(campaigns, leadsCreated(leads, p), p);
  }

  /** {won − spend, spend} of the campaigns starting in P, or null with no such campaign. */
  @Nullable
  public static long[] roi(
      List<Campaign> campaigns, List<Lead> leads, List<Deal> deals, @Nullable Period p) {
    List<String> scope = new ArrayList<>();
    long spend = 0;
    for (Campaign c : campaigns) {
      if (p == null || in(p, c.startDate().atStartOfDay(p.zone()).toInstant())) {
        scope.add(c.id());
        spend += c.spend().minorUnits();
      }
    }
    if (scope.isEmpty()) {
      return null;
    }
    long won = 0;
    for (Deal d : deals) {
      if (d.status() != DealStatus.WON || d.leadId() == null) {
        continue;
      }
      for (Lead l : leads) {
        if (l.id().equals(d.leadId()) && scope.contains(l.campaignId())) {
          won += d.amount().minorUnits();
        }
      }
    }
    return new long[] {won - spend, spend};
  }

  /** NPS over NPS answers in P, or empty. */
  public static OptionalDouble nps(List<SurveyResponse> answers, @Nullable Period p) {
    int promoters = 0;
    int detractors = 0;
    int n = 0;
    for (SurveyResponse r : answers) {
      if (r.scale() == SurveyScale.NPS && in(p, r.respondedAt())) {
        n++;
        if (r.score() >= 9) {
          promoters++;
        } else if (r.score() <= 6) {
          detractors++;
        }
      }
    }
    return n == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((promoters - detractors) * 100.0 / n);
  }

  /** {satisfied, answers} over CSAT answers in P. */
  public static long[] csat(List<SurveyResponse> answers, @Nullable Period p) {
    long good = 0;
    long n = 0;
    for (SurveyResponse r : answers) {
      if (r.scale() == SurveyScale.CSAT && in(p, r.respondedAt())) {
        n++;
        if (r.score() >= 4) {
          good++;
        }
      }
    }
    return new long[] {good, n};
  }

  /** Units of paid orders in P; an order without lines is one unit. */
  public static long unitsSold(List<Order> orders, @Nullable Period p) {
    long n = 0;
    for (Order o : orders) {
      if (o.status() == OrderStatus.PAID && in(p, o.placedAt())) {
        if (o.lines().isEmpty()) {
          n += 1;
        }
        for (OrderLine l : o.lines()) {
          n += l.quantity();
        }
      }
    }
    return n;
  }

  /** Line revenue per product of paid orders in P; orders without lines under "(unknown)". */
  public static Map<String, Long> revenueByProduct(List<Order> orders, @Nullable Period p) {
    Map<String, Long> out = new TreeMap<>();
    for (Order o : orders) {
      if (o.status() != OrderStatus.PAID || !in(p, o.placedAt())) {
        continue;
      }
      if (o.lines().isEmpty()) {
        out.put("(unknown)", out.getOrDefault("(unknown)", 0L) + o.amount().minorUnits());
      }
      for (OrderLine l : o.lines()) {
        out.put(l.product(), out.getOrDefault(l.product(), 0L) + l.amount().minorUnits());
      }
    }
    return out;
  }
}
