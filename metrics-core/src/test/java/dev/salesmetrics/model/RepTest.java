package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RepTest {
  private static final LocalDate HIRED = LocalDate.of(2023, 5, 2);

  @Test
  void keepsItsComponents() {
    Rep rep = new Rep("R1", "Ada", "enterprise", "emea", HIRED);
    assertThat(rep.id()).isEqualTo("R1");
    assertThat(rep.name()).isEqualTo("Ada");
    assertThat(rep.team()).isEqualTo("enterprise");
    assertThat(rep.region()).isEqualTo("emea");
    assertThat(rep.hiredOn()).isEqualTo(HIRED);
    assertThat(rep).isEqualTo(new Rep("R1", "Ada", "enterprise", "emea", HIRED));
  }

  @Test
  void blankOptionalStringsBecomeNull() {
    assertThat(new Rep("R1", "Ada", " ", "", null)).isEqualTo(new Rep("R1", "Ada", null, null, null));
  }

  @Test
  void rejectsMissingOrBlankIdAndName() {
    assertThatThrownBy(() -> new Rep(null, "Ada", null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> new Rep("R1", null, null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> new Rep(" ", "Ada", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rep_id must not be blank: \" \"");
    assertThatThrownBy(() -> new Rep("R1", "", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank: \"\" for rep R1");
  }

  @Test
  void isKnownAtEveryInstant() {
    Rep rep = new Rep("R1", "Ada", null, null, HIRED);
    assertThat(rep.asOf(Instant.parse("2000-01-01T00:00:00Z")).orElseThrow()).isSameAs(rep);
    assertThat(rep.asOf(Instant.parse("2023-05-02T00:00:00Z")).orElseThrow()).isSameAs(rep);
    assertThat(rep.asOf(Instant.parse("2030-01-01T00:00:00Z")).orElseThrow()).isSameAs(rep);
  }
}
