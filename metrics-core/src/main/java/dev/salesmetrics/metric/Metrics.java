package dev.salesmetrics.metric;

import com.google.common.collect.ImmutableList;

/**
 * The built-in metric catalogue of DESIGN.md: every metric as a constant, with factories for
 * those that take parameters, and lookup by id.
 *
 * <pre>{@code
 * Metrics.WIN_RATE.compute(deals, Window.of(march));
 * Metrics.byId("win_rate");
 * Metrics.all();
 * }</pre>
 *
 * <p>Every metric here is immutable and thread safe. See {@code docs/METRICS.md} for the exact
 * definitions with worked examples.
 */
public final class Metrics {
  private Metrics() {}

  // ---- deals: begin -----------------------------------------------------------------------
  // Types outside this package are written fully qualified so that this region needs no imports.

  /**
   * Deals won: the number of won deals closed in the period.
   *
   * <p>{@code count(deal : status = won and closed_at in P)}. Reads {@code Deal}, placed by {@code
   * closed_at}. Never undefined: no won deal gives {@code 0}. Unit: count. Cost: O(1) per deal,
   * O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.Deal, Count> DEALS_WON =
      DealDefinitions.dealsWon();

  /**
   * Sales volume: the total amount of the deals won in the period.
   *
   * <p>{@code Σ amount(deal : status = won and closed_at in P)}, exact. Reads {@code Deal}, placed
   * by {@code closed_at}. With no won deal the result is {@link Amount#empty()} (undefined: there
   * is no currency to state a zero in); a metric built with {@link #salesVolume(CurrencyConverter,
   * java.util.Currency)} answers {@code 0} in its target currency instead. Unit: money. Throws
   * {@link dev.salesmetrics.model.CurrencyMismatchException} on a second currency. Cost: O(1) per
   * deal, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.Deal, Amount> SALES_VOLUME =
      DealDefinitions.salesVolume(DealDefinitions.Conversion.NONE);

  /**
   * Win rate: of the deals closed in the period, the fraction that were won, {@code won / (won +
   * lost)}.
   *
   * <p>Reads {@code Deal}, placed by {@code closed_at}; open deals are ignored. With no closed deal
   * the result is {@link Ratio#empty()}: undefined, never 0. Unit: ratio in [0, 1]. Cost: O(1) per
   * deal, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.Deal, Ratio> WIN_RATE =
      DealDefinitions.winRate();

  /**
   * Win rate over all created deals: of the deals created in the period, the fraction that are won,
   * {@code won / all}.
   *
   * <p>A cohort view: a deal counts in the denominator when its {@code created_at} lies in P (open,
   * won or lost), and on top when it is won (whenever it closed, as known at the window's as-of
   * instant). Reads {@code Deal}, placed by {@code created_at}. Undefined ({@link Ratio#empty()})
   * when no deal was created in P. Unit: ratio in [0, 1]. Cost: O(1) per deal, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.Deal, Ratio> WIN_RATE_ALL_CREATED =
      DealDefinitions.winRateAllCreated();

  /**
   * Average deal size: the mean amount of the deals won in the period.
   *
   * <p>{@code Σ amount / count} over won deals with {@code closed_at} in P, rounded HALF_EVEN to
   * the minor unit; the {@link MoneyStats} also gives count, sum, min and max. Reads {@code Deal},
   * placed by {@code closed_at}. Empty (every statistic undefined) with no won deal. Unit: money.
   * Throws {@link dev.salesmetrics.model.CurrencyMismatchException} on a second currency. Cost:
   * O(1) per deal, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.Deal, MoneyStats> AVERAGE_DEAL_SIZE =
      DealDefinitions.averageDealSize(DealDefinitions.Conversion.NONE);

  /**
   * Sales cycle: how long won deals took, from creation to close, for deals won in the period.
   *
   * <p>Duration statistics (count, mean, median, p90, min, max) of {@code closed_at − created_at}
   * over won deals with {@code closed_at} in P. Reads {@code Deal}, placed by {@code closed_at}.
   * Empty with no won deal. Unit: days of 86,400 s. Cost: O(1) per deal, O(won deals) state.
   */
  public static final Metric<dev.salesmetrics.model.Deal, DurationStats> SALES_CYCLE =
      DealDefinitions.salesCycle();

