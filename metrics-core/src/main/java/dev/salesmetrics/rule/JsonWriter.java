package dev.salesmetrics.rule;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.internal.JsonText;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes compact JSON text: objects, arrays, strings, finite numbers, booleans and null. Not
 * thread safe; one document per writer.
 */
final class JsonWriter {
  private final StringBuilder sb = new StringBuilder();
  /** Per open container: true while it has no element yet. */
  private final ArrayDeque<Boolean> empty = new ArrayDeque<>();
  private boolean afterName;

  @CanIgnoreReturnValue
  JsonWriter beginObject() {
    separate();
    sb.append('{');
    empty.push(true);
    return this;
  }

  @CanIgnoreReturnValue
  JsonWriter endObject() {
    empty.pop();
    sb.append('}');
    return this;
  }

  @CanIgnoreReturnValue
  JsonWriter beginArray() {
    separate();
    sb.append('[');
    empty.push(true);
    return this;
  }

  @CanIgnoreReturnValue
  JsonWriter endArray() {
    empty.pop();
    sb.append(']');
    return this;
  }

  /** Writes a member name; the next call writes its value. */
  @CanIgnoreReturnValue
  JsonWriter name(String name) {
    separate();
    string(name);
    sb.append(':');
    afterName = true;
    return this;
  }

  @CanIgnoreReturnValue
  JsonWriter value(String s) {
    separate();
    string(s);
    return this;
  }

  @CanIgnoreReturnValue
  JsonWriter value(long n) {
    separate();
    sb.append(n);
    return this;
  }

  @CanIgnoreReturnValue
  JsonWriter value(boolean b) {
    separate();
    sb.append(b);
    return this;
  }

  /**
   * Writes a finite number: integral values below 10^15 without a fraction, others as {@link
   * Double#toString}, which is valid JSON for finite values.
   *
   * @throws IllegalArgumentException if {@code d} is NaN or infinite
   */
  @CanIgnoreReturnValue
  JsonWriter value(double d) {
    separate();
    sb.append(number(d));
    return this;
  }

  /** Writes the number, or null when empty. */
  @CanIgnoreReturnValue
  JsonWriter value(OptionalDouble d) {
    if (d.isPresent()) {
      return value(d.getAsDouble());
    }
    return nullValue();
  }

  /** Writes the string, or null when empty. */
  @CanIgnoreReturnValue
  JsonWriter value(Optional<String> s) {
    if (s.isPresent()) {
      return value(s.get());
    }
    return nullValue();
  }

  @CanIgnoreReturnValue
  JsonWriter nullValue() {
    separate();
    sb.append("null");
    return this;
  }

  /** Formats a finite number as {@link #value(double)} writes it. */
  static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("JSON numbers must be finite: " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!empty.isEmpty()) {
      if (!empty.peek()) {
        sb.append(',');
      } else {
        empty.pop();
        empty.push(false);
      }
    }
  }

  private void string(String s) {
    JsonText.quote(sb, s);
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
