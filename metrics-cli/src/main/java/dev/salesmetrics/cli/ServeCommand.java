package dev.salesmetrics.cli;

import dev.salesmetrics.dashboard.server.LiveService;
import dev.salesmetrics.dashboard.server.ReportPage;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.CsvFormatException;
import dev.salesmetrics.io.CsvOptions;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleFile;
import dev.salesmetrics.rule.WebhookListener;
import dev.salesmetrics.rule.WebhookStats;
import dev.salesmetrics.time.Granularity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code salesmetrics serve}: the live dashboard of a data directory over HTTP. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the live dashboard of a data directory: at / the page of 'salesmetrics report' "
          + "(tiles, trends, pipeline, funnel, leaderboard, goals, leads, alerts), kept up to "
          + "date in place over Server-Sent Events (/events) as records arrive; the tiles at "
          + "/api/figures, the alerts at /api/alerts, the figures and alert states for "
          + "Prometheus at /metrics.",
      "Records arrive by POST /api/deals, /api/orders, /api/leads, /api/customers (CSV rows "
          + "with their header, Content-Type: text/csv; off unless --accept-posts) and by "
          + "files dropped into --inbox (moved to done/ or rejected/ with a .err file). "
          + "Accepted records are kept in DIR/.salesmetrics/journal.txt and read back at the "
          + "next start; the alert state in DIR/.salesmetrics/alert-state.txt."
    },
    footer = {
      "",
      "Security: listens on 127.0.0.1 unless --bind says otherwise; pages are read-only and "
          + "need no token (whoever reaches the port reads the figures); posts need "
          + "--accept-posts, and with --token (or --token-file) the header "
          + "'Authorization: Bearer <token>'; bodies over --max-body bytes answer 413.",
      "",
      "Alerts: with --webhook URL, every alert transition is also POSTed to URL (json, slack or"
          + " alertmanager); on stop, the command waits up to 30 s for the queued ones.",
      "",
      "Example: salesmetrics serve --data data --rules rules.txt --accept-posts --token s3cret",
      "         curl -H 'Authorization: Bearer s3cret' -H 'Content-Type: text/csv' "
          + "--data-binary @deals.csv http://127.0.0.1:8080/api/deals",
      "",
      "Docs: docs/DASHBOARD.md. Exit codes: 0 stopped, 2 bad usage (port taken, bad rule "
          + "file), 3 bad input data."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Directory of interchange CSV files (the history).")
  Path data;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on (default 8080; 0 picks a free one).")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every"
          + " interface).")
  String bind = "127.0.0.1";

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Rule file (docs/RULES.md), evaluated on the current period at every update.")
  @Nullable Path rulesFile;

  @Option(
      names = "--inbox",
      paramLabel = "DIR",
      description = "Directory polled for dropped CSV files named deals*.csv, orders*.csv, "
          + "leads*.csv or customers*.csv (created if absent).")
  @Nullable Path inbox;

  @Option(
      names = "--accept-posts",
      description = "Turn the POST /api/... endpoints on (off by default).")
  boolean acceptPosts;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "Require 'Authorization: Bearer TOKEN' on posts (visible to other local users"
          + " in the process list: prefer --token-file).")
  @Nullable String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Read the token from the first line of FILE.")
  @Nullable Path tokenFile;

  @Option(
      names = "--max-body",
      paramLabel = "BYTES",
      description = "Largest request body accepted (default 1048576).")
  long maxBody = 1 << 20;

  @Option(
      names = "--period",
      paramLabel = "UNIT",
      converter = Options.GranularityConverter.class,
      description = "Period of the figures and rules: day, week, month (default), quarter, year.")
  Granularity period = Granularity.MONTH;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      converter = Options.ZoneConverter.class,
      description = "Zone for periods and bare local date-times in the data (default UTC).")
  @Nullable ZoneId zone;

  @Option(
      names = "--by",
      paramLabel = "DIM",
      description = "Leaderboard and goals per rep (default) or team (teams from reps.csv).")
  String by = "rep";

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "The page title (default \"Sales dashboard\").")
  String title = "Sales dashboard";

  @Mixin WebhookOptions webhook;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw usage("--port must be in 0..65535: " + port);
    }
    if (maxBody < 1) {
      throw usage("--max-body must be >= 1: " + maxBody);
    }
    Optional<String> secret = token();
    if (secret.isPresent() && !acceptPosts) {
      throw usage("--token protects posts: add --accept-posts");
    }
    List<Rule> rules = List.of();
    if (rulesFile != null) {
      try {
        rules = RuleFile.read(rulesFile, Metrics.registry());
      } catch (UncheckedIOException e) {
        throw usage("cannot read rule file " + rulesFile);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    if (!Files.isDirectory(data)) {
      throw usage("--data " + data + " is not a directory");
    }
    if (!Files.exists(data.resolve(CsvFile.REPS.fileName()))) {
      // teams come from reps.csv, read once at start: without it every team would be "(unknown)"
      if (by.strip().equalsIgnoreCase("team")) {
        return Failures.badData(err, "--by team reads reps.csv but the data directory has no"
            + " reps.csv");
      }
      for (Rule r : rules) {
        String scope = r.dimension().orElse("");
        if (scope.equals("team") || scope.equals("region")) {
          return Failures.badData(err, "rule " + r.id() + " is per " + scope
              + ", which reads reps.csv, but the data directory has no reps.csv");
        }
      }
    }
    ReportPage page;
    try {
      page = ReportPage.builder().title(title, data.toString()).by(by).build();
    } catch (IllegalArgumentException e) {
      throw usage("--by " + e.getMessage().substring("by ".length()));
    }
    Optional<WebhookListener.Builder> hookBuilder = webhook.listener();
    ZoneId z = zone == null ? ZoneOffset.UTC : zone;
    CsvOptions options = zone == null ? CsvOptions.strict() : CsvOptions.strict().withZone(zone);
    MetricsEndpoint metrics = new MetricsEndpoint();
    LiveService.Builder b =
        LiveService.builder(data)
            .options(options)
            .period(period, z)
            .rules(rules)
            .page(page)
            .acceptPosts(acceptPosts)
            .bind(bind)
            .port(port)
            .maxBodyBytes(maxBody)
            .route("/metrics", metrics)
            .listener(metrics.alertStates());
    secret.ifPresent(b::token);
    if (inbox != null) {
      b.inbox(inbox);
    }
    WebhookListener hook = hookBuilder.map(WebhookListener.Builder::build).orElse(null);
    if (hook != null) {
      b.listener(hook);
    }
    Stop stop = new Stop(err, hook);
    LiveService service;
    try {
      service = b.start();
    } catch (CsvFormatException e) {
      stop.run();
      return Failures.badRow(err, data, e);
    } catch (NoSuchFileException | NotDirectoryException e) {
      stop.run();
      throw usage("--data " + data + " is not a directory");
    } catch (BindException e) {
      stop.run();
      throw usage("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
          + "): choose another --port");
    } catch (CurrencyMismatchException | ArithmeticException e) {
      stop.run();
      return Failures.badData(err, e.getMessage());
    } catch (IllegalArgumentException e) {
      stop.run();
      throw usage(e.getMessage());
    } catch (IOException e) {
      stop.run();
      return Failures.badData(err, e.getMessage());
    }
    stop.service = service;
    metrics.start(service.dashboard());
    try {
      Optional<String> failure = service.dashboard().figures().failure();
      if (failure.isPresent()) {
        return Failures.badData(err, failure.get());
      }
      long torn = service.data().truncatedJournalBytes();
      if (torn > 0) {
        err.println("salesmetrics: cut off a torn last journal entry of " + torn
            + " bytes (a batch being written when the machine stopped, never acknowledged)");
      }
      out.println("salesmetrics: serving " + service.uri() + " (Ctrl-C to stop)");
      out.println("  " + (acceptPosts
          ? "posts on" + (secret.isPresent() ? ", token required" : ", no token")
          : "posts off (--accept-posts)")
          + (inbox == null ? "" : "; inbox " + inbox)
          + "; " + rules.size() + " rules"
          + (hook == null ? "" : "; alerts to the webhook (" + webhook.format().id() + ")")
          + "; journal " + service.data().journalSequence() + " batches");
      out.flush();
      err.flush();
      awaitStop(stop);
      return Main.OK;
    } finally {
      stop.run();
    }
  }

  /**
   * Stops the service, then the webhook (which delivers what is queued, for up to 30 s) and says
   * what it could not deliver; once, from the command or from the shutdown hook (Ctrl-C).
   */
  private static final class Stop implements Runnable {
    private final PrintWriter err;
    @Nullable private final WebhookListener hook;
    @Nullable volatile LiveService service;
    private final AtomicBoolean done = new AtomicBoolean();

    Stop(PrintWriter err, @Nullable WebhookListener hook) {
      this.err = err;
      this.hook = hook;
    }

    @Override
    public void run() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      LiveService s = service;
      if (s != null) {
        try {
          s.close();
        } catch (IOException e) {
          // stopping anyway: every accepted batch is already on disk
        }
      }
      if (hook != null) {
        hook.close();
        WebhookStats stats = hook.stats();
        if (stats.undelivered() > 0) {
          err.println(
              "salesmetrics: webhook " + hook + ": " + stats.undelivered() + " of "
                  + (stats.accepted() + stats.repeats()) + " notifications not delivered ("
                  + stats.failed() + " failed, " + stats.dropped() + " dropped); last failure: "
                  + stats.lastFailure().orElse("none"));
          err.flush();
        }
      }
    }
  }

  /**
   * Blocks until the JVM shuts down (Ctrl-C) or the thread is interrupted; an interrupt is the
   * request to stop, so it returns normally.
   */
  private static void awaitStop(Stop stop) {
    Thread hook = new Thread(stop, "salesmetrics-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      // asked to stop (an embedding thread or a test): the caller closes the service
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down; the hook closes the service
      }
    }
  }

  private Optional<String> token() {
    if (token != null && tokenFile != null) {
      throw usage("give --token or --token-file, not both");
    }
    if (tokenFile != null) {
      try {
        List<String> lines = Files.readAllLines(tokenFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
          throw usage("--token-file " + tokenFile + " is empty");
        }
        return Optional.of(lines.get(0).strip());
      } catch (IOException e) {
        throw usage("cannot read --token-file " + tokenFile);
      }
    }
    if (token != null && token.isBlank()) {
      throw usage("--token must not be blank");
    }
    return Optional.ofNullable(token);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
