package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Splitter;
import com.sun.net.httpserver.HttpServer;
import dev.salesmetrics.io.SampleData;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesmetrics alerts --webhook}: every transition reaches a local receiver. */
class AlertsWebhookTest {
  @TempDir static Path sample;
  static Path rules;

  private HttpServer server;
  private final List<String> bodies = new ArrayList<>();
  private volatile int status = 200;

  @BeforeAll
  static void writeSample() throws IOException {
    SampleData.writeCsv(sample.resolve("data"));
    rules = sample.resolve("default-rules.txt");
    try (InputStream in = AlertsWebhookTest.class.getResourceAsStream("/default-rules.txt")) {
      assertThat(in).as("default-rules.txt on the class path").isNotNull();
      Files.copy(in, rules);
    }
  }

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            synchronized (bodies) {
              bodies.add(body);
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  private Cli.Result alerts(String... more) {
    List<String> args = new ArrayList<>(List.of("alerts", "--data",
        sample.resolve("data").toString(), "--rules", rules.toString(), "--period", "quarter"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  private List<String> received() {
    synchronized (bodies) {
      return List.copyOf(bodies);
    }
  }

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void jsonFormatDeliversEveryPrintedTransitionInOrder() {
    Cli.Result r = alerts("--webhook", url("/hook"));

    assertThat(r.code()).as(r.err()).isZero();
    List<String> printed = AlertsCommandTest.transitions(r);
    assertThat(printed).isNotEmpty();
    List<String> got = received();
    assertThat(got).hasSameSizeAs(printed);
    for (int i = 0; i < printed.size(); i++) {
      List<String> cols = Splitter.on(' ').omitEmptyStrings().splitToList(printed.get(i));
      String body = got.get(i);
      assertThat(body).startsWith("{\"source\":\"salesmetrics\",\"version\":1,");
      assertThat(all(Pattern.compile("\"rule\":\"([^\"]+)\""), body)).containsExactly(cols.get(1));
      assertThat(all(Pattern.compile("\"label\":\"([^\"]+)\""), body)).containsExactly(cols.get(0));
    }
  }

  @Test
  void slackFormatSendsTheSentenceAsText() {
    Cli.Result r = alerts("--webhook", url("/services/T0/B0/x"), "--webhook-format", "slack");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> got = received();
    assertThat(got).hasSameSizeAs(AlertsCommandTest.transitions(r));
    assertThat(got).allMatch(b -> b.matches("\\{\"text\":\"\\[[A-Z]+( [a-z]+)?\\] .*\"}"));
  }

  @Test
  void alertmanagerFormatSendsFiringAndResolvingTransitionsOnly() {
    Cli.Result r = alerts("--webhook", url("/api/v2/alerts"), "--webhook-format", "alertmanager");

    assertThat(r.code()).as(r.err()).isZero();
    long firingOrResolving =
        AlertsCommandTest.transitions(r).stream()
            .filter(l -> l.matches(".*(-> firing|-> recovering|firing -> resolved"
                + "|recovering -> resolved) .*"))
            .count();
    assertThat(firingOrResolving).isPositive();
    List<String> got = received();
    assertThat(got).hasSize((int) firingOrResolving);
    assertThat(got).allMatch(b -> b.startsWith("[{\"labels\":{\"alertname\":"));
    assertThat(got).anyMatch(b -> b.contains("\"endsAt\":"));
  }

  @Test
  void undeliveredNotificationsExitWithFiveAndNoSecretOnStderr() {
    status = 400;
    Cli.Result r =
        alerts("--webhook", "http://user:pa55word@127.0.0.1:" + server.getAddress().getPort()
            + "/hook/s3cr3t?token=t0ken-value");

    assertThat(r.code()).isEqualTo(AlertsCommand.WEBHOOK_FAILED);
    assertThat(r.lines().get(0)).matches("period +rule +group +transition +level +why");
    int transitions = AlertsCommandTest.transitions(r).size();
    assertThat(received()).hasSize(transitions);
    assertThat(r.errors())
        .startsWith("salesmetrics: webhook WebhookListener[http://127.0.0.1:"
            + server.getAddress().getPort() + "/…, json, 0 pending]: " + transitions + " of "
            + transitions + " notifications not delivered (" + transitions + " failed, 0 dropped);"
            + " last failure: HTTP 400 is not retried")
        .doesNotContain("user", "pa55word", "s3cr3t", "t0ken-value");
  }

  @Test
  void onlyAllPostsEveryTransitionAndTheDefaultOnlyThePrintedOnes() {
    Cli.Result all = alerts("--webhook", url("/hook"), "--only", "all");
    assertThat(all.code()).as(all.err()).isZero();
    int every = received().size();
    assertThat(every).isEqualTo(AlertsCommandTest.transitions(all).size());
    synchronized (bodies) {
      bodies.clear();
    }
    Cli.Result shown = alerts("--webhook", url("/hook"));
    assertThat(received()).hasSameSizeAs(AlertsCommandTest.transitions(shown)).hasSizeLessThan(every);
  }

  @Test
  void badWebhookOptionsAreUsageErrorsThatShowNoSecret() {
    Cli.Result scheme = alerts("--webhook", "ftp://user:pa55word@example.com/s3cr3t");
    assertThat(scheme.code()).isEqualTo(2);
    assertThat(scheme.err())
        .contains("--webhook: webhook URL must be http or https: scheme ftp")
        .doesNotContain("pa55word", "s3cr3t");

    Cli.Result syntax = alerts("--webhook", "http://example.com/s3cr3t path");
    assertThat(syntax.code()).isEqualTo(2);
    assertThat(syntax.err())
        .contains("--webhook is not a valid URL: Illegal character in path at index 25")
        .doesNotContain("s3cr3t");

    Cli.Result format = alerts("--webhook", url("/"), "--webhook-format", "teams");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("unknown webhook format \"teams\"");
    assertThat(received()).isEmpty();
  }
}
