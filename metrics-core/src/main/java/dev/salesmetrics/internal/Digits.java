package dev.salesmetrics.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.Money;

/**
 * Numbers as people read them in tables and sentences: thousands separated by commas, whatever
 * the machine's locale. One definition for the library's tables, the command line and the HTML
 * report. No compatibility promise.
 */
public final class Digits {
  private Digits() {}

  /**
   * Groups the integer digits of a plain decimal by three with commas.
   *
   * @param plain a plain decimal such as {@code "-1234567.50"}
   * @return e.g. {@code "-1,234,567.50"}
   * @throws IllegalArgumentException if the text is not a plain decimal
   */
  public static String group(String plain) {
    checkNotNull(plain, "plain");
    if (!plain.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw new IllegalArgumentException("not a plain decimal: \"" + plain + "\"");
    }
    int start = plain.startsWith("-") ? 1 : 0;
    int dot = plain.indexOf('.');
    int end = dot < 0 ? plain.length() : dot;
    StringBuilder sb = new StringBuilder(plain.length() + 8);
    sb.append(plain, 0, start);
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(plain.charAt(i));
    }
    sb.append(plain, end, plain.length());
    return sb.toString();
  }

  /**
   * Formats money with grouped digits and its currency code.
   *
   * @param money the amount
   * @return e.g. {@code "3,996,100.00 USD"}
   */
  public static String money(Money money) {
    return group(money.toPlainString()) + " " + money.currency().getCurrencyCode();
  }
}
