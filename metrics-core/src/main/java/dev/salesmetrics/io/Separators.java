package dev.salesmetrics.io;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;

/**
 * The cell separator of a file: given ({@link CsvOptions#withSeparator}), declared by a first line
 * {@code sep=;} as spreadsheets write it, or detected from the header line: the one of {@code ,},
 * {@code ;} and tab that occurs most often outside quotes ({@code ,} when none does).
 */
final class Separators {
  /** The separators detection chooses from. */
  static final String DETECTED = ",;\t";

  private Separators() {}

  /**
   * The first line of a file that is not empty, read before the parser starts: its text (quoted
   * cells may span lines), its physical line, and the separator it declares when it is a {@code
   * sep=X} line (else 0).
   */
  record FirstLine(String text, long line, char declared) {
    /** Reads the first non-empty line and moves the replay back to the start. */
    static FirstLine read(LineReplay replay) throws IOException {
      Reader in = replay.reader();
      StringBuilder sb = new StringBuilder();
      long line = 1;
      long start = 1;
      boolean quoted = false;
      boolean lastCr = false;
      int c;
      while ((c = in.read()) != -1) {
        char ch = (char) c;
        if (ch == '\n' && lastCr) {
          lastCr = false;
          continue; // the LF of a CRLF
        }
        lastCr = ch == '\r';
        boolean lineEnd = ch == '\n' || ch == '\r';
        if (lineEnd && !quoted) {
          if (sb.length() > 0) {
            break;
          }
          line++;
          continue;
        }
        if (sb.length() == 0) {
          start = line;
        }
        if (lineEnd) {
          line++;
        } else if (ch == '"') {
          quoted = !quoted;
        }
        sb.append(ch);
      }
      replay.restartAt(1);
      String text = sb.toString();
      char declared = 0;
      if (text.length() == 5 && text.toLowerCase(Locale.ROOT).startsWith("sep=")) {
        declared = text.charAt(4);
      }
      return new FirstLine(text, start, declared);
    }
  }

  /**
   * Detects the separator of a header line.
   *
   * @throws CsvFormatException when two separators occur equally often
   */
  static char detect(String file, FirstLine first) {
    int[] counts = counts(first.text());
    int best = -1;
    boolean tie = false;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      if (best < 0 || counts[i] > counts[best]) {
        best = i;
        tie = false;
      } else if (counts[i] == counts[best]) {
        tie = true;
      }
    }
    if (best < 0) {
      return ',';
    }
    if (tie) {
      StringBuilder found = new StringBuilder();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == counts[best]) {
          found.append(found.length() == 0 ? "" : " and ").append(name(DETECTED.charAt(i)));
        }
      }
      throw new CsvFormatException(
          new RejectedRow(
              file,
              first.line(),
              null,
              null,
              "the header holds " + found + " equally often (" + counts[best] + " times each), so"
                  + " the separator cannot be told: give the separator (CsvOptions.withSeparator)"));
    }
    return DETECTED.charAt(best);
  }

  /** How often each of {@link #DETECTED} occurs outside quotes. */
  private static int[] counts(String line) {
    int[] counts = new int[DETECTED.length()];
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        int k = DETECTED.indexOf(c);
        if (k >= 0) {
          counts[k]++;
        }
      }
    }
    return counts;
  }

  /**
   * The hint added to a missing column's message when the header cells hold another separator:
   * {@code "; the header is split at ',' but holds ';': is the separator ';'?"}, else empty.
   */
  static String hint(List<String> headers, char separator) {
    for (int k = 0; k < DETECTED.length(); k++) {
      char other = DETECTED.charAt(k);
      if (other == separator) {
        continue;
      }
      for (String header : headers) {
        if (header.indexOf(other) >= 0) {
          return "; the header is split at " + name(separator) + " but holds " + name(other)
              + ": is the separator " + name(other) + "? (give it with CsvOptions.withSeparator)";
        }
      }
    }
    return "";
  }

  /** A separator as messages show it: {@code ';'}, or {@code tab}. */
  static String name(char separator) {
    return separator == '\t' ? "tab" : "'" + separator + "'";
  }
}
