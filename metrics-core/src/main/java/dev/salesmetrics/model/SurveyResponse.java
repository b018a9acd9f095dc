package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One customer's answer to a survey question on an NPS (0–10) or CSAT (1–5) scale.
 *
 * <p>Rules: {@code customerId} is not blank and {@code score} lies in the scale's inclusive range.
 * Immutable and thread safe.
 *
 * @param customerId the answering customer, not blank
 * @param respondedAt when the answer was given
 * @param score the score, within {@code scale}
 * @param scale the scale of the question
 */
public record SurveyResponse(String customerId, Instant respondedAt, int score, SurveyScale scale)
    implements SalesRecord {

  /**
   * Validates the components.
   *
   * @param customerId the customer, not blank
   * @param respondedAt when answered
   * @param score the score
   * @param scale the scale
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code customerId} is blank or not well-formed, or
   *     {@code score} is outside the scale
   */
  public SurveyResponse {
    Checks.nonBlank(customerId, "customerId", "customer_id", " in a survey response");
    checkNotNull(respondedAt, "respondedAt");
    checkNotNull(scale, "scale");
    if (score < scale.min() || score > scale.max()) {
      throw new IllegalArgumentException(
          "score must be in [" + scale.min() + ", " + scale.max() + "] for "
              + scale.name().toLowerCase(Locale.ROOT) + ": " + score + " for customer "
              + customerId);
    }
  }

  /**
   * Returns this response as known at {@code t}: empty if given after {@code t}, else this.
   *
   * @param t the instant of knowledge
   * @return {@code this} or empty
   * @throws NullPointerException if {@code t} is null
   */
  @Override
  public Optional<SurveyResponse> asOf(Instant t) {
    checkNotNull(t, "t");
    return respondedAt.isAfter(t) ? Optional.empty() : Optional.of(this);
  }
}
