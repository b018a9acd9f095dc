package dev.salesmetrics.dashboard.server;

import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.rule.RuleFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code salesmetrics serve --data DIR --rules FILE --accept-posts --port 0} in a child JVM for
 * {@link RestartTest}: prints {@code serving <url>} and runs until killed.
 */
public final class ChildServer {
  private ChildServer() {}

  /**
   * Serves.
   *
   * @param args the data directory and the rule file
   * @throws Exception if the service cannot start
   */
  public static void main(String[] args) throws Exception {
    LiveService service =
        LiveService.builder(Path.of(args[0]))
            .rules(RuleFile.read(Path.of(args[1]), Metrics.registry()))
            .acceptPosts(true)
            .port(0)
            .coalesce(Duration.ofMillis(20))
            .start();
    System.out.println("serving " + service.uri());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
