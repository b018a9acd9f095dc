package dev.salesmetrics.dashboard.server;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/** Reads a Server-Sent Events stream on its own thread, event by event, for tests. */
final class SseStream implements AutoCloseable {
  /** One event, or one comment line (name "comment"), or a retry field (name "retry"). */
  record Event(String name, String id, String data) {
    Map<String, Object> json() {
      return TestJson.object(data);
    }
  }

  @Nullable final HttpResponse<InputStream> response;
  private final InputStream body;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  final List<Event> seen = new ArrayList<>();

  private SseStream(HttpResponse<InputStream> response) {
    this(response, response.body());
  }

  /** Reads events from any stream (an embedder's). */
  SseStream(InputStream body) {
    this(null, body);
  }

  private SseStream(@Nullable HttpResponse<InputStream> response, InputStream body) {
    this.response = response;
    this.body = body;
    this.reader = new Thread(this::read, "test-sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static SseStream open(HttpClient client, URI events) throws IOException, InterruptedException {
    HttpResponse<InputStream> r =
        client.send(
            HttpRequest.newBuilder(events).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofInputStream());
    return new SseStream(r);
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = "message";
      String id = "";
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(name, id, data.toString()));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          events.add(new Event("comment", "", line.substring(1).strip()));
        } else if (line.startsWith("retry:")) {
          events.add(new Event("retry", "", line.substring(6).strip()));
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).strip());
        }
      }
      events.add(new Event("end", "", ""));
    } catch (IOException e) {
      events.add(new Event("end", "", String.valueOf(e)));
    }
  }

  /** The next event, or fails after {@code timeout}. */
  @CanIgnoreReturnValue
  Event next(Duration timeout) throws InterruptedException {
    Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no event within " + timeout + "; seen " + seen);
    }
    seen.add(e);
    return e;
  }

  /** The first event (skipping others) that {@code p} accepts, or fails after {@code timeout}. */
  @CanIgnoreReturnValue
  Event await(Predicate<Event> p, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no matching event within " + timeout + "; seen " + seen);
      }
      seen.add(e);
      if (p.test(e)) {
        return e;
      }
      if (e.name().equals("end")) {
        throw new AssertionError("stream ended before a matching event; seen " + seen);
      }
    }
  }

  /** Waits for the first update whose journal sequence is at least {@code sequence}. */
  Map<String, Object> awaitSequence(long sequence, Duration timeout) throws InterruptedException {
    Event e =
        await(
            ev -> ev.name().equals("update")
                && ((Double) ev.json().get("sequence")) >= sequence,
            timeout);
    return e.json();
  }

  @Override
  public void close() throws IOException {
    body.close();
    reader.interrupt();
  }
}
