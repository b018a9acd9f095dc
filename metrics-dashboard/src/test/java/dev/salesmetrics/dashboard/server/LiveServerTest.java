package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints over real HTTP on 127.0.0.1. */
class LiveServerTest {
  @TempDir Path dir;

  private Served serve() throws IOException {
    return new Served(Served.builder(dir).start());
  }

  @Test
  void thePageIsServedReadOnlyWithItsSecurityHeaders() throws Exception {
    try (Served s = serve()) {
      assertThat(s.service.uri().toString()).startsWith("http://127.0.0.1:");
      HttpResponse<String> r = s.get("/");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
          .startsWith("default-src 'none'; script-src 'sha256-"
              + LiveDashboard.hash(LiveDashboard.SCRIPT).substring(7) + "';")
          .contains("connect-src 'self'");
      assertThat(r.body())
          .startsWith("<!DOCTYPE html>")
          .contains("<h2 id=\"panel-live-h\">Live <span class=\"sub\">current month 2025-12</span>")
          .contains("<h2 id=\"panel-tiles-h\">2025-12 so far <span class=\"sub\">change against"
              + " 2025-11</span></h2>")
          .contains("<div class=\"tile\" id=\"tile-win_rate\">\n<div class=\"tile-label\">Win rate"
              + "</div>\n<div class=\"tile-value\"><span title=\"100.0% (1/1)\">100.0%</span>")
          .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"
              + " script-src &#39;" + LiveDashboard.hash(LiveDashboard.SCRIPT) + "&#39;;")
          .contains("<script>" + LiveDashboard.SCRIPT + "</script>");
      assertThat(r.body().split("<script", -1)).hasSize(2); // the dashboard's script only
      HttpResponse<String> head = s.send(HttpRequest.newBuilder(s.uri("/"))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
    }
  }

  /**
   * December against November, by hand: win rate 1 of 1 against 1 of 2 (+50.0 pp); sales volume
   * 800.00 against 500.00 USD (+60.0%); pipeline at December's start D3's 800.00 USD, over the
   * quotas of 2,000.00 USD a coverage of 40.0%; 1 new customer in each month; churn 0 of 2; no
   * survey answer, so NPS is undefined, never 0.
   */
  @Test
  void figuresGiveTheTilesWithTheirChangeOnThePreviousPeriod() throws Exception {
    try (Served s = serve()) {
      Map<String, Object> f = s.json("/api/figures");
      assertThat(TestJson.map(f.get("period")))
          .containsEntry("label", "2025-12")
          .containsEntry("start", "2025-12-01")
          .containsEntry("end", "2026-01-01");
      assertThat(Served.tile(f, "win_rate"))
          .containsEntry("value", 1.0)
          .containsEntry("text", "100.0%")
          .containsEntry("detail", "1 of 1")
          .containsEntry("previous", 0.5)
          .containsEntry("change", "+50.0 pp");
      assertThat(Served.tile(f, "sales_volume"))
          .containsEntry("value", 800.0)
          .containsEntry("text", "800.00 USD")
          .containsEntry("previousText", "500.00 USD")
          .containsEntry("change", "+60.0%");
      assertThat(Served.tile(f, "pipeline_value")).containsEntry("text", "800.00 USD");
      assertThat(Served.tile(f, "pipeline_coverage")).containsEntry("text", "40.0%");
      assertThat(Served.tile(f, "new_customers"))
          .containsEntry("value", 1.0)
          .containsEntry("previous", 1.0);
      assertThat(Served.tile(f, "churn_rate"))
          .containsEntry("text", "0.0%")
          .containsEntry("detail", "0 of 2");
      assertThat(Served.tile(f, "nps"))
          .containsEntry("value", null)
          .containsEntry("text", "—")
          .containsEntry("detail", "no records in 2025-12");
    }
  }

  @Test
  void aPostedDealUpdatesTheOpenPagesAndTheAlerts() throws Exception {
    try (Served s = serve(); SseStream events = s.events()) {
      assertThat(events.response.headers().firstValue("Content-Type"))
          .contains("text/event-stream; charset=utf-8");
      assertThat(events.next(Served.WAIT)).isEqualTo(new SseStream.Event("retry", "", "2000"));
      SseStream.Event first = events.next(Served.WAIT);
      assertThat(first.name()).isEqualTo("update");
      Map<String, Object> all = TestJson.map(first.json().get("panels"));
      assertThat(all.keySet())
          .containsExactly("panel-live", "panel-tiles", "panel-trends", "panel-pipeline",
              "panel-funnel", "panel-leaderboard", "panel-goals", "panel-leads", "panel-alerts");

      HttpResponse<String> r = s.post("/api/deals", TestData.d4Won());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(TestJson.object(r.body()))
          .containsEntry("kind", "deals")
          .containsEntry("accepted", 1.0)
          .containsEntry("replaced", 1.0)
          .containsEntry("sequence", 1.0);

      Map<String, Object> update = events.awaitSequence(1, Served.WAIT);
      Map<String, Object> panels = TestJson.map(update.get("panels"));
      assertThat((String) panels.get("panel-tiles"))
          .contains(">1,000.00 USD<")
          .contains("<span title=\"100.0% (2/2)\">100.0%</span>");
      assertThat(panels).doesNotContainKey("panel-leads"); // unchanged panels are not sent
      assertThat((String) panels.get("panel-alerts")).contains("<td>big-month</td>");
      List<Object> transitions = TestJson.list(update.get("transitions"));
      assertThat(transitions).hasSize(1);
      assertThat(TestJson.map(transitions.get(0)))
          .containsEntry("rule", "big-month")
          .containsEntry("from", "INACTIVE")
          .containsEntry("state", "FIRING")
          .containsEntry("level", "warning");

      Map<String, Object> alerts = s.json("/api/alerts");
      assertThat(TestJson.list(alerts.get("alerts")))
          .extracting(a -> TestJson.map(a).get("rule") + " " + TestJson.map(a).get("state"))
          .containsExactly("big-month FIRING");
      Map<String, Object> f = s.json("/api/figures");
      assertThat(f).containsEntry("sequence", 1.0);
      assertThat(Served.tile(f, "sales_volume")).containsEntry("text", "1000.00 USD");
    }
  }

