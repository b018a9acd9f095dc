package dev.salesmetrics.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The instants and dates a CSV file may hold: the years 1900 to 2199, instants in UTC. Anything
 * outside is taken for a sentinel or a typo (9999-12-31 for "never", 0001-01-01 for "unknown",
 * a two-digit year read as year 24) rather than a sales event: loading refuses it as a bad cell,
 * writing refuses to produce it. 1900 reaches back past any hire date or customer still in a CRM
 * and leaves out the spreadsheet zero dates 1899-12-30 and 1899-12-31; 2199 leaves two centuries
 * for planned quotas, campaigns and scheduled cancellations, yet refuses the usual far-future
 * sentinels (2999-12-31, 9999-12-31) that would make a period walk run for ever.
 */
final class PlausibleRange {
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2199;
  static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
  /** The first day after the range: allowed as an exclusive end date. */
  static final LocalDate END_DAY = LocalDate.of(LAST_YEAR + 1, 1, 1);
  static final Instant START = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  static final Instant END = END_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  static final String DESCRIPTION =
      "the plausible range, the years " + FIRST_YEAR + " to " + LAST_YEAR;

  private PlausibleRange() {}

  static boolean contains(Instant t) {
    return !t.isBefore(START) && t.isBefore(END);
  }

  static boolean contains(LocalDate d) {
    return !d.isBefore(FIRST_DAY) && d.isBefore(END_DAY);
  }

  /** An exclusive end date may be the first day after the range. */
  static boolean containsEnd(LocalDate exclusiveEnd) {
    return exclusiveEnd.isAfter(FIRST_DAY) && !exclusiveEnd.isAfter(END_DAY);
  }
}
