package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.salesmetrics.internal.SafeText;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A table of shares of one total, such as each product's share of line revenue: key → {@link
 * Ratio}{@code (part, total)}, every ratio over the same total.
 *
 * <p>Parts are counts or minor units and never negative. With a zero total every share is
 * undefined. {@link #asDouble()} is the largest share (the top key's share), empty when there is no
 * key or the total is zero; {@link #sampleSize()} is the number of records (order lines) the table
 * is computed from. Keys are sorted by their natural (String) order. Prints as {@code "gadget 33.3%
 * (1000/3000), widget 66.7% (2000/3000)"}, or {@code "(no shares)"} when empty. Immutable and
 * thread safe.
 */
public final class Shares implements MetricValue {
  /**
   * The key under which {@code product_revenue_share} files an order that has no lines: its whole
   * amount counts as revenue of this product, so that the shares add up to all revenue.
   */
  public static final String UNKNOWN_PRODUCT = "(unknown)";

  private static final Shares EMPTY = new Shares(ImmutableSortedMap.of(), 0, 0);

  private final ImmutableSortedMap<String, Long> parts;
  private final long total;
  private final long sampleSize;

  private Shares(ImmutableSortedMap<String, Long> parts, long total, long sampleSize) {
    this.parts = parts;
    this.total = total;
    this.sampleSize = sampleSize;
  }

  /**
   * Returns the shares of {@code parts} in their sum.
   *
   * @param parts the part of each key, {@code >= 0}
   * @param sampleSize how many records the parts are computed from, {@code >= 0}
   * @return the table
   * @throws NullPointerException if the map, a key or a part is null
   * @throws IllegalArgumentException if a part or the sample size is negative
   * @throws ArithmeticException if the parts add up beyond {@code Long.MAX_VALUE}
   */
  public static Shares of(Map<String, Long> parts, long sampleSize) {
    checkNotNull(parts, "parts");
    if (sampleSize < 0) {
      throw new IllegalArgumentException("sample size must be >= 0: " + sampleSize);
    }
    long total = 0;
    for (Map.Entry<String, Long> e : parts.entrySet()) {
      checkNotNull(e.getKey(), "key");
      long part = checkNotNull(e.getValue(), "part");
      if (part < 0) {
        throw new IllegalArgumentException("part must be >= 0: " + part + " for " + e.getKey());
      }
      total = Math.addExact(total, part);
    }
    return new Shares(ImmutableSortedMap.copyOf(parts), total, sampleSize);
  }

  /**
   * Returns the table with no keys.
   *
   * @return the empty table
   */
  public static Shares empty() {
    return EMPTY;
  }

  /**
   * Returns the share of every key, in key order.
   *
   * @return key → {@code Ratio(part, total)}
   */
  public ImmutableSortedMap<String, Ratio> shares() {
    ImmutableSortedMap.Builder<String, Ratio> b = ImmutableSortedMap.naturalOrder();
    parts.forEach((k, v) -> b.put(k, Ratio.of(v, total)));
    return b.build();
  }

  /**
   * Returns the share of {@code key}: {@code Ratio(part, total)}, with part 0 for a key not in the
   * table.
   *
   * @param key a key, such as a product
   * @return its share; undefined when the total is zero
   */
  public Ratio share(String key) {
    return Ratio.of(parts.getOrDefault(checkNotNull(key, "key"), 0L), total);
  }

  /**
   * Returns the total that every share is over.
   *
   * @return the sum of the parts
   */
  public long total() {
    return total;
  }

  /**
   * Returns the largest share.
   *
   * @return the top key's share, or empty when there is no key or the total is zero
   */
  @Override
  public OptionalDouble asDouble() {
    if (total == 0) {
      return OptionalDouble.empty();
    }
    long max = parts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return OptionalDouble.of((double) max / (double) total);
  }

  /**
   * Returns how many records the table is computed from.
   *
   * @return the number of records, such as order lines
   */
  @Override
  public long sampleSize() {
    return sampleSize;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shares that
        && total == that.total
        && sampleSize == that.sampleSize
        && parts.equals(that.parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode() * 31 + Long.hashCode(sampleSize);
  }

  /**
   * Formats as {@code key share (part/total)} per key, comma separated; control characters of a
   * key are written out visibly ({@code \n}, {@code \}{@code u001b}).
   *
   * @return e.g. {@code "gadget 33.3% (1000/3000), widget 66.7% (2000/3000)"}
   */
  @Override
  public String toString() {
    if (parts.isEmpty()) {
      return "(no shares)";
    }
    return shares().entrySet().stream()
        .map(e -> SafeText.forTerminal(e.getKey()) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
