package dev.salesmetrics.dashboard.server;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.salesmetrics.io.CsvFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * Serves a {@link LiveDashboard} over HTTP with the JDK's {@code com.sun.net.httpserver}.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET /}</td><td>the page ({@code text/html})</td></tr>
 *   <tr><td>{@code GET /events}</td><td>the Server-Sent Events stream that keeps the page
 *       live</td></tr>
 *   <tr><td>{@code GET /api/figures}</td><td>the tiles as JSON</td></tr>
 *   <tr><td>{@code GET /api/alerts}</td><td>the alerts and recent transitions as JSON</td></tr>
 *   <tr><td>{@code GET /favicon.ico}</td><td>204: no icon</td></tr>
 *   <tr><td>{@code POST /api/deals}, {@code /api/orders}, {@code /api/leads}, {@code
 *       /api/customers}</td><td>CSV rows of deals.csv (and so on) with their header, {@code
 *       Content-Type: text/csv}: 200 with {@code accepted}, {@code replaced}, {@code sequence};
 *       400 with {@code file}, {@code line}, {@code column}, {@code value}, {@code reason} for a
 *       bad row (nothing of the request is applied)</td></tr>
 * </table>
 *
 * <p><b>Security.</b> Binds to 127.0.0.1 unless told otherwise; while bound to a loopback
 * address it answers only requests whose {@code Host} is a loopback name (403 otherwise, against
 * DNS rebinding). The pages and {@code GET} endpoints are read-only and need no token: whoever
 * reaches the port reads the figures. {@code POST} endpoints answer 403 unless a {@link
 * RecordSink} was given ({@code --accept-posts}); with a token they need {@code Authorization:
 * Bearer <token>} (401 otherwise; compared in constant time), a {@code text/csv} body (415
 * otherwise: a web page cannot send that cross-site without a preflight) and no foreign {@code
 * Origin} (403). Bodies over the limit (1 MiB by default) answer 413. Every answer carries {@code
 * X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store}; the page also the
 * dashboard's Content-Security-Policy. Unknown paths answer 404, other methods 405 with {@code
 * Allow}.
 *
 * <p><b>Threads.</b> Requests run on a cached pool of daemon threads: each event stream holds
 * one thread for its life, so a slow subscriber never delays another request or subscriber (the
 * dashboard drops it when its queue fills).
 *
 * <p>Thread safe.
 */
public final class LiveServer implements AutoCloseable {
  /** The default port, 8080. */
  public static final int DEFAULT_PORT = 8080;

  /** The default limit of a request body, 1 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private static final String JSON = "application/json; charset=utf-8";
  private static final ImmutableSet<String> BUILT_IN =
      ImmutableSet.of("/", "/events", "/api/figures", "/api/alerts", "/favicon.ico");

  private final HttpServer server;
  private final ExecutorService executor;
  private final LiveDashboard dashboard;
  @Nullable private final RecordSink sink;
  @Nullable private final byte[] tokenHash;
  private final long maxBodyBytes;
  private final ImmutableMap<String, HttpHandler> routes;
  private final ImmutableSet<String> allowedHosts;
  private final Set<LiveDashboard.Subscription> streams = ConcurrentHashMap.newKeySet();
  private final URI uri;

  private LiveServer(Builder b) throws IOException {
    this.dashboard = b.dashboard;
    this.sink = b.sink;
    this.tokenHash = b.token == null ? null : sha256(b.token);
    this.maxBodyBytes = b.maxBodyBytes;
    this.routes = ImmutableMap.copyOf(b.routes);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "salesmetrics-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = Executors.newCachedThreadPool(threads);
    this.server = HttpServer.create(new InetSocketAddress(b.bind, b.port), 128);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    InetSocketAddress a = server.getAddress();
    int port = a.getPort();
    String host =
        b.bind instanceof Inet6Address
            ? "[" + b.bind.getHostAddress() + "]"
            : b.bind.getHostAddress();
    this.uri = URI.create("http://" + host + ":" + port + "/");
    if (b.bind.isLoopbackAddress()) {
      ImmutableSet.Builder<String> hosts = ImmutableSet.builder();
      for (String h : new String[] {"127.0.0.1", "localhost", "[::1]", host}) {
        hosts.add(h.toLowerCase(Locale.ROOT) + ":" + port);
        if (port == 80) {
          hosts.add(h.toLowerCase(Locale.ROOT));
        }
      }
      this.allowedHosts = hosts.build();
    } else {
      this.allowedHosts = ImmutableSet.of();
    }
  }

  /**
   * Starts the definition of a server for {@code dashboard}.
   *
   * @param dashboard the dashboard to serve
   * @return a builder: 127.0.0.1, port 8080, posts off, no token, 1 MiB bodies
   */
  public static Builder builder(LiveDashboard dashboard) {
    return new Builder(checkNotNull(dashboard, "dashboard"));
  }

