package dev.salesmetrics.aggregate;

import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.internal.SafeText;
import dev.salesmetrics.metric.CurrencyCodes;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import javax.annotation.Nullable;

/**
 * One appender's rows of a {@link ColumnStore}, as the columnar engine reads them whatever their
 * kind: the text columns dimensions read, the instant columns rows are placed by (by field name),
 * and each row as a record or as words for a message.
 */
final class Segment {
  final RowKind kind;
  final Object columns;
  final int size;
  /** The number of the segment's first row among the rows of its kind in the store. */
  final int offset;
  private final ImmutableMap<TextField, Columns.Text> texts;
  private final ImmutableMap<String, Columns.Instants> instants;
  private final IntFunction<SalesRecord> records;
  private final IntFunction<String> ids;
  private final IntFunction<String> details;
  private final IntPredicate split;

  private Segment(
      RowKind kind,
      Object columns,
      int size,
      int offset,
      ImmutableMap<TextField, Columns.Text> texts,
      ImmutableMap<String, Columns.Instants> instants,
      IntFunction<SalesRecord> records,
      IntFunction<String> ids,
      IntFunction<String> details,
      IntPredicate split) {
    this.kind = kind;
    this.columns = columns;
    this.size = size;
    this.offset = offset;
    this.texts = texts;
    this.instants = instants;
    this.records = records;
    this.ids = ids;
    this.details = details;
    this.split = split;
  }

  /** The segments of {@code store}, kind by kind. */
  static List<Segment> of(ColumnStore store) {
    List<Segment> out = new ArrayList<>();
    int offset = 0;
    for (DealAppender a : store.deals) {
      out.add(deals(a, offset));
      offset += a.size();
    }
    offset = 0;
    for (OrderAppender a : store.orders) {
      out.add(orders(a, offset));
      offset += a.size();
    }
    offset = 0;
    for (LeadAppender a : store.leads) {
      String[] ids = a.ids;
      out.add(
          new Segment(
              RowKind.LEAD, a, a.size(), offset,
              ImmutableMap.of(
                  TextField.REP, a.reps,
                  TextField.CAMPAIGN, a.campaigns,
                  TextField.SOURCE, a.sources,
                  TextField.CUSTOMER, a.customers),
              ImmutableMap.of(
                  "created_at", a.created,
                  "first_contact_at", a.firstContact,
                  "converted_at", a.converted),
              a::lead,
              r -> ids == null ? null : ids[r],
              r -> "",
              r -> false));
      offset += a.size();
    }
    offset = 0;
    for (CustomerAppender a : store.customers) {
      out.add(
          new Segment(
              RowKind.CUSTOMER, a, a.size(), offset,
              ImmutableMap.of(
                  TextField.REP, a.reps,
                  TextField.CAMPAIGN, a.campaigns,
                  TextField.CUSTOMER, a.ids),
              ImmutableMap.of(
                  "signed_up_at", a.signedUp,
                  "activated_at", a.activated,
                  "cancelled_at", a.cancelled),
              a::customer,
              a.ids::value,
              r -> "",
              r -> false));
      offset += a.size();
    }
    offset = 0;
    for (ResponseAppender a : store.responses) {
      out.add(
          new Segment(
              RowKind.RESPONSE, a, a.size(), offset,
              ImmutableMap.of(TextField.CUSTOMER, a.customers),
              ImmutableMap.of("responded_at", a.responded),
              a::response,
              r -> null,
              r -> " (customer " + a.customers.value(r) + ")",
              r -> false));
      offset += a.size();
    }
    return out;
  }

  private static Segment deals(DealAppender a, int offset) {
    String[] ids = a.ids;
    return new Segment(
        RowKind.DEAL, a, a.size(), offset,
        ImmutableMap.of(
            TextField.REP, a.reps,
            TextField.PRODUCT, a.products,
            TextField.CUSTOMER, a.customers,
            TextField.LEAD, a.leads),
        ImmutableMap.of("created_at", a.created, "closed_at", a.closed),
        a::deal,
        r -> ids == null ? null : ids[r],
        r -> {
          byte s = a.status[r];
          return " (rep "
              + a.reps.value(r)
              + ", status "
              + (s == DealAppender.WON ? "won" : s == DealAppender.LOST ? "lost" : "open")
              + (a.closed.has(r) ? ", closed_at " + a.closed.instant(r) : "")
              + (a.amounts.has(r) ? ", amount " + money(a.amounts, r) : "")
              + ")";
        },
        r -> false);
  }

  private static Segment orders(OrderAppender a, int offset) {
    String[] ids = a.ids;
    return new Segment(
        RowKind.ORDER, a, a.size(), offset,
        ImmutableMap.of(
            TextField.REP, a.reps,
            TextField.PRODUCT, a.products,
            TextField.CUSTOMER, a.customers),
        ImmutableMap.of("placed_at", a.placed),
        a::order,
        r -> ids == null ? null : ids[r],
        r ->
            " (customer "
                + a.customers.value(r)
                + ", status "
                + (a.status[r] == OrderAppender.PAID ? "paid" : "refunded")
                + ", placed_at "
                + a.placed.instant(r)
                + ", amount "
                + money(a.amounts, r)
                + ")",
        a::severalProducts);
  }

  private static String money(Columns.Amounts amounts, int r) {
    return Money.ofMinor(amounts.minor[r], CurrencyCodes.currency(amounts.currency[r])).toString();
  }

  /** The text column of a field, or null when rows of this kind have none. */
  @Nullable
  Columns.Text text(TextField field) {
    return texts.get(field);
  }

  /** The instant column of a field name such as {@code closed_at}, or null. */
  @Nullable
  Columns.Instants instants(String field) {
    return instants.get(field);
  }

  /** Row {@code r} as a record. */
  SalesRecord record(int r) {
    return records.apply(r);
  }

  /** Tells whether row {@code r} is an order whose lines name several products. */
  boolean severalProducts(int r) {
    return split.test(r);
  }

  /** Names row {@code r} for a message: {@code "deal D2"}, or its row number and fields. */
  String describe(int r) {
    String id = ids.apply(r);
    String kindName = kind.name().toLowerCase(java.util.Locale.ROOT);
    if (kind == RowKind.RESPONSE) {
      kindName = "survey response";
    }
    return SafeText.forTerminal(
        id != null
            ? kindName + " " + id
            : "the " + kindName + " in row " + (offset + r) + details.apply(r));
  }

  /** The instant of row {@code r} of an instant column, for a message. */
  static Instant instant(Columns.Instants column, int r) {
    return Instant.ofEpochSecond(column.second(r), column.nano(r));
  }
}
