package dev.salesmetrics.spark;

import dev.salesmetrics.io.CsvFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import javax.annotation.Nullable;

/**
 * The rows a metric without a kernel was given, as bytes: entries one after the other, each a
 * version byte ({@value #VERSION}), the kind of record (a fixed number per schema file), the number of
 * cells, then each cell as a length (-1 for an empty cell) and its UTF-8 bytes, lengths as
 * big-endian ints. Logs concatenate: the log of two parts is the bytes of one then the other, so
 * merging is associative, and the metric's result does not depend on the order of its records.
 */
final class RecordLog {
  static final int VERSION = 1;

  private RecordLog() {}

  /** The kinds of record by their number in a log; fixed, so logs mean the same everywhere. */
  private static final CsvFile[] KINDS = {
    CsvFile.REPS, CsvFile.QUOTAS, CsvFile.LEADS, CsvFile.DEALS, CsvFile.ORDERS,
    CsvFile.CUSTOMERS, CsvFile.CAMPAIGNS, CsvFile.RESPONSES
  };

  /** The number of a kind of record in a log. */
  static int kindOf(CsvFile file) {
    for (int i = 0; i < KINDS.length; i++) {
      if (KINDS[i] == file) {
        return i;
      }
    }
    throw new IllegalArgumentException("no record log kind for " + file.fileName());
  }

  /** The kind of record of a number in a log. */
  static CsvFile fileOf(int kind) {
    if (kind < 0 || kind >= KINDS.length) {
      throw new IllegalArgumentException("unknown record kind " + kind + " in a record log");
    }
    return KINDS[kind];
  }

  /** Encodes one entry. */
  static byte[] entry(int kind, List<String> cells) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 16 * cells.size());
    out.write(VERSION);
    out.write(kind);
    writeInt(out, cells.size());
    for (String cell : cells) {
      if (cell == null) {
        writeInt(out, -1);
      } else {
        byte[] b = cell.getBytes(StandardCharsets.UTF_8);
        writeInt(out, b.length);
        out.write(b, 0, b.length);
      }
    }
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  /** Calls {@code each} with the cells and kind of every entry of {@code log[0, size)}. */
  static void forEach(byte[] log, int size, ObjIntConsumer<List<String>> each) {
    int at = 0;
    while (at < size) {
      int version = log[at] & 0xFF;
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "record log entry of version " + version + ", this reader reads version " + VERSION);
      }
      int kind = log[at + 1] & 0xFF;
      int n = readInt(log, at + 2);
      at += 6;
      List<String> cells = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int len = readInt(log, at);
        at += 4;
        @Nullable String cell = null;
        if (len >= 0) {
          cell = new String(log, at, len, StandardCharsets.UTF_8);
          at += len;
        }
        cells.add(cell);
      }
      each.accept(cells, kind);
    }
  }
}
