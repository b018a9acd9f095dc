package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.salesmetrics.aggregate.GroupKey;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import javax.annotation.Nullable;

/**
 * An {@link AlertListener} that POSTs each alert transition to a webhook as JSON, in one of the
 * {@link WebhookFormat formats}: Salesmetrics' own, Slack-compatible or Alertmanager-compatible.
 *
 * <pre>{@code
 * WebhookListener hook = WebhookListener.builder(URI.create("https://hooks.example.com/T0/B0/XYZ"))
 *     .format(WebhookFormat.SLACK)
 *     .build();
 * RuleEngine engine = RuleEngine.builder().rules(rules).listener(hook).build();
 * ...
 * hook.close();   // delivers what is queued, for up to closeTimeout
 * }</pre>
 *
 * <p><b>Never blocks the engine.</b> {@link #onEvent} only queues the transition (a bounded queue,
 * {@link Builder#queueCapacity}); one daemon sender thread per listener renders and posts. When the
 * queue is full the oldest queued notification is dropped to make room, so the receiver hears the
 * newest state; the drop is counted in {@link WebhookStats#dropped()}.
 *
 * <p><b>Order.</b> Notifications are posted one at a time in the order they were queued, so the
 * transitions of each rule and group arrive in order (the drop of an older one leaves a gap, never
 * a reordering).
 *
 * <p><b>Retries.</b> A 5xx, 408 or 429 answer, a timeout or a connection error is retried after an
 * exponential backoff with jitter: before retry {@code n} the sender waits between half and all of
 * {@code min(maxBackoff, initialBackoff × 2^(n−1))}. A notification still failing once {@link
 * Builder#giveUpAfter} has passed since its first attempt is given up; so is one answered with
 * another status outside 2xx (a 3xx or 4xx will not get better by itself). Redirects are not
 * followed. Delivery is at least once: a receiver that got a request but answered too late may get
 * it again.
 *
 * <p><b>Nothing is dropped silently.</b> Every failed or dropped notification is counted in {@link
 * #stats()}; the first failure or drop of an outage is logged at WARNING through {@link
 * System.Logger} (further ones of the same outage are only counted), and the first success after
 * it is logged at INFO with the counts of the outage. No message, log line or {@link #toString()}
 * shows the URL's user info, path or query, which can hold a secret: the URL is printed as {@code
 * scheme://host[:port]/…}.
 *
 * <p><b>Duplicates and repeats.</b> A transition is sent once: one whose evaluation instant is not
 * after that of the last transition queued for the same rule and group (the engine replaying
 * evaluations after a restore, say) is counted in {@link WebhookStats#duplicates()} and not sent.
 * With {@link Builder#repeatInterval(Duration)}, a firing alert (firing or recovering) is sent
 * again each time the interval has passed since it was last sent, as Alertmanager's {@code
 * repeat_interval}; the repeat carries the transition that made it fire, with {@code repeat} set.
 * Repeats are checked by the sender thread whenever it wakes (at the next repeat due, by the
 * listener's {@link Builder#clock(Clock) clock}) and by {@link #sendDueRepeats()}, which a caller
 * with its own schedule (or a test with its own clock) calls.
 *
 * <p>Memory: the queue, plus one small entry per rule and group that ever had a transition (for
 * duplicate suppression and repeats). Thread safe: {@link #onEvent} may be called from several
 * engines at once.
 */
public final class WebhookListener implements AlertListener, AutoCloseable {
  private static final String USER_AGENT = "salesmetrics-webhook";

  private final WebhookUrl url;
  private final WebhookFormat format;
  private final int capacity;
  private final Duration timeout;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration giveUpAfter;
  private final Duration repeatInterval;
  private final Duration closeTimeout;
  private final Clock clock;
  private final ImmutableMap<String, String> headers;
  private final System.Logger logger;

  /**
   * Log lines made while the lock is held; {@link #writeLog()} writes them once it is released, so
   * a slow logger never holds up the thread that raised an alert.
   */
  private final Queue<Map.Entry<Level, String>> pendingLog = new ConcurrentLinkedQueue<>();
  private final Pause pause;
  private final DoubleSupplier jitter;
  private final HttpClient client;
  private final Thread sender;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Condition idle = lock.newCondition();

  @GuardedBy("lock")
  private final ArrayDeque<Notice> queue = new ArrayDeque<>();

  @GuardedBy("lock")
  private final Map<Key, Track> tracks = new LinkedHashMap<>();

  @GuardedBy("lock")
  private boolean inFlight;

  @GuardedBy("lock")
  private boolean closed;

