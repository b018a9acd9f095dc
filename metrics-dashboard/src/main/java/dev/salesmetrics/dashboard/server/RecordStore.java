package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.RepDirectory;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * The records of a live data set, the latest version of each id, and live views over them.
 *
 * <p><b>Replaced records.</b> Deals, orders, leads and customers are keyed by their id: a record
 * whose id is already stored replaces the stored one (a deal moving from open to won). A {@link
 * LiveView} can only add, so a replacement marks the views stale, and the next {@link
 * #snapshot()} rebuilds them from the stored records; a record whose event instants fall outside
 * the views' period range does the same (the range widens). A record that is new and inside the
 * range is simply recorded. So every snapshot equals {@code Query.run()} over the stored records,
 * grouped and ranged the same way. A rebuild reads every stored record once (in parallel chunks
 * on the common fork-join pool); it runs on the caller of {@code snapshot()} while new records
 * keep arriving (they are replayed into the new views before the swap), so accepting records
 * never waits for it.
 *
 * <p><b>Stage history.</b> The deals.csv schema has no stage history: a deal that replaces one
 * with a stage history keeps that history (when it is still valid for the new deal).
 *
 * <p>Thread safe.
 */
final class RecordStore {
  /** The figures of one moment and the state of the store they reflect. */
  record Snapshot(
      ImmutableList<MetricTable> tables,
      Optional<Period> current,
      Optional<Instant> newest,
      long version,
      long applied) {}

  /** Writes a batch to the journal once it is known to be valid; returns its number. */
  @FunctionalInterface
  interface JournalWrite {
    long write() throws IOException;
  }

  /** The outcome of {@link #accept}: a record in a foreign currency, or the batch applied. */
  record Outcome(
      int foreignIndex, @Nullable Currency expected, int replaced, long sequence) {
    boolean applied() {
      return foreignIndex < 0;
    }
  }

  private final Object lock = new Object();
  private final Object snapshotLock = new Object();
  private final int parallelFrom;
  private final Granularity granularity;
  private final ZoneId zone;
  private final Dimension period;
  private final ImmutableList<Scope> scopes;
  private final RepDirectory directory;
  private final ImmutableList<Rep> reps;
  private final ImmutableList<Quota> quotas;
  private final ImmutableList<Campaign> campaigns;
  private final ImmutableList<SurveyResponse> responses;
  private final Map<String, Lead> leads = new LinkedHashMap<>();
  private final Map<String, Deal> deals = new LinkedHashMap<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  @Nullable private Currency dealCurrency;
  @Nullable private Currency orderCurrency;

  @Nullable private Views views;
  @Nullable private Instant first;
  @Nullable private Instant newest;
  private boolean stale = true;
  private boolean rebuilding;
  @Nullable private List<SalesRecord> pending;
  private boolean pendingStale;
  @Nullable private Views.Range buildingRange;
  private long version;
  private long applied;

  RecordStore(Dataset history, Granularity granularity, ZoneId zone, List<Scope> scopes) {
    this(history, granularity, zone, scopes, 4096);
  }

  /**
   * As above; a rebuild of at least {@code parallelFrom} records is spread over the common
   * fork-join pool (the views merge exactly, so the figures are the same).
   */
  RecordStore(
      Dataset history,
      Granularity granularity,
      ZoneId zone,
      List<Scope> scopes,
      int parallelFrom) {
    this.parallelFrom = Math.max(1, parallelFrom);
    this.granularity = checkNotNull(granularity, "granularity");
    this.zone = checkNotNull(zone, "zone");
    this.period = Dimension.period(granularity, zone);
    this.scopes = Scope.merge(scopes);
    this.reps = ImmutableList.copyOf(history.reps());
    this.quotas = ImmutableList.copyOf(history.quotas());
    this.campaigns = ImmutableList.copyOf(history.campaigns());
    this.responses = ImmutableList.copyOf(history.responses());
    this.directory = RepDirectory.of(reps);
    for (Quota q : quotas) {
      if (dealCurrency == null) {
        dealCurrency = q.amount().currency();
      }
    }
    for (SurveyResponse r : responses) {
      widen(r);
    }
    synchronized (lock) {
      List<SalesRecord> rest = new ArrayList<>();
      rest.addAll(history.leads());
      rest.addAll(history.deals());
      rest.addAll(history.orders());
      rest.addAll(history.customers());
      for (SalesRecord r : rest) {
        SalesRecord stored = put(r);
        widen(stored);
      }
    }
  }

  ImmutableList<Scope> scopes() {
    return scopes;
  }

  /**
   * Checks that the records' money is in the currency of the stored records of their kind (for
   * deals, also of the quotas); if so, writes the batch with {@code journal} and applies it, all
   * under one lock, so that the journal order is the order of application.
   */
  Outcome accept(RecordKind kind, List<? extends SalesRecord> records, JournalWrite journal)
      throws IOException {
    synchronized (lock) {
      Currency expected = kind == RecordKind.DEALS ? dealCurrency : orderCurrency;
      for (int i = 0; i < records.size(); i++) {
        Currency c = currencyOf(records.get(i));
        if (c == null) {
          continue;
        }
        if (expected == null) {
          expected = c;
        } else if (!expected.equals(c)) {
          return new Outcome(i, expected, 0, 0);
        }
      }
      long seq = journal.write();
      int replaced = apply(records, seq);
      return new Outcome(-1, expected, replaced, seq);
    }
  }

  /** Applies records without a currency check (journal replay, tests); returns how many replaced. */
  int apply(List<? extends SalesRecord> records, long seq) {
    synchronized (lock) {
      int replaced = 0;
      for (SalesRecord r : records) {
        int before = size();
        SalesRecord stored = put(r);
        boolean isReplacement = size() == before;
        if (isReplacement) {
          replaced++;
        }
        widen(stored);
        route(stored, isReplacement);
      }
      version++;
      if (seq > 0) {
        applied = seq;
      }
      return replaced;
    }
  }

  /** The number of keyed records stored (leads, deals, orders, customers). */
  private int size() {
    return leads.size() + deals.size() + orders.size() + customers.size();
  }

  /** Stores {@code r}, replacing a record with its id; returns the record as stored. */
  private SalesRecord put(SalesRecord r) {
    if (r instanceof Deal d) {
      Deal stored = d;
      Deal before = deals.get(d.id());
      if (before != null && d.stageHistory().isEmpty() && !before.stageHistory().isEmpty()) {
        stored = withHistory(d, before.stageHistory());
      }
      deals.put(d.id(), stored);
      if (dealCurrency == null) {
        dealCurrency = d.amount().currency();
      }
      return stored;
    } else if (r instanceof Order o) {
      orders.put(o.id(), o);
      if (orderCurrency == null) {
        orderCurrency = o.amount().currency();
      }
      return o;
    } else if (r instanceof Lead l) {
      leads.put(l.id(), l);
      return l;
    } else if (r instanceof Customer c) {
      customers.put(c.id(), c);
      return c;
    }
    throw new IllegalArgumentException(
        "only deals, orders, leads and customers can be added: " + r.getClass().getSimpleName());
  }

  private static Deal withHistory(Deal d, List<StageChange> history) {
    try {
      return new Deal(
          d.id(),
          d.repId(),
          d.amount(),
          d.createdAt(),
          d.status(),
          d.closedAt(),
          d.stage(),
          d.probability(),
          d.customerId(),
          d.leadId(),
          d.product(),
          history);
    } catch (IllegalArgumentException e) {
      return d; // the old history does not fit the new deal (created later): drop it
    }
  }

  @Nullable
  private static Currency currencyOf(SalesRecord r) {
    Money m = null;
    if (r instanceof Deal d) {
      m = d.amount();
    } else if (r instanceof Order o) {
      m = o.amount();
    }
    return m == null ? null : m.currency();
  }

  private void route(SalesRecord r, boolean replaced) {
    if (rebuilding) {
      checkNotNull(pending).add(r);
      if (replaced || !checkNotNull(buildingRange).covers(r)) {
        pendingStale = true;
      }
      return;
    }
    if (stale) {
      return;
    }
    Views v = views;
    if (v == null || replaced || !v.range.covers(r)) {
      stale = true;
      return;
    }
    try {
      v.record(r);
    } catch (RuntimeException e) {
      stale = true; // the rebuild will fail the same way and report it
    }
  }

  private void widen(SalesRecord r) {
    forEachInstant(
        r,
        t -> {
          if (first == null || t.isBefore(first)) {
            first = t;
          }
          if (newest == null || t.isAfter(newest)) {
            newest = t;
          }
        });
  }

  /**
   * Returns the figures now: rebuilds the views first when a record was replaced or fell outside
   * their range.
   *
   * @throws RuntimeException what a rebuild threw (money of two currencies in one cell, overflow)
   */
  Snapshot snapshot() {
    synchronized (snapshotLock) {
      for (int attempt = 0; ; attempt++) {
        List<SalesRecord> all;
        Views.Range range;
        synchronized (lock) {
          if (!stale) {
            return current();
          }
          first = null;
          newest = null;
          all = all();
          all.forEach(this::widen);
          if (first == null) {
            views = null;
            stale = false;
            return current();
          }
          range = Views.Range.of(checkNotNull(first), checkNotNull(newest), granularity, zone);
          if (attempt >= 2) {
            // records keep replacing others faster than a rebuild runs: rebuild under the lock
            Views v = new Views(scopes, period, directory, range);
            v.recordAllParallel(all, parallelFrom);
            views = v;
            stale = false;
            return current();
          }
          rebuilding = true;
          pending = new ArrayList<>();
          pendingStale = false;
          buildingRange = range;
        }
        Views fresh;
        try {
          fresh = new Views(scopes, period, directory, range);
          fresh.recordAllParallel(all, parallelFrom);
        } catch (RuntimeException e) {
          synchronized (lock) {
            rebuilding = false;
            pending = null;
          }
          throw e;
        }
        synchronized (lock) {
          rebuilding = false;
          List<SalesRecord> late = checkNotNull(pending);
          pending = null;
          if (pendingStale) {
            continue;
          }
          fresh.recordAll(late);
          views = fresh;
          stale = false;
          return current();
        }
      }
    }
  }

  private Snapshot current() {
    ImmutableList<MetricTable> tables = views == null ? ImmutableList.of() : views.tables();
    Optional<Period> now =
        newest == null
            ? Optional.empty()
            : Optional.of(Period.containing(newest, granularity, zone));
    return new Snapshot(tables, now, Optional.ofNullable(newest), version, applied);
  }

  /** Every stored record: reps, quotas, leads, deals, orders, customers, campaigns, responses. */
  private List<SalesRecord> all() {
    List<SalesRecord> out = new ArrayList<>(size() + reps.size() + quotas.size()
        + campaigns.size() + responses.size());
    out.addAll(reps);
    out.addAll(quotas);
    out.addAll(leads.values());
    out.addAll(deals.values());
    out.addAll(orders.values());
    out.addAll(customers.values());
    out.addAll(campaigns);
    out.addAll(responses);
    return out;
  }

  /** Returns the stored records as a data set (a copy). */
  Dataset dataset() {
    synchronized (lock) {
      return new Dataset(
          reps,
          quotas,
          ImmutableList.copyOf(leads.values()),
          ImmutableList.copyOf(deals.values()),
          ImmutableList.copyOf(orders.values()),
          ImmutableList.copyOf(customers.values()),
          campaigns,
          responses);
    }
  }

  /** Returns the stored records, as {@link #dataset()} lists them, in one list (a copy). */
  List<SalesRecord> records() {
    synchronized (lock) {
      return all();
    }
  }

  long applied() {
    synchronized (lock) {
      return applied;
    }
  }

  /** Calls {@code action} with each event instant of {@code r} (none for plans and quotas). */
  static void forEachInstant(SalesRecord r, Consumer<Instant> action) {
    if (r instanceof Deal d) {
      action.accept(d.createdAt());
      if (d.closedAt() != null) {
        action.accept(d.closedAt());
      }
      d.stageHistory().forEach(s -> action.accept(s.enteredAt()));
    } else if (r instanceof Order o) {
      action.accept(o.placedAt());
    } else if (r instanceof Lead l) {
      action.accept(l.createdAt());
      acceptIfPresent(l.firstContactAt(), action);
      acceptIfPresent(l.convertedAt(), action);
    } else if (r instanceof Customer c) {
      action.accept(c.signedUpAt());
      acceptIfPresent(c.activatedAt(), action);
      acceptIfPresent(c.cancelledAt(), action);
    } else if (r instanceof SurveyResponse s) {
      action.accept(s.respondedAt());
    }
  }

  private static void acceptIfPresent(@Nullable Instant t, Consumer<Instant> action) {
    if (t != null) {
      action.accept(t);
    }
  }

  /** One live view per scope over a fixed period range. Thread safe as {@link LiveView} is. */
  static final class Views {
    /** The periods the views compute: from the first event's period to the newest's. */
    record Range(ImmutableList<Period> periods) {
      static Range of(Instant first, Instant newest, Granularity granularity, ZoneId zone) {
        Instant start = Period.containing(first, granularity, zone).start();
        Instant end = Period.containing(newest, granularity, zone).end();
        return new Range(ImmutableList.copyOf(Period.covering(start, end, granularity, zone)));
      }

      Instant start() {
        return periods.get(0).start();
      }

      Instant end() {
        return periods.get(periods.size() - 1).end();
      }

      boolean covers(SalesRecord r) {
        boolean[] inside = {true};
        Instant s = start();
        Instant e = end();
        forEachInstant(
            r,
            t -> {
              if (t.isBefore(s) || !t.isBefore(e)) {
                inside[0] = false;
              }
            });
        return inside[0];
      }
    }

    final Range range;
    private final ImmutableList<LiveView> views;

    Views(List<Scope> scopes, Dimension period, RepDirectory reps, Range range) {
      this.range = range;
      ImmutableList.Builder<LiveView> b = ImmutableList.builder();
      for (Scope s : scopes) {
        b.add(
            LiveView.builder()
                .groupBy(s.grouping(period, reps))
                .metrics(s.metrics().toArray(new dev.salesmetrics.metric.Metric<?, ?>[0]))
                .periods(range.periods())
                .build());
      }
      this.views = b.build();
    }

    void record(SalesRecord r) {
      for (LiveView v : views) {
        v.record(r);
      }
    }

    void recordAll(List<SalesRecord> records) {
      for (SalesRecord r : records) {
        record(r);
      }
    }

    /**
     * Records in chunks on the common fork-join pool when there are at least {@code from}
     * records per processor's share; a live view takes writers from many threads at once.
     */
    void recordAllParallel(List<SalesRecord> records, int from) {
      int chunks =
          Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), records.size() / from));
      if (chunks == 1) {
        recordAll(records);
        return;
      }
      List<CompletableFuture<Void>> parts = new ArrayList<>(chunks);
      for (int c = 0; c < chunks; c++) {
        List<SalesRecord> part =
            records.subList(records.size() * c / chunks, records.size() * (c + 1) / chunks);
        parts.add(CompletableFuture.runAsync(() -> recordAll(part), ForkJoinPool.commonPool()));
      }
      for (CompletableFuture<Void> part : parts) {
        try {
          part.join();
        } catch (CompletionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw e;
        }
      }
    }

    ImmutableList<MetricTable> tables() {
      ImmutableList.Builder<MetricTable> b = ImmutableList.builder();
      for (LiveView v : views) {
        b.add(v.snapshot());
      }
      return b.build();
    }
  }
}
