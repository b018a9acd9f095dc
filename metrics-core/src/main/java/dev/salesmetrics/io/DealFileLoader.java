package dev.salesmetrics.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.aggregate.DealAppender;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Reads deals.csv straight into the columns of a {@link ColumnStore}, in parallel chunks of the
 * file, with no record object per row, and with exactly the outcome of the object loader ({@link
 * CsvFormat#joinDeals} / {@link RowReader}): the same deals in the same order, the same rows read,
 * the same rejected rows with the same {@code file:line: column} messages, the same exception in
 * strict mode.
 *
 * <p><b>How it stays exact.</b> A byte-level scanner only reads rows it can prove plain: ASCII
 * text without quotes or stray carriage returns, as many cells as the header, each cell in the
 * simple form the writer produces (ids and names of printable ASCII, amounts like {@code 1250.00}
 * within the currency's minor units, instants like {@code 2024-03-01T09:30:00Z} or with a fraction
 * of a second, in the plausible years). Every other row, and every row the {@link DealAppender}
 * refuses, is handed to the object row parser ({@link RowReader#record}) on the same cells, which
 * gives the record or the exact rejected row. Duplicate ids are found after the parse, in file
 * order, from a 64-bit hash per row (ids with equal hashes are compared as text).
 *
 * <p><b>Chunk boundaries.</b> A chunk starts after the first line feed at or after its nominal
 * offset and takes every record that starts before the next chunk's start. Where a quoted cell
 * holds a line break across that start, the chunk before ends past it: every chunk reports where
 * it really ended, and when one ends elsewhere than the next chunk started, the load is done again
 * in one chunk. Line numbers are counted per chunk and shifted once every chunk is done.
 *
 * <p>The loader gives up (returns null) where the object loader must do the work: a file that is
 * not UTF-8, a column mapping, a header missing a required column in lenient mode, and duplicate
 * ids in lenient mode (whose rows the columns cannot drop once appended).
 */
final class DealFileLoader {
  private static final int MIN_CHUNK = 1 << 20;
  private static final int MAX_CHUNK = 16 << 20;
  private static final int SLACK = 1 << 16;

  // the deal columns of the schema, in CsvFile.DEALS order
  private static final int ID = 0;
  private static final int REP = 1;
  private static final int AMOUNT = 2;
  private static final int CURRENCY = 3;
  private static final int CREATED = 4;
  private static final int STATUS = 5;
  private static final int CLOSED = 6;
  private static final int STAGE = 7;
  private static final int PROBABILITY = 8;
  private static final int CUSTOMER = 9;
  private static final int LEAD = 10;
  private static final int PRODUCT = 11;
  private static final int IGNORED = -1;

  private static final KeyCheck<Object> NO_KEYS = (record, row) -> {};

  /** The deals read, the report of deals.csv and the stage join used, if any. */
  record Loaded(ColumnStore deals, LoadReport report, @Nullable StageJoin join) {}

  /** Reads deal_stages.csv afresh for each attempt: the join is used up by a load. */
  interface Stages {
    /** The stage rows, or null when there is no deal_stages.csv. */
    @Nullable
    StageJoin read() throws IOException;
  }

  private final Path path;
  private final String file;
  private final CsvOptions options;
  @Nullable private final StageJoin join;
  private final FileChannel channel;
  private final long size;
  private List<String> headers = List.of();
  private int width;
  private int[] columnOf = new int[0];
  private long[] stageIdHashes = new long[0];
  private long headerLine;
  /** The header index of deal_id, or -1. */
  private int idIndex = -1;
  /** Set when a chunk did not end where the next one started. */
  private boolean resync;
  /** In streaming mode, takes the deals of each window of chunks; null otherwise. */
  @Nullable private Consumer<ColumnStore> sink;

  private DealFileLoader(Path path, CsvOptions options, @Nullable StageJoin join, FileChannel ch)
      throws IOException {
    this.path = path;
    Path name = path.getFileName();
    this.file = name == null ? path.toString() : name.toString();
    this.options = options;
    this.join = join;
    this.channel = ch;
    this.size = ch.size();
  }

  /**
   * Loads deals.csv into columns, joined with the stage rows that {@code stages} reads; returns
   * null when the file must take the object path. When a quoted cell holds a line break across a
   * chunk boundary, the file is read again in one chunk.
   *
   * @param threads how many chunks are parsed at once
   * @param chunkBytes the nominal size of a chunk, or 0 for one chosen from the file's size
   *
   * @throws CsvFormatException in strict mode for the first bad row, as the object loader
   */
  @Nullable
  static Loaded load(Path path, CsvOptions options, Stages stages, int threads, int chunkBytes)
      throws IOException {
    if (!options.mapping(CsvFile.DEALS).equals(ColumnMapping.identity())) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      DealFileLoader first = new DealFileLoader(path, options, stages.read(), ch);
      Loaded loaded = first.run(threads, chunkBytes);
      if (loaded != null || !first.resync) {
        return loaded;
      }
      return new DealFileLoader(path, options, stages.read(), ch).run(1, chunkBytes);
    }
  }

  /**
   * Streams deals.csv: parses it in windows of {@code threads} chunks and gives {@code sink} the
   * deals of each window, in file order, keeping only the report, one 64-bit hash per deal (for
   * the duplicate check) and the lines of rejected rows and warnings. Returns the report (with an
   * empty store), or null when the outcome of {@link #load} cannot be had this way: the cases
   * where {@link #load} returns null, stage rows (deal_stages.csv), a strict failure, a quoted
   * cell across a chunk boundary, or two rows whose id hashes are equal (a duplicate id, or a
   * collision of hashes). After null, the deals given to {@code sink} must be thrown away.
   *
   * @param threads how many chunks are parsed at once
   * @param chunkBytes the nominal size of a chunk, or 0 for one chosen from the file's size
   */
  @Nullable
  static Loaded stream(
      Path path,
      CsvOptions options,
      int threads,
      int chunkBytes,
      Consumer<ColumnStore> sink)
      throws IOException {
    if (!options.mapping(CsvFile.DEALS).equals(ColumnMapping.identity())) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      DealFileLoader loader = new DealFileLoader(path, options, null, ch);
      loader.sink = sink;
      return loader.run(threads, chunkBytes);
    }
  }

  @Nullable
  private Loaded run(int threads, int chunkBytes) throws IOException {
    byte[] head = read(0, 4);
    int b0 = head.length > 0 ? head[0] & 0xFF : -1;
    int b1 = head.length > 1 ? head[1] & 0xFF : -1;
    if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || (b0 == 0 && b1 == 0)) {
      return null; // UTF-16 or UTF-32: the object loader decodes it
    }
    long start =
        head.length >= 3 && b0 == 0xEF && b1 == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    ColumnMapping mapping = options.mapping(CsvFile.DEALS);
    if (new DateReader(file, mapping, options).detects() || mapping.skipsReportFooter()) {
      return null;
    }
    // the separator, found as the object loader finds it
    char separator;
    long skip = 0; // a "sep=," line before the header
    try (Reader text = RowReader.openFile(path)) {
      LineReplay replay = new LineReplay(text);
      Separators.FirstLine first = Separators.FirstLine.read(replay);
      if (first.declared() != 0) {
        separator = first.declared();
        skip = first.line();
      } else {
        Character given = options.separator().orElse(null);
        separator = given != null ? given : Separators.detect(file, first);
      }
    }
    if (separator != ',') {
      return null;
    }
    start = skipLines(start, skip);
    OneRecord header = OneRecord.read(fileReader(start), true);
    if (header.error != null) {
      throw new CsvFormatException(
          new RejectedRow(
              file, skip + header.line, null, null, RowReader.quoteReason(header.error)),
          header.error);
    }
    ColumnStore.Builder builder = ColumnStore.builder();
    if (header.fields == null) {
      return new Loaded(builder.build(), new LoadReport(file, 0, 0, List.of()), join);
    }
    headers = header.fields;
    headerLine = skip + header.line;
    Row row = header();
    if (row.missesRequiredColumn()) {
      return null;
    }
    width = headers.size();
    columnOf = columnIndex(headers);
    for (int i = 0; i < columnOf.length; i++) {
      if (columnOf[i] == ID) {
        idIndex = i;
      }
    }
    if (header.next < 0) {
      return new Loaded(builder.build(), new LoadReport(file, 0, 0, List.of()), join);
    }
    long dataStart = skipLines(start, header.next - 1);
    long linesBefore = skip + header.next - 1;
    if (join != null) {
      List<Long> hashes = new ArrayList<>();
      for (String id : join.dealIds()) {
        hashes.add(hash(id));
      }
      stageIdHashes = hashes.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    long span = size - dataStart;
    long chunk =
        chunkBytes > 0
            ? chunkBytes
            : Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, span / Math.max(1, 4L * threads) + 1));
    int chunks = (int) Math.max(1, (span + chunk - 1) / chunk);
    if (sink != null) {
      return streamChunks(sink, dataStart, chunk, chunks, threads, linesBefore);
    }
    if (chunks == 1) {
      Chunk only = new Chunk(builder.deals(), dataStart, dataStart, size);
      only.parse();
      return finish(builder, List.of(only), linesBefore);
    }
    List<Chunk> parts = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      long nominal = dataStart + c * chunk;
      long nextNominal = c + 1 == chunks ? size : dataStart + (c + 1) * chunk;
      parts.add(new Chunk(builder.deals(), dataStart, nominal, nextNominal));
    }
    parseAll(parts, threads);
    for (int c = 0; c + 1 < parts.size(); c++) {
      Chunk p = parts.get(c);
      if (p.failure != null && join == null) {
        break; // the chunks after a strict failure do not matter
      }
      if (p.end != parts.get(c + 1).start) {
        resync = true; // a quoted cell across a boundary: load it again in one chunk
        return null;
      }
    }
    return finish(builder, parts, linesBefore);
  }

  /** Parses {@code parts} on up to {@code threads} threads (on this one when 1). */
  private void parseAll(List<Chunk> parts, int threads) throws IOException {
    if (threads == 1 || parts.size() == 1) {
      for (Chunk c : parts) {
        try {
          c.parse();
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
      return;
    }
    int chunks = parts.size();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "salesmetrics-load");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> done = new ArrayList<>(chunks);
      for (Chunk c : parts) {
        done.add(pool.submit(() -> {
          c.parse();
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while loading " + file, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      } else if (cause instanceof RuntimeException r) {
        throw r;
      } else if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The streaming mode of {@link #run}: see {@link #stream}. */
  @Nullable
  private Loaded streamChunks(
      Consumer<ColumnStore> to, long dataStart, long chunk, int chunks, int threads, long linesBefore)
      throws IOException {
    long base = linesBefore;
    long rows = 0;
    long loaded = 0;
    long expectedStart = -1;
    List<RejectedRow> rejected = new ArrayList<>();
    List<LoadWarning> warnings = new ArrayList<>();
    List<long[]> runs = new ArrayList<>(); // the sorted id hashes of each chunk
    for (int c0 = 0; c0 < chunks; c0 += threads) {
      ColumnStore.Builder builder = ColumnStore.builder();
      List<Chunk> parts = new ArrayList<>(threads);
      for (int c = c0; c < Math.min(chunks, c0 + threads); c++) {
        long nominal = dataStart + c * chunk;
        long nextNominal = c + 1 == chunks ? size : dataStart + (c + 1) * chunk;
        parts.add(new Chunk(builder.deals(), dataStart, nominal, nextNominal));
      }
      parseAll(parts, threads);
      for (Chunk p : parts) {
        if (p.failure != null) {
          return null; // strict: the column load finds the failure and any earlier duplicate
        }
        if (expectedStart >= 0 && p.start != expectedStart) {
          return null; // a quoted cell across a boundary
        }
        expectedStart = p.end;
        p.base = base;
        base += p.lines;
        rows += p.rows;
        for (RejectedRow r : p.rejected) {
          rejected.add(shift(r, p.base));
        }
        for (LoadWarning w : p.warnings) {
          warnings.add(
              w.file().equals(file)
                  ? new LoadWarning(w.file(), w.line() + p.base, w.column(), w.value(), w.reason())
                  : w);
        }
        runs.add(Arrays.copyOf(p.hashes, p.appended));
      }
      ColumnStore part = builder.build();
      loaded += part.deals();
      to.accept(part);
    }
    if (repeats(runs)) {
      return null; // a repeated id (or two ids of one hash): the column load tells which
    }
    return new Loaded(
        ColumnStore.builder().build(),
        new LoadReport(file, rows, loaded, rejected, warnings, 0, null),
        null);
  }

  /**
   * Tells whether a value occurs twice in the sorted {@code runs} (within one run or across
   * two), merging them through a heap of run indices, with no copy of the values.
   */
  static boolean repeats(List<long[]> runs) {
    int k = 0;
    int[] heap = new int[runs.size()];
    int[] pos = new int[runs.size()];
    long[][] r = runs.toArray(new long[0][]);
    for (int i = 0; i < r.length; i++) {
      if (r[i].length > 0) {
        heap[k] = i;
        siftUp(heap, k++, r, pos);
      }
    }
    boolean any = false;
    long last = 0;
    while (k > 0) {
      int top = heap[0];
      long v = r[top][pos[top]];
      if (any && v == last) {
        return true;
      }
      any = true;
      last = v;
      if (++pos[top] == r[top].length) {
        heap[0] = heap[--k];
      }
      siftDown(heap, k, r, pos);
    }
    return false;
  }

  private static void siftUp(int[] heap, int at, long[][] r, int[] pos) {
    int i = at;
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (r[heap[parent]][pos[heap[parent]]] <= r[heap[i]][pos[heap[i]]]) {
        return;
      }
      int t = heap[parent];
      heap[parent] = heap[i];
      heap[i] = t;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int k, long[][] r, int[] pos) {
    int i = 0;
    while (true) {
      int least = i;
      for (int c = 2 * i + 1; c <= 2 * i + 2 && c < k; c++) {
        if (r[heap[c]][pos[heap[c]]] < r[heap[least]][pos[heap[least]]]) {
          least = c;
        }
      }
      if (least == i) {
        return;
      }
      int t = heap[least];
      heap[least] = heap[i];
      heap[i] = t;
      i = least;
    }
  }

  /** The header row of the file, with a date reader of its own. */
  private Row header() {
    return RowReader.header(
        file,
        headerLine,
        CsvFile.DEALS,
        options,
        headers,
        ',',
        new DateReader(file, options.mapping(CsvFile.DEALS), options));
  }

  /** Shifts line numbers, checks duplicate ids and chooses the strict failure. */
  @Nullable
  private Loaded finish(ColumnStore.Builder builder, List<Chunk> parts, long linesBefore) {
    long base = linesBefore;
    int used = parts.size();
    CsvFormatException failure = null;
    long failureLine = Long.MAX_VALUE;
    for (int c = 0; c < parts.size(); c++) {
      Chunk p = parts.get(c);
      p.base = base;
      if (p.failure != null) {
        failure = shift(p.failure, base);
        failureLine = p.failureLine + base;
        used = c + 1;
        break;
      }
      base += p.lines;
    }
    ColumnStore store = builder.build();
    if (join != null && stagesTakenTwice(parts)) {
      // two rows of one id with stage rows: which takes them depends on file order
      return null;
    }
    Duplicate dup = firstDuplicate(store, parts.subList(0, used));
    if (dup != null) {
      if (failure == null && options.isLenient()) {
        return null; // the columns cannot drop the row: the object loader reads the file
      }
      if (dup.line < failureLine) {
        BadCell bad =
            new BadCell("deal_id", dup.id, "duplicate deal_id first seen on line " + dup.first);
        throw new CsvFormatException(bad.at(file, dup.line), bad);
      }
    }
    if (failure != null) {
      throw failure;
    }
    long rows = 0;
    List<RejectedRow> rejected = new ArrayList<>();
    List<LoadWarning> warnings = new ArrayList<>();
    for (Chunk p : parts) {
      rows += p.rows;
      for (RejectedRow r : p.rejected) {
        rejected.add(shift(r, p.base));
      }
      for (LoadWarning w : p.warnings) {
        warnings.add(
            w.file().equals(file)
                ? new LoadWarning(w.file(), w.line() + p.base, w.column(), w.value(), w.reason())
                : w);
      }
    }
    return new Loaded(
        store, new LoadReport(file, rows, store.deals(), rejected, warnings, 0, null), join);
  }

  private RejectedRow shift(RejectedRow r, long base) {
    if (!r.file().equals(file)) {
      return r;
    }
    return new RejectedRow(
        r.file(), r.line() + base, r.column().orElse(null), r.value().orElse(null), r.reason());
  }

  private CsvFormatException shift(CsvFormatException e, long base) {
    if (!e.file().equals(file)) {
      return e;
    }
    return new CsvFormatException(shift(e.toRejectedRow(), base), e.getCause());
  }

  private static boolean stagesTakenTwice(List<Chunk> parts) {
    int n = 0;
    for (Chunk p : parts) {
      n += p.stageTakers;
    }
    long[] all = new long[n];
    int k = 0;
    for (Chunk p : parts) {
      System.arraycopy(p.stageTakerIds, 0, all, k, p.stageTakers);
      k += p.stageTakers;
    }
    Arrays.sort(all);
    for (int i = 1; i < all.length; i++) {
      if (all[i] == all[i - 1]) {
        return true;
      }
    }
    return false;
  }

  private record Duplicate(long line, long first, String id) {}

  /**
   * The first row, in file order, whose id an earlier row has: the rows' id hashes are sorted to
   * find hashes that repeat; only the rows of those hashes are compared as text.
   */
  @Nullable
  private static Duplicate firstDuplicate(ColumnStore store, List<Chunk> parts) {
    int n = 0;
    for (Chunk p : parts) {
      n += p.appended;
    }
    if (n < 2) {
      return null;
    }
    long[] all = new long[n];
    int k = 0;
    for (Chunk p : parts) {
      System.arraycopy(p.hashes, 0, all, k, p.appended);
      k += p.appended;
    }
    Arrays.sort(all); // runs sorted by the chunks: a merge
    int suspects = 0;
    for (int i = 1; i < n; i++) {
      if (all[i] == all[i - 1] && (suspects == 0 || all[suspects - 1] != all[i])) {
        all[suspects++] = all[i]; // reuses the front of the sorted array: i >= suspects
      }
    }
    if (suspects == 0) {
      return null;
    }
    long[] repeated = Arrays.copyOf(all, suspects);
    Map<String, Long> seen = new HashMap<>();
    List<SalesRecord> records = store.records();
    int global = 0;
    for (Chunk p : parts) {
      for (int r = 0; r < p.appended; r++, global++) {
        String id = ((Deal) records.get(global)).id();
        if (Arrays.binarySearch(repeated, hash(id)) < 0) {
          continue;
        }
        long line = p.rowLine(r) + p.base;
        Long first = seen.putIfAbsent(id, line);
        if (first != null) {
          return new Duplicate(line, first, id);
        }
      }
    }
    return null;
  }

  private int[] columnIndex(List<String> names) {
    ColumnMapping mapping = options.mapping(CsvFile.DEALS);
    List<String> schema = CsvFile.DEALS.columns();
    int[] of = new int[names.size()];
    boolean[] seen = new boolean[schema.size()];
    for (int i = 0; i < names.size(); i++) {
      int c = schema.indexOf(mapping.columnFor(names.get(i)));
      if (c >= 0 && !seen[c]) {
        seen[c] = true;
        of[i] = c;
      } else {
        of[i] = IGNORED;
      }
    }
    return of;
  }

  /** The hash of an id's UTF-8 bytes, as {@link #hash(byte[], int, int)}. */
  static long hash(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    return hash(b, 0, b.length);
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** A 64-bit hash of the bytes {@code b[from, to)}, eight at a time. */
  static long hash(byte[] b, int from, int to) {
    long h = 0x9E3779B97F4A7C15L ^ (to - from);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL, 31);
    }
    long tail = 0;
    for (int j = to - 1; j >= i; j--) {
      tail = (tail << 8) | (b[j] & 0xFF);
    }
    h = (h ^ tail) * 0x165667B19E3779F9L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  // ------------------------------------------------------------------ file access

  private byte[] read(long from, int n) throws IOException {
    int len = (int) Math.max(0, Math.min(n, size - from));
    byte[] out = new byte[len];
    ByteBuffer bb = ByteBuffer.wrap(out);
    long pos = from;
    while (bb.hasRemaining()) {
      int k = channel.read(bb, pos);
      if (k < 0) {
        break;
      }
      pos += k;
    }
    return bb.position() == len ? out : Arrays.copyOf(out, bb.position());
  }

  /** The bytes of the file from {@code from} on, read with positional reads (thread safe). */
  private InputStream stream(long from) {
    return new InputStream() {
      private long pos = from;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int n) throws IOException {
        if (pos >= size) {
          return -1;
        }
        int k = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(n, size - pos)), pos);
        if (k > 0) {
          pos += k;
        }
        return k;
      }
    };
  }

  private Reader fileReader(long from) {
    return new InputStreamReader(stream(from), StandardCharsets.UTF_8);
  }

  /**
   * The position after {@code lines} line breaks (CR, LF or CRLF, as the parser counts them) from
   * {@code from}, or the end of the file.
   */
  private long skipLines(long from, long lines) throws IOException {
    if (lines <= 0) {
      return from;
    }
    long pos = from;
    long left = lines;
    byte[] buf = new byte[8192];
    boolean afterCr = false;
    while (pos < size) {
      byte[] got = read(pos, buf.length);
      if (got.length == 0) {
        break;
      }
      for (int i = 0; i < got.length; i++) {
        byte c = got[i];
        if (afterCr) {
          afterCr = false;
          if (c == '\n') {
            continue; // the LF of a CRLF counted with its CR
          }
          if (left == 0) {
            return pos + i;
          }
        }
        if (left == 0) {
          return pos + i;
        }
        if (c == '\n') {
          left--;
          if (left == 0) {
            return pos + i + 1;
          }
        } else if (c == '\r') {
          left--;
          afterCr = true;
        }
      }
      pos += got.length;
    }
    return size;
  }

  // ------------------------------------------------------------------ one record by FastCSV

  /** The first record of a text, as the object loader's parser reads it, and where the next starts. */
  private static final class OneRecord {
    /** The record's cells; null at the end of the text or after a quote error. */
    @Nullable List<String> fields;
    @Nullable CsvParseException error;
    /** The line the record (or the error) starts on, 1-based from the text's start. */
    long line;
    /** The line the next record starts on, or -1 when the text ends first. */
    long next = -1;
    /** Whether the parser read to the end of the text. */
    boolean hitEnd;

    /** Reads the first record, or the first with a cell that is not empty if {@code skipEmpty}. */
    static OneRecord read(Reader text, boolean skipEmpty) throws IOException {
      OneRecord r = new OneRecord();
      EndWatch watch = new EndWatch(text);
      RowReader.CellsHandler handler = new RowReader.CellsHandler();
      try (CsvReader<RowReader.Cells> csv = RowReader.parser(handler, watch, ',')) {
        Iterator<RowReader.Cells> it = csv.iterator();
        try {
          while (true) {
            if (!it.hasNext()) {
              r.hitEnd = true;
              return r;
            }
            RowReader.Cells c = it.next();
            if (skipEmpty && RowReader.allEmpty(c.fields())) {
              continue;
            }
            r.fields = c.fields();
            r.line = c.line();
            break;
          }
        } catch (CsvParseException e) {
          r.error = e;
          r.line = Math.max(1, handler.line);
          r.hitEnd = watch.ended;
          return r;
        }
        try {
          if (it.hasNext()) {
            r.next = it.next().line();
          }
        } catch (CsvParseException e) {
          r.next = Math.max(1, handler.line);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      r.hitEnd = watch.ended;
      return r;
    }
  }

  /** A reader that remembers whether its source ended. */
  private static final class EndWatch extends Reader {
    private final Reader in;
    boolean ended;

    EndWatch(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = in.read(cbuf, off, len);
      if (n < 0) {
        ended = true;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  // ------------------------------------------------------------------ a chunk

  /** One chunk of the file parsed into one segment of the store. */
  private final class Chunk {
    private final DealAppender deals;
    private final long dataStart;
    private final long nominal;
    private final long nextNominal;
    /** Where the chunk starts and where the next one starts. */
    long start;
    long nextStart;
    /** Where parsing ended, the physical lines from start to end, the rows read. */
    long end;
    long lines;
    long rows;
    long base;
    final List<RejectedRow> rejected = new ArrayList<>();
    final List<LoadWarning> warnings = new ArrayList<>();
    @Nullable CsvFormatException failure;
    long failureLine;
    int appended;
    /** The id hashes of rows given to the object parser whose id has stage rows. */
    long[] stageTakerIds = new long[0];
    int stageTakers;
    /** The id hash of each row appended; sorted once the chunk is parsed. */
    long[] hashes = new long[1024];
    private int[] rowLines = new int[1024];

    // the window of the file in memory
    private byte[] buf = new byte[0];
    private long bufStart;
    private int len;

    private final Row row;
    private final RowReader.RowParser<Deal> parser;
    private final Currency[] currencies = new Currency[26 * 26 * 26];
    private final int[] currencyDigits = new int[26 * 26 * 26];
    private final int[] at = new int[24];
    private final int[] to = new int[24];

    Chunk(DealAppender deals, long dataStart, long nominal, long nextNominal) {
      this.deals = deals;
      this.dataStart = dataStart;
      this.nominal = nominal;
      this.nextNominal = nextNominal;
      this.row = header();
      this.parser = join != null ? join.dealParser() : CsvFormat.DEALS.rowParser(options);
      Arrays.fill(currencyDigits, -2);
    }

    long rowLine(int r) {
      return rowLines[r] & 0xFFFFFFFFL;
    }

    void parse() {
      try {
        start = lineStart(nominal);
        nextStart = nextNominal >= size ? size : lineStart(nextNominal);
        load(start, (int) Math.min(Integer.MAX_VALUE - 16, nextStart - start + SLACK));
        long pos = start;
        // with stage rows, a chunk goes on after a strict failure: every boundary is checked, as
        // a chunk read from a wrong start may have taken stage rows that an earlier row needs
        while (pos < nextStart && pos < size && (failure == null || join != null)) {
          pos = record(pos);
        }
        end = pos;
        Arrays.sort(hashes, 0, appended); // sorted runs: the duplicate check merges them
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The first line start at or after {@code p}: after the first LF at or after p - 1. */
    private long lineStart(long p) throws IOException {
      if (p <= dataStart) {
        return dataStart;
      }
      long pos = p - 1;
      while (pos < size) {
        byte[] got = read(pos, 1 << 16);
        for (int i = 0; i < got.length; i++) {
          if (got[i] == '\n') {
            return pos + i + 1;
          }
        }
        pos += got.length;
        if (got.length == 0) {
          break;
        }
      }
      return size;
    }

    private void load(long from, int n) throws IOException {
      buf = read(from, n);
      bufStart = from;
      len = buf.length;
    }

    /** Makes sure the window holds the file from {@code pos} to the next LF or the end. */
    private int lineEnd(long pos) throws IOException {
      while (true) {
        int i = (int) (pos - bufStart);
        for (int j = i; j < len; j++) {
          if (buf[j] == '\n') {
            return j;
          }
        }
        if (bufStart + len >= size) {
          return len;
        }
        int keep = len - i;
        load(pos, Math.max(keep * 2, SLACK));
      }
    }

    /** Reads the record (or blank line) starting at {@code pos}; returns where the next starts. */
    private long record(long pos) throws IOException {
      int lf = lineEnd(pos);
      int from = (int) (pos - bufStart);
      int stop = lf;
      if (stop > from && buf[stop - 1] == '\r') {
        stop--;
      }
      long after = bufStart + Math.min(lf + 1, len);
      if (stop == from) {
        lines++;
        return after;
      }
      boolean special = false;
      int commas = 0;
      for (int i = from; i < stop; i++) {
        byte c = buf[i];
        if (c == ',') {
          commas++;
        } else if (c == '"' || c == '\r' || c < 0) {
          special = true;
          break;
        }
      }
      long line = lines + 1;
      if (special) {
        return delegate(pos, line);
      }
      lines++;
      if (commas == stop - from) {
        return after; // cells that are all empty: no row
      }
      rows++;
      if (commas + 1 != width || !fast(from, stop, line)) {
        objectRow(cells(from, stop), line);
      }
      return after;
    }

    /** Splits a plain line into its cells. */
    private List<String> cells(int from, int stop) {
      List<String> fields = new ArrayList<>(width);
      int s = from;
      for (int i = from; i <= stop; i++) {
        if (i == stop || buf[i] == ',') {
          fields.add(new String(buf, s, i - s, StandardCharsets.ISO_8859_1));
          s = i + 1;
        }
      }
      return fields;
    }

    /** Hands the record starting at {@code pos} to FastCSV, as the object loader reads it. */
    private long delegate(long pos, long line) throws IOException {
      int from = (int) (pos - bufStart);
      OneRecord r =
          OneRecord.read(
              new InputStreamReader(
                  new java.io.ByteArrayInputStream(buf, from, len - from),
                  StandardCharsets.UTF_8),
              false);
      if (r.hitEnd && bufStart + len < size) {
        r = OneRecord.read(fileReader(pos), false);
      }
      if (r.fields != null && RowReader.allEmpty(r.fields)) {
        // cells that are all empty, as spreadsheets write after the data: no row
        long spanned = r.next < 0 ? countLines(pos, size) : r.next - 1;
        lines += spanned;
        return r.next < 0 ? size : skipLines(pos, spanned);
      }
      rows++;
      if (r.error != null) {
        RejectedRow bad = new RejectedRow(file, line, null, null, RowReader.quoteReason(r.error));
        if (!options.isLenient()) {
          fail(new CsvFormatException(bad, r.error), line);
        } else {
          rejected.add(bad);
        }
        lines++;
        return skipLines(pos, 1);
      }
      if (r.fields == null) {
        throw new IllegalStateException("no record at line " + line + " of " + file);
      }
      objectRow(r.fields, line);
      if (r.next < 0) {
        lines += countLines(pos, size);
        return size;
      }
      lines += r.next - 1;
      return skipLines(pos, r.next - 1);
    }

    private long countLines(long from, long until) throws IOException {
      long n = 0;
      long pos = from;
      boolean afterCr = false;
      boolean open = false;
      while (pos < until) {
        byte[] got = read(pos, (int) Math.min(1 << 16, until - pos));
        if (got.length == 0) {
          break;
        }
        for (byte c : got) {
          if (c == '\n') {
            if (!afterCr) {
              n++;
            }
            open = false;
            afterCr = false;
          } else if (c == '\r') {
            n++;
            afterCr = true;
            open = false;
          } else {
            afterCr = false;
            open = true;
          }
        }
        pos += got.length;
      }
      return open ? n + 1 : n;
    }

    private void fail(CsvFormatException e, long line) {
      if (failure == null) {
        failure = e;
        failureLine = line;
      }
    }

    /** The object loader's way for one row: the record or the rejected row. */
    private void objectRow(List<String> fields, long line) {
      if (stageIdHashes.length > 0 && fields.size() == width && idIndex >= 0) {
        long h = hash(fields.get(idIndex));
        if (Arrays.binarySearch(stageIdHashes, h) >= 0) {
          if (stageTakers == stageTakerIds.length) {
            stageTakerIds = Arrays.copyOf(stageTakerIds, stageTakers * 2 + 8);
          }
          stageTakerIds[stageTakers++] = h;
        }
      }
      Deal deal;
      try {
        deal =
            RowReader.record(
                file, line, fields, width, row, options, parser, NO_KEYS, rejected, warnings);
      } catch (CsvFormatException e) {
        fail(e, line);
        return;
      }
      if (deal != null) {
        deals.add(deal);
        appended(hash(deal.id()), line);
      }
    }

    private void appended(long h, long line) {
      int r = appended;
      if (r == hashes.length) {
        hashes = Arrays.copyOf(hashes, r * 2);
        rowLines = Arrays.copyOf(rowLines, r * 2);
      }
      hashes[r] = h;
      rowLines[r] = (int) line;
      if (line > 0xFFFFFFFFL) {
        throw new IllegalStateException("chunk of more than 2^32 lines");
      }
      appended = r + 1;
    }

    /** Reads a plain row into the columns; false if a cell is not in the simple form. */
    private boolean fast(int from, int stop, long line) {
      int c = 0;
      int s = from;
      Arrays.fill(at, -1);
      for (int i = from; i <= stop; i++) {
        if (i == stop || buf[i] == ',') {
          int col = columnOf[c++];
          if (col != IGNORED) {
            at[col] = s;
            to[col] = i;
          }
          s = i + 1;
        }
      }
      // required text
      if (!present(ID) || !present(REP)) {
        return false;
      }
      long idHash = hash(buf, at[ID], to[ID]);
      if (stageIdHashes.length > 0
          && Arrays.binarySearch(stageIdHashes, idHash) >= 0) {
        return false; // stage rows to attach: the object path does the join
      }
      // amount and currency
      Currency currency = null;
      long minor = 0;
      if (present(CURRENCY)) {
        currency = currency(at[CURRENCY], to[CURRENCY]);
        if (currency == null) {
          return false;
        }
      }
      if (present(AMOUNT)) {
        if (currency == null) {
          return false;
        }
        minor = amount(at[AMOUNT], to[AMOUNT], currencyDigits[code(at[CURRENCY])]);
        if (minor < 0) {
          return false;
        }
      } else if (at[AMOUNT] < 0) {
        return false; // no amount column
      }
      long created = instant(CREATED);
      if (created == Long.MIN_VALUE) {
        return false;
      }
      DealStatus status = status(STATUS);
      if (status == null) {
        return false;
      }
      long closed = Long.MIN_VALUE + 1;
      if (present(CLOSED)) {
        closed = instant(CLOSED);
        if (closed == Long.MIN_VALUE) {
          return false;
        }
      }
      double probability = Double.NaN;
      if (present(PROBABILITY)) {
        probability = probability(at[PROBABILITY], to[PROBABILITY]);
        if (Double.isNaN(probability)) {
          return false;
        }
      }
      deals.id(buf, at[ID], to[ID]).rep(buf, at[REP], to[REP]);
      if (currency != null && present(AMOUNT)) {
        deals.amount(minor, currency);
      }
      deals.createdAt(created, nanoOf(CREATED)).status(status);
      if (closed != Long.MIN_VALUE + 1) {
        deals.closedAt(closed, nanoOf(CLOSED));
      }
      if (present(STAGE)) {
        deals.stage(buf, at[STAGE], to[STAGE]);
      }
      if (!Double.isNaN(probability)) {
        deals.probability(probability);
      }
      if (present(CUSTOMER)) {
        deals.customer(buf, at[CUSTOMER], to[CUSTOMER]);
      }
      if (present(LEAD)) {
        deals.lead(buf, at[LEAD], to[LEAD]);
      }
      if (present(PRODUCT)) {
        deals.product(buf, at[PRODUCT], to[PRODUCT]);
      }
      try {
        deals.endRow();
      } catch (IllegalArgumentException | NullPointerException e) {
        return false; // the record's rule: the object path gives its exact message
      }
      appended(idHash, line);
      return true;
    }

    private boolean present(int col) {
      return at[col] >= 0 && to[col] > at[col];
    }

    private int code(int i) {
      return ((buf[i] - 'A') * 26 + (buf[i + 1] - 'A')) * 26 + (buf[i + 2] - 'A');
    }

    @Nullable
    private Currency currency(int from, int stop) {
      if (stop - from != 3) {
        return null;
      }
      for (int i = from; i < stop; i++) {
        if (buf[i] < 'A' || buf[i] > 'Z') {
          return null;
        }
      }
      int k = code(from);
      int digits = currencyDigits[k];
      if (digits == -2) {
        try {
          Currency cur = Money.currency(new String(buf, from, 3, StandardCharsets.US_ASCII));
          currencies[k] = cur;
          digits = Money.fractionDigits(cur);
        } catch (IllegalArgumentException e) {
          digits = -1;
        }
        currencyDigits[k] = digits;
      }
      return digits < 0 ? null : currencies[k];
    }

    /** Minor units of a plain non-negative decimal, or -1 if it is not one the fast path takes. */
    private long amount(int from, int stop, int digits) {
      long v = 0;
      int n = 0;
      int fraction = -1;
      for (int i = from; i < stop; i++) {
        byte b = buf[i];
        if (b == '.') {
          if (fraction >= 0 || n == 0) {
            return -1;
          }
          fraction = 0;
          continue;
        }
        if (b < '0' || b > '9' || ++n > 17) {
          return -1;
        }
        v = v * 10 + (b - '0');
        if (fraction >= 0) {
          fraction++;
        }
      }
      if (n == 0 || fraction == 0 || fraction > digits) {
        return -1;
      }
      for (int f = Math.max(fraction, 0); f < digits; f++) {
        if (v > Long.MAX_VALUE / 10) {
          return -1;
        }
        v *= 10;
      }
      return v;
    }

    @Nullable
    private DealStatus status(int col) {
      if (!present(col)) {
        return null;
      }
      int from = at[col];
      int n = to[col] - from;
      if (n == 3 && lower(from) == 'w' && lower(from + 1) == 'o' && lower(from + 2) == 'n') {
        return DealStatus.WON;
      }
      if (n == 4 && lower(from) == 'l' && lower(from + 1) == 'o' && lower(from + 2) == 's'
          && lower(from + 3) == 't') {
        return DealStatus.LOST;
      }
      if (n == 4 && lower(from) == 'o' && lower(from + 1) == 'p' && lower(from + 2) == 'e'
          && lower(from + 3) == 'n') {
        return DealStatus.OPEN;
      }
      return null;
    }

    private int lower(int i) {
      int b = buf[i];
      return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** A probability like 0.25 with at most 15 digits, as BigDecimal gives it; NaN otherwise. */
    private double probability(int from, int stop) {
      long v = 0;
      int n = 0;
      int fraction = -1;
      for (int i = from; i < stop; i++) {
        byte b = buf[i];
        if (b == '.') {
          if (fraction >= 0 || n == 0) {
            return Double.NaN;
          }
          fraction = 0;
          continue;
        }
        if (b < '0' || b > '9' || ++n > 15) {
          return Double.NaN;
        }
        v = v * 10 + (b - '0');
        if (fraction >= 0) {
          fraction++;
        }
      }
      if (n == 0 || fraction == 0) {
        return Double.NaN;
      }
      return fraction < 0 ? (double) v : v / POW10[fraction];
    }

    private final int[] nanos = new int[12];

    private int nanoOf(int col) {
      return nanos[col];
    }

    /**
     * The epoch second of an instant like {@code 2024-03-01T09:30:00Z} or {@code
     * 2024-03-01T09:30:00.5Z} in the years 1900 to 2199 (its nano kept for {@link #nanoOf}), or
     * {@link Long#MIN_VALUE} if the cell is not one.
     */
    private long instant(int col) {
      if (!present(col)) {
        return Long.MIN_VALUE;
      }
      int f = at[col];
      int n = to[col] - f;
      if (n < 20 || n == 21 || n > 30 || buf[f + n - 1] != 'Z' || buf[f + 4] != '-'
          || buf[f + 7] != '-' || buf[f + 10] != 'T' || buf[f + 13] != ':'
          || buf[f + 16] != ':') {
        return Long.MIN_VALUE;
      }
      int year = digits(f, 4);
      int month = digits(f + 5, 2);
      int day = digits(f + 8, 2);
      int hour = digits(f + 11, 2);
      int minute = digits(f + 14, 2);
      int second = digits(f + 17, 2);
      if (year < PlausibleRange.FIRST_YEAR || year > PlausibleRange.LAST_YEAR || month < 1
          || month > 12 || day < 1 || day > monthLength(year, month) || hour > 23 || minute > 59
          || second > 59 || hour < 0 || minute < 0 || second < 0) {
        return Long.MIN_VALUE;
      }
      int nano = 0;
      if (n > 20) {
        if (buf[f + 19] != '.') {
          return Long.MIN_VALUE;
        }
        int k = n - 21; // fraction digits, 1 to 9
        int v = digits(f + 20, k);
        if (v < 0) {
          return Long.MIN_VALUE;
        }
        for (int i = k; i < 9; i++) {
          v *= 10;
        }
        nano = v;
      }
      nanos[col] = nano;
      return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    }

    /** The value of {@code n} decimal digits at {@code i}, or -1. */
    private int digits(int i, int n) {
      int v = 0;
      for (int j = i; j < i + n; j++) {
        int d = buf[j] - '0';
        if (d < 0 || d > 9) {
          return -1;
        }
        v = v * 10 + d;
      }
      return v;
    }
  }

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
  static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      boolean leap = (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
      if (!leap) {
        total--;
      }
    }
    return total - 719_528L;
  }
}
