package dev.salesmetrics.aggregate;

import dev.salesmetrics.time.Period;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import javax.annotation.Nullable;

/**
 * Maps epoch seconds to the index of a period among consecutive periods covering a time span,
 * without creating a date object per row: by a lookup table of fixed-width slots (a day, an hour,
 * a quarter hour or a minute, the widest that divides every period boundary, so a slot never
 * straddles a boundary), or else by binary search over the period starts. Immutable.
 */
final class PeriodBuckets {
  private static final int MAX_SLOTS = 1 << 22;
  private static final long[] SLOT_WIDTHS = {86_400, 3_600, 900, 60};

  final List<Period> periods;
  private final long[] startSec;
  private final long base;
  private final long slot;
  private final int[] table;

  /**
   * Returns the buckets of the periods of {@code dimension} from {@code minSec} to {@code maxSec},
   * after checking that both ends lie in a period and that the periods, times {@code groups},
   * cannot exceed {@code maxCells} (so far-apart instants are refused before any period is made).
   *
   * @param field the field the instants come from, e.g. {@code "closed_at"}
   * @param recordAt names a record holding the given epoch second, for the error message
   * @throws DateTimeException if an end has no period (it lies too near the ends of time)
   * @throws IllegalArgumentException if there would be more than {@code maxCells} cells
   */
  static PeriodBuckets over(
      Dimension dimension,
      long minSec,
      long maxSec,
      long groups,
      long maxCells,
      String field,
      LongFunction<String> recordAt) {
    for (long sec : new long[] {minSec, maxSec}) {
      Instant at = Instant.ofEpochSecond(sec);
      try {
        var unused = dimension.periodOf(at).next();
      } catch (DateTimeException e) {
        throw ErrorContext.unplaceable(e, field, at, recordAt.apply(sec), dimension);
      }
    }
    long longest =
        switch (dimension.granularity().orElseThrow()) {
          case DAY -> 25 * 3600L;
          case WEEK -> 7 * 86_400L + 3600;
          case MONTH -> 31 * 86_400L + 3600;
          case QUARTER -> 92 * 86_400L + 3600;
          case YEAR -> 366 * 86_400L + 3600;
        };
    long atLeast = (maxSec - minSec) / longest + 1;
    if (atLeast > maxCells / Math.max(1, groups)) {
      throw new IllegalArgumentException(
          "too many groups for the columnar path: at least "
              + atLeast
              + " periods of "
              + dimension
              + " from "
              + Instant.ofEpochSecond(minSec)
              + " to "
              + Instant.ofEpochSecond(maxSec)
              + " times "
              + groups
              + " groups > "
              + maxCells
              + ": use Query");
    }
    return new PeriodBuckets(dimension, minSec, maxSec);
  }

  PeriodBuckets(Dimension dimension, long minSec, long maxSec) {
    this.periods =
        Period.covering(
            Instant.ofEpochSecond(minSec),
            Instant.ofEpochSecond(maxSec + 1),
            dimension.granularity().orElseThrow(),
            dimension.zone(),
            dimension.fiscal());
    int n = periods.size();
    startSec = new long[n + 1];
    for (int i = 0; i < n; i++) {
      startSec[i] = periods.get(i).start().getEpochSecond();
    }
    startSec[n] = periods.get(n - 1).end().getEpochSecond();
    base = startSec[0];
    long chosen = 0;
    for (long width : SLOT_WIDTHS) {
      boolean divides = (startSec[n] - base) / width <= MAX_SLOTS;
      for (int i = 0; i <= n && divides; i++) {
        divides = (startSec[i] - base) % width == 0;
      }
      if (divides) {
        chosen = width;
        break;
      }
    }
    slot = chosen;
    if (slot == 0) {
      table = new int[0];
    } else {
      table = new int[(int) ((startSec[n] - base) / slot)];
      for (int i = 0; i < n; i++) {
        int from = (int) ((startSec[i] - base) / slot);
        int to = (int) ((startSec[i + 1] - base) / slot);
        java.util.Arrays.fill(table, from, to, i);
      }
    }
  }

  int size() {
    return periods.size();
  }

  /** Returns the index of the period containing {@code sec}, or -1 outside the covered span. */
  int find(long sec) {
    if (sec < base || sec >= startSec[startSec.length - 1]) {
      return -1;
    }
    return index(sec);
  }

  /**
   * Returns the period index of every UTC-aligned day slot from {@link #base()} when the slots are
   * whole days (the day number {@code (sec - base()) / 86_400} indexes it), else null.
   */
  @Nullable
  int[] dayTable() {
    return slot == 86_400 ? table : null;
  }

  /** Returns the start of the first period in epoch seconds. */
  long base() {
    return base;
  }

  /** Returns the index of the period containing {@code sec}, which lies in the covered span. */
  int index(long sec) {
    if (slot == 86_400) {
      return table[(int) ((sec - base) / 86_400)];
    } else if (slot != 0) {
      return table[(int) ((sec - base) / slot)];
    }
    int lo = 0;
    int hi = startSec.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (startSec[mid] <= sec) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
