package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.LiveView;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An embedder's own live view, and the event stream written to any output stream. */
class LiveDashboardTest {
  @Test
  void streamsUpdatesOfAnEmbeddersViewToAnyOutputStream() throws Exception {
    LiveView view = TestViews.dealsByMonth();
    view.record(TestViews.won(0));
    LiveDashboard dashboard =
        LiveDashboard.builder()
            .views(List.of(view))
            .heartbeat(Duration.ofMillis(50))
            .coalesce(Duration.ofMillis(20))
            .build();
    try {
      // the report's page over the view: no records, so no pipeline, funnel, leads; no view per
      // rep, so no leaderboard or goals; the current period counts as complete
      assertThat(dashboard.page())
          .contains("<div class=\"tile\" id=\"tile-sales_volume\">")
          .contains("2025-12 at a glance")
          .contains(">10.00 USD<")
          .doesNotContain("id=\"panel-pipeline\"", "id=\"panel-leaderboard\"");
      PipedInputStream in = new PipedInputStream(1 << 16);
      PipedOutputStream out = new PipedOutputStream(in);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  dashboard.stream(out);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      try (SseStream events = new SseStream(in)) {
        assertThat(events.next(Served.WAIT).name()).isEqualTo("retry");
        assertThat(events.next(Served.WAIT).name()).isEqualTo("update");
        view.record(TestViews.won(1));
        dashboard.changed();
        SseStream.Event e = events.await(ev -> ev.name().equals("update"), Served.WAIT);
        Map<String, Object> panels = TestJson.map(e.json().get("panels"));
        assertThat((String) panels.get("panel-tiles")).contains(">20.00 USD<");
        assertThat(panels).doesNotContainKey("panel-alerts"); // unchanged
        assertThat(dashboard.figures().period().orElseThrow().label()).isEqualTo("2025-12");
        assertThat(events.await(ev -> ev.name().equals("comment"), Served.WAIT).data())
            .isEqualTo("keep-alive");
        dashboard.close();
        writer.get(20, TimeUnit.SECONDS); // the stream ends when the dashboard closes
        assertThat(dashboard.subscribers()).isZero();
        assertThatThrownBy(() -> dashboard.stream(new java.io.ByteArrayOutputStream()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("the dashboard is closed");
      }
    } finally {
      dashboard.close();
    }
  }

  @Test
  void refusesSubscribersOverTheMaximum() throws Exception {
    LiveView view = TestViews.dealsByMonth();
    try (LiveDashboard dashboard =
        LiveDashboard.builder().views(List.of(view)).maxSubscribers(1).build()) {
      LiveDashboard.Subscription first = dashboard.subscribe();
      assertThat(first).isNotNull();
      assertThatThrownBy(() -> dashboard.stream(new java.io.ByteArrayOutputStream()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("too many subscribers: 1");
      assertThat(dashboard.figures().period()).isEmpty();
      assertThat(dashboard.figuresJson()).contains("\"period\":null");
    }
  }

  @Test
  void checksItsSettings() {
    assertThatThrownBy(() -> LiveDashboard.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("give either data(...) or views(...)");
    assertThatThrownBy(() -> LiveDashboard.builder().coalesce(Duration.ofSeconds(2)))
        .hasMessage("coalescing interval must be in [0, 1 s]: PT2S");
    assertThatThrownBy(() -> LiveDashboard.builder().subscriberQueue(0))
        .hasMessage("subscriber queue must be >= 1: 0");
  }
}
