package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.io.CsvFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * A directory where CSV files are dropped to be accepted, polled at a fixed interval.
 *
 * <p>A file's name says what it holds: it starts with {@code deals}, {@code orders}, {@code
 * leads} or {@code customers} and ends in {@code .csv} ({@code deals-2025-12-03.csv}). Each file
 * is one batch, accepted whole or not at all: accepted, it moves to {@code done/}; rejected, it
 * moves to {@code rejected/} with a {@code <name>.err} file beside it that says why (the file,
 * line, column, value and reason of the first bad row). A name already taken there gets {@code
 * (2)}, {@code (3)}... before its extension.
 *
 * <p>Only regular files directly in the inbox are read, never through a symbolic link: a link, a
 * device or a pipe is moved to {@code rejected/} unread; directories (such as {@code done/}) are
 * skipped, as are names starting with {@code .} and names ending in {@code .tmp} or {@code .part}
 * (write a file under such a name, then rename it, so that it is never read half-written). Names
 * come from the directory listing, one path element each, so a file cannot be moved outside the
 * inbox's own {@code done/} and {@code rejected/}.
 *
 * <p>A batch is in the journal before its file moves; after a crash in between the file is read
 * again at the next start, which changes nothing (records are keyed by id). When the sink fails
 * (the journal cannot be written), the file stays and is tried at the next poll.
 *
 * <p>Thread safe.
 */
final class Inbox implements AutoCloseable {
  /** The default largest file read, 256 MiB. */
  static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;

  /** What happened to one file. */
  record Result(String name, Outcome outcome, String message) {}

  /** Where a file went. */
  enum Outcome {
    DONE,
    REJECTED,
    RETRY
  }

  private final Path dir;
  private final Path done;
  private final Path rejected;
  private final RecordSink sink;
  private final long maxBytes;
  @Nullable private ScheduledExecutorService timer;
  @Nullable private volatile String lastFailure;

  Inbox(Path dir, RecordSink sink, long maxBytes) throws IOException {
    this.dir = checkNotNull(dir, "dir");
    this.sink = checkNotNull(sink, "sink");
    this.maxBytes = maxBytes;
    Files.createDirectories(dir);
    this.done = Files.createDirectories(dir.resolve("done"));
    this.rejected = Files.createDirectories(dir.resolve("rejected"));
  }

  Path directory() {
    return dir;
  }

  /** The message of the last poll that failed, if the last poll failed. */
  Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /**
   * Polls every {@code interval} on a daemon thread, until closed.
   */
  synchronized void start(Duration interval) {
    if (timer != null) {
      return;
    }
    ScheduledExecutorService t =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread th = new Thread(r, "salesmetrics-inbox");
              th.setDaemon(true);
              return th;
            });
    long ms = Math.max(1, interval.toMillis());
    var unused =
        t.scheduleWithFixedDelay(
            () -> {
              try {
                var unused2 = processPending();
                lastFailure = null;
              } catch (IOException | RuntimeException e) {
                lastFailure = String.valueOf(e.getMessage());
              }
            },
            0,
            ms,
            TimeUnit.MILLISECONDS);
    timer = t;
  }

  /**
   * Processes every file waiting in the inbox, in name order.
   *
   * @return what happened to each file
   * @throws IOException if the inbox cannot be listed or a file cannot be moved
   */
  synchronized ImmutableList<Result> processPending() throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        entries.add(p);
      }
    }
    entries.sort(null);
    ImmutableList.Builder<Result> out = ImmutableList.builder();
    for (Path p : entries) {
      Path name = p.getFileName();
      if (name == null) {
        continue;
      }
      String n = name.toString();
      if (n.startsWith(".") || n.endsWith(".tmp") || n.endsWith(".part")) {
        continue;
      }
      BasicFileAttributes attrs =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isDirectory()) {
        continue;
      }
      out.add(process(p, n, attrs));
    }
    return out.build();
  }

  private Result process(Path p, String name, BasicFileAttributes attrs) throws IOException {
    if (!attrs.isRegularFile()) {
      String kind = attrs.isSymbolicLink() ? "a symbolic link" : "not a regular file";
      return reject(p, name, name + " is " + kind + "; only regular files are read");
    }
    Optional<RecordKind> kind = kindOf(name);
    if (kind.isEmpty()) {
      return reject(
          p,
          name,
          name + ": cannot tell which records the file holds: its name must start with deals,"
              + " orders, leads or customers and end in .csv");
    }
    if (attrs.size() > maxBytes) {
      return reject(
          p, name, name + " has " + attrs.size() + " bytes, more than the " + maxBytes
              + " bytes read from the inbox; split it");
    }
    byte[] bytes;
    try (InputStream in =
        Files.newInputStream(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return reject(p, name, name + " is not UTF-8 text");
    }
    Accepted a;
    try {
      a = sink.accept(kind.get(), text, name);
    } catch (CsvFormatException e) {
      return reject(p, name, e.getMessage());
    } catch (IOException e) {
      return new Result(name, Outcome.RETRY, String.valueOf(e.getMessage()));
    }
    Path target = unique(done, name, false);
    Files.move(p, target);
    return new Result(
        name, Outcome.DONE, a.records() + " records accepted, " + a.replaced() + " replaced");
  }

  private Result reject(Path p, String name, String message) throws IOException {
    Path target = unique(rejected, name, true);
    AlertBoard.writeAtomically(
        target.resolveSibling(target.getFileName() + ".err"), message + "\n");
    Files.move(p, target, LinkOption.NOFOLLOW_LINKS);
    return new Result(name, Outcome.REJECTED, message);
  }

  /** Returns the kind a file name announces. */
  static Optional<RecordKind> kindOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".csv")) {
      return Optional.empty();
    }
    for (RecordKind k : RecordKind.values()) {
      if (lower.startsWith(k.id())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** A free name for {@code name} in {@code into} (and for its {@code .err} when asked). */
  private static Path unique(Path into, String name, boolean withErr) {
    int dot = name.lastIndexOf('.');
    String stem = dot <= 0 ? name : name.substring(0, dot);
    String ext = dot <= 0 ? "" : name.substring(dot);
    for (int i = 1; ; i++) {
      String candidate = i == 1 ? name : stem + " (" + i + ")" + ext;
      Path target = into.resolve(candidate);
      if (!into.equals(target.getParent()) || target.getFileName() == null
          || !candidate.equals(target.getFileName().toString())) {
        throw new IllegalArgumentException("file name escapes the inbox: " + name);
      }
      boolean free =
          !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
              && (!withErr
                  || !Files.exists(
                      into.resolve(candidate + ".err"), LinkOption.NOFOLLOW_LINKS));
      if (free) {
        return target;
      }
    }
  }

  /** Stops polling. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
