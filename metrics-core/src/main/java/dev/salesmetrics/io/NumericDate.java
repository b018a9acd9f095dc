package dev.salesmetrics.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A date written as three numbers, with an optional time: {@code 1/31/2024}, {@code 31.01.2024
 * 16:05}, {@code 2024/1/31 4:05 pm}. The numbers are split by one separator ({@code /}, {@code .}
 * or {@code -}, the same twice); the year has four digits, day and month one or two. The time
 * follows a space (or a comma and a space, or a {@code T}): {@code H:mm}, {@code H:mm:ss}, {@code
 * H:mm:ss.fff} (up to nine fraction digits), on 24 hours or on 12 with {@code AM}/{@code PM} in any
 * case. Which number is the day and which the month is the {@link DateOrder}'s business; every
 * date is checked strictly (no 30 February, no 31 April, no 29 February outside leap years).
 *
 * @param first the first number
 * @param firstDigits its digit count
 * @param second the second number
 * @param secondDigits its digit count
 * @param third the third number
 * @param thirdDigits its digit count
 * @param hasTime whether a time follows
 * @param hour the hour as written
 * @param minute the minute
 * @param secondOfMinute the second
 * @param nano the fraction of a second in nanoseconds
 * @param halfDay 0 without AM/PM, 1 for AM, 2 for PM
 */
record NumericDate(
    int first,
    int firstDigits,
    int second,
    int secondDigits,
    int third,
    int thirdDigits,
    boolean hasTime,
    int hour,
    int minute,
    int secondOfMinute,
    int nano,
    int halfDay) {

  /** Reads the shape of a numeric date, or returns null if the text has another shape. */
  @Nullable
  static NumericDate scan(String text) {
    Cursor in = new Cursor(text.strip());
    int a = in.number(4);
    int aDigits = in.digits;
    char sep = in.peek();
    if (a < 0 || (sep != '/' && sep != '.' && sep != '-')) {
      return null;
    }
    in.pos++;
    int b = in.number(2);
    int bDigits = in.digits;
    if (b < 0 || in.peek() != sep) {
      return null;
    }
    in.pos++;
    int c = in.number(4);
    int cDigits = in.digits;
    if (c < 0) {
      return null;
    }
    if (in.atEnd()) {
      return new NumericDate(a, aDigits, b, bDigits, c, cDigits, false, 0, 0, 0, 0, 0);
    }
    // the time: ("T" | [","] " "+) H:mm[:ss[.f]] [" "* AM|PM]
    if (in.peek() == 'T' || in.peek() == 't') {
      in.pos++;
    } else {
      if (in.peek() == ',') {
        in.pos++;
      }
      if (in.skipSpaces() == 0) {
        return null;
      }
    }
    int hour = in.number(2);
    if (hour < 0 || in.peek() != ':') {
      return null;
    }
    in.pos++;
    int minute = in.number(2);
    if (minute < 0 || in.digits != 2) {
      return null;
    }
    int second = 0;
    int nano = 0;
    if (in.peek() == ':') {
      in.pos++;
      second = in.number(2);
      if (second < 0 || in.digits != 2) {
        return null;
      }
      if (in.peek() == '.') {
        in.pos++;
        nano = in.number(9);
        if (nano < 0) {
          return null;
        }
        for (int i = in.digits; i < 9; i++) {
          nano *= 10;
        }
      }
    }
    int halfDay = 0;
    if (!in.atEnd()) {
      var unused = in.skipSpaces();
      String marker = in.rest().toUpperCase(Locale.ROOT);
      if (marker.equals("AM")) {
        halfDay = 1;
      } else if (marker.equals("PM")) {
        halfDay = 2;
      } else {
        return null;
      }
    }
    return new NumericDate(
        a, aDigits, b, bDigits, c, cDigits, true, hour, minute, second, nano, halfDay);
  }

  /** A position in a text, reading ASCII digits. */
  private static final class Cursor {
    private final String s;
    int pos;
    /** The digit count of the last {@link #number}. */
    int digits;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    /** The next char, or NUL at the end. */
    char peek() {
      return atEnd() ? '\0' : s.charAt(pos);
    }

    String rest() {
      return s.substring(Math.min(pos, s.length()));
    }

    int skipSpaces() {
      int from = pos;
      while (peek() == ' ') {
        pos++;
      }
      return pos - from;
    }

    /** Reads 1 to {@code max} digits; -1 for none or too many. */
    int number(int max) {
      int value = 0;
      int i = pos;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (i - pos == max) {
          return -1;
        }
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      digits = i - pos;
      if (digits == 0) {
        return -1;
      }
      pos = i;
      return value;
    }
  }

  /** The orders whose layout the numbers have (year of four digits at the right end). */
  Set<DateOrder> layouts() {
    Set<DateOrder> out = EnumSet.noneOf(DateOrder.class);
    if (thirdDigits == 4 && firstDigits <= 2 && secondDigits <= 2) {
      out.add(DateOrder.MDY);
      out.add(DateOrder.DMY);
    } else if (firstDigits == 4 && secondDigits <= 2 && thirdDigits <= 2) {
      out.add(DateOrder.YMD);
    }
    return out;
  }

  /** The orders in which this is a real date and time. */
  Set<DateOrder> fits() {
    Set<DateOrder> out = EnumSet.noneOf(DateOrder.class);
    for (DateOrder order : layouts()) {
      if (problem(order) == null) {
        out.add(order);
      }
    }
    return out;
  }

  private int year(DateOrder order) {
    return order == DateOrder.YMD ? first : third;
  }

  private int month(DateOrder order) {
    return switch (order) {
      case MDY -> first;
      case DMY, YMD -> second;
    };
  }

  private int day(DateOrder order) {
    return switch (order) {
      case MDY -> second;
      case DMY -> first;
      case YMD -> third;
    };
  }

  /**
   * Says why this is no date and time in {@code order}, or returns null if it is one: "there is
   * no month 13", "February 2023 has 28 days", "hour 25 is out of range".
   */
  @Nullable
  String problem(DateOrder order) {
    if (!layouts().contains(order)) {
      return order == DateOrder.YMD
          ? "the year is not first"
          : "the year is not last";
    }
    int month = month(order);
    if (month < 1 || month > 12) {
      return "there is no month " + month;
    }
    int year = year(order);
    int length = Month.of(month).length(Year.isLeap(year));
    int day = day(order);
    if (day < 1 || day > length) {
      String name = Month.of(month).name();
      return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT) + " " + year + " has "
          + length + " days";
    }
    if (hasTime) {
      if (halfDay != 0 && (hour < 1 || hour > 12)) {
        return "hour " + hour + " is out of range with AM/PM (1 to 12)";
      }
      if (halfDay == 0 && hour > 23) {
        return "hour " + hour + " is out of range (0 to 23)";
      }
      if (minute > 59) {
        return "minute " + minute + " is out of range (0 to 59)";
      }
      if (secondOfMinute > 59) {
        return "second " + secondOfMinute + " is out of range (0 to 59)";
      }
    }
    return null;
  }

  /** The date in {@code order}; call only when {@link #problem} is null. */
  LocalDate date(DateOrder order) {
    return LocalDate.of(year(order), month(order), day(order));
  }

  /** The date and time in {@code order} (midnight without a time); only when valid. */
  LocalDateTime dateTime(DateOrder order) {
    int h = hour;
    if (halfDay != 0) {
      h = hour % 12 + (halfDay == 2 ? 12 : 0);
    }
    return date(order).atTime(h, minute, secondOfMinute, nano);
  }
}
