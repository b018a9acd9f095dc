package dev.salesmetrics.aggregate;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricAccumulator;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * What a query computes, checked and ready to run: the grouping dimensions (period apart), the
 * metrics, the filter, the period range and the window. Shared by {@link Query} and {@link
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

  Plan(
      ImmutableList<Dimension> groupBy,
      ImmutableList<Metric<?, ?>> metrics,
      Predicate<? super SalesRecord> filter,
      @Nullable ImmutableList<Period> range,
      @Nullable Period during,
      @Nullable Instant asOf) {
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

  /** Returns empty cells for one pass of this plan. */
  Cells newCells() {
    return new Cells(this);
  }

  /**
   * Returns empty cells for a live stripe: each record applied to every metric or to none, only
   * the periods {@code retention} keeps.
   */
  Cells newLiveCells(Retention retention) {
    return new Cells(this, retention, true);
  }

  /** Merges {@code from} into {@code into}; neither map nor accumulator of {@code from} is kept. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void merge(
      Map<Cells.RowKey, MetricAccumulator<?, ?>[]> into,
      Map<Cells.RowKey, MetricAccumulator<?, ?>[]> from) {
    String[] metricIds = new String[metrics.size()];
    for (int i = 0; i < metricIds.length; i++) {
      metricIds[i] = metrics.get(i).id();
    }
    for (Map.Entry<Cells.RowKey, MetricAccumulator<?, ?>[]> e : from.entrySet()) {
      MetricAccumulator<?, ?>[] mine = into.get(e.getKey());
      if (mine == null) {
        into.put(e.getKey(), e.getValue());
        continue;
      }
      MetricAccumulator<?, ?>[] theirs = e.getValue();
      for (int i = 0; i < mine.length; i++) {
        if (theirs[i] == null) {
          continue;
        }
        if (mine[i] == null) {
          mine[i] = theirs[i];
        } else {
          try {
            ((MetricAccumulator) mine[i]).merge(theirs[i]);
          } catch (RuntimeException x) {
            throw ErrorContext.add(
                x,
                ErrorContext.where(metricIds[i], e.getKey())
                    + ", adding up the stripes of a live view");
          }
        }
      }
    }
  }

  /** Builds the table of the merged cells, reading each accumulator's result. */
  MetricTable toTable(Map<Cells.RowKey, MetricAccumulator<?, ?>[]> cells) {
    Map<Cells.RowKey, MetricValue[]> values = new HashMap<>();
    for (Map.Entry<Cells.RowKey, MetricAccumulator<?, ?>[]> e : cells.entrySet()) {
      MetricAccumulator<?, ?>[] accs = e.getValue();
      MetricValue[] v = new MetricValue[accs.length];
      for (int i = 0; i < accs.length; i++) {
        try {
          v[i] = accs[i] == null ? null : accs[i].result();
        } catch (RuntimeException x) {
          throw ErrorContext.add(
              x, ErrorContext.where(metrics.get(i).id(), e.getKey()) + ", computing the result");
        }
      }
      values.put(e.getKey(), v);
    }
    return MetricTable.create(this, values);
  }
}
