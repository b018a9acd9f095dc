package dev.salesmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

/** Properties of {@link SafeText} over arbitrary text, control characters included. */
class SafeTextProperties {

  /** What a terminal acts on instead of printing, written here from the documentation. */
  private static boolean actedOn(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029;
  }

  @Test
  void terminalTextHasNoCharacterATerminalActsOnAndOnlyThoseChange() {
    qt().withExamples(3000)
        .forAll(strings().betweenCodePoints(0, 0x2100).ofLengthBetween(0, 20))
        .checkAssert(
            text -> {
              String safe = SafeText.forTerminal(text);
              assertThat(safe.chars().noneMatch(c -> actedOn((char) c))).as(safe).isTrue();
              // \n, \r, \t take two characters, \\uXXXX six; everything else is kept as is
              long expectedLength = 0;
              for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                expectedLength += !actedOn(c) ? 1 : c == '\n' || c == '\r' || c == '\t' ? 2 : 6;
              }
              assertThat((long) safe.length()).isEqualTo(expectedLength);
              if (text.chars().noneMatch(c -> actedOn((char) c))) {
                assertThat(safe).isSameAs(text);
              }
            });
  }

  @Test
  void aFormulaAfterAnySpacesGetsAQuoteAndNothingElseChanges() {
    String[] spaces = {"", " ", "  ", "\u00a0", "\u2003 ", "\u3000"};
    // the first eight start a formula; the others do not
    String[] starts = {"=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "a", "1", "'", "(", "#"};
    qt().withExamples(3000)
        .forAll(
            integers().between(0, spaces.length - 1),
            integers().between(0, starts.length - 1),
            strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 6))
        .checkAssert(
            (sp, st, rest) -> {
              String cell = spaces[sp] + starts[st] + rest;
              String safe = SafeText.forSpreadsheet(cell);
              assertThat(safe).isEqualTo(st < 8 ? "'" + cell : cell);
              assertThat(SafeText.forSpreadsheet(safe)).isEqualTo(safe); // quoting is final
            });
  }
}
