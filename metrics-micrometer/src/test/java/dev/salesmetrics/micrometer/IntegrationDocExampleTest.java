package dev.salesmetrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.rule.Evaluation;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleEngine;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recipe of docs/INTEGRATION.md, run as written there: a live view grouped by team, bound to a
 * {@code PrometheusMeterRegistry}, scraped over HTTP at {@code GET /metrics}.
 */
class IntegrationDocExampleTest {

  @Test
  void prometheusEndpointShowsTheLiveFiguresAndAlertStates() throws Exception {
    RepDirectory directory =
        RepDirectory.of(
            List.of(
                new Rep("R07", "Ada", "East", "EMEA", null),
                new Rep("R12", "Bo", "West", "EMEA", null)));
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.team(directory), Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.WIN_RATE, Metrics.DEALS_WON, Metrics.SALES_VOLUME)
            .retainPeriods(3)
            .build();

    // --- as in docs/INTEGRATION.md ---
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LiveViewMetrics figures =
        LiveViewMetrics.builder(live).tags(Tags.of("application", "shop")).build();
    figures.bindTo(prometheus);
    AlertStateMetrics alertStates = AlertStateMetrics.builder().build();
    alertStates.bindTo(prometheus);

    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          figures.refresh(); // one snapshot of the view per scrape
          byte[] body = prometheus.scrape().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders()
              .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    // --- end ---

    try {
      Instant march = Instant.parse("2025-03-03T00:00:00Z");
      live.record(deal("D1", "R07", march, true));
      live.record(deal("D2", "R07", march, false));
      live.record(deal("D3", "R07", march, false));
      live.record(deal("D4", "R12", march, true));
      Rule lowWinRate =
          Rule.builder("low-win-rate").metric(Metrics.WIN_RATE).per("team").below()
              .warning(0.5).build();
      RuleEngine engine = RuleEngine.builder().rule(lowWinRate).listener(alertStates).build();
      Instant start = Instant.parse("2025-03-01T00:00:00Z");
      Instant end = Instant.parse("2025-04-01T00:00:00Z");
      assertThat(
              engine.evaluate(
                  Evaluation.builder(end, start, end)
                      .value("win_rate", GroupKey.of("team", "East"),
                          Ratio.of(1, 3))
                      .build()))
          .hasSize(1);

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body().lines())
          .contains(
              "# TYPE salesmetrics_win_rate_ratio gauge",
              "salesmetrics_win_rate_ratio{application=\"shop\",period=\"2025-03\",team=\"East\"}"
                  + " 0.3333333333333333",
              "salesmetrics_win_rate_ratio{application=\"shop\",period=\"2025-03\",team=\"West\"}"
                  + " 1.0",
              "salesmetrics_deals_won_total{application=\"shop\",period=\"2025-03\",team=\"East\"}"
                  + " 1.0",
              "salesmetrics_sales_volume_usd{application=\"shop\",currency=\"USD\","
                  + "period=\"2025-03\",team=\"West\"} 400.0",
              "salesmetrics_alert_state{group=\"team=East\",metric=\"win_rate\","
                  + "rule=\"low-win-rate\"} 2.0");
    } finally {
      server.stop(0);
    }
  }

  private static Deal deal(String id, String rep, Instant created, boolean won) {
    Deal.Builder b = Deal.builder(id, rep, Money.of("400.00", "USD"), created);
    Instant closed = created.plus(Duration.ofDays(5));
    return (won ? b.won(closed) : b.lost(closed)).build();
  }
}
