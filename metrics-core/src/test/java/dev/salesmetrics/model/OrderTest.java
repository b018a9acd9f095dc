package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {
  private static final Instant PLACED = Instant.parse("2024-03-05T12:00:00Z");
  private static final Money TOTAL = Money.of("30.00", "USD");

  private static Order.Builder order() {
    return Order.builder("O1", "C1", PLACED, TOTAL);
  }

  @Test
  void builderDefaultsToAPaidOrderWithoutLines() {
    Order order = order().build();
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    assertThat(order.repId()).isNull();
    assertThat(order.lines()).isEmpty();
    assertThat(order).isEqualTo(new Order("O1", "C1", PLACED, TOTAL, OrderStatus.PAID, null,
        List.of()));
  }

  @Test
  void builderSetsEveryComponent() {
    Order order = order()
        .status(OrderStatus.REFUNDED)
        .repId("R1")
        .line("widget", 2, Money.of("20.00", "USD"))
        .line("gadget", 1, Money.of("10.00", "USD"))
        .build();
    assertThat(order).isEqualTo(new Order("O1", "C1", PLACED, TOTAL, OrderStatus.REFUNDED, "R1",
        List.of(new OrderLine("widget", 2, Money.of("20.00", "USD")),
            new OrderLine("gadget", 1, Money.of("10.00", "USD")))));
    Order replaced = order()
        .line("gadget", 1, Money.of("10.00", "USD"))
        .lines(List.of(new OrderLine("widget", 3, TOTAL)))
        .build();
    assertThat(replaced.lines()).containsExactly(new OrderLine("widget", 3, TOTAL));
  }

  @Test
  void blankRepIdBecomesNull() {
    assertThat(order().repId(" ").build().repId()).isNull();
  }

  @Test
  void copiesTheLines() {
    List<OrderLine> lines = new ArrayList<>();
    lines.add(new OrderLine("widget", 3, TOTAL));
    Order order = new Order("O1", "C1", PLACED, TOTAL, OrderStatus.PAID, null, lines);
    lines.clear();
    assertThat(order.lines()).containsExactly(new OrderLine("widget", 3, TOTAL));
    assertThatThrownBy(() -> order.lines().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsMissingOrBlankRequiredValues() {
    assertThatThrownBy(() -> Order.builder(null, "C1", PLACED, TOTAL).build())
        .isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> Order.builder("O1", null, PLACED, TOTAL).build())
        .isInstanceOf(NullPointerException.class).hasMessage("customerId");
    assertThatThrownBy(() -> Order.builder("O1", "C1", null, TOTAL).build())
        .isInstanceOf(NullPointerException.class).hasMessage("placedAt");
    assertThatThrownBy(() -> Order.builder("O1", "C1", PLACED, null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("amount");
    assertThatThrownBy(() -> new Order("O1", "C1", PLACED, TOTAL, OrderStatus.PAID, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("lines");
    assertThatThrownBy(() -> Order.builder(" ", "C1", PLACED, TOTAL).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order_id must not be blank: \" \"");
    assertThatThrownBy(() -> Order.builder("O1", "", PLACED, TOTAL).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer_id must not be blank: \"\" for order O1");
  }

  @Test
  void rejectsANegativeAmount() {
    assertThatThrownBy(() -> Order.builder("O1", "C1", PLACED, Money.of("-3", "USD")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be >= 0: -3.00 USD for order O1");
  }

  @Test
  void rejectsLinesThatDoNotAddUpToTheAmount() {
    assertThatThrownBy(
            () -> order()
                .line("widget", 2, Money.of("20.00", "USD"))
                .line("gadget", 1, Money.of("9.99", "USD"))
                .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lines must add up to amount: lines total 29.99 USD, amount 30.00 USD"
            + " for order O1");
  }

  @Test
  void rejectsALineInAnotherCurrency() {
    assertThatThrownBy(() -> order().line("widget", 1, Money.of("30.00", "EUR")).build())
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("currency mismatch: USD and EUR cannot be combined without a currency"
            + " converter");
  }

  @Test
  void rejectsInvalidLines() {
    assertThatThrownBy(() -> order().line("widget", 0, TOTAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantity must be > 0: 0 for product widget");
    assertThatThrownBy(() -> new OrderLine("widget", -2, TOTAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantity must be > 0: -2 for product widget");
    assertThatThrownBy(() -> new OrderLine("widget", 1, Money.of("-1.00", "USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be >= 0: -1.00 USD for product widget");
    assertThatThrownBy(() -> new OrderLine(" ", 1, TOTAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("product must not be blank: \" \" in an order line");
    assertThatThrownBy(() -> new OrderLine(null, 1, TOTAL))
        .isInstanceOf(NullPointerException.class).hasMessage("product");
    assertThatThrownBy(() -> new OrderLine("widget", 1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("amount");
  }

  @Test
  void asOfHidesTheOrderUntilPlaced() {
    Order order = order().build();
    assertThat(order.asOf(PLACED.minusNanos(1))).isEmpty();
    assertThat(order.asOf(PLACED).orElseThrow()).isSameAs(order);
    assertThat(order.asOf(PLACED.plusSeconds(1)).orElseThrow()).isSameAs(order);
  }
}
