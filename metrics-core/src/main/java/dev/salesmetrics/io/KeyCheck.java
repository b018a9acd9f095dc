package dev.salesmetrics.io;

import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Refuses a record whose key was already loaded from an earlier row of the same file, and
 * remembers the key of every record it lets through: the one rule for duplicates in every file.
 * Only loaded rows claim a key (a rejected row does not). Keys are compared exactly: ids are
 * case-sensitive and not trimmed. Holds every key of the file, about 100 bytes a row. One
 * instance per read; not thread safe.
 *
 * @param <T> the record type
 */
interface KeyCheck<T> {
  /**
   * Remembers the key of {@code record}, read from {@code row}.
   *
   * @throws BadCell naming the key's column and the line that loaded the key first
   */
  void claim(T record, Row row);

  /** A check for records with one id column: the id must not repeat. */
  static <T> KeyCheck<T> id(String column, Function<? super T, String> id) {
    Map<String, Long> seen = new HashMap<>();
    return (record, row) -> {
      Long first = seen.putIfAbsent(id.apply(record), row.line());
      if (first != null) {
        throw new BadCell(
            column, row.raw(column), "duplicate " + column + " first seen on line " + first);
      }
    };
  }

  /**
   * The check of quotas.csv: the periods of one rep's quotas must not overlap (quotas of a rep
   * are added up for a period, so an overlap counts a target twice); an equal period is a
   * duplicate.
   */
  static KeyCheck<Quota> quotas() {
    record Loaded(Period period, long line) {}
    Map<String, TreeMap<Instant, Loaded>> byRep = new HashMap<>();
    return (quota, row) -> {
      TreeMap<Instant, Loaded> periods = byRep.computeIfAbsent(quota.repId(), k -> new TreeMap<>());
      Period p = quota.period();
      Map.Entry<Instant, Loaded> before = periods.floorEntry(p.start());
      Map.Entry<Instant, Loaded> after = periods.higherEntry(p.start());
      Loaded clash = null;
      if (before != null && before.getValue().period().end().isAfter(p.start())) {
        clash = before.getValue();
      } else if (after != null && after.getKey().isBefore(p.end())) {
        clash = after.getValue();
      }
      if (clash == null) {
        periods.put(p.start(), new Loaded(p, row.line()));
        return;
      }
      Period other = clash.period();
      String reason =
          other.start().equals(p.start()) && other.end().equals(p.end())
              ? "duplicate quota of rep " + quota.repId() + " for " + dates(p)
                  + " first seen on line " + clash.line()
              : "quota of rep " + quota.repId() + " for " + dates(p) + " overlaps its quota for "
                  + dates(other) + " on line " + clash.line()
                  + " (quotas of one rep must not overlap)";
      throw new BadCell("period_start", row.raw("period_start"), reason);
    };
  }

  private static String dates(Period p) {
    return p.startDate() + " to " + p.endDate();
  }

  /**
   * The check of deal_stages.csv: a deal entering the same stage at the same instant twice is a
   * duplicate (entering a stage again later, or two stages at one instant, is not).
   */
  static KeyCheck<Parsers.StageRow> stages() {
    record Key(String dealId, String stage, Instant enteredAt) {}
    Map<Key, Long> seen = new HashMap<>();
    return (s, row) -> {
      Key key = new Key(s.dealId(), s.change().stage(), s.change().enteredAt());
      Long first = seen.putIfAbsent(key, row.line());
      if (first != null) {
        throw new BadCell(
            "entered_at",
            row.raw("entered_at"),
            "duplicate stage row: deal " + key.dealId() + " entered " + key.stage() + " at "
                + key.enteredAt() + ", first seen on line " + first);
      }
    };
  }

  /**
   * The check of responses.csv: one customer answering on the same scale at the same instant twice
   * is a duplicate, whatever the scores.
   */
  static KeyCheck<SurveyResponse> responses() {
    record Key(String customerId, Instant respondedAt, SurveyScale scale) {}
    Map<Key, Long> seen = new HashMap<>();
    return (r, row) -> {
      Key key = new Key(r.customerId(), r.respondedAt(), r.scale());
      Long first = seen.putIfAbsent(key, row.line());
      if (first != null) {
        throw new BadCell(
            "responded_at",
            row.raw("responded_at"),
            "duplicate response of customer " + r.customerId() + " on the "
                + r.scale().name().toLowerCase(Locale.ROOT) + " scale at " + r.respondedAt()
                + ", first seen on line " + first);
      }
    };
  }
}
