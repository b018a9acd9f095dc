package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.sun.net.httpserver.HttpHandler;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.metric.MetricRegistry;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.rule.AlertListener;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.time.Granularity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;

/**
 * A data directory served live, as {@code salesmetrics serve} runs it: {@link LiveData} over the
 * directory, a {@link LiveDashboard} with the rules, a {@link LiveServer}, and optionally an
 * inbox directory polled for dropped CSV files.
 *
 * <pre>{@code
 * try (LiveService live = LiveService.builder(Path.of("data"))
 *     .rules(RuleFile.read(Path.of("rules.txt"), Metrics.registry()))
 *     .acceptPosts(true)
 *     .start()) {
 *   System.out.println(live.uri());   // http://127.0.0.1:8080/
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread safe.
 */
public final class LiveService implements AutoCloseable {
  private final LiveData data;
  private final LiveDashboard dashboard;
  private final LiveServer server;
  @Nullable private final Inbox inbox;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LiveService(
      LiveData data, LiveDashboard dashboard, LiveServer server, @Nullable Inbox inbox) {
    this.data = data;
    this.dashboard = dashboard;
    this.server = server;
    this.inbox = inbox;
  }

  /**
   * Starts the definition of the service of {@code dir}.
   *
   * @param dir a directory of interchange CSV files
   * @return a builder: strict options, months in UTC, no rules, the dashboard report's page
   *     ({@link ReportPage}, titled "Sales dashboard" with the directory as its source),
   *     127.0.0.1:8080, posts off, no inbox, no alert listener
   */
  public static Builder builder(Path dir) {
    return new Builder(checkNotNull(dir, "dir"));
  }

  /**
   * Returns the page's URL.
   *
   * @return e.g. {@code http://127.0.0.1:8080/}
   */
  public URI uri() {
    return server.uri();
  }

  /**
   * Returns the live data.
   *
   * @return the data
   */
  public LiveData data() {
    return data;
  }

  /**
   * Returns the dashboard.
   *
   * @return the dashboard
   */
  public LiveDashboard dashboard() {
    return dashboard;
  }

  /**
   * Returns the inbox directory.
   *
   * @return the directory, or empty without an inbox
   */
  public Optional<Path> inbox() {
    return inbox == null ? Optional.empty() : Optional.of(inbox.directory());
  }

  Optional<Inbox> inboxPoller() {
    return Optional.ofNullable(inbox);
  }

