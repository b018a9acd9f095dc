package dev.salesmetrics.cli;

import dev.salesmetrics.dashboard.Report;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleFile;
import dev.salesmetrics.time.Granularity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code salesmetrics report}: the data as one self-contained HTML page of charts and tables. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a report of the data as one self-contained HTML file: KPI tiles of the last complete"
          + " period with the change against the one before, trends (the previous year dotted),"
          + " pipeline by stage, the stage funnel, the quota leaderboard, goals with pacing,"
          + " leads by source and the alerts a rule file fires.",
      "The file needs no network and no script: open it from disk in any browser, or print it"
          + " (A4 landscape). Every chart has its table beside it."
    },
    footer = {
      "",
      "Without --to the report is as of the end of the data's last day; with --to it is as of"
          + " that day's start (a period containing it is in progress, paced in the goals). The"
          + " trends show the 12 months (26 weeks, 8 quarters, 31 days, 5 years) before, or the"
          + " periods from --from. Panels and metric ids: docs/DASHBOARD.md.",
      "",
      "Example: salesmetrics report --data sample-data --out report.html",
      "",
      "Exit codes: 0 ok, 2 bad usage (including a malformed rule file), 3 bad input data."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions input;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "report.html",
      description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--period",
      paramLabel = "UNIT",
      converter = Options.GranularityConverter.class,
      description = "Period of the tiles, trends and leaderboard: day, week, month (default),"
          + " quarter or year.")
  Granularity period = Granularity.MONTH;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Rule file (docs/RULES.md) replayed per period for the alerts panel.")
  @Nullable Path rulesFile;

  @Option(
      names = "--by",
      paramLabel = "DIM",
      description = "Leaderboard and goals per rep (default) or team.")
  String by = "rep";

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      defaultValue = "Sales report",
      description = "The page title (default: ${DEFAULT-VALUE}).")
  String title;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String dimension = by.strip().toLowerCase(Locale.ROOT);
    if (!dimension.equals("rep") && !dimension.equals("team")) {
      throw usage("--by must be rep or team: \"" + by + "\"");
    }
    input.checkRange();
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
    LoadOptions.Loaded loaded = input.load(err);
    Report report;
    try {
      report =
          Report.builder(loaded.data())
              .title(title, input.data.toString())
              .period(period)
              .zone(input.zone())
              .fiscal(input.fiscal())
              .range(input.from, input.to)
              .rules(rules)
              .by(dimension)
              .build();
    } catch (CurrencyMismatchException | ArithmeticException e) {
      throw Failures.badData(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    try {
      report.writeTo(out);
    } catch (IOException e) {
      throw Failures.outputError("cannot write --out " + out + ": " + Failures.reason(e));
    }
    stdout.println("Report written to " + out.toAbsolutePath().normalize());
    stdout.flush();
    return Main.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