  @GuardedBy("lock")
  private boolean stopping;

  @GuardedBy("lock")
  private long accepted;

  @GuardedBy("lock")
  private long repeats;

  @GuardedBy("lock")
  private long delivered;

  @GuardedBy("lock")
  private long retries;

  @GuardedBy("lock")
  private long failed;

  @GuardedBy("lock")
  private long dropped;

  @GuardedBy("lock")
  private long duplicates;

  @GuardedBy("lock")
  private long skipped;

  @GuardedBy("lock")
  @Nullable
  private String lastFailure;

  /** Counts at the start of the current outage, or null when there is none. */
  @GuardedBy("lock")
  @Nullable
  private long[] outageStart;

  private WebhookListener(Builder b) {
    this.url = b.url;
    this.format = b.format;
    this.capacity = b.queueCapacity;
    this.timeout = b.timeout;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.giveUpAfter = b.giveUpAfter;
    this.repeatInterval = b.repeatInterval;
    this.closeTimeout = b.closeTimeout;
    this.clock = b.clock;
    this.headers = ImmutableMap.copyOf(b.headers);
    this.logger = b.logger;
    this.pause = b.pause;
    this.jitter = b.jitter;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.sender = new Thread(this::run, "salesmetrics-webhook " + url);
    sender.setDaemon(true);
  }

  /**
   * Starts the definition of a webhook listener.
   *
   * @param url the receiver: an absolute {@code http} or {@code https} URL with a host
   * @return a builder
   * @throws IllegalArgumentException if {@code url} is not such a URL (the message shows only its
   *     scheme)
   */
  public static Builder builder(URI url) {
    return new Builder(WebhookUrl.of(url));
  }

  /**
   * Queues the transition for delivery and returns at once; never blocks on the network. A
   * duplicate (see the class comment) or a transition the format does not send is only counted.
   * After {@link #close()} the transition is counted as dropped.
   *
   * @param event the transition
   */
  @Override
  public void onEvent(AlertEvent event) {
    checkNotNull(event, "event");
    lock.lock();
    try {
      Key key = new Key(event.ruleId(), event.group());
      Track t = tracks.get(key);
      if (t != null && !event.evaluatedAt().isAfter(t.lastEvaluatedAt)) {
        duplicates++;
        return;
      }
      Optional<Severity> before = t == null ? Optional.empty() : t.level;
      if (before.isEmpty() && event.from().isFiring() && event.level().isPresent()) {
        // joined mid-episode: a level change is always between the two levels
        before = Optional.of(other(event.level().get()));
      }
      if (t == null) {
        t = new Track();
        tracks.put(key, t);
      }
      t.lastEvaluatedAt = event.evaluatedAt();
      Instant now = clock.instant();
      if (event.to().isFiring()) {
        t.firing = event;
        t.level = event.level();
        t.lastSent = now;
        t.repeats = 0;
      } else {
        t.firing = null;
        t.level = Optional.empty();
      }
      if (!WebhookBodies.sends(format, event)) {
        skipped++;
        return;
      }
      Optional<Severity> replaced = before.equals(event.level()) ? Optional.empty() : before;
      accepted++;
      enqueue(new Notice(event, 0, replaced));
    } finally {
      lock.unlock();
    }
    writeLog();
  }

  /**
   * Queues a repeat of every firing alert whose repeat interval has passed since it was last sent,
   * by the listener's clock. The sender thread does this by itself when it wakes; call this from
   * your own schedule, or after moving a test clock.
   *
   * @return how many repeats were queued; 0 without a repeat interval
   */
  @CanIgnoreReturnValue
  public int sendDueRepeats() {
    int queued;
    lock.lock();
    try {
      queued = queueDueRepeats(clock.instant());
    } finally {
      lock.unlock();
    }
    writeLog();
    return queued;
  }

  @CanIgnoreReturnValue
  @GuardedBy("lock")
  private int queueDueRepeats(Instant now) {
    if (repeatInterval.isZero() || closed) {
      return 0;
    }
    int n = 0;
    for (Track t : tracks.values()) {
      AlertEvent firing = t.firing;
      if (firing != null && !now.isBefore(t.lastSent.plus(repeatInterval))) {
        t.lastSent = now;
        t.repeats++;
        repeats++;
        n++;
        enqueue(new Notice(firing, t.repeats, Optional.empty()));
      }
    }
    return n;
  }

