package dev.salesmetrics.aggregate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the period of an instant: first the period found last, then a table of days (UTC days
 * that lie wholly in one period, filled as they are met), then a binary search over the start
 * seconds of the periods seen so far, creating a {@link Period} only for an instant in a period
 * not seen before. Ids are dense
 * and stable: the order in which periods were first seen. Period bounds are local midnights,
 * whole seconds, so comparing epoch seconds is exact. Not thread safe.
 */
final class PeriodLookup {
  private static final long DAY = 86_400;
  private static final long MAX_DAYS = 1 << 20;
  private final Dimension dimension;
  private final boolean closed;
  private long[] startSec = new long[16];
  private long[] endSec = new long[16];
  private int[] idAt = new int[16];
  private int size;
  private final List<Period> byId = new ArrayList<>();
  private long[] startById = new long[16];
  private long[] endById = new long[16];
  private long lastStart = 1;
  private long lastEnd = 0;
  private int lastId = -1;
  private int[] dayIds = new int[0];
  private long dayBase;

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
    return indexOf(t.getEpochSecond(), t.getNano());
  }

  /**
   * Returns the id of the period that contains the instant of epoch second {@code s} and
   * nanosecond {@code nano}, or -1 when outside a closed range (period bounds are whole seconds,
   * so the second alone decides).
   *
   * @throws java.time.DateTimeException if the instant lies too near the ends of time to be in a
   *     period
   */
  int indexOf(long s, int nano) {
    if (s >= lastStart && s < lastEnd) {
      return lastId;
    }
    long day = Math.floorDiv(s, DAY);
    long offset = day - dayBase;
    if (offset >= 0 && offset < dayIds.length) {
      int v = dayIds[(int) offset];
      if (v > 0) {
        return remember(v - 1);
      }
    }
    return searchAndCache(s, nano, day);
  }

  private int searchAndCache(long s, int nano, long day) {
    int id = search(s, nano);
    if (id >= 0) {
      long dayStart = day * DAY;
      if (startById[id] <= dayStart && dayStart + DAY <= endById[id]) {
        cacheDay(day, id);
      }
      remember(id);
    }
    return id;
  }

  @CanIgnoreReturnValue
  private int remember(int id) {
    lastId = id;
    lastStart = startById[id];
    lastEnd = endById[id];
    return id;
  }

  private void cacheDay(long day, int id) {
    if (dayIds.length == 0) {
      dayIds = new int[1024];
      dayBase = day - 256;
    }
    long offset = day - dayBase;
    if (offset < 0 || offset >= dayIds.length) {
      long from = Math.min(dayBase, day - 256);
      long to = Math.max(dayBase + dayIds.length, day + 256);
      if (to - from > MAX_DAYS) {
        return;
      }
      int[] grown = new int[(int) Math.max(to - from, dayIds.length * 2L)];
      System.arraycopy(dayIds, 0, grown, (int) (dayBase - from), dayIds.length);
      dayIds = grown;
      dayBase = from;
      offset = day - dayBase;
    }
    dayIds[(int) offset] = id + 1;
  }

  private int search(long s, int nano) {
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
    return insert(dimension.periodOf(Instant.ofEpochSecond(s, nano)));
  }

  /** Returns the start, in epoch seconds, of the period with this id. */
  long startSecond(int id) {
    return startById[id];
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
    if (id == startById.length) {
      startById = Arrays.copyOf(startById, id * 2);
      endById = Arrays.copyOf(endById, id * 2);
    }
    startById[id] = s;
    endById[id] = p.end().getEpochSecond();
    return id;
  }
}
