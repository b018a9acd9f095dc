package dev.salesmetrics.metric;

import static dev.salesmetrics.metric.SlotKind.CURRENCY;
import static dev.salesmetrics.metric.SlotKind.MAX;
import static dev.salesmetrics.metric.SlotKind.MIN;
import static dev.salesmetrics.metric.SlotKind.SUM;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.model.Money;
import java.util.Currency;
import java.util.Optional;

/**
 * The two money states the catalogue's kernels share: an exact sum of amounts (sum, count,
 * currency: {@link #SUM_SLOTS}) and money statistics (count, sum, min, max, currency: {@link
 * #STATS_SLOTS}), with their branch-free updates and their results. The currency is recorded
 * before the sum changes, so a second currency is reported before an overflow.
 */
final class MoneySlots {
  private MoneySlots() {}

  /** Slots of a money sum: 0 the sum in minor units, 1 the count of amounts, 2 the currency. */
  static final ImmutableList<SlotKind> SUM_SLOTS = ImmutableList.of(SUM, SUM, CURRENCY);

  /** Slots of money statistics: 0 count, 1 sum, 2 min, 3 max, 4 currency. */
  static final ImmutableList<SlotKind> STATS_SLOTS = ImmutableList.of(SUM, SUM, MIN, MAX, CURRENCY);

  /** Adds an amount to the money sum when {@code add} holds. */
  static void addToSum(Slots s, boolean add, long minor, int currency) {
    long mask = Slots.mask(add); // one mask for every slot: no branch on the condition
    s.currency(2, (int) (currency & mask));
    s.add(0, minor & mask);
    s.countMasked(1, mask);
  }

  /** The sum: undefined without a currency (no amount, no converter), else exact. */
  static Amount sumOf(Slots s) {
    Optional<Currency> currency = s.currencyOf(2);
    return currency.isEmpty()
        ? Amount.empty()
        : Amount.of(Money.ofMinor(s.get(0), currency.get()), s.get(1));
  }

  /** The mean of the money sum, HALF_EVEN; undefined without an amount. */
  static Amount meanOf(Slots s) {
    long n = s.get(1);
    Optional<Currency> currency = s.currencyOf(2);
    return n == 0 || currency.isEmpty()
        ? Amount.empty()
        : Amount.of(Money.ofMinor(s.get(0), currency.get()).dividedBy(n), n);
  }

  /** Adds an amount to the statistics when {@code add} holds. */
  static void addToStats(Slots s, boolean add, long minor, int currency) {
    long mask = Slots.mask(add); // one mask for every slot: no branch on the condition
    s.currency(4, (int) (currency & mask));
    s.add(1, minor & mask);
    s.countMasked(0, mask);
    s.minMasked(2, mask, minor);
    s.maxMasked(3, mask, minor);
  }

  /** The statistics; empty without an amount. */
  static MoneyStats statsOf(Slots s) {
    long n = s.get(0);
    Optional<Currency> currency = s.currencyOf(4);
    return n == 0 || currency.isEmpty()
        ? MoneyStats.empty()
        : new MoneyStats(n, currency.get(), s.get(1), s.get(2), s.get(3));
  }
}
