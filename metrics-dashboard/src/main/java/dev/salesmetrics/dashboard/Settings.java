package dev.salesmetrics.dashboard;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.annotation.Nullable;

/**
 * What {@link Report.Builder} was told: the periods, the range, the rules, the grouping of the
 * leaderboard, whether the period in progress is shown, and the panels drawn. Immutable.
 */
record Settings(
    String title,
    String source,
    Granularity granularity,
    ZoneId zone,
    FiscalCalendar fiscal,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    int periods,
    ImmutableList<Rule> rules,
    Granularity alertGranularity,
    String by,
    @Nullable ImmutableList<String> stageOrder,
    boolean showInProgress,
    ImmutableSet<Panel> panels) {

  /** Tells whether the panel is drawn, so its figures are computed. */
  boolean wants(Panel p) {
    return panels.contains(p);
  }

  /** The number of trend periods shown by default for each granularity. */
  static int defaultPeriods(Granularity g) {
    return switch (g) {
      case DAY -> 31;
      case WEEK -> 26;
      case MONTH -> 12;
      case QUARTER -> 8;
      case YEAR -> 5;
    };
  }
}
