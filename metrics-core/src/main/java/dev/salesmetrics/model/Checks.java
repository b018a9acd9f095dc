package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Validation helpers shared by the domain records. Messages follow the project's rule: lowercase
 * start, no trailing period, the field (by its CSV column name), the value, the rule, and the
 * record it belongs to.
 */
final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} unless it is null, blank or not well-formed text, then throws.
   *
   * @param value the value
   * @param javaName the component name, used for the {@link NullPointerException}
   * @param field the CSV column name, used in the {@link IllegalArgumentException}
   * @param owner e.g. {@code " for deal D1"}, or {@code ""} when the value is the record's own id
   */
  @CanIgnoreReturnValue
  static String nonBlank(@Nullable String value, String javaName, String field, String owner) {
    checkNotNull(value, javaName);
    wellFormed(value, field, owner);
    if (isBlank(value)) {
      throw new IllegalArgumentException(
          field + " must not be blank: " + shown(value) + owner);
    }
    return value;
  }

  /**
   * Returns null for a null or blank string, else the string unchanged; throws if it is not
   * well-formed text.
   *
   * @param value the value
   * @param field the CSV column name, used in the {@link IllegalArgumentException}
   * @param owner e.g. {@code " for deal D1"}
   */
  @Nullable
  static String blankToNull(@Nullable String value, String field, String owner) {
    if (value == null) {
      return null;
    }
    wellFormed(value, field, owner);
    return isBlank(value) ? null : value;
  }

  /**
   * Tells whether {@code text} shows nothing: it is empty or made only of white space (including
   * line breaks), Unicode space separators (the no-break, figure, narrow and ideographic spaces,
   * U+00A0, U+2007, U+202F, U+3000...), control characters and format characters (the zero-width
   * space, joiners, word joiner and byte order mark, U+200B to U+200D, U+2060, U+FEFF...).
   */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!invisible(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean invisible(int cp) {
    if (cp == ' ') {
      return true;
    }
    if (cp > ' ' && cp < 0x7F) {
      return false;
    }
    int type = Character.getType(cp);
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || type == Character.CONTROL
        || type == Character.FORMAT;
  }

  /**
   * Throws unless {@code text} is well-formed UTF-16: a lone surrogate cannot be written as UTF-8
   * (CSV files, reports) and would come back as another character.
   */
  private static void wellFormed(String text, String field, String owner) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            field + " must be valid Unicode text: " + shown(text) + " has an unpaired surrogate"
                + String.format(Locale.ROOT, " U+%04X at index %d", (int) c, i) + owner);
      }
    }
  }

  /**
   * Quotes {@code text} for a message; characters that do not show (other than the ASCII space)
   * and lone surrogates are written as Java escapes (a backslash, u and four hex digits), followed
   * by a note when the text is blank.
   */
  static String shown(String text) {
    StringBuilder sb = new StringBuilder("\"");
    boolean escaped = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      boolean loneSurrogate = Character.isSurrogate(text.charAt(i)) && next == i + 1;
      if (cp != ' ' && (invisible(cp) || loneSurrogate)) {
        for (int j = i; j < next; j++) {
          sb.append(String.format(Locale.ROOT, "\\u%04X", (int) text.charAt(j)));
        }
        escaped = true;
      } else {
        sb.appendCodePoint(cp);
      }
      i = next;
    }
    sb.append('"');
    if (escaped && isBlank(text)) {
      sb.append(" (only spaces or invisible characters)");
    }
    return sb.toString();
  }

  /**
   * Copies {@code list}; a null element is named by its index: {@code "stageHistory[2] is null for
   * deal D1"}.
   */
  static <T> ImmutableList<T> copyOf(List<T> list, String javaName, String owner) {
    checkNotNull(list, javaName);
    if (list instanceof ImmutableList<T> immutable) {
      return immutable; // holds no null
    }
    ImmutableList.Builder<T> copy = ImmutableList.builderWithExpectedSize(list.size());
    int i = 0;
    for (T element : list) {
      if (element == null) {
        throw new NullPointerException(javaName + "[" + i + "] is null" + owner);
      }
      copy.add(element);
      i++;
    }
    return copy.build();
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
