package dev.salesmetrics.testing;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Plain reference implementations of the deal metrics, written from the definitions and the
 * documented decisions of docs/METRICS.md with loops over the records, independently of the
 * production code. Amounts are in minor units of one currency; a null or empty result means
 * undefined. Every method takes one period P (no as-of: callers apply it to the records first).
 */
public final class DealReference {
  private DealReference() {}

  /** A fraction kept as its two counts. */
  public record Counts(long top, long bottom) {}

  private static List<Deal> deals(List<? extends SalesRecord> records) {
    List<Deal> deals = new ArrayList<>();
    for (SalesRecord r : records) {
      if (r instanceof Deal d) {
        deals.add(d);
      }
    }
    return deals;
  }

  private static boolean in(Instant t, Period p) {
    return t != null && t.compareTo(p.start()) >= 0 && t.compareTo(p.end()) < 0;
  }

  private static boolean isWon(Deal d) {
    return d.status() == DealStatus.WON;
  }

  /** The won deals whose closed_at lies in P. */
  public static List<Deal> wonIn(List<? extends SalesRecord> records, Period p) {
    List<Deal> won = new ArrayList<>();
    for (Deal d : deals(records)) {
      if (isWon(d) && in(d.closedAt(), p)) {
        won.add(d);
      }
    }
    return won;
  }

  /** Count of won deals closed in P. */
  public static long dealsWon(List<? extends SalesRecord> records, Period p) {
    return wonIn(records, p).size();
  }

  /** Sum in minor units of the won deals closed in P. */
  public static long salesVolumeMinor(List<? extends SalesRecord> records, Period p) {
    long sum = 0;
    for (Deal d : wonIn(records, p)) {
      sum += d.amount().minorUnits();
    }
    return sum;
  }

  /** (won, won + lost) over deals closed in P. */
  public static Counts winRate(List<? extends SalesRecord> records, Period p) {
    long won = 0;
    long lost = 0;
    for (Deal d : deals(records)) {
      if (in(d.closedAt(), p)) {
        if (d.status() == DealStatus.WON) {
          won++;
        } else if (d.status() == DealStatus.LOST) {
          lost++;
        }
      }
    }
    return new Counts(won, won + lost);
  }

  /** (won, all) over deals created in P. */
  public static Counts winRateAllCreated(List<? extends SalesRecord> records, Period p) {
    long won = 0;
    long all = 0;
    for (Deal d : deals(records)) {
      if (in(d.createdAt(), p)) {
        all++;
        if (isWon(d)) {
          won++;
        }
      }
    }
    return new Counts(won, all);
  }

  /** Mean amount in minor units of won deals closed in P, HALF_EVEN; empty with none. */
  public static OptionalLong averageDealSizeMinor(List<? extends SalesRecord> records, Period p) {
    List<Deal> won = wonIn(records, p);
    if (won.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        BigDecimal.valueOf(salesVolumeMinor(records, p))
            .divide(BigDecimal.valueOf(won.size()), 0, RoundingMode.HALF_EVEN)
            .longValueExact());
  }

  /** The cycle durations of won deals closed in P. */
  public static List<Duration> salesCycles(List<? extends SalesRecord> records, Period p) {
    List<Duration> cycles = new ArrayList<>();
    for (Deal d : wonIn(records, p)) {
      cycles.add(Duration.between(d.createdAt(), d.closedAt()));
    }
    return cycles;
  }

  /** The deals open at P.start: created before it, and not closed before it. */
  public static List<Deal> openAtStart(List<? extends SalesRecord> records, Period p) {
    List<Deal> open = new ArrayList<>();
    for (Deal d : deals(records)) {
      boolean createdBefore = d.createdAt().compareTo(p.start()) < 0;
      boolean closedBefore = d.closedAt() != null && d.closedAt().compareTo(p.start()) < 0;
      if (createdBefore && !closedBefore) {
        open.add(d);
      }
    }
    return open;
  }

  /** Sum in minor units of the deals open at P.start. */
  public static long pipelineMinor(List<? extends SalesRecord> records, Period p) {
    long sum = 0;
    for (Deal d : openAtStart(records, p)) {
      if (d.amount() != null) { // a deal without an amount adds nothing
        sum += d.amount().minorUnits();
      }
    }
    return sum;
  }

