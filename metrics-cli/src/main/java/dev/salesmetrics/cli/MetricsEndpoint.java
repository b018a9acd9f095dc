package dev.salesmetrics.cli;

import com.google.common.collect.ImmutableList;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.dashboard.server.AlertStatus;
import dev.salesmetrics.dashboard.server.LiveDashboard;
import dev.salesmetrics.dashboard.server.LiveFigures;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.micrometer.AlertStateMetrics;
import dev.salesmetrics.micrometer.LiveViewMetrics;
import dev.salesmetrics.model.SalesRecord;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * {@code GET /metrics} of {@code salesmetrics serve}: the live figures and the alert states in the
 * Prometheus text format, through Micrometer's {@link PrometheusMeterRegistry}.
 *
 * <p>Each table of the dashboard's latest figures is exported by a {@link LiveViewMetrics}: the
 * overall figures under {@code salesmetrics.*} ({@code salesmetrics_win_rate_ratio}), the figures
 * per dimension under {@code salesmetrics.by.<dimension>.*} ({@code
 * salesmetrics_by_rep_win_rate_ratio{rep="R07"}}), so that one name has one set of tag keys, as
 * Prometheus wants; only the current period is exported. The alert states are an {@link
 * AlertStateMetrics}, a listener of the dashboard's rules, seeded with the alerts restored at
 * start. A scrape reads the figures of the dashboard's last update: it computes nothing.
 */
final class MetricsEndpoint implements HttpHandler {
  /** A table with no row: the figures of a grouping that has none yet. */
  private static final MetricTable EMPTY =
      Query.of(List.<SalesRecord>of()).groupBy(Dimension.REP).metrics(Metrics.DEALS_WON).run();

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AlertStateMetrics alertStates = AlertStateMetrics.builder().build();
  private final Map<List<String>, LiveViewMetrics> tables = new LinkedHashMap<>();
  @Nullable private volatile LiveDashboard dashboard;
  @Nullable private LiveFigures current; // guarded by this

  MetricsEndpoint() {
    alertStates.bindTo(registry);
  }

  /** The listener to add to the dashboard's rules. */
  AlertStateMetrics alertStates() {
    return alertStates;
  }

  /**
   * Starts answering with the figures of {@code started}, and shows the alerts it restored (a
   * restart tells the listener nothing of them).
   */
  void start(LiveDashboard started) {
    for (AlertStatus a : started.figures().alerts()) {
      alertStates.restore(a.ruleId(), a.metricId(), a.group(), a.state(), a.level());
    }
    this.dashboard = started;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      send(ex, 405, "application/json; charset=utf-8",
          "{\"error\":\"" + method.replaceAll("[^A-Za-z]", "?")
              + " is not allowed here; allowed: GET, HEAD\"}\n");
      return;
    }
    LiveDashboard d = dashboard;
    if (d == null) {
      ex.getResponseHeaders().set("Retry-After", "1");
      send(ex, 503, "application/json; charset=utf-8", "{\"error\":\"starting\"}\n");
      return;
    }
    String text;
    synchronized (this) {
      refresh(d.figures());
      text = registry.scrape();
    }
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    if (method.equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      ex.sendResponseHeaders(200, -1);
      return;
    }
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
  }

  /** Brings every table's meters to the figures given; under this object's lock. */
  private void refresh(LiveFigures figures) {
    current = figures;
    for (MetricTable t : figures.tables()) {
      ImmutableList<String> dims = t.dimensionIds();
      if (!tables.containsKey(dims)) {
        LiveViewMetrics m =
            LiveViewMetrics.builder(() -> table(dims))
                .prefix(
                    dims.isEmpty() ? "salesmetrics" : "salesmetrics.by." + String.join(".", dims))
                .build();
        tables.put(dims, m);
        m.bindTo(registry); // refreshes once
      } else {
        tables.get(dims).refresh();
      }
    }
    for (Map.Entry<List<String>, LiveViewMetrics> e : tables.entrySet()) {
      if (figures.tables().stream().noneMatch(t -> t.dimensionIds().equals(e.getKey()))) {
        e.getValue().refresh(); // gone: its rows are removed
      }
    }
  }

  /** The table of the current figures grouped by {@code dims}; under this object's lock. */
  private MetricTable table(List<String> dims) {
    LiveFigures f = current;
    if (f != null) {
      for (MetricTable t : f.tables()) {
        if (t.dimensionIds().equals(dims)) {
          return t;
        }
      }
    }
    return EMPTY;
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