  /**
   * Pipeline value: the total amount of the deals open at the start of the period.
   *
   * <p>{@code Σ amount(deal : created_at < P.start and (closed_at absent or closed_at >=
   * P.start))}, exact. Reads {@code Deal}; needs a period; spanning (an open deal counts in every
   * period it is open at the start of). With no open deal the result is {@link Amount#empty()} (no
   * currency), or {@code 0} in the target currency when built with a converter. Unit: money. Cost:
   * O(1) per deal, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.Deal, Amount> PIPELINE_VALUE =
      DealDefinitions.pipelineValue(DealDefinitions.Conversion.NONE);

  /**
   * The stage probabilities of {@link #WEIGHTED_PIPELINE}: lead 0.10, qualified 0.25, proposal
   * 0.50, negotiation 0.75, won 1.00, lost 0.00. Stage names are compared ignoring case.
   */
  public static final com.google.common.collect.ImmutableMap<String, Double>
      DEFAULT_STAGE_PROBABILITIES =
          com.google.common.collect.ImmutableMap.<String, Double>builder()
              .put("lead", 0.10)
              .put("qualified", 0.25)
              .put("proposal", 0.50)
              .put("negotiation", 0.75)
              .put("won", 1.00)
              .put("lost", 0.00)
              .buildOrThrow();

  /**
   * The probability {@link #WEIGHTED_PIPELINE} gives an open deal that has neither a probability
   * nor a stage in {@link #DEFAULT_STAGE_PROBABILITIES}: 0.10, the probability of the first stage,
   * {@code lead} (a deal nobody has staged is treated as being at the top of the funnel).
   */
  public static final double DEFAULT_PROBABILITY = 0.10;

  /**
   * Weighted pipeline: the pipeline value with each open deal weighted by its chance of winning.
   *
   * <p>{@code Σ amount × p} over deals open at P.start, where {@code p} is the deal's {@code
   * probability} if present, else the probability of its {@code stage} in {@link
   * #DEFAULT_STAGE_PROBABILITIES}, else {@link #DEFAULT_PROBABILITY}; no open deal is dropped. The
   * stage is the deal's stage as known (at the window's as-of instant, if any). The products are
   * summed exactly (the probability taken as its shortest decimal form, {@code 0.1} as 1/10) and
   * the sum is rounded once, HALF_EVEN, to the minor unit. Reads {@code Deal}; needs a period;
   * spanning. With no open deal the result is {@link Amount#empty()}. Unit: money. Cost: O(1) per
   * deal, O(1) state. Other weights: {@link #weightedPipeline(java.util.Map, double)}.
   */
  public static final Metric<dev.salesmetrics.model.Deal, Amount> WEIGHTED_PIPELINE =
      weightedPipeline(DEFAULT_STAGE_PROBABILITIES, DEFAULT_PROBABILITY);

  /**
   * Pipeline coverage: how many times the pipeline at the period start covers the quota for the
   * period.
   *
   * <p>{@code Ratio(pipeline_value(P), quota for P)} in minor units of one currency. The quota for
   * P sums the {@code Quota} records: a quota whose period lies inside P counts fully, one that
   * overlaps P partly counts for the share of its duration inside P (rounded HALF_EVEN to the minor
   * unit), one outside P not at all. Reads {@code Deal} and {@code Quota}; needs a period;
   * spanning. Undefined when the quota for P is 0. Unit: ratio, may exceed 1. Pipeline and quotas
   * must share a currency (else {@link dev.salesmetrics.model.CurrencyMismatchException}). Cost:
   * O(1) per record, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.SalesRecord, Ratio> PIPELINE_COVERAGE =
      DealDefinitions.pipelineCoverage(DealDefinitions.Conversion.NONE, false);

  /**
   * Pipeline coverage of the remaining quota: how many times the pipeline at the period start
   * covers what is left of the quota after the sales made so far.
   *
   * <p>{@code Ratio(pipeline_value(P), quota for P − won so far)}, where "won so far" is the amount
   * of won deals with {@code closed_at} in {@code [P.start, asOf)} when the window has an as-of
   * instant before P.end, else in P; quota for P as in {@link #PIPELINE_COVERAGE}. Undefined when
   * the remaining quota is {@code <= 0} (quota met or no quota): the ratio then has denominator 0
   * and keeps the pipeline as numerator. Reads {@code Deal} and {@code Quota}; needs a period;
   * spanning. Unit: ratio, may exceed 1. Cost: O(1) per record, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.SalesRecord, Ratio>
      PIPELINE_COVERAGE_REMAINING_QUOTA =
          DealDefinitions.pipelineCoverage(DealDefinitions.Conversion.NONE, true);

  /**
   * Sales velocity: the money the pipeline turns into per day, {@code open deals at P.start ×
   * win_rate(P) × average_deal_size(P) ÷ mean sales_cycle(P)}.
   *
   * <p>Computed exactly from counts and sums, {@code open × Σwon amount × won × 86,400,000 ÷
   * (closed × Σcycle ms)}, and rounded once, HALF_EVEN, to the minor unit (the average deal size is
   * not rounded first). Reads {@code Deal}; needs a period; spanning. Undefined ({@link
   * Amount#undefined}) when no deal closed in P, no deal was won in P, or the mean cycle is 0; no
   * open deal at P.start gives 0. Sample size: the closed deals in P. Unit: money per day. Cost:
   * O(1) per deal, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.Deal, Amount> SALES_VELOCITY =
      DealDefinitions.salesVelocity(DealDefinitions.Conversion.NONE);

  /** The stage order of {@link #STAGE_CONVERSION}: lead, qualified, proposal, negotiation, won. */
  public static final com.google.common.collect.ImmutableList<String> DEFAULT_STAGE_ORDER =
      com.google.common.collect.ImmutableList.of(
          "lead", "qualified", "proposal", "negotiation", "won");

