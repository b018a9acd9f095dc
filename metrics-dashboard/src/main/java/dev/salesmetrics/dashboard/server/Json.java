package dev.salesmetrics.dashboard.server;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.OptionalDouble;
import javax.annotation.Nullable;

/**
 * A minimal JSON writer: the caller emits names and values in order, the writer places commas.
 * Strings are escaped so that the output is also safe inside an HTML {@code <script>} element
 * and in one line of an event stream ({@code < > &} and line separators as {@code \}{@code u}
 * escapes, no raw line break). Not thread safe.
 */
final class Json {
  private final StringBuilder sb = new StringBuilder();
  private boolean first = true;

  @CanIgnoreReturnValue
  Json beginObject() {
    comma();
    sb.append('{');
    first = true;
    return this;
  }

  @CanIgnoreReturnValue
  Json endObject() {
    sb.append('}');
    first = false;
    return this;
  }

  @CanIgnoreReturnValue
  Json beginArray() {
    comma();
    sb.append('[');
    first = true;
    return this;
  }

  @CanIgnoreReturnValue
  Json endArray() {
    sb.append(']');
    first = false;
    return this;
  }

  /** Writes a member name; the next value call writes its value. */
  @CanIgnoreReturnValue
  Json name(String name) {
    comma();
    quote(sb, name);
    sb.append(':');
    first = true;
    return this;
  }

  @CanIgnoreReturnValue
  Json value(@Nullable String s) {
    comma();
    if (s == null) {
      sb.append("null");
    } else {
      quote(sb, s);
    }
    first = false;
    return this;
  }

  @CanIgnoreReturnValue
  Json value(long n) {
    comma();
    sb.append(n);
    first = false;
    return this;
  }

  @CanIgnoreReturnValue
  Json value(boolean b) {
    comma();
    sb.append(b);
    first = false;
    return this;
  }

  /** Writes a finite number, or {@code null} when empty. */
  @CanIgnoreReturnValue
  Json value(OptionalDouble d) {
    comma();
    if (d.isPresent() && Double.isFinite(d.getAsDouble())) {
      double v = d.getAsDouble();
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        sb.append((long) v);
      } else {
        sb.append(v);
      }
    } else {
      sb.append("null");
    }
    first = false;
    return this;
  }

  @CanIgnoreReturnValue
  Json member(String name, @Nullable String s) {
    return name(name).value(s);
  }

  @CanIgnoreReturnValue
  Json member(String name, long n) {
    return name(name).value(n);
  }

  @CanIgnoreReturnValue
  Json member(String name, OptionalDouble d) {
    return name(name).value(d);
  }

  private void comma() {
    if (!first) {
      sb.append(',');
    }
    first = false;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  /** Appends {@code s} as a JSON string literal. */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
