package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Per-customer summaries of the purchases up to and including a calibration end day, in a given
 * time unit: the input of {@link BgNbdFit} and {@link GammaGammaFit}.
 *
 * <p>Customers whose first purchase is after the calibration end are left out; purchases after
 * it are ignored. Same-day purchases are merged; see {@link CustomerSummary}. All amounts must
 * share one currency. Immutable; customers are sorted by id.
 *
 * <pre>{@code
 * CalibrationSummary s = CalibrationSummary.of(transactions, LocalDate.of(1997, 9, 30),
 *     ClvTimeUnit.WEEK);
 * BgNbdFit fit = BgNbdFit.fit(s.toRfmData());
 * }</pre>
 *
 * @param calibrationEnd the last day of the calibration period (inclusive)
 * @param unit the unit of recency and age
 * @param currency the currency of the amounts, empty when there is no customer
 * @param customers one summary per customer, sorted by id
 */
public record CalibrationSummary(
    LocalDate calibrationEnd,
    ClvTimeUnit unit,
    Optional<Currency> currency,
    ImmutableList<CustomerSummary> customers) {
  /**
   * Validates the components and copies the list.
   *
   * @param calibrationEnd the last day of the calibration period
   * @param unit the unit of recency and age
   * @param currency the currency of the amounts
   * @param customers the summaries
   * @throws NullPointerException if a component is null
   */
  public CalibrationSummary {
    checkNotNull(calibrationEnd, "calibrationEnd");
    checkNotNull(unit, "unit");
    checkNotNull(currency, "currency");
    customers = ImmutableList.copyOf(customers);
  }

  /**
   * Summarizes transactions.
   *
   * @param transactions the purchases, in any order
   * @param calibrationEnd the last day of the calibration period (inclusive)
   * @param unit the unit of recency and age
   * @return the summaries
   * @throws CurrencyMismatchException if amounts have different currencies
   * @throws ArithmeticException if a customer's total overflows
   */
  public static CalibrationSummary of(
      Iterable<Transaction> transactions, LocalDate calibrationEnd, ClvTimeUnit unit) {
    checkNotNull(transactions, "transactions");
    checkNotNull(calibrationEnd, "calibrationEnd");
    checkNotNull(unit, "unit");
    List<Transaction> sorted = new ArrayList<>();
    Currency currency = null;
    for (Transaction t : transactions) {
      currency = checkCurrency(currency, t.amount());
      if (!t.date().isAfter(calibrationEnd)) {
        sorted.add(t);
      }
    }
    sorted.sort(
        Comparator.comparing(Transaction::customerId).thenComparing(Transaction::date));
    ImmutableList.Builder<CustomerSummary> out = ImmutableList.builder();
    int i = 0;
    while (i < sorted.size()) {
      String id = sorted.get(i).customerId();
      LocalDate first = sorted.get(i).date();
      LocalDate last = first;
      int days = 0;
      Money repeat = Money.zero(sorted.get(i).amount().currency());
      while (i < sorted.size() && sorted.get(i).customerId().equals(id)) {
        Transaction t = sorted.get(i);
        if (!t.date().equals(last)) {
          days++;
          last = t.date();
        }
        if (days > 0) {
          repeat = repeat.plus(t.amount());
        }
        i++;
      }
      double recency = unit.fromDays((double) ChronoUnit.DAYS.between(first, last));
      double age = unit.fromDays((double) ChronoUnit.DAYS.between(first, calibrationEnd));
      out.add(new CustomerSummary(id, first, last, days, recency, age, repeat));
    }
    return new CalibrationSummary(calibrationEnd, unit, Optional.ofNullable(currency), out.build());
  }

  private static Currency checkCurrency(@Nullable Currency seen, Money amount) {
    if (seen != null && !seen.equals(amount.currency())) {
      throw new CurrencyMismatchException(seen, amount.currency());
    }
    return amount.currency();
  }

  /**
   * Returns the summaries as model input, one row of weight 1 per customer in the order of
   * {@link #customers()}, with the mean repeat spend in major units.
   *
   * @return the data in {@link #unit()}
   */
  public RfmData toRfmData() {
    RfmData.Builder data = RfmData.builder(unit);
    for (CustomerSummary c : customers) {
      data.add(c.frequency(), c.recency(), c.age(), c.meanRepeatSpend());
    }
    return data.build();
  }
}
