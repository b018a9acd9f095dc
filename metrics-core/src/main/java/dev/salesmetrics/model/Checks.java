package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.time.temporal.Temporal;
import javax.annotation.Nullable;

/**
 * Validation helpers shared by the domain records. Messages follow the project's rule: lowercase
 * start, no trailing period, the field (by its CSV column name), the value, the rule, and the
 * record it belongs to.
 */
final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} unless it is null or blank, then throws.
   *
   * @param value the value
   * @param javaName the component name, used for the {@link NullPointerException}
   * @param field the CSV column name, used in the {@link IllegalArgumentException}
   * @param owner e.g. {@code " for deal D1"}, or {@code ""} when the value is the record's own id
   */
  @CanIgnoreReturnValue
  static String nonBlank(@Nullable String value, String javaName, String field, String owner) {
    checkNotNull(value, javaName);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          field + " must not be blank: \"" + value + "\"" + owner);
    }
    return value;
  }

  /** Returns null for a null or blank string, else the string unchanged. */
  @Nullable
  static String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Throws if {@code amount} is negative. */
  @CanIgnoreReturnValue
  static Money nonNegative(Money amount, String javaName, String field, String owner) {
    checkNotNull(amount, javaName);
    if (amount.isNegative()) {
      throw new IllegalArgumentException(field + " must be >= 0: " + amount + owner);
    }
    return amount;
  }

  /**
   * Throws if {@code later} (when present) is strictly before {@code earlier}: "closed_at X is
   * before created_at Y for deal D1".
   */
  static <T extends Temporal & Comparable<? super T>> void notBefore(
      @Nullable T later, String laterField, T earlier, String earlierField, String owner) {
    if (later != null && later.compareTo(earlier) < 0) {
      throw new IllegalArgumentException(
          laterField + " " + later + " is before " + earlierField + " " + earlier + owner);
    }
  }

  /** True if {@code instant} is present and strictly after {@code t}: not yet happened at t. */
  static boolean after(@Nullable Instant instant, Instant t) {
    return instant != null && instant.isAfter(t);
  }
}
