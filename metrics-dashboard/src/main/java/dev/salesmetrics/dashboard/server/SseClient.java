package dev.salesmetrics.dashboard.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * One subscriber of the event stream: a bounded queue filled by the dashboard and drained by the
 * subscriber's own thread, which writes to its output stream.
 *
 * <p>The dashboard never waits for a subscriber: {@link #offer} fails when the queue is full, and
 * the subscriber is then dropped: {@link #close} interrupts its thread, which ends a write blocked
 * on an interruptible channel (the JDK HTTP server's sockets are) and the wait on the queue. The
 * thread clears its interrupt status before it returns, and is never interrupted after that.
 */
final class SseClient {
  static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private final BlockingQueue<byte[]> queue;
  private boolean closed; // guarded by this
  @Nullable private Thread writer; // guarded by this

  SseClient(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues an event; drops the subscriber and returns false when its queue is full. */
  boolean offer(byte[] event) {
    synchronized (this) {
      if (closed) {
        return false;
      }
    }
    if (queue.offer(event)) {
      return true;
    }
    close();
    return false;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Ends the subscription: the writing thread stops at once, even in a blocked write. */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (writer != null) {
      writer.interrupt();
    }
  }

  /**
   * Writes {@code first}, then every queued event, and a heartbeat comment when nothing came for
   * {@code heartbeatMillis}, until the subscription is closed or a write fails.
   *
   * @throws IOException if a write fails (the subscriber went away)
   */
  void run(OutputStream out, byte[] first, long heartbeatMillis) throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      writer = Thread.currentThread();
    }
    try {
      out.write(first);
      out.flush();
      while (!isClosed()) {
        byte[] event = queue.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
        out.write(event == null ? HEARTBEAT : event);
        out.flush();
      }
    } catch (InterruptedException e) {
      // closed: dropped as too slow, or the dashboard is closing
    } finally {
      synchronized (this) {
        writer = null;
        closed = true;
      }
      // after the block above no close() can interrupt this thread any more; clear a pending
      // interrupt so that a pooled thread goes back clean
      var unused = Thread.interrupted();
    }
  }
}
