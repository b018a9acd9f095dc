package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTest {
  private static final Instant SIGNED_UP = Instant.parse("2024-01-10T00:00:00Z");
  private static final Instant ACTIVATED = Instant.parse("2024-01-12T00:00:00Z");
  private static final Instant CANCELLED = Instant.parse("2024-06-01T00:00:00Z");

  private static Customer full() {
    return Customer.builder("C1", SIGNED_UP)
        .activatedAt(ACTIVATED)
        .cancelledAt(CANCELLED)
        .repId("R1")
        .campaignId("K1")
        .build();
  }

  @Test
  void builderSetsEveryComponent() {
    assertThat(full()).isEqualTo(new Customer("C1", SIGNED_UP, ACTIVATED, CANCELLED, "R1", "K1"));
    assertThat(Customer.builder("C2", SIGNED_UP).build())
        .isEqualTo(new Customer("C2", SIGNED_UP, null, null, null, null));
  }

  @Test
  void blankOptionalStringsBecomeNull() {
    assertThat(Customer.builder("C1", SIGNED_UP).repId(" ").campaignId("").build())
        .isEqualTo(Customer.builder("C1", SIGNED_UP).build());
  }

  @Test
  void rejectsMissingOrBlankRequiredValues() {
    assertThatThrownBy(() -> Customer.builder(null, SIGNED_UP).build())
        .isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> Customer.builder("C1", null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("signedUpAt");
    assertThatThrownBy(() -> Customer.builder("\t", SIGNED_UP).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "customer_id must not be blank: \"\\u0009\" (only spaces or invisible characters)");
  }

  @Test
  void rejectsCancellationBeforeSignUp() {
    assertThatThrownBy(
            () -> Customer.builder("C1", SIGNED_UP)
                .cancelledAt(Instant.parse("2024-01-09T00:00:00Z")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cancelled_at 2024-01-09T00:00:00Z is before signed_up_at"
            + " 2024-01-10T00:00:00Z for customer C1");
  }

  @Test
  void rejectsActivationBeforeSignUp() {
    assertThatThrownBy(
            () -> Customer.builder("C1", SIGNED_UP)
                .activatedAt(Instant.parse("2024-01-09T23:00:00Z")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activated_at 2024-01-09T23:00:00Z is before signed_up_at"
            + " 2024-01-10T00:00:00Z for customer C1");
  }

  @Test
  void isActiveFromSignUpUntilJustBeforeCancellation() {
    Customer customer = full();
    assertThat(customer.isActiveAt(SIGNED_UP.minusNanos(1))).isFalse();
    assertThat(customer.isActiveAt(SIGNED_UP)).isTrue();
    assertThat(customer.isActiveAt(CANCELLED.minusNanos(1))).isTrue();
    assertThat(customer.isActiveAt(CANCELLED)).isFalse();
    assertThat(Customer.builder("C2", SIGNED_UP).build().isActiveAt(CANCELLED)).isTrue();
    Customer cancelledAtOnce = Customer.builder("C3", SIGNED_UP).cancelledAt(SIGNED_UP).build();
    assertThat(cancelledAtOnce.isActiveAt(SIGNED_UP)).isFalse();
  }

  @Test
  void asOfUndoesActivationAndCancellationAfterT() {
    Customer customer = full();
    assertThat(customer.asOf(SIGNED_UP.minusNanos(1))).isEmpty();
    assertThat(customer.asOf(SIGNED_UP))
        .contains(new Customer("C1", SIGNED_UP, null, null, "R1", "K1"));
    assertThat(customer.asOf(ACTIVATED))
        .contains(new Customer("C1", SIGNED_UP, ACTIVATED, null, "R1", "K1"));
    assertThat(customer.asOf(CANCELLED.minusNanos(1)))
        .contains(new Customer("C1", SIGNED_UP, ACTIVATED, null, "R1", "K1"));
    assertThat(customer.asOf(CANCELLED).orElseThrow()).isSameAs(customer);
    assertThat(customer.asOf(CANCELLED.plusSeconds(1)).orElseThrow()).isSameAs(customer);
  }
}
