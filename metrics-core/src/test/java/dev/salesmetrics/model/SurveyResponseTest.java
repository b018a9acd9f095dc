package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyResponseTest {
  private static final Instant AT = Instant.parse("2024-04-01T12:00:00Z");

  @Test
  void acceptsScoresAtTheEdgesOfEachScale() {
    assertThat(new SurveyResponse("C1", AT, 0, SurveyScale.NPS).score()).isEqualTo(0);
    assertThat(new SurveyResponse("C1", AT, 10, SurveyScale.NPS).score()).isEqualTo(10);
    assertThat(new SurveyResponse("C1", AT, 1, SurveyScale.CSAT).score()).isEqualTo(1);
    assertThat(new SurveyResponse("C1", AT, 5, SurveyScale.CSAT).score()).isEqualTo(5);
  }

  @Test
  void rejectsScoresOutsideTheScale() {
    assertThatThrownBy(() -> new SurveyResponse("C1", AT, 11, SurveyScale.NPS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [0, 10] for nps: 11 for customer C1");
    assertThatThrownBy(() -> new SurveyResponse("C1", AT, -1, SurveyScale.NPS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [0, 10] for nps: -1 for customer C1");
    assertThatThrownBy(() -> new SurveyResponse("C1", AT, 0, SurveyScale.CSAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [1, 5] for csat: 0 for customer C1");
    assertThatThrownBy(() -> new SurveyResponse("C1", AT, 6, SurveyScale.CSAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [1, 5] for csat: 6 for customer C1");
  }

  @Test
  void rejectsMissingOrBlankValues() {
    assertThatThrownBy(() -> new SurveyResponse(null, AT, 5, SurveyScale.NPS))
        .isInstanceOf(NullPointerException.class).hasMessage("customerId");
    assertThatThrownBy(() -> new SurveyResponse("C1", null, 5, SurveyScale.NPS))
        .isInstanceOf(NullPointerException.class).hasMessage("respondedAt");
    assertThatThrownBy(() -> new SurveyResponse("C1", AT, 5, null))
        .isInstanceOf(NullPointerException.class).hasMessage("scale");
    assertThatThrownBy(() -> new SurveyResponse(" ", AT, 5, SurveyScale.NPS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer_id must not be blank: \" \" in a survey response");
  }

  @Test
  void asOfHidesTheResponseUntilItIsGiven() {
    SurveyResponse response = new SurveyResponse("C1", AT, 9, SurveyScale.NPS);
    assertThat(response.asOf(AT.minusNanos(1))).isEmpty();
    assertThat(response.asOf(AT).orElseThrow()).isSameAs(response);
    assertThat(response.asOf(AT.plusSeconds(1)).orElseThrow()).isSameAs(response);
  }
}
