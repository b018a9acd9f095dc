package dev.salesmetrics.dashboard;

import java.util.List;

/**
 * The page around the panels: the HTML head with the inline style sheet and the content security
 * policy, the header, the navigation between panels and the footer.
 */
final class Page {
  private Page() {}

  /** One panel of a page: its section id, its heading for the navigation and its HTML. */
  record Section(String id, String heading, String html) {}

  static final String STYLE =
      """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
        color: #1e293b; background: #f1f5f9; }
      header { background: #0f172a; color: #f8fafc; padding: 14px 24px; }
      header h1 { margin: 0; font-size: 22px; font-weight: 600; }
      header .meta { margin: 4px 0 0; color: #cbd5e1; font-size: 13px; }
      nav { padding: 8px 24px 0; font-size: 13px; max-width: 1400px; margin: 0 auto; }
      nav a { color: #1d4ed8; margin-right: 14px; text-decoration: none; }
      main { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px;
        padding: 12px 24px 24px; max-width: 1400px; margin: 0 auto; }
      .panel { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px;
        padding: 12px 16px; min-width: 0; }
      .panel.wide { grid-column: 1 / -1; }
      h2 { font-size: 16px; margin: 0 0 10px; font-weight: 600; }
      h2 .sub { font-weight: 400; color: #64748b; font-size: 13px; margin-left: 6px; }
      .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 10px; }
      .tile { border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px 10px; }
      .tile-label { color: #64748b; font-size: 12px; }
      .tile-value { font-size: 18px; font-weight: 600; white-space: nowrap; margin: 2px 0; }
      .tile-change { font-size: 12px; color: #64748b; }
      .tile-change.good, .pacing.good { color: #15803d; }
      .tile-change.bad, .pacing.bad { color: #b91c1c; }
      .charts { display: flex; flex-wrap: wrap; gap: 12px 20px; }
      figure { margin: 0; min-width: 0; }
      .charts figure.chart { flex: 1 1 420px; }
      svg.chart { display: block; max-width: 100%; height: auto; }
      details { margin-top: 4px; font-size: 12px; }
      summary { cursor: pointer; color: #1d4ed8; }
      table { border-collapse: collapse; width: 100%; font-size: 12px; }
      caption { text-align: left; color: #64748b; padding: 4px 0; }
      th, td { padding: 3px 6px; border-bottom: 1px solid #e2e8f0; text-align: left;
        vertical-align: top; }
      th { font-weight: 600; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .undefined { color: #94a3b8; cursor: help; }
      .severity { border-radius: 4px; padding: 0 5px; color: #fff; background: #64748b; }
      .severity.critical { background: #b91c1c; }
      .severity.warning { background: #b45309; }
      .state.firing { color: #b91c1c; font-weight: 600; }
      .empty { color: #64748b; margin: 4px 0; }
      footer { color: #64748b; font-size: 12px; padding: 0 24px 24px; max-width: 1400px;
        margin: 0 auto; }
      @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
      @page { size: A4 landscape; margin: 10mm; }
      @media print {
        body { background: #fff; font-size: 10px; }
        header { background: none; color: #000; padding: 0 0 4px; }
        header .meta { color: #334155; }
        nav { display: none; }
        main { padding: 0; gap: 8px; max-width: none; }
        .panel { break-inside: avoid; border-color: #cbd5e1; padding: 6px 8px; }
      }
      """;

  static String render(
      String title,
      String meta,
      List<Section> sections,
      String contentSecurityPolicy,
      String headEnd,
      String bodyEnd) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(Html.esc(contentSecurityPolicy))
        .append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"Salesmetrics\">\n")
        .append("<title>")
        .append(Html.esc(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n")
        .append(headEnd)
        .append("</head>\n<body>\n<header id=\"report-header\">\n<h1>")
        .append(Html.esc(title))
        .append("</h1>\n<p class=\"meta\">")
        .append(Html.esc(meta))
        .append("</p>\n</header>\n<nav aria-label=\"panels\">");
    for (Section s : sections) {
      sb.append("<a href=\"#").append(Html.esc(s.id())).append("\">").append(Html.esc(s.heading()))
          .append("</a>");
    }
    sb.append("</nav>\n<main>\n");
    for (Section s : sections) {
      sb.append(s.html());
    }
    sb.append("</main>\n<footer>Made by Salesmetrics. Every figure comes from a catalogue metric"
        + " (ids in the tables' hover texts and in docs/DASHBOARD.md); \"—\" marks an undefined"
        + " value, with the reason on hover.</footer>\n")
        .append(bodyEnd)
        .append("</body>\n</html>\n");
    return sb.toString();
  }
}
