package dev.salesmetrics.aggregate;

import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The key layout every engine shares: a cell is a group and a period; a group is one dense code
 * per grouping dimension (a {@link Codes.Values} dictionary per dimension, keyed by the string a
 * record holds, a null or blank value being {@value Dimension#NONE}), combined into one dense
 * group id; a period is a dense id from a {@link PeriodLookup}. No key object is built per row:
 * the {@link GroupKey} of a group is made once, when a table or a message needs it.
 *
 * <p>Codes combine in one of two ways. <em>Chained</em> keys (queries over records, live views)
 * grow as values arrive: the codes of several dimensions are chained pairwise through {@link
 * Codes.Pairs}. <em>Radix</em> keys (the columnar engine) know every value up front, from the
 * dictionaries of a column store, so a group id is the mixed-radix number of its codes and cells
 * can sit side by side in one flat array, addressed by arithmetic. Not thread safe, except that a
 * radix layout, once prepared, is only read.
 */
final class Keys {
  private final Dimension[] dims;
  final Codes.Values[] dictionaries;
  @Nullable private final Codes.Pairs[] chains;
  @Nullable private final int[] radix;
  @Nullable final PeriodLookup periods;
  private final Map<Integer, GroupKey> cache = new HashMap<>();

  private Keys(
      Plan plan,
      Codes.Values[] dictionaries,
      @Nullable int[] radix,
      @Nullable PeriodLookup periods) {
    this.dims = plan.dimensions.toArray(new Dimension[0]);
    this.dictionaries = dictionaries;
    this.radix = radix;
    if (radix == null) {
      chains = new Codes.Pairs[dims.length];
      for (int i = 0; i < dims.length; i++) {
        chains[i] = new Codes.Pairs();
      }
    } else {
      chains = null;
    }
    this.periods = periods;
  }

  /** Chained keys that grow as records arrive; periods of the plan's range, or any. */
  static Keys chained(Plan plan) {
    Codes.Values[] dictionaries = new Codes.Values[plan.dimensions.size()];
    for (int i = 0; i < dictionaries.length; i++) {
      dictionaries[i] = new Codes.Values();
    }
    PeriodLookup periods = null;
    if (plan.periodDimension != null) {
      periods =
          plan.range != null
              ? new PeriodLookup(plan.periodDimension, plan.range)
              : new PeriodLookup(plan.periodDimension);
    }
    return new Keys(plan, dictionaries, null, periods);
  }

  /**
   * Radix keys over dictionaries that already hold every value (their sizes are the radices), and
   * a closed period lookup (or none without a period dimension).
   */
  static Keys radix(Plan plan, Codes.Values[] dictionaries, @Nullable PeriodLookup periods) {
    int[] radix = new int[dictionaries.length];
    for (int i = 0; i < radix.length; i++) {
      radix[i] = Math.max(1, dictionaries[i].size());
    }
    return new Keys(plan, dictionaries, radix, periods);
  }

  /** Tells whether group ids are mixed-radix numbers, fixed up front. */
  boolean isRadix() {
    return radix != null;
  }

  /** The number of groups of a radix layout: the product of the radices. */
  long groupCount() {
    long n = 1;
    for (int r : radix) {
      n *= r;
    }
    return n;
  }

  /** The number of grouping dimensions (the period dimension apart). */
  int dimensions() {
    return dims.length;
  }

  /** Returns the group id of a record. */
  int groupOf(SalesRecord record) {
    int d = dims.length;
    if (d == 0) {
      return 0;
    }
    if (radix != null) {
      int g = 0;
      for (int i = 0; i < d; i++) {
        g = g * radix[i] + known(i, dictionaries[i].code(dims[i].rawValueOf(record)));
      }
      return g;
    }
    int id = dictionaries[0].code(dims[0].rawValueOf(record));
    for (int i = 1; i < d; i++) {
      id = chains[i].code(id, dictionaries[i].code(dims[i].rawValueOf(record)));
    }
    return id;
  }

  private int known(int dimension, int code) {
    if (code >= radix[dimension]) {
      throw new IllegalStateException(
          "value " + dictionaries[dimension].name(code) + " of " + dims[dimension]
              + " is not among the values the columns were prepared with");
    }
    return code;
  }

  /** Returns the group id of one code per dimension (creating it in chained keys). */
  int group(int[] codes) {
    int d = dims.length;
    if (d == 0) {
      return 0;
    }
    if (radix != null) {
      int g = 0;
      for (int i = 0; i < d; i++) {
        g = g * radix[i] + codes[i];
      }
      return g;
    }
    int id = codes[0];
    for (int i = 1; i < d; i++) {
      id = chains[i].code(id, codes[i]);
    }
    return id;
  }

  /** Writes the code per dimension of {@code group} into {@code out}. */
  void codes(int group, int[] out) {
    int d = dims.length;
    if (d == 0) {
      return;
    }
    int id = group;
    if (radix != null) {
      for (int i = d - 1; i >= 0; i--) {
        out[i] = id % radix[i];
        id /= radix[i];
      }
      return;
    }
    for (int i = d - 1; i > 0; i--) {
      out[i] = chains[i].second(id);
      id = chains[i].first(id);
    }
    out[0] = id;
  }

  /** Returns the key of a group, made once. */
  GroupKey key(int group) {
    int d = dims.length;
    if (d == 0) {
      return GroupKey.overall();
    }
    GroupKey known = cache.get(group);
    if (known != null) {
      return known;
    }
    int[] codes = new int[d];
    codes(group, codes);
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < d; i++) {
      values.put(dims[i].id(), dictionaries[i].name(codes[i]));
    }
    GroupKey k = GroupKey.of(values);
    cache.put(group, k);
    return k;
  }

  /** Returns the period of an id, or null without a period dimension. */
  @Nullable
  Period period(int id) {
    return periods == null ? null : periods.period(id);
  }
}
