package dev.salesmetrics.metric;

/**
 * How one {@code long} slot of a {@link Kernel} starts and how two cells' slots merge.
 *
 * <p>Every merge is exact and order-free, so cells computed on any split of the rows (threads,
 * chunks, live writers) merge into the cell of all the rows.
 */
public enum SlotKind {
  /** A count or an exact sum (of minor units, say): starts at 0, merges by {@code Math.addExact}. */
  SUM,
  /** A minimum: starts at {@code Long.MAX_VALUE}, merges by {@code Math.min}. */
  MIN,
  /** A maximum: starts at {@code Long.MIN_VALUE}, merges by {@code Math.max}. */
  MAX,
  /**
   * The one currency of a cell's amounts, as a {@link CurrencyCodes} code: starts at {@link
   * CurrencyCodes#NONE}; two cells merge when one has none or both have the same, else {@link
   * dev.salesmetrics.model.CurrencyMismatchException}.
   */
  CURRENCY;

  /**
   * Returns the value a slot of this kind starts at.
   *
   * @return 0, {@code Long.MAX_VALUE} or {@code Long.MIN_VALUE}
   */
  public long initial() {
    return switch (this) {
      case SUM, CURRENCY -> 0;
      case MIN -> Long.MAX_VALUE;
      case MAX -> Long.MIN_VALUE;
    };
  }
}
