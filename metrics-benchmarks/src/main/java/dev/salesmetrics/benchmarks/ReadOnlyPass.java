package dev.salesmetrics.benchmarks;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory-speed floor: the four columns of a {@code ColumnStore}'s deals that the aggregation
 * query reads (rep code, {@code closed_at} epoch seconds, amount in minor units, status byte), read
 * once and summed. No group-by can read less.
 */
final class ReadOnlyPass {
  final int[] rep;
  final long[] at;
  final long[] amount;
  final byte[] status;

  ReadOnlyPass(List<Deal> deals) {
    int n = deals.size();
    rep = new int[n];
    at = new long[n];
    amount = new long[n];
    status = new byte[n];
    Map<String, Integer> codes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Deal d = deals.get(i);
      rep[i] = codes.computeIfAbsent(d.repId(), k -> codes.size());
      at[i] = d.closedAt().getEpochSecond();
      amount[i] = d.amount().minorUnits();
      status[i] = (byte) (d.status() == DealStatus.WON ? 1 : 2);
    }
  }

  int size() {
    return rep.length;
  }

  long sum(int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += rep[i] + at[i] + amount[i] + status[i];
    }
    return s;
  }
}
