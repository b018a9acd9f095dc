package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Argument checks and the properties-text format shared by the fitted models. */
final class Checks {
  private Checks() {}

  static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite: " + value);
    }
  }

  static void nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0: " + value);
    }
  }

  /** Joins alternating keys and values into {@code key=value} lines. */
  static String lines(Object... keysAndValues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]).append('\n');
    }
    return out.toString();
  }

  static Properties load(String text) {
    checkNotNull(text, "text");
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  static String text(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("missing key " + key);
    }
    return value.trim();
  }

  static double number(Properties p, String key) {
    String value = text(p, key);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number: " + value, e);
    }
  }
}
