package dev.salesmetrics.aggregate;

import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Maps epoch seconds to the index of a period among consecutive periods covering a time span, for
 * the columnar engine's cells in radix form, without creating a date object per row: by a lookup
 * table of fixed-width slots (a day, an hour, a quarter hour or a minute, the widest that divides
 * every period boundary, so a slot never straddles a boundary), or else by binary search over the
 * period starts. Immutable.
 */
final class PeriodBuckets {
  private static final int MAX_SLOTS = 1 << 22;
  private static final long[] SLOT_WIDTHS = {86_400, 3_600, 900, 60};

  final List<Period> periods;
  private final long[] startSec;
  private final long base;
  private final long slot;
  private final int[] table;

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

  /**
   * Returns the bucket of every UTC day from {@link #base()} when the slots are whole days (day
   * {@code (sec - base()) / 86_400}), else null.
   */
  @Nullable
  int[] dayTable() {
    return slot == 86_400 ? table : null;
  }

  /** Returns the start of the first period in epoch seconds. */
  long base() {
    return base;
  }

  /** Returns the end of the last period in epoch seconds. */
  long end() {
    return startSec[startSec.length - 1];
  }

  /** Returns the index of the period containing {@code sec}, or -1 outside the covered span. */
  int find(long sec) {
    if (sec < base || sec >= startSec[startSec.length - 1]) {
      return -1;
    }
    return index(sec);
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
