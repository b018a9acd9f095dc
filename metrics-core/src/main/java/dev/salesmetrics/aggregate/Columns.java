package dev.salesmetrics.aggregate;

import dev.salesmetrics.metric.CurrencyCodes;
import java.nio.charset.StandardCharsets;
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

  /**
   * Tells whether the bytes {@code b[from, to)} are plain ASCII text: printable characters or
   * spaces only, at least one of them printable.
   */
  static boolean plain(byte[] b, int from, int to) {
    boolean visible = false;
    for (int i = from; i < to; i++) {
      int c = b[i];
      if (c > ' ' && c < 0x7F) {
        visible = true;
      } else if (c != ' ') {
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

    /**
     * Returns the text of the UTF-8 bytes {@code utf8[from, to)}: the dictionary's own string when
     * the bytes are ASCII and the value is known, so that a repeated value makes no new string.
     */
    String text(byte[] utf8, int from, int to) {
      for (int i = from; i < to; i++) {
        if (utf8[i] < 0) {
          return new String(utf8, from, to - from, StandardCharsets.UTF_8);
        }
      }
      int c = dictionary.find(utf8, from, to);
      return c >= 0
          ? dictionary.name(c)
          : new String(utf8, from, to - from, StandardCharsets.ISO_8859_1);
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

  /**
   * Ids, one per row or none, as UTF-8 bytes side by side in one array: about the length of the
   * id per row, where a string per row would cost some 50 bytes more. Rows are set in order.
   */
  static final class Ids {
    private byte[] heap = new byte[0];
    /** Row {@code r}'s bytes are {@code heap[end[r - 1], end[r])}; none when empty. */
    private int[] end = new int[0];
    private int size;
    private int used;

    /** Sets the id of row {@code row}, the next or the last one again, from a string or null. */
    void set(int row, int capacity, @Nullable String id) {
      if (id == null || id.isEmpty()) {
        set(row, capacity, new byte[0], 0, 0);
        return;
      }
      boolean ascii = true;
      for (int i = 0; i < id.length() && ascii; i++) {
        ascii = id.charAt(i) < 0x80;
      }
      byte[] bytes = id.getBytes(ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      set(row, capacity, bytes, 0, bytes.length);
    }

    /**
     * Sets the id of row {@code row}, the next or the last one again, from UTF-8 bytes (none when
     * empty).
     */
    void set(int row, int capacity, byte[] utf8, int from, int to) {
      if (row != size) {
        if (row != size - 1) {
          throw new IllegalStateException(
              "ids are set in row order: row " + row + " after row " + (size - 1));
        }
        used = start(row); // the last row again: replace it
      }
      int n = to - from;
      if (n > 0) {
        if (end.length < capacity) {
          end = Arrays.copyOf(end, capacity);
        }
        if (used + n > heap.length) {
          heap = Arrays.copyOf(heap, Math.max(used + n, Math.max(256, heap.length * 2)));
        }
        System.arraycopy(utf8, from, heap, used, n);
        used += n;
      }
      if (end.length > row) {
        end[row] = used;
      }
      size = row + 1;
    }

    private int start(int row) {
      return row == 0 || end.length < row ? 0 : end[row - 1];
    }

    /** The id of a row, or null when it has none. */
    @Nullable
    String value(int row) {
      if (row >= size || end.length <= row) {
        return null;
      }
      int from = start(row);
      int to = end[row];
      if (to == from) {
        return null;
      }
      for (int i = from; i < to; i++) {
        if (heap[i] < 0) {
          return new String(heap, from, to - from, StandardCharsets.UTF_8);
        }
      }
      return new String(heap, from, to - from, StandardCharsets.ISO_8859_1);
    }

    void grow(int capacity) {
      if (end.length > 0 && end.length < capacity) {
        end = Arrays.copyOf(end, capacity);
      }
    }

    void trim(int rows) {
      if (end.length > rows) {
        end = Arrays.copyOf(end, rows);
      }
      if (heap.length != used) {
        heap = Arrays.copyOf(heap, used);
      }
    }

    long bytes() {
      return heap.length + 4L * end.length;
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