  /**
   * Stage conversion: for each pair of consecutive stages {@code s → s'} of {@link
   * #DEFAULT_STAGE_ORDER}, the fraction of deals that entered {@code s} in the period and later
   * entered {@code s'}.
   *
   * <p>{@code Ratio(deals with an entry to s in P followed by any later entry to s', deals with an
   * entry to s in P)}, from the deal's stage history; "later" means a later history entry (not
   * necessarily the next one, and possibly after P.end), so skipped stages do not count as
   * converted. A deal counts once per step however often it entered a stage. Stage names are
   * compared ignoring case; a won deal counts as entering {@code won} only if its history says so.
   * The {@link StageFunnel} also holds the overall conversion first → last stage, which is its
   * {@code asDouble()}. Reads {@code Deal} (stage history); spanning. Each ratio is undefined when
   * no deal entered its first stage in P. Unit: table of ratios. Cost: O(stages × history) per
   * deal, O(stages) state. Other orders: {@link #stageConversion(java.util.List)}.
   */
  public static final Metric<dev.salesmetrics.model.Deal, StageFunnel> STAGE_CONVERSION =
      stageConversion(DEFAULT_STAGE_ORDER);

  /**
   * Quota attainment: the sales volume of the period as a fraction of the quota for the period.
   *
   * <p>{@code Ratio(sales_volume(P), quota for P)} in minor units; quota for P as in {@link
   * #PIPELINE_COVERAGE} (whole quotas inside P, partly overlapping ones prorated by duration,
   * HALF_EVEN); over all time every quota counts fully. Per rep, or summed per team, by grouping
   * the deals and quotas by {@code rep} or {@code team}. Reads {@code Deal} and {@code Quota};
   * spanning. Undefined when the quota for P is 0. Unit: ratio, may exceed 1. Cost: O(1) per
   * record, O(1) state.
   */
  public static final Metric<dev.salesmetrics.model.SalesRecord, Ratio> QUOTA_ATTAINMENT =
      DealDefinitions.quotaAttainment(DealDefinitions.Conversion.NONE);

  /**
   * Rep ramp time: the days from a rep's hire to the rep's first won deal.
   *
   * <p>Duration statistics of {@code first won closed_at − start of hired_on} over reps that have
   * both a {@code hired_on} and a won deal; the hire day starts at midnight in the period's zone,
   * or UTC over all time. Not period-based: each rep's first win is searched over all deals given
   * (as known at the as-of instant); a period only selects the reps whose first win lies in it (the
   * reps who ramped in P). A first win before the hire date gives a negative time, kept so that the
   * data error shows. Reads {@code Rep} and {@code Deal}; spanning. Empty when no rep has both. Two
   * {@code Rep} records of one id with different hire dates throw IllegalArgumentException. Unit:
   * days of 86,400 s. Cost: O(1) per record, O(reps) state.
   */
  public static final Metric<dev.salesmetrics.model.SalesRecord, DurationStats> REP_RAMP_TIME =
      DealDefinitions.repRampTime();

