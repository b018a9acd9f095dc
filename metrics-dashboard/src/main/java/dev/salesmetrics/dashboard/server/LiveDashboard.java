package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.aggregate.LiveView;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.rule.AlertListener;
import dev.salesmetrics.rule.Goals;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.annotation.Nullable;

/**
 * The live dashboard without HTTP: it holds the current figures, runs the rules on every update,
 * renders the page through a {@link LivePage}, and writes the Server-Sent Events stream that
 * keeps open pages up to date, to as many subscribers as asked, each on its own thread.
 *
 * <p>Over a data directory ({@link Builder#data}), records arrive through {@link
 * LiveData#accept}; over your own {@link LiveView}s ({@link Builder#views}), record into them and
 * call {@link #changed()}. Serve it with {@link LiveServer}, or from your own web framework:
 *
 * <pre>{@code
 * LiveDashboard dashboard = LiveDashboard.builder().views(List.of(myView)).build();
 * // GET /            -> 200 text/html, headers Content-Security-Policy: dashboard.contentSecurityPolicy()
 * //                     body dashboard.page()
 * // GET /events      -> 200 text/event-stream, Cache-Control: no-store;
 * //                     dashboard.stream(response.getOutputStream())   (blocks this thread)
 * myView.record(deal);
 * dashboard.changed();
 * }</pre>
 *
 * <p><b>Updates.</b> {@link #changed()} (called by {@code LiveData} itself) schedules an update
 * at most once per coalescing interval (250 ms by default): records arriving meanwhile are taken
 * in the same update. An update takes a snapshot of the figures, evaluates the rules on the
 * current period when records arrived, renders the panels and sends each subscriber the panels
 * whose HTML changed (and every alert transition), as one {@code update} event.
 *
 * <p><b>The stream.</b> {@code retry: 2000}, then an {@code update} event with every panel, then
 * one {@code update} event per update, and a comment line every heartbeat interval (15 s by
 * default) while nothing happens. Event data is one line of JSON: {@code version}, {@code
 * sequence} (journal batch), {@code period}, {@code reload} (the panel ids changed: reload the
 * page), {@code panels} (id to HTML) and {@code transitions}.
 *
 * <p><b>Slow subscribers.</b> The update thread never waits for a subscriber: each has a bounded
 * queue (64 events by default) and is dropped when it is full (its thread is interrupted, which
 * ends a write blocked on a socket of the JDK's HTTP server). A dropped browser reconnects by
 * itself and receives every panel again.
 *
 * <p>Thread safe.
 */
public final class LiveDashboard implements AutoCloseable {
  /** The script that keeps the page live; its hash is allowed by the content security policy. */
  static final String SCRIPT =
      """
      (function () {
        var b = document.body;
        b.setAttribute('data-live', 'connecting');
        var es = new EventSource('events');
        es.onopen = function () { b.setAttribute('data-live', 'connected'); };
        es.onerror = function () { b.setAttribute('data-live', 'reconnecting'); };
        es.addEventListener('update', function (e) {
          var m = JSON.parse(e.data);
          if (m.reload) { location.reload(); return; }
          Object.keys(m.panels).forEach(function (id) {
            var el = document.getElementById(id);
            if (el) { el.outerHTML = m.panels[id]; }
          });
          b.setAttribute('data-version', String(m.version));
        });
      })();""";

