package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * One purchase as the CLV models read it: who bought, on which calendar day, for how much.
 * Purchases of one customer on one day are merged into one purchase by {@link
 * CalibrationSummary} (their amounts are added exactly).
 *
 * <pre>{@code
 * List<Transaction> tx = Transaction.from(paidOrders, Order::customerId, Order::placedAt,
 *     ZoneOffset.UTC, Order::amount);
 * }</pre>
 *
 * @param customerId the customer, not blank
 * @param date the calendar day of the purchase (in the caller's zone)
 * @param amount the value of the purchase, {@code >= 0}
 */
public record Transaction(String customerId, LocalDate date, Money amount) {
  /**
   * Validates the components.
   *
   * @param customerId the customer, not blank
   * @param date the day of the purchase
   * @param amount the value, {@code >= 0}
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the id is blank or the amount negative
   */
  public Transaction {
    checkNotNull(customerId, "customerId");
    checkNotNull(date, "date");
    checkNotNull(amount, "amount");
    if (customerId.isBlank()) {
      throw new IllegalArgumentException("customer_id must not be blank");
    }
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "amount must be >= 0: " + amount + " for customer " + customerId + " on " + date);
    }
  }

  /**
   * Maps any records with an instant to transactions, placing each instant on its calendar day
   * in {@code zone}.
   *
   * @param <T> the record type, such as an order
   * @param records the records; filter (for example to paid orders) before calling
   * @param customerId reads the customer id
   * @param at reads the instant of the purchase
   * @param zone the zone whose calendar days count as purchase days
   * @param amount reads the purchase value
   * @return the transactions in the order of {@code records}
   * @throws IllegalArgumentException if a record maps to an invalid transaction
   */
  public static <T> ImmutableList<Transaction> from(
      Iterable<T> records,
      Function<? super T, String> customerId,
      Function<? super T, Instant> at,
      ZoneId zone,
      Function<? super T, Money> amount) {
    checkNotNull(zone, "zone");
    checkNotNull(at, "at");
    return fromDates(records, customerId, r -> LocalDate.ofInstant(at.apply(r), zone), amount);
  }

  /**
   * Maps any records with a calendar day to transactions.
   *
   * @param <T> the record type
   * @param records the records
   * @param customerId reads the customer id
   * @param date reads the day of the purchase
   * @param amount reads the purchase value
   * @return the transactions in the order of {@code records}
   * @throws IllegalArgumentException if a record maps to an invalid transaction
   */
  public static <T> ImmutableList<Transaction> fromDates(
      Iterable<T> records,
      Function<? super T, String> customerId,
      Function<? super T, LocalDate> date,
      Function<? super T, Money> amount) {
    checkNotNull(records, "records");
    checkNotNull(customerId, "customerId");
    checkNotNull(date, "date");
    checkNotNull(amount, "amount");
    ImmutableList.Builder<Transaction> out = ImmutableList.builder();
    for (T record : records) {
      out.add(new Transaction(customerId.apply(record), date.apply(record), amount.apply(record)));
    }
    return out.build();
  }
}
