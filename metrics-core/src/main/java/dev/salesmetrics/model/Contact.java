package dev.salesmetrics.model;

import javax.annotation.Nullable;

/**
 * The contact details of a lead. Any field may be absent; blank strings are stored as
 * {@code null}, so "absent" has one representation. Values are kept as given otherwise (not
 * trimmed, not checked for format: {@code lead_contact_completeness} judges them).
 *
 * <p>Immutable and thread safe.
 *
 * @param name the person's name, or null
 * @param email the e-mail address, or null
 * @param phone the phone number, or null
 * @param company the company, or null
 */
public record Contact(
    @Nullable String name,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String company) {

  private static final Contact EMPTY = new Contact(null, null, null, null);

  /**
   * Normalises blank strings to {@code null}.
   *
   * @param name the person's name, or null
   * @param email the e-mail address, or null
   * @param phone the phone number, or null
   * @param company the company, or null
   * @throws IllegalArgumentException if a field is not well-formed text (has a lone surrogate)
   */
  public Contact {
    String owner = " in a contact";
    name = Checks.blankToNull(name, "name", owner);
    email = Checks.blankToNull(email, "email", owner);
    phone = Checks.blankToNull(phone, "phone", owner);
    company = Checks.blankToNull(company, "company", owner);
  }

  /**
   * Returns the contact with every field absent.
   *
   * @return the empty contact
   */
  public static Contact empty() {
    return EMPTY;
  }
}
