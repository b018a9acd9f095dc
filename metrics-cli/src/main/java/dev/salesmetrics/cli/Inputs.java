package dev.salesmetrics.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.aggregate.ColumnStore;
import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.internal.Suggestions;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.io.Dataset;
import dev.salesmetrics.io.LoadReport;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * What the commands need from the data directory: the files each metric reads, the grouping
 * dimensions by id, the dates the data spans, and the limit on periods.
 */
final class Inputs {
  private Inputs() {}

  /** The file each kind of record is read from. */
  private static final ImmutableMap<Class<?>, CsvFile> FILE_OF_KIND =
      ImmutableMap.<Class<?>, CsvFile>builder()
          .put(Rep.class, CsvFile.REPS)
          .put(Quota.class, CsvFile.QUOTAS)
          .put(Lead.class, CsvFile.LEADS)
          .put(Deal.class, CsvFile.DEALS)
          .put(StageChange.class, CsvFile.DEAL_STAGES)
          .put(Order.class, CsvFile.ORDERS)
          .put(Customer.class, CsvFile.CUSTOMERS)
          .put(Campaign.class, CsvFile.CAMPAIGNS)
          .put(SurveyResponse.class, CsvFile.RESPONSES)
          .buildOrThrow();

  /**
   * The most periods a command computes at once: 13 years of days, 95 of weeks, 416 of months.
   * A far-off date (a sentinel {@code 9999-12-31}) would otherwise make a command compute, hold
   * and print every period up to it.
   */
  static final int MAX_PERIODS = 5_000;

  /**
   * Returns how many periods of {@code granularity} overlap {@code [from, toExclusive)}: from the
   * one containing {@code from} to the one containing the day before {@code toExclusive}.
   */
  static long periodCount(
      LocalDate from, LocalDate toExclusive, Granularity granularity, FiscalCalendar fiscal) {
    LocalDate first = granularity.startOf(from, fiscal);
    LocalDate last = granularity.startOf(toExclusive.minusDays(1), fiscal);
    long steps =
        switch (granularity) {
          case DAY -> ChronoUnit.DAYS.between(first, last);
          case WEEK -> ChronoUnit.WEEKS.between(first, last);
          case MONTH -> ChronoUnit.MONTHS.between(first, last);
          case QUARTER -> ChronoUnit.MONTHS.between(first, last) / 3;
          case YEAR -> ChronoUnit.YEARS.between(first, last);
        };
    return steps + 1;
  }

  /**
   * Tells why a range has too many periods to compute, or empty when it has at most {@link
   * #MAX_PERIODS}: {@code the range 1900-01-01 to 2200-01-01 (the days the data spans; the end is
   * exclusive) has 109573 day periods, more than the 5000 a command computes; <advice>}.
   *
   * @param source where the range comes from, e.g. {@code "--from and --to"}
   * @param advice what to do about it
   */
  static Optional<String> tooManyPeriods(
      LocalDate from,
      LocalDate toExclusive,
      Granularity granularity,
      FiscalCalendar fiscal,
      String source,
      String advice) {
    long n = periodCount(from, toExclusive, granularity, fiscal);
    if (n <= MAX_PERIODS) {
      return Optional.empty();
    }
    return Optional.of(
        "the range " + from + " to " + toExclusive + " (" + source + "; the end is exclusive) has "
            + n + " " + granularity.id() + " periods, more than the " + MAX_PERIODS
            + " a command computes; " + advice);
  }

  /** Where a range of {@code --from}/{@code --to} and the data's span comes from, in words. */
  static String rangeSource(@Nullable LocalDate from, @Nullable LocalDate to) {
    if (from != null && to != null) {
      return "--from and --to";
    }
    if (from != null) {
      return "--from and the days the data spans";
    }
    return to != null ? "the days the data spans and --to" : "the days the data spans";
  }

  /** The advice of {@link #tooManyPeriods} for commands with {@code --from}/{@code --to}. */
  static final String NARROW_THE_RANGE =
      "choose a shorter range with --from and --to, or a longer --period";

