package dev.salesmetrics.metric;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.CurrencyMismatchException;
import java.util.Currency;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The slots of one kernel cell, as a kernel's update and result see them: {@code long}s numbered
 * from 0 that the update changes with exact, branch-free operations. An engine points one {@code
 * Slots} at each cell in turn ({@link #at}), so no object is created per row. Not thread safe.
 *
 * <p>Use each slot as its {@link SlotKind} says: {@link #add}, {@link #count} and their {@code If}
 * forms on {@link SlotKind#SUM} slots, {@link #min} on {@code MIN}, {@link #max} on {@code MAX},
 * {@link #currency} on {@code CURRENCY}. The {@code If} forms take a condition instead of a branch:
 * {@code countIf(0, deal.won())} counts won deals, and cost the same whether the condition holds or
 * not.
 *
 * <pre>{@code
 * // win rate: won in slot 0, closed in slot 1
 * slots.countIf(0, deal.won());
 * slots.countIf(1, deal.closed());
 * }</pre>
 */
public final class Slots {
  private long[] data = new long[0];
  private int base;
  @Nullable private Currency emptyCurrency;

  /** Creates slots pointing at nothing; call {@link #at} before use. */
  public Slots() {}

  /**
   * Points these slots at the cell that starts at {@code base} in {@code data}. For engines.
   *
   * @param data the cells
   * @param base the index of the cell's slot 0
   * @return this
   */
  @CanIgnoreReturnValue
  public Slots at(long[] data, int base) {
    this.data = data;
    this.base = base;
    return this;
  }

  /**
   * Points these slots at another cell of the array they point at. For engines: moving within
   * one array stores no reference, which is cheaper per row than {@link #at(long[], int)}.
   *
   * @param base the index of the cell's slot 0
   * @return this
   */
  @CanIgnoreReturnValue
  public Slots at(int base) {
    this.base = base;
    return this;
  }

  /** Sets the currency {@link #currencyOf} reports for an empty currency slot (a converter's). */
  @CanIgnoreReturnValue
  Slots emptyCurrency(@Nullable Currency currency) {
    this.emptyCurrency = currency;
    return this;
  }

  /**
   * Returns the value of a slot.
   *
   * @param slot the slot number
   * @return its value
   */
  public long get(int slot) {
    return data[base + slot];
  }

  /**
   * Adds {@code value} to a sum slot, exactly.
   *
   * @param slot a {@link SlotKind#SUM} slot
   * @param value the value to add
   * @throws ArithmeticException if the sum overflows
   */
  public void add(int slot, long value) {
    int i = base + slot;
    data[i] = Math.addExact(data[i], value);
  }

  /**
   * Adds {@code value} to a sum slot when {@code condition} holds, without a branch.
   *
   * @param slot a {@link SlotKind#SUM} slot
   * @param condition whether to add
   * @param value the value to add
   * @throws ArithmeticException if the sum overflows
   */
  public void addIf(int slot, boolean condition, long value) {
    int i = base + slot;
    data[i] = Math.addExact(data[i], value & -(condition ? 1L : 0L));
  }

  /**
   * Adds one to a count slot.
   *
   * @param slot a {@link SlotKind#SUM} slot
   */
  public void count(int slot) {
    data[base + slot]++;
  }

  /**
   * Adds one to a count slot when {@code condition} holds, without a branch.
   *
   * @param slot a {@link SlotKind#SUM} slot
   * @param condition whether to count
   */
  public void countIf(int slot, boolean condition) {
    data[base + slot] += condition ? 1 : 0;
  }

  /**
   * Lowers a minimum slot to {@code value} if it is smaller.
   *
   * @param slot a {@link SlotKind#MIN} slot
   * @param value the value
   */
  public void min(int slot, long value) {
    int i = base + slot;
    data[i] = Math.min(data[i], value);
  }

  /**
   * Lowers a minimum slot to {@code value} when {@code condition} holds, without a branch.
   *
   * @param slot a {@link SlotKind#MIN} slot
   * @param condition whether to take the value
   * @param value the value
   */
  public void minIf(int slot, boolean condition, long value) {
    long keep = condition ? 0L : -1L;
    int i = base + slot;
    data[i] = Math.min(data[i], (value & ~keep) | (Long.MAX_VALUE & keep));
  }

  /**
   * Raises a maximum slot to {@code value} if it is larger.
   *
   * @param slot a {@link SlotKind#MAX} slot
   * @param value the value
   */
  public void max(int slot, long value) {
    int i = base + slot;
    data[i] = Math.max(data[i], value);
  }

  /**
   * Raises a maximum slot to {@code value} when {@code condition} holds, without a branch.
   *
   * @param slot a {@link SlotKind#MAX} slot
   * @param condition whether to take the value
   * @param value the value
   */
  public void maxIf(int slot, boolean condition, long value) {
    long keep = condition ? 0L : -1L;
    int i = base + slot;
    data[i] = Math.max(data[i], (value & ~keep) | (Long.MIN_VALUE & keep));
  }

  /**
   * Records the currency of an amount in a currency slot: the first one fixes it, another throws.
   *
   * @param slot a {@link SlotKind#CURRENCY} slot
   * @param code a {@link CurrencyCodes} code; {@link CurrencyCodes#NONE} changes nothing
   * @throws CurrencyMismatchException if the slot holds another currency
   */
  public void currency(int slot, int code) {
    int i = base + slot;
    long held = data[i];
    // a clash is two codes, both set and different: one test, never taken, whatever the row
    if (((held ^ code) * held * code) != 0) {
      throw new CurrencyMismatchException(
          CurrencyCodes.currency((int) held), CurrencyCodes.currency(code));
    }
    data[i] = held | code;
  }

  /**
   * Records the currency of an amount when {@code condition} holds; see {@link #currency}.
   *
   * @param slot a {@link SlotKind#CURRENCY} slot
   * @param condition whether to record it
   * @param code a {@link CurrencyCodes} code
   * @throws CurrencyMismatchException if the condition holds and the slot holds another currency
   */
  public void currencyIf(int slot, boolean condition, int code) {
    currency(slot, code & -(condition ? 1 : 0));
  }

  /**
   * Returns the currency a currency slot holds. When it holds none and the metric converts every
   * amount into a target currency, that target: so a sum of nothing is 0 in the target currency.
   *
   * @param slot a {@link SlotKind#CURRENCY} slot
   * @return the currency, or empty when no amount was recorded (and there is no target)
   */
  public Optional<Currency> currencyOf(int slot) {
    int code = (int) data[base + slot];
    if (code == CurrencyCodes.NONE) {
      return Optional.ofNullable(emptyCurrency);
    }
    return Optional.of(CurrencyCodes.currency(code));
  }
}
