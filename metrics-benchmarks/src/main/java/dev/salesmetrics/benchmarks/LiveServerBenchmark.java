package dev.salesmetrics.benchmarks;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.dashboard.server.LiveService;
import dev.salesmetrics.dashboard.server.ReportPage;
import dev.salesmetrics.io.CsvFormat;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.io.SampleData;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.rule.Rule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live server under load: records per second accepted by {@code POST /api/deals} (parsed,
 * written to the journal and forced to disk, applied to the live views, rules evaluated, the page
 * updated) while 20 browsers' worth of event streams are open, and how late the streams see each
 * batch.
 *
 * <ul>
 *   <li>{@code postBatches}: 8 threads each post batches of {@code batch} new won, lost or open
 *       deals of December 2025 (inside the data's range: no rebuild) over HTTP/1.1 to a server
 *       over the sample data, with the dashboard report's page ({@link ReportPage}: tiles, trends,
 *       leaderboard and goals from the live views, pipeline, funnel and leads redrawn from the
 *       records in the background), two rules and 20 subscribers; a score in ops/s is records
 *       per second;
 *   <li>{@code liveViewIngest}: the baseline, the same deals recorded into a {@link LiveView} with
 *       the page's tile metrics, on 1 thread;
 *   <li>{@code parseBatch}: parsing one batch's CSV text alone ({@link CsvFormat#parse});
 *   <li>{@code newDealToPages}, {@code replacementToPages} (sample time, ms): one post of a new
 *       deal, or of a sample deal again (a rebuild of the views), until every subscriber has the
 *       update.
 * </ul>
 *
 * <p>Each subscriber measures, for every update it receives, the time from the acknowledgement
 * (2xx) of the oldest batch the update brought to its arrival; the worst of each iteration, over
 * every subscriber, is printed as {@code update latency}, and a dropped subscriber fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LiveServerBenchmark {
  private static final int BATCH = 100;
  private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");
  private static final Instant DECEMBER = Instant.parse("2025-12-01T00:00:00Z");

  /** The server, its subscribers and the acknowledgement times. */
  @State(Scope.Benchmark)
  public static class Server {
    /** Subscribers (open pages). */
    @Param({"20"})
    public int subscribers;

    Path dir;
    LiveService service;
    HttpClient http;
    final AtomicLong nextId = new AtomicLong();
    final Object seen = new Object();
    int replaced;
    final ConcurrentHashMap<Long, Long> acked = new ConcurrentHashMap<>();
    final List<Subscriber> streams = new ArrayList<>();

    /**
     * Writes the sample data, starts the server and opens the subscribers.
     *
     * @throws Exception if the server cannot start
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
      dir = Files.createTempDirectory("live-bench");
      SampleData.writeCsv(dir);
      service =
          LiveService.builder(dir)
              .rules(
                  List.of(
                      Rule.builder("low-win-rate").metric(Metrics.WIN_RATE).per("rep").below()
                          .warning(0.2).build(),
                      Rule.builder("big-month").metric(Metrics.SALES_VOLUME).above()
                          .warning(5_000_000).build()))
              .acceptPosts(true)
              .port(0)
              .maxBodyBytes(16 << 20)
              .start();
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < subscribers; i++) {
        streams.add(new Subscriber(this, http, service.uri().resolve("events")));
      }
    }

    /** Prints the worst update latency of the iteration and resets it. */
    @TearDown(Level.Iteration)
    public void report() {
      long worst = 0;
      long updates = 0;
      for (Subscriber s : streams) {
        worst = Math.max(worst, s.worstNanos.getAndSet(0));
        updates += s.updates.getAndSet(0);
        if (s.ended) {
          throw new IllegalStateException("a subscriber was dropped or its stream ended");
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%n  update latency: worst %.0f ms over %d updates received by %d subscribers;"
              + " %d subscribers dropped%n",
          worst / 1e6, updates, streams.size(), service.dashboard().droppedSubscribers());
    }

    /**
     * Stops the server and deletes the data.
     *
     * @throws IOException if the files cannot be deleted
     */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
      service.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** One open page: reads the event stream and measures how late each batch arrives. */
  static final class Subscriber {
    final AtomicLong worstNanos = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    volatile long lastSeq = -1;
    volatile boolean ended;

    Subscriber(Server server, HttpClient http, URI events)
        throws IOException, InterruptedException {
      HttpResponse<InputStream> r =
          http.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofInputStream());
      Thread t = new Thread(() -> read(server, r.body()), "bench-subscriber");
      t.setDaemon(true);
      t.start();
    }

    private void read(Server server, InputStream body) {
      long seen = -1;
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.startsWith("data:")) {
            continue;
          }
          long now = System.nanoTime();
          Matcher m = SEQUENCE.matcher(line);
          if (!m.find()) {
            continue;
          }
          long seq = Long.parseLong(m.group(1));
          if (seen >= 0) {
            long oldest = Long.MAX_VALUE;
            for (long s = seen + 1; s <= seq; s++) {
              Long at = server.acked.get(s);
              if (at != null) {
                oldest = Math.min(oldest, at);
              }
            }
            if (oldest != Long.MAX_VALUE) {
              long late = now - oldest;
              worstNanos.accumulateAndGet(late, Math::max);
            }
            updates.incrementAndGet();
          }
          seen = seq;
          lastSeq = seq;
          synchronized (server.seen) {
            server.seen.notifyAll();
          }
        }
      } catch (IOException e) {
        // the server stopped
      }
      ended = true;
    }
  }

  static String batch(long firstId) {
    StringBuilder sb =
        new StringBuilder("deal_id,rep_id,amount,currency,created_at,status,closed_at\n");
    for (long id = firstId; id < firstId + BATCH; id++) {
      Instant created = DECEMBER.plusSeconds(id % 1_000_000);
      String status = id % 3 == 0 ? "open" : id % 3 == 1 ? "won" : "lost";
      sb.append("B").append(id).append(",R").append(String.format(Locale.ROOT, "%02d", 1 + id % 40))
          .append(',').append(100 + id % 9_000).append(".00,USD,").append(created).append(',')
          .append(status).append(',');
      if (!status.equals("open")) {
        sb.append(created.plusSeconds(86_400));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * Posts one batch of new deals and waits for its acknowledgement.
   *
   * @param server the server
   * @return the answer's status
   * @throws Exception if the post fails
   */
  @Benchmark
  @Threads(8)
  @OperationsPerInvocation(BATCH)
  public int postBatches(Server server) throws Exception {
    String body = batch(server.nextId.getAndAdd(BATCH));
    HttpResponse<String> r =
        server.http.send(
            HttpRequest.newBuilder(server.service.uri().resolve("api/deals"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long now = System.nanoTime();
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
    Matcher m = SEQUENCE.matcher(r.body());
    if (m.find()) {
      server.acked.put(Long.parseLong(m.group(1)), now);
    }
    return r.statusCode();
  }

  /**
   * Posts one new deal and waits until every subscriber has the update with it: the time from
   * post to every open page, on an otherwise idle server (sample time).
   *
   * @param server the server
   * @return the batch number
   * @throws Exception if the post fails
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long newDealToPages(Server server) throws Exception {
    return postAndSee(server, batchOfOne(server.nextId.getAndIncrement()));
  }

  /**
   * Posts an open sample deal again as won or lost (a replacement: the live views are rebuilt
   * from the 125,000 stored records) and waits until every subscriber has the update.
   *
   * @param server the server
   * @return the batch number
   * @throws Exception if the post fails
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long replacementToPages(Server server) throws Exception {
    String status = server.replaced++ % 2 == 0 ? "won" : "lost";
    String body =
        "deal_id,rep_id,amount,currency,created_at,status,closed_at,stage\n"
            + "D04789,R06,37500.00,USD,2025-05-02T16:34:55Z," + status
            + ",2025-12-20T10:00:00Z," + status + "\n";
    return postAndSee(server, body);
  }

  private static String batchOfOne(long id) {
    String b = batch(id);
    int second = b.indexOf('\n', b.indexOf('\n') + 1);
    return b.substring(0, second + 1);
  }

  private static long postAndSee(Server server, String body) throws Exception {
    HttpResponse<String> r =
        server.http.send(
            HttpRequest.newBuilder(server.service.uri().resolve("api/deals"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = SEQUENCE.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
    long seq = Long.parseLong(m.group(1));
    server.acked.put(seq, System.nanoTime());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    synchronized (server.seen) {
      while (!allSeen(server, seq)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("batch " + seq + " not on every page within 30 s");
        }
        server.seen.wait(Math.max(1, left / 1_000_000));
      }
    }
    return seq;
  }

  private static boolean allSeen(Server server, long seq) {
    for (Subscriber s : server.streams) {
      if (s.lastSeq < seq) {
        return false;
      }
    }
    return true;
  }

  /** The baseline: the same deals, as objects, recorded into a live view. */
  @State(Scope.Benchmark)
  public static class View {
    LiveView view;
    List<List<Deal>> batches;
    int next;

    /** Parses the batches once and builds the view with the page's metrics. */
    @Setup(Level.Trial)
    public void setUp() {
      List<Metric<?, ?>> metrics = ReportPage.builder().build().metrics();
      view =
          LiveView.builder()
              .groupBy(Dimension.month(ZoneOffset.UTC))
              .metrics(metrics.toArray(new Metric<?, ?>[0]))
              .periods(
                  dev.salesmetrics.time.Period.covering(
                      Instant.parse("2024-01-01T00:00:00Z"),
                      Instant.parse("2026-01-01T00:00:00Z"),
                      dev.salesmetrics.time.Granularity.MONTH,
                      ZoneOffset.UTC))
              .build();
      batches = new ArrayList<>();
      for (int b = 0; b < 1000; b++) {
        batches.add(
            CsvFormat.DEALS.parse("deals.csv", batch((long) b * BATCH), CsvOptions.strict())
                .value());
      }
    }
  }

  /**
   * Records one batch of deals into the live view.
   *
   * @param v the view
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void liveViewIngest(View v) {
    v.view.recordAll(v.batches.get(v.next));
    v.next = v.next + 1 == v.batches.size() ? 0 : v.next + 1;
  }

  /** One batch's text. */
  @State(Scope.Benchmark)
  public static class Text {
    String text = batch(0);
  }

  /**
   * Parses one batch's CSV text.
   *
   * @param t the text
   * @return the deals
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<Deal> parseBatch(Text t) {
    return CsvFormat.DEALS.parse("deals.csv", t.text, CsvOptions.strict()).value();
  }
}
