package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code salesmetrics serve} with {@code --webhook} and its {@code GET /metrics}, run in-process
 * on a thread and stopped by an interrupt, against a receiver on 127.0.0.1.
 *
 * <p>The data, by hand: November 2025 is the current month. R1 won D1 (500.00 USD) and has D2
 * (300.00) open; R2 lost D3 (100.00). Win rate 1 of 2 overall, R1 1 of 1, R2 0 of 1 (below 0.5:
 * {@code low-win-rate} fires for R2 at start); won amount 500.00, under 600 ({@code big} is
 * inactive). D2 posted as won: 800.00 (big fires), win rate 2 of 3.
 */
class ServeAlertsAndMetricsTest {
  private static final String DEALS =
      """
      deal_id,rep_id,amount,currency,created_at,status,closed_at
      D1,R1,500.00,USD,2025-11-02T10:00:00Z,won,2025-11-20T10:00:00Z
      D2,R1,300.00,USD,2025-11-05T10:00:00Z,open,
      D3,R2,100.00,USD,2025-11-03T10:00:00Z,lost,2025-11-10T10:00:00Z
      """;

  private static final String D2_WON =
      """
      deal_id,rep_id,amount,currency,created_at,status,closed_at
      D2,R1,300.00,USD,2025-11-05T10:00:00Z,won,2025-11-21T10:00:00Z
      """;

  private static final String RULES =
      """
      rule big
        metric: sales_volume
        when: above
        warning: 600

      rule low-win-rate
        metric: win_rate
        per: rep
        when: below
        warning: 0.5
      """;

  @TempDir Path dir;
  private Path data;
  private Path rules;
  private HttpServer receiver;
  private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() throws IOException {
    data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("deals.csv"), DEALS, StandardCharsets.UTF_8);
    rules = dir.resolve("rules.txt");
    Files.writeString(rules, RULES, StandardCharsets.UTF_8);
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void tearDown() {
    receiver.stop(0);
  }