  /** How long until the next repeat is due, or null when none is. */
  @GuardedBy("lock")
  @Nullable
  private Duration nextRepeat(Instant now) {
    if (repeatInterval.isZero() || closed) {
      return null;
    }
    Duration next = null;
    for (Track t : tracks.values()) {
      if (t.firing != null) {
        Duration d = Duration.between(now, t.lastSent.plus(repeatInterval));
        if (next == null || d.compareTo(next) < 0) {
          next = d;
        }
      }
    }
    return next;
  }

  @GuardedBy("lock")
  private void enqueue(Notice n) {
    if (closed) {
      dropped++;
      trouble("notification received after close");
      return;
    }
    if (queue.size() >= capacity) {
      queue.pollFirst();
      dropped++;
      trouble("queue full (" + capacity + " notifications); the oldest was dropped");
    }
    queue.addLast(n);
    wake.signalAll();
  }

  /**
   * Returns the counts of deliveries so far.
   *
   * @return the counts
   */
  public WebhookStats stats() {
    lock.lock();
    try {
      return snapshot();
    } finally {
      lock.unlock();
    }
  }

  @GuardedBy("lock")
  private WebhookStats snapshot() {
    return new WebhookStats(
        accepted,
        repeats,
        delivered,
        retries,
        failed,
        dropped,
        duplicates,
        skipped,
        queue.size() + (inFlight ? 1 : 0),
        Optional.ofNullable(lastFailure));
  }

  /**
   * Waits until every queued notification has been delivered, given up or dropped, for at most
   * {@code timeout}.
   *
   * @param timeout how long to wait at most
   * @return true when nothing is pending any more
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    checkNotNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!queue.isEmpty() || inFlight) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        idle.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting transitions, waits up to the {@link Builder#closeTimeout close timeout} for the
   * queue to be delivered (retries included), then stops the sender; what is still pending then is
   * counted as dropped and logged. Calling it again does nothing. Interrupting the calling thread
   * cuts the wait short (the interrupt flag is kept).
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    boolean drained = false;
    try {
      drained = flush(closeTimeout);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    lock.lock();
    try {
      stopping = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    if (!drained) {
      sender.interrupt(); // cuts a send or a wait before retry short
    }
    try {
      sender.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      interrupted = true;
    }
    lock.lock();
    try {
      if (!queue.isEmpty()) {
        dropped += queue.size();
        trouble(queue.size() + " notifications still queued at close");
        queue.clear();
      }
      if (failed + dropped > 0) {
        log(
            Level.WARNING,
            "webhook " + url + " closed: " + delivered + " delivered, " + failed + " failed, "
                + dropped + " dropped");
      }
      idle.signalAll();
    } finally {
      lock.unlock();
    }
    writeLog();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Formats as the URL's printable part, the format and the queue.
   *
   * @return e.g. {@code "WebhookListener[https://hooks.example.com/…, slack, 0 pending]"}
   */
  @Override
  public String toString() {
    return "WebhookListener[" + url + ", " + format.id() + ", " + stats().pending() + " pending]";
  }

  private void start() {
    sender.start();
  }

