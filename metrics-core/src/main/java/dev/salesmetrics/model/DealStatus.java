package dev.salesmetrics.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/** The state of a deal: still open, or closed as won or lost. */
public enum DealStatus {
  /** Not closed yet; a deal in this state has no {@code closed_at}. */
  OPEN,
  /** Closed and won; has a {@code closed_at}. */
  WON,
  /** Closed and lost; has a {@code closed_at}. */
  LOST;

  /**
   * Tells whether this status is a closed one.
   *
   * @return true for {@link #WON} and {@link #LOST}
   */
  public boolean isClosed() {
    return this != OPEN;
  }

  /**
   * Parses the CSV form, case-insensitively: {@code "open"}, {@code "won"}, {@code "lost"}.
   *
   * @param text the status text
   * @return the status
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is none of the three
   */
  public static DealStatus parse(String text) {
    checkNotNull(text, "text");
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "open" -> OPEN;
      case "won" -> WON;
      case "lost" -> LOST;
      default -> throw new IllegalArgumentException(
          "status must be one of open, won, lost: \"" + text + "\"");
    };
  }
}
