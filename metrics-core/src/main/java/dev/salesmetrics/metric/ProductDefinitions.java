package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderLine;
import dev.salesmetrics.model.OrderStatus;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;

/** The product metrics of the catalogue: units sold and each product's share of revenue. */
final class ProductDefinitions {
  private ProductDefinitions() {}

  static Metric<Order, Count> unitsSold() {
    return Metric.builder("units_sold", Order.class)
        .description(
            "sum of line quantities of paid orders placed in the period; an order without lines"
                + " counts as 1 unit")
        .unit(MetricUnit.COUNT)
        .placedAt("placed_at", Order::placedAt)
        .kernel(
            Kernel.of(
                OrderRow.class,
                List.of(SlotKind.SUM),
                (order, s, window) -> {
                  if (order.paid()) {
                    s.add(0, order.units());
                  }
                },
                s -> Count.of(s.get(0))));
  }

  /** Line revenue per product in one currency, and the number of lines. */
  static final class RevenueByProduct {
    final Map<String, Long> minorByProduct = new TreeMap<>();
    @Nullable Currency currency;
    long lines;

    void add(String product, Money amount) {
      checkCurrency(amount.currency());
      minorByProduct.merge(product, amount.minorUnits(), Math::addExact);
      lines++;
    }

    void checkCurrency(Currency c) {
      if (currency == null) {
        currency = c;
      } else if (!currency.equals(c)) {
        throw new CurrencyMismatchException(currency, c);
      }
    }

    void merge(RevenueByProduct other) {
      if (other.currency != null) {
        checkCurrency(other.currency);
      }
      other.minorByProduct.forEach((k, v) -> minorByProduct.merge(k, v, Math::addExact));
      lines = Math.addExact(lines, other.lines);
    }

    void addOrder(Order order, Window window, Conversion conversion) {
      if (order.status() != OrderStatus.PAID || !window.contains(order.placedAt())) {
        return;
      }
      if (order.lines().isEmpty()) {
        add(Shares.UNKNOWN_PRODUCT, conversion.apply(order.amount(), order.placedAt()));
      }
      for (OrderLine line : order.lines()) {
        add(line.product(), conversion.apply(line.amount(), order.placedAt()));
      }
    }
  }

  static Metric<Order, Shares> productRevenueShares(Conversion conversion) {
    return Metric.builder("product_revenue_share", Order.class)
        .description(
            "per product: line revenue of paid orders placed in the period / all line revenue in"
                + " the period")
        .unit(MetricUnit.TABLE)
        .placedAt("placed_at", Order::placedAt)
        .accumulate(
            window -> new RevenueByProduct(),
            (s, order, window) -> s.addOrder(order, window, conversion),
            RevenueByProduct::merge,
            s -> s.lines == 0 ? Shares.empty() : Shares.of(s.minorByProduct, s.lines));
  }

  /** The id of the single-product variant: the product lowercased, other characters as '_'. */
  static String productId(String product) {
    StringBuilder b = new StringBuilder("product_revenue_share.");
    for (char c : product.toLowerCase(Locale.ROOT).toCharArray()) {
      b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return b.toString();
  }

  static Metric<Order, Ratio> productRevenueShare(
      String product, Conversion conversion) {
    checkNotNull(product, "product");
    if (product.isBlank()) {
      throw new IllegalArgumentException("product must not be blank: \"" + product + "\"");
    }
    return Metric.builder(productId(product), Order.class)
        .description(
            "line revenue of "
                + product
                + " in paid orders placed in the period / all line"
                + " revenue in the period")
        .unit(MetricUnit.RATIO)
        .placedAt("placed_at", Order::placedAt)
        .accumulate(
            window -> new RevenueByProduct(),
            (s, order, window) -> s.addOrder(order, window, conversion),
            RevenueByProduct::merge,
            s ->
                s.lines == 0 ? Ratio.empty() : Shares.of(s.minorByProduct, s.lines).share(product));
  }
}