  /**
   * Returns {@link #SALES_VOLUME} over deals in several currencies, each won amount converted into
   * {@code target} at its {@code closed_at} before it is added; no won deal gives {@code 0} in
   * {@code target}.
   *
   * @param converter converts amounts (and rounds them, once per amount)
   * @param target the currency of the result
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<dev.salesmetrics.model.Deal, Amount> salesVolume(
      CurrencyConverter converter, java.util.Currency target) {
    return DealDefinitions.salesVolume(DealDefinitions.Conversion.to(converter, target));
  }

  /**
   * Returns {@link #AVERAGE_DEAL_SIZE} over deals in several currencies, each won amount converted
   * into {@code target} at its {@code closed_at} before it is added.
   *
   * @param converter converts amounts (and rounds them, once per amount)
   * @param target the currency of the result
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<dev.salesmetrics.model.Deal, MoneyStats> averageDealSize(
      CurrencyConverter converter, java.util.Currency target) {
    return DealDefinitions.averageDealSize(DealDefinitions.Conversion.to(converter, target));
  }

  /**
   * Returns {@link #PIPELINE_VALUE} over deals in several currencies, each open amount converted
   * into {@code target} at P.start before it is added; no open deal gives {@code 0} in {@code
   * target}.
   *
   * @param converter converts amounts (and rounds them, once per amount)
   * @param target the currency of the result
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<dev.salesmetrics.model.Deal, Amount> pipelineValue(
      CurrencyConverter converter, java.util.Currency target) {
    return DealDefinitions.pipelineValue(DealDefinitions.Conversion.to(converter, target));
  }

  /**
   * Returns {@link #WEIGHTED_PIPELINE} with other stage probabilities and default probability.
   *
   * @param stageProbabilities probability in [0, 1] by stage name (compared ignoring case)
   * @param defaultProbability in [0, 1], for an open deal with neither a probability nor a stage in
   *     the map
   * @return the metric
   * @throws IllegalArgumentException if a probability is outside [0, 1], a stage is blank, or two
   *     stages differ only in case
   */
  public static Metric<dev.salesmetrics.model.Deal, Amount> weightedPipeline(
      java.util.Map<String, Double> stageProbabilities, double defaultProbability) {
    return DealDefinitions.weightedPipeline(
        new DealDefinitions.StageProbabilities(stageProbabilities, defaultProbability),
        DealDefinitions.Conversion.NONE);
  }

  /**
   * Returns {@link #WEIGHTED_PIPELINE} with other stage probabilities and no default: an open deal
   * with neither a probability nor a stage in the map makes the accumulator throw
   * IllegalArgumentException naming the deal, so that no deal is weighted by a guess.
   *
   * @param stageProbabilities probability in [0, 1] by stage name (compared ignoring case)
   * @return the metric
   * @throws IllegalArgumentException if a probability is outside [0, 1], a stage is blank, or two
   *     stages differ only in case
   */
  public static Metric<dev.salesmetrics.model.Deal, Amount> weightedPipeline(
      java.util.Map<String, Double> stageProbabilities) {
    return DealDefinitions.weightedPipeline(
        new DealDefinitions.StageProbabilities(stageProbabilities, null),
        DealDefinitions.Conversion.NONE);
  }

  /**
   * Returns {@link #WEIGHTED_PIPELINE} with other probabilities over deals in several currencies,
   * each open amount converted into {@code target} at P.start before it is weighted.
   *
   * @param stageProbabilities probability in [0, 1] by stage name (compared ignoring case)
   * @param defaultProbability in [0, 1], for an open deal with neither a probability nor a stage in
   *     the map
   * @param converter converts amounts (and rounds them, once per amount)
   * @param target the currency of the result
   * @return the metric
   * @throws IllegalArgumentException if a probability is outside [0, 1], a stage is blank, or two
   *     stages differ only in case
   */
  public static Metric<dev.salesmetrics.model.Deal, Amount> weightedPipeline(
      java.util.Map<String, Double> stageProbabilities,
      double defaultProbability,
      CurrencyConverter converter,
      java.util.Currency target) {
    return DealDefinitions.weightedPipeline(
        new DealDefinitions.StageProbabilities(stageProbabilities, defaultProbability),
        DealDefinitions.Conversion.to(converter, target));
  }

