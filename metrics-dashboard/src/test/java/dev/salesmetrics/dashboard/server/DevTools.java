package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.dashboard.Chromium;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's WebSocket client, for the
 * browser tests of the live page. The browser is found, and a missing one skips or fails the test,
 * as {@link Chromium#require()} says; it runs with {@link Chromium#offlineFlags}.
 */
final class DevTools implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<Map<String, Object>>> pending =
      new ConcurrentHashMap<>();
  /** Every protocol event received (method and params), in order. */
  final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
  private final List<Map<String, Object>> log = new ArrayList<>();

  private DevTools(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts a headless browser on about:blank and attaches to its page. */
  static DevTools launch() throws IOException, InterruptedException {
    Chromium browser = Chromium.require();
    Path profile = Files.createTempDirectory("salesmetrics-chromium");
    List<String> command = new ArrayList<>();
    command.add(browser.binary().toString());
    command.addAll(Chromium.offlineFlags(profile));
    command.add("--remote-debugging-port=0");
    command.add("about:blank");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("reader failed: " + e);
              }
            },
            "chromium-output");
    reader.setDaemon(true);
    reader.start();
    String browserWs = null;
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (browserWs == null) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        kill(p);
        throw new AssertionError("Chromium did not start within " + WAIT + ": " + seen);
      }
      seen.add(line);
      int at = line.indexOf("ws://");
      if (line.contains("DevTools listening on") && at >= 0) {
        browserWs = line.substring(at).strip();
      }
    }
    URI ws = URI.create(browserWs);
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(URI.create("http://" + ws.getAuthority() + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String pageWs = null;
    for (Object target : TestJson.list(TestJson.parse(list))) {
      Map<String, Object> t = TestJson.map(target);
      if ("page".equals(t.get("type"))) {
        pageWs = (String) t.get("webSocketDebuggerUrl");
        break;
      }
    }
    if (pageWs == null) {
      kill(p);
      throw new AssertionError("no page target in " + list);
    }
    Listener listener = new Listener();
    WebSocket socket;
    try {
      socket =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(pageWs), listener)
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      kill(p);
      throw new IOException("cannot attach to the page " + pageWs, e);
    }
    DevTools c = new DevTools(p, profile, socket);
    listener.owner = c;
    var unused = c.call("Runtime.enable", "{}");
    unused = c.call("Log.enable", "{}");
    unused = c.call("Page.enable", "{}");
    return c;
  }

  /** Receives whole messages (frames may come in parts). */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder part = new StringBuilder();
    volatile DevTools owner;

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      part.append(data);
      if (last) {
        String text = part.toString();
        part.setLength(0);
        DevTools c = owner;
        if (c != null) {
          c.receive(TestJson.object(text));
        }
      }
      ws.request(1);
      return null;
    }
  }

  private void receive(Map<String, Object> message) {
    Object id = message.get("id");
    if (id != null) {
      CompletableFuture<Map<String, Object>> f = pending.remove(((Double) id).longValue());
      if (f != null) {
        f.complete(message);
      }
      return;
    }
    synchronized (log) {
      log.add(message);
    }
    events.add(message);
  }

  /** Sends a protocol command and returns its result; fails on a protocol error. */
  Map<String, Object> call(String method, String paramsJson) {
    long id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
    pending.put(id, f);
    var unused =
        socket.sendText(
            "{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}",
            true);
    Map<String, Object> reply;
    try {
      reply = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " got no answer within " + WAIT, e);
    }
    if (reply.containsKey("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return TestJson.map(reply.get("result"));
  }

  /** Evaluates {@code expression} in the page, awaiting a promise; returns its value. */
  Object evaluate(String expression) {
    StringBuilder json = new StringBuilder("{\"expression\":");
    Json.quote(json, expression);
    json.append(",\"awaitPromise\":true,\"returnByValue\":true}");
    Map<String, Object> result = call("Runtime.evaluate", json.toString());
    if (result.containsKey("exceptionDetails")) {
      throw new AssertionError("script failed: " + result.get("exceptionDetails"));
    }
    return TestJson.map(result.get("result")).get("value");
  }

  /** Opens {@code url} and waits for its load event. */
  void navigate(URI url) throws InterruptedException {
    events.clear();
    StringBuilder json = new StringBuilder("{\"url\":");
    Json.quote(json, url.toString());
    var unused = call("Page.navigate", json.append('}').toString());
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Map<String, Object> e =
          events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("the page did not load within " + WAIT);
      }
      if ("Page.loadEventFired".equals(e.get("method"))) {
        return;
      }
    }
  }

  /** Console errors, uncaught exceptions and error log entries (CSP violations among them). */
  List<String> errors() {
    List<String> out = new ArrayList<>();
    synchronized (log) {
      for (Map<String, Object> m : log) {
        Object method = m.get("method");
        Map<String, Object> params = TestJson.map(m.get("params"));
        if ("Runtime.exceptionThrown".equals(method)) {
          out.add(String.valueOf(params.get("exceptionDetails")));
        } else if ("Runtime.consoleAPICalled".equals(method)
            && "error".equals(params.get("type"))) {
          out.add(String.valueOf(params.get("args")));
        } else if ("Log.entryAdded".equals(method)) {
          Map<String, Object> entry = TestJson.map(params.get("entry"));
          if ("error".equals(entry.get("level"))) {
            out.add(entry.get("source") + ": " + entry.get("text"));
          }
        } else if ("Page.javascriptDialogOpening".equals(method)) {
          out.add("dialog: " + params.get("message"));
        }
      }
    }
    return out;
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    socket.abort();
    kill(process);
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
