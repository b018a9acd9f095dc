package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed table of currencies as small ints, so that a kernel slot or a column can hold a currency
 * as a number: {@code 0} means no currency, and {@code 1..n} are the currencies the JVM knows,
 * numbered in the order of their ISO 4217 codes. The numbering is the same for every table of one
 * JVM run; it is not meant to be stored. Thread safe.
 *
 * <pre>{@code
 * int usd = CurrencyCodes.code(Currency.getInstance("USD"));
 * Currency back = CurrencyCodes.currency(usd);   // USD
 * }</pre>
 */
public final class CurrencyCodes {
  /** The code of no currency: a slot or row without an amount. */
  public static final int NONE = 0;

  private static final Currency[] BY_CODE;
  private static final ImmutableMap<Currency, Integer> CODES;

  static {
    List<Currency> all = new ArrayList<>(Currency.getAvailableCurrencies());
    all.sort(Comparator.comparing(Currency::getCurrencyCode));
    BY_CODE = new Currency[all.size() + 1];
    Map<Currency, Integer> codes = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      BY_CODE[i + 1] = all.get(i);
      codes.put(all.get(i), i + 1);
    }
    CODES = ImmutableMap.copyOf(codes);
  }

  private CurrencyCodes() {}

  /**
   * Returns the code of {@code currency}.
   *
   * @param currency a currency
   * @return its code, from 1 to {@link #size()}
   * @throws IllegalArgumentException if the JVM does not list the currency among its available
   *     currencies
   */
  public static int code(Currency currency) {
    Integer code = CODES.get(checkNotNull(currency, "currency"));
    if (code == null) {
      throw new IllegalArgumentException(
          "currency is not among the JVM's available currencies: " + currency.getCurrencyCode());
    }
    return code;
  }

  /**
   * Returns the currency of {@code code}.
   *
   * @param code a code from 1 to {@link #size()}
   * @return the currency
   * @throws IllegalArgumentException if {@code code} is {@link #NONE} or out of range
   */
  public static Currency currency(int code) {
    if (code <= NONE || code >= BY_CODE.length) {
      throw new IllegalArgumentException(
          "currency code must be in [1, " + (BY_CODE.length - 1) + "]: " + code);
    }
    return BY_CODE[code];
  }

  /**
   * Returns how many currencies the table numbers.
   *
   * @return the largest code
   */
  public static int size() {
    return BY_CODE.length - 1;
  }
}