  /** The dimension ids {@code --by} and a rule's {@code per} accept. */
  static final ImmutableList<String> DIMENSIONS = Dimension.builtInIds();

  /**
   * Returns the files a metric reads, from the kinds of record it reads ({@link
   * Metric#recordKinds()}): deals.csv for win rate, deals.csv and quotas.csv for quota attainment,
   * and deal_stages.csv too for stage conversion, which names {@code StageChange} among them.
   */
  static ImmutableList<CsvFile> filesOf(Metric<?, ?> metric) {
    Set<CsvFile> files = EnumSet.noneOf(CsvFile.class);
    for (Class<?> kind : metric.recordKinds()) {
      CsvFile f = FILE_OF_KIND.get(kind);
      if (f != null) {
        files.add(f);
      }
    }
    return ImmutableList.copyOf(files);
  }

  /**
   * Returns the first file among those {@code metrics} read that the directory does not have, or
   * that holds no record, with the metric that needs it, as a message; empty when nothing is
   * missing: {@code metric quota_attainment reads deals.csv, quotas.csv but the data directory
   * has no quotas.csv}.
   */
  static Optional<String> missingFile(List<Metric<?, ?>> metrics, LoadOptions.Loaded loaded) {
    for (Metric<?, ?> m : metrics) {
      List<String> missing = new ArrayList<>();
      List<String> empty = new ArrayList<>();
      for (CsvFile f : filesOf(m)) {
        if (!loaded.has(f)) {
          missing.add(f.fileName());
        } else if (rows(loaded, f) == 0) {
          empty.add(f.fileName());
        }
      }
      String reads =
          "metric " + m.id() + " reads "
              + filesOf(m).stream().map(CsvFile::fileName).collect(Collectors.joining(", "));
      if (!missing.isEmpty()) {
        return Optional.of(reads + " but the data directory has no " + String.join(", ", missing));
      }
      if (!empty.isEmpty()) {
        return Optional.of(reads + " but " + String.join(", ", empty) + " holds no record");
      }
    }
    return Optional.empty();
  }

  /** The records loaded from a file present in the directory. */
  private static long rows(LoadOptions.Loaded loaded, CsvFile file) {
    if (loaded.fold() != null) {
      // streamed: the records are gone, the reports count them
      long n = 0;
      for (LoadReport r : loaded.reports()) {
        if (r.file().equals(file.fileName())) {
          n += r.loaded();
        }
      }
      return n;
    }
    Dataset d = loaded.data();
    ColumnStore c = loaded.columns();
    if (c != null) {
      long n =
          switch (file) {
            case LEADS -> c.leads();
            case DEALS -> c.deals();
            case ORDERS -> c.orders();
            case CUSTOMERS -> c.customers();
            case RESPONSES -> c.responses();
            case DEAL_STAGES ->
                throw new IllegalStateException("deal_stages.csv is not counted in columns");
            default -> -1;
          };
      if (n >= 0) {
        return n;
      }
    }
    return switch (file) {
      case REPS -> d.reps().size();
      case QUOTAS -> d.quotas().size();
      case LEADS -> d.leads().size();
      case DEALS -> d.deals().size();
      case DEAL_STAGES -> d.deals().stream().filter(deal -> !deal.stageHistory().isEmpty()).count();
      case ORDERS -> d.orders().size();
      case CUSTOMERS -> d.customers().size();
      case CAMPAIGNS -> d.campaigns().size();
      case RESPONSES -> d.responses().size();
    };
  }

  /**
   * Returns the dimension with {@code id}: a record field, team and region through the data's
   * reps, or the campaign and source of a deal through the lead it came from.
   *
   * @throws IllegalArgumentException for an unknown id, suggesting the closest
   */
  static Dimension dimension(String id, Dataset data) {
    return switch (id.strip().toLowerCase(Locale.ROOT)) {
      case "rep" -> Dimension.REP;
      case "product" -> Dimension.PRODUCT;
      case "campaign" -> data.campaign();
      case "source" -> data.source();
      case "customer" -> Dimension.CUSTOMER;
      case "team" -> data.team();
      case "region" -> data.region();
      default -> throw new IllegalArgumentException(unknownDimension(id));
    };
  }

