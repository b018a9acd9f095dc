package dev.salesmetrics.metric;

import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import java.time.Instant;
import java.util.Currency;
import javax.annotation.Nullable;

/**
 * The row views over domain records, and their converting forms for metrics with a converter.
 * Each view gives an instant's epoch second and its nanosecond by two accessors, which kernels
 * read together.
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano")
final class RecordViews {
  private RecordViews() {}

  /**
   * Returns a view of {@code rowType}; with a conversion, amounts are converted into its target at
   * the record's own instant ({@code closed_at}, {@code placed_at}), or at {@code periodStart} when
   * that is given.
   */
  @SuppressWarnings("unchecked")
  static <V> RecordView<V> of(
      Class<V> rowType, @Nullable Conversion conversion, @Nullable Instant periodStart) {
    Conversion c = conversion == Conversion.NONE ? null : conversion;
    Object view;
    if (rowType == DealRow.class) {
      view = new DealView(c, periodStart);
    } else if (rowType == OrderRow.class) {
      view = new OrderView(c);
    } else if (rowType == LeadRow.class) {
      view = new LeadView();
    } else if (rowType == CustomerRow.class) {
      view = new CustomerView();
    } else if (rowType == ResponseRow.class) {
      view = new ResponseView();
    } else {
      throw new IllegalArgumentException("no record view of " + rowType.getName());
    }
    return (RecordView<V>) view;
  }

  /** The code of a currency, remembering the last one looked up (records mostly share one). */
  private static final class CurrencyCache {
    @Nullable private Currency last;
    private int code;

    int code(Currency c) {
      if (c != last) {
        code = CurrencyCodes.code(c);
        last = c;
      }
      return code;
    }
  }

  /** Converts at most once per record, and only when the amount is read. */
  private static final class Converter {
    private final Conversion conversion;
    private final int targetCode;
    @Nullable private Money converted;

    Converter(Conversion conversion) {
      this.conversion = conversion;
      this.targetCode = CurrencyCodes.code(conversion.target());
    }

    void reset() {
      converted = null;
    }

    long minor(Money amount, Instant at) {
      Money m = converted;
      if (m == null) {
        m = conversion.apply(amount, at);
        converted = m;
      }
      return m.minorUnits();
    }
  }

  static final class DealView implements RecordView<DealRow>, DealRow {
    @Nullable private final Converter converter;
    @Nullable private final Instant periodStart;
    private final CurrencyCache currencies = new CurrencyCache();
    private Deal deal;

    DealView(@Nullable Conversion conversion, @Nullable Instant periodStart) {
      this.converter = conversion == null ? null : new Converter(conversion);
      this.periodStart = periodStart;
    }

    @Override
    public DealRow at(SalesRecord record) {
      deal = (Deal) record;
      if (converter != null) {
        converter.reset();
      }
      return this;
    }

    @Override
    public boolean won() {
      return deal.status() == DealStatus.WON;
    }

    @Override
    public boolean lost() {
      return deal.status() == DealStatus.LOST;
    }

    @Override
    public boolean closed() {
      return deal.status() != DealStatus.OPEN;
    }

    @Override
    public long createdAtSecond() {
      return deal.createdAt().getEpochSecond();
    }

    @Override
    public int createdAtNano() {
      return deal.createdAt().getNano();
    }

    @Override
    public long closedAtSecond() {
      Instant t = deal.closedAt();
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int closedAtNano() {
      Instant t = deal.closedAt();
      return t == null ? 0 : t.getNano();
    }

    @Override
    public boolean hasAmount() {
      return deal.amount() != null;
    }

    @Override
    public long amountMinor() {
      Money amount = deal.amount();
      if (amount == null) {
        return 0;
      }
      if (converter == null) {
        return amount.minorUnits();
      }
      Instant at = periodStart != null ? periodStart : deal.closedAt();
      return converter.minor(amount, at == null ? deal.createdAt() : at);
    }

    @Override
    public long amountMinorIf(boolean read) {
      return read ? amountMinor() : 0;
    }

    @Override
    public int currency() {
      Money amount = deal.amount();
      if (amount == null) {
        return CurrencyCodes.NONE;
      }
      return converter == null ? currencies.code(amount.currency()) : converter.targetCode;
    }

    @Override
    public int currencyIf(boolean read) {
      return read ? currency() : CurrencyCodes.NONE;
    }

    @Override
    public boolean hasProbability() {
      return deal.probability() != null;
    }

    @Override
    public double probability() {
      Double p = deal.probability();
      return p == null ? 0 : p;
    }
  }

  static final class OrderView implements RecordView<OrderRow>, OrderRow {
    @Nullable private final Converter converter;
    private final CurrencyCache currencies = new CurrencyCache();
    private Order order;

    OrderView(@Nullable Conversion conversion) {
      this.converter = conversion == null ? null : new Converter(conversion);
    }

    @Override
    public OrderRow at(SalesRecord record) {
      order = (Order) record;
      if (converter != null) {
        converter.reset();
      }
      return this;
    }

    @Override
    public boolean paid() {
      return order.status() == OrderStatus.PAID;
    }

    @Override
    public long placedAtSecond() {
      return order.placedAt().getEpochSecond();
    }

    @Override
    public int placedAtNano() {
      return order.placedAt().getNano();
    }

    @Override
    public long amountMinor() {
      return converter == null
          ? order.amount().minorUnits()
          : converter.minor(order.amount(), order.placedAt());
    }

    @Override
    public long amountMinorIf(boolean read) {
      return read ? amountMinor() : 0;
    }

    @Override
    public int currency() {
      return converter == null ? currencies.code(order.amount().currency()) : converter.targetCode;
    }

    @Override
    public int currencyIf(boolean read) {
      return read ? currency() : CurrencyCodes.NONE;
    }

    @Override
    public long units() {
      return unitsOf(order);
    }
  }

  /** The units an order sold: its lines' quantities, or 1 without lines. */
  static long unitsOf(Order order) {
    if (order.lines().isEmpty()) {
      return 1;
    }
    long n = 0;
    for (OrderLine line : order.lines()) {
      n = Math.addExact(n, line.quantity());
    }
    return n;
  }

  static final class LeadView implements RecordView<LeadRow>, LeadRow {
    private Lead lead;

    @Override
    public LeadRow at(SalesRecord record) {
      lead = (Lead) record;
      return this;
    }

    @Override
    public long createdAtSecond() {
      return lead.createdAt().getEpochSecond();
    }

    @Override
    public int createdAtNano() {
      return lead.createdAt().getNano();
    }

    @Override
    public boolean contacted() {
      return lead.firstContactAt() != null;
    }

    @Override
    public long firstContactAtSecond() {
      Instant t = lead.firstContactAt();
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int firstContactAtNano() {
      Instant t = lead.firstContactAt();
      return t == null ? 0 : t.getNano();
    }

    @Override
    public boolean converted() {
      return lead.convertedAt() != null;
    }

    @Override
    public long convertedAtSecond() {
      Instant t = lead.convertedAt();
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int convertedAtNano() {
      Instant t = lead.convertedAt();
      return t == null ? 0 : t.getNano();
    }

    @Override
    public int contactFieldsPresent() {
      return LeadDefinitions.contactFieldsPresent(lead.contact());
    }
  }

  static final class CustomerView implements RecordView<CustomerRow>, CustomerRow {
    private Customer customer;

    @Override
    public CustomerRow at(SalesRecord record) {
      customer = (Customer) record;
      return this;
    }

    @Override
    public long signedUpAtSecond() {
      return customer.signedUpAt().getEpochSecond();
    }

    @Override
    public int signedUpAtNano() {
      return customer.signedUpAt().getNano();
    }

    @Override
    public boolean activated() {
      return customer.activatedAt() != null;
    }

    @Override
    public long activatedAtSecond() {
      Instant t = customer.activatedAt();
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int activatedAtNano() {
      Instant t = customer.activatedAt();
      return t == null ? 0 : t.getNano();
    }

    @Override
    public boolean cancelled() {
      return customer.cancelledAt() != null;
    }

    @Override
    public long cancelledAtSecond() {
      Instant t = customer.cancelledAt();
      return t == null ? 0 : t.getEpochSecond();
    }

    @Override
    public int cancelledAtNano() {
      Instant t = customer.cancelledAt();
      return t == null ? 0 : t.getNano();
    }
  }

  static final class ResponseView implements RecordView<ResponseRow>, ResponseRow {
    private SurveyResponse response;

    @Override
    public ResponseRow at(SalesRecord record) {
      response = (SurveyResponse) record;
      return this;
    }

    @Override
    public long respondedAtSecond() {
      return response.respondedAt().getEpochSecond();
    }

    @Override
    public int respondedAtNano() {
      return response.respondedAt().getNano();
    }

    @Override
    public int score() {
      return response.score();
    }

    @Override
    public boolean nps() {
      return response.scale() == SurveyScale.NPS;
    }

    @Override
    public boolean csat() {
      return response.scale() == SurveyScale.CSAT;
    }
  }
}