  /** Hands each printed line to a queue. */
  private static final class Lines extends Writer {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder current = new StringBuilder();

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          lines.add(current.toString());
          current.setLength(0);
        } else if (buf[i] != '\r') {
          current.append(buf[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** {@code salesmetrics serve} on a thread. */
  private final class Serve implements AutoCloseable {
    final Thread thread;
    final AtomicInteger code = new AtomicInteger(-1);
    final StringWriter err = new StringWriter();
    final Lines out = new Lines();
    final URI uri;
    final String settings;

    Serve(String... more) throws InterruptedException {
      List<String> args =
          new ArrayList<>(List.of("serve", "--data", data.toString(), "--port", "0",
              "--accept-posts", "--rules", rules.toString()));
      args.addAll(List.of(more));
      thread =
          new Thread(
              () ->
                  code.set(
                      Main.run(new PrintWriter(out), new PrintWriter(err),
                          args.toArray(new String[0]))));
      thread.start();
      String first = out.lines.poll(60, TimeUnit.SECONDS);
      assertThat(first).as(err.toString()).isNotNull().startsWith("salesmetrics: serving ");
      settings = out.lines.poll(10, TimeUnit.SECONDS);
      String rest = first.substring("salesmetrics: serving ".length());
      uri = URI.create(rest.substring(0, rest.indexOf(' ')));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri.resolve(path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Posts D2 as won and waits until the page's event stream has the update with it. */
    void postD2Won() throws IOException, InterruptedException {
      HttpResponse<Stream<String>> events =
          http.send(HttpRequest.newBuilder(uri.resolve("events")).build(),
              HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = events.body()) {
        Iterator<String> it = lines.iterator();
        while (!it.next().startsWith("data: ")) {
          // the first update: every panel
        }
        HttpResponse<String> posted =
            http.send(
                HttpRequest.newBuilder(uri.resolve("api/deals"))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(D2_WON))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        String line;
        do {
          line = it.next();
        } while (!(line.startsWith("data: ") && line.contains("\"sequence\":1")));
      }
    }

    @Override
    public void close() {
      thread.interrupt();
      try {
        thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while serve stopped", e);
      }
      assertThat(thread.isAlive()).isFalse();
      assertThat(code.get()).as(err.toString()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "slack", "alertmanager"})
  @Timeout(120)
  void aRuleFiringAfterAPostReachesTheWebhookInEachFormat(String format) throws Exception {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/s3cr3t";
    String body;
    try (Serve s = new Serve("--webhook", url, "--webhook-format", format)) {
      assertThat(s.settings)
          .isEqualTo("  posts on, no token; 2 rules; alerts to the webhook (" + format
              + "); journal 0 batches");
      // at start, the alert in force (R2's win rate) is told, once
      String atStart = bodies.poll(30, TimeUnit.SECONDS);
      assertThat(atStart).isNotNull().contains("low-win-rate");
      s.postD2Won();
      body = bodies.poll(30, TimeUnit.SECONDS);
      assertThat(s.err.toString()).isEmpty();
    }
    assertThat(body).isNotNull();
    switch (format) {
      case "json" ->
          assertThat(body)
              .startsWith("{\"source\":\"salesmetrics\",\"version\":1,\"rule\":\"big\","
                  + "\"metric\":\"sales_volume\",\"group\":{},\"group_label\":\"overall\","
                  + "\"from\":\"inactive\",\"to\":\"firing\",\"firing\":true,"
                  + "\"level\":\"warning\",\"value\":800")
              .contains("\"threshold\":600", "\"label\":\"2025-11\"");
      case "slack" ->
          assertThat(body).startsWith("{\"text\":\"[FIRING warning] big, overall: ");
      default ->
          assertThat(body)
              .startsWith("[{\"labels\":{\"alertname\":\"big\",\"severity\":\"warning\","
                  + "\"metric\":\"sales_volume\"}")
              .contains("\"startsAt\":")
              .doesNotContain("\"endsAt\":");
    }
    assertThat(bodies).isEmpty(); // nothing else, nothing twice
  }

  @Test
  @Timeout(120)
  void aScrapeShowsTheFiguresAndAlertStatesAndFollowsAPostAndARestart() throws Exception {
    try (Serve s = new Serve()) {
      HttpResponse<String> first = s.get("/metrics");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Content-Type"))
          .contains("text/plain; version=0.0.4; charset=utf-8");
      assertThat(first.body().lines())
          .contains(
              "salesmetrics_win_rate_ratio{period=\"2025-11\"} 0.5",
              "salesmetrics_by_rep_win_rate_ratio{period=\"2025-11\",rep=\"R1\"} 1.0",
              "salesmetrics_by_rep_win_rate_ratio{period=\"2025-11\",rep=\"R2\"} 0.0",
              "salesmetrics_sales_volume_usd{currency=\"USD\",period=\"2025-11\"} 500.0",
              "salesmetrics_alert_state{group=\"rep=R2\",metric=\"win_rate\","
                  + "rule=\"low-win-rate\"} 2.0");
      assertThat(first.body()).doesNotContain("rule=\"big\"");

      s.postD2Won();

      assertThat(s.get("/metrics").body().lines())
          .contains(
              "salesmetrics_win_rate_ratio{period=\"2025-11\"} 0.6666666666666666",
              "salesmetrics_sales_volume_usd{currency=\"USD\",period=\"2025-11\"} 800.0",
              "salesmetrics_alert_state{group=\"overall\",metric=\"sales_volume\",rule=\"big\"}"
                  + " 2.0");
      HttpResponse<String> post =
          http.send(HttpRequest.newBuilder(s.uri.resolve("metrics"))
                  .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }
    // after a restart the alert states restored from the saved state show at once
    try (Serve s = new Serve()) {
      assertThat(s.get("/metrics").body().lines())
          .contains(
              "salesmetrics_alert_state{group=\"overall\",metric=\"sales_volume\",rule=\"big\"}"
                  + " 2.0",
              "salesmetrics_alert_state{group=\"rep=R2\",metric=\"win_rate\","
                  + "rule=\"low-win-rate\"} 2.0",
              "salesmetrics_sales_volume_usd{currency=\"USD\",period=\"2025-11\"} 800.0");
    }
  }
}
