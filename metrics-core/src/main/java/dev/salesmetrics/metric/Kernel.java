package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.model.CurrencyMismatchException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The state of a metric as a fixed set of numbers, declared once: how many {@code long} slots a
 * cell has and how each merges ({@link SlotKind}), how one row updates them, and how they become
 * the result. Every engine runs this one definition: the metric's own accumulator ({@link
 * Metric#compute}, collectors), a query over records, sequential or parallel, the columnar engine
 * over a column store, and the live view. Declare it with {@link MetricBuilder#kernel}.
 *
 * <p>A kernel reads a row through a view of one kind of record: {@link DealRow}, {@link OrderRow},
 * {@link LeadRow}, {@link CustomerRow} or {@link ResponseRow}, with primitive accessors (instants
 * as epoch second and nanosecond, amounts in minor units, currencies as {@link CurrencyCodes}), so
 * that the same update runs over a domain record or over columns, without creating an object per
 * row.
 *
 * <p>The update of a metric placed by an instant is only called for rows whose instant lies in the
 * window (the engines route rows to the period of that instant), so it needs no check of its own;
 * the update of a spanning metric gets the window's bounds to compare instants with. The update
 * must be a pure function of the row, the slots and the bounds; it may throw (an overflow, a second
 * currency), and the engines then keep no trace of the row where the contract says so (a live
 * view applies an event to every metric or to none).
 *
 * <pre>{@code
 * Kernel<DealRow, Ratio> winRate =
 *     Kernel.of(
 *         DealRow.class,
 *         List.of(SlotKind.SUM, SlotKind.SUM),             // won, closed
 *         (deal, slots, window) -> {
 *           slots.countIf(0, deal.won());
 *           slots.countIf(1, deal.closed());
 *         },
 *         slots -> Ratio.of(slots.get(0), slots.get(1)));
 * }</pre>
 *
 * <p>Immutable and thread safe (the functions must be pure).
 *
 * @param <V> the row view type, e.g. {@link DealRow}
 * @param <R> the result type
 */
public final class Kernel<V, R extends MetricValue> {
  private static final ImmutableList<Class<?>> ROW_TYPES =
      ImmutableList.of(
          DealRow.class, OrderRow.class, LeadRow.class, CustomerRow.class, ResponseRow.class);

  private final Class<V> rowType;
  private final ImmutableList<SlotKind> kinds;
  private final long[] initial;
  private final Update<V> update;
  private final Function<Slots, R> result;
  private final Consumer<Window> check;

  private Kernel(
      Class<V> rowType,
      ImmutableList<SlotKind> kinds,
      Update<V> update,
      Function<Slots, R> result,
      Consumer<Window> check) {
    this.rowType = rowType;
    this.kinds = kinds;
    this.update = update;
    this.result = result;
    this.check = check;
    this.initial = new long[kinds.size()];
    for (int i = 0; i < initial.length; i++) {
      initial[i] = kinds.get(i).initial();
    }
  }

  /**
   * Returns a kernel.
   *
   * @param rowType the row view it reads: {@code DealRow.class}, {@code OrderRow.class}, {@code
   *     LeadRow.class}, {@code CustomerRow.class} or {@code ResponseRow.class}
   * @param slots the kind of each slot, at least one
   * @param update adds one row to a cell's slots
   * @param result reads the value of a cell's slots; it must not change them
   * @param <V> the row view type
   * @param <R> the result type
   * @return the kernel
   * @throws IllegalArgumentException if the row type is not one of the row views or there is no
   *     slot
   */
  public static <V, R extends MetricValue> Kernel<V, R> of(
      Class<V> rowType, List<SlotKind> slots, Update<V> update, Function<Slots, R> result) {
    checkNotNull(rowType, "rowType");
    if (!ROW_TYPES.contains(rowType)) {
      throw new IllegalArgumentException(
          "a kernel reads one of the row views DealRow, OrderRow, LeadRow, CustomerRow,"
              + " ResponseRow: " + rowType.getName());
    }
    ImmutableList<SlotKind> kinds = ImmutableList.copyOf(checkNotNull(slots, "slots"));
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("a kernel needs at least one slot");
    }
    return new Kernel<>(
        rowType, kinds, checkNotNull(update, "update"), checkNotNull(result, "result"), w -> {});
  }

  /**
   * Returns this kernel with a check of each window it is computed over, run before any row (for
   * a metric that needs, say, a period of a granularity).
   *
   * @param check throws {@link IllegalArgumentException} for a window the metric refuses
   * @return the kernel with the check
   */
  public Kernel<V, R> checking(Consumer<Window> check) {
    checkNotNull(check, "check");
    Consumer<Window> before = this.check;
    return new Kernel<>(rowType, kinds, update, result, before.andThen(check));
  }

  /**
   * Returns the row view the kernel reads.
   *
   * @return e.g. {@code DealRow.class}
   */
  public Class<V> rowType() {
    return rowType;
  }

  /**
   * Returns how many slots a cell has.
   *
   * @return at least 1
   */
  public int size() {
    return kinds.size();
  }

  /**
   * Returns the kinds of the slots, in slot order.
   *
   * @return the kinds
   */
  public ImmutableList<SlotKind> kinds() {
    return kinds;
  }

  /**
   * Returns the update function. Engines call it directly, one call site per metric, so that the
   * compiler can inline each metric's update into the loop.
   *
   * @return the update
   */
  public Update<V> update() {
    return update;
  }

  /**
   * Checks that the kernel can be computed over {@code window}.
   *
   * @param window the window of a cell
   * @throws IllegalArgumentException if the metric refuses it
   */
  public void check(Window window) {
    check.accept(checkNotNull(window, "window"));
  }

  /**
   * Sets the slots of the cell at {@code base} to their initial values.
   *
   * @param data the cells
   * @param base the index of the cell's slot 0
   */
  public void initialize(long[] data, int base) {
    System.arraycopy(initial, 0, data, base, initial.length);
  }

  /**
   * Merges the cell at {@code fromBase} of {@code from} into the cell at {@code intoBase} of {@code
   * into}, slot by slot as each slot's kind says. Every check runs before a slot changes, so a
   * failed merge leaves {@code into} as it was.
   *
   * @param into the cells merged into
   * @param intoBase the index of that cell's slot 0
   * @param from the cells merged from; not changed
   * @param fromBase the index of that cell's slot 0
   * @throws ArithmeticException if a sum overflows
   * @throws CurrencyMismatchException if the cells hold different currencies
   */
  public void merge(long[] into, int intoBase, long[] from, int fromBase) {
    int n = initial.length;
    for (int i = 0; i < n; i++) {
      long a = into[intoBase + i];
      long b = from[fromBase + i];
      SlotKind kind = kinds.get(i);
      if (kind == SlotKind.SUM) {
        long unused = Math.addExact(a, b); // throws before any slot changes
      } else if (kind == SlotKind.CURRENCY
          && a != b
          && a != CurrencyCodes.NONE
          && b != CurrencyCodes.NONE) {
        throw new CurrencyMismatchException(
            CurrencyCodes.currency((int) a), CurrencyCodes.currency((int) b));
      }
    }
    for (int i = 0; i < n; i++) {
      int t = intoBase + i;
      long b = from[fromBase + i];
      into[t] =
          switch (kinds.get(i)) {
            case SUM -> into[t] + b;
            case MIN -> Math.min(into[t], b);
            case MAX -> Math.max(into[t], b);
            case CURRENCY -> into[t] | b;
          };
    }
  }

  /**
   * Returns the value of the cell {@code slots} points at.
   *
   * @param slots the slots, pointed at the cell
   * @return the value
   */
  public R result(Slots slots) {
    return result.apply(checkNotNull(slots, "slots"));
  }

  /**
   * Formats as the row type and the slot kinds.
   *
   * @return e.g. {@code "Kernel[DealRow, SUM, SUM]"}
   */
  @Override
  public String toString() {
    return "Kernel[" + rowType.getSimpleName() + ", " + kinds.toString().replaceAll("[\\[\\]]", "")
        + "]";
  }

  /**
   * Adds one row to a cell.
   *
   * @param <V> the row view type
   */
  @FunctionalInterface
  public interface Update<V> {
    /**
     * Adds {@code row} to the cell {@code slots} points at.
     *
     * @param row the row
     * @param slots the cell's slots
     * @param window the bounds of the cell's window (for a spanning metric)
     * @throws ArithmeticException if a sum overflows
     * @throws CurrencyMismatchException if the row's currency differs from the cell's
     */
    void update(V row, Slots slots, WindowBounds window);
  }
}
