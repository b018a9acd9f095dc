package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.aggregate.LiveView;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A subscriber that never reads fills its socket and its queue and is dropped, while another
 * subscriber receives every update at once and other requests are answered: the update thread
 * never waits for a subscriber.
 */
class SlowSubscriberTest {
  @Test
  @Timeout(120)
  void aSubscriberThatDoesNotReadIsDroppedWithoutStallingTheOthers() throws Exception {
    LiveView view = TestViews.dealsByMonth();
    view.record(TestViews.won(0));
    try (LiveDashboard dashboard =
            LiveDashboard.builder()
                .views(List.of(view))
                .page(TestViews.bigPanel(64 * 1024))
                .coalesce(Duration.ZERO)
                .subscriberQueue(4)
                .build();
        LiveServer server = LiveServer.builder(dashboard).port(0).start();
        Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096); // before connecting, so that the window stays small
      slow.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.uri().getPort()));
      OutputStream out = slow.getOutputStream();
      out.write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + server.uri().getPort()
              + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      HttpClient client = HttpClient.newHttpClient();
      try (SseStream good = SseStream.open(client, server.uri().resolve("events"))) {
        good.await(e -> e.name().equals("update"), Served.WAIT);
        // the slow socket is subscribed once the dashboard counts two subscribers
        int updates = 0;
        for (int i = 1; dashboard.droppedSubscribers() == 0; i++) {
          assertThat(i).as("updates before the slow subscriber was dropped").isLessThan(400);
          view.record(TestViews.won(i));
          dashboard.changed();
          dashboard.update();
          long version = dashboard.figures().version();
          good.await(
              e -> e.name().equals("update") && e.id().equals(Long.toString(version)),
              Served.WAIT);
          updates++;
          if (i == 1) {
            assertThat(dashboard.subscribers()).isEqualTo(2);
          }
        }
        assertThat(updates).isGreaterThan(4);
        assertThat(dashboard.droppedSubscribers()).isEqualTo(1);
        assertThat(dashboard.subscribers()).isEqualTo(1);

        // other requests are answered, and the good subscriber still gets updates
        HttpResponse<String> figures =
            client.send(
                HttpRequest.newBuilder(server.uri().resolve("api/figures")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(figures.statusCode()).isEqualTo(200);
        view.record(TestViews.won(10_000));
        dashboard.changed();
        dashboard.update();
        long last = dashboard.figures().version();
        good.await(
            e -> e.name().equals("update") && e.id().equals(Long.toString(last)), Served.WAIT);

        // the server closed the slow connection: reading it to the end terminates
        slow.setSoTimeout((int) Served.WAIT.toMillis());
        InputStream in = slow.getInputStream();
        byte[] buf = new byte[65536];
        while (in.read(buf) >= 0) {
          // drain what was sent before the drop
        }
      }
    }
  }
}
