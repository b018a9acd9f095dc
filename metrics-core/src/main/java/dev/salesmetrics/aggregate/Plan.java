package dev.salesmetrics.aggregate;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.metric.Kernel;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Slots;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * What a query computes, checked and ready to run: the grouping dimensions (period apart), the
 * metrics, the filter, the period range and the window; and the layout of a cell (see {@link
 * CellStore}): each kernel metric's presence slot and slots in one block of {@code long}s, each
 * other metric's index among the cell's accumulators. Shared by {@link Query} and {@link
 * LiveView}. Immutable.
 */
final class Plan {
  /** The filter of a query without one; the hot path skips it. */
  static final Predicate<SalesRecord> ACCEPT_ALL = r -> true;

  final ImmutableList<Dimension> dimensions;
  @Nullable final Dimension periodDimension;
  final int periodPosition;
  final ImmutableList<Metric<?, ?>> metrics;
  final Predicate<? super SalesRecord> filter;
  @Nullable final ImmutableList<Period> range;
  @Nullable final Period during;
  @Nullable final Instant asOf;
  final boolean splitProducts;

  /** Per metric, its kernel, or null when it runs on accumulators. */
  final Kernel<?, ?>[] kernels;

  /**
   * Per kernel metric, the index in a cell's block of its presence slot (1 once a row was routed
   * to the metric in that cell, so that the cell appears for it), followed by the kernel's slots;
   * -1 for a metric on accumulators.
   */
  final int[] presence;

  /** Per metric on accumulators, its index among a cell's accumulators; -1 for a kernel metric. */
  final int[] objectIndex;

  /** The longs of a cell's block, and its number of accumulators. */
  final int width;

  final int objectCount;

  private final ImmutableList<Dimension> groupBy;

  Plan(
      ImmutableList<Dimension> groupBy,
      ImmutableList<Metric<?, ?>> metrics,
      Predicate<? super SalesRecord> filter,
      @Nullable ImmutableList<Period> range,
      @Nullable Period during,
      @Nullable Instant asOf) {
    this(groupBy, metrics, filter, range, during, asOf, true);
  }