  private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.US_ASCII);

  private final Source source;
  @Nullable private final LiveData data;
  private final LivePage page;
  private final AlertBoard alerts;
  private final Clock clock;
  private final long coalesceNanos;
  private final long heartbeatMillis;
  private final int queueCapacity;
  private final int maxSubscribers;
  private final String scriptElement;
  private final String csp;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Object publishLock = new Object();
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final LongAdder dropped = new LongAdder();
  private final Runnable listener = this::changed;
  private final AtomicBoolean attached = new AtomicBoolean();
  private volatile boolean closed;
  private volatile long lastPublishNanos;
  private volatile LiveFigures figures;
  private volatile ImmutableMap<String, String> panels = ImmutableMap.of();
  private volatile String pageHtml = "";
  private volatile String figuresJson = "";
  private volatile String alertsJson = "";
  private long evaluatedVersion = Long.MIN_VALUE; // guarded by publishLock

  private LiveDashboard(Builder b, Source source, AlertBoard alerts, LivePage page) {
    this.source = source;
    this.data = b.data;
    this.page = page;
    this.alerts = alerts;
    this.clock = b.clock;
    this.coalesceNanos = b.coalesce.toNanos();
    this.heartbeatMillis = Math.max(1, b.heartbeat.toMillis());
    this.queueCapacity = b.queueCapacity;
    this.maxSubscribers = b.maxSubscribers;
    this.scriptElement = "<script>" + SCRIPT + "</script>";
    this.csp =
        "default-src 'none'; script-src '" + hash(SCRIPT) + "'; style-src 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "salesmetrics-live-update");
              t.setDaemon(true);
              return t;
            });
    this.figures =
        new LiveFigures(
            0, 0, clock.instant(), null, null, ImmutableList.of(), ImmutableList.of(),
            ImmutableList.of(), alerts.rules().size(), null, null);
  }

  /**
   * Starts the definition of a dashboard.
   *
   * @return a builder with the dashboard report's page ({@link ReportPage}), no rules, no
   *     listener, the system clock, updates coalesced over 250 ms, heartbeats every 15 s
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Says that records arrived: an update follows within the coalescing interval (at once when
   * the last update is older than that). Cheap; safe to call from any thread, as often as
   * records arrive.
   */
  public void changed() {
    if (closed) {
      return;
    }
    source.changed();
    schedule();
  }

  /** Asks for an update without new records: the page has something new to draw. */
  private void redraw() {
    if (!closed) {
      schedule();
    }
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      long delay = Math.max(0, lastPublishNanos + coalesceNanos - System.nanoTime());
      try {
        var unused = scheduler.schedule(this::scheduledUpdate, delay, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        scheduled.set(false); // closing
      }
    }
  }

  private void scheduledUpdate() {
    scheduled.set(false);
    update();
  }

  /** Brings the figures up to date now and sends the changes; on the caller's thread. */
  void update() {
    synchronized (publishLock) {
      if (closed) {
        return;
      }
      lastPublishNanos = System.nanoTime();
      ImmutableList<AlertEvent> events = ImmutableList.of();
      LiveFigures next;
      try {
        Snapshot s = source.snapshot(page.readsRecords());
        if (s.version != evaluatedVersion && s.current != null) {
          events = alerts.evaluate(s.tables, s.current, s.sequence);
        }
        evaluatedVersion = s.version;
        next = figuresOf(s, null);
      } catch (IOException | RuntimeException e) {
        next = figures.withFailure(String.valueOf(e.getMessage()));
      }
      publish(next, events);
    }
  }

  private LiveFigures figuresOf(Snapshot s, @Nullable String failure) {
    return new LiveFigures(
        figures.version() + 1,
        s.sequence,
        clock.instant(),
        s.current,
        s.newest,
        s.tables,
        alerts.statuses(),
        alerts.recent(),
        alerts.rules().size(),
        s.dataset,
        failure);
  }

  /** Renders, stores and sends; under the publish lock. */
  private void publish(LiveFigures next, List<AlertEvent> events) {
    LiveFigures f =
        next.version() == figures.version()
            ? new LiveFigures(
                next.version() + 1,
                next.sequence(),
                clock.instant(),
                next.period().orElse(null),
                next.newest().orElse(null),
                next.tables(),
                next.alerts(),
                next.transitions(),
                next.ruleCount(),
                next.dataset().orElse(null),
                next.failure().orElse(null))
            : next;
    ImmutableMap<String, String> p = page.panels(f);
    boolean reload = !panels.isEmpty() && !p.keySet().equals(panels.keySet());
    Map<String, String> changedPanels = new LinkedHashMap<>();
    p.forEach(
        (id, html) -> {
          if (!html.equals(panels.get(id))) {
            changedPanels.put(id, html);
          }
        });
    byte[] event = event(f, changedPanels, events, reload);
    pageHtml = page.page(f, p, scriptElement);
    figuresJson = figuresJson(f);
    alertsJson = alertsJson(f);
    figures = f;
    panels = p;
    clients.removeIf(
        c -> {
          if (c.isClosed()) {
            return true; // ended by itself
          }
          if (c.offer(event)) {
            return false;
          }
          dropped.increment(); // its queue was full
          return true;
        });
  }

  private byte[] event(
      LiveFigures f, Map<String, String> changedPanels, List<AlertEvent> events, boolean reload) {
    Json j = new Json().beginObject();
    j.member("version", f.version()).member("sequence", f.sequence());
    j.member("period", f.period().map(Period::label).orElse(null));
    j.name("reload").value(reload);
    j.name("panels").beginObject();
    changedPanels.forEach((id, html) -> j.member(id, html));
    j.endObject();
    j.name("transitions").beginArray();
    for (AlertEvent e : events) {
      alert(j, AlertStatus.of(e));
    }
    j.endArray().endObject();
    String text = "id: " + f.version() + "\nevent: update\ndata: " + j + "\n\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void alert(Json j, AlertStatus a) {
    j.beginObject()
        .member("rule", a.ruleId())
        .member("metric", a.metricId())
        .name("group")
        .beginObject();
    a.group().values().forEach(j::member);
    j.endObject()
        .member("groupLabel", a.group().label())
        .member("from", a.from().name())
        .member("state", a.state().name())
        .member("level", a.level().map(l -> l.label()).orElse(null))
        .member("episode", a.episode())
        .member("at", a.at().toString())
        .member("period", a.periodLabel())
        .member("sentence", a.sentence())
        .endObject();
  }

  private String figuresJson(LiveFigures f) {
    Json j = new Json().beginObject();
    j.member("version", f.version()).member("sequence", f.sequence());
    j.member("updatedAt", f.updatedAt().toString());
    period(j, "period", f.period());
    period(j, "previousPeriod", f.previousPeriod());
    j.name("tiles").beginArray();
    for (Tile t : Tile.of(f, page.metrics())) {
      j.beginObject()
          .member("metric", t.metricId())
          .member("label", t.label())
          .member("unit", t.unit().csvName())
          .member("value", t.value())
          .member("text", t.text())
          .member("detail", t.detail())
          .member("previous", t.previous())
          .member("previousText", t.previousText())
          .member("change", t.change().isEmpty() ? null : t.change())
          .endObject();
    }
    j.endArray();
    j.member("failure", f.failure().orElse(null));
    return j.endObject() + "\n";
  }

  private static void period(Json j, String name, Optional<Period> p) {
    j.name(name);
    if (p.isEmpty()) {
      j.value((String) null);
      return;
    }
    j.beginObject()
        .member("label", p.get().label())
        .member("start", p.get().startDate().toString())
        .member("end", p.get().endDate().toString())
        .endObject();
  }

  private static String alertsJson(LiveFigures f) {
    Json j = new Json().beginObject();
    j.member("version", f.version());
    j.name("alerts").beginArray();
    for (AlertStatus a : f.alerts()) {
      alert(j, a);
    }
    j.endArray().name("transitions").beginArray();
    for (AlertStatus a : f.transitions()) {
      alert(j, a);
    }
    return j.endArray().endObject() + "\n";
  }

  /**
   * Returns the figures of the last update.
   *
   * @return the figures
   */
  public LiveFigures figures() {
    return figures;
  }

  /**
   * Returns the page of the last update, with the script that keeps it live (it connects to
   * {@code events}, relative to the page's URL).
   *
   * @return the HTML document
   */
  public String page() {
    return pageHtml;
  }

  /**
   * Returns the tiles of the last update as JSON: {@code version}, {@code sequence}, {@code
   * updatedAt}, {@code period} and {@code previousPeriod} ({@code label}, {@code start}, {@code
   * end}), {@code tiles} (per page metric: {@code metric}, {@code label}, {@code unit}, {@code
   * value} (null when undefined), {@code text}, {@code detail}, {@code previous}, {@code
   * previousText}, {@code change}) and {@code failure}.
   *
   * @return the JSON text
   */
  public String figuresJson() {
    return figuresJson;
  }

  /**
   * Returns the alerts as JSON: {@code alerts} (the latest transition of every rule and group)
   * and {@code transitions} (the latest, newest first), each with {@code rule}, {@code metric},
   * {@code group}, {@code groupLabel}, {@code from}, {@code state}, {@code level}, {@code
   * episode}, {@code at}, {@code period} and {@code sentence}.
   *
   * @return the JSON text
   */
  public String alertsJson() {
    return alertsJson;
  }

  /**
   * Returns the Content-Security-Policy header value for {@link #page()}: no script but the
   * dashboard's own (by its hash), inline styles, connections to the page's origin only.
   *
   * @return the header value
   */
  public String contentSecurityPolicy() {
    return csp;
  }

  /**
   * Writes the event stream to {@code out} until the subscriber is dropped (too slow), the
   * dashboard closes, the calling thread is interrupted or a write fails. Blocks the calling
   * thread; each subscriber needs its own.
   *
   * @param out the response body of an event-stream response
   * @throws IOException if a write fails (the subscriber went away)
   * @throws IllegalStateException if the dashboard is closed or has its maximum of subscribers
   */
  public void stream(OutputStream out) throws IOException {
    checkNotNull(out, "out");
    Subscription s = subscribe();
    if (s == null) {
      throw new IllegalStateException(
          closed ? "the dashboard is closed" : "too many subscribers: " + maxSubscribers);
    }
    s.run(out);
  }

  /** A subscriber registered and its first event; {@link #run} writes the stream. */
  final class Subscription {
    private final SseClient client;
    private final byte[] first;

    private Subscription(SseClient client, byte[] first) {
      this.client = client;
      this.first = first;
    }

    void run(OutputStream out) throws IOException {
      try {
        client.run(out, first, heartbeatMillis);
      } finally {
        clients.remove(client);
      }
    }

    void close() {
      client.close();
    }
  }

  /** Registers a subscriber; null when closed or full. */
  @Nullable
  Subscription subscribe() {
    synchronized (publishLock) {
      if (closed || clients.size() >= maxSubscribers) {
        return null;
      }
      LiveFigures f = figures;
      byte[] full = event(f, panels, ImmutableList.of(), false);
      byte[] first = new byte[RETRY.length + full.length];
      System.arraycopy(RETRY, 0, first, 0, RETRY.length);
      System.arraycopy(full, 0, first, RETRY.length, full.length);
      SseClient c = new SseClient(queueCapacity);
      clients.add(c);
      return new Subscription(c, first);
    }
  }

  /**
   * Returns how many subscribers are connected.
   *
   * @return the count
   */
  public int subscribers() {
    return clients.size();
  }

  /**
   * Returns how many subscribers were dropped because their queue was full.
   *
   * @return the count since the dashboard started
   */
  public long droppedSubscribers() {
    return dropped.sum();
  }

  /**
   * Stops updating, ends every stream and stops listening to the data (which stays open).
   */
  @Override
  public void close() {
    synchronized (publishLock) {
      closed = true;
    }
    if (data != null) {
      data.unlisten(listener);
    }
    scheduler.shutdownNow();
    if (attached.compareAndSet(true, false)) {
      page.detach();
    }
    for (SseClient c : clients) {
      c.close();
    }
    clients.clear();
  }

  /**
   * Returns the version and the number of subscribers.
   *
   * @return e.g. {@code LiveDashboard[version 3, 2 subscribers]}
   */
  @Override
  public String toString() {
    return "LiveDashboard[version " + figures.version() + ", " + clients.size() + " subscribers]";
  }

  static String hash(String script) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  // ---- sources ---------------------------------------------------------------------------------

  /** The figures of one moment, from either kind of source. */
  private record Snapshot(
      ImmutableList<MetricTable> tables,
      @Nullable Period current,
      @Nullable java.time.Instant newest,
      long version,
      long sequence,
      @Nullable Dataset dataset) {}

  private interface Source {
    Snapshot snapshot(boolean withRecords);

    void changed();
  }

  private static final class DataSource implements Source {
    private final LiveData data;
    // the records copied at the last snapshot that asked for them, and the store's version then
    private long datasetVersion = Long.MIN_VALUE;
    @Nullable private Dataset dataset;

    DataSource(LiveData data) {
      this.data = data;
    }

    /** Under the dashboard's publish lock: one call at a time. */
    @Override
    public Snapshot snapshot(boolean withRecords) {
      RecordStore.Snapshot s = data.store().snapshot();
      Dataset records = null;
      if (withRecords) {
        // copied only when records arrived since the last copy (not for a redraw)
        if (dataset == null || datasetVersion != s.version()) {
          dataset = data.dataset();
          datasetVersion = s.version();
        }
        records = dataset;
      }
      return new Snapshot(
          s.tables(),
          s.current().orElse(null),
          s.newest().orElse(null),
          s.version(),
          s.applied(),
          records);
    }

    @Override
    public void changed() {}
  }

  private static final class ViewSource implements Source {
    private final ImmutableList<LiveView> views;
    private final AtomicLong version = new AtomicLong();

    ViewSource(List<LiveView> views) {
      this.views = ImmutableList.copyOf(views);
    }

    @Override
    public Snapshot snapshot(boolean withRecords) {
      long v = version.get();
      List<MetricTable> tables = new ArrayList<>();
      for (LiveView view : views) {
        tables.add(view.snapshot());
      }
      tables.sort(Comparator.comparingInt(t -> t.dimensionIds().isEmpty() ? 0 : 1));
      Period current = null;
      for (MetricTable t : tables) {
        for (Period p : t.periods()) {
          if (current == null || p.start().isAfter(current.start())) {
            current = p;
          }
        }
      }
      return new Snapshot(ImmutableList.copyOf(tables), current, null, v, 0, null);
    }

    @Override
    public void changed() {
      version.incrementAndGet();
    }
  }

  /** Defines a {@link LiveDashboard}. Not thread safe. */
  public static final class Builder {
    @Nullable private LiveData data;
    @Nullable private ImmutableList<LiveView> views;
    @Nullable private LivePage page;
    private ImmutableList<Rule> rules = ImmutableList.of();
    private final List<AlertListener> listeners = new ArrayList<>();
    @Nullable private Goals goals;
    @Nullable private java.nio.file.Path alertState;
    private Clock clock = Clock.systemUTC();
    private Duration coalesce = Duration.ofMillis(250);
    private Duration heartbeat = Duration.ofSeconds(15);
    private int queueCapacity = 64;
    private int maxSubscribers = 256;

    private Builder() {}

    /**
     * Shows the figures of a data directory; the dashboard updates when it accepts records, and
     * keeps its alert state in {@code <dir>/.salesmetrics/alert-state.txt}.
     *
     * @param data the live data, which must compute the page's metrics overall and every rule's
     *     metric in the rule's scope
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder data(LiveData data) {
      this.data = checkNotNull(data, "data");
      return this;
    }

    /**
     * Shows the figures of your own live views, each grouped by a period dimension first (the
     * current period is the newest period in them). Call {@link #changed()} after recording.
     *
     * @param views the views; the page's tiles read the first one without other dimensions
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder views(List<LiveView> views) {
      this.views = ImmutableList.copyOf(views);
      return this;
    }

    /**
     * Sets the page renderer; the default is a new {@code ReportPage.builder().build()}, the
     * dashboard report's page.
     *
     * @param page the renderer, serving no other dashboard
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder page(LivePage page) {
      this.page = checkNotNull(page, "page");
      return this;
    }

    /**
     * Sets the rules evaluated on the current period at every update.
     *
     * @param rules the rules, with distinct ids
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder rules(List<Rule> rules) {
      this.rules = ImmutableList.copyOf(rules);
      return this;
    }

    /**
     * Adds a listener of the alert transitions, such as a {@code WebhookListener} or a metrics
     * binder: it hears every transition of the live evaluations and, at the first start of a data
     * directory (no saved alert state), the last transition of each alert still pending or firing
     * at the end of the replayed history; a restart with a saved state tells it nothing again.
     * Called on the update thread, in the order added; the dashboard does not close it.
     *
     * @param listener the listener
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder listener(AlertListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Sets the goals of rules against a goal or pace; the default is the data's quotas (per rep
     * and quota period) for a data directory, none for views.
     *
     * @param goals the goals
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder goals(Goals goals) {
      this.goals = checkNotNull(goals, "goals");
      return this;
    }

    /**
     * Keeps the alert state in {@code file} (saved after every evaluation, restored at start);
     * the default is none for views and {@code <dir>/.salesmetrics/alert-state.txt} for a data
     * directory.
     *
     * @param file the state file
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder alertState(java.nio.file.Path file) {
      this.alertState = checkNotNull(file, "file");
      return this;
    }

    /**
     * Sets the clock of evaluations and update times; the default is the system clock in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Sets the least time between two updates; the default is 250 ms.
     *
     * @param interval at least 0 and at most 1 s (a page must not lag more)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    @CanIgnoreReturnValue
    public Builder coalesce(Duration interval) {
      checkNotNull(interval, "interval");
      if (interval.isNegative() || interval.compareTo(Duration.ofSeconds(1)) > 0) {
        throw new IllegalArgumentException("coalescing interval must be in [0, 1 s]: " + interval);
      }
      this.coalesce = interval;
      return this;
    }

    /**
     * Sets how long a stream stays silent before a heartbeat comment; the default is 15 s.
     *
     * @param interval more than 0
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    @CanIgnoreReturnValue
    public Builder heartbeat(Duration interval) {
      checkNotNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("heartbeat interval must be > 0: " + interval);
      }
      this.heartbeat = interval;
      return this;
    }

    /**
     * Sets how many events may wait for one subscriber before it is dropped; default 64.
     *
     * @param events at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    @CanIgnoreReturnValue
    public Builder subscriberQueue(int events) {
      if (events < 1) {
        throw new IllegalArgumentException("subscriber queue must be >= 1: " + events);
      }
      this.queueCapacity = events;
      return this;
    }

    /**
     * Sets how many subscribers may be connected at once; default 256.
     *
     * @param n at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    @CanIgnoreReturnValue
    public Builder maxSubscribers(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("max subscribers must be >= 1: " + n);
      }
      this.maxSubscribers = n;
      return this;
    }

    /**
     * Builds the dashboard: restores the alert state (or replays the history without one),
     * makes the first update and starts listening.
     *
     * @return the running dashboard
     * @throws IllegalStateException if neither or both of {@code data} and {@code views} were
     *     given
     * @throws IllegalArgumentException if the data does not compute a rule's metric in the
     *     rule's scope
     * @throws IOException if the alert state cannot be read or written
     */
    public LiveDashboard build() throws IOException {
      if ((data == null) == (views == null)) {
        throw new IllegalStateException("give either data(...) or views(...)");
      }
      Source source;
      java.nio.file.Path stateFile = alertState;
      Goals g = goals;
      if (data != null) {
        checkScopes(data, rules);
        source = new DataSource(data);
        if (stateFile == null) {
          stateFile = data.stateDirectory().resolve("alert-state.txt");
        }
        if (g == null) {
          g = AlertBoard.quotaGoals(rules, data.dataset().quotas());
        }
      } else {
        source = new ViewSource(checkNotNull(views));
      }
      AlertBoard board =
          new AlertBoard(rules, g == null ? Goals.empty() : g, stateFile, clock, listeners);
      LivePage p = page != null ? page : ReportPage.builder().build();
      LiveDashboard d = new LiveDashboard(this, source, board, p);
      try {
        p.attach(d::redraw);
        d.attached.set(true);
        synchronized (d.publishLock) {
          Snapshot s = source.snapshot(p.readsRecords());
          board.start(s.tables, Optional.ofNullable(s.current), s.sequence);
          d.evaluatedVersion = s.version;
          d.publish(d.figuresOf(s, null), ImmutableList.of());
        }
      } catch (IOException | RuntimeException e) {
        d.close();
        throw e;
      }
      if (data != null) {
        data.listen(d.listener);
      }
      return d;
    }

    private static void checkScopes(LiveData data, List<Rule> rules) {
      for (Rule r : rules) {
        List<String> dims =
            r.dimension()
                .map(x -> List.of(x.strip().toLowerCase(Locale.ROOT)))
                .orElse(List.of());
        boolean found = false;
        for (Scope s : data.store().scopes()) {
          if (s.dimensions().equals(dims)) {
            for (Metric<?, ?> m : s.metrics()) {
              found |= m.id().equals(r.metricId());
            }
          }
        }
        if (!found) {
          throw new IllegalArgumentException(
              "rule " + r.id() + " reads " + r.metricId()
                  + (dims.isEmpty() ? " overall" : " per " + dims.get(0))
                  + ", which the live data does not compute: add it with LiveData.Builder.rules");
        }
      }
    }
  }
}
