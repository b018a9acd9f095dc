package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * An append-only file of the batches of records accepted, written before a batch is applied and
 * forced to disk before it is acknowledged.
 *
 * <p>Format (UTF-8): the line {@code salesmetrics-journal 1}, then per batch a line {@code @
 * <number> <kind> <byte length> <crc32 hex> <source, URL-encoded>}, the batch's CSV text exactly
 * as received (header and rows) and a line break. Numbers count from 1 without gaps.
 *
 * <p><b>Crash safety.</b> A batch is acknowledged only once {@link FileChannel#force} returned
 * after its bytes were written, so an acknowledged batch is whole on disk. A crash (power loss)
 * while a batch was written leaves a torn last entry: {@link #open} cuts it off (it was never
 * acknowledged). Damage anywhere else (a checksum that does not match followed by more entries)
 * is an error: the file is left untouched and {@code open} throws.
 *
 * <p>{@link #force} commits as a group: threads waiting to force share one {@code force} call.
 * Thread safe.
 */
final class Journal implements AutoCloseable {
  static final String HEADER = "salesmetrics-journal 1\n";

  /** One batch read back. */
  record Entry(long sequence, RecordKind kind, String source, String text) {}

  /** Receives each entry when the journal is opened, in order. */
  @FunctionalInterface
  interface Replay {
    void entry(Entry entry) throws IOException;
  }

  private final Path file;
  private final FileChannel channel;
  private final Object writeLock = new Object();
  private final Object forceLock = new Object();
  private long next; // guarded by writeLock
  private long end; // guarded by writeLock
  private long forced; // guarded by forceLock
  private final long truncatedBytes;
  private volatile boolean failed;

  private Journal(Path file, FileChannel channel, long next, long end, long truncatedBytes) {
    this.file = file;
    this.channel = channel;
    this.next = next;
    this.end = end;
    this.forced = end;
    this.truncatedBytes = truncatedBytes;
  }

  /**
   * Opens (or creates) the journal at {@code file}, hands every entry to {@code replay}, cuts off
   * a torn last entry and positions for appending.
   *
   * @throws IOException if the file cannot be read or written, or is damaged before its end
   */
  static Journal open(Path file, Replay replay) throws IOException {
    checkNotNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long size = ch.size();
      byte[] all = new byte[Math.toIntExact(size)];
      ByteBuffer buf = ByteBuffer.wrap(all);
      while (buf.hasRemaining() && ch.read(buf, buf.position()) >= 0) {
        // read the whole file
      }
      byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
      long goodEnd;
      long next = 1;
      if (size == 0 || (size < header.length && startsWith(header, all, (int) size))) {
        // new, or a header torn before its first batch
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(header), 0);
        ch.force(true);
        goodEnd = header.length;
      } else {
        if (!startsWith(all, header, header.length)) {
          throw damaged(file, 0, "it does not start with '" + HEADER.strip() + "'");
        }
        int pos = header.length;
        goodEnd = pos;
        while (pos < all.length) {
          int lineEnd = indexOf(all, (byte) '\n', pos);
          if (lineEnd < 0) {
            break; // torn entry line
          }
          String line = new String(all, pos, lineEnd - pos, StandardCharsets.UTF_8);
          List<String> f = Splitter.on(' ').splitToList(line);
          long seq = -1;
          int length = -1;
          long crc = 0;
          RecordKind kind = null;
          if (f.size() == 6 && f.get(0).equals("@")) {
            try {
              seq = Long.parseLong(f.get(1));
              kind = RecordKind.byId(f.get(2)).orElse(null);
              length = Integer.parseInt(f.get(3));
              crc = Long.parseLong(f.get(4), 16);
            } catch (NumberFormatException e) {
              kind = null;
            }
          }
          if (kind == null || seq != next || length < 0) {
            if (isTail(all, pos, next)) {
              break; // the last entry line was torn
            }
            throw damaged(file, pos, "malformed entry line '" + line + "'");
          }
          int bodyStart = lineEnd + 1;
          long bodyEnd = (long) bodyStart + length;
          if (bodyEnd + 1 > all.length) {
            break; // torn body
          }
          CRC32 c = new CRC32();
          c.update(all, bodyStart, length);
          if (c.getValue() != crc || all[(int) bodyEnd] != '\n') {
            if (isTail(all, pos, next)) {
              break; // the last entry was torn
            }
            throw damaged(file, pos, "the checksum of entry " + seq + " does not match");
          }
          String text = decode(all, bodyStart, length, file, pos);
          String source = URLDecoder.decode(f.get(5), StandardCharsets.UTF_8);
          replay.entry(new Entry(seq, kind, source, text));
          next++;
          pos = (int) bodyEnd + 1;
          goodEnd = pos;
        }
      }
      long cut = size - goodEnd;
      if (cut > 0) {
        ch.truncate(goodEnd);
        ch.force(true);
      }
      ch.position(goodEnd);
      return new Journal(file, ch, next, goodEnd, Math.max(0, cut));
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static String decode(byte[] all, int start, int length, Path file, long pos)
      throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(all, start, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw damaged(file, pos, "an entry is not UTF-8");
    }
  }

  private static IOException damaged(Path file, long pos, String why) {
    return new IOException(
        "journal " + file + " is damaged at byte " + pos + ": " + why
            + "; move it away to start without the records it holds");
  }

  /**
   * Tells whether a bad entry at {@code pos} is the torn last one: no line for the entry after it
   * ({@code @ <next + 1> }) follows.
   */
  private static boolean isTail(byte[] all, int pos, long next) {
    byte[] marker = ("\n@ " + (next + 1) + " ").getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = pos; i + marker.length <= all.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (all[i + j] != marker[j]) {
          continue outer;
        }
      }
      return false;
    }
    return true;
  }

  private static boolean startsWith(byte[] a, byte[] prefix, int n) {
    if (a.length < n || prefix.length < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] a, byte b, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The bytes of a torn last entry cut off when the journal was opened; 0 when none. */
  long truncatedBytes() {
    return truncatedBytes;
  }

  /** The number the next batch will get. */
  long nextSequence() {
    synchronized (writeLock) {
      return next;
    }
  }

  Path file() {
    return file;
  }

  /**
   * Writes one batch (not yet forced); returns its number. On a write error the file is cut back
   * to where it was and the number is not used.
   *
   * @throws IOException if the batch cannot be written, or an earlier force failed
   */
  long write(RecordKind kind, String source, String text) throws IOException {
    if (failed) {
      throw new IOException("journal " + file + " failed earlier; restart the server");
    }
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    CRC32 c = new CRC32();
    c.update(body);
    synchronized (writeLock) {
      long seq = next;
      String line =
          "@ " + seq + " " + kind.id() + " " + body.length + " "
              + Long.toHexString(c.getValue()).toLowerCase(Locale.ROOT) + " "
              + URLEncoder.encode(source, StandardCharsets.UTF_8) + "\n";
      ByteArrayOutputStream out = new ByteArrayOutputStream(line.length() + body.length + 1);
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(body);
      out.write('\n');
      ByteBuffer buf = ByteBuffer.wrap(out.toByteArray());
      try {
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
      } catch (IOException e) {
        try {
          channel.truncate(end);
          channel.position(end);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
          failed = true;
        }
        throw e;
      }
      end = channel.position();
      next = seq + 1;
      return seq;
    }
  }

  /** The file length after the last batch written. */
  long end() {
    synchronized (writeLock) {
      return end;
    }
  }

  /**
   * Returns once every byte before {@code position} is on disk; one {@code force} covers every
   * thread waiting meanwhile.
   *
   * @throws IOException if forcing fails (the journal then refuses further batches)
   */
  void force(long position) throws IOException {
    synchronized (forceLock) {
      if (forced >= position) {
        return;
      }
      long target;
      synchronized (writeLock) {
        target = end;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
      forced = target;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
