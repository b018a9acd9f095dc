package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/** The marketing metrics of the catalogue: acquisition cost, cost per lead, campaign ROI. */
final class MarketingDefinitions {
  private MarketingDefinitions() {}

  /** An exact sum of amounts of one currency; empty until the first amount. */
  static final class Total {
    @Nullable private Currency currency;
    private long minor;

    void add(Money amount) {
      add(amount.minorUnits(), amount.currency());
    }

    void add(long minorUnits, Currency amountCurrency) {
      if (currency == null) {
        currency = amountCurrency;
      } else if (!currency.equals(amountCurrency)) {
        throw new CurrencyMismatchException(currency, amountCurrency);
      }
      minor = Math.addExact(minor, minorUnits);
    }

    void addAll(Total other) {
      if (other.currency != null) {
        add(other.minor, other.currency);
      }
    }

    long minor() {
      return minor;
    }

    @Nullable
    Currency currency() {
      return currency;
    }
  }

  /** The zone in which a window reads dates: the period's, or UTC without a period. */
  static ZoneId zone(Window window) {
    Period p = window.period();
    return p == null ? ZoneOffset.UTC : p.zone();
  }

  /** The instant at which a campaign's spend is converted: the start of its first day. */
  static Instant spendInstant(Campaign campaign, Window window) {
    return campaign.startDate().atStartOfDay(zone(window)).toInstant();
  }

  /**
   * The number of days of {@code [startDate, endDate]} inside the window's period: local dates in
   * the period's zone whose start of day lies in the period. Every day without a period.
   */
  static long daysInside(Campaign campaign, Window window) {
    long total = ChronoUnit.DAYS.between(campaign.startDate(), campaign.endDate()) + 1;
    Period p = window.period();
    if (p == null) {
      return total;
    }
    ZoneId zone = p.zone();
    LocalDate first = LocalDate.ofInstant(p.start(), zone);
    if (first.atStartOfDay(zone).toInstant().isBefore(p.start())) {
      first = first.plusDays(1);
    }
    LocalDate last = LocalDate.ofInstant(p.end(), zone);
    if (!last.atStartOfDay(zone).toInstant().isBefore(p.end())) {
      last = last.minusDays(1);
    }
    LocalDate from = campaign.startDate().isAfter(first) ? campaign.startDate() : first;
    LocalDate to = campaign.endDate().isBefore(last) ? campaign.endDate() : last;
    return from.isAfter(to) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
  }

  /**
   * The campaign's spend attributed to the window's period: {@code spend × days inside ÷ days},
   * rounded HALF_EVEN to the minor unit; the whole spend without a period.
   */
  static Money attributedSpend(Campaign campaign, Window window) {
    long total = ChronoUnit.DAYS.between(campaign.startDate(), campaign.endDate()) + 1;
    long inside = daysInside(campaign, window);
    Money spend = campaign.spend();
    if (inside == total) {
      return spend;
    }
    return Money.quotient(
        BigInteger.valueOf(spend.minorUnits()).multiply(BigInteger.valueOf(inside)),
        BigInteger.valueOf(total),
        spend.currency());
  }

  /** Attributed spend and a count of the records it is divided by. */
  static final class SpendPer {
    final Total spend = new Total();
    long campaigns;
    long count;

    void merge(SpendPer other) {
      spend.addAll(other.spend);
      campaigns = Math.addExact(campaigns, other.campaigns);
      count = Math.addExact(count, other.count);
    }

    Amount result() {
      Currency currency = spend.currency();
      if (campaigns == 0 || count == 0 || currency == null) {
        return Amount.undefined(count);
      }
      return Amount.of(Money.ofMinor(spend.minor(), currency).dividedBy(count), count);
    }

    void addCampaign(Campaign campaign, Window window, Conversion conversion) {
      spend.add(
          conversion.apply(attributedSpend(campaign, window), spendInstant(campaign, window)));
      campaigns++;
    }
  }

  static Metric<SalesRecord, Amount> customerAcquisitionCost(Conversion conversion) {
    return Metric.builder("customer_acquisition_cost", SalesRecord.class)
        .reads(Campaign.class, Customer.class)
        .description("campaign spend attributed to the period / customers signed up in the period")
        .unit(MetricUnit.MONEY)
        .spanning("campaign spend spread over its days; customers by signed_up_at")
        .accumulate(
            window -> new SpendPer(),
            (s, record, window) -> {
              if (record instanceof Campaign campaign) {
                s.addCampaign(campaign, window, conversion);
              } else if (record instanceof Customer customer
                  && window.contains(customer.signedUpAt())) {
                s.count++;
              }
            },
            SpendPer::merge,
            SpendPer::result);
  }

