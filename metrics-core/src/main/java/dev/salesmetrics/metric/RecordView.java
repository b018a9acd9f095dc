package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.SalesRecord;

/**
 * A row view over domain records, reused for record after record: {@code at(deal)} points a
 * {@link DealRow} at a {@link dev.salesmetrics.model.Deal} without copying it. Engines over
 * records feed kernels through it. Not thread safe: use one view per thread.
 *
 * <pre>{@code
 * RecordView<DealRow> view = RecordView.of(DealRow.class);
 * DealRow row = view.at(deal);
 * }</pre>
 *
 * @param <V> the row view type
 */
public interface RecordView<V> {

  /**
   * Points the view at {@code record} and returns it.
   *
   * @param record a record of the view's kind ({@code Deal} for a {@code DealRow})
   * @return the view, reading {@code record}
   * @throws ClassCastException if the record is of another kind
   */
  V at(SalesRecord record);

  /**
   * Returns a new view of records as {@code rowType}.
   *
   * @param rowType {@code DealRow.class}, {@code OrderRow.class}, {@code LeadRow.class}, {@code
   *     CustomerRow.class} or {@code ResponseRow.class}
   * @param <V> the row view type
   * @return a new view
   * @throws IllegalArgumentException for another type
   */
  static <V> RecordView<V> of(Class<V> rowType) {
    return RecordViews.of(checkNotNull(rowType, "rowType"), null, null);
  }
}
