package dev.salesmetrics.rule;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on 127.0.0.1 for tests: records each request's body and answers with the
 * statuses it was given, in order, then 200. Optionally holds the first request until released.
 */
final class Receiver implements AutoCloseable {
  private final HttpServer server;
  private final List<String> bodies = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();
  private final ArrayDeque<Integer> statuses = new ArrayDeque<>();
  private final CountDownLatch firstArrived = new CountDownLatch(1);
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private int defaultStatus = 200;

  Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          int status;
          synchronized (this) {
            bodies.add(body);
            paths.add(exchange.getRequestURI().getRawPath());
            Integer next = statuses.pollFirst();
            status = next == null ? defaultStatus : next;
            notifyAll();
          }
          firstArrived.countDown();
          try {
            hold.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** Answers the next requests with these statuses, then with the default. */
  @CanIgnoreReturnValue
  synchronized Receiver answer(Integer... next) {
    statuses.addAll(List.of(next));
    return this;
  }

  /** Answers every request not given a status by {@link #answer} with {@code status}. */
  @CanIgnoreReturnValue
  synchronized Receiver answerAlways(int status) {
    defaultStatus = status;
    return this;
  }

  /** Holds every request until {@link #release()}. */
  @CanIgnoreReturnValue
  Receiver hold() {
    hold = new CountDownLatch(1);
    return this;
  }

  void release() {
    hold.countDown();
  }

  /** Waits (bounded, not timed) until the first request has arrived. */
  void awaitFirst() throws InterruptedException {
    if (!firstArrived.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("no request arrived");
    }
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  int port() {
    return server.getAddress().getPort();
  }

  synchronized List<String> bodies() {
    return List.copyOf(bodies);
  }

  synchronized List<String> paths() {
    return List.copyOf(paths);
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
