package dev.salesmetrics.dashboard.server;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.metric.Metric;

/**
 * What the live dashboard needs from a page renderer: the page cut into panels with stable ids,
 * and the whole page around them.
 *
 * <p>On every update the dashboard asks for {@link #panels}, compares each panel's HTML with the
 * one it sent before, and sends the browsers only the panels that changed; the page's script
 * replaces each element whose {@code id} is a panel id with the new HTML. So:
 *
 * <ul>
 *   <li>each panel's HTML is one element whose {@code id} attribute is the panel id, and the
 *       same figures give the same HTML (no clock, no counter that changes without a reason);
 *   <li>{@link #page} places every panel's HTML as given, and the script given to it as is;
 *   <li>every user string (rep, campaign, product names, rule sentences) is HTML-escaped;
 *   <li>the set of panel ids may change between updates (the browsers then reload the page).
 * </ul>
 *
 * <p>Called under the dashboard's update lock: one call at a time, at every update (at most a
 * few per second), so {@link #panels} should cost milliseconds, not a pass over the records.
 */
public interface LivePage {

  /**
   * Returns the overall metrics the page shows (the tiles), which the dashboard computes per
   * period and returns from {@code GET /api/figures}.
   *
   * @return the metrics, in display order
   */
  ImmutableList<Metric<?, ?>> metrics();

  /**
   * Tells whether the page reads the records themselves ({@link LiveFigures#dataset()}), which
   * costs a copy of the record lists per update; false when the tables suffice.
   *
   * @return true to receive the records
   */
  default boolean readsRecords() {
    return false;
  }

  /**
   * Renders every panel.
   *
   * @param figures the figures
   * @return panel id to the panel's HTML (one element with that id), in page order
   */
  ImmutableMap<String, String> panels(LiveFigures figures);

  /**
   * Renders the whole page around {@code panels}, with {@code script} placed as given (before
   * {@code </body>}, say).
   *
   * @param figures the figures the panels were rendered from
   * @param panels the panels of {@link #panels}, for these figures
   * @param script the dashboard's script element, which keeps the page live
   * @return the HTML document
   */
  String page(LiveFigures figures, ImmutableMap<String, String> panels, String script);
}
