package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactTest {

  @Test
  void blankFieldsBecomeNull() {
    Contact contact = new Contact(" ", "", "\t", "  \n");
    assertThat(contact).isEqualTo(Contact.empty());
    assertThat(contact.name()).isNull();
    assertThat(contact.email()).isNull();
    assertThat(contact.phone()).isNull();
    assertThat(contact.company()).isNull();
  }

  @Test
  void keepsPresentValuesAsGiven() {
    Contact contact = new Contact(" Anna ", "anna@example.com", "+1 555 0100", "Acme");
    assertThat(contact.name()).isEqualTo(" Anna ");
    assertThat(contact.email()).isEqualTo("anna@example.com");
    assertThat(contact.phone()).isEqualTo("+1 555 0100");
    assertThat(contact.company()).isEqualTo("Acme");
    assertThat(contact).isNotEqualTo(Contact.empty());
  }
}
