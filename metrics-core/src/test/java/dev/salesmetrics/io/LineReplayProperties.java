package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reading a {@link LineReplay} in chunks of any size, freeing lines as a parser would and
 * restarting at later lines, always gives the text from the start of the line asked for, as a plain
 * scan of the whole text finds it (lines end at CR, LF or CRLF).
 */
class LineReplayProperties {
  private static final List<String> PIECES =
      List.of(",", "\"", "\r", "\n", "\r\n", "\n\r", "\uFEFF", "😀", "é");

  @Test
  void restartsGiveTheTextFromTheStartOfTheLine() {
    qt().withExamples(200)
        .forAll(longs().all(), integers().between(0, 60_000))
        .checkAssert(
            (seed, length) -> {
              SplittableRandom r = new SplittableRandom(seed);
              String text = randomText(r, length);
              try {
                check(r, text);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static void check(SplittableRandom r, String text) throws IOException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Integer> starts = lineStarts(body);
    LineReplay replay = new LineReplay(new StringReader(text));
    Reader reader = replay.reader();
    int at = 0; // index in body of the next char the reader gives
    long keep = 1;
    char[] chunk = new char[20_000];
    while (true) {
      int n = reader.read(chunk, 0, 1 + r.nextInt(r.nextBoolean() ? 16 : chunk.length));
      if (n < 0) {
        assertThat(at).isEqualTo(body.length());
        return;
      }
      assertThat(new String(chunk, 0, n)).isEqualTo(body.substring(at, at + n));
      at += n;
      // the lines whose start has been read: a parser may keep from any of them
      long delivered = lineOf(starts, at - 1);
      if (r.nextInt(4) == 0 && delivered > keep) {
        keep += 1 + r.nextInt((int) Math.min(Integer.MAX_VALUE, delivered - keep));
        replay.keepFrom(keep);
      }
      if (r.nextInt(8) == 0) {
        long target = keep + r.nextInt(4);
        replay.restartAt(target);
        keep = target;
        at = target <= starts.size() ? starts.get((int) target - 1) : body.length();
        reader = replay.reader();
      }
    }
  }

  /** Text of letters with a separator, quote, line end, BOM or emoji every few characters. */
  private static String randomText(SplittableRandom r, int length) {
    StringBuilder sb = new StringBuilder(length + 2);
    if (r.nextInt(4) == 0) {
      sb.append('\uFEFF');
    }
    int lineLength = 1 + r.nextInt(r.nextBoolean() ? 8 : 400);
    while (sb.length() < length) {
      if (r.nextInt(lineLength) == 0) {
        sb.append(PIECES.get(r.nextInt(PIECES.size())));
      } else {
        sb.append((char) ('a' + r.nextInt(26)));
      }
    }
    return sb.toString();
  }

  /** The index where each line starts: line 1 at 0, then after every CR, LF or CRLF. */
  private static List<Integer> lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        starts.add(i + 1);
      } else if (c == '\r' || c == '\n') {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  /** The line (1-based) holding index {@code i}. */
  private static long lineOf(List<Integer> starts, int i) {
    int found = Collections.binarySearch(starts, i);
    return found >= 0 ? found + 1 : -found - 1;
  }
}
