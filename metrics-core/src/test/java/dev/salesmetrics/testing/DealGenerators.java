package dev.salesmetrics.testing;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Random deals, quotas and reps around March 2024, in USD, on a grid of whole hours so that events
 * often fall exactly on a period's start or end (in UTC and in America/New_York).
 */
public final class DealGenerators {
  private DealGenerators() {}

  /** 2024-01-01T00:00:00Z: the earliest instant generated. */
  public static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

  /** Hours from {@link #BASE} over which events are spread (about five months). */
  public static final int SPAN_HOURS = 150 * 24;

  /** An instant after every generated event. */
  public static final Instant AFTER_ALL = BASE.plusSeconds(3600L * 3 * SPAN_HOURS);

  /** Stage names used in histories, including a case variant and one outside the default order. */
  public static final List<String> STAGES =
      List.of("lead", "qualified", "Qualified", "proposal", "negotiation", "won", "demo");

  private static final List<String> REPS = List.of("R1", "R2", "R3");

  /**
   * Returns periods to compute over: March 2024 in UTC or in America/New_York (with a DST change).
   *
   * @return the periods
   */
  public static Gen<Period> periods() {
    return booleans()
        .all()
        .map(
            ny ->
                Period.of(
                    LocalDate.of(2024, 3, 1),
                    Granularity.MONTH,
                    ny ? ZoneId.of("America/New_York") : ZoneOffset.UTC));
  }

  /** Hours after {@link #BASE} of the starts and ends of March 2024 in UTC and in New York. */
  private static final int[] BOUNDARY_HOURS = {1440, 1445, 2184, 2188};

  /** Replaces {@code hour} by a period boundary one time in five. */
  private static int nearBoundary(int hour, int pick) {
    return pick % 5 == 0 ? BOUNDARY_HOURS[(pick / 5) % BOUNDARY_HOURS.length] : hour;
  }

  /**
   * Returns random valid deals: any status, any rep of three, amounts up to 10,000.00 USD (about
   * one open or lost deal in four has none), a probability on about a third of them, a stage on about half, 0-6 history entries; one creation
   * and one close in five lie exactly on a start or end of March 2024 (UTC or New York).
   *
   * @return the generator
   */
  public static Gen<Deal> deals() {
    Gen<Integer> hours = integers().between(0, SPAN_HOURS);
    Gen<Integer> durations = integers().between(0, 60 * 24);
    Gen<Long> amounts = longs().between(0, 1_000_000);
    Gen<DealStatus> statuses = arbitrary().enumValues(DealStatus.class);
    Gen<Integer> picks = integers().between(0, 1000);
    return in -> {
      int createdHour = nearBoundary(hours.generate(in), picks.generate(in));
      Instant created = BASE.plusSeconds(3600L * createdHour);
      String rep = REPS.get(picks.generate(in) % REPS.size());
      String id = "D" + picks.generate(in);
      Money amount = Money.ofMinor(amounts.generate(in), "USD");
      DealStatus status = statuses.generate(in);
      if (status != DealStatus.WON && picks.generate(in) % 4 == 0) {
        amount = null; // no amount: an open or lost deal only
      }
      Deal.Builder deal = Deal.builder(id, rep, amount, created);
      if (status.isClosed()) {
        int closedHour =
            Math.max(
                createdHour,
                nearBoundary(createdHour + durations.generate(in), picks.generate(in)));
        deal.status(status, BASE.plusSeconds(3600L * closedHour));
      }
      int historySize = picks.generate(in) % 7;
      List<Integer> offsets = new ArrayList<>();
      for (int i = 0; i < historySize; i++) {
        offsets.add(durations.generate(in));
      }
      Collections.sort(offsets);
      for (int offset : offsets) {
        deal.addStage(
            STAGES.get(picks.generate(in) % STAGES.size()), created.plusSeconds(3600L * offset));
      }
      int p = picks.generate(in);
      if (p % 3 == 0) {
        deal.probability((p % 101) / 100.0);
      }
      int s = picks.generate(in);
      if (s % 2 == 0) {
        deal.stage(STAGES.get(s % STAGES.size()));
      }
      return deal.build();
    };
  }

  /**
   * Returns random quotas: a month between January and May 2024 or a custom span of dates, in UTC
   * or America/New_York, up to 10,000.00 USD.
   *
   * @return the generator
   */
  public static Gen<Quota> quotas() {
    Gen<Integer> days = integers().between(0, 150);
    Gen<Integer> lengths = integers().between(1, 100);
    Gen<Long> amounts = longs().between(0, 1_000_000);
    Gen<Integer> picks = integers().between(0, 1000);
    return in -> {
      LocalDate start = LocalDate.of(2024, 1, 1).plusDays(days.generate(in));
      ZoneId zone = picks.generate(in) % 2 == 0 ? ZoneOffset.UTC : ZoneId.of("America/New_York");
      Period period =
          picks.generate(in) % 2 == 0
              ? Period.of(start, Granularity.MONTH, zone)
              : Period.between(start, start.plusDays(lengths.generate(in)), zone);
      return new Quota(
          REPS.get(picks.generate(in) % REPS.size()),
          period,
          Money.ofMinor(amounts.generate(in), "USD"));
    };
  }

  /**
   * Returns a rep directory: each of R1, R2, R3 present or not, with or without a hire date between
   * October 2023 and April 2024.
   *
   * @return the generator
   */
  public static Gen<List<Rep>> repDirectories() {
    Gen<Integer> picks = integers().between(0, 1000);
    Gen<Integer> days = integers().between(0, 200);
    return in -> {
      List<Rep> reps = new ArrayList<>();
      for (String id : REPS) {
        int pick = picks.generate(in);
        if (pick % 4 == 0) {
          continue;
        }
        LocalDate hired =
            pick % 4 == 1 ? null : LocalDate.of(2023, 10, 1).plusDays(days.generate(in));
        reps.add(new Rep(id, "Rep " + id, "T", null, hired));
      }
      return reps;
    };
  }

  /**
   * Returns mixed records: 0-40 deals, 0-6 quotas and a rep directory, in random order.
   *
   * @return the generator
   */
  public static Gen<List<SalesRecord>> records() {
    Gen<Integer> dealCounts = integers().between(0, 40);
    Gen<Integer> quotaCounts = integers().between(0, 6);
    Gen<Deal> deals = deals();
    Gen<Quota> quotas = quotas();
    Gen<List<Rep>> reps = repDirectories();
    Gen<Long> seeds = longs().all();
    return in -> {
      List<SalesRecord> records = new ArrayList<>(reps.generate(in));
      int n = dealCounts.generate(in);
      for (int i = 0; i < n; i++) {
        records.add(deals.generate(in));
      }
      int q = quotaCounts.generate(in);
      for (int i = 0; i < q; i++) {
        records.add(quotas.generate(in));
      }
      Collections.shuffle(records, new java.util.Random(seeds.generate(in)));
      return records;
    };
  }
}
