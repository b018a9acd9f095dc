package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.time.Period;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/** The deal metrics of the catalogue; the public constants and factories are in {@link Metrics}. */
final class DealDefinitions {
  private DealDefinitions() {}

  private static final long MILLIS_PER_DAY = 86_400_000L;

  // ---- helpers ------------------------------------------------------------------------------

  /** A deal is open at {@code t} when created before {@code t} and not closed before {@code t}. */
  static boolean openAt(Deal deal, Instant t) {
    return deal.createdAt().isBefore(t)
        && (deal.closedAt() == null || !deal.closedAt().isBefore(t));
  }

  /**
   * A deal whose amount enters a pipeline sum at {@code t}: open at {@code t} with a known amount.
   * A deal without an amount adds nothing to a sum of money and is not counted in it.
   */
  private static boolean openWithAmountAt(Deal deal, Instant t) {
    return deal.amount() != null && openAt(deal, t);
  }

  private static boolean wonIn(Deal deal, Window window) {
    return deal.status() == DealStatus.WON && window.contains(deal.closedAt());
  }

  private static String lower(String stage) {
    return stage.toLowerCase(Locale.ROOT);
  }

  /**
   * The part of a quota that falls in {@code period}: all of it when the quota's period lies inside
   * (or there is no period), none when they do not overlap, else the amount times the share of the
   * quota's duration inside, rounded HALF_EVEN to the minor unit.
   */
  static long quotaMinorIn(Money amount, Period quotaPeriod, @Nullable Period period) {
    if (period == null) {
      return amount.minorUnits();
    }
    Instant start = max(quotaPeriod.start(), period.start());
    Instant end = min(quotaPeriod.end(), period.end());
    if (!start.isBefore(end)) {
      return 0;
    }
    if (start.equals(quotaPeriod.start()) && end.equals(quotaPeriod.end())) {
      return amount.minorUnits();
    }
    BigInteger inside = nanos(Duration.between(start, end));
    BigInteger whole = nanos(quotaPeriod.length());
    return Money.quotient(
            BigInteger.valueOf(amount.minorUnits()).multiply(inside), whole, amount.currency())
        .minorUnits();
  }

  static boolean overlaps(Period quotaPeriod, @Nullable Period period) {
    return period == null
        || (quotaPeriod.start().isBefore(period.end())
            && period.start().isBefore(quotaPeriod.end()));
  }

  private static BigInteger nanos(Duration d) {
    return BigInteger.valueOf(d.getSeconds())
        .multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(d.getNano()));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  // ---- closed deals ---------------------------------------------------------------------------

  static Metric<Deal, Count> dealsWon() {
    return Metric.builder("deals_won", Deal.class)
        .description("count of won deals with closed_at in the period")
        .unit(MetricUnit.COUNT)
        .placedAt("closed_at", Deal::closedAt)
        .kernel(
            Kernel.of(
                DealRow.class,
                List.of(SlotKind.SUM),
                (deal, s, window) -> s.countIf(0, deal.won()),
                s -> Count.of(s.get(0))));
  }

  static Metric<Deal, Amount> salesVolume(Conversion conversion) {
    Metric<Deal, Amount> metric =
        Metric.builder("sales_volume", Deal.class)
            .description("sum of the amounts of won deals with closed_at in the period")
            .unit(MetricUnit.MONEY)
            .placedAt("closed_at", Deal::closedAt)
            .kernel(
                Kernel.of(
                    DealRow.class,
                    MoneySlots.SUM_SLOTS,
                    (deal, s, window) -> {
                      boolean won = deal.won();
                      MoneySlots.addToSum(
                          s, won, deal.amountMinorIf(won), deal.currencyIf(won));
                    },
                    MoneySlots::sumOf));
    return KernelMetric.converted(metric, conversion, false);
  }

