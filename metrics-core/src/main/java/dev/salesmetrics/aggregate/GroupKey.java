package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.internal.SafeText;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The values of the grouping dimensions that identify one group, such as {@code rep=R07,
 * product=Pro}; the empty key is the overall group.
 *
 * <p>Dimension ids are the ids of the grouping {@link Dimension}s: {@code rep}, {@code team},
 * {@code region}, {@code product}, {@code campaign}, {@code source}, {@code customer}, or a custom
 * dimension's lowercase id. A {@link MetricTable} refuses a key whose ids are not exactly its
 * grouping dimensions, suggesting the closest ({@code "Rep"}: did you mean {@code rep}?). Keys
 * keep the order in which dimensions were given, for display; equality ignores that order. Keys
 * compare by their text, so tables sort deterministically. Immutable.
 *
 * @param values dimension id to value, in display order
 */
public record GroupKey(ImmutableMap<String, String> values) implements Comparable<GroupKey> {
  private static final GroupKey OVERALL = new GroupKey(ImmutableMap.of());

  /**
   * Validates the values: ids and values non-blank.
   *
   * @param values dimension id to value
   * @throws IllegalArgumentException if an id or value is blank
   */
  public GroupKey {
    checkNotNull(values, "values");
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().isBlank()) {
        throw new IllegalArgumentException("dimension id must not be blank: " + values);
      }
      if (e.getValue().isBlank()) {
        throw new IllegalArgumentException(
            "value of dimension " + e.getKey() + " must not be blank: " + values);
      }
    }
  }

  /**
   * Returns the overall group: no dimensions.
   *
   * @return the empty key
   */
  public static GroupKey overall() {
    return OVERALL;
  }

  /**
   * Returns the key with one dimension.
   *
   * @param dimension the dimension id, e.g. {@code "rep"}
   * @param value its value, e.g. {@code "R07"}
   * @return the key
   */
  public static GroupKey of(String dimension, String value) {
    return new GroupKey(ImmutableMap.of(dimension, value));
  }

  /**
   * Returns the key with two dimensions, in that order.
   *
   * @param dimension1 the first dimension id
   * @param value1 its value
   * @param dimension2 the second dimension id
   * @param value2 its value
   * @return the key
   */
  public static GroupKey of(String dimension1, String value1, String dimension2, String value2) {
    return new GroupKey(ImmutableMap.of(dimension1, value1, dimension2, value2));
  }

  /**
   * Returns the key with {@code values}, in their iteration order.
   *
   * @param values dimension id to value
   * @return the key
   */
  public static GroupKey of(Map<String, String> values) {
    return new GroupKey(ImmutableMap.copyOf(values));
  }

  /**
   * Returns the value of one dimension.
   *
   * @param dimension the dimension id
   * @return its value, or empty when the key has no such dimension
   */
  public Optional<String> get(String dimension) {
    return Optional.ofNullable(values.get(dimension));
  }

  /**
   * Tells whether this is the overall group.
   *
   * @return true when there are no dimensions
   */
  public boolean isOverall() {
    return values.isEmpty();
  }

  /**
   * Returns the key with one more dimension, appended last.
   *
   * @param dimension the dimension id, not already in the key
   * @param value its value
   * @return the longer key
   * @throws IllegalArgumentException if the dimension is already present
   */
  public GroupKey with(String dimension, String value) {
    return new GroupKey(
        ImmutableMap.<String, String>builder().putAll(values).put(dimension, value).buildOrThrow());
  }

  /**
   * Returns a human label, {@code "rep R07, product Pro"}, or {@code "overall"}, safe to print on a
   * terminal: control characters of the values are written out visibly ({@code \n}, {@code
   * \}{@code u001b}).
   *
   * @return the label
   */
  public String label() {
    if (values.isEmpty()) {
      return "overall";
    }
    return SafeText.forTerminal(
        values.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
  }

  /**
   * Orders keys by their text form, then by size.
   *
   * @param other another key
   * @return the comparison
   */
  @Override
  public int compareTo(GroupKey other) {
    int c = toString().compareTo(other.toString());
    return c != 0 ? c : Integer.compare(values.size(), other.values.size());
  }

  /**
   * Formats as {@code rep=R07,product=Pro}, or {@code *} for the overall group.
   *
   * @return the text
   */
  @Override
  public String toString() {
    if (values.isEmpty()) {
      return "*";
    }
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
