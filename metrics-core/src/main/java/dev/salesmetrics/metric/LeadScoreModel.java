package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.Lead;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The weighted model behind {@code lead_score}: each lead gets a score from 0 to 100, the weighted
 * mean of three components, each itself from 0 to 100.
 *
 * <ul>
 *   <li><b>contact</b>: {@code 100 × fields present / 3}, the fields judged exactly as by {@code
 *       lead_contact_completeness} (name, email, phone);
 *   <li><b>source</b>: the score of the lead's source from {@link #sourceScores()}, compared after
 *       trimming and lowercasing ({@link Locale#ROOT}); {@link #unknownSourceScore()} for a source
 *       not in the map and for a lead without a source;
 *   <li><b>speed</b> of first contact, {@code d = first_contact_at − created_at}: 100 when {@code d
 *       <= fullSpeedWithin}, 0 when {@code d >= zeroSpeedAfter} or the lead has not been contacted
 *       (as known at the window's as-of instant), and linear in between: {@code 100 ×
 *       (zeroSpeedAfter − d) / (zeroSpeedAfter − fullSpeedWithin)}.
 * </ul>
 *
 * <p>{@code score = (contactWeight × contact + sourceWeight × source + speedWeight × speed) /
 * (contactWeight + sourceWeight + speedWeight)}, rounded to the nearest millionth of a point so
 * that the mean over many leads is exact and does not depend on the order or the split of the
 * input.
 *
 * <p>Defaults ({@link #defaults()}; {@link #builder()} starts from them): weights contact 40,
 * source 30, speed 30; source scores {@code referral} 100, {@code partner} 80, {@code event} 70,
 * {@code webinar} 70, {@code website} 60, {@code organic} 60, {@code paid_search} 50, {@code
 * social} 40, {@code outbound} 30; unknown or absent source 25; full speed within 1 hour, zero
 * speed after 7 days.
 *
 * <pre>{@code
 * LeadScoreModel model = LeadScoreModel.builder()
 *     .speedWeight(0)
 *     .sourceScore("trade_show", 90)
 *     .build();
 * Metric<Lead, Score> score = Metrics.leadScore(model);
 * }</pre>
 *
 * <p>Immutable and thread safe.
 *
 * @param contactWeight the weight of the contact component, finite and {@code >= 0}
 * @param sourceWeight the weight of the source component, finite and {@code >= 0}
 * @param speedWeight the weight of the first-contact speed component, finite and {@code >= 0}
 * @param sourceScores score in [0, 100] per source; keys trimmed, lowercased and distinct
 * @param unknownSourceScore the score in [0, 100] of a source not in the map, or no source
 * @param fullSpeedWithin a first contact within this duration scores 100; {@code >= 0}
 * @param zeroSpeedAfter a first contact this late or later scores 0; after {@code fullSpeedWithin}
 */
public record LeadScoreModel(
    double contactWeight,
    double sourceWeight,
    double speedWeight,
    Map<String, Double> sourceScores,
    double unknownSourceScore,
    Duration fullSpeedWithin,
    Duration zeroSpeedAfter) {

  private static final LeadScoreModel DEFAULTS = new Builder().build();

  /**
   * Validates the model and normalises the source keys.
   *
   * @param contactWeight the weight of the contact component, finite and {@code >= 0}
   * @param sourceWeight the weight of the source component, finite and {@code >= 0}
   * @param speedWeight the weight of the speed component, finite and {@code >= 0}
   * @param sourceScores score in [0, 100] per source
   * @param unknownSourceScore the score in [0, 100] of an unknown or absent source
   * @param fullSpeedWithin a first contact within this duration scores 100; {@code >= 0}
   * @param zeroSpeedAfter a first contact this late or later scores 0; after {@code
   *     fullSpeedWithin}
   * @throws NullPointerException if a map, key, value or duration is null
   * @throws IllegalArgumentException if a weight is negative or not finite, the weights add up to
   *     0, a score is outside [0, 100], two keys are equal after trimming and lowercasing, a key is
   *     blank, or the speed durations are out of order
   */
  public LeadScoreModel {
    checkWeight(contactWeight, "contact_weight");
    checkWeight(sourceWeight, "source_weight");
    checkWeight(speedWeight, "speed_weight");
    if (!(contactWeight + sourceWeight + speedWeight > 0)) {
      throw new IllegalArgumentException(
          "weights must add up to > 0: contact "
              + contactWeight
              + ", source "
              + sourceWeight
              + ", speed "
              + speedWeight);
    }
    checkNotNull(sourceScores, "sourceScores");
    Map<String, Double> normalised = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : sourceScores.entrySet()) {
      String key = normalise(checkNotNull(e.getKey(), "source"));
      double value = checkNotNull(e.getValue(), "source score");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("source must not be blank: \"" + e.getKey() + "\"");
      }
      checkScore(value, "source score of " + key);
      if (normalised.put(key, value) != null) {
        throw new IllegalArgumentException(
            "source must be distinct after trimming and lowercasing: \"" + e.getKey() + "\"");
      }
    }
    sourceScores = ImmutableMap.copyOf(normalised);
    checkScore(unknownSourceScore, "unknown_source_score");
    checkNotNull(fullSpeedWithin, "fullSpeedWithin");
    checkNotNull(zeroSpeedAfter, "zeroSpeedAfter");
    if (fullSpeedWithin.isNegative()) {
      throw new IllegalArgumentException("full_speed_within must be >= 0: " + fullSpeedWithin);
    }
    if (zeroSpeedAfter.compareTo(fullSpeedWithin) <= 0) {
      throw new IllegalArgumentException(
          "zero_speed_after must be after full_speed_within: "
              + zeroSpeedAfter
              + " <= "
              + fullSpeedWithin);
    }
  }

  /**
   * Returns the default model described in the class documentation.
   *
   * @return the default model
   */
  public static LeadScoreModel defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the score of one lead, as known from its fields.
   *
   * @param lead the lead
   * @return the score in [0, 100], rounded to the nearest millionth
   */
  public double score(Lead lead) {
    return scoreMicros(lead) / 1_000_000.0;
  }

  /** Returns the score of {@code lead} in millionths of a point, in [0, 100,000,000]. */
  long scoreMicros(Lead lead) {
    double contact = 100.0 * LeadDefinitions.contactFieldsPresent(lead.contact()) / 3.0;
    double source = sourceScore(lead.source());
    double speed = speedScore(lead);
    double score =
        (contactWeight * contact + sourceWeight * source + speedWeight * speed)
            / (contactWeight + sourceWeight + speedWeight);
    long micros = Math.round(score * 1_000_000.0);
    return Math.max(0, Math.min(100_000_000L, micros));
  }

  private double sourceScore(@Nullable String source) {
    if (source == null) {
      return unknownSourceScore;
    }
    Double known = sourceScores.get(normalise(source));
    return known == null ? unknownSourceScore : known;
  }

  private double speedScore(Lead lead) {
    if (lead.firstContactAt() == null) {
      return 0;
    }
    Duration d = Duration.between(lead.createdAt(), lead.firstContactAt());
    if (d.compareTo(fullSpeedWithin) <= 0) {
      return 100;
    }
    if (d.compareTo(zeroSpeedAfter) >= 0) {
      return 0;
    }
    double span = (double) zeroSpeedAfter.minus(fullSpeedWithin).toMillis();
    return 100.0 * (double) zeroSpeedAfter.minus(d).toMillis() / span;
  }

  private static String normalise(String source) {
    return source.trim().toLowerCase(Locale.ROOT);
  }

  private static void checkWeight(double weight, String name) {
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException(name + " must be finite and >= 0: " + weight);
    }
  }

  private static void checkScore(double score, String name) {
    if (!(score >= 0 && score <= 100)) {
      throw new IllegalArgumentException(name + " must be in [0, 100]: " + score);
    }
  }

  /**
   * A builder of {@link LeadScoreModel}, starting from the defaults; not thread safe. {@link
   * #build()} validates.
   */
  public static final class Builder {
    private double contactWeight = 40;
    private double sourceWeight = 30;
    private double speedWeight = 30;
    private final Map<String, Double> sourceScores = new LinkedHashMap<>();
    private double unknownSourceScore = 25;
    private Duration fullSpeedWithin = Duration.ofHours(1);
    private Duration zeroSpeedAfter = Duration.ofDays(7);

    private Builder() {
      sourceScores.put("referral", 100.0);
      sourceScores.put("partner", 80.0);
      sourceScores.put("event", 70.0);
      sourceScores.put("webinar", 70.0);
      sourceScores.put("website", 60.0);
      sourceScores.put("organic", 60.0);
      sourceScores.put("paid_search", 50.0);
      sourceScores.put("social", 40.0);
      sourceScores.put("outbound", 30.0);
    }

    /**
     * Sets the weight of the contact component (default 40).
     *
     * @param weight finite and {@code >= 0}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder contactWeight(double weight) {
      this.contactWeight = weight;
      return this;
    }

    /**
     * Sets the weight of the source component (default 30).
     *
     * @param weight finite and {@code >= 0}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder sourceWeight(double weight) {
      this.sourceWeight = weight;
      return this;
    }

    /**
     * Sets the weight of the first-contact speed component (default 30).
     *
     * @param weight finite and {@code >= 0}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder speedWeight(double weight) {
      this.speedWeight = weight;
      return this;
    }

    /**
     * Sets the score of one source, replacing any earlier score of it.
     *
     * @param source the source, compared trimmed and lowercased
     * @param score in [0, 100]
     * @return this builder
     * @throws NullPointerException if {@code source} is null
     */
    @CanIgnoreReturnValue
    public Builder sourceScore(String source, double score) {
      String key = normalise(checkNotNull(source, "source"));
      sourceScores.put(key, score);
      return this;
    }

    /**
     * Replaces every source score (the defaults included) with {@code scores}.
     *
     * @param scores score in [0, 100] per source
     * @return this builder
     * @throws NullPointerException if the map is null
     */
    @CanIgnoreReturnValue
    public Builder sourceScores(Map<String, Double> scores) {
      checkNotNull(scores, "scores");
      sourceScores.clear();
      sourceScores.putAll(scores);
      return this;
    }

    /**
     * Sets the score of a source not in the map and of a lead without a source (default 25).
     *
     * @param score in [0, 100]
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder unknownSourceScore(double score) {
      this.unknownSourceScore = score;
      return this;
    }

    /**
     * Sets the first-contact speed scale: 100 within {@code full}, 0 from {@code zero} on (defaults
     * 1 hour and 7 days).
     *
     * @param full a first contact within this duration scores 100; {@code >= 0}
     * @param zero a first contact this late or later scores 0; after {@code full}
     * @return this builder
     * @throws NullPointerException if a duration is null
     */
    @CanIgnoreReturnValue
    public Builder contactSpeed(Duration full, Duration zero) {
      this.fullSpeedWithin = checkNotNull(full, "full");
      this.zeroSpeedAfter = checkNotNull(zero, "zero");
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the validated model
     * @throws IllegalArgumentException if a rule of {@link LeadScoreModel} is broken
     */
    public LeadScoreModel build() {
      return new LeadScoreModel(
          contactWeight,
          sourceWeight,
          speedWeight,
          sourceScores,
          unknownSourceScore,
          fullSpeedWithin,
          zeroSpeedAfter);
    }
  }
}
