package dev.salesmetrics.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for a name that is not known: the known names closest to it. One definition for
 * the metric registry, tables, rules and the command line. No compatibility promise.
 *
 * <p>A known name is close when it equals the unknown one ignoring case, or starts with it (or it
 * with the known name) ignoring case and the unknown one has at least three characters, or is at
 * most a third of its length (at least one, at most three) edits away, counting an insertion,
 * deletion, substitution or swap of two neighbours as one edit. The closest come first, ties in
 * the order the known names were given.
 */
public final class Suggestions {
  private static final int MAX = 3;

  private Suggestions() {}

  /**
   * Returns the known names closest to {@code unknown}, at most three.
   *
   * @param unknown the name that was not found, e.g. {@code "Rep"}
   * @param known the names that exist, e.g. {@code [rep, product]}
   * @return the close names, closest first; empty when none is close
   */
  public static ImmutableList<String> near(String unknown, Iterable<String> known) {
    checkNotNull(unknown, "unknown");
    checkNotNull(known, "known");
    String u = unknown.strip().toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, u.length() / 3));
    record Candidate(String name, int distance, int order) {}
    List<Candidate> close = new ArrayList<>();
    int order = 0;
    for (String k : known) {
      String lower = k.toLowerCase(Locale.ROOT);
      int d;
      if (lower.equals(u)) {
        d = 0;
      } else if (u.length() >= 3 && (lower.startsWith(u) || u.startsWith(lower))) {
        d = 1;
      } else {
        d = distance(u, lower);
        if (d > limit) {
          order++;
          continue;
        }
      }
      close.add(new Candidate(k, d, order++));
    }
    close.sort(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::order));
    ImmutableList.Builder<String> out = ImmutableList.builder();
    close.stream().limit(MAX).forEach(c -> out.add(c.name()));
    return out.build();
  }

  /**
   * Returns {@code "; did you mean rep?"} (or {@code "; did you mean win_rate or
   * win_rate.all_created?"}) for the close names, or the empty string when none is close: the
   * tail of an error message.
   *
   * @param unknown the name that was not found
   * @param known the names that exist
   * @return the tail, starting with {@code "; "}, or empty
   */
  public static String didYouMean(String unknown, Iterable<String> known) {
    ImmutableList<String> near = near(unknown, known);
    if (near.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("; did you mean ");
    for (int i = 0; i < near.size(); i++) {
      if (i > 0) {
        sb.append(i == near.size() - 1 ? " or " : ", ");
      }
      sb.append(near.get(i));
    }
    return sb.append('?').toString();
  }

  /** The optimal string alignment distance: edits with neighbour swaps, each substring once. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
