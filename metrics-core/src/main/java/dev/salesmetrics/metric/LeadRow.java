package dev.salesmetrics.metric;

import dev.salesmetrics.model.Contact;

/**
 * A lead as a {@link Kernel} reads it: primitive accessors over a {@link
 * dev.salesmetrics.model.Lead} or over the columns of a column store (see {@link DealRow} for the
 * conventions).
 */
public interface LeadRow {
  /**
   * Returns the epoch second of {@code created_at}.
   *
   * @return the second
   */
  long createdAtSecond();

  /**
   * Returns the nanosecond of {@code created_at} within its second.
   *
   * @return in [0, 999,999,999]
   */
  int createdAtNano();

  /**
   * Tells whether the lead was contacted ({@code first_contact_at} is set).
   *
   * @return true when contacted
   */
  boolean contacted();

  /**
   * Returns the epoch second of {@code first_contact_at}; meaningful only when {@link
   * #contacted()}.
   *
   * @return the second
   */
  long firstContactAtSecond();

  /**
   * Returns the nanosecond of {@code first_contact_at}; meaningful only when {@link #contacted()}.
   *
   * @return in [0, 999,999,999]
   */
  int firstContactAtNano();

  /**
   * Tells whether the lead converted ({@code converted_at} is set).
   *
   * @return true when converted
   */
  boolean converted();

  /**
   * Returns the epoch second of {@code converted_at}; meaningful only when {@link #converted()}.
   *
   * @return the second
   */
  long convertedAtSecond();

  /**
   * Returns the nanosecond of {@code converted_at}; meaningful only when {@link #converted()}.
   *
   * @return in [0, 999,999,999]
   */
  int convertedAtNano();

  /**
   * Returns how many of the contact fields name, email and phone are present, as {@link
   * #contactFieldsPresent(Contact)} counts them.
   *
   * @return 0 to 3
   */
  int contactFieldsPresent();

  /**
   * Returns how many of the contact fields name, email and phone of {@code contact} are present,
   * by the rules of {@code lead_contact_completeness}: a name not blank; an email with exactly one
   * {@code @}, a non-empty part before it and a dot after it; a phone of 7 to 15 ASCII digits once
   * spaces, dashes, dots and parentheses and one leading {@code +} are removed.
   *
   * @param contact the contact details
   * @return 0 to 3
   */
  static int contactFieldsPresent(Contact contact) {
    return LeadDefinitions.contactFieldsPresent(contact);
  }
}
