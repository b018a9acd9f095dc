package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealTest {
  private static final Instant CREATED = Instant.parse("2024-02-01T00:00:00Z");
  private static final Instant QUALIFIED = Instant.parse("2024-02-03T00:00:00Z");
  private static final Instant PROPOSAL = Instant.parse("2024-02-10T00:00:00Z");
  private static final Instant CLOSED = Instant.parse("2024-03-01T00:00:00Z");
  private static final Money AMOUNT = Money.of("1200.00", "USD");

  private static Deal.Builder deal() {
    return Deal.builder("D1", "R1", AMOUNT, CREATED);
  }

  private static Deal wonWithHistory() {
    return deal()
        .addStage("qualified", QUALIFIED)
        .addStage("proposal", PROPOSAL)
        .won(CLOSED)
        .probability(0.8)
        .build();
  }

  @Test
  void builderDefaultsToAnOpenDealWithNothingOptional() {
    Deal deal = deal().build();
    assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
    assertThat(deal.closedAt()).isNull();
    assertThat(deal.stage()).isNull();
    assertThat(deal.probability()).isNull();
    assertThat(deal.customerId()).isNull();
    assertThat(deal.leadId()).isNull();
    assertThat(deal.product()).isNull();
    assertThat(deal.stageHistory()).isEmpty();
    assertThat(deal).isEqualTo(
        new Deal("D1", "R1", AMOUNT, CREATED, DealStatus.OPEN, null, null, null, null, null, null,
            List.of()));
  }

  @Test
  void builderSetsEveryComponent() {
    Deal deal = deal()
        .lost(CLOSED)
        .stage("negotiation")
        .probability(0.25)
        .customerId("C1")
        .leadId("L1")
        .product("widget")
        .stageHistory(List.of(new StageChange("qualified", QUALIFIED)))
        .addStage("negotiation", PROPOSAL)
        .build();
    assertThat(deal).isEqualTo(
        new Deal("D1", "R1", AMOUNT, CREATED, DealStatus.LOST, CLOSED, "negotiation", 0.25, "C1",
            "L1", "widget",
            List.of(new StageChange("qualified", QUALIFIED),
                new StageChange("negotiation", PROPOSAL))));
    assertThat(deal().status(DealStatus.WON, CLOSED).build().status()).isEqualTo(DealStatus.WON);
  }

  @Test
  void stageHistoryReplacesEarlierEntries() {
    Deal deal = deal()
        .addStage("qualified", QUALIFIED)
        .stageHistory(List.of(new StageChange("proposal", PROPOSAL)))
        .build();
    assertThat(deal.stageHistory()).containsExactly(new StageChange("proposal", PROPOSAL));
  }

  @Test
  void equalDealsAreEqual() {
    assertThat(wonWithHistory()).isEqualTo(wonWithHistory());
    assertThat(wonWithHistory().hashCode()).isEqualTo(wonWithHistory().hashCode());
    assertThat(wonWithHistory()).isNotEqualTo(deal().build());
  }

  @Test
  void copiesTheStageHistory() {
    List<StageChange> history = new ArrayList<>();
    history.add(new StageChange("qualified", QUALIFIED));
    Deal deal =
        new Deal("D1", "R1", AMOUNT, CREATED, DealStatus.OPEN, null, null, null, null, null, null,
            history);
    history.add(new StageChange("proposal", PROPOSAL));
    assertThat(deal.stageHistory()).containsExactly(new StageChange("qualified", QUALIFIED));
    assertThatThrownBy(() -> deal.stageHistory().add(new StageChange("x", PROPOSAL)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void blankOptionalStringsBecomeNull() {
    Deal deal = deal().stage(" ").customerId("").leadId("\t").product("  ").build();
    assertThat(deal.stage()).isNull();
    assertThat(deal.customerId()).isNull();
    assertThat(deal.leadId()).isNull();
    assertThat(deal.product()).isNull();
  }

  @Test
  void stageDefaultsToTheLastHistoryStageButAGivenStageIsKept() {
    assertThat(wonWithHistory().stage()).isEqualTo("proposal");
    assertThat(deal().addStage("qualified", QUALIFIED).stage("closing").build().stage())
        .isEqualTo("closing");
  }

  @Test
  void rejectsMissingRequiredValues() {
    assertThatThrownBy(() -> Deal.builder(null, "R1", AMOUNT, CREATED).build())
        .isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> Deal.builder("D1", null, AMOUNT, CREATED).build())
        .isInstanceOf(NullPointerException.class).hasMessage("repId");
    assertThatThrownBy(() -> Deal.builder("D1", "R1", AMOUNT, null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("createdAt");
    assertThatThrownBy(() -> deal().status(null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("status");
    assertThatThrownBy(() -> deal().won(null))
        .isInstanceOf(NullPointerException.class).hasMessage("closedAt");
    assertThatThrownBy(
            () -> new Deal("D1", "R1", AMOUNT, CREATED, DealStatus.OPEN, null, null, null, null,
                null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("stageHistory");
  }

  @Test
  void rejectsBlankIds() {
    assertThatThrownBy(() -> Deal.builder(" ", "R1", AMOUNT, CREATED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deal_id must not be blank: \" \"");
    assertThatThrownBy(() -> Deal.builder("D1", "", AMOUNT, CREATED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep_id must not be blank: \"\" for deal D1");
  }

  @Test
  void rejectsANegativeAmount() {
    assertThatThrownBy(() -> Deal.builder("D1", "R1", Money.of("-3", "USD"), CREATED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be >= 0: -3.00 USD for deal D1");
    assertThat(Deal.builder("D1", "R1", Money.of("0", "USD"), CREATED).build().amount().isZero())
        .isTrue();
  }

  @Test
  void rejectsClosedBeforeCreated() {
    assertThatThrownBy(
            () -> Deal.builder("D17", "R1", AMOUNT, CREATED)
                .won(Instant.parse("2024-01-01T00:00:00Z")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closed_at 2024-01-01T00:00:00Z is before created_at 2024-02-01T00:00:00Z"
            + " for deal D17");
    assertThat(deal().won(CREATED).build().closedAt()).isEqualTo(CREATED);
  }

  @Test
  void rejectsAClosedStatusWithoutClosedAt() {
    assertThatThrownBy(() -> deal().status(DealStatus.WON, null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closed_at is required when status is won for deal D1");
    assertThatThrownBy(() -> deal().status(DealStatus.LOST, null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closed_at is required when status is lost for deal D1");
  }

  @Test
  void rejectsAnOpenDealWithClosedAt() {
    assertThatThrownBy(() -> deal().status(DealStatus.OPEN, CLOSED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closed_at must be absent when status is open: 2024-03-01T00:00:00Z"
            + " for deal D1");
  }

  @Test
  void rejectsProbabilityOutsideZeroToOne() {
    assertThatThrownBy(() -> Deal.builder("D3", "R1", AMOUNT, CREATED).probability(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be in [0, 1]: 1.5 for deal D3");
    assertThatThrownBy(() -> deal().probability(-0.25).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be in [0, 1]: -0.25 for deal D1");
    assertThatThrownBy(() -> deal().probability(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be in [0, 1]: NaN for deal D1");
    assertThatThrownBy(() -> deal().probability(Double.POSITIVE_INFINITY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be in [0, 1]: Infinity for deal D1");
    assertThat(deal().probability(0).build().probability()).isEqualTo(0.0);
    assertThat(deal().probability(1).build().probability()).isEqualTo(1.0);
  }

  @Test
  void rejectsStageHistoryOutOfTimeOrder() {
    assertThatThrownBy(
            () -> deal().addStage("proposal", PROPOSAL).addStage("qualified", QUALIFIED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage_history must be in time order: \"qualified\" entered_at"
            + " 2024-02-03T00:00:00Z is before \"proposal\" entered_at 2024-02-10T00:00:00Z"
            + " for deal D1");
    Deal sameInstant = deal().addStage("a", QUALIFIED).addStage("b", QUALIFIED).build();
    assertThat(sameInstant.stage()).isEqualTo("b");
  }

  @Test
  void rejectsAStageEnteredBeforeTheDealWasCreated() {
    assertThatThrownBy(
            () -> deal().addStage("lead", Instant.parse("2024-01-31T23:59:59Z")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage_history entered_at 2024-01-31T23:59:59Z of stage \"lead\" is before"
            + " created_at 2024-02-01T00:00:00Z for deal D1");
    assertThat(deal().addStage("lead", CREATED).build().stageHistory()).hasSize(1);
  }

  @Test
  void rejectsABlankStageInTheHistory() {
    assertThatThrownBy(() -> deal().addStage(" ", QUALIFIED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage must not be blank: \" \" entered at 2024-02-03T00:00:00Z");
    assertThatThrownBy(() -> new StageChange(null, QUALIFIED))
        .isInstanceOf(NullPointerException.class).hasMessage("stage");
    assertThatThrownBy(() -> new StageChange("qualified", null))
        .isInstanceOf(NullPointerException.class).hasMessage("enteredAt");
  }

  @Test
  void asOfBeforeCreationIsEmptyAndAtCreationIsPresent() {
    Deal deal = wonWithHistory();
    assertThat(deal.asOf(CREATED.minusNanos(1))).isEmpty();
    assertThat(deal.asOf(CREATED)).contains(
        new Deal("D1", "R1", AMOUNT, CREATED, DealStatus.OPEN, null, null, 0.8, null, null, null,
            List.of()));
  }

  @Test
  void asOfUndoesTheCloseAndLaterStages() {
    Deal deal = wonWithHistory();
    Deal atQualified = deal.asOf(QUALIFIED).orElseThrow();
    assertThat(atQualified.status()).isEqualTo(DealStatus.OPEN);
    assertThat(atQualified.closedAt()).isNull();
    assertThat(atQualified.stage()).isEqualTo("qualified");
    assertThat(atQualified.stageHistory()).containsExactly(new StageChange("qualified", QUALIFIED));

    Deal beforeClose = deal.asOf(CLOSED.minusSeconds(1)).orElseThrow();
    assertThat(beforeClose.status()).isEqualTo(DealStatus.OPEN);
    assertThat(beforeClose.stage()).isEqualTo("proposal");
    assertThat(beforeClose.stageHistory()).hasSize(2);
  }

  @Test
  void asOfAtOrAfterTheLastEventReturnsTheSameInstance() {
    Deal deal = wonWithHistory();
    assertThat(deal.asOf(CLOSED).orElseThrow()).isSameAs(deal);
    assertThat(deal.asOf(CLOSED.plusSeconds(86_400)).orElseThrow()).isSameAs(deal);
  }

  @Test
  void asOfKeepsAGivenStageWhenThereIsNoHistory() {
    Deal deal = deal().stage("negotiation").won(CLOSED).build();
    Deal before = deal.asOf(PROPOSAL).orElseThrow();
    assertThat(before.stage()).isEqualTo("negotiation");
    assertThat(before.status()).isEqualTo(DealStatus.OPEN);
  }

  @Test
  void asOfReplacesAGivenStageOnceHistoryIsCut() {
    Deal deal = deal().addStage("qualified", QUALIFIED).stage("closing").build();
    assertThat(deal.asOf(PROPOSAL).orElseThrow().stage()).isEqualTo("closing");
    assertThat(deal.asOf(QUALIFIED.minusSeconds(1)).orElseThrow().stage()).isNull();
  }

  @Test
  void asOfRejectsNull() {
    assertThatThrownBy(() -> deal().build().asOf(null))
        .isInstanceOf(NullPointerException.class).hasMessage("t");
  }

  @Test
  void negativeZeroProbabilityIsStoredAsZeroSoThatItEqualsItsCsvForm() {
    Deal deal = deal().probability(-0.0).build();
    assertThat(deal.probability()).isEqualTo(0.0);
    assertThat(deal).isEqualTo(deal().probability(0.0).build());
  }

  // ---- deals without an amount ---------------------------------------------------------------

  @Test
  void anOpenOrLostDealMayHaveNoAmount() {
    Deal open = Deal.builder("D1", "R1", null, CREATED).build();
    assertThat(open.amount()).isNull();
    assertThat(open.hasAmount()).isFalse();
    Deal lost = Deal.builder("D2", "R1", null, CREATED).lost(CLOSED).build();
    assertThat(lost.amount()).isNull();
    assertThat(lost.status()).isEqualTo(DealStatus.LOST);
    assertThat(deal().build().hasAmount()).isTrue();
  }

  @Test
  void aWonDealMustHaveAnAmount() {
    assertThatThrownBy(() -> Deal.builder("D7", "R1", null, CREATED).won(CLOSED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "amount is required when status is won for deal D7 (only an open or lost deal may have"
                + " no amount)");
  }

  @Test
  void aLostDealWithoutAmountIsOpenWithoutAmountBeforeItsClose() {
    Deal lost = Deal.builder("D1", "R1", null, CREATED).lost(CLOSED).build();
    Deal before = lost.asOf(CLOSED.minusSeconds(1)).orElseThrow();
    assertThat(before.status()).isEqualTo(DealStatus.OPEN);
    assertThat(before.amount()).isNull();
    assertThat(lost.asOf(CLOSED)).contains(lost);
  }
}