  private void run() {
    while (true) {
      Notice n;
      lock.lock();
      try {
        while (queue.isEmpty() && !stopping) {
          Instant now = clock.instant();
          queueDueRepeats(now);
          if (!queue.isEmpty()) {
            break;
          }
          Duration next = nextRepeat(now);
          try {
            if (next == null) {
              wake.await();
            } else {
              wake.awaitNanos(Math.max(1, saturatedNanos(next)));
            }
          } catch (InterruptedException e) {
            if (stopping) {
              return;
            }
          }
        }
        if (queue.isEmpty()) {
          return;
        }
        n = queue.pollFirst();
        inFlight = true;
      } finally {
        lock.unlock();
      }
      boolean stop = !deliver(n);
      lock.lock();
      try {
        inFlight = false;
        if (queue.isEmpty()) {
          idle.signalAll();
        }
        if (stop) {
          return;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Posts one notification until it is delivered, given up or the sender is interrupted.
   *
   * @return false when interrupted (the notification is counted as dropped)
   */
  private boolean deliver(Notice n) {
    String body;
    try {
      body = WebhookBodies.render(format, n.event, n.repeat, n.replaced);
    } catch (RuntimeException e) {
      countFailed("cannot render the body: " + e.getClass().getSimpleName());
      return true;
    }
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(url.uri())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(rb::header);
    HttpRequest request = rb.build();
    Instant first = clock.instant();
    for (int attempt = 1; ; attempt++) {
      String reason;
      boolean retriable;
      try {
        HttpResponse<Void> response =
            client.send(request, HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          countDelivered();
          return true;
        }
        reason = "HTTP " + status;
        retriable = status >= 500 || status == 408 || status == 429;
      } catch (HttpTimeoutException e) {
        reason = "timed out after " + timeout;
        retriable = true;
      } catch (IOException e) {
        reason = url.scrub(e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        retriable = true;
      } catch (InterruptedException e) {
        countDropped("interrupted while sending at close");
        return false;
      } catch (RuntimeException e) {
        // the client refused the request (a header it rejects, a security manager): not retried,
        // and the sender lives on
        countFailed(url.scrub("request refused by the HTTP client: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        return true;
      }
      if (!retriable) {
        countFailed(reason + " is not retried");
        return true;
      }
      Duration delay = backoff(attempt);
      if (clock.instant().plus(delay).isAfter(first.plus(giveUpAfter))) {
        countFailed(reason + "; gave up after " + attempt + " attempts");
        return true;
      }
      lock.lock();
      try {
        lastFailure = reason;
        trouble(reason + "; retrying");
        retries++;
      } finally {
        lock.unlock();
      }
      writeLog();
      try {
        pause.pause(delay);
      } catch (InterruptedException e) {
        countDropped("interrupted while waiting to retry at close");
        return false;
      }
    }
  }

  /** The wait before retry {@code attempt}: half to all of the capped exponential backoff. */
  Duration backoff(int attempt) {
    long initial = initialBackoff.toNanos();
    long cap = maxBackoff.toNanos();
    long base = initial;
    for (int i = 1; i < attempt && base < cap; i++) {
      base = base > cap / 2 ? cap : base * 2;
    }
    base = Math.min(base, cap);
    double j = jitter.getAsDouble();
    if (!(j >= 0 && j <= 1)) {
      j = 1;
    }
    return Duration.ofNanos(base / 2 + (long) (j * (base - base / 2)));
  }

  private void countDelivered() {
    lock.lock();
    try {
      delivered++;
      if (outageStart != null) {
        log(
            Level.INFO,
            "webhook " + url + " delivers again after "
                + (retries - outageStart[0]) + " retries, "
                + (failed - outageStart[1]) + " failed and "
                + (dropped - outageStart[2]) + " dropped notifications");
        outageStart = null;
      }
    } finally {
      lock.unlock();
    }
    writeLog();
  }

  private void countFailed(String reason) {
    lock.lock();
    try {
      failed++;
      trouble(reason);
    } finally {
      lock.unlock();
    }
    writeLog();
  }

  private void countDropped(String reason) {
    lock.lock();
    try {
      dropped++;
      trouble(reason);
    } finally {
      lock.unlock();
    }
    writeLog();
  }

  /** Queues a log line, to be written by {@link #writeLog()} after the lock is released. */
  private void log(Level level, String message) {
    pendingLog.add(Map.entry(level, message));
  }

  /** Writes the queued log lines; called after releasing the lock. */
  private void writeLog() {
    for (Map.Entry<Level, String> line; (line = pendingLog.poll()) != null; ) {
      logger.log(line.getKey(), line.getValue());
    }
  }

  /** Records a failure's reason and logs it when it starts an outage. */
  @GuardedBy("lock")
  private void trouble(String reason) {
    lastFailure = reason;
    if (outageStart == null) {
      outageStart = new long[] {retries, failed, dropped};
      log(
          Level.WARNING,
          "webhook " + url + " (" + format.id() + "): " + reason
              + "; further failures are counted in stats() and logged when delivery recovers");
    }
  }

  private static Severity other(Severity s) {
    return s == Severity.WARNING ? Severity.CRITICAL : Severity.WARNING;
  }

  /** Waits before a retry; replaced in tests so that nothing sleeps. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  private record Key(String ruleId, GroupKey group) {}

  /** What the listener remembers of one rule and group. */
  private static final class Track {
    Instant lastEvaluatedAt = Instant.MIN;
    Optional<Severity> level = Optional.empty();
    @Nullable AlertEvent firing;
    Instant lastSent = Instant.MIN;
    int repeats;
  }

  private record Notice(AlertEvent event, int repeat, Optional<Severity> replaced) {}

  /**
   * Defines a {@link WebhookListener}. Every setter checks its argument at once. Not thread safe.
   */
  public static final class Builder {
    private final WebhookUrl url;
    private WebhookFormat format = WebhookFormat.JSON;
    private int queueCapacity = 1_000;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(1);
    private Duration giveUpAfter = Duration.ofMinutes(5);
    private Duration repeatInterval = Duration.ZERO;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private System.Logger logger = System.getLogger(WebhookListener.class.getName());
    private Pause pause = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder(WebhookUrl url) {
      this.url = url;
    }

    /**
     * Sets the body format.
     *
     * @param format the format; default {@link WebhookFormat#JSON}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder format(WebhookFormat format) {
      this.format = checkNotNull(format, "format");
      return this;
    }

    /**
     * Sets how many notifications may wait for delivery; when full, the oldest is dropped (and
     * counted) to queue a new one.
     *
     * @param capacity at least 1; default 1,000
     * @return this builder
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    @CanIgnoreReturnValue
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queue capacity must be >= 1: " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Sets the time allowed to connect, and to receive the answer's status, per attempt.
     *
     * @param timeout positive; default 10 seconds
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    @CanIgnoreReturnValue
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets the exponential backoff between attempts: before retry {@code n} the sender waits
     * between half and all of {@code min(max, initial × 2^(n−1))}.
     *
     * @param initial the first backoff, positive; default 1 second
     * @param max the largest backoff, {@code >= initial}; default 1 minute
     * @return this builder
     * @throws IllegalArgumentException if {@code initial} is not positive or {@code max < initial}
     */
    @CanIgnoreReturnValue
    public Builder retryBackoff(Duration initial, Duration max) {
      positive(initial, "initial backoff");
      checkNotNull(max, "max");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "max backoff " + max + " must be >= the initial backoff " + initial);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets how long a notification is retried, from its first attempt, before it is given up.
     *
     * @param giveUpAfter not negative (zero: a single attempt); default 5 minutes
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    @CanIgnoreReturnValue
    public Builder giveUpAfter(Duration giveUpAfter) {
      this.giveUpAfter = notNegative(giveUpAfter, "give-up time");
      return this;
    }

    /**
     * Sends a firing alert again each time {@code interval} has passed since it was last sent, as
     * Alertmanager's {@code repeat_interval}. For the Alertmanager format set it below
     * Alertmanager's {@code resolve_timeout} (5 minutes by default), or Alertmanager resolves the
     * alert by itself between two repeats.
     *
     * @param interval positive, or zero for no repeats (the default)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    @CanIgnoreReturnValue
    public Builder repeatInterval(Duration interval) {
      this.repeatInterval = notNegative(interval, "repeat interval");
      return this;
    }

    /**
     * Sets how long {@link WebhookListener#close()} waits for the queue to be delivered.
     *
     * @param timeout not negative; default 30 seconds
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    @CanIgnoreReturnValue
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = notNegative(timeout, "close timeout");
      return this;
    }

    /**
     * Sets the clock that decides when a notification is given up and when a repeat is due.
     *
     * @param clock the clock; default {@link Clock#systemUTC()}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Adds a request header, such as {@code Authorization}; its value is never printed.
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or restricted by the HTTP client
     *     ({@code Host}, {@code Content-Length}, ...), or is {@code Content-Type}
     */
    @CanIgnoreReturnValue
    public Builder header(String name, String value) {
      checkNotNull(name, "name");
      checkNotNull(value, "value");
      if (name.isBlank() || name.equalsIgnoreCase("content-type")) {
        throw new IllegalArgumentException("header name must not be blank or Content-Type: "
            + "\"" + name + "\"");
      }
      try {
        HttpRequest.newBuilder(url.uri()).header(name, value);
      } catch (IllegalArgumentException e) {
        // the client's message may show the value, which can be a secret: not chained
        throw new IllegalArgumentException(
            "header \"" + name + "\" is not allowed or its value is not valid");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Sets where failures and recoveries are logged.
     *
     * @param logger the logger; default {@code System.getLogger(WebhookListener.class.getName())}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder logger(System.Logger logger) {
      this.logger = checkNotNull(logger, "logger");
      return this;
    }

    /** Replaces the wait between retries (tests: advance a test clock instead of sleeping). */
    @CanIgnoreReturnValue
    Builder pause(Pause pause) {
      this.pause = checkNotNull(pause, "pause");
      return this;
    }

    /** Replaces the jitter source, values in [0, 1]. */
    @CanIgnoreReturnValue
    Builder jitter(DoubleSupplier jitter) {
      this.jitter = checkNotNull(jitter, "jitter");
      return this;
    }

    /**
     * Builds the listener and starts its sender thread (a daemon thread).
     *
     * @return the listener
     */
    public WebhookListener build() {
      WebhookListener l = new WebhookListener(this);
      l.start();
      return l;
    }

    @CanIgnoreReturnValue
    private static Duration positive(Duration d, String what) {
      checkNotNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }

    private static Duration notNegative(Duration d, String what) {
      checkNotNull(d, what);
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative: " + d);
      }
      return d;
    }
  }
}