  /**
   * Returns the address the server listens on (with the actual port when 0 was asked).
   *
   * @return the socket address
   */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * Returns the page's URL.
   *
   * @return e.g. {@code http://127.0.0.1:8080/}
   */
  public URI uri() {
    return uri;
  }

  /** Ends every event stream and stops the server. */
  @Override
  public void close() {
    for (LiveDashboard.Subscription s : streams) {
      s.close();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Returns the URL.
   *
   * @return e.g. {@code LiveServer[http://127.0.0.1:8080/]}
   */
  @Override
  public String toString() {
    return "LiveServer[" + uri + "]";
  }

  // ---- requests --------------------------------------------------------------------------------

  private void handle(HttpExchange ex) {
    try {
      Headers h = ex.getResponseHeaders();
      h.set("X-Content-Type-Options", "nosniff");
      h.set("Cache-Control", "no-store");
      h.set("Referrer-Policy", "no-referrer");
      String path = ex.getRequestURI().getRawPath();
      String method = ex.getRequestMethod();
      if (!hostAllowed(ex)) {
        error(ex, 403, "host " + ex.getRequestHeaders().getFirst("Host")
            + " is not allowed: this server answers loopback names only");
        return;
      }
      HttpHandler extra = routes.get(path);
      if (extra != null) {
        extra.handle(ex);
        return;
      }
      switch (path) {
        case "/" -> {
          h.set("Content-Security-Policy", dashboard.contentSecurityPolicy());
          h.set("X-Frame-Options", "DENY");
          get(ex, method, "text/html; charset=utf-8", dashboard.page());
        }
        case "/events" -> events(ex, method);
        case "/api/figures" -> get(ex, method, JSON, dashboard.figuresJson());
        case "/api/alerts" -> get(ex, method, JSON, dashboard.alertsJson());
        case "/favicon.ico" -> ex.sendResponseHeaders(204, -1); // no icon, and no 404 logged
        default -> {
          Optional<RecordKind> kind =
              path.startsWith("/api/") ? RecordKind.byId(path.substring(5)) : Optional.empty();
          if (kind.isPresent()) {
            post(ex, method, kind.get());
          } else {
            error(ex, 404, "no such page: " + path);
          }
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    } catch (RuntimeException e) {
      try {
        error(ex, 500, "internal error: " + e);
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
      }
    } finally {
      ex.close();
    }
  }

  private boolean hostAllowed(HttpExchange ex) {
    if (allowedHosts.isEmpty()) {
      return true;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    return host == null || allowedHosts.contains(host.strip().toLowerCase(Locale.ROOT));
  }

  private static void get(HttpExchange ex, String method, String type, String body)
      throws IOException {
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      notAllowed(ex, "GET, HEAD");
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    if (head) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
      ex.sendResponseHeaders(200, -1);
      return;
    }
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  private void events(HttpExchange ex, String method) throws IOException {
    if (!method.equals("GET")) {
      notAllowed(ex, "GET");
      return;
    }
    LiveDashboard.Subscription s = dashboard.subscribe();
    if (s == null) {
      ex.getResponseHeaders().set("Retry-After", "5");
      error(ex, 503, "too many event streams, or the dashboard is closed");
      return;
    }
    streams.add(s);
    try {
      Headers h = ex.getResponseHeaders();
      h.set("Content-Type", "text/event-stream; charset=utf-8");
      h.set("X-Accel-Buffering", "no");
      ex.sendResponseHeaders(200, 0);
      s.run(ex.getResponseBody());
    } finally {
      s.close();
      streams.remove(s);
    }
  }

  private void post(HttpExchange ex, String method, RecordKind kind) throws IOException {
    if (!method.equals("POST")) {
      notAllowed(ex, "POST");
      return;
    }
    RecordSink target = sink;
    if (target == null) {
      error(ex, 403, "posting records is off: start the server with --accept-posts");
      return;
    }
    Headers in = ex.getRequestHeaders();
    if (tokenHash != null && !authorized(in.getFirst("Authorization"))) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"salesmetrics\"");
      error(ex, 401, "this server needs Authorization: Bearer <token>");
      return;
    }
    String type = in.getFirst("Content-Type");
    if (!isCsv(type)) {
      error(ex, 415, "the body must be CSV in UTF-8, Content-Type: text/csv; got " + type);
      return;
    }
    String origin = in.getFirst("Origin");
    String host = in.getFirst("Host");
    if (origin != null
        && (host == null || !origin.equalsIgnoreCase("http://" + host.strip()))) {
      error(ex, 403, "posts from another origin are refused: " + origin);
      return;
    }
    String length = in.getFirst("Content-Length");
    if (length != null && parseLength(length) > maxBodyBytes) {
      tooLarge(ex);
      return;
    }
    byte[] body;
    try (InputStream is = ex.getRequestBody()) {
      body = is.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    }
    if (body.length > maxBodyBytes) {
      tooLarge(ex);
      return;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      error(ex, 400, "the body is not valid UTF-8");
      return;
    }
    if (text.isBlank()) {
      error(ex, 400, "the body is empty: send the header line of " + kind.file().fileName()
          + " and rows");
      return;
    }
    Accepted a;
    try {
      a = target.accept(kind, text, kind.file().fileName());
    } catch (CsvFormatException e) {
      Json j = new Json().beginObject();
      j.member("error", e.getMessage())
          .member("file", e.file())
          .member("line", e.line())
          .member("column", e.column().orElse(null))
          .member("value", e.value().orElse(null))
          .member("reason", e.reason());
      send(ex, 400, JSON, j.endObject() + "\n");
      return;
    } catch (IOException e) {
      error(ex, 503, "the records could not be stored: " + e.getMessage());
      return;
    }
    Json j = new Json().beginObject();
    j.member("kind", a.kind().id())
        .member("accepted", a.records())
        .member("replaced", a.replaced())
        .member("sequence", a.sequence());
    send(ex, 200, JSON, j.endObject() + "\n");
  }

  private static long parseLength(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return 0; // the body is measured as it is read
    }
  }

  private void tooLarge(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Connection", "close");
    error(ex, 413, "the body is larger than " + maxBodyBytes + " bytes; send fewer rows at once");
  }

  private static boolean isCsv(@Nullable String type) {
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT).replace(" ", "");
    int semi = t.indexOf(';');
    String media = semi < 0 ? t : t.substring(0, semi);
    if (!media.equals("text/csv")) {
      return false;
    }
    return semi < 0 || !t.contains("charset=") || t.contains("charset=utf-8");
  }

  private boolean authorized(@Nullable String header) {
    if (header == null) {
      return false;
    }
    String h = header.strip();
    if (h.length() < 7 || !h.substring(0, 7).equalsIgnoreCase("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(sha256(h.substring(7).strip()), checkNotNull(tokenHash));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  private static void notAllowed(HttpExchange ex, String allow) throws IOException {
    ex.getResponseHeaders().set("Allow", allow);
    error(ex, 405, ex.getRequestMethod() + " is not allowed here; allowed: " + allow);
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    send(ex, status, JSON, new Json().beginObject().member("error", message).endObject() + "\n");
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  /** Defines a {@link LiveServer}. Not thread safe. */
  public static final class Builder {
    private final LiveDashboard dashboard;
    private InetAddress bind = loopback();
    private int port = DEFAULT_PORT;
    @Nullable private RecordSink sink;
    @Nullable private String token;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    private Builder(LiveDashboard dashboard) {
      this.dashboard = dashboard;
    }

    private static InetAddress loopback() {
      try {
        return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
      } catch (java.net.UnknownHostException e) {
        throw new AssertionError("a 4-byte address is valid", e);
      }
    }

    /**
     * Sets the address to listen on; the default is 127.0.0.1 (this machine only).
     *
     * @param address an IP address such as {@code 0.0.0.0} (every interface) or a host name
     * @return this builder
     * @throws IllegalArgumentException if the name does not resolve
     */
    @CanIgnoreReturnValue
    public Builder bind(String address) {
      checkNotNull(address, "address");
      try {
        this.bind = InetAddress.getAllByName(address.strip())[0];
      } catch (java.net.UnknownHostException e) {
        throw new IllegalArgumentException("bind address does not resolve: " + address, e);
      }
      return this;
    }

    /**
     * Sets the port; the default is 8080.
     *
     * @param port 0 (any free port) to 65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    @CanIgnoreReturnValue
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Turns the {@code POST} endpoints on, feeding {@code sink}; they answer 403 without one.
     *
     * @param sink where posted records go, usually the dashboard's {@link LiveData}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder acceptPosts(RecordSink sink) {
      this.sink = checkNotNull(sink, "sink");
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on {@code POST} requests.
     *
     * @param token the token, not blank
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    @CanIgnoreReturnValue
    public Builder token(String token) {
      checkNotNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.token = token.strip();
      return this;
    }

    /**
     * Sets the largest request body accepted; larger ones answer 413.
     *
     * @param bytes at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    @CanIgnoreReturnValue
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("max body bytes must be >= 1: " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Adds an endpoint at exactly {@code path}, such as {@code GET /metrics} for a monitoring
     * system. The handler answers the whole exchange (any method); the server has already set
     * {@code X-Content-Type-Options}, {@code Cache-Control} and checked the {@code Host}, and
     * closes the exchange after it.
     *
     * @param path the path, starting with {@code /}, not one of the built-in paths
     * @param handler the handler
     * @return this builder
     * @throws IllegalArgumentException if the path is malformed, built in or added twice
     */
    @CanIgnoreReturnValue
    public Builder route(String path, HttpHandler handler) {
      checkNotNull(path, "path");
      checkNotNull(handler, "handler");
      if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
        throw new IllegalArgumentException("route path must start with / and hold no query: "
            + path);
      }
      if (BUILT_IN.contains(path)
          || (path.startsWith("/api/") && RecordKind.byId(path.substring(5)).isPresent())) {
        throw new IllegalArgumentException("route path is built in: " + path);
      }
      if (routes.putIfAbsent(path, handler) != null) {
        throw new IllegalArgumentException("route path added twice: " + path);
      }
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @return the running server
     * @throws java.net.BindException if the port is taken
     * @throws IOException if the server cannot start
     */
    public LiveServer start() throws IOException {
      return new LiveServer(this);
    }
  }
}