  static Metric<SalesRecord, Amount> costPerLead(Conversion conversion) {
    return Metric.builder("cost_per_lead", SalesRecord.class)
        .reads(Campaign.class, Lead.class)
        .description("campaign spend attributed to the period / leads created in the period")
        .unit(MetricUnit.MONEY)
        .spanning("campaign spend spread over its days; leads by created_at")
        .accumulate(
            window -> new SpendPer(),
            (s, record, window) -> {
              if (record instanceof Campaign campaign) {
                s.addCampaign(campaign, window, conversion);
              } else if (record instanceof Lead lead && window.contains(lead.createdAt())) {
                s.count++;
              }
            },
            SpendPer::merge,
            SpendPer::result);
  }

  /**
   * Campaign ROI state: the campaigns in scope, each lead's campaign and each won deal with a lead,
   * all keyed by id so that the join survives any split of the input.
   */
  static final class RoiState {
    final Map<String, Money> spendByCampaign = new HashMap<>();
    final Map<String, String> campaignByLead = new HashMap<>();
    final Map<String, WonDeal> wonDeals = new HashMap<>();

    record WonDeal(String leadId, Money amount) {}

    void merge(RoiState other) {
      other.spendByCampaign.forEach((k, v) -> putOnce(spendByCampaign, k, v, "campaign"));
      other.campaignByLead.forEach((k, v) -> putOnce(campaignByLead, k, v, "lead"));
      other.wonDeals.forEach((k, v) -> putOnce(wonDeals, k, v, "deal"));
    }

    Ratio result() {
      if (spendByCampaign.isEmpty()) {
        return Ratio.empty();
      }
      Total spend = new Total();
      spendByCampaign.values().forEach(spend::add);
      Total won = new Total();
      for (WonDeal deal : wonDeals.values()) {
        String campaign = campaignByLead.get(deal.leadId());
        if (campaign != null && spendByCampaign.containsKey(campaign)) {
          won.add(deal.amount());
        }
      }
      Currency spendCurrency = spend.currency();
      Currency wonCurrency = won.currency();
      if (spendCurrency != null && wonCurrency != null && !spendCurrency.equals(wonCurrency)) {
        throw new CurrencyMismatchException(spendCurrency, wonCurrency);
      }
      return CurrencyGuard.ratio(
          Math.subtractExact(won.minor(), spend.minor()),
          spend.minor(),
          spendCurrency != null ? spendCurrency : wonCurrency);
    }

    static <V> void putOnce(Map<String, V> map, String key, V value, String kind) {
      V old = map.putIfAbsent(key, value);
      if (old != null && !old.equals(value)) {
        throw new IllegalArgumentException(
            kind + " " + key + " appears twice with different data: " + old + " and " + value);
      }
    }
  }

  /** Whether a campaign counts in the window: any without a period, else start_date in P. */
  static boolean inScope(Campaign campaign, Window window) {
    Period p = window.period();
    return p == null || p.contains(campaign.startDate().atStartOfDay(p.zone()).toInstant());
  }

  static Metric<SalesRecord, Ratio> campaignRoi(Conversion conversion) {
    return Metric.builder("campaign_roi", SalesRecord.class)
        .reads(Campaign.class, Deal.class, Lead.class)
        .displayName("Campaign ROI")
        .description(
            "(won amount of deals from the campaigns' leads - spend) / spend, over the campaigns'"
                + " whole life; with a period, campaigns starting in it")
        .unit(MetricUnit.RATIO)
        .spanning("campaigns by start_date; their leads and won deals at any time")
        .accumulate(
            window -> new RoiState(),
            (s, record, window) -> {
              if (record instanceof Campaign campaign) {
                if (inScope(campaign, window)) {
                  Money spend = conversion.apply(campaign.spend(), spendInstant(campaign, window));
                  RoiState.putOnce(s.spendByCampaign, campaign.id(), spend, "campaign");
                }
              } else if (record instanceof Lead lead) {
                if (lead.campaignId() != null) {
                  RoiState.putOnce(s.campaignByLead, lead.id(), lead.campaignId(), "lead");
                }
              } else if (record instanceof Deal deal) {
                if (deal.status() == DealStatus.WON && deal.leadId() != null) {
                  Money amount =
                      conversion.apply(deal.amount(), Objects.requireNonNull(deal.closedAt()));
                  RoiState.putOnce(
                      s.wonDeals, deal.id(), new RoiState.WonDeal(deal.leadId(), amount), "deal");
                }
              }
            },
            RoiState::merge,
            RoiState::result);
  }
}