  private Plan(
      ImmutableList<Dimension> groupBy,
      ImmutableList<Metric<?, ?>> metrics,
      Predicate<? super SalesRecord> filter,
      @Nullable ImmutableList<Period> range,
      @Nullable Period during,
      @Nullable Instant asOf,
      boolean useKernels) {
    this.groupBy = groupBy;
    if (metrics.isEmpty()) {
      throw new IllegalStateException("a query needs at least one metric: call metrics(...)");
    }
    Set<String> ids = new HashSet<>();
    for (Metric<?, ?> m : metrics) {
      if (!ids.add(m.id())) {
        throw new IllegalArgumentException("metric listed twice: " + m.id());
      }
    }
    ImmutableList.Builder<Dimension> dims = ImmutableList.builder();
    Dimension period = null;
    int position = -1;
    Set<String> dimIds = new HashSet<>();
    for (int i = 0; i < groupBy.size(); i++) {
      Dimension d = groupBy.get(i);
      if (!dimIds.add(d.id())) {
        throw new IllegalArgumentException("dimension listed twice: " + d.id());
      }
      if (d.isPeriod()) {
        period = d;
        position = i;
      } else {
        dims.add(d);
      }
    }
    this.dimensions = dims.build();
    this.periodDimension = period;
    this.periodPosition = position;
    this.metrics = metrics;
    this.filter = filter;
    this.range = range;
    this.during = during;
    this.asOf = asOf;
    this.splitProducts = dimensions.contains(Dimension.PRODUCT);
    check();
    int n = metrics.size();
    this.kernels = new Kernel<?, ?>[n];
    this.presence = new int[n];
    this.objectIndex = new int[n];
    int w = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
      Kernel<?, ?> kernel = useKernels ? metrics.get(i).kernel().orElse(null) : null;
      kernels[i] = kernel;
      if (kernel != null) {
        presence[i] = w;
        objectIndex[i] = -1;
        w += 1 + kernel.size();
      } else {
        presence[i] = -1;
        objectIndex[i] = k++;
      }
    }
    this.width = w;
    this.objectCount = k;
  }

  private void check() {
    if (periodDimension != null && during != null) {
      throw new IllegalStateException(
          "during(" + during + ") and a period dimension exclude each other: use periods(...)"
              + " to limit the periods of " + periodDimension);
    }
    if (range != null) {
      if (periodDimension == null) {
        throw new IllegalStateException(
            "periods(...) needs a period dimension in groupBy(...), e.g. Dimension.month(zone)");
      }
      for (Period p : range) {
        boolean same =
            p.granularity().equals(periodDimension.granularity().orElseThrow())
                && p.zone().equals(periodDimension.zone())
                && p.fiscal().equals(periodDimension.fiscal());
        if (!same) {
          throw new IllegalArgumentException(
              "period " + p + " is not a period of the dimension " + periodDimension);
        }
      }
    }
    for (Metric<?, ?> m : metrics) {
      boolean spanning = m.placement().isSpanning();
      if (periodDimension != null) {
        if (spanning && range == null) {
          throw new IllegalStateException(
              "metric " + m.id() + " is spanning (" + m.placement() + "): give the periods to"
                  + " compute it for with periods(from, to) or periods(list)");
        }
      } else if (m.needsPeriod() && during == null) {
        throw new IllegalStateException(
            "metric " + m.id() + " needs a period: group by a period dimension with periods(...),"
                + " or give during(period)");
      }
    }
  }

  /** Returns this plan with every metric on its accumulators, kernel or not. */
  Plan accumulatorsOnly() {
    return new Plan(groupBy, metrics, filter, range, during, asOf, false);
  }

  /** Returns the plan of some of this plan's metrics, in the given order. */
  Plan withMetrics(ImmutableList<Metric<?, ?>> some, boolean useKernels) {
    return new Plan(groupBy, some, filter, range, during, asOf, useKernels);
  }

  /** Tells whether some metric runs on a kernel. */
  boolean hasKernels() {
    return width > 0;
  }

  /** Returns empty cells for one pass of this plan over records. */
  Cells newCells() {
    return new Cells(this);
  }

  /**
   * Returns empty cells for a live stripe: each record applied to every metric on accumulators or
   * to none, only the periods {@code retention} keeps (the kernel metrics run on {@link
   * LiveCells}).
   */
  Cells newLiveCells(Retention retention) {
    return new Cells(this, retention, true);
  }

  /** Builds the table of {@code store}'s cells, reading each metric's result. */
  MetricTable toTable(CellStore store) {
    List<Map.Entry<Cells.RowKey, MetricValue[]>> rows = new ArrayList<>(store.size());
    Slots slots = new Slots();
    long[] data = store.slots;
    for (int c = 0; c < store.size(); c++) {
      MetricValue[] v = null;
      int base = c * width;
      for (int m = 0; m < kernels.length; m++) {
        MetricValue value;
        try {
          if (kernels[m] != null) {
            int at = base + presence[m];
            value = data[at] == 0 ? null : kernels[m].result(slots.at(data, at + 1));
          } else {
            MetricAccumulator<?, ?> acc = store.object(c, m);
            value = acc == null ? null : acc.result();
          }
        } catch (RuntimeException x) {
          throw ErrorContext.add(
              x, ErrorContext.where(metrics.get(m).id(), store.rowKey(c)) + ", computing the result");
        }
        if (value != null) {
          if (v == null) {
            v = new MetricValue[kernels.length];
          }
          v[m] = value;
        }
      }
      if (v != null) {
        rows.add(Map.entry(store.rowKey(c), v));
      }
    }
    return MetricTable.create(this, rows);
  }
}
