package dev.salesmetrics.aggregate;

import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.time.Period;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Adds to an error raised while aggregating where it happened: the metric, the group, the period
 * and the record, as in {@code "long overflow in metric sales_volume, group rep=R1, period
 * 2024-03, at deal D2"}. The exception keeps its type ({@link ArithmeticException}, {@link
 * CurrencyMismatchException}, {@link DateTimeException}) and gets the original as its cause, so
 * that callers can still catch it. Text from the data is escaped for a terminal.
 */
final class ErrorContext {
  private ErrorContext() {}

  /** {@code "metric <id>[, group <key>][, period <label>]"}. */
  static String where(String metricId, GroupKey key, @Nullable Period period) {
    StringBuilder sb = new StringBuilder("metric ").append(metricId);
    if (!key.isOverall()) {
      sb.append(", group ").append(SafeText.forTerminal(key.toString()));
    }
    if (period != null) {
      sb.append(", period ").append(period.label());
    }
    return sb.toString();
  }

  /** {@link #where(String, GroupKey, Period)} of a table cell. */
  static String where(String metricId, Cells.RowKey cell) {
    return where(metricId, cell.key(), cell.period());
  }

  /**
   * Returns {@code e} with {@code context} added to its message when it is one of the types that
   * aggregating raises (overflow, currency mismatch, a date out of range), else {@code e}.
   */
  static RuntimeException add(RuntimeException e, String context) {
    if (e instanceof CurrencyMismatchException c) {
      CurrencyMismatchException out = new CurrencyMismatchException(c.left(), c.right(), context);
      out.initCause(e);
      return out;
    } else if (e instanceof ArithmeticException) {
      ArithmeticException out = new ArithmeticException(message(e) + " in " + context);
      out.initCause(e);
      return out;
    } else if (e instanceof DateTimeException) {
      return new DateTimeException(message(e) + " in " + context, e);
    }
    return e;
  }

  /** As {@link #add}, naming the record that was being added. */
  static RuntimeException add(RuntimeException e, String context, SalesRecord record) {
    return add(e, context + ", at " + describe(record));
  }

  /**
   * The error of an instant that has no period in {@code dimension} (it lies too near the ends of
   * time): names the field, the instant and the record.
   */
  static DateTimeException unplaceable(
      DateTimeException e, String field, Instant at, String record, Dimension dimension) {
    return new DateTimeException(
        field + " " + at + " of " + record + " cannot be placed in a period of " + dimension
            + " (it lies too near the ends of time): " + message(e),
        e);
  }

  /** The error's message with its first letter in lower case ({@code "overflow"}). */
  private static String message(RuntimeException e) {
    String m = e.getMessage();
    if (m == null || m.isEmpty()) {
      return e instanceof ArithmeticException ? "overflow" : "date out of range";
    }
    return m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
  }

  /** Names a record by its kind and id: {@code "deal D2"}, {@code "quota of rep R1 for 2024-03"}. */
  static String describe(SalesRecord record) {
    String text;
    if (record instanceof Deal d) {
      text = "deal " + d.id();
    } else if (record instanceof Order o) {
      text = "order " + o.id();
    } else if (record instanceof Lead l) {
      text = "lead " + l.id();
    } else if (record instanceof Customer c) {
      text = "customer " + c.id();
    } else if (record instanceof Campaign c) {
      text = "campaign " + c.id();
    } else if (record instanceof Rep r) {
      text = "rep " + r.id();
    } else if (record instanceof Quota q) {
      text = "quota of rep " + q.repId() + " for " + q.period().label();
    } else if (record instanceof SurveyResponse s) {
      text = "survey response of customer " + s.customerId() + " at " + s.respondedAt();
    } else {
      text = record.getClass().getSimpleName();
    }
    return SafeText.forTerminal(text);
  }
}
