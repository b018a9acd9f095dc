package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text made only of spaces, Unicode spaces (no-break, figure, narrow, ideographic), zero-width
 * characters or control characters is blank in every record: a required id or name is refused,
 * an optional text is absent.
 */
class BlankTextTest {
  private static final Instant T = Instant.parse("2024-03-01T09:00:00Z");
  private static final Money USD = Money.of("1.00", "USD");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u00A0",
        "\u2007",
        "\u202F",
        "\u3000",
        "\u200B",
        "\u2060",
        "\uFEFF",
        " \u00A0\t\u3000",
        "\u200B\u200C\u200D",
        "\u0000",
        "\u2028"
      })
  void requiredTextMadeOfInvisibleCharactersIsRefusedInEveryRecord(String blank) {
    assertBlank(() -> new Rep(blank, "Ada", null, null, null), "rep_id must not be blank: ");
    assertBlank(() -> new Rep("R1", blank, null, null, null), "name must not be blank: ");
    assertBlank(() -> Deal.builder(blank, "R1", USD, T).build(), "deal_id must not be blank");
    assertBlank(() -> Deal.builder("D1", blank, USD, T).build(), "rep_id must not be blank");
    assertBlank(() -> new StageChange(blank, T), "stage must not be blank");
    assertBlank(() -> Lead.builder(blank, T).build(), "lead_id must not be blank");
    assertBlank(() -> Order.builder(blank, "C1", T, USD).build(), "order_id must not be blank");
    assertBlank(() -> Order.builder("O1", blank, T, USD).build(), "customer_id must not be blank");
    assertBlank(() -> new OrderLine(blank, 1, USD), "product must not be blank");
    assertBlank(() -> Customer.builder(blank, T).build(), "customer_id must not be blank");
    LocalDate day = LocalDate.of(2024, 3, 1);
    assertBlank(
        () -> new Campaign(blank, "Spring", null, day, day, USD), "campaign_id must not be blank");
    assertBlank(
        () -> new Campaign("K1", blank, null, day, day, USD), "name must not be blank");
    Period q1 = Period.between(day, day.plusMonths(3), ZoneOffset.UTC);
    assertBlank(() -> new Quota(blank, q1, USD), "rep_id must not be blank");
    assertBlank(
        () -> new SurveyResponse(blank, T, 9, SurveyScale.NPS), "customer_id must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0", "\u2007\u202F", "\u3000", "\u200B", "\uFEFF", "\t\u0001"})
  void optionalTextMadeOfInvisibleCharactersIsAbsentInEveryRecord(String blank) {
    assertThat(new Rep("R1", "Ada", blank, blank, null))
        .isEqualTo(new Rep("R1", "Ada", null, null, null));
    Deal deal =
        Deal.builder("D1", "R1", USD, T)
            .stage(blank)
            .customerId(blank)
            .leadId(blank)
            .product(blank)
            .build();
    assertThat(deal).isEqualTo(Deal.builder("D1", "R1", USD, T).build());
    assertThat(new Contact(blank, blank, blank, blank)).isEqualTo(Contact.empty());
    Lead lead =
        Lead.builder("L1", T).repId(blank).source(blank).campaignId(blank).customerId(blank)
            .build();
    assertThat(lead).isEqualTo(Lead.builder("L1", T).build());
    assertThat(Order.builder("O1", "C1", T, USD).repId(blank).build())
        .isEqualTo(Order.builder("O1", "C1", T, USD).build());
    assertThat(Customer.builder("C1", T).repId(blank).campaignId(blank).build())
        .isEqualTo(Customer.builder("C1", T).build());
    LocalDate day = LocalDate.of(2024, 3, 1);
    assertThat(new Campaign("K1", "Spring", blank, day, day, USD).channel()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"R\u00A01", "\u00A0R1", "名前", "\u200BR1", "😀", "R\u0301"})
  void textWithAVisibleCharacterIsKeptAsGiven(String text) {
    assertThat(new Rep(text, text, text, null, null).id()).isEqualTo(text);
    assertThat(new Rep("R1", "Ada", text, null, null).team()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00", "\uDBFFz", "x\uDC00\uD800"})
  void textThatIsNotWellFormedUtf16IsRefused(String text) {
    assertThatThrownBy(() -> new Rep(text, "Ada", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rep_id must be valid Unicode text: ")
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> new Rep("R1", "Ada", text, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("team must be valid Unicode text: ")
        .hasMessageEndingWith(" for rep R1");
    assertThatThrownBy(
            () -> Deal.builder("D1", "R1", USD, T).product(text).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("product must be valid Unicode text: ")
        .hasMessageEndingWith(" for deal D1");
    assertThatThrownBy(() -> new Contact(null, text, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email must be valid Unicode text: ");
    assertThat(new Rep("R\uD83D\uDE00", "Ada", null, null, null).id()).isEqualTo("R😀");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void aNullStageHistoryEntryIsNamed(int index) {
    List<StageChange> history = new ArrayList<>();
    history.add(new StageChange("a", T));
    history.add(new StageChange("b", T));
    history.add(new StageChange("c", T));
    history.set(index, null);
    assertThatThrownBy(() -> Deal.builder("D1", "R1", USD, T).stageHistory(history))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("stageHistory[" + index + "] is null for deal D1");
    assertThatThrownBy(
            () ->
                new Deal("D1", "R1", USD, T, DealStatus.OPEN, null, null, null, null, null, null,
                    history))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("stageHistory[" + index + "] is null for deal D1");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void aNullOrderLineIsNamed(int index) {
    List<OrderLine> lines = new ArrayList<>();
    lines.add(new OrderLine("x", 1, USD));
    lines.add(new OrderLine("y", 1, USD));
    lines.set(index, null);
    assertThatThrownBy(
            () -> new Order("O1", "C1", T, Money.of("2.00", "USD"), OrderStatus.PAID, null, lines))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("lines[" + index + "] is null for order O1");
  }

  @Test
  void invisibleCharactersAreShownAsEscapesInTheMessage() {
    assertThatThrownBy(() -> new Rep("\u00A0\u200B", "Ada", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rep_id must not be blank: \"\\u00A0\\u200B\" (only spaces or invisible"
                + " characters)");
    assertThatThrownBy(() -> new Rep("R1", " ", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank: \" \" for rep R1");
  }

  private static void assertBlank(ThrowingCallable call, String messageStart) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(messageStart);
  }
}
