package dev.salesmetrics.aggregate;

import dev.salesmetrics.metric.CurrencyCodes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The column types of a {@link ColumnStore}: dictionary-coded text, instants as epoch second and
 * nanosecond, amounts as minor units and a currency code. Each grows as rows are appended and is
 * trimmed to size when its store is built; a column that no row has filled holds no array.
 */
final class Columns {
  private Columns() {}

  /** The epoch second of an absent instant: before every instant an {@link Instant} can hold. */
  static final long NO_INSTANT = Long.MIN_VALUE;

  /** The code of an absent text value. */
  static final int NO_TEXT = -1;

  /**
   * Tells whether a text value is plain: it shows a printable ASCII character and holds no
   * surrogate, so it is well-formed and not blank by any definition. Other text is checked by the
   * domain record's own rules.
   */
  static boolean plain(@Nullable String s) {
    if (s == null) {
      return true;
    }
    boolean visible = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ' && c < 0x7F) {
        visible = true;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return visible;
  }

  /** Dictionary-coded text; {@link #NO_TEXT} where a row has none. */
  static final class Text {
    @Nullable int[] codes;
    final Codes.Strings dictionary = new Codes.Strings();

    void set(int row, int capacity, @Nullable String value) {
      if (value == null) {
        if (codes != null) {
          codes[row] = NO_TEXT;
        }
        return;
      }
      if (codes == null) {
        codes = new int[capacity];
        Arrays.fill(codes, NO_TEXT);
      }
      codes[row] = dictionary.code(value);
    }

    int code(int row) {
      return codes == null ? NO_TEXT : codes[row];
    }

    @Nullable
    String value(int row) {
      int c = code(row);
      return c == NO_TEXT ? null : dictionary.name(c);
    }

    List<String> names() {
      return dictionary.names();
    }

    void grow(int capacity) {
      if (codes != null) {
        int old = codes.length;
        codes = Arrays.copyOf(codes, capacity);
        Arrays.fill(codes, old, capacity, NO_TEXT);
      }
    }

    void trim(int size) {
      if (codes != null && codes.length != size) {
        codes = Arrays.copyOf(codes, size);
      }
    }

    long bytes() {
      return codes == null ? 0 : 4L * codes.length;
    }
  }

  /** Instants as epoch seconds, and nanoseconds once a row has any; {@link #NO_INSTANT} if none. */
  static final class Instants {
    @Nullable long[] seconds;
    @Nullable int[] nanos;
    /** The smallest and largest epoch second set (MAX and MIN while there is none). */
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    void set(int row, int capacity, long second, int nano) {
      if (seconds == null) {
        if (second == NO_INSTANT) {
          return;
        }
        seconds = new long[capacity];
        Arrays.fill(seconds, NO_INSTANT);
      }
      seconds[row] = second;
      if (second != NO_INSTANT) {
        min = Math.min(min, second);
        max = Math.max(max, second);
      }
      if (nano != 0) {
        if (nanos == null) {
          nanos = new int[capacity];
        }
        nanos[row] = nano;
      } else if (nanos != null) {
        nanos[row] = 0;
      }
    }

    boolean has(int row) {
      return seconds != null && seconds[row] != NO_INSTANT;
    }

    long second(int row) {
      return seconds == null ? NO_INSTANT : seconds[row];
    }

    int nano(int row) {
      return nanos == null ? 0 : nanos[row];
    }

    @Nullable
    Instant instant(int row) {
      return has(row) ? Instant.ofEpochSecond(seconds[row], nano(row)) : null;
    }

    void grow(int capacity) {
      if (seconds != null) {
        int old = seconds.length;
        seconds = Arrays.copyOf(seconds, capacity);
        Arrays.fill(seconds, old, capacity, NO_INSTANT);
      }
      if (nanos != null) {
        nanos = Arrays.copyOf(nanos, capacity);
      }
    }

    void trim(int size) {
      if (seconds != null && seconds.length != size) {
        seconds = Arrays.copyOf(seconds, size);
      }
      if (nanos != null && nanos.length != size) {
        nanos = Arrays.copyOf(nanos, size);
      }
    }

    long bytes() {
      return (seconds == null ? 0 : 8L * seconds.length) + (nanos == null ? 0 : 4L * nanos.length);
    }
  }

  /** Amounts in minor units with a {@link CurrencyCodes} code; code 0 where a row has none. */
  static final class Amounts {
    long[] minor;
    short[] currency;
    @Nullable private Currency last;
    private short lastCode;

    Amounts(int capacity) {
      minor = new long[capacity];
      currency = new short[capacity];
    }

    void set(int row, long minorUnits, @Nullable Currency c) {
      minor[row] = minorUnits;
      currency[row] = c == null ? 0 : code(c);
    }

    private short code(Currency c) {
      if (c != last) {
        lastCode = (short) CurrencyCodes.code(c);
        last = c;
      }
      return lastCode;
    }

    boolean has(int row) {
      return currency[row] != 0;
    }

    void grow(int capacity) {
      minor = Arrays.copyOf(minor, capacity);
      currency = Arrays.copyOf(currency, capacity);
    }

    void trim(int size) {
      if (minor.length != size) {
        minor = Arrays.copyOf(minor, size);
        currency = Arrays.copyOf(currency, size);
      }
    }

    long bytes() {
      return 10L * minor.length;
    }
  }
}
