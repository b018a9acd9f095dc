package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/** The scale of a survey answer, with its inclusive score range. */
public enum SurveyScale {
  /** Net Promoter Score question: scores 0 to 10. */
  NPS(0, 10),
  /** Customer satisfaction question: scores 1 to 5. */
  CSAT(1, 5);

  private final int min;
  private final int max;

  SurveyScale(int min, int max) {
    this.min = min;
    this.max = max;
  }

  /**
   * Returns the lowest valid score.
   *
   * @return 0 for NPS, 1 for CSAT
   */
  public int min() {
    return min;
  }

  /**
   * Returns the highest valid score.
   *
   * @return 10 for NPS, 5 for CSAT
   */
  public int max() {
    return max;
  }

  /**
   * Parses the CSV form, case-insensitively: {@code "nps"}, {@code "csat"}.
   *
   * @param text the scale text
   * @return the scale
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is neither
   */
  public static SurveyScale parse(String text) {
    checkNotNull(text, "text");
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "nps" -> NPS;
      case "csat" -> CSAT;
      default -> throw new IllegalArgumentException(
          "scale must be one of nps, csat: \"" + text + "\"");
    };
  }
}
