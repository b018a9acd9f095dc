package dev.salesmetrics.aggregate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the period of an instant by binary search over the start seconds of the periods seen so
 * far, creating a {@link Period} only for an instant in a period not seen before. Ids are dense
 * and stable: the order in which periods were first seen. Period bounds are local midnights,
 * whole seconds, so comparing epoch seconds is exact. Not thread safe.
 */
final class PeriodLookup {
  private final Dimension dimension;
  private final boolean closed;
  private long[] startSec = new long[16];
  private long[] endSec = new long[16];
  private int[] idAt = new int[16];
  private int size;
  private final List<Period> byId = new ArrayList<>();

  /** A lookup that adds periods as instants arrive. */
  PeriodLookup(Dimension dimension) {
    this.dimension = dimension;
    this.closed = false;
  }

  /** A lookup of exactly {@code periods} (ids in their order); other instants have no period. */
  PeriodLookup(Dimension dimension, List<Period> periods) {
    this.dimension = dimension;
    for (Period p : periods) {
      insert(p);
    }
    this.closed = true;
  }

  /** Returns the id of the period that contains {@code t}, or -1 when outside a closed range. */
  int indexOf(Instant t) {
    long s = t.getEpochSecond();
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (startSec[mid] <= s) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // hi = last period starting at or before s
    if (hi >= 0 && s < endSec[hi]) {
      return idAt[hi];
    }
    if (closed) {
      return -1;
    }
    return insert(dimension.periodOf(t));
  }

  Period period(int id) {
    return byId.get(id);
  }

  int size() {
    return byId.size();
  }

  @CanIgnoreReturnValue
  private int insert(Period p) {
    long s = p.start().getEpochSecond();
    int pos = 0;
    while (pos < size && startSec[pos] < s) {
      pos++;
    }
    if (pos < size && startSec[pos] == s) {
      throw new IllegalArgumentException("period listed twice: " + p);
    }
    if ((pos > 0 && endSec[pos - 1] > s) || (pos < size && startSec[pos] < p.end().getEpochSecond())) {
      throw new IllegalArgumentException("periods must not overlap: " + p);
    }
    if (size == startSec.length) {
      startSec = Arrays.copyOf(startSec, size * 2);
      endSec = Arrays.copyOf(endSec, size * 2);
      idAt = Arrays.copyOf(idAt, size * 2);
    }
    System.arraycopy(startSec, pos, startSec, pos + 1, size - pos);
    System.arraycopy(endSec, pos, endSec, pos + 1, size - pos);
    System.arraycopy(idAt, pos, idAt, pos + 1, size - pos);
    int id = byId.size();
    startSec[pos] = s;
    endSec[pos] = p.end().getEpochSecond();
    idAt[pos] = id;
    size++;
    byId.add(p);
    return id;
  }
}
