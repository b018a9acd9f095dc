package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost and no alert is forgotten or fired again: a server process killed
 * with SIGKILL after N posts and started again ends, after the remaining posts, with the figures
 * and alerts of a run that was never interrupted.
 */
class RestartTest {
  private static final Duration START = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;

  /** The posts, in order: replacements (open to won, won to lost) and new records. */
  private static List<String[]> posts() {
    List<String[]> p = new ArrayList<>();
    p.add(new String[] {"deals", TestData.d4Won()});
    p.add(deal("N1", "R1", "100.00", "lost"));
    p.add(deal("N2", "R1", "100.00", "won"));
    p.add(new String[] {"deals", TestData.deal("D5", "R1", "400.00", "2025-12-02T09:00:00Z",
        "lost", "2025-12-08T09:00:00Z")});
    p.add(deal("N3", "R2", "100.00", "lost"));
    p.add(new String[] {"deals", TestData.deal("D4", "R2", "200.00", "2025-12-01T09:00:00Z",
        "lost", "2025-12-09T09:00:00Z")});
    p.add(new String[] {"customers", "customer_id,signed_up_at\nC4,2025-12-10T00:00:00Z\n"});
    p.add(deal("N5", "R2", "300.00", "won"));
    p.add(deal("N1", "R1", "100.00", "won"));
    p.add(deal("N6", "R1", "100.00", "lost"));
    p.add(deal("N7", "R1", "100.00", "lost"));
    p.add(new String[] {"leads", "lead_id,created_at,rep_id\nL1,2025-12-11T00:00:00Z,R1\n"});
    return p;
  }

  private static String[] deal(String id, String rep, String amount, String status) {
    return new String[] {
      "deals",
      TestData.deal(id, rep, amount, "2025-12-04T09:00:00Z", status, "2025-12-10T09:00:00Z")
    };
  }

  @Test
  @Timeout(300)
  void aKilledServerRestartsWithTheFiguresAndAlertsOfAnUninterruptedRun() throws Exception {
    List<String[]> posts = posts();
    int killAfter = 6;
    Path rules = tmp.resolve("rules.txt");
    Files.writeString(rules, Served.RULES, StandardCharsets.UTF_8);

    Path whole = TestData.write(tmp.resolve("whole"));
    Result expected;
    try (Child c = Child.start(whole, rules)) {
      for (int i = 0; i < posts.size(); i++) {
        c.postAndAwait(posts.get(i), i + 1);
      }
      expected = c.result();
    }

    Path killed = TestData.write(tmp.resolve("killed"));
    try (Child c = Child.start(killed, rules)) {
      for (int i = 0; i < killAfter - 1; i++) {
        c.postAndAwait(posts.get(i), i + 1);
      }
      c.post(posts.get(killAfter - 1), killAfter); // acknowledged, then killed at once
      c.kill();
    }
    try (Child c = Child.start(killed, rules)) {
      Map<String, Object> figures = TestJson.object(c.get("api/figures"));
      assertThat(figures).containsEntry("sequence", (double) killAfter);
      for (int i = killAfter; i < posts.size(); i++) {
        c.postAndAwait(posts.get(i), i + 1);
      }
      Result actual = c.result();
      assertThat(actual.tiles).isEqualTo(expected.tiles);
      assertThat(actual.alerts).isEqualTo(expected.alerts);
      assertThat(actual.transitions).isEqualTo(expected.transitions);
    }
    assertThat(expected.alerts).isNotEmpty();
    assertThat(expected.transitions).hasSizeGreaterThan(5);
    assertThat(expected.transitions.toString())
        .contains("big-month")
        .contains("low-win-rate");
  }

  /** What is compared: tiles, and alerts without their evaluation instants. */
  private record Result(List<Object> tiles, List<Object> alerts, List<Object> transitions) {}

  /** A server in a child JVM. */
  private static final class Child implements AutoCloseable {
    private final Process process;
    private final URI uri;
    private final SseStream events;

    private Child(Process process, URI uri) throws IOException, InterruptedException {
      this.process = process;
      this.uri = uri;
      this.events = SseStream.open(HTTP, uri.resolve("events"));
    }

    static Child start(Path data, Path rules) throws IOException, InterruptedException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classPath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Process p =
          new ProcessBuilder(
                  java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                  ChildServer.class.getName(), data.toString(), rules.toString())
              .redirectErrorStream(true)
              .start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  lines.add("reader failed: " + e);
                }
              });
      reader.setDaemon(true);
      reader.start();
      List<String> seen = new ArrayList<>();
      long deadline = System.nanoTime() + START.toNanos();
      while (true) {
        String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          p.destroyForcibly();
          throw new AssertionError("the child did not start within " + START + ": " + seen);
        }
        seen.add(line);
        if (line.startsWith("serving ")) {
          return new Child(p, URI.create(line.substring(8).strip()));
        }
      }
    }

    String get(String path) throws IOException, InterruptedException {
      HttpResponse<String> r =
          HTTP.send(HttpRequest.newBuilder(uri.resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      return r.body();
    }

    void post(String[] kindAndBody, long expectedSequence)
        throws IOException, InterruptedException {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(uri.resolve("api/" + kindAndBody[0]))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(kindAndBody[1]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(TestJson.object(r.body())).containsEntry("sequence", (double) expectedSequence);
    }

    /** Posts, then waits until the page shows the batch (its alerts evaluated). */
    void postAndAwait(String[] kindAndBody, long expectedSequence)
        throws IOException, InterruptedException {
      post(kindAndBody, expectedSequence);
      var unused = events.awaitSequence(expectedSequence, Served.WAIT);
    }

    Result result() throws IOException, InterruptedException {
      Map<String, Object> figures = TestJson.object(get("api/figures"));
      Map<String, Object> alerts = TestJson.object(get("api/alerts"));
      return new Result(
          TestJson.list(figures.get("tiles")),
          withoutInstants(alerts.get("alerts")),
          withoutInstants(alerts.get("transitions")));
    }

    private static List<Object> withoutInstants(Object list) {
      List<Object> out = new ArrayList<>();
      for (Object o : TestJson.list(list)) {
        Map<String, Object> m = new LinkedHashMap<>(TestJson.map(o));
        m.remove("at");
        out.add(m);
      }
      return out;
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(137); // 128 + SIGKILL
    }

    @Override
    public void close() throws IOException {
      events.close();
      if (process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
