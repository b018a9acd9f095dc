package dev.salesmetrics.dashboard.server;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.metric.Metric;

/**
 * What the live dashboard needs from a page renderer: the page cut into panels with stable ids,
 * and the whole page around them. {@link ReportPage} is the dashboard report's; implement this
 * interface for a page of your own.
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
 * Work that needs such a pass (a query over the records of {@link LiveFigures#dataset()}) belongs
 * on a thread of the page's own, whose result is drawn at a later update: the page asks for one
 * with the {@code redraw} callback of {@link #attach}.
 *
 * <p>A page serves one dashboard at a time, from {@link #attach} to {@link #detach}.
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
   * Returns the metrics the page reads besides {@link #metrics()}, each computed per period too,
   * by grouping: {@code ""} for the overall figures, or a dimension id ({@code rep}, {@code
   * team}, {@code region}, {@code product}, {@code campaign}, {@code source}, {@code customer})
   * for the figures per value of that dimension. The live data of a directory computes them
   * ({@link LiveService} adds them); over your own views, the page reads what the views compute.
   *
   * @return the metrics by grouping; none by default
   */
  default ImmutableMap<String, ImmutableList<Metric<?, ?>>> extraMetrics() {
    return ImmutableMap.of();
  }

  /**
   * Tells whether the page reads the records themselves ({@link LiveFigures#dataset()}), which
   * costs a copy of the record lists whenever records arrived; false when the tables suffice.
   *
   * @return true to receive the records
   */
  default boolean readsRecords() {
    return false;
  }

  /**
   * Called when a dashboard starts using the page, before the first {@link #panels} call.
   *
   * @param redraw asks the dashboard for an update without new records (within its coalescing
   *     interval), at which it calls {@link #panels} again; safe to call from any thread
   * @throws IllegalStateException if the page serves another dashboard already
   */
  default void attach(Runnable redraw) {}

  /** Called when the dashboard closes: the page stops its own work. */
  default void detach() {}

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
