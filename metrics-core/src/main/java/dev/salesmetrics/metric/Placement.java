package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Which instant of a record places it in a period, for one metric.
 *
 * <p>Most metrics are <em>placed</em>: one instant decides the one period a record belongs to
 * (win rate: {@code closed_at}; leads created: {@code created_at}); a record without that instant
 * (an open deal) belongs to no period. Some metrics are <em>spanning</em>: a record matters to
 * several periods (a customer to the churn of every period it is active in, an open deal to the
 * pipeline of every period it is open at the start of, an order to this period's and next
 * period's growth), so the aggregation core offers each record to every period and the metric's
 * accumulator decides. Immutable.
 *
 * @param <T> the record type
 */
public final class Placement<T> {
  private final String field;
  @Nullable private final Function<? super T, Instant> instant;

  private Placement(String field, @Nullable Function<? super T, Instant> instant) {
    this.field = field;
    this.instant = instant;
  }

  /**
   * Returns a placement by one instant of the record.
   *
   * @param field the snake_case name of the instant, e.g. {@code "closed_at"}
   * @param instant the instant of a record, or null when the record has none (it then belongs to
   *     no period)
   * @param <T> the record type
   * @return the placement
   */
  public static <T> Placement<T> at(String field, Function<? super T, Instant> instant) {
    return new Placement<>(checkNotNull(field, "field"), checkNotNull(instant, "instant"));
  }

  /**
   * Returns a spanning placement: records matter to several periods.
   *
   * @param description what decides the periods, e.g. {@code "active at the period start"}
   * @param <T> the record type
   * @return the placement
   */
  public static <T> Placement<T> spanning(String description) {
    return new Placement<>(checkNotNull(description, "description"), null);
  }

  /**
   * Tells whether records matter to several periods.
   *
   * @return true for a spanning placement
   */
  public boolean isSpanning() {
    return instant == null;
  }

  /**
   * Returns the name of the placing instant, or the description of a spanning placement.
   *
   * @return e.g. {@code "closed_at"}
   */
  public String field() {
    return field;
  }

  /**
   * Returns the instant that places {@code record}.
   *
   * @param record a record
   * @return its placing instant, or empty when it has none or the placement is spanning
   */
  public Optional<Instant> instant(T record) {
    return instant == null ? Optional.empty() : Optional.ofNullable(instant.apply(record));
  }

  /**
   * Formats as the field name, or {@code spanning: <description>}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return instant == null ? "spanning: " + field : field;
  }
}
