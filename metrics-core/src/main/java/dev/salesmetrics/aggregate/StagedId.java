package dev.salesmetrics.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The id of the row an appender is staging: as text, or as the bytes of a plain ASCII id, which
 * then makes no string. Not thread safe.
 */
final class StagedId {
  @Nullable private String text;
  private byte[] bytes = new byte[16];
  /** The length of the id held in {@code bytes}, or -1 when it is text or absent. */
  private int length = -1;

  /** Stages the id as text. */
  void set(String id) {
    text = id;
    length = -1;
  }

  /**
   * Stages the id from its UTF-8 bytes {@code utf8[from, to)}: copied when plain ASCII, else
   * decoded as {@link #set(String)} would take it.
   *
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   */
  void set(byte[] utf8, int from, int to) {
    Objects.checkFromToIndex(from, to, utf8.length);
    if (!Columns.plain(utf8, from, to)) {
      set(new String(utf8, from, to - from, StandardCharsets.UTF_8));
      return;
    }
    int n = to - from;
    if (n > bytes.length) {
      bytes = new byte[Math.max(n, bytes.length * 2)];
    }
    System.arraycopy(utf8, from, bytes, 0, n);
    length = n;
    text = null;
  }

  /** The id staged as text; null when it was staged as bytes or not at all. */
  @Nullable
  String text() {
    return text;
  }

  /** Whether no id was staged. */
  boolean absent() {
    return text == null && length < 0;
  }

  /** Whether the id may go into the columns as it is (staged as bytes, absent or plain text). */
  boolean plain() {
    return text == null || Columns.plain(text);
  }

  /** Stores an id staged as bytes in row {@code row} of {@code ids}; does nothing otherwise. */
  void storeBytes(Columns.Ids ids, int row, int capacity) {
    if (length >= 0) {
      ids.set(row, capacity, bytes, 0, length);
    }
  }

  /** The id for a record of the row: the staged one, or the stand-in {@code #row} when absent. */
  String forRecord(int row) {
    if (text != null) {
      return text;
    }
    return length >= 0 ? new String(bytes, 0, length, StandardCharsets.ISO_8859_1) : "#" + row;
  }

  /** Forgets the staged id. */
  void clear() {
    text = null;
    length = -1;
  }
}
