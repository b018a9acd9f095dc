package dev.salesmetrics.aggregate;

import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells, for each metric of a query, which kinds of record it reads that the query's records do
 * not hold at all: the notes of {@link MetricTable#notes()}. Reads the records until every kind
 * the metrics read was seen, so usually only the first few.
 */
final class RecordKinds {
  private RecordKinds() {}

  /**
   * Returns a note per metric that reads a kind of record none of {@code records} is; no note when
   * there is no record at all (an empty input is no mistake).
   */
  static ImmutableMap<String, String> notes(
      Iterable<? extends SalesRecord> records, List<Metric<?, ?>> metrics) {
    Set<Class<?>> unseen = wanted(metrics);
    boolean any = false;
    for (SalesRecord r : records) {
      any = true;
      unseen.removeIf(kind -> kind.isInstance(r));
      if (unseen.isEmpty()) {
        return ImmutableMap.of();
      }
    }
    return any ? notes(unseen, metrics) : ImmutableMap.of();
  }

  /**
   * Returns the notes of {@link #notes(Iterable, List)} for the records of a column store, from
   * the kinds it holds, without making a record of its rows.
   */
  static ImmutableMap<String, String> notes(ColumnStore store, List<Metric<?, ?>> metrics) {
    return notes(counts(store), store.others(), metrics);
  }

  /** The rows per kind of column in {@code store}: deals, orders, leads, customers, responses. */
  static long[] counts(ColumnStore store) {
    return new long[] {
      store.deals(), store.orders(), store.leads(), store.customers(), store.responses()
    };
  }

  /**
   * Returns the notes of {@link #notes(Iterable, List)} for stores that held {@code counts} rows
   * ({@link #counts}) in all and the records {@code others}.
   */
  static ImmutableMap<String, String> notes(
      long[] counts, Iterable<? extends SalesRecord> others, List<Metric<?, ?>> metrics) {
    Set<Class<?>> unseen = wanted(metrics);
    boolean any = false;
    Class<?>[] types = {
      Deal.class, Order.class, Lead.class, Customer.class, SurveyResponse.class
    };
    for (int i = 0; i < counts.length; i++) {
      Class<?> type = types[i];
      if (counts[i] > 0) {
        any = true;
        unseen.removeIf(k -> k.isAssignableFrom(type));
      }
    }
    for (SalesRecord r : others) {
      any = true;
      unseen.removeIf(k -> k.isInstance(r));
    }
    return any && !unseen.isEmpty() ? notes(unseen, metrics) : ImmutableMap.of();
  }

  /** The kinds of record the metrics read (parts of records, such as stage changes, aside). */
  private static Set<Class<?>> wanted(List<Metric<?, ?>> metrics) {
    Set<Class<?>> wanted = new LinkedHashSet<>();
    for (Metric<?, ?> m : metrics) {
      for (Class<?> kind : m.recordKinds()) {
        if (SalesRecord.class.isAssignableFrom(kind)) {
          wanted.add(kind);
        }
      }
    }
    return wanted;
  }

  private static ImmutableMap<String, String> notes(
      Set<Class<?>> unseen, List<Metric<?, ?>> metrics) {
    Map<String, String> notes = new LinkedHashMap<>();
    for (Metric<?, ?> m : metrics) {
      List<String> missing = new ArrayList<>();
      for (Class<?> kind : m.recordKinds()) {
        if (unseen.contains(kind)) {
          missing.add(singular(kind));
        }
      }
      if (missing.isEmpty()) {
        continue;
      }
      List<String> reads = new ArrayList<>();
      m.recordKinds().stream()
          .filter(SalesRecord.class::isAssignableFrom)
          .forEach(k -> reads.add(plural(k)));
      String example =
          reads.size() > 1
              ? "give it every kind, e.g. Query.of(" + String.join(", ", reads)
                  + ") or Query.of(data.records())"
              : "query the " + reads.get(0) + ", e.g. Query.of(" + reads.get(0) + ")";
      notes.put(
          m.id(),
          m.id() + " reads " + and(reads) + ", but the query's records hold no "
              + String.join(" and no ", missing) + ": " + example);
    }
    return ImmutableMap.copyOf(notes);
  }

  private static String and(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and "
        + words.get(words.size() - 1);
  }

  /** A kind of record as a word: {@code deal}, {@code survey response}. */
  static String singular(Class<?> kind) {
    if (kind == SurveyResponse.class) {
      return "survey response";
    }
    if (kind == Deal.class || kind == Quota.class || kind == Rep.class || kind == Lead.class
        || kind == Order.class || kind == Customer.class || kind == Campaign.class) {
      return kind.getSimpleName().toLowerCase(Locale.ROOT);
    }
    return kind.getSimpleName();
  }

  /** A kind of record as the name of a list: {@code deals}, {@code responses}. */
  static String plural(Class<?> kind) {
    if (kind == SurveyResponse.class) {
      return "responses";
    }
    String s = singular(kind);
    return s.equals(kind.getSimpleName()) ? s : s + "s";
  }
}
