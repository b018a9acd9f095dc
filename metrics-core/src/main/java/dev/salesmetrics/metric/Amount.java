package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.Money;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.annotation.Nullable;

/**
 * A money figure, such as a sum of won deal amounts or a mean order value, with the number of
 * records it is computed from.
 *
 * <p>Empty when there is nothing to compute it from (no records, or a mean over zero records);
 * {@link #asDouble()} is then empty, never 0. Sums are exact; means are rounded HALF_EVEN to the
 * currency's minor unit by whoever computes them. Immutable.
 *
 * @param money the amount, or null when undefined
 * @param sampleSize how many records it is computed from, {@code >= 0}
 */
public record Amount(@Nullable Money money, long sampleSize) implements MetricValue {
  private static final Amount EMPTY = new Amount(null, 0);

  /**
   * Validates the sample size.
   *
   * @param money the amount, or null when undefined
   * @param sampleSize how many records it is computed from, {@code >= 0}
   * @throws IllegalArgumentException if the sample size is negative
   */
  public Amount {
    if (sampleSize < 0) {
      throw new IllegalArgumentException("sample size must be >= 0: " + sampleSize);
    }
  }

  /**
   * Returns a defined amount.
   *
   * @param money the amount
   * @param sampleSize how many records it is computed from, {@code >= 0}
   * @return the amount
   */
  public static Amount of(Money money, long sampleSize) {
    return new Amount(checkNotNull(money, "money"), sampleSize);
  }

  /**
   * Returns the undefined amount over {@code sampleSize} records.
   *
   * @param sampleSize how many records were seen
   * @return the undefined amount
   */
  public static Amount undefined(long sampleSize) {
    return sampleSize == 0 ? EMPTY : new Amount(null, sampleSize);
  }

  /**
   * Returns the undefined amount over no records.
   *
   * @return the empty amount
   */
  public static Amount empty() {
    return EMPTY;
  }

  /**
   * Returns the money, if defined.
   *
   * @return the amount, or empty
   */
  public Optional<Money> value() {
    return Optional.ofNullable(money);
  }

  /**
   * Returns the amount in major units (dollars, not cents).
   *
   * @return e.g. {@code 12.5} for 12.50 USD, or empty when undefined
   */
  @Override
  public OptionalDouble asDouble() {
    return money == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(money.toBigDecimal().doubleValue());
  }

  /**
   * Formats as the money ({@code "12.50 USD"}) or {@code "—"} when undefined; tables ({@code
   * MetricTable.show()}) add thousands separators.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return money == null ? "—" : money.toString();
  }
}
