package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page (the dashboard report's page) in a real headless Chromium; skipped without one,
 * unless {@code CI=true} (see {@link DevTools#launch()}).
 */
class BrowserTest {
  @TempDir Path dir;

  /**
   * Installs {@code window.__changed}: a promise that resolves with the element's text when it
   * differs from its text now; rejects after 10 s.
   */
  private static String changeOf(String selector) {
    return "(function () {"
        + " var text = function () { var e = document.querySelector('" + selector + "');"
        + "   return e ? e.textContent : null; };"
        + " var before = text();"
        + " window.__changed = new Promise(function (resolve, reject) {"
        + "   var obs = new MutationObserver(function () {"
        + "     var t = text(); if (t !== null && t !== before) {"
        + "       obs.disconnect(); resolve(t); } });"
        + "   obs.observe(document.body, {subtree: true, childList: true, characterData: true});"
        + "   setTimeout(function () { reject(new Error('no change within 10 s: ' + text())); },"
        + "     10000); });"
        + " return before; })()";
  }

  private static final String CONNECTED =
      "new Promise(function (resolve, reject) {"
          + " var done = function () { return document.body.getAttribute('data-live')"
          + "   === 'connected'; };"
          + " if (done()) { resolve(true); return; }"
          + " var obs = new MutationObserver(function () {"
          + "   if (done()) { obs.disconnect(); resolve(true); } });"
          + " obs.observe(document.body, {attributes: true});"
          + " setTimeout(function () { reject(new Error('not connected within 10 s')); }, 10000);"
          + "})";

  @Test
  @Timeout(180)
  void aPostedWonDealChangesTheLiveTileWithinSeconds() throws Exception {
    try (Served s = new Served(Served.builder(dir).start());
        DevTools browser = DevTools.launch()) {
      browser.navigate(s.service.uri());
      assertThat(browser.evaluate(CONNECTED)).isEqualTo(true);
      // the report's page: every panel, its charts and their tables
      assertThat(browser.evaluate("Array.from(document.querySelectorAll('main > section'))"
              + ".map(function (e) { return e.id; }).join(' ')"))
          .isEqualTo("panel-live panel-tiles panel-trends panel-pipeline panel-funnel"
              + " panel-leaderboard panel-goals panel-leads panel-alerts");
      assertThat((Double) browser.evaluate("document.querySelectorAll('svg.chart').length"))
          .isGreaterThanOrEqualTo(7.0);
      assertThat((Double) browser.evaluate("document.querySelectorAll('details table').length"))
          .isGreaterThanOrEqualTo(6.0);
      String tile = "#tile-sales_volume .tile-value";
      assertThat(browser.evaluate(changeOf(tile))).isEqualTo("800.00 USD");

      assertThat(s.post("/api/deals", TestData.d4Won()).statusCode()).isEqualTo(200);

      assertThat(browser.evaluate("window.__changed")).isEqualTo("1,000.00 USD");
      assertThat(browser.evaluate("document.querySelector('#tile-win_rate .tile-value span')"
              + ".getAttribute('title')"))
          .isEqualTo("100.0% (2/2)");
      assertThat(browser.evaluate("document.querySelectorAll('.tile').length")).isEqualTo(9.0);
      assertThat(browser.evaluate("document.getElementById('panel-alerts').textContent"))
          .asString()
          .contains("big-month");
      assertThat(browser.errors()).isEmpty();
    }
  }

  /** A rep id carrying markup arrives over the stream as text: nothing runs. */
  @Test
  @Timeout(180)
  void markupInRecordsIsShownAsTextAndNeverRuns() throws Exception {
    String evil = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    try (Served s = new Served(Served.builder(dir).start());
        DevTools browser = DevTools.launch()) {
      browser.navigate(s.service.uri());
      assertThat(browser.evaluate(CONNECTED)).isEqualTo(true);
      var unused = browser.evaluate(changeOf("#panel-alerts"));
      String body =
          TestData.DEALS_HEADER
              + "D9,\"" + evil.replace("\"", "\"\"") + "\",10.00,USD,2025-12-04T09:00:00Z,lost,"
              + "2025-12-05T10:00:00Z,\n";
      assertThat(s.post("/api/deals", body).statusCode()).isEqualTo(200);
      assertThat((String) browser.evaluate("window.__changed")).contains(evil);
      assertThat(browser.evaluate("typeof window.__xss")).isEqualTo("undefined");
      assertThat(browser.evaluate("document.querySelectorAll('main img, main script').length"))
          .isEqualTo(0.0);
      assertThat(browser.evaluate("document.querySelectorAll('script').length")).isEqualTo(1.0);
      assertThat(browser.errors()).isEmpty();
    }
  }
}