  /**
   * Returns {@link #PIPELINE_COVERAGE} over deals and quotas in several currencies: open amounts
   * are converted at P.start, quotas at the start of their own period, before any proration.
   *
   * @param converter converts amounts (and rounds them, once per amount)
   * @param target the currency both sides are converted into
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<dev.salesmetrics.model.SalesRecord, Ratio> pipelineCoverage(
      CurrencyConverter converter, java.util.Currency target) {
    return DealDefinitions.pipelineCoverage(
        DealDefinitions.Conversion.to(converter, target), false);
  }

  /**
   * Returns {@link #PIPELINE_COVERAGE_REMAINING_QUOTA} over records in several currencies: open
   * amounts converted at P.start, won amounts at their {@code closed_at}, quotas at the start of
   * their own period.
   *
   * @param converter converts amounts (and rounds them, once per amount)
   * @param target the currency all amounts are converted into
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<dev.salesmetrics.model.SalesRecord, Ratio> pipelineCoverageRemainingQuota(
      CurrencyConverter converter, java.util.Currency target) {
    return DealDefinitions.pipelineCoverage(DealDefinitions.Conversion.to(converter, target), true);
  }

  /**
   * Returns {@link #SALES_VELOCITY} over deals in several currencies, each won amount converted
   * into {@code target} at its {@code closed_at} before it is added.
   *
   * @param converter converts amounts (and rounds them, once per amount)
   * @param target the currency of the result
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<dev.salesmetrics.model.Deal, Amount> salesVelocity(
      CurrencyConverter converter, java.util.Currency target) {
    return DealDefinitions.salesVelocity(DealDefinitions.Conversion.to(converter, target));
  }

  /**
   * Returns {@link #STAGE_CONVERSION} over another stage order.
   *
   * <pre>{@code
   * Metrics.stageConversion(List.of("discovery", "demo", "proposal", "closed won"))
   * }</pre>
   *
   * @param stageOrder at least two distinct, non-blank stage names, first to last (compared
   *     ignoring case)
   * @return the metric
   * @throws IllegalArgumentException if the order has fewer than two stages, a blank stage, or a
   *     stage twice
   */
  public static Metric<dev.salesmetrics.model.Deal, StageFunnel> stageConversion(
      java.util.List<String> stageOrder) {
    return DealDefinitions.stageConversion(stageOrder);
  }

  /**
   * Returns {@link #QUOTA_ATTAINMENT} over records in several currencies: won amounts converted at
   * their {@code closed_at}, quotas at the start of their own period, before any proration.
   *
   * @param converter converts amounts (and rounds them, once per amount)
   * @param target the currency all amounts are converted into
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<dev.salesmetrics.model.SalesRecord, Ratio> quotaAttainment(
      CurrencyConverter converter, java.util.Currency target) {
    return DealDefinitions.quotaAttainment(DealDefinitions.Conversion.to(converter, target));
  }

  private static final ImmutableList<Metric<?, ?>> DEAL_METRICS =
      ImmutableList.of(
          DEALS_WON,
          SALES_VOLUME,
          WIN_RATE,
          WIN_RATE_ALL_CREATED,
          AVERAGE_DEAL_SIZE,
          SALES_CYCLE,
          PIPELINE_VALUE,
          WEIGHTED_PIPELINE,
          PIPELINE_COVERAGE,
          PIPELINE_COVERAGE_REMAINING_QUOTA,
          SALES_VELOCITY,
          STAGE_CONVERSION,
          QUOTA_ATTAINMENT,
          REP_RAMP_TIME);

  // ---- deals: end -------------------------------------------------------------------------



  // ---- leads, marketing, sentiment, products: begin ---------------------------------------

  private static final ImmutableList<Metric<?, ?>> LEAD_METRICS = ImmutableList.of();

  // ---- leads, marketing, sentiment, products: end -----------------------------------------



  // ---- orders and customers: begin --------------------------------------------------------

  private static final ImmutableList<Metric<?, ?>> ORDER_METRICS = ImmutableList.of();

  // ---- orders and customers: end ----------------------------------------------------------



  private static final MetricRegistry REGISTRY =
      MetricRegistry.of(
          ImmutableList.<Metric<?, ?>>builder()
              .addAll(LEAD_METRICS)
              .addAll(DEAL_METRICS)
              .addAll(ORDER_METRICS)
              .build());

  /**
   * Returns the registry of every built-in metric, to extend with custom ones via {@link
   * MetricRegistry#with}.
   *
   * @return the built-in registry
   */
  public static MetricRegistry registry() {
    return REGISTRY;
  }

  /**
   * Returns the built-in metric with {@code id}, with its default parameters.
   *
   * @param id e.g. {@code "win_rate"} or {@code "win_rate.all_created"}
   * @return the metric
   * @throws IllegalArgumentException if no built-in metric has that id
   */
  public static Metric<?, ?> byId(String id) {
    return REGISTRY.byId(id);
  }

  /**
   * Returns every built-in metric, in catalogue order.
   *
   * @return the metrics
   */
  public static ImmutableList<Metric<?, ?>> all() {
    return REGISTRY.all();
  }
}