  @Test
  void aFileDroppedInTheInboxReachesTheOpenPages() throws Exception {
    Path inbox = dir.resolve("inbox");
    try (Served s =
            new Served(
                Served.builder(dir).inbox(inbox).inboxInterval(Duration.ofMillis(20)).start());
        SseStream events = s.events()) {
      assertThat(s.service.inbox()).contains(inbox);
      Path part = inbox.resolve("deals-1.csv.part");
      Files.writeString(part, TestData.d4Won(), StandardCharsets.UTF_8);
      Files.move(part, inbox.resolve("deals-1.csv"), StandardCopyOption.ATOMIC_MOVE);
      Map<String, Object> update = events.awaitSequence(1, Served.WAIT);
      assertThat((String) TestJson.map(update.get("panels")).get("panel-tiles"))
          .contains(">1,000.00 USD<");
      // the poller holds the inbox while it works: once this returns, the file has moved
      assertThat(s.service.inboxPoller().orElseThrow().processPending()).isEmpty();
      assertThat(inbox.resolve("done/deals-1.csv")).hasContent(TestData.d4Won());
    }
  }

  @Test
  void aBadRowAnswers400WithLineAndColumnAndAppliesNothing() throws Exception {
    try (Served s = serve()) {
      String body =
          TestData.DEALS_HEADER
              + "D6,R1,50.00,USD,2025-12-04T09:00:00Z,won,2025-12-07T10:00:00Z,\n"
              + "D7,R1,50.00,USD,2025-12-04T09:00:00Z,won,2025-12-01T10:00:00Z,\n";
      HttpResponse<String> r = s.post("/api/deals", body);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(TestJson.object(r.body()))
          .containsEntry("file", "deals.csv")
          .containsEntry("line", 3.0)
          .containsEntry("column", "closed_at")
          .containsEntry("value", "2025-12-01T10:00:00Z")
          .containsEntry(
              "error",
              "deals.csv:3: column closed_at: \"2025-12-01T10:00:00Z\": closed_at"
                  + " 2025-12-01T10:00:00Z is before created_at 2025-12-04T09:00:00Z for deal D7");
      assertThat(s.service.data().journalSequence()).isZero();
      assertThat(s.post("/api/deals", "").statusCode()).isEqualTo(400);
      assertThat(s.post("/api/orders", "order_id\nO1\n").body())
          .contains("missing required column customer_id");
    }
  }

  @Test
  void withATokenPostsNeedTheBearerHeader() throws Exception {
    try (Served s = new Served(Served.builder(dir).token("s3cret-token").start())) {
      HttpResponse<String> none = s.post("/api/deals", TestData.d4Won());
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .contains("Bearer realm=\"salesmetrics\"");
      assertThat(s.post("/api/deals", TestData.d4Won(), "Authorization", "Bearer wrong")
              .statusCode())
          .isEqualTo(401);
      assertThat(s.post("/api/deals", TestData.d4Won(), "Authorization", "Basic s3cret-token")
              .statusCode())
          .isEqualTo(401);
      assertThat(s.post("/api/deals", TestData.d4Won(), "Authorization", "Bearer s3cret-token")
              .statusCode())
          .isEqualTo(200);
      assertThat(s.get("/api/figures").statusCode()).isEqualTo(200); // reading needs no token
    }
  }

  @Test
  void postsAreOffUnlessAccepted() throws Exception {
    try (Served s = new Served(Served.builder(dir).acceptPosts(false).start())) {
      HttpResponse<String> r = s.post("/api/deals", TestData.d4Won());
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("posting records is off: start the server with --accept-posts");
    }
  }

