package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The exported state of a {@link RuleEngine}: plain text lines, one per alert and per remembered
 * past value, that a service can store anywhere and give back to {@link
 * RuleEngine#restoreState(EngineState)} after a restart. No Java serialization. Immutable.
 *
 * <p>The first line is {@code salesmetrics-rule-state 1}; then {@code last <instant>}; then
 * {@code alert ...} and {@code history ...} lines whose fields are separated by single spaces, with
 * ids and group keys URL-encoded. The format is documented in {@code docs/RULES.md}.
 *
 * @param lines the lines, the header first
 */
public record EngineState(ImmutableList<String> lines) {
  static final String HEADER = "salesmetrics-rule-state 1";

  /**
   * Checks the header.
   *
   * @param lines the lines, the header first
   * @throws IllegalArgumentException if the first line is not the header
   */
  public EngineState {
    checkNotNull(lines, "lines");
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException(
          "rule engine state must start with '" + HEADER + "': "
              + (lines.isEmpty() ? "no lines" : "'" + lines.get(0) + "'"));
    }
  }

  /**
   * Returns the state held in {@code lines}.
   *
   * @param lines the lines, the header first
   * @return the state
   * @throws IllegalArgumentException if the first line is not the header
   */
  public static EngineState of(List<String> lines) {
    return new EngineState(ImmutableList.copyOf(lines));
  }

  /**
   * Parses the text written by {@link #toText()}; blank lines are ignored.
   *
   * @param text the text
   * @return the state
   * @throws IllegalArgumentException if the text does not start with the header
   */
  public static EngineState parse(String text) {
    checkNotNull(text, "text");
    ImmutableList<String> lines =
        Splitter.on('\n').trimResults().omitEmptyStrings().splitToStream(text)
            .collect(ImmutableList.toImmutableList());
    return new EngineState(lines);
  }

  /**
   * Returns the lines joined with {@code \n}, with a final newline.
   *
   * @return the text
   */
  public String toText() {
    return String.join("\n", lines) + "\n";
  }
}
