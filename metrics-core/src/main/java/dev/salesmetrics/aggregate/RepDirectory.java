package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reps by id, through which records are grouped by team and region ({@link
 * Dimension#team(RepDirectory)}, {@link Dimension#region(RepDirectory)}).
 *
 * <pre>{@code
 * RepDirectory reps = RepDirectory.of(List.of(
 *     new Rep("R1", "Ann", "East", "EMEA", null),
 *     new Rep("R2", "Bob", "West", "AMER", null)));
 * reps.team("R1");   // Optional[East]
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class RepDirectory {
  private static final RepDirectory EMPTY = new RepDirectory(ImmutableMap.of());

  private final ImmutableMap<String, Rep> byId;

  private RepDirectory(ImmutableMap<String, Rep> byId) {
    this.byId = byId;
  }

  /**
   * Returns the directory of {@code reps}.
   *
   * @param reps reps with distinct ids
   * @return the directory
   * @throws IllegalArgumentException if two reps share an id
   */
  public static RepDirectory of(Iterable<Rep> reps) {
    checkNotNull(reps, "reps");
    Map<String, Rep> map = new LinkedHashMap<>();
    for (Rep rep : reps) {
      checkNotNull(rep, "rep");
      if (map.putIfAbsent(rep.id(), rep) != null) {
        throw new IllegalArgumentException("rep_id must be unique in a rep directory: " + rep.id());
      }
    }
    return new RepDirectory(ImmutableMap.copyOf(map));
  }

  /**
   * Returns the directory of the {@link Rep} records among {@code records}, ignoring the others:
   * handy when reps, deals and quotas come in one list.
   *
   * @param records records of any kind
   * @return the directory of the reps among them
   * @throws IllegalArgumentException if two reps share an id
   */
  public static RepDirectory from(Iterable<? extends SalesRecord> records) {
    checkNotNull(records, "records");
    java.util.List<Rep> reps = new java.util.ArrayList<>();
    for (SalesRecord r : records) {
      if (r instanceof Rep rep) {
        reps.add(rep);
      }
    }
    return of(reps);
  }

  /**
   * Returns the empty directory: every rep is unknown.
   *
   * @return the empty directory
   */
  public static RepDirectory empty() {
    return EMPTY;
  }

  /**
   * Looks up a rep.
   *
   * @param repId the rep id
   * @return the rep, or empty when the directory does not know it
   */
  public Optional<Rep> rep(String repId) {
    return Optional.ofNullable(byId.get(checkNotNull(repId, "repId")));
  }

  /**
   * Returns a rep's team.
   *
   * @param repId the rep id
   * @return the team, or empty when the rep is unknown or has no team
   */
  public Optional<String> team(String repId) {
    Rep rep = byId.get(checkNotNull(repId, "repId"));
    return rep == null ? Optional.empty() : Optional.ofNullable(rep.team());
  }

  /**
   * Returns a rep's region.
   *
   * @param repId the rep id
   * @return the region, or empty when the rep is unknown or has no region
   */
  public Optional<String> region(String repId) {
    Rep rep = byId.get(checkNotNull(repId, "repId"));
    return rep == null ? Optional.empty() : Optional.ofNullable(rep.region());
  }

  /**
   * Returns how many reps the directory holds.
   *
   * @return the number of reps
   */
  public int size() {
    return byId.size();
  }

  /**
   * Formats as the number of reps.
   *
   * @return e.g. {@code "RepDirectory[200 reps]"}
   */
  @Override
  public String toString() {
    return "RepDirectory[" + byId.size() + " reps]";
  }
}
