package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesmetrics serve}, run in-process on a thread and stopped by an interrupt. */
class ServeCommandTest {
  private static final String DEALS =
      """
      deal_id,rep_id,amount,currency,created_at,status,closed_at
      D1,R1,500.00,USD,2025-11-02T10:00:00Z,won,2025-11-20T10:00:00Z
      D2,R1,300.00,USD,2025-11-05T10:00:00Z,open,
      """;

  @TempDir Path dir;

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

  @Test
  @Timeout(120)
  void servesTheDataUntilStoppedAndKeepsWhatWasPosted() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("deals.csv"), DEALS, StandardCharsets.UTF_8);
    Path rules = dir.resolve("rules.txt");
    Files.writeString(
        rules, "rule big\n  metric: sales_volume\n  when: above\n  warning: 600\n",
        StandardCharsets.UTF_8);
    Lines out = new Lines();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "serve", "--data", data.toString(), "--port", "0", "--accept-posts",
                        "--rules", rules.toString())));
    serve.start();
    String first = out.lines.poll(60, TimeUnit.SECONDS);
    assertThat(first).as(err.toString()).isNotNull().startsWith("salesmetrics: serving http://127.0.0.1:");
    assertThat(out.lines.poll(10, TimeUnit.SECONDS))
        .isEqualTo("  posts on, no token; 1 rules; journal 0 batches");
    String rest = first.substring("salesmetrics: serving ".length());
    URI uri = URI.create(rest.substring(0, rest.indexOf(' ')));
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> figures =
        http.send(HttpRequest.newBuilder(uri.resolve("api/figures")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(figures.statusCode()).isEqualTo(200);
    assertThat(figures.body()).contains("\"label\":\"2025-11\"").contains("500.00 USD");
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(uri.resolve("api/deals"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(
                    """
                    deal_id,rep_id,amount,currency,created_at,status,closed_at
                    D2,R1,300.00,USD,2025-11-05T10:00:00Z,won,2025-11-21T10:00:00Z
                    """))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(200);
    serve.interrupt();
    serve.join(60_000);
    assertThat(serve.isAlive()).isFalse();
    assertThat(code.get()).as(err.toString()).isZero();
    assertThat(data.resolve(".salesmetrics/journal.txt")).content().contains("D2,R1,300.00");
    assertThat(data.resolve(".salesmetrics/alert-state.txt")).exists();
  }

  @Test
  void badUsageExitsWith2() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Cli.Result noPosts = Cli.run("serve", "--data", data.toString(), "--token", "t");
    assertThat(noPosts.code()).isEqualTo(2);
    assertThat(noPosts.err()).contains("--token protects posts: add --accept-posts");
    Cli.Result badPort = Cli.run("serve", "--data", data.toString(), "--port", "70000");
    assertThat(badPort.code()).isEqualTo(2);
    assertThat(badPort.err()).contains("--port must be in 0..65535: 70000");
    Cli.Result missing = Cli.run("serve", "--data", dir.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a directory");
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "abc\n", StandardCharsets.UTF_8);
    Cli.Result both =
        Cli.run("serve", "--data", data.toString(), "--accept-posts", "--token", "t",
            "--token-file", tokenFile.toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("give --token or --token-file, not both");
    Cli.Result by = Cli.run("serve", "--data", data.toString(), "--by", "region");
    assertThat(by.code()).isEqualTo(2);
    assertThat(by.err()).contains("--by must be rep or team: \"region\"");
    Cli.Result hook =
        Cli.run("serve", "--data", data.toString(), "--webhook",
            "ftp://user:pa55word@example.com/s3cr3t");
    assertThat(hook.code()).isEqualTo(2);
    assertThat(hook.err())
        .contains("--webhook: webhook URL must be http or https: scheme ftp")
        .doesNotContain("pa55word", "s3cr3t");
    Cli.Result format =
        Cli.run("serve", "--data", data.toString(), "--webhook", "http://127.0.0.1:9/x",
            "--webhook-format", "teams");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("--webhook-format: unknown webhook format \"teams\"");
  }

  @Test
  void aTakenPortIsAUsageError() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli.Result r =
          Cli.run("serve", "--data", data.toString(), "--port",
              Integer.toString(taken.getLocalPort()));
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void moneyOfTwoCurrenciesInOneFigureExitsWith3() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        data.resolve("deals.csv"),
        """
        deal_id,rep_id,amount,currency,created_at,status,closed_at
        D1,R1,1.00,USD,2025-11-02T10:00:00Z,won,2025-11-03T10:00:00Z
        D2,R1,1.00,EUR,2025-11-02T10:00:00Z,won,2025-11-03T10:00:00Z
        """,
        StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("serve", "--data", data.toString(), "--port", "0");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("salesmetrics: bad data: ").contains("EUR").contains("USD");
  }

  @Test
  void aBadRowInTheDataExitsWith3() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        data.resolve("deals.csv"),
        "deal_id,rep_id,amount,currency,created_at,status\nD1,R1,1.005,USD,"
            + "2025-11-02T10:00:00Z,open\n",
        StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("serve", "--data", data.toString(), "--port", "0");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains("bad data in " + data.resolve("deals.csv") + ", line 2, column amount");
  }

  @Test
  void aTeamLeaderboardOrTeamRuleWithoutRepsCsvExitsWith3() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("deals.csv"), DEALS, StandardCharsets.UTF_8);
    Cli.Result byTeam =
        Cli.run("serve", "--data", data.toString(), "--port", "0", "--by", "team");
    assertThat(byTeam.code()).as(byTeam.err()).isEqualTo(3);
    assertThat(byTeam.err())
        .isEqualTo("salesmetrics: bad data: --by team reads reps.csv but the data directory has"
            + " no reps.csv\n");
    Path rules = dir.resolve("rules.txt");
    Files.writeString(
        rules, "rule T1\n  metric: win_rate\n  per: team\n  when: below\n  warning: 0.2\n",
        StandardCharsets.UTF_8);
    Cli.Result perTeam =
        Cli.run("serve", "--data", data.toString(), "--port", "0", "--rules", rules.toString());
    assertThat(perTeam.code()).as(perTeam.err()).isEqualTo(3);
    assertThat(perTeam.err())
        .contains("rule T1 is per team, which reads reps.csv, but the data directory has no"
            + " reps.csv");
  }
}