  /**
   * Stops the inbox, the server and the dashboard, and closes the journal; a second call does
   * nothing.
   *
   * @throws IOException if the journal cannot be closed
   */
  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (inbox != null) {
      inbox.close();
    }
    server.close();
    dashboard.close();
    data.close();
  }

  /**
   * Returns the URL.
   *
   * @return e.g. {@code LiveService[http://127.0.0.1:8080/]}
   */
  @Override
  public String toString() {
    return "LiveService[" + uri() + "]";
  }

  /** Defines a {@link LiveService}. Not thread safe. */
  public static final class Builder {
    private final Path dir;
    private CsvOptions options = CsvOptions.strict();
    private Granularity granularity = Granularity.MONTH;
    private ZoneId zone = ZoneOffset.UTC;
    private ImmutableList<Rule> rules = ImmutableList.of();
    private MetricRegistry registry = Metrics.registry();
    @Nullable private LivePage page;
    private final List<AlertListener> listeners = new ArrayList<>();
    @Nullable private Path inbox;
    private Duration inboxInterval = Duration.ofMillis(500);
    private boolean acceptPosts;
    @Nullable private String token;
    private String bind = "127.0.0.1";
    private int port = LiveServer.DEFAULT_PORT;
    private long maxBodyBytes = LiveServer.DEFAULT_MAX_BODY_BYTES;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private Duration coalesce = Duration.ofMillis(250);

    private Builder(Path dir) {
      this.dir = dir;
    }

    /**
     * Sets how the files are read; see {@link LiveData.Builder#options}.
     *
     * @param options the options
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder options(CsvOptions options) {
      this.options = checkNotNull(options, "options");
      return this;
    }

    /**
     * Sets the periods of the figures and rules; the default is months in UTC.
     *
     * @param granularity the unit
     * @param zone the zone
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder period(Granularity granularity, ZoneId zone) {
      this.granularity = checkNotNull(granularity, "granularity");
      this.zone = checkNotNull(zone, "zone");
      return this;
    }

    /**
     * Sets the rules, whose metric ids are looked up in {@code Metrics.registry()} unless
     * {@link #registry} says otherwise.
     *
     * @param rules the rules
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder rules(List<Rule> rules) {
      this.rules = ImmutableList.copyOf(rules);
      return this;
    }

    /**
     * Sets where rule metric ids are looked up; the default is the built-in metrics.
     *
     * @param registry the registry
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder registry(MetricRegistry registry) {
      this.registry = checkNotNull(registry, "registry");
      return this;
    }

    /**
     * Sets the page renderer; the default is a new {@link ReportPage} titled "Sales dashboard"
     * with the data directory as its source. The live data computes the page's metrics and
     * extra metrics ({@link LivePage#extraMetrics()}).
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
     * Adds a listener of the alert transitions, such as a {@code WebhookListener}; see {@link
     * LiveDashboard.Builder#listener}. The service does not close it: close it after the
     * service.
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
     * Polls {@code dir} for dropped CSV files (created if absent), every 500 ms.
     *
     * @param dir the inbox directory
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder inbox(Path dir) {
      this.inbox = checkNotNull(dir, "dir");
      return this;
    }

    /**
     * Sets how often the inbox is polled; the default is 500 ms.
     *
     * @param interval more than 0
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    @CanIgnoreReturnValue
    public Builder inboxInterval(Duration interval) {
      checkNotNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("inbox interval must be > 0: " + interval);
      }
      this.inboxInterval = interval;
      return this;
    }

    /**
     * Turns the {@code POST /api/...} endpoints on (off by default).
     *
     * @param on true to accept posted records
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder acceptPosts(boolean on) {
      this.acceptPosts = on;
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on posts.
     *
     * @param token the token, not blank
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder token(String token) {
      checkNotNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.token = token;
      return this;
    }

    /**
     * Sets the listening address; the default is 127.0.0.1.
     *
     * @param address an address or host name
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder bind(String address) {
      this.bind = checkNotNull(address, "address");
      return this;
    }

    /**
     * Sets the port; the default is 8080, 0 picks a free one.
     *
     * @param port the port
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets the largest request body; the default is 1 MiB.
     *
     * @param bytes at least 1
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxBodyBytes(long bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Adds an endpoint; see {@link LiveServer.Builder#route}.
     *
     * @param path the exact path
     * @param handler the handler
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder route(String path, HttpHandler handler) {
      routes.put(checkNotNull(path, "path"), checkNotNull(handler, "handler"));
      return this;
    }

    /**
     * Sets the clock of rule evaluations; the default is the system clock.
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
     * Sets the least time between two page updates; the default is 250 ms.
     *
     * @param interval in [0, 1 s]
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder coalesce(Duration interval) {
      this.coalesce = checkNotNull(interval, "interval");
      return this;
    }

    /**
     * Reads the data and the journal, restores the alert state, starts the server and the
     * inbox.
     *
     * @return the running service
     * @throws dev.salesmetrics.io.CsvFormatException for the first bad row of a data file
     * @throws IllegalArgumentException if a rule's metric id is unknown or an option is out of
     *     range
     * @throws IOException if the data cannot be read, the journal or the alert state is
     *     damaged, or the port is taken ({@link java.net.BindException})
     */
    public LiveService start() throws IOException {
      LiveServer.Builder serverBuilder = null;
      LivePage p =
          page != null
              ? page
              : ReportPage.builder().title("Sales dashboard", dir.toString()).build();
      LiveData.Builder dataBuilder =
          LiveData.builder(dir).options(options).period(granularity, zone).metrics(p.metrics());
      p.extraMetrics()
          .forEach(
              (dimension, metrics) -> {
                if (dimension.isEmpty()) {
                  dataBuilder.metrics(metrics);
                } else {
                  dataBuilder.scope(dimension, metrics);
                }
              });
      LiveData data = dataBuilder.rules(rules, registry).open();
      LiveDashboard dashboard = null;
      LiveServer server = null;
      Inbox box = null;
      try {
        LiveDashboard.Builder dashboardBuilder =
            LiveDashboard.builder().data(data).page(p).rules(rules).clock(clock).coalesce(coalesce);
        listeners.forEach(dashboardBuilder::listener);
        dashboard = dashboardBuilder.build();
        serverBuilder =
            LiveServer.builder(dashboard).bind(bind).port(port).maxBodyBytes(maxBodyBytes);
        if (acceptPosts) {
          serverBuilder.acceptPosts(data);
        }
        if (token != null) {
          serverBuilder.token(token);
        }
        for (Map.Entry<String, HttpHandler> r : routes.entrySet()) {
          serverBuilder.route(r.getKey(), r.getValue());
        }
        server = serverBuilder.start();
        if (inbox != null) {
          box = new Inbox(inbox, data, Inbox.DEFAULT_MAX_FILE_BYTES);
          box.start(inboxInterval);
        }
        return new LiveService(data, dashboard, server, box);
      } catch (IOException | RuntimeException e) {
        if (box != null) {
          box.close();
        }
        if (server != null) {
          server.close();
        }
        if (dashboard != null) {
          dashboard.close();
        }
        data.close();
        throw e;
      }
    }
  }
}
