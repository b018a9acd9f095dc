package dev.salesmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.salesmetrics.testing.JsonReader;
import org.junit.jupiter.api.Test;

/** {@link JsonText}: the escapes by hand, and a round trip through a plain JSON reader. */
class JsonTextTest {
  private static String quoted(String text) {
    StringBuilder sb = new StringBuilder();
    JsonText.quote(sb, text);
    return sb.toString();
  }

  private static String quotedForHtml(String text) {
    StringBuilder sb = new StringBuilder();
    JsonText.quoteForHtml(sb, text);
    return sb.toString();
  }

  @Test
  void escapesQuotesAndControlsAndForHtmlAlsoMarkup() {
    assertThat(quoted("")).isEqualTo("\"\"");
    assertThat(quoted("R07 Ümit")).isEqualTo("\"R07 Ümit\"");
    assertThat(quoted("lead->qualified & <b>")).isEqualTo("\"lead->qualified & <b>\"");
    assertThat(quoted("a\tb\rc\u0001d\u2029\"\\"))
        .isEqualTo("\"a\\tb\\rc\\u0001d\\u2029\\\"\\\\\"");
    assertThat(quotedForHtml("<\u2028\"\\\n&")).isEqualTo("\"\\u003c\\u2028\\\"\\\\\\n\\u0026\"");
    assertThat(quotedForHtml("</script>")).isEqualTo("\"\\u003c/script\\u003e\"");
  }

  @Test
  void anyTextReadsBackAsItselfAndTheLiteralHasNoRawControlOrMarkupCharacter() {
    qt().withExamples(2000)
        .forAll(strings().betweenCodePoints(0, 0x2100).ofLengthBetween(0, 30))
        .checkAssert(
            text -> {
              String literal = quoted(text);
              assertThat(JsonReader.parse(literal)).isEqualTo(text);
              assertThat(literal.chars().noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029))
                  .as(literal)
                  .isTrue();
              String html = quotedForHtml(text);
              assertThat(JsonReader.parse(html)).isEqualTo(text);
              assertThat(html.chars().noneMatch(c -> c < 0x20 || c == '<' || c == '>'
                      || c == '&' || c == 0x2028 || c == 0x2029))
                  .as(html)
                  .isTrue();
            });
  }
}