  /**
   * Σ amount × probability over deals open at P.start, rounded HALF_EVEN once; the probability is
   * the deal's, else the stage's in {@code byStage} (compared ignoring case), else {@code
   * fallback}.
   */
  public static long weightedPipelineMinor(
      List<? extends SalesRecord> records, Period p, Map<String, Double> byStage, double fallback) {
    Map<String, Double> lower = new TreeMap<>();
    byStage.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    BigDecimal sum = BigDecimal.ZERO;
    for (Deal d : openAtStart(records, p)) {
      if (d.amount() == null) { // a deal without an amount adds nothing
        continue;
      }
      double prob = fallback;
      if (d.probability() != null) {
        prob = d.probability();
      } else if (d.stage() != null && lower.containsKey(d.stage().toLowerCase(Locale.ROOT))) {
        prob = lower.get(d.stage().toLowerCase(Locale.ROOT));
      }
      sum =
          sum.add(
              new BigDecimal(Double.toString(prob))
                  .multiply(new BigDecimal(d.amount().minorUnits())));
    }
    return sum.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** Quota for P in minor units: each quota prorated by the share of its milliseconds in P. */
  public static long quotaMinor(List<? extends SalesRecord> records, Optional<Period> p) {
    long sum = 0;
    for (SalesRecord r : records) {
      if (!(r instanceof Quota q)) {
        continue;
      }
      if (p.isEmpty()) {
        sum += q.amount().minorUnits();
        continue;
      }
      long qs = q.period().start().toEpochMilli();
      long qe = q.period().end().toEpochMilli();
      long from = Math.max(qs, p.get().start().toEpochMilli());
      long to = Math.min(qe, p.get().end().toEpochMilli());
      if (to <= from) {
        continue;
      }
      sum +=
          new BigDecimal(q.amount().minorUnits())
              .multiply(new BigDecimal(to - from))
              .divide(new BigDecimal(qe - qs), 0, RoundingMode.HALF_EVEN)
              .longValueExact();
    }
    return sum;
  }

  /** Won amount closed in {@code [P.start, min(asOf, P.end))}. */
  public static long wonSoFarMinor(
      List<? extends SalesRecord> records, Period p, Optional<Instant> asOf) {
    Instant end = p.end();
    if (asOf.isPresent() && asOf.get().isBefore(end)) {
      end = asOf.get();
    }
    long sum = 0;
    for (Deal d : deals(records)) {
      if (isWon(d) && d.closedAt().compareTo(p.start()) >= 0 && d.closedAt().compareTo(end) < 0) {
        sum += d.amount().minorUnits();
      }
    }
    return sum;
  }

  /**
   * Sales velocity in minor units per day, from exact fractions: open × (won/closed) × (won sum /
   * won) ÷ (cycle ms / won / ms per day), HALF_EVEN; empty when a factor is undefined or the mean
   * cycle is 0.
   */
  public static OptionalLong salesVelocityMinor(List<? extends SalesRecord> records, Period p) {
    Counts rate = winRate(records, p);
    List<Deal> won = wonIn(records, p);
    if (rate.bottom() == 0 || won.isEmpty()) {
      return OptionalLong.empty();
    }
    BigInteger cycleMillis = BigInteger.ZERO;
    for (Duration d : salesCycles(records, p)) {
      cycleMillis = cycleMillis.add(BigInteger.valueOf(d.toMillis()));
    }
    if (cycleMillis.signum() == 0) {
      return OptionalLong.empty();
    }
    BigInteger n = BigInteger.valueOf(won.size());
    // fractions as {numerator, denominator}
    BigInteger[] winRate = {BigInteger.valueOf(rate.top()), BigInteger.valueOf(rate.bottom())};
    BigInteger[] average = {BigInteger.valueOf(salesVolumeMinor(records, p)), n};
    BigInteger[] meanCycleDays = {cycleMillis, n.multiply(BigInteger.valueOf(86_400_000L))};
    BigInteger top =
        BigInteger.valueOf(openAtStart(records, p).size())
            .multiply(winRate[0])
            .multiply(average[0])
            .multiply(meanCycleDays[1]);
    BigInteger bottom = winRate[1].multiply(average[1]).multiply(meanCycleDays[0]);
    return OptionalLong.of(
        new BigDecimal(top)
            .divide(new BigDecimal(bottom), 0, RoundingMode.HALF_EVEN)
            .longValueExact());
  }

  /**
   * Stage conversion counts for {@code from → to}: (deals with an entry to {@code from} in P and an
   * entry to {@code to} at a later position of the history, deals with an entry to {@code from} in
   * P). Stages compared ignoring case.
   */
  public static Counts stageConversion(
      List<? extends SalesRecord> records, Period p, String from, String to) {
    long top = 0;
    long bottom = 0;
    for (Deal d : deals(records)) {
      List<StageChange> h = d.stageHistory();
      int firstFromInP = -1;
      for (int i = h.size() - 1; i >= 0; i--) {
        if (h.get(i).stage().equalsIgnoreCase(from) && in(h.get(i).enteredAt(), p)) {
          firstFromInP = i;
        }
      }
      if (firstFromInP < 0) {
        continue;
      }
      bottom++;
      int lastTo = -1;
      for (int i = 0; i < h.size(); i++) {
        if (h.get(i).stage().equalsIgnoreCase(to)) {
          lastTo = i;
        }
      }
      if (lastTo > firstFromInP) {
        top++;
      }
    }
    return new Counts(top, bottom);
  }

  /**
   * Ramp times: per rep with a hire date and a won deal, from the start of the hire day in P's zone
   * to the first won closed_at, kept when that first win lies in P.
   */
  public static List<Duration> rampTimes(List<? extends SalesRecord> records, Period p) {
    List<Duration> ramps = new ArrayList<>();
    for (SalesRecord r : records) {
      if (!(r instanceof Rep rep) || rep.hiredOn() == null) {
        continue;
      }
      Instant first = null;
      for (Deal d : deals(records)) {
        if (d.repId().equals(rep.id())
            && isWon(d)
            && (first == null || d.closedAt().isBefore(first))) {
          first = d.closedAt();
        }
      }
      if (first != null && in(first, p)) {
        LocalDate hired = rep.hiredOn();
        ramps.add(Duration.between(hired.atStartOfDay(p.zone()).toInstant(), first));
      }
    }
    return ramps;
  }
}
