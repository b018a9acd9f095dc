package dev.salesmetrics.dashboard;

/**
 * The panels of the default report page, in page order. Each is one {@code <section>} whose
 * {@code id} is {@link #id()}, so a live page can replace a panel in place; inside, tiles have the
 * ids {@code tile-<metric id>} (such as {@code tile-win_rate}) and charts {@code chart-<name>}.
 */
public enum Panel {
  /** KPI tiles of the last complete period with the change against the period before. */
  TILES("panel-tiles", "At a glance", true),
  /** Sales volume, revenue, win rate and churn per period, the previous year dotted. */
  TRENDS("panel-trends", "Trends", true),
  /** The open pipeline by stage: count, amount and weighted amount. */
  PIPELINE("panel-pipeline", "Pipeline by stage", false),
  /** The stage funnel with step and cumulative conversion. */
  FUNNEL("panel-funnel", "Stage funnel", false),
  /** Quota attainment per rep or team, sorted, with the 100% line. */
  LEADERBOARD("panel-leaderboard", "Leaderboard", false),
  /** Progress towards the quotas of the period in progress, with pacing. */
  GOALS("panel-goals", "Goals", false),
  /** Lead quality and lead conversion by source. */
  LEADS("panel-leads", "Leads by source", true),
  /** Alerts that fired in the range: the rule's sentence, severity, since when. */
  ALERTS("panel-alerts", "Alerts", true);

  private final String id;
  private final String heading;
  private final boolean wide;

  Panel(String id, String heading, boolean wide) {
    this.id = id;
    this.heading = heading;
    this.wide = wide;
  }

  /**
   * Returns the {@code id} of the panel's {@code <section>}.
   *
   * @return e.g. {@code "panel-tiles"}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the panel's heading, before any period.
   *
   * @return e.g. {@code "Leaderboard"}
   */
  public String heading() {
    return heading;
  }

  /** Tells whether the panel spans the page's two columns. */
  boolean wide() {
    return wide;
  }
}
