package dev.salesmetrics.aggregate;

/**
 * The dictionary-coded text columns of a {@link ColumnStore} that grouping dimensions read: a
 * built-in dimension is a function of one of them per kind of row (see {@link
 * Dimension#field(RowKind)}).
 */
enum TextField {
  /** The rep id of a deal, order, lead or customer. */
  REP,
  /** A deal's product; an order's product (the one product of its lines). */
  PRODUCT,
  /** The customer of a deal, order, lead or response; a customer's own id. */
  CUSTOMER,
  /** The lead a deal came from. */
  LEAD,
  /** The campaign of a lead or customer. */
  CAMPAIGN,
  /** The source of a lead. */
  SOURCE
}
