package dev.salesmetrics.aggregate;

import dev.salesmetrics.metric.CustomerRow;
import dev.salesmetrics.metric.DealRow;
import dev.salesmetrics.metric.LeadRow;
import dev.salesmetrics.metric.OrderRow;
import dev.salesmetrics.metric.ResponseRow;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SurveyResponse;
import javax.annotation.Nullable;

/** The kinds of record a {@link ColumnStore} holds in columns, with their record and row types. */
enum RowKind {
  DEAL(Deal.class, DealRow.class),
  ORDER(Order.class, OrderRow.class),
  LEAD(Lead.class, LeadRow.class),
  CUSTOMER(Customer.class, CustomerRow.class),
  RESPONSE(SurveyResponse.class, ResponseRow.class);

  final Class<?> recordType;
  final Class<?> rowType;

  RowKind(Class<?> recordType, Class<?> rowType) {
    this.recordType = recordType;
    this.rowType = rowType;
  }

  /** The kind whose row view is {@code rowType}, or null. */
  @Nullable
  static RowKind ofRow(Class<?> rowType) {
    for (RowKind k : values()) {
      if (k.rowType == rowType) {
        return k;
      }
    }
    return null;
  }

  /** The kind of records of {@code type}, or null when a column store keeps them as objects. */
  @Nullable
  static RowKind ofRecord(Class<?> type) {
    for (RowKind k : values()) {
      if (k.recordType == type) {
        return k;
      }
    }
    return null;
  }
}
