package dev.salesmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationSummaryTest {
  private static final LocalDate END = LocalDate.of(2024, 3, 31);

  private static Transaction tx(String id, String date, String amount) {
    return new Transaction(id, LocalDate.parse(date), Money.of(amount, "USD"));
  }

  @Test
  void mergesSameDayPurchasesAndExcludesTheFirstFromSpend() {
    List<Transaction> txs =
        List.of(
            tx("c1", "2024-01-01", "10.00"),
            tx("c1", "2024-01-01", "5.00"), // same first day: not a repeat, not spend
            tx("c1", "2024-01-15", "20.00"),
            tx("c1", "2024-01-15", "2.50"), // same day: one purchase of 22.50
            tx("c1", "2024-03-04", "7.50"),
            tx("c1", "2024-04-02", "99.00"), // after calibration: ignored
            tx("c2", "2024-03-31", "1.00"), // first purchase on the last day
            tx("c3", "2024-04-01", "1.00")); // first purchase after calibration: left out
    CalibrationSummary s = CalibrationSummary.of(txs, END, ClvTimeUnit.DAY);
    assertThat(s.customers()).hasSize(2);
    CustomerSummary c1 = s.customers().get(0);
    assertThat(c1.customerId()).isEqualTo("c1");
    assertThat(c1.frequency()).isEqualTo(2);
    assertThat(c1.recency()).isEqualTo(63); // Jan 1 -> Mar 4, 2024 is a leap year
    assertThat(c1.age()).isEqualTo(90);
    assertThat(c1.repeatSpend()).isEqualTo(Money.of("30.00", "USD"));
    assertThat(c1.meanRepeatSpend()).isEqualTo(15.0);
    CustomerSummary c2 = s.customers().get(1);
    assertThat(c2.frequency()).isZero();
    assertThat(c2.recency()).isZero();
    assertThat(c2.age()).isZero();
    assertThat(c2.meanRepeatSpend()).isZero();
    assertThat(CalibrationSummary.of(txs, END, ClvTimeUnit.WEEK).customers().get(0).age())
        .isEqualTo(90 / 7.0);
  }

  @Test
  void reproducesTheCdnowSummaryFiles() {
    CalibrationSummary s =
        CalibrationSummary.of(Cdnow.transactions(), Cdnow.CALIBRATION_END, ClvTimeUnit.WEEK);
    assertThat(s.customers()).hasSize(2357);
    assertThat(s.currency().orElseThrow().getCurrencyCode()).isEqualTo("USD");
    Map<String, CustomerSummary> byId = new HashMap<>();
    s.customers().forEach(c -> byId.put(c.customerId(), c));
    for (String[] row : Cdnow.csv("cdnow_customers_summary_with_transactions.csv")) {
      CustomerSummary c = byId.get(String.format(Locale.ROOT, "%04d", Integer.parseInt(row[0])));
      assertThat(c).as("customer %s", row[0]).isNotNull();
      assertThat(c.frequency()).isEqualTo(Integer.parseInt(row[1]));
      assertThat(c.recency()).isCloseTo(Double.parseDouble(row[2]), within(0.005 + 1e-9));
      assertThat(c.age()).isCloseTo(Double.parseDouble(row[3]), within(0.005 + 1e-9));
      assertThat(c.meanRepeatSpend()).isCloseTo(Double.parseDouble(row[4]), within(0.01));
    }
  }

  @Test
  void refusesMixedCurrencies() {
    List<Transaction> txs =
        List.of(
            tx("c1", "2024-01-01", "10.00"),
            new Transaction("c2", LocalDate.parse("2024-01-02"), Money.of("3.00", "EUR")));
    assertThatThrownBy(() -> CalibrationSummary.of(txs, END, ClvTimeUnit.DAY))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void emptyInputGivesNoCustomers() {
    CalibrationSummary s = CalibrationSummary.of(List.of(), END, ClvTimeUnit.DAY);
    assertThat(s.customers()).isEmpty();
    assertThat(s.currency()).isEmpty();
    assertThat(s.toRfmData().size()).isZero();
  }

  record Order(String id, String customerId, Instant placedAt, Money amount) {}

  @Test
  void adaptsAnyRecordsInOneLine() {
    List<Order> orders =
        List.of(
            new Order("o1", "c1", Instant.parse("2024-01-01T23:30:00Z"), Money.of("5", "USD")),
            new Order("o2", "c1", Instant.parse("2024-01-02T01:00:00Z"), Money.of("7", "USD")));
    List<Transaction> utc =
        Transaction.from(orders, Order::customerId, Order::placedAt, ZoneId.of("UTC"),
            Order::amount);
    List<Transaction> newYork =
        Transaction.from(orders, Order::customerId, Order::placedAt,
            ZoneId.of("America/New_York"), Order::amount);
    assertThat(utc.get(0).date()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(utc.get(1).date()).isEqualTo(LocalDate.of(2024, 1, 2));
    // both on 2024-01-01 in New York: one purchase day, no repeat
    assertThat(CalibrationSummary.of(newYork, END, ClvTimeUnit.DAY).customers().get(0).frequency())
        .isZero();
    assertThat(CalibrationSummary.of(utc, END, ClvTimeUnit.DAY).customers().get(0).frequency())
        .isEqualTo(1);
  }

  @Test
  void rejectsNegativeAmounts() {
    assertThatThrownBy(() -> tx("c1", "2024-01-01", "-3.00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be >= 0: -3.00 USD for customer c1 on 2024-01-01");
  }
}
