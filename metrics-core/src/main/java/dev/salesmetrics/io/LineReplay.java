package dev.salesmetrics.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The text of one CSV source, read from the source once, on which a parser can be started again at
 * a later physical line: after a quote error FastCSV cannot go on, so {@link RowReader} starts a new
 * parser on the line after the bad record's first line. That line is still in memory here, so the
 * source is never opened or read twice, and reading a file with many bad rows stays linear.
 *
 * <p>The parser reads through {@link #reader()}; everything it is given is kept, from the first line
 * that may still be needed ({@link #keepFrom}) to what was read last, so memory holds about one
 * parser buffer plus the longest record. Lines end at CR, LF or CRLF, as FastCSV counts them (also
 * inside quoted cells). A byte order mark (U+FEFF) at the very start is skipped. Not thread safe.
 */
final class LineReplay {
  private static final int INITIAL_CAPACITY = 1 << 14;

  private final Reader in;
  private char[] buf = new char[INITIAL_CAPACITY];
  /** Number of chars in {@code buf}. */
  private int len;
  /** Index in {@code buf} of the next char the parser gets. */
  private int pos;
  private boolean started;
  private boolean ended;
  /** Lines before this one are no longer needed. */
  private long keepFrom = 1;
  /** {@code buf[lineStart]} is the first char of line {@code line}. */
  private int lineStart;
  private long line = 1;
  /** Index of the next char to scan for a line end, at or after {@code lineStart}. */
  private int scan;

  LineReplay(Reader in) {
    this.in = in;
  }

  /**
   * Returns a reader of the text from the current position on; closing it does nothing (the owner
   * closes the source).
   */
  Reader reader() {
    return new Reader() {
      @Override
      public int read(char[] cbuf, int off, int n) throws IOException {
        return LineReplay.this.read(cbuf, off, n);
      }

      @Override
      public void close() {}
    };
  }

  /** Says that no restart before {@code line} will be asked for, so earlier text may be freed. */
  void keepFrom(long line) {
    keepFrom = Math.max(keepFrom, line);
  }

  /**
   * Moves the position to the start of physical line {@code target} (1-based), at or after every
   * line given to {@link #keepFrom}, or to the end of the text if it has fewer lines; the next
   * {@link #reader()} reads from there.
   */
  void restartAt(long target) throws IOException {
    if (target < keepFrom) {
      throw new IllegalStateException("line " + target + " is before line " + keepFrom);
    }
    keepFrom = target;
    boolean found = scanTo(target, true);
    pos = found ? lineStart : len;
  }

  private int read(char[] cbuf, int off, int n) throws IOException {
    if (n == 0) {
      return 0;
    }
    if (pos == len && !readMore()) {
      return -1;
    }
    int k = Math.min(n, len - pos);
    System.arraycopy(buf, pos, cbuf, off, k);
    pos += k;
    return k;
  }

  /**
   * Moves the scan forward to the start of line {@code target}. Returns false if the text ends
   * before that line starts, or, when {@code mayRead} is false, if more text would be needed.
   */
  private boolean scanTo(long target, boolean mayRead) throws IOException {
    while (line < target) {
      if (scan == len) {
        if (!mayRead || !readMore()) {
          return false;
        }
        continue;
      }
      char c = buf[scan];
      if (c == '\n') {
        scan++;
        lineStart = scan;
        line++;
      } else if (c == '\r') {
        if (scan + 1 == len) {
          if (!mayRead) {
            return false; // an LF may follow
          }
          if (!readMore()) {
            scan++;
            lineStart = scan;
            line++;
          }
          continue;
        }
        scan += buf[scan + 1] == '\n' ? 2 : 1;
        lineStart = scan;
        line++;
      } else {
        scan++;
      }
    }
    return true;
  }

  /** Reads more text into the buffer, freeing or growing it first when it is full. */
  private boolean readMore() throws IOException {
    if (ended) {
      return false;
    }
    if (len == buf.length) {
      compact();
      if (buf.length - len < buf.length / 2) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    int n;
    do {
      n = in.read(buf, len, buf.length - len);
    } while (n == 0);
    if (n < 0) {
      ended = true;
      return false;
    }
    if (!started) {
      started = true;
      if (buf[len] == '\uFEFF') {
        System.arraycopy(buf, len + 1, buf, len, n - 1);
        n--;
      }
    }
    len += n;
    return n > 0 || readMore();
  }

  /** Drops the text before the line {@link #keepFrom} names, and before the position. */
  private void compact() throws IOException {
    var unused = scanTo(keepFrom, false); // as far as the text at hand goes
    int drop = Math.min(lineStart, pos);
    if (drop == 0) {
      return;
    }
    System.arraycopy(buf, drop, buf, 0, len - drop);
    len -= drop;
    pos -= drop;
    lineStart -= drop;
    scan -= drop;
  }
}
