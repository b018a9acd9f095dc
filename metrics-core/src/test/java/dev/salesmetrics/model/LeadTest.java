package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadTest {
  private static final Instant CREATED = Instant.parse("2024-01-02T09:00:00Z");
  private static final Instant CONTACTED = Instant.parse("2024-01-03T10:00:00Z");
  private static final Instant CONVERTED = Instant.parse("2024-01-20T10:00:00Z");
  private static final Contact ANNA = new Contact("Anna", "anna@example.com", null, "Acme");

  private static Lead converted() {
    return Lead.builder("L1", CREATED)
        .repId("R1")
        .contact(ANNA)
        .source("webinar")
        .campaignId("K1")
        .firstContactAt(CONTACTED)
        .convertedAt(CONVERTED)
        .customerId("C1")
        .build();
  }

  @Test
  void builderSetsEveryComponentAndDefaultsToEmptyContact() {
    assertThat(converted()).isEqualTo(
        new Lead("L1", CREATED, "R1", ANNA, "webinar", "K1", CONTACTED, CONVERTED, "C1"));
    assertThat(Lead.builder("L2", CREATED).build()).isEqualTo(
        new Lead("L2", CREATED, null, Contact.empty(), null, null, null, null, null));
  }

  @Test
  void blankOptionalStringsBecomeNull() {
    Lead lead = Lead.builder("L1", CREATED)
        .repId(" ").source("").campaignId("\t").customerId("  ").build();
    assertThat(lead).isEqualTo(Lead.builder("L1", CREATED).build());
  }

  @Test
  void conversionIsAllowedWithOrWithoutCustomer() {
    assertThat(Lead.builder("L1", CREATED).convertedAt(CONVERTED).build().customerId()).isNull();
    assertThat(converted().customerId()).isEqualTo("C1");
    assertThat(Lead.builder("L1", CREATED).customerId("C1").build().convertedAt()).isNull();
  }

  @Test
  void rejectsMissingAndBlankRequiredValues() {
    assertThatThrownBy(() -> Lead.builder(null, CREATED).build())
        .isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> Lead.builder("L1", null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("createdAt");
    assertThatThrownBy(() -> Lead.builder("L1", CREATED).contact(null))
        .isInstanceOf(NullPointerException.class).hasMessage("contact");
    assertThatThrownBy(() -> new Lead("L1", CREATED, null, null, null, null, null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("contact");
    assertThatThrownBy(() -> Lead.builder("", CREATED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead_id must not be blank: \"\"");
  }

  @Test
  void rejectsFirstContactBeforeCreation() {
    assertThatThrownBy(
            () -> Lead.builder("L1", CREATED)
                .firstContactAt(Instant.parse("2024-01-02T08:59:59Z")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("first_contact_at 2024-01-02T08:59:59Z is before created_at"
            + " 2024-01-02T09:00:00Z for lead L1");
    assertThat(Lead.builder("L1", CREATED).firstContactAt(CREATED).build().firstContactAt())
        .isEqualTo(CREATED);
  }

  @Test
  void rejectsConversionBeforeCreation() {
    assertThatThrownBy(
            () -> Lead.builder("L1", CREATED)
                .convertedAt(Instant.parse("2024-01-01T00:00:00Z")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("converted_at 2024-01-01T00:00:00Z is before created_at"
            + " 2024-01-02T09:00:00Z for lead L1");
  }

  @Test
  void asOfHidesTheLeadBeforeCreation() {
    assertThat(converted().asOf(CREATED.minusNanos(1))).isEmpty();
    assertThat(converted().asOf(CREATED)).contains(
        new Lead("L1", CREATED, "R1", ANNA, "webinar", "K1", null, null, null));
  }

  @Test
  void asOfUndoesContactAndConversionAfterT() {
    Lead lead = converted();
    assertThat(lead.asOf(CONTACTED.minusSeconds(1))).contains(
        new Lead("L1", CREATED, "R1", ANNA, "webinar", "K1", null, null, null));
    assertThat(lead.asOf(CONTACTED)).contains(
        new Lead("L1", CREATED, "R1", ANNA, "webinar", "K1", CONTACTED, null, null));
    assertThat(lead.asOf(CONVERTED.minusSeconds(1))).contains(
        new Lead("L1", CREATED, "R1", ANNA, "webinar", "K1", CONTACTED, null, null));
    assertThat(lead.asOf(CONVERTED).orElseThrow()).isSameAs(lead);
    assertThat(lead.asOf(CONVERTED.plusSeconds(1)).orElseThrow()).isSameAs(lead);
  }

  @Test
  void asOfKeepsAnUndatedCustomerLink() {
    Lead lead = Lead.builder("L1", CREATED).customerId("C1").build();
    assertThat(lead.asOf(CREATED).orElseThrow()).isSameAs(lead);
  }
}
