package dev.salesmetrics.dashboard.server;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.time.ZoneOffset;

/** An embedder's own live view of deals, and a page with one big panel that changes per deal. */
final class TestViews {
  private TestViews() {}

  static LiveView dealsByMonth() {
    return LiveView.builder()
        .groupBy(Dimension.month(ZoneOffset.UTC))
        .metrics(Metrics.DEALS_WON, Metrics.WIN_RATE, Metrics.SALES_VOLUME)
        .build();
  }

  /** Won deal number {@code i}, closed on 2025-12-01 plus i minutes. */
  static Deal won(int i) {
    Instant created = Instant.parse("2025-12-01T00:00:00Z").plusSeconds(60L * i);
    return Deal.builder("W" + i, "R1", Money.of("10.00", "USD"), created)
        .won(created.plusSeconds(30))
        .build();
  }

  /** A page whose only panel holds {@code bytes} of filler and the deals won this period. */
  static LivePage bigPanel(int bytes) {
    String filler = "x".repeat(bytes);
    return new LivePage() {
      @Override
      public ImmutableList<Metric<?, ?>> metrics() {
        return ImmutableList.of(Metrics.DEALS_WON);
      }

      @Override
      public ImmutableMap<String, String> panels(LiveFigures f) {
        String won =
            f.period().flatMap(p -> f.value("deals_won", p)).map(Object::toString).orElse("-");
        return ImmutableMap.of(
            "big", "<div id=\"big\" data-won=\"" + won + "\">" + filler + "</div>");
      }

      @Override
      public String page(LiveFigures f, ImmutableMap<String, String> panels, String script) {
        return "<!DOCTYPE html><html><body>" + panels.get("big") + script + "</body></html>";
      }
    };
  }
}