  @Test
  void refusesForeignOriginsOtherMediaTypesAndLargeBodies() throws Exception {
    try (Served s = new Served(Served.builder(dir).maxBodyBytes(300).start())) {
      HttpResponse<String> cross =
          s.post("/api/deals", TestData.d4Won(), "Origin", "http://evil.example");
      assertThat(cross.statusCode()).isEqualTo(403);
      assertThat(cross.body()).contains("posts from another origin are refused");
      String self = "http://127.0.0.1:" + s.service.uri().getPort();
      assertThat(s.post("/api/deals", TestData.d4Won(), "Origin", self).statusCode())
          .isEqualTo(200);
      assertThat(s.post("/api/deals", TestData.d4Won(), "Content-Type", "text/plain")
              .statusCode())
          .isEqualTo(415);
      assertThat(s.post("/api/deals", TestData.d4Won(), "Content-Type",
              "text/csv; charset=iso-8859-1").statusCode())
          .isEqualTo(415);
      String big = TestData.DEALS_HEADER + "x".repeat(400) + "\n";
      HttpResponse<String> tooLarge = s.post("/api/deals", big);
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(tooLarge.body()).contains("the body is larger than 300 bytes");
    }
  }

  @Test
  void unknownPathsAnswer404AndOtherMethods405() throws Exception {
    try (Served s = serve()) {
      assertThat(s.get("/nope").statusCode()).isEqualTo(404);
      assertThat(s.get("/api/quotas").statusCode()).isEqualTo(404);
      assertThat(s.get("/api/deals/").statusCode()).isEqualTo(404);
      HttpResponse<String> getDeals = s.get("/api/deals");
      assertThat(getDeals.statusCode()).isEqualTo(405);
      assertThat(getDeals.headers().firstValue("Allow")).contains("POST");
      HttpResponse<String> postPage = s.post("/", TestData.d4Won());
      assertThat(postPage.statusCode()).isEqualTo(405);
      assertThat(postPage.headers().firstValue("Allow")).contains("GET, HEAD");
      assertThat(s.send(HttpRequest.newBuilder(s.uri("/events")).DELETE()).statusCode())
          .isEqualTo(405);
      assertThat(s.post("/api/figures", "x").statusCode()).isEqualTo(405);
    }
  }

  /** Against DNS rebinding: a loopback server answers loopback host names only. */
  @Test
  void aForeignHostHeaderIsRefused() throws Exception {
    try (Served s = serve()) {
      int port = s.service.uri().getPort();
      assertThat(rawStatus(port, "evil.example:" + port)).isEqualTo(403);
      assertThat(rawStatus(port, "localhost:" + port)).isEqualTo(200);
      assertThat(rawStatus(port, "127.0.0.1:" + port)).isEqualTo(200);
    }
  }

  private static int rawStatus(int port, String host) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/figures HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  /** A rep id that is a script is text everywhere: page, panels, JSON. */
  @Test
  void userStringsAreEscapedEverywhere() throws Exception {
    String evil = "<script>alert(1)</script>";
    try (Served s = serve(); SseStream events = s.events()) {
      String body =
          TestData.DEALS_HEADER
              + "D8,\"" + evil + "\",10.00,USD,2025-12-04T09:00:00Z,lost,"
              + "2025-12-05T10:00:00Z,\"<b>stage</b>\"\n";
      assertThat(s.post("/api/deals", body).statusCode()).isEqualTo(200);
      SseStream.Event update =
          events.await(
              e -> e.name().equals("update") && e.data().contains("\"sequence\":1"),
              Served.WAIT);
      assertThat(update.data()).doesNotContain("<script>").doesNotContain("alert(1)</");
      String alertsPanel =
          (String) TestJson.map(update.json().get("panels")).get("panel-alerts");
      assertThat(alertsPanel)
          .contains("rep &lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain(evil);
      String page = s.get("/").body();
      assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(evil);
      String alerts = s.get("/api/alerts").body();
      assertThat(alerts).contains("\\u003cscript\\u003ealert(1)").doesNotContain("<script>");
      Map<String, Object> json = TestJson.object(alerts);
      assertThat(TestJson.list(json.get("alerts")))
          .anySatisfy(
              a -> assertThat(TestJson.map(TestJson.map(a).get("group")))
                  .containsEntry("rep", evil));
    }
  }

  @Test
  void extraRoutesAreServedAndBuiltInPathsCannotBeTaken() throws Exception {
    try (Served s =
        new Served(
            Served.builder(dir)
                .route(
                    "/metrics",
                    ex -> {
                      byte[] b = "salesmetrics_up 1\n".getBytes(StandardCharsets.UTF_8);
                      ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
                      ex.sendResponseHeaders(200, b.length);
                      ex.getResponseBody().write(b);
                    })
                .start())) {
      HttpResponse<String> r = s.get("/metrics");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("salesmetrics_up 1\n");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      LiveServer.Builder b = LiveServer.builder(s.service.dashboard());
      assertThatThrownBy(() -> b.route("/api/deals", ex -> {}))
          .hasMessage("route path is built in: /api/deals");
      assertThatThrownBy(() -> b.route("metrics", ex -> {}))
          .hasMessage("route path must start with / and hold no query: metrics");
    }
  }
}
