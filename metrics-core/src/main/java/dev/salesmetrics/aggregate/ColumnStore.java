package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * Sales records in columns: deals, orders, leads, customers and survey responses as primitive
 * arrays (epoch seconds, minor units, dictionary codes of repeated text), the other records
 * (reps, quotas, campaigns: few) as they are. {@link Query#of(ColumnStore)} runs a query over it
 * on the columnar engine, which reads these arrays directly and feeds every kernel metric without
 * an object per row; it gives the table a query over the same records gives.
 *
 * <pre>{@code
 * ColumnStore store = ColumnStore.of(records);            // from records
 * MetricTable t = Query.of(store)
 *     .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
 *     .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE)
 *     .runParallel();
 * }</pre>
 *
 * <p><b>Filling it column by column.</b> A loader fills a store without building a record per row
 * through {@link #builder()}: each call of {@link Builder#deals()}, {@link Builder#orders()},
 * {@link Builder#leads()}, {@link Builder#customers()} or {@link Builder#responses()} returns a new
 * appender for one segment of rows, so that each thread can parse its own chunk of a file into its
 * own segment; segments keep the order in which their appenders were made, whatever thread fills
 * them. A row is set field by field ({@code rep("R1")}, {@code createdAt(second, nano)}, ...) and
 * ended with {@code endRow()}, which checks it by the rules of its domain record and throws the
 * record's own exception for a bad row (then forgets the row). {@link Builder#build()} seals the
 * appenders and returns the store; an appender is not used after that.
 *
 * <pre>{@code
 * ColumnStore.Builder b = ColumnStore.builder();
 * DealAppender chunk = b.deals();          // one per thread or chunk, in file order
 * chunk.id("D1").rep("R1").amount(120_000, Currency.getInstance("USD"))
 *     .createdAt(1_704_067_200L, 0).status(DealStatus.WON).closedAt(1_706_745_600L, 0)
 *     .endRow();
 * ColumnStore store = b.build();
 * }</pre>
 *
 * <p>A metric without a kernel, a filter, an as-of instant or a custom dimension need the rows as
 * records: the store then makes one per row, from every column it holds, so it runs everywhere,
 * only slower; such a run needs the rows' ids. The store is immutable once built and safe to read
 * from many threads. Iterating over it gives every record (made on the fly, reps, quotas and
 * campaigns first).
 */
public final class ColumnStore implements Iterable<SalesRecord> {
  final ImmutableList<DealAppender> deals;
  final ImmutableList<OrderAppender> orders;
  final ImmutableList<LeadAppender> leads;
  final ImmutableList<CustomerAppender> customers;
  final ImmutableList<ResponseAppender> responses;
  final ImmutableList<SalesRecord> others;

  private ColumnStore(Builder b) {
    this.deals = ImmutableList.copyOf(b.deals);
    this.orders = ImmutableList.copyOf(b.orders);
    this.leads = ImmutableList.copyOf(b.leads);
    this.customers = ImmutableList.copyOf(b.customers);
    this.responses = ImmutableList.copyOf(b.responses);
    this.others = ImmutableList.copyOf(b.others);
  }

  /**
   * Returns the columns of {@code records}, which may mix kinds.
   *
   * @param records the records
   * @return the store
   */
  public static ColumnStore of(Iterable<? extends SalesRecord> records) {
    checkNotNull(records, "records");
    Builder b = builder();
    for (SalesRecord r : records) {
      b.add(checkNotNull(r, "record"));
    }
    return b.build();
  }

  /**
   * Starts an empty store to fill segment by segment, row by row.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the number of deals.
   *
   * @return the count
   */
  public int deals() {
    return count(deals);
  }

  /**
   * Returns the number of orders.
   *
   * @return the count
   */
  public int orders() {
    int n = 0;
    for (OrderAppender a : orders) {
      n += a.size();
    }
    return n;
  }

  /**
   * Returns the number of leads.
   *
   * @return the count
   */
  public int leads() {
    int n = 0;
    for (LeadAppender a : leads) {
      n += a.size();
    }
    return n;
  }

  /**
   * Returns the number of customers.
   *
   * @return the count
   */
  public int customers() {
    int n = 0;
    for (CustomerAppender a : customers) {
      n += a.size();
    }
    return n;
  }

  /**
   * Returns the number of survey responses.
   *
   * @return the count
   */
  public int responses() {
    int n = 0;
    for (ResponseAppender a : responses) {
      n += a.size();
    }
    return n;
  }

  /**
   * Returns the records kept as objects: reps, quotas and campaigns.
   *
   * @return the records, in the order they were added
   */
  public ImmutableList<SalesRecord> others() {
    return others;
  }

  private static int count(List<DealAppender> segments) {
    int n = 0;
    for (DealAppender a : segments) {
      n += a.size();
    }
    return n;
  }

  /**
   * Returns the bytes the column arrays hold: the per-row cost of the store (dictionaries and the
   * text of ids not counted).
   *
   * @return the size of the arrays' contents in bytes
   */
  public long columnBytes() {
    long n = 0;
    for (DealAppender a : deals) {
      n += a.columnBytes();
    }
    for (OrderAppender a : orders) {
      n += a.columnBytes();
    }
    for (LeadAppender a : leads) {
      n += a.columnBytes();
    }
    for (CustomerAppender a : customers) {
      n += a.columnBytes();
    }
    for (ResponseAppender a : responses) {
      n += a.columnBytes();
    }
    return n;
  }

  /**
   * Returns every record, made on the fly from the columns: the others first, then deals, orders,
   * leads, customers and responses, each in the order appended.
   *
   * @return a read-only list view; each {@code get} makes a new record
   * @throws IllegalStateException (from {@code get}) for a row appended without its id
   */
  public List<SalesRecord> records() {
    return new Records();
  }

  /**
   * Iterates over {@link #records()}.
   *
   * @return an iterator making each record as it goes
   */
  @Override
  public Iterator<SalesRecord> iterator() {
    return records().iterator();
  }

  /**
   * Formats as the row counts.
   *
   * @return e.g. {@code "ColumnStore[1000000 deals, 0 orders, 0 leads, 0 customers, 0 responses,
   *     0 others]"}
   */
  @Override
  public String toString() {
    return "ColumnStore["
        + deals()
        + " deals, "
        + orders()
        + " orders, "
        + leads()
        + " leads, "
        + customers()
        + " customers, "
        + responses()
        + " responses, "
        + others.size()
        + " others]";
  }

  /** The records of the store as a list, each made when read. */
  private final class Records extends AbstractList<SalesRecord> implements RandomAccess {
    private final int[] ends = new int[6];

    Records() {
      int n = others.size();
      ends[0] = n;
      n += deals();
      ends[1] = n;
      n += orders();
      ends[2] = n;
      n += leads();
      ends[3] = n;
      n += customers();
      ends[4] = n;
      n += responses();
      ends[5] = n;
    }

    @Override
    public SalesRecord get(int index) {
      if (index < 0 || index >= ends[5]) {
        throw new IndexOutOfBoundsException("index " + index + " of " + ends[5] + " records");
      }
      if (index < ends[0]) {
        return others.get(index);
      }
      int i = index;
      if (i < ends[1]) {
        i -= ends[0];
        for (DealAppender a : deals) {
          if (i < a.size()) {
            return a.deal(i);
          }
          i -= a.size();
        }
      } else if (i < ends[2]) {
        i -= ends[1];
        for (OrderAppender a : orders) {
          if (i < a.size()) {
            return a.order(i);
          }
          i -= a.size();
        }
      } else if (i < ends[3]) {
        i -= ends[2];
        for (LeadAppender a : leads) {
          if (i < a.size()) {
            return a.lead(i);
          }
          i -= a.size();
        }
      } else if (i < ends[4]) {
        i -= ends[3];
        for (CustomerAppender a : customers) {
          if (i < a.size()) {
            return a.customer(i);
          }
          i -= a.size();
        }
      } else {
        i -= ends[4];
        for (ResponseAppender a : responses) {
          if (i < a.size()) {
            return a.response(i);
          }
          i -= a.size();
        }
      }
      throw new IllegalStateException("no record at index " + index);
    }

    @Override
    public int size() {
      return ends[5];
    }
  }

  /**
   * Fills a {@link ColumnStore}: appenders for segments of rows, or whole records with {@link
   * #add}. Thread safe: several threads may each take and fill their own appenders; {@link #build}
   * once they are done.
   */
  public static final class Builder {
    private final List<DealAppender> deals = new ArrayList<>();
    private final List<OrderAppender> orders = new ArrayList<>();
    private final List<LeadAppender> leads = new ArrayList<>();
    private final List<CustomerAppender> customers = new ArrayList<>();
    private final List<ResponseAppender> responses = new ArrayList<>();
    private final List<SalesRecord> others = new ArrayList<>();
    private DealAppender dealTail;
    private OrderAppender orderTail;
    private LeadAppender leadTail;
    private CustomerAppender customerTail;
    private ResponseAppender responseTail;
    private boolean built;

    private Builder() {}

    /**
     * Returns a new appender for a segment of deals, after the segments taken before.
     *
     * @return the appender, not thread safe
     * @throws IllegalStateException if the store was built
     */
    public synchronized DealAppender deals() {
      checkOpen();
      DealAppender a = new DealAppender();
      deals.add(a);
      return a;
    }

    /**
     * Returns a new appender for a segment of orders, after the segments taken before.
     *
     * @return the appender, not thread safe
     * @throws IllegalStateException if the store was built
     */
    public synchronized OrderAppender orders() {
      checkOpen();
      OrderAppender a = new OrderAppender();
      orders.add(a);
      return a;
    }

    /**
     * Returns a new appender for a segment of leads, after the segments taken before.
     *
     * @return the appender, not thread safe
     * @throws IllegalStateException if the store was built
     */
    public synchronized LeadAppender leads() {
      checkOpen();
      LeadAppender a = new LeadAppender();
      leads.add(a);
      return a;
    }

    /**
     * Returns a new appender for a segment of customers, after the segments taken before.
     *
     * @return the appender, not thread safe
     * @throws IllegalStateException if the store was built
     */
    public synchronized CustomerAppender customers() {
      checkOpen();
      CustomerAppender a = new CustomerAppender();
      customers.add(a);
      return a;
    }

    /**
     * Returns a new appender for a segment of survey responses, after the segments taken before.
     *
     * @return the appender, not thread safe
     * @throws IllegalStateException if the store was built
     */
    public synchronized ResponseAppender responses() {
      checkOpen();
      ResponseAppender a = new ResponseAppender();
      responses.add(a);
      return a;
    }

    /**
     * Adds one record: a deal, order, lead, customer or response to the last segment of its kind
     * that this method opened (a new one after an appender was taken), any other record as it is.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException if the store was built
     */
    @CanIgnoreReturnValue
    public synchronized Builder add(SalesRecord record) {
      checkOpen();
      checkNotNull(record, "record");
      if (record instanceof Deal d) {
        if (dealTail == null || deals.get(deals.size() - 1) != dealTail) {
          dealTail = deals();
        }
        dealTail.add(d);
      } else if (record instanceof Order o) {
        if (orderTail == null || orders.get(orders.size() - 1) != orderTail) {
          orderTail = orders();
        }
        orderTail.add(o);
      } else if (record instanceof Lead l) {
        if (leadTail == null || leads.get(leads.size() - 1) != leadTail) {
          leadTail = leads();
        }
        leadTail.add(l);
      } else if (record instanceof Customer c) {
        if (customerTail == null || customers.get(customers.size() - 1) != customerTail) {
          customerTail = customers();
        }
        customerTail.add(c);
      } else if (record instanceof SurveyResponse s) {
        if (responseTail == null || responses.get(responses.size() - 1) != responseTail) {
          responseTail = responses();
        }
        responseTail.add(s);
      } else {
        others.add(record);
      }
      return this;
    }

    /**
     * Seals every appender and returns the store.
     *
     * @return the store
     * @throws IllegalStateException if it was built already
     */
    public synchronized ColumnStore build() {
      checkOpen();
      built = true;
      deals.forEach(DealAppender::seal);
      orders.forEach(OrderAppender::seal);
      leads.forEach(LeadAppender::seal);
      customers.forEach(CustomerAppender::seal);
      responses.forEach(ResponseAppender::seal);
      return new ColumnStore(this);
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("the column store was built");
      }
    }
  }
}
