package dev.salesmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> DIMENSIONS =
      List.of("rep", "team", "region", "product", "campaign", "source", "customer");

  @Test
  void caseAloneIsTheClosest() {
    assertThat(Suggestions.near("Rep", DIMENSIONS)).containsExactly("rep");
    assertThat(Suggestions.didYouMean("Rep", DIMENSIONS)).isEqualTo("; did you mean rep?");
  }

  @Test
  void typosAndSwapsWithinAThirdOfTheLength() {
    assertThat(Suggestions.near("win_rte", List.of("win_rate", "sales_volume")))
        .containsExactly("win_rate");
    assertThat(Suggestions.near("prodcut", DIMENSIONS)).containsExactly("product");
    assertThat(Suggestions.near("regoin", DIMENSIONS)).containsExactly("region");
  }

  @Test
  void prefixesOfThreeOrMoreCharacters() {
    assertThat(Suggestions.near("camp", DIMENSIONS)).containsExactly("campaign");
    assertThat(Suggestions.near("customers", DIMENSIONS)).containsExactly("customer");
  }

  @Test
  void nothingCloseGivesNoSuggestion() {
    assertThat(Suggestions.near("owner", DIMENSIONS)).isEmpty();
    assertThat(Suggestions.didYouMean("owner", DIMENSIONS)).isEmpty();
  }

  @Test
  void atMostThreeClosestFirstJoinedWithOr() {
    List<String> ids = List.of("win_rate.all_created", "win_rate", "win_rates", "winrate");
    assertThat(Suggestions.near("win_rate_", ids))
        .containsExactly("win_rate", "win_rates", "winrate");
    assertThat(Suggestions.didYouMean("win_ratee", List.of("win_rate", "win_rates")))
        .isEqualTo("; did you mean win_rate or win_rates?");
  }

  @Test
  void distanceCountsASwapAsOneEdit() {
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "rep")).isEqualTo(3);
  }

  @Test
  void digitsAreGroupedByThree() {
    assertThat(Digits.group("-1234567.50")).isEqualTo("-1,234,567.50");
    assertThat(Digits.group("999")).isEqualTo("999");
    assertThat(Digits.group("1000")).isEqualTo("1,000");
  }
}