  /** {@code unknown dimension "teams"; did you mean team? (expected one of rep, team, ...)}. */
  static String unknownDimension(String id) {
    return "unknown dimension \"" + Terminal.safe(id) + "\""
        + Suggestions.didYouMean(id, DIMENSIONS) + " (expected one of "
        + String.join(", ", DIMENSIONS) + ")";
  }

  /**
   * {@code unknown metric id "win_rat"; did you mean win_rate? ('salesmetrics metrics' lists the
   * ids)}.
   */
  static String unknownMetric(String id) {
    List<String> ids = new ArrayList<>();
    Metrics.all().forEach(m -> ids.add(m.id()));
    return "unknown metric id \"" + Terminal.safe(id) + "\"" + Suggestions.didYouMean(id, ids)
        + " ('salesmetrics metrics' lists the ids)";
  }

  /**
   * Returns the dates the data's events span in {@code zone}, {@code [first day, day after the
   * last)}: lead, deal, stage, order, customer and survey instants (quotas, campaigns and hire
   * dates, which may be planned ahead, do not count). Empty when there is no event.
   */
  static Optional<LocalDate[]> span(LoadOptions.Loaded loaded, ZoneId zone) {
    if (loaded.fold() != null) {
      return loaded.fold().instantSpan().map(r -> days(r, zone));
    }
    ColumnStore c = loaded.columns();
    if (c == null) {
      return span(loaded.data(), zone);
    }
    return c.instantSpan().map(r -> days(r, zone));
  }

  /** The first day of {@code span} and the day after its last, in {@code zone}. */
  private static LocalDate[] days(com.google.common.collect.Range<Instant> span, ZoneId zone) {
    return new LocalDate[] {
      LocalDate.ofInstant(span.lowerEndpoint(), zone),
      LocalDate.ofInstant(span.upperEndpoint(), zone).plusDays(1)
    };
  }

  /**
   * Whether a command computing {@code metrics} by {@code dimensionIds} may read the data
   * directory into columns: the metrics read no stage history (whose rows the columns do not
   * count per file) and no dimension goes through the leads (campaign, source), which the loaded
   * data then lacks as records.
   */
  static boolean columnar(List<Metric<?, ?>> metrics, List<String> dimensionIds) {
    for (Metric<?, ?> m : metrics) {
      if (filesOf(m).contains(CsvFile.DEAL_STAGES)) {
        return false;
      }
    }
    return !dimensionIds.contains("campaign") && !dimensionIds.contains("source");
  }

  static Optional<LocalDate[]> span(Dataset data, ZoneId zone) {
    Instant[] bounds = new Instant[2];
    for (Lead l : data.leads()) {
      widen(bounds, l.createdAt());
      widen(bounds, l.firstContactAt());
      widen(bounds, l.convertedAt());
    }
    for (Deal d : data.deals()) {
      widen(bounds, d.createdAt());
      widen(bounds, d.closedAt());
      d.stageHistory().forEach(s -> widen(bounds, s.enteredAt()));
    }
    for (Order o : data.orders()) {
      widen(bounds, o.placedAt());
    }
    for (Customer c : data.customers()) {
      widen(bounds, c.signedUpAt());
      widen(bounds, c.activatedAt());
      widen(bounds, c.cancelledAt());
    }
    for (SurveyResponse r : data.responses()) {
      widen(bounds, r.respondedAt());
    }
    if (bounds[0] == null) {
      return Optional.empty();
    }
    return Optional.of(
        new LocalDate[] {
          LocalDate.ofInstant(bounds[0], zone), LocalDate.ofInstant(bounds[1], zone).plusDays(1)
        });
  }

  private static void widen(Instant[] bounds, @Nullable Instant t) {
    if (t == null) {
      return;
    }
    if (bounds[0] == null || t.isBefore(bounds[0])) {
      bounds[0] = t;
    }
    if (bounds[1] == null || t.isAfter(bounds[1])) {
      bounds[1] = t;
    }
  }
}
