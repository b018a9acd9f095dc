package dev.salesmetrics.cli;

import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.LoadListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.Nullable;

/**
 * A progress bar on standard error while data loads: drawn only when standard error is a terminal
 * and loading has taken more than a second, redrawn five times a second, erased when done. It
 * follows {@code Dataset.load} as its {@link LoadListener}: the bytes of the files read so far,
 * and within a file the records loaded times the file's bytes per row.
 *
 * <p>It writes to the process's real standard error, never to the writers a caller of {@link
 * Main#run} passes, so captured output never contains it. Thread safe: the listener methods may
 * be called from the loading thread while the timer thread draws.
 */
final class Progress implements AutoCloseable, LoadListener {
  private static final int WIDTH = 30;
  private static final long DELAY_MILLIS = 1000;
  private static final long PERIOD_MILLIS = 200;

  private final long total;
  private final AtomicLong done = new AtomicLong();
  private final AtomicReference<String> label = new AtomicReference<>("");
  private final AtomicBoolean drawn = new AtomicBoolean();
  @Nullable private final ScheduledExecutorService timer;
  @Nullable private final PrintStream err;
  @Nullable private Path dir;
  private long fileBase;
  private long fileSize;
  private long rowsBefore;
  private double bytesPerRow = 1;

  private Progress(
      long total, @Nullable ScheduledExecutorService timer, @Nullable PrintStream err) {
    this.total = total;
    this.timer = timer;
    this.err = err;
  }

  /**
   * Starts a progress bar over the schema files present in {@code dir}, or a silent one when
   * standard error is not a terminal.
   */
  static Progress start(Path dir) {
    long total = 0;
    for (CsvFile f : CsvFile.values()) {
      Path p = dir.resolve(f.fileName());
      try {
        if (Files.isRegularFile(p)) {
          total += Files.size(p);
        }
      } catch (IOException e) {
        // the load reports an unreadable file; the bar just leaves it out
      }
    }
    Progress p = start(total);
    p.dir = dir;
    return p;
  }

  @Override
  public void fileStarted(CsvFile file, long sizeBytes) {
    fileBase += fileSize;
    fileSize = sizeBytes;
    done(fileBase);
    file(file.fileName());
    rowsBefore = 0;
    bytesPerRow = 1;
    if (dir != null) {
      Path path = dir.resolve(file.fileName());
      try {
        // deals.csv comes with deal_stages.csv, read first in one go
        if (file == CsvFile.DEALS) {
          Path stages = dir.resolve(CsvFile.DEAL_STAGES.fileName());
          rowsBefore = Files.isRegularFile(stages) ? Files.size(stages) : 0;
        }
        bytesPerRow = Files.isRegularFile(path) ? bytesPerRow(path) : 1;
      } catch (IOException e) {
        bytesPerRow = 1;
      }
    }
  }

  @Override
  public void recordLoaded(long loaded) {
    if ((loaded & 1023) == 0) {
      done(fileBase + Math.min(fileSize, rowsBefore + (long) (loaded * bytesPerRow)));
    }
  }

  /** Estimates the bytes per row from the first 64 KiB of a file. */
  static double bytesPerRow(Path file) throws IOException {
    byte[] head = new byte[65536];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    int lines = 0;
    for (int i = 0; i < n; i++) {
      if (head[i] == '\n') {
        lines++;
      }
    }
    return lines == 0 ? Math.max(1, n) : (double) n / lines;
  }

  /** Returns a progress bar that never draws. */
  static Progress silent() {
    return new Progress(0, null, null);
  }

  /**
   * Starts a progress bar over {@code total} units (bytes), or a silent one when standard error is
   * not a terminal.
   */
  @SuppressWarnings("SystemOut") // the bar is for the person at the terminal, never captured
  static Progress start(long total) {
    if (!stderrIsTerminal()) {
      return silent();
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "salesmetrics-progress");
              t.setDaemon(true);
              return t;
            });
    Progress p = new Progress(total, timer, System.err);
    var unused = // cancelled by close()
        timer.scheduleAtFixedRate(p::draw, DELAY_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    return p;
  }

  /** Names the file being read. */
  void file(String name) {
    label.set(name);
  }

  /** Sets how many units are done so far (never more than the total). */
  void done(long units) {
    done.set(Math.max(0, Math.min(units, total)));
  }

  private void draw() {
    if (err == null) {
      return;
    }
    drawn.set(true);
    err.print("\r" + bar(done.get(), total, label.get()));
    err.flush();
  }

  /** Renders one line of the bar: {@code [=======>      ]  42% deals.csv}. */
  static String bar(long done, long total, String label) {
    double fraction = total <= 0 ? 0.0 : Math.min(1.0, (double) done / (double) total);
    int filled = (int) Math.round(fraction * WIDTH);
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < WIDTH; i++) {
      sb.append(i < filled ? '=' : i == filled ? '>' : ' ');
    }
    sb.append(']').append(String.format(Locale.ROOT, " %3d%% ", Math.round(fraction * 100)));
    String name = label.length() > 30 ? label.substring(0, 30) : label;
    return sb.append(name).append(" ".repeat(30 - name.length())).toString();
  }

  /** Stops the timer and erases the bar if it was drawn. */
  @Override
  public void close() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(1, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (drawn.get() && err != null) {
      err.print("\r" + " ".repeat(WIDTH + 38) + "\r");
      err.flush();
    }
  }

  /**
   * Tells whether standard error is a terminal, by where file descriptor 2 points ({@code
   * /proc/self/fd/2}, Linux); elsewhere the bar is off. {@code SALESMETRICS_NO_PROGRESS} set in
   * the environment turns it off too.
   */
  static boolean stderrIsTerminal() {
    if (System.getenv("SALESMETRICS_NO_PROGRESS") != null) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false; // not Linux, or not a terminal we can tell: no bar
    }
  }
}
