package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of the "Products" section of docs/METRICS.md, and the edges. */
class ProductMetricsTest {
  private static final Window IN_MARCH =
      Window.of(Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC));

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static Order.Builder order(String id, String at, String amount) {
    return Order.builder(id, "K1", Instant.parse(at), usd(amount));
  }

  static final List<Order> ORDERS =
      List.of(
          order("O1", "2024-03-01T00:00:00Z", "30.00")
              .line("widget", 2, usd("20.00"))
              .line("gadget", 1, usd("10.00"))
              .build(),
          order("O2", "2024-03-31T23:59:59Z", "5.00").build(),
          order("O3", "2024-03-10T00:00:00Z", "50.00")
              .line("widget", 5, usd("50.00"))
              .status(OrderStatus.REFUNDED)
              .build(),
          order("O4", "2024-04-01T00:00:00Z", "10.00").line("widget", 1, usd("10.00")).build());

  @Test
  void unitsSoldWorkedExample() {
    // 2 widgets + 1 gadget + 1 for the order without lines; refunded and April orders ignored
    assertThat(Metrics.UNITS_SOLD.compute(ORDERS, IN_MARCH).value()).isEqualTo(Count.of(4));
    assertThat(Metrics.UNITS_SOLD.compute(ORDERS).value()).isEqualTo(Count.of(5));
    assertThat(Metrics.UNITS_SOLD.compute(List.of(), IN_MARCH).value()).isEqualTo(Count.of(0));
  }

  @Test
  void productRevenueShareWorkedExample() {
    Shares shares = Metrics.PRODUCT_REVENUE_SHARE.compute(ORDERS, IN_MARCH).value();
    assertThat(shares.shares())
        .containsExactly(
            Map.entry(Shares.UNKNOWN_PRODUCT, Ratio.of(500, 3500)),
            Map.entry("gadget", Ratio.of(1000, 3500)),
            Map.entry("widget", Ratio.of(2000, 3500)));
    assertThat(shares.toString())
        .isEqualTo(
            "(unknown) 14.3% (500/3500), gadget 28.6% (1000/3500), widget 57.1% (2000/3500)");
    assertThat(shares.total()).isEqualTo(3500);
    assertThat(shares.sampleSize()).isEqualTo(3);
    assertThat(shares.asDouble().getAsDouble()).isEqualTo(2000.0 / 3500);
    assertThat(shares.share("gizmo")).isEqualTo(Ratio.of(0, 3500));
    assertThat(Metrics.productRevenueShare("widget").compute(ORDERS, IN_MARCH).value())
        .isEqualTo(Ratio.of(2000, 3500));
    assertThat(Metrics.productRevenueShare("gizmo").compute(ORDERS, IN_MARCH).value())
        .isEqualTo(Ratio.of(0, 3500));
  }

  @Test
  void productRevenueShareEdges() {
    assertThat(Metrics.PRODUCT_REVENUE_SHARE.compute(List.of(), IN_MARCH).value())
        .isEqualTo(Shares.empty());
    assertThat(Shares.empty().asDouble()).isEmpty();
    assertThat(Shares.empty().toString()).isEqualTo("(no shares)");
    assertThat(Metrics.productRevenueShare("widget").compute(List.of(), IN_MARCH).value())
        .isEqualTo(Ratio.empty());
    Order free = order("Z", "2024-03-02T00:00:00Z", "0.00").line("widget", 1, usd("0.00")).build();
    Shares zero = Metrics.PRODUCT_REVENUE_SHARE.compute(List.of(free), IN_MARCH).value();
    assertThat(zero.share("widget").isDefined()).isFalse();
    assertThat(zero.asDouble()).isEmpty();
    assertThat(Metrics.productRevenueShare("Widget Pro").id())
        .isEqualTo("product_revenue_share.widget_pro");
    assertThatThrownBy(() -> Metrics.productRevenueShare(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mixedCurrenciesThrowUnlessConverted() {
    Order eur =
        Order.builder("E1", "K2", Instant.parse("2024-03-03T00:00:00Z"), Money.of("10.00", "EUR"))
            .line("gizmo", 1, Money.of("10.00", "EUR"))
            .build();
    List<Order> mixed = List.of(ORDERS.get(0), eur);
    assertThatThrownBy(() -> Metrics.PRODUCT_REVENUE_SHARE.compute(mixed, IN_MARCH))
        .isInstanceOf(CurrencyMismatchException.class);
    Currency usd = Currency.getInstance("USD");
    CurrencyConverter twoDollarsPerEuro =
        (amount, target, when) ->
            amount.currency().equals(target)
                ? amount
                : Money.ofMinor(amount.minorUnits() * 2, target);
    assertThat(
            Metrics.productRevenueShare(twoDollarsPerEuro, usd)
                .compute(mixed, IN_MARCH)
                .value()
                .share("gizmo"))
        .isEqualTo(Ratio.of(2000, 5000));
    assertThat(
            Metrics.productRevenueShare("gizmo", twoDollarsPerEuro, usd)
                .compute(mixed, IN_MARCH)
                .value())
        .isEqualTo(Ratio.of(2000, 5000));
  }

  @Test
  void placedByLocalPeriodAcrossDaylightSaving() {
    ZoneId ny = ZoneId.of("America/New_York");
    Window march = Window.of(Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ny));
    List<Order> orders =
        List.of(
            order("A", "2024-03-01T04:59:59Z", "1.00").line("w", 1, usd("1.00")).build(),
            order("B", "2024-03-01T05:00:00Z", "1.00").line("w", 2, usd("1.00")).build(),
            order("C", "2024-03-10T07:30:00Z", "1.00").line("w", 3, usd("1.00")).build(),
            order("D", "2024-04-01T04:00:00Z", "1.00").line("w", 4, usd("1.00")).build());
    assertThat(Metrics.UNITS_SOLD.compute(orders, march).value()).isEqualTo(Count.of(5));
  }

  @Test
  void sharesValidates() {
    assertThatThrownBy(() -> Shares.of(Map.of("a", -1L), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("part must be >= 0: -1 for a");
    assertThatThrownBy(() -> Shares.of(Map.of("a", 1L), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Shares.of(Map.of("b", 1L, "a", 3L), 2))
        .isEqualTo(Shares.of(Map.of("a", 3L, "b", 1L), 2));
  }
}
