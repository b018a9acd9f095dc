package dev.salesmetrics.aggregate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Dense int codes for the hot path of the object and live paths: strings to codes in order of
 * first appearance (open addressing on the string's cached hash; {@code equals} starts with a reference check),
 * and pairs of codes to codes (a {@code long} key), so that a group of several
 * dimensions becomes one int through one string lookup per dimension and one {@code long} lookup
 * per further dimension, without boxing or a key object per record. Not thread safe.
 */
final class Codes {
  private Codes() {}

  /**
   * The values of one dimension as records give them (null or blank when missing) to the dense
   * codes of their group values ({@value Dimension#NONE} for null or blank), so the hot path
   * neither checks blankness nor builds a value per record.
   */
  static final class Values {
    private final Strings raw = new Strings();
    private final Strings canonical = new Strings();
    private int[] codeOfRaw = new int[64];
    private int noneCode = -1;

    @CanIgnoreReturnValue
    int code(@Nullable String value) {
      if (value == null) {
        if (noneCode < 0) {
          noneCode = canonical.code(Dimension.NONE);
        }
        return noneCode;
      }
      int before = raw.size();
      int r = raw.code(value);
      return r < before ? codeOfRaw[r] : added(value, r);
    }

    private int added(String value, int r) {
      if (r == codeOfRaw.length) {
        codeOfRaw = Arrays.copyOf(codeOfRaw, r * 2);
      }
      codeOfRaw[r] = canonical.code(value.isBlank() ? Dimension.NONE : value);
      return codeOfRaw[r];
    }

    String name(int code) {
      return canonical.name(code);
    }

    int size() {
      return canonical.size();
    }
  }

  /** Strings to dense codes. */
  static final class Strings {
    private String[] keys = new String[64];
    private int[] codes = new int[64];
    private final List<String> names = new ArrayList<>();

    /** Returns the code of {@code s}, giving it the next code if new. */
    int code(String s) {
      int mask = keys.length - 1;
      int i = mix(s.hashCode()) & mask;
      while (true) {
        String k = keys[i];
        if (k == null) {
          return add(s, i);
        }
        if (k.equals(s)) {
          return codes[i];
        }
        i = (i + 1) & mask;
      }
    }

    private int add(String s, int slot) {
      int code = names.size();
      names.add(s);
      keys[slot] = s;
      codes[slot] = code;
      if (names.size() * 2 > keys.length) {
        rehash();
      }
      return code;
    }

    private void rehash() {
      String[] oldKeys = keys;
      int[] oldCodes = codes;
      keys = new String[oldKeys.length * 2];
      codes = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != null) {
          int i = mix(oldKeys[j].hashCode()) & mask;
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          codes[i] = oldCodes[j];
        }
      }
    }

    String name(int code) {
      return names.get(code);
    }

    int size() {
      return names.size();
    }

    List<String> names() {
      return names;
    }
  }

  /** Pairs of non-negative ints to dense codes. */
  static final class Pairs {
    private static final long FREE = -1L;
    private long[] keys = new long[64];
    private int[] codes = new int[64];
    private int size;
    private int[] firsts = new int[16];
    private int[] seconds = new int[16];

    Pairs() {
      Arrays.fill(keys, FREE);
    }

    /** Returns the code of {@code (a, b)}, giving it the next code if new. */
    int code(int a, int b) {
      long key = ((long) a << 32) | (b & 0xFFFF_FFFFL);
      int mask = keys.length - 1;
      int i = mix(Long.hashCode(key * 0x9E37_79B9_7F4A_7C15L)) & mask;
      while (true) {
        long k = keys[i];
        if (k == FREE) {
          break;
        }
        if (k == key) {
          return codes[i];
        }
        i = (i + 1) & mask;
      }
      int code = size++;
      keys[i] = key;
      codes[i] = code;
      if (code == firsts.length) {
        firsts = Arrays.copyOf(firsts, code * 2);
        seconds = Arrays.copyOf(seconds, code * 2);
      }
      firsts[code] = a;
      seconds[code] = b;
      if (size * 2 > keys.length) {
        rehash();
      }
      return code;
    }

    private void rehash() {
      long[] oldKeys = keys;
      int[] oldCodes = codes;
      keys = new long[oldKeys.length * 2];
      Arrays.fill(keys, FREE);
      codes = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != FREE) {
          int i = mix(Long.hashCode(oldKeys[j] * 0x9E37_79B9_7F4A_7C15L)) & mask;
          while (keys[i] != FREE) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          codes[i] = oldCodes[j];
        }
      }
    }

    int first(int code) {
      return firsts[code];
    }

    int second(int code) {
      return seconds[code];
    }
  }

  static int mix(int h) {
    int x = h * 0x9E37_79B9;
    return x ^ (x >>> 16);
  }
}
