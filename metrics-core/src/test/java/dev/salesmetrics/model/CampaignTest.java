package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CampaignTest {
  private static final LocalDate START = LocalDate.of(2024, 3, 1);
  private static final LocalDate END = LocalDate.of(2024, 3, 31);
  private static final Money SPEND = Money.of("5000.00", "EUR");

  @Test
  void keepsItsComponentsAndNormalisesABlankChannel() {
    Campaign campaign = new Campaign("K1", "Spring", " ", START, END, SPEND);
    assertThat(campaign.channel()).isNull();
    assertThat(campaign).isEqualTo(new Campaign("K1", "Spring", null, START, END, SPEND));
    assertThat(new Campaign("K1", "Spring", "email", START, START, SPEND).endDate())
        .isEqualTo(START);
  }

  @Test
  void rejectsMissingOrBlankRequiredValues() {
    assertThatThrownBy(() -> new Campaign(null, "Spring", null, START, END, SPEND))
        .isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> new Campaign("K1", "Spring", null, null, END, SPEND))
        .isInstanceOf(NullPointerException.class).hasMessage("startDate");
    assertThatThrownBy(() -> new Campaign("K1", "Spring", null, START, null, SPEND))
        .isInstanceOf(NullPointerException.class).hasMessage("endDate");
    assertThatThrownBy(() -> new Campaign("K1", "Spring", null, START, END, null))
        .isInstanceOf(NullPointerException.class).hasMessage("spend");
    assertThatThrownBy(() -> new Campaign("", "Spring", null, START, END, SPEND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("campaign_id must not be blank: \"\"");
    assertThatThrownBy(() -> new Campaign("K1", " ", null, START, END, SPEND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank: \" \" for campaign K1");
  }

  @Test
  void rejectsEndBeforeStart() {
    assertThatThrownBy(() -> new Campaign("K1", "Spring", null, END, START, SPEND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end_date 2024-03-01 is before start_date 2024-03-31 for campaign K1");
  }

  @Test
  void rejectsNegativeSpend() {
    assertThatThrownBy(
            () -> new Campaign("K1", "Spring", null, START, END, Money.of("-0.01", "EUR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spend must be >= 0: -0.01 EUR for campaign K1");
  }

  @Test
  void isKnownAtEveryInstant() {
    Campaign campaign = new Campaign("K1", "Spring", null, START, END, SPEND);
    assertThat(campaign.asOf(Instant.parse("2024-01-01T00:00:00Z")).orElseThrow())
        .isSameAs(campaign);
    assertThat(campaign.asOf(Instant.parse("2024-03-01T00:00:00Z")).orElseThrow())
        .isSameAs(campaign);
    assertThat(campaign.asOf(Instant.parse("2025-01-01T00:00:00Z")).orElseThrow())
        .isSameAs(campaign);
  }
}
