package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DealStatusTest {

  @Test
  void parsesCaseInsensitively() {
    assertThat(DealStatus.parse("open")).isEqualTo(DealStatus.OPEN);
    assertThat(DealStatus.parse("Won")).isEqualTo(DealStatus.WON);
    assertThat(DealStatus.parse("LOST")).isEqualTo(DealStatus.LOST);
    assertThat(OrderStatus.parse("paid")).isEqualTo(OrderStatus.PAID);
    assertThat(OrderStatus.parse("Refunded")).isEqualTo(OrderStatus.REFUNDED);
    assertThat(SurveyScale.parse("nps")).isEqualTo(SurveyScale.NPS);
    assertThat(SurveyScale.parse("CSAT")).isEqualTo(SurveyScale.CSAT);
  }

  @Test
  void rejectsUnknownText() {
    assertThatThrownBy(() -> DealStatus.parse("closed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be one of open, won, lost: \"closed\"");
    assertThatThrownBy(() -> DealStatus.parse(" won"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be one of open, won, lost: \" won\"");
    assertThatThrownBy(() -> OrderStatus.parse("pending"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be one of paid, refunded: \"pending\"");
    assertThatThrownBy(() -> SurveyScale.parse("ces"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale must be one of nps, csat: \"ces\"");
    assertThatThrownBy(() -> DealStatus.parse(null))
        .isInstanceOf(NullPointerException.class).hasMessage("text");
  }

  @Test
  void closedStatusesAreWonAndLost() {
    assertThat(DealStatus.OPEN.isClosed()).isFalse();
    assertThat(DealStatus.WON.isClosed()).isTrue();
    assertThat(DealStatus.LOST.isClosed()).isTrue();
  }

  @Test
  void scalesHaveTheirRanges() {
    assertThat(SurveyScale.NPS.min()).isEqualTo(0);
    assertThat(SurveyScale.NPS.max()).isEqualTo(10);
    assertThat(SurveyScale.CSAT.min()).isEqualTo(1);
    assertThat(SurveyScale.CSAT.max()).isEqualTo(5);
  }
}