  static Metric<Deal, Ratio> winRate() {
    return Metric.builder("win_rate", Deal.class)
        .description("won / (won + lost) over deals with closed_at in the period")
        .unit(MetricUnit.RATIO)
        .placedAt("closed_at", Deal::closedAt)
        .kernel(
            Kernel.of(
                DealRow.class,
                List.of(SlotKind.SUM, SlotKind.SUM), // won, closed
                (deal, s, window) -> {
                  s.countIf(0, deal.won());
                  s.countIf(1, deal.closed());
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }

  static Metric<Deal, Ratio> winRateAllCreated() {
    return Metric.builder("win_rate.all_created", Deal.class)
        .description("won / all deals, over deals with created_at in the period")
        .unit(MetricUnit.RATIO)
        .placedAt("created_at", Deal::createdAt)
        .kernel(
            Kernel.of(
                DealRow.class,
                List.of(SlotKind.SUM, SlotKind.SUM), // won, created
                (deal, s, window) -> {
                  s.countIf(0, deal.won());
                  s.count(1);
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }

  static Metric<Deal, MoneyStats> averageDealSize(Conversion conversion) {
    Metric<Deal, MoneyStats> metric =
        Metric.builder("average_deal_size", Deal.class)
            .description("mean amount of won deals with closed_at in the period")
            .unit(MetricUnit.MONEY)
            .placedAt("closed_at", Deal::closedAt)
            .kernel(
                Kernel.of(
                    DealRow.class,
                    MoneySlots.STATS_SLOTS,
                    (deal, s, window) -> {
                      boolean won = deal.won();
                      MoneySlots.addToStats(
                          s, won, deal.amountMinorIf(won), deal.currencyIf(won));
                    },
                    MoneySlots::statsOf));
    return KernelMetric.converted(metric, conversion, false);
  }

  static Metric<Deal, DurationStats> salesCycle() {
    return Metric.builder("sales_cycle", Deal.class)
        .description("days from created_at to closed_at of won deals with closed_at in the period")
        .unit(MetricUnit.DAYS)
        .placedAt("closed_at", Deal::closedAt)
        .accumulate(
            window -> new DurationStatsAccumulator(),
            (s, deal, window) -> {
              if (wonIn(deal, window)) {
                s.addBetween(deal.createdAt(), deal.closedAt());
              }
            },
            (s, o) -> s.addAll(o),
            DurationStatsAccumulator::snapshot);
  }

  // ---- pipeline -------------------------------------------------------------------------------

  /** A deal row is open at the window's start: created before it and not closed before it. */
  private static boolean openAtStart(DealRow deal, WindowBounds window) {
    return window.compareToStart(deal.createdAtSecond(), deal.createdAtNano()) < 0
        && (!deal.closed()
            || window.compareToStart(deal.closedAtSecond(), deal.closedAtNano()) >= 0);
  }

  static Metric<Deal, Amount> pipelineValue(Conversion conversion) {
    Metric<Deal, Amount> metric =
        Metric.builder("pipeline_value", Deal.class)
            .description(
                "sum of the amounts of deals open at the period start; deals without an amount"
                    + " add nothing")
            .unit(MetricUnit.MONEY)
            .spanning("open at the period start")
            .needsPeriod()
            .kernel(
                Kernel.of(
                    DealRow.class,
                    MoneySlots.SUM_SLOTS,
                    (deal, s, window) -> {
                      boolean open = deal.hasAmount() && openAtStart(deal, window);
                      MoneySlots.addToSum(
                          s, open, deal.amountMinorIf(open), deal.currencyIf(open));
                    },
                    MoneySlots::sumOf));
    return KernelMetric.converted(metric, conversion, true);
  }

  /** Probabilities by stage (keys lowercase) and the probability of a deal with neither. */
  static final class StageProbabilities {
    private final ImmutableMap<String, Double> byStage;
    @Nullable private final Double fallback;

    StageProbabilities(Map<String, Double> byStage, @Nullable Double fallback) {
      checkNotNull(byStage, "stageProbabilities");
      ImmutableMap.Builder<String, Double> lower = ImmutableMap.builder();
      Set<String> seen = new HashSet<>();
      for (Map.Entry<String, Double> e : byStage.entrySet()) {
        String stage = checkNotNull(e.getKey(), "stage");
        Double p = checkNotNull(e.getValue(), "probability of stage %s", stage);
        if (stage.isBlank()) {
          throw new IllegalArgumentException("stage must not be blank: \"" + stage + "\"");
        }
        checkProbability(p, "probability of stage \"" + stage + "\"");
        if (!seen.add(lower(stage))) {
          throw new IllegalArgumentException(
              "stage \"" + stage + "\" is given twice (stages are compared ignoring case)");
        }
        lower.put(lower(stage), p);
      }
      this.byStage = lower.buildOrThrow();
      if (fallback != null) {
        checkProbability(fallback, "default probability");
      }
      this.fallback = fallback;
    }

    private static void checkProbability(double p, String what) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException(what + " must be in [0, 1]: " + p);
      }
    }

    double of(Deal deal) {
      if (deal.probability() != null) {
        return deal.probability();
      }
      if (deal.stage() != null) {
        Double p = byStage.get(lower(deal.stage()));
        if (p != null) {
          return p;
        }
      }
      if (fallback == null) {
        throw new IllegalArgumentException(
            "weighted_pipeline has no probability for open deal "
                + deal.id()
                + ": no probability"
                + " on the deal and stage "
                + (deal.stage() == null
                    ? "absent"
                    : "\"" + deal.stage() + "\" not in " + byStage.keySet())
                + "; give a default probability");
      }
      return fallback;
    }
  }

  /** State of an exact sum of amount × probability, in minor units. */
  private static final class WeightedState {
    final CurrencyGuard guard = new CurrencyGuard();
    BigDecimal exactMinor = BigDecimal.ZERO;
    long count;
  }

  static Metric<Deal, Amount> weightedPipeline(
      StageProbabilities probabilities, Conversion conversion) {
    String id = "weighted_pipeline";
    return Metric.builder(id, Deal.class)
        .description(
            "sum of amount × probability of deals open at the period start; probability from the"
                + " deal, else from its stage; deals without an amount add nothing")
        .unit(MetricUnit.MONEY)
        .spanning("open at the period start")
        .needsPeriod()
        .accumulate(
            window -> new WeightedState(),
            (s, deal, window) -> {
              Instant start = window.requirePeriod(id).start();
              if (openWithAmountAt(deal, start)) {
                double p = probabilities.of(deal);
                long minor = s.guard.minor(conversion.apply(deal.amount(), start));
                s.exactMinor =
                    s.exactMinor.add(BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(p)));
                s.count++;
              }
            },
            (s, o) -> {
              s.guard.merge(o.guard);
              s.exactMinor = s.exactMinor.add(o.exactMinor);
              s.count = Math.addExact(s.count, o.count);
            },
            s -> {
              Currency currency = s.guard.currency();
              if (currency == null) {
                return conversion.emptySum();
              }
              BigDecimal exact = s.exactMinor;
              BigInteger scale = BigInteger.TEN.pow(Math.max(0, exact.scale()));
              BigInteger unscaled =
                  exact.scale() >= 0
                      ? exact.unscaledValue()
                      : exact.toBigIntegerExact();
              return Amount.of(Money.quotient(unscaled, scale, currency), s.count);
            });
  }

  /** State of pipeline coverage: pipeline, quota for P and won so far, one currency. */
  private static final class CoverageState {
    final CurrencyGuard guard = new CurrencyGuard();
    long pipeline;
    long quota;
    long wonSoFar;

    void merge(CoverageState o) {
      guard.merge(o.guard);
      pipeline = Math.addExact(pipeline, o.pipeline);
      quota = Math.addExact(quota, o.quota);
      wonSoFar = Math.addExact(wonSoFar, o.wonSoFar);
    }
  }

  static Metric<SalesRecord, Ratio> pipelineCoverage(
      Conversion conversion, boolean remainingQuota) {
    String id = remainingQuota ? "pipeline_coverage.remaining_quota" : "pipeline_coverage";
    return Metric.builder(id, SalesRecord.class)
        .reads(Deal.class, Quota.class)
        .description(
            remainingQuota
                ? "pipeline value / (quota for the period - won so far in the period)"
                : "pipeline value / quota for the period")
        .unit(MetricUnit.RATIO)
        .spanning("deals open at the period start; quotas overlapping the period")
        .needsPeriod()
        .accumulate(
            window -> new CoverageState(),
            (s, record, window) -> {
              Period period = window.requirePeriod(id);
              if (record instanceof Deal deal) {
                if (openWithAmountAt(deal, period.start())) {
                  s.pipeline =
                      Math.addExact(
                          s.pipeline,
                          s.guard.minor(conversion.apply(deal.amount(), period.start())));
                }
                if (remainingQuota && wonSoFar(deal, period, window.asOf())) {
                  s.wonSoFar =
                      Math.addExact(
                          s.wonSoFar,
                          s.guard.minor(conversion.apply(deal.amount(), deal.closedAt())));
                }
              } else if (record instanceof Quota quota) {
                s.quota = Math.addExact(s.quota, quotaMinor(s.guard, quota, period, conversion));
              }
            },
            CoverageState::merge,
            s -> {
              if (!remainingQuota) {
                return s.guard.ratio(s.pipeline, s.quota);
              }
              long remaining = Math.subtractExact(s.quota, s.wonSoFar);
              return s.guard.ratio(s.pipeline, remaining > 0 ? remaining : 0);
            });
  }

  /** Won with closed_at in {@code [P.start, asOf)} when asOf is before P.end, else in P. */
  private static boolean wonSoFar(Deal deal, Period period, @Nullable Instant asOf) {
    if (deal.status() != DealStatus.WON) {
      return false;
    }
    Instant end = asOf != null && asOf.isBefore(period.end()) ? asOf : period.end();
    Instant closed = deal.closedAt();
    return !closed.isBefore(period.start()) && closed.isBefore(end);
  }

  /** The quota's part in the period, in minor units; 0 without touching the guard if none. */
  private static long quotaMinor(
      CurrencyGuard guard, Quota quota, @Nullable Period period, Conversion conversion) {
    if (!overlaps(quota.period(), period)) {
      return 0;
    }
    Money amount = conversion.apply(quota.amount(), quota.period().start());
    guard.check(amount.currency());
    return quotaMinorIn(amount, quota.period(), period);
  }

  // ---- velocity -------------------------------------------------------------------------------

  /**
   * Sales velocity's slots: 0 deals open at the period start, 1 closed in the period, 2 won in
   * it, 3 their amounts, 4 their cycle in milliseconds, 5 the currency.
   */
  private static final List<SlotKind> VELOCITY =
      List.of(
          SlotKind.SUM, SlotKind.SUM, SlotKind.SUM, SlotKind.SUM, SlotKind.SUM,
          SlotKind.CURRENCY);

  static Metric<Deal, Amount> salesVelocity(Conversion conversion) {
    Metric<Deal, Amount> metric =
        Metric.builder("sales_velocity", Deal.class)
            .description(
                "open deals at the period start × win rate × average deal size / mean sales cycle"
                    + " in days: money per day")
            .unit(MetricUnit.MONEY_PER_DAY)
            .spanning("open at the period start; closed_at in the period")
            .needsPeriod()
            .kernel(
                Kernel.of(
                    DealRow.class,
                    VELOCITY,
                    (deal, s, window) -> {
                      s.countIf(0, openAtStart(deal, window));
                      if (deal.closed()
                          && window.contains(deal.closedAtSecond(), deal.closedAtNano())) {
                        s.count(1);
                        if (deal.won()) {
                          s.count(2);
                          s.currency(5, deal.currency());
                          s.add(3, deal.amountMinor());
                          s.add(
                              4,
                              WindowBounds.millisBetween(
                                  deal.createdAtSecond(),
                                  deal.createdAtNano(),
                                  deal.closedAtSecond(),
                                  deal.closedAtNano()));
                        }
                      }
                    },
                    DealDefinitions::velocity));
    return KernelMetric.converted(metric, conversion, false);
  }

  /** {@code open × Σwon amount × won × day / (closed × Σcycle)}, rounded once. */
  private static Amount velocity(Slots s) {
    long open = s.get(0);
    long closed = s.get(1);
    long won = s.get(2);
    long cycleMillis = s.get(4);
    Optional<Currency> currency = s.currencyOf(5);
    if (closed == 0 || won == 0 || cycleMillis == 0 || currency.isEmpty()) {
      return Amount.undefined(closed);
    }
    // open × (won / closed) × (wonSum / won) ÷ (cycleSum / won / day)
    //   = open × wonSum × won × day / (closed × cycleSum)
    BigInteger top =
        BigInteger.valueOf(open)
            .multiply(BigInteger.valueOf(s.get(3)))
            .multiply(BigInteger.valueOf(won))
            .multiply(BigInteger.valueOf(MILLIS_PER_DAY));
    BigInteger bottom = BigInteger.valueOf(closed).multiply(BigInteger.valueOf(cycleMillis));
    return Amount.of(Money.quotient(top, bottom, currency.get()), closed);
  }

  // ---- stage conversion -----------------------------------------------------------------------

  static ImmutableList<String> checkStageOrder(List<String> stageOrder) {
    checkNotNull(stageOrder, "stageOrder");
    if (stageOrder.size() < 2) {
      throw new IllegalArgumentException("stage order must have at least 2 stages: " + stageOrder);
    }
    Set<String> seen = new HashSet<>();
    for (String stage : stageOrder) {
      checkNotNull(stage, "stage");
      if (stage.isBlank()) {
        throw new IllegalArgumentException("stage must not be blank in stage order " + stageOrder);
      }
      if (!seen.add(lower(stage))) {
        throw new IllegalArgumentException(
            "stage \""
                + stage
                + "\" appears twice in stage order "
                + stageOrder
                + " (stages are compared ignoring case)");
      }
    }
    return ImmutableList.copyOf(stageOrder);
  }

  /**
   * Returns 0 if the deal did not enter {@code from} in the window, 1 if it did but never entered
   * {@code to} after that, 2 if it did both.
   */
  private static int conversion(List<StageChange> history, String from, String to, Window window) {
    for (int i = 0; i < history.size(); i++) {
      StageChange change = history.get(i);
      if (change.stage().equalsIgnoreCase(from) && window.contains(change.enteredAt())) {
        for (int j = i + 1; j < history.size(); j++) {
          if (history.get(j).stage().equalsIgnoreCase(to)) {
            return 2;
          }
        }
        return 1;
      }
    }
    return 0;
  }

  /**
   * Per step of a funnel (the last one is first stage to last stage overall): the deals that
   * entered its first stage in the window, and those of them that later entered its second.
   */
  private static final class FunnelCounts {
    final long[] entered;
    final long[] converted;

    FunnelCounts(int steps) {
      entered = new long[steps];
      converted = new long[steps];
    }

    void merge(FunnelCounts other) {
      for (int i = 0; i < entered.length; i++) {
        entered[i] = Math.addExact(entered[i], other.entered[i]);
        converted[i] = Math.addExact(converted[i], other.converted[i]);
      }
    }

    Ratio ratio(int step) {
      return Ratio.of(converted[step], entered[step]);
    }
  }

  static Metric<Deal, StageFunnel> stageConversion(List<String> stageOrder) {
    ImmutableList<String> order = checkStageOrder(stageOrder);
    int steps = order.size() - 1;
    return Metric.builder("stage_conversion", Deal.class)
        .reads(Deal.class, StageChange.class)
        .description(
            "per pair of consecutive stages s → s': deals that entered s in the period and later"
                + " entered s' / deals that entered s in the period; order "
                + order)
        .unit(MetricUnit.TABLE)
        .spanning("stage_history entered_at")
        .accumulate(
            window -> new FunnelCounts(steps + 1),
            (s, deal, window) -> {
              List<StageChange> history = deal.stageHistory();
              if (history.isEmpty()) {
                return;
              }
              for (int i = 0; i <= steps; i++) {
                String from = i < steps ? order.get(i) : order.get(0);
                String to = i < steps ? order.get(i + 1) : order.get(steps);
                int c = conversion(history, from, to, window);
                if (c > 0) {
                  s.entered[i]++;
                }
                if (c == 2) {
                  s.converted[i]++;
                }
              }
            },
            FunnelCounts::merge,
            s -> {
              ImmutableList.Builder<StageFunnel.Step> list = ImmutableList.builder();
              for (int i = 0; i < steps; i++) {
                list.add(
                    new StageFunnel.Step(order.get(i), order.get(i + 1), s.ratio(i)));
              }
              return new StageFunnel(list.build(), s.ratio(steps));
            });
  }

  // ---- quotas and reps ------------------------------------------------------------------------

  /** State of quota attainment. */
  private static final class AttainmentState {
    final CurrencyGuard guard = new CurrencyGuard();
    long sold;
    long quota;
  }

  static Metric<SalesRecord, Ratio> quotaAttainment(Conversion conversion) {
    return Metric.builder("quota_attainment", SalesRecord.class)
        .reads(Deal.class, Quota.class)
        .description("sales volume / quota for the period (quotas prorated by overlap)")
        .unit(MetricUnit.RATIO)
        .spanning("closed_at of won deals; quotas overlapping the period")
        .accumulate(
            window -> new AttainmentState(),
            (s, record, window) -> {
              if (record instanceof Deal deal) {
                if (wonIn(deal, window)) {
                  s.sold =
                      Math.addExact(
                          s.sold, s.guard.minor(conversion.apply(deal.amount(), deal.closedAt())));
                }
              } else if (record instanceof Quota quota) {
                s.quota =
                    Math.addExact(s.quota, quotaMinor(s.guard, quota, window.period(), conversion));
              }
            },
            (s, o) -> {
              s.guard.merge(o.guard);
              s.sold = Math.addExact(s.sold, o.sold);
              s.quota = Math.addExact(s.quota, o.quota);
            },
            s -> s.guard.ratio(s.sold, s.quota));
  }

  /** State of rep ramp time: hire dates and first wins by rep. */
  private static final class RampState {
    final Window window;
    final Map<String, LocalDate> hiredOn = new HashMap<>();
    final Map<String, Instant> firstWin = new HashMap<>();

    RampState(Window window) {
      this.window = window;
    }

    void hired(String repId, LocalDate date) {
      LocalDate before = hiredOn.putIfAbsent(repId, date);
      if (before != null && !before.equals(date)) {
        throw new IllegalArgumentException(
            "rep " + repId + " has two hired_on dates: " + before + " and " + date);
      }
    }

    void won(String repId, Instant closedAt) {
      firstWin.merge(repId, closedAt, DealDefinitions::min);
    }

    void merge(RampState other) {
      other.hiredOn.forEach(this::hired);
      other.firstWin.forEach(this::won);
    }

    DurationStats result() {
      Period period = window.period();
      ZoneId zone = period == null ? ZoneOffset.UTC : period.zone();
      DurationStatsAccumulator acc = new DurationStatsAccumulator();
      for (Map.Entry<String, LocalDate> e : hiredOn.entrySet()) {
        Instant first = firstWin.get(e.getKey());
        if (first != null && window.contains(first)) {
          acc.addBetween(e.getValue().atStartOfDay(zone).toInstant(), first);
        }
      }
      return acc.snapshot();
    }
  }

  static Metric<SalesRecord, DurationStats> repRampTime() {
    return Metric.builder("rep_ramp_time", SalesRecord.class)
        .reads(Rep.class, Deal.class)
        .description("days from hired_on to the rep's first won deal, over reps with both")
        .unit(MetricUnit.DAYS)
        .spanning("closed_at of each rep's first won deal")
        .accumulate(
            RampState::new,
            (s, record, window) -> {
              if (record instanceof Rep rep) {
                if (rep.hiredOn() != null) {
                  s.hired(rep.id(), rep.hiredOn());
                }
              } else if (record instanceof Deal deal && deal.status() == DealStatus.WON) {
                s.won(deal.repId(), deal.closedAt());
              }
            },
            RampState::merge,
            RampState::result);
  }
}
