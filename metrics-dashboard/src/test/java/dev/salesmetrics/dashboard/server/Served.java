package dev.salesmetrics.dashboard.server;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A live service over {@link TestData} on a free port, and HTTP helpers. */
final class Served implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);
  static final String RULES =
      """
      rule low-win-rate
        metric: win_rate
        per: rep
        when: below
        warning: 0.5

      rule big-month
        metric: sales_volume
        when: above
        warning: 900
      """;

  final LiveService service;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(WAIT).build();

  Served(LiveService service) {
    this.service = service;
  }

  static List<Rule> rules() {
    return RuleFile.parse(RULES, "rules.txt", Metrics.registry());
  }

  /** A service over the test data with the test rules, posts on. */
  static LiveService.Builder builder(Path dir) throws IOException {
    TestData.write(dir);
    return LiveService.builder(dir)
        .rules(rules())
        .acceptPosts(true)
        .port(0)
        .clock(CLOCK)
        .coalesce(Duration.ofMillis(50));
  }

  URI uri(String path) {
    return service.uri().resolve(path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path)).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
  }

  @CanIgnoreReturnValue
  HttpResponse<String> post(String path, String csv, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "text/csv; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(csv));
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  Map<String, Object> json(String path) throws IOException, InterruptedException {
    return TestJson.object(get(path).body());
  }

  SseStream events() throws IOException, InterruptedException {
    return SseStream.open(client, uri("events"));
  }

  /** The tile of a metric in a figures document. */
  static Map<String, Object> tile(Map<String, Object> figures, String metric) {
    for (Object t : TestJson.list(figures.get("tiles"))) {
      Map<String, Object> m = TestJson.map(t);
      if (metric.equals(m.get("metric"))) {
        return m;
      }
    }
    throw new AssertionError("no tile " + metric + " in " + figures);
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
