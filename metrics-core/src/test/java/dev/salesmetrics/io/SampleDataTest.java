package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SurveyResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {
  private static final Dataset DATA = SampleData.generate(SampleData.DEFAULT_SEED);
  private static final Instant END =
      SampleData.LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private static Instant at(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    assertThat(SampleData.generate(SampleData.DEFAULT_SEED)).isEqualTo(DATA);
    assertThat(SampleData.generate(7).deals()).isNotEqualTo(DATA.deals());
  }

  @Test
  void sizesAreAsAdvertised() {
    assertThat(DATA.reps()).hasSize(40);
    assertThat(DATA.reps().stream().map(Rep::team).distinct()).hasSize(4);
    assertThat(DATA.leads()).hasSize(30_000);
    assertThat(DATA.deals().size()).isBetween(7_000, 9_000);
    assertThat(DATA.orders().size()).isBetween(28_000, 36_000);
    assertThat(DATA.customers().size()).isBetween(2_500, 3_500);
    assertThat(DATA.campaigns()).hasSize(24);
    assertThat(DATA.responses().size()).isGreaterThan(3_000);
    assertThat(DATA.quotas().size()).isBetween(900, 960);
  }

  @Test
  void everythingHappensInsideTheTwoYearsInUsd() {
    Instant start = at(SampleData.FIRST_DAY);
    for (Lead lead : DATA.leads()) {
      assertThat(lead.createdAt()).isBetween(start, END);
      if (lead.convertedAt() != null) {
        assertThat(lead.convertedAt()).isBefore(END);
      }
    }
    Set<String> currencies = new HashSet<>();
    for (Deal deal : DATA.deals()) {
      currencies.add(deal.amount().currency().getCurrencyCode());
      if (deal.closedAt() != null) {
        assertThat(deal.closedAt()).isBefore(END);
      }
      assertThat(deal.stageHistory()).isNotEmpty();
      assertThat(deal.stageHistory().get(deal.stageHistory().size() - 1).enteredAt())
          .isBefore(END);
    }
    for (Order order : DATA.orders()) {
      currencies.add(order.amount().currency().getCurrencyCode());
      assertThat(order.placedAt()).isBetween(start, END);
    }
    for (Quota quota : DATA.quotas()) {
      currencies.add(quota.amount().currency().getCurrencyCode());
    }
    for (Customer customer : DATA.customers()) {
      if (customer.cancelledAt() != null) {
        assertThat(customer.cancelledAt()).isBefore(END);
      }
    }
    assertThat(currencies).containsExactly("USD");
  }

  @Test
  void collapsingRepWinsLessThanHalfAsOftenInTheLastQuarter() {
    Instant from = at(SampleData.COLLAPSE_FROM);
    int[] repBefore = new int[2];
    int[] repLast = new int[2];
    int[] othersLast = new int[2];
    for (Deal deal : DATA.deals()) {
      if (!deal.status().isClosed()) {
        continue;
      }
      int won = deal.status() == DealStatus.WON ? 1 : 0;
      boolean last = !deal.closedAt().isBefore(from);
      int[] bucket =
          deal.repId().equals(SampleData.COLLAPSING_REP)
              ? (last ? repLast : repBefore)
              : (last ? othersLast : null);
      if (bucket != null) {
        bucket[0] += won;
        bucket[1]++;
      }
    }
    assertThat(repLast[1]).isGreaterThanOrEqualTo(15);
    double repRate = (double) repLast[0] / repLast[1];
    assertThat(repRate).isLessThan(0.5 * othersLast[0] / othersLast[1]);
    assertThat(repRate).isLessThan(0.5 * repBefore[0] / repBefore[1]);
  }

  @Test
  void poorCampaignConvertsFarWorse() {
    int[] poor = new int[2];
    int[] others = new int[2];
    for (Lead lead : DATA.leads()) {
      if (lead.campaignId() == null) {
        continue;
      }
      int[] bucket = lead.campaignId().equals(SampleData.POOR_CAMPAIGN) ? poor : others;
      bucket[0] += lead.convertedAt() != null ? 1 : 0;
      bucket[1]++;
    }
    assertThat(poor[1]).isGreaterThan(500);
    assertThat((double) poor[0] / poor[1]).isLessThan(0.25 * others[0] / others[1]);
  }

  @Test
  void churnRisesAfterThePriceChange() {
    // monthly churn: cancelled in month / active at month start, averaged over 9 months each side
    double before = meanMonthlyChurn(LocalDate.of(2024, 7, 1), 9);
    double after = meanMonthlyChurn(SampleData.PRICE_CHANGE, 9);
    assertThat(after).isGreaterThan(2 * before);
    Money oldPrice = null;
    Money newPrice = null;
    for (Order order : DATA.orders()) {
      if (order.lines().get(0).product().equals("starter") && order.lines().get(0).quantity() == 1) {
        if (order.placedAt().isBefore(at(SampleData.PRICE_CHANGE))) {
          oldPrice = order.amount();
        } else {
          newPrice = order.amount();
        }
      }
    }
    assertThat(newPrice).isNotNull();
    assertThat(newPrice.compareTo(oldPrice)).isPositive();
  }

  private static double meanMonthlyChurn(LocalDate first, int months) {
    double sum = 0;
    for (int m = 0; m < months; m++) {
      Instant s = at(first.plusMonths(m));
      Instant e = at(first.plusMonths(m + 1));
      int active = 0;
      int cancelled = 0;
      for (Customer c : DATA.customers()) {
        if (c.isActiveAt(s)) {
          active++;
          if (c.cancelledAt() != null && c.cancelledAt().isBefore(e)) {
            cancelled++;
          }
        }
      }
      sum += (double) cancelled / active;
    }
    return sum / months;
  }

  @Test
  void npsIsWorseAfterThePriceChange() {
    int[] before = new int[2];
    int[] after = new int[2];
    for (SurveyResponse r : DATA.responses()) {
      if (r.scale() != dev.salesmetrics.model.SurveyScale.NPS) {
        continue;
      }
      int[] bucket = r.respondedAt().isBefore(at(SampleData.PRICE_CHANGE)) ? before : after;
      bucket[0] += r.score() >= 9 ? 1 : r.score() <= 6 ? -1 : 0;
      bucket[1]++;
    }
    assertThat((double) after[0] / after[1]).isLessThan((double) before[0] / before[1] - 0.2);
  }

  /**
   * Repeat purchases follow the BG/NBD story (so that the CLV models can be fitted to them): the
   * order rate differs from customer to customer, and many customers who never cancelled stopped
   * ordering long before the end.
   */
  @Test
  void orderRatesVaryAcrossCustomersAndManyGoQuietWithoutCancelling() {
    java.util.Map<String, List<Instant>> byCustomer = new java.util.HashMap<>();
    for (Order order : DATA.orders()) {
      byCustomer.computeIfAbsent(order.customerId(), k -> new java.util.ArrayList<>())
          .add(order.placedAt());
    }
    List<Double> daysBetweenOrders = new java.util.ArrayList<>();
    int longTimeSubscribers = 0;
    int quiet = 0;
    Instant sixMonthsBeforeEnd = at(SampleData.LAST_DAY.minusMonths(6));
    for (Customer c : DATA.customers()) {
      List<Instant> times = byCustomer.getOrDefault(c.id(), List.of());
      if (times.size() >= 5) {
        Instant first = times.get(0);
        Instant last = times.get(times.size() - 1);
        daysBetweenOrders.add(
            java.time.Duration.between(first, last).toSeconds() / 86_400.0 / (times.size() - 1));
      }
      if (c.cancelledAt() == null && c.signedUpAt().isBefore(at(LocalDate.of(2024, 7, 1)))
          && !times.isEmpty()) {
        longTimeSubscribers++;
        if (times.get(times.size() - 1).isBefore(sixMonthsBeforeEnd)) {
          quiet++;
        }
      }
    }
    double mean = daysBetweenOrders.stream().mapToDouble(d -> d).average().orElseThrow();
    double variance =
        daysBetweenOrders.stream().mapToDouble(d -> (d - mean) * (d - mean)).average().orElseThrow();
    // default seed: 21.6 days on average, coefficient of variation 0.61; 111 of 276 quiet
    assertThat(mean).isBetween(15.0, 30.0);
    assertThat(Math.sqrt(variance) / mean).isGreaterThan(0.4);
    assertThat((double) quiet / longTimeSubscribers).isBetween(0.25, 0.6);
  }

  @Test
  void writtenCsvReadsBackEqual(@TempDir Path dir) throws IOException {
    SampleData.writeCsv(dir);
    LoadResult<Dataset> back = Dataset.load(dir);
    assertThat(back.isClean()).isTrue();
    assertThat(back.value()).isEqualTo(DATA);
  }
}
