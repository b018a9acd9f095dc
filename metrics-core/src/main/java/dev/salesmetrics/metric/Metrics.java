package dev.salesmetrics.metric;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.time.Granularity;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The built-in metric catalogue (docs/METRICS.md): every metric as a constant, with factories for
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
  public static final Metric<Deal, Count> DEALS_WON =
      DealDefinitions.dealsWon();

  /**
   * Sales volume: the total amount of the deals won in the period.
   *
   * <p>{@code Σ amount(deal : status = won and closed_at in P)}, exact. Reads {@code Deal}, placed
   * by {@code closed_at}. With no won deal the result is {@link Amount#empty()} (undefined: there
   * is no currency to state a zero in); a metric built with {@link #salesVolume(CurrencyConverter,
   * Currency)} answers {@code 0} in its target currency instead. Unit: money. Throws
   * {@link CurrencyMismatchException} on a second currency. Cost: O(1) per
   * deal, O(1) state.
   */
  public static final Metric<Deal, Amount> SALES_VOLUME =
      DealDefinitions.salesVolume(Conversion.NONE);

  /**
   * Win rate: of the deals closed in the period, the fraction that were won, {@code won / (won +
   * lost)}.
   *
   * <p>Reads {@code Deal}, placed by {@code closed_at}; open deals are ignored. A lost deal without
   * an amount counts like any other. With no closed deal the result is {@link Ratio#empty()}:
   * undefined, never 0. Unit: ratio in [0, 1]. Cost: O(1) per deal, O(1) state.
   */
  public static final Metric<Deal, Ratio> WIN_RATE =
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
  public static final Metric<Deal, Ratio> WIN_RATE_ALL_CREATED =
      DealDefinitions.winRateAllCreated();

  /**
   * Average deal size: the mean amount of the deals won in the period.
   *
   * <p>{@code Σ amount / count} over won deals with {@code closed_at} in P, rounded HALF_EVEN to
   * the minor unit; the {@link MoneyStats} also gives count, sum, min and max. Reads {@code Deal},
   * placed by {@code closed_at}. Empty (every statistic undefined) with no won deal. Unit: money.
   * Throws {@link CurrencyMismatchException} on a second currency. Cost:
   * O(1) per deal, O(1) state.
   */
  public static final Metric<Deal, MoneyStats> AVERAGE_DEAL_SIZE =
      DealDefinitions.averageDealSize(Conversion.NONE);

  /**
   * Sales cycle: how long won deals took, from creation to close, for deals won in the period.
   *
   * <p>Duration statistics (count, mean, median, p90, min, max) of {@code closed_at − created_at}
   * over won deals with {@code closed_at} in P. Reads {@code Deal}, placed by {@code closed_at}.
   * Empty with no won deal. Unit: days of 86,400 s. Cost: O(1) per deal, O(won deals) state.
   */
  public static final Metric<Deal, DurationStats> SALES_CYCLE =
      DealDefinitions.salesCycle();

  /**
   * Pipeline value: the total amount of the deals open at the start of the period.
   *
   * <p>{@code Σ amount(deal : created_at < P.start and (closed_at absent or closed_at >=
   * P.start))}, exact. Reads {@code Deal}; needs a period; spanning (an open deal counts in every
   * period it is open at the start of). An open deal without an amount ({@link Deal#hasAmount()}
   * false) adds nothing and is not in the sum's count. With no open deal that has an amount the
   * result is {@link Amount#empty()} (no currency), or {@code 0} in the target currency when built
   * with a converter. Unit: money. Cost: O(1) per deal, O(1) state.
   */
  public static final Metric<Deal, Amount> PIPELINE_VALUE =
      DealDefinitions.pipelineValue(Conversion.NONE);

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
   * #DEFAULT_STAGE_PROBABILITIES}, else {@link #DEFAULT_PROBABILITY}; no open deal with an amount
   * is dropped, and one without an amount adds nothing (and needs no probability). The
   * stage is the deal's stage as known (at the window's as-of instant, if any). The products are
   * summed exactly (the probability taken as its shortest decimal form, {@code 0.1} as 1/10) and
   * the sum is rounded once, HALF_EVEN, to the minor unit. Reads {@code Deal}; needs a period;
   * spanning. With no open deal the result is {@link Amount#empty()}. Unit: money. Cost: O(1) per
   * deal, O(1) state. Other weights: {@link #weightedPipeline(Map, double)}.
   */
  public static final Metric<Deal, Amount> WEIGHTED_PIPELINE =
      weightedPipeline(DEFAULT_STAGE_PROBABILITIES, DEFAULT_PROBABILITY);

  /**
   * Pipeline coverage: how many times the pipeline at the period start covers the quota for the
   * period.
   *
   * <p>{@code Ratio(pipeline_value(P), quota for P)} in minor units of one currency. The quota for
   * P sums the {@code Quota} records: a quota whose period lies inside P counts fully, one that
   * overlaps P partly counts for the share of its duration inside P (rounded HALF_EVEN to the minor
   * unit), one outside P not at all; open deals without an amount add nothing to the pipeline, as in
   * {@link #PIPELINE_VALUE}. Reads {@code Deal} and {@code Quota}; needs a period;
   * spanning. Undefined when the quota for P is 0. Unit: ratio, may exceed 1. Pipeline and quotas
   * must share a currency (else {@link CurrencyMismatchException}). Cost:
   * O(1) per record, O(1) state.
   */
  public static final Metric<SalesRecord, Ratio> PIPELINE_COVERAGE =
      DealDefinitions.pipelineCoverage(Conversion.NONE, false);

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
  public static final Metric<SalesRecord, Ratio>
      PIPELINE_COVERAGE_REMAINING_QUOTA =
          DealDefinitions.pipelineCoverage(Conversion.NONE, true);

  /**
   * Sales velocity: the money the pipeline turns into per day, {@code open deals at P.start ×
   * win_rate(P) × average_deal_size(P) ÷ mean sales_cycle(P)}.
   *
   * <p>Computed exactly from counts and sums, {@code open × Σwon amount × won × 86,400,000 ÷
   * (closed × Σcycle ms)}, and rounded once, HALF_EVEN, to the minor unit (the average deal size is
   * not rounded first). A deal without an amount counts as an open deal at P.start and as a closed
   * deal of the win rate (it is one of the opportunities); only won deals, which always have an
   * amount, give amounts. Reads {@code Deal}; needs a period; spanning. Undefined ({@link
   * Amount#undefined}) when no deal closed in P, no deal was won in P, or the mean cycle is 0; no
   * open deal at P.start gives 0. Sample size: the closed deals in P. Unit: money per day. Cost:
   * O(1) per deal, O(1) state.
   */
  public static final Metric<Deal, Amount> SALES_VELOCITY =
      DealDefinitions.salesVelocity(Conversion.NONE);

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
   * deal, O(stages) state. Other orders: {@link #stageConversion(List)}.
   */
  public static final Metric<Deal, StageFunnel> STAGE_CONVERSION =
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
  public static final Metric<SalesRecord, Ratio> QUOTA_ATTAINMENT =
      DealDefinitions.quotaAttainment(Conversion.NONE);

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
  public static final Metric<SalesRecord, DurationStats> REP_RAMP_TIME =
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
  public static Metric<Deal, Amount> salesVolume(
      CurrencyConverter converter, Currency target) {
    return DealDefinitions.salesVolume(Conversion.to(converter, target));
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
  public static Metric<Deal, MoneyStats> averageDealSize(
      CurrencyConverter converter, Currency target) {
    return DealDefinitions.averageDealSize(Conversion.to(converter, target));
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
  public static Metric<Deal, Amount> pipelineValue(
      CurrencyConverter converter, Currency target) {
    return DealDefinitions.pipelineValue(Conversion.to(converter, target));
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
  public static Metric<Deal, Amount> weightedPipeline(
      Map<String, Double> stageProbabilities, double defaultProbability) {
    return DealDefinitions.weightedPipeline(
        new DealDefinitions.StageProbabilities(stageProbabilities, defaultProbability),
        Conversion.NONE);
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
  public static Metric<Deal, Amount> weightedPipeline(
      Map<String, Double> stageProbabilities) {
    return DealDefinitions.weightedPipeline(
        new DealDefinitions.StageProbabilities(stageProbabilities, null),
        Conversion.NONE);
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
  public static Metric<Deal, Amount> weightedPipeline(
      Map<String, Double> stageProbabilities,
      double defaultProbability,
      CurrencyConverter converter,
      Currency target) {
    return DealDefinitions.weightedPipeline(
        new DealDefinitions.StageProbabilities(stageProbabilities, defaultProbability),
        Conversion.to(converter, target));
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
  public static Metric<SalesRecord, Ratio> pipelineCoverage(
      CurrencyConverter converter, Currency target) {
    return DealDefinitions.pipelineCoverage(
        Conversion.to(converter, target), false);
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
  public static Metric<SalesRecord, Ratio> pipelineCoverageRemainingQuota(
      CurrencyConverter converter, Currency target) {
    return DealDefinitions.pipelineCoverage(Conversion.to(converter, target), true);
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
  public static Metric<Deal, Amount> salesVelocity(
      CurrencyConverter converter, Currency target) {
    return DealDefinitions.salesVelocity(Conversion.to(converter, target));
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
  public static Metric<Deal, StageFunnel> stageConversion(
      List<String> stageOrder) {
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
  public static Metric<SalesRecord, Ratio> quotaAttainment(
      CurrencyConverter converter, Currency target) {
    return DealDefinitions.quotaAttainment(Conversion.to(converter, target));
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

  /**
   * Leads created: the number of leads whose {@code created_at} lies in the period.
   *
   * <p>Formula {@code count(leads with created_at in P)}. Reads {@code Lead}; placed by {@code
   * created_at}. Never undefined: no leads give 0. Unit: count. Cost: O(1) per lead.
   */
  public static final Metric<Lead, Count> LEADS_CREATED =
      LeadDefinitions.leadsCreated();

  /**
   * Lead contact completeness: of the contact fields (name, email, phone) of the leads created in
   * the period, the fraction present.
   *
   * <p>Formula {@code Ratio(Σ fields present, 3 × leads)} over leads with {@code created_at} in P.
   * A name is present when not blank; an email when it has exactly one {@code @}, a non-empty part
   * before it and a dot in the part after it; a phone when, after removing spaces, dashes, dots
   * and parentheses and then one leading {@code +}, it is 7 to 15 ASCII digits. The company is not
   * counted. Reads {@code Lead}; placed by {@code created_at}. Undefined ({@code 0/0}) with no
   * leads. Unit: ratio in [0, 1]. Cost: O(length of the fields) per lead.
   */
  public static final Metric<Lead, Ratio> LEAD_CONTACT_COMPLETENESS =
      LeadDefinitions.leadContactCompleteness();

  /**
   * Lead score: the mean weighted score (0 to 100) of the leads created in the period, under
   * {@link LeadScoreModel#defaults()}.
   *
   * <p>Formula {@code Σ model.score(lead) / leads} over leads with {@code created_at} in P; the
   * default model weights contact completeness 40, source 30 and first-contact speed 30 (see
   * {@link LeadScoreModel}). A lead not yet contacted (as of the window) scores 0 for speed. Reads
   * {@code Lead}; placed by {@code created_at}. Undefined with no leads. Unit: score in [0, 100].
   * Cost: O(1) per lead. Use {@link #leadScore(LeadScoreModel)} for your own weights.
   */
  public static final Metric<Lead, Score> LEAD_SCORE =
      LeadDefinitions.leadScore(LeadScoreModel.defaults());

  /**
   * Lead conversion rate: of the leads created in the period, the fraction that have converted.
   *
   * <p>Formula {@code Ratio(leads created in P with converted_at set, leads created in P)}; the
   * conversion may lie after P (as of the window's instant, if any). Reads {@code Lead}; placed by
   * {@code created_at}. Undefined with no leads. Unit: ratio in [0, 1]. Cost: O(1) per lead.
   */
  public static final Metric<Lead, Ratio> LEAD_CONVERSION_RATE =
      LeadDefinitions.leadConversionRate();

  /**
   * Lead time to convert: statistics of the time from creation to conversion of the leads
   * converted in the period.
   *
   * <p>Formula {@code stats(converted_at − created_at)} over leads with {@code converted_at} in P.
   * Reads {@code Lead}; placed by {@code converted_at}. Empty (count 0) with no conversions. Unit:
   * days of 86,400 s (count, mean, median, p90). Cost: 8 bytes per converted lead.
   */
  public static final Metric<Lead, DurationStats> LEAD_TIME_TO_CONVERT =
      LeadDefinitions.leadTimeToConvert();

  /**
   * Lead time to first contact: statistics of the time from creation to first contact of the
   * leads first contacted in the period.
   *
   * <p>Formula {@code stats(first_contact_at − created_at)} over leads with {@code
   * first_contact_at} in P. Reads {@code Lead}; placed by {@code first_contact_at}. Empty with no
   * first contacts. Unit: days of 86,400 s. Cost: 8 bytes per contacted lead.
   */
  public static final Metric<Lead, DurationStats>
      LEAD_TIME_TO_FIRST_CONTACT =
          LeadDefinitions.leadTimeToFirstContact();

  /**
   * Customer acquisition cost: the campaign spend attributed to the period divided by the
   * customers who signed up in it.
   *
   * <p>Formula {@code Σ attributed spend / count(customers with signed_up_at in P)}, rounded
   * HALF_EVEN to the minor unit. A campaign's spend is spread evenly over the days of {@code
   * [start_date, end_date]} (inclusive); its attributed amount is {@code spend × days inside P ÷
   * days}, rounded HALF_EVEN to the minor unit per campaign, where a day is inside P when its start
   * (local midnight in P's zone) lies in P. Without a period all spend counts. Reads {@code
   * Campaign} and {@code Customer} (other records are ignored); spanning. Undefined when no
   * customer signed up in P or no campaign was read. Unit: money. Throws {@link
   * CurrencyMismatchException} for campaigns in two currencies; see {@link
   * #customerAcquisitionCost(CurrencyConverter, Currency)}. Cost: O(1) per record.
   */
  public static final Metric<SalesRecord, Amount> CUSTOMER_ACQUISITION_COST =
      MarketingDefinitions.customerAcquisitionCost(Conversion.NONE);

  /**
   * Cost per lead: the campaign spend attributed to the period divided by the leads created in
   * it.
   *
   * <p>Formula {@code Σ attributed spend / count(leads with created_at in P)}, rounded HALF_EVEN to
   * the minor unit, with spend attributed by days as for {@link #CUSTOMER_ACQUISITION_COST}. All
   * leads count, with or without a campaign (a blended cost per lead); grouped by campaign, each
   * campaign's spend is divided by its own leads (the lead's {@code campaign_id}). Reads {@code
   * Campaign} and {@code Lead}; spanning. Undefined when no lead was created in P or no campaign
   * was read. Unit: money. Cost: O(1) per record.
   */
  public static final Metric<SalesRecord, Amount> COST_PER_LEAD =
      MarketingDefinitions.costPerLead(Conversion.NONE);

  /**
   * Campaign ROI: the won amount of the deals that came from the campaigns' leads, less the
   * campaigns' spend, over that spend, across the campaigns' whole life.
   *
   * <p>Formula {@code Ratio(Σ won deal amounts − Σ spend, Σ spend)} in minor units, where a deal
   * counts when it is won and its {@code lead_id} names a lead whose {@code campaign_id} names a
   * campaign read. Not period-based: deals and leads count whenever they happened; a window's
   * period selects the campaigns whose {@code start_date} (local midnight in P's zone) lies in P,
   * and without a period every campaign counts. As of t, deals won after t do not count. Records
   * are joined by id, so any split of the input merges exactly; the same id with different data
   * is an error. Reads {@code Campaign}, {@code Deal} and {@code Lead}; spanning. Undefined when
   * the campaigns' spend is 0 or no campaign is read. Unit: ratio, may be negative or above 1.
   * Cost: memory per campaign, per lead with a campaign and per won deal with a lead.
   */
  public static final Metric<SalesRecord, Ratio> CAMPAIGN_ROI =
      MarketingDefinitions.campaignRoi(Conversion.NONE);

  /**
   * Net Promoter Score: promoters minus detractors, as a percentage of the NPS answers given in
   * the period.
   *
   * <p>Formula {@code (count(9–10) − count(0–6)) / answers × 100} over NPS-scale answers with
   * {@code responded_at} in P; CSAT answers are ignored. Reads {@code SurveyResponse}; placed by
   * {@code responded_at}. Undefined with no NPS answers. Unit: score in [−100, 100]. Cost: O(1)
   * per answer.
   */
  public static final Metric<SurveyResponse, Score> NPS =
      SentimentDefinitions.nps();

  /**
   * Customer satisfaction: of the CSAT answers given in the period, the fraction that are 4 or 5.
   *
   * <p>Formula {@code Ratio(answers >= 4, answers)} over CSAT-scale (1–5) answers with {@code
   * responded_at} in P; NPS answers are ignored. Reads {@code SurveyResponse}; placed by {@code
   * responded_at}. Undefined with no CSAT answers. Unit: ratio in [0, 1]. Cost: O(1) per answer.
   */
  public static final Metric<SurveyResponse, Ratio> CSAT =
      SentimentDefinitions.csat();

  /**
   * Units sold: the total quantity of the lines of the paid orders placed in the period.
   *
   * <p>Formula {@code Σ line.quantity} over lines of orders with status paid and {@code placed_at}
   * in P. An order without lines counts as 1 unit (an order sells at least one thing; it is not
   * dropped). Refunded orders are ignored. Reads {@code Order}; placed by {@code placed_at}. Never
   * undefined: no orders give 0. Unit: count. Cost: O(lines) per order.
   */
  public static final Metric<Order, Count> UNITS_SOLD =
      ProductDefinitions.unitsSold();

  /**
   * Product revenue share: each product's share of the line revenue of the paid orders placed in
   * the period, as a table.
   *
   * <p>Formula, per product {@code Ratio(Σ its line amounts, Σ all line amounts)} in minor units,
   * over lines of paid orders with {@code placed_at} in P. The denominator is over all products,
   * so the result is a {@link Shares} table (product → ratio) rather than one ratio per group; for
   * one product use {@link #productRevenueShare(String)}. An order without lines counts as one
   * line of product {@link Shares#UNKNOWN_PRODUCT} for its whole amount, so the shares add up to
   * all revenue. Reads {@code Order}; placed by {@code placed_at}. Empty with no paid order in P;
   * every share undefined when all revenue is 0. Unit: table of ratios. Throws {@link
   * CurrencyMismatchException} for orders in two currencies; see {@link
   * #productRevenueShare(CurrencyConverter, Currency)}. Cost: memory per product.
   */
  public static final Metric<Order, Shares> PRODUCT_REVENUE_SHARE =
      ProductDefinitions.productRevenueShares(Conversion.NONE);

  private static final ImmutableList<Metric<?, ?>> LEAD_METRICS =
      ImmutableList.of(
          LEADS_CREATED,
          LEAD_CONTACT_COMPLETENESS,
          LEAD_SCORE,
          LEAD_CONVERSION_RATE,
          LEAD_TIME_TO_CONVERT,
          LEAD_TIME_TO_FIRST_CONTACT,
          CUSTOMER_ACQUISITION_COST,
          COST_PER_LEAD,
          CAMPAIGN_ROI,
          NPS,
          CSAT,
          UNITS_SOLD,
          PRODUCT_REVENUE_SHARE);

  /**
   * Returns {@link #LEAD_SCORE} under {@code model}: the mean of {@code model.score(lead)} over
   * the leads created in the period, id {@code lead_score}.
   *
   * @param model the weights and component scales
   * @return the metric
   * @throws NullPointerException if {@code model} is null
   */
  public static Metric<Lead, Score> leadScore(LeadScoreModel model) {
    return LeadDefinitions.leadScore(model);
  }

  /**
   * Returns {@link #CUSTOMER_ACQUISITION_COST} with every campaign's attributed spend converted
   * into {@code target} at the start of the campaign's {@code start_date} (in the period's zone,
   * UTC without a period), before it is added. Rounding is the converter's, once per campaign.
   *
   * @param converter the converter
   * @param target the currency of the result
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<SalesRecord, Amount> customerAcquisitionCost(
      CurrencyConverter converter, Currency target) {
    return MarketingDefinitions.customerAcquisitionCost(
        Conversion.to(converter, target));
  }

  /**
   * Returns {@link #COST_PER_LEAD} with every campaign's attributed spend converted into {@code
   * target} as for {@link #customerAcquisitionCost(CurrencyConverter, Currency)}.
   *
   * @param converter the converter
   * @param target the currency of the result
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<SalesRecord, Amount> costPerLead(
      CurrencyConverter converter, Currency target) {
    return MarketingDefinitions.costPerLead(Conversion.to(converter, target));
  }

  /**
   * Returns {@link #CAMPAIGN_ROI} with amounts converted into {@code target} before they are
   * added: a campaign's spend at the start of its {@code start_date} (in the period's zone, UTC
   * without a period), a won deal's amount at its {@code closed_at}.
   *
   * @param converter the converter
   * @param target the currency of the amounts compared
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<SalesRecord, Ratio> campaignRoi(
      CurrencyConverter converter, Currency target) {
    return MarketingDefinitions.campaignRoi(Conversion.to(converter, target));
  }

  /**
   * Returns {@link #PRODUCT_REVENUE_SHARE} with every line amount converted into {@code target}
   * at its order's {@code placed_at} before it is added.
   *
   * @param converter the converter
   * @param target the currency the shares are computed in
   * @return the metric
   * @throws NullPointerException if an argument is null
   */
  public static Metric<Order, Shares> productRevenueShare(
      CurrencyConverter converter, Currency target) {
    return ProductDefinitions.productRevenueShares(
        Conversion.to(converter, target));
  }

  /**
   * Returns one product's share of the line revenue of the paid orders placed in the period,
   * {@code Ratio(product's line revenue, all line revenue)} in minor units: the {@code product}
   * entry of {@link #PRODUCT_REVENUE_SHARE}. Its id is {@code product_revenue_share.} followed by
   * the product lowercased with every character other than {@code a-z} and {@code 0-9} replaced
   * by {@code _} (so {@code "Widget Pro"} gives {@code product_revenue_share.widget_pro}).
   * Undefined when there is no line revenue; {@code 0/total} when the product sold nothing.
   *
   * @param product the product, as in the order lines ({@link Shares#UNKNOWN_PRODUCT} for orders
   *     without lines)
   * @return the metric
   * @throws NullPointerException if {@code product} is null
   * @throws IllegalArgumentException if {@code product} is blank
   */
  public static Metric<Order, Ratio> productRevenueShare(String product) {
    return ProductDefinitions.productRevenueShare(product, Conversion.NONE);
  }

  /**
   * Returns {@link #productRevenueShare(String)} with every line amount converted into {@code
   * target} at its order's {@code placed_at} before it is added.
   *
   * @param product the product
   * @param converter the converter
   * @param target the currency the share is computed in
   * @return the metric
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code product} is blank
   */
  public static Metric<Order, Ratio> productRevenueShare(
      String product, CurrencyConverter converter, Currency target) {
    return ProductDefinitions.productRevenueShare(
        product, Conversion.to(converter, target));
  }

  // ---- leads, marketing, sentiment, products: end -----------------------------------------



  // ---- orders and customers: begin --------------------------------------------------------

  /**
   * Revenue: the sum of the amounts of paid orders placed in the period, {@code Σ amount}.
   *
   * <p>Reads {@code Order}, placed by {@code placed_at}; refunded orders do not count. Unit: money,
   * exact; the sample size is the number of paid orders. With no paid order the result is {@link
   * Amount#empty()} (there is no currency to state a zero in), except for a metric built with a
   * converter ({@link #revenue(CurrencyConverter, Currency)}), which gives zero in its
   * target currency. Orders in two currencies throw {@code CurrencyMismatchException}. Cost: O(1)
   * per order.
   */
  public static final Metric<Order, Amount> REVENUE =
      OrderDefinitions.revenue(Conversion.NONE);

  /**
   * Orders: the count of paid orders placed in the period.
   *
   * <p>Reads {@code Order}, placed by {@code placed_at}; refunded orders do not count. Unit: count;
   * no order gives 0. Cost: O(1) per order.
   */
  public static final Metric<Order, Count> ORDERS =
      OrderDefinitions.orders();

  /**
   * Average order value: the mean amount of the paid orders placed in the period, {@code revenue /
   * orders}, rounded HALF_EVEN to the minor unit.
   *
   * <p>Reads {@code Order}, placed by {@code placed_at}. Unit: money; undefined ({@link
   * Amount#empty()}) with no paid order. Mixed currencies need {@link
   * #averageOrderValue(CurrencyConverter, Currency)}. Cost: O(1) per order.
   */
  public static final Metric<Order, Amount> AVERAGE_ORDER_VALUE =
      OrderDefinitions.averageOrderValue(Conversion.NONE);

  /**
   * Revenue growth: the change of revenue against the previous period, {@code Ratio(revenue(P) -
   * revenue(P-1), revenue(P-1))} in minor units, with {@code P-1 = P.previous()}.
   *
   * <p>Reads {@code Order} (paid, placed in P or P-1); spanning, since orders of P-1 count too.
   * Needs a period of a granularity. Unit: ratio, may be negative or above 1; undefined when
   * revenue(P-1) is 0 (no paid order in P-1, or only zero amounts). Mixed currencies need {@link
   * #revenueGrowth(CurrencyConverter, Currency)}. Cost: O(1) per order.
   */
  public static final Metric<Order, Ratio> REVENUE_GROWTH =
      OrderDefinitions.revenueGrowth(Conversion.NONE);

  /**
   * Revenue per buyer: revenue divided by the distinct customers with a paid order placed in the
   * period, {@code revenue / buyers}, rounded HALF_EVEN to the minor unit.
   *
   * <p>Reads {@code Order}, placed by {@code placed_at}. Unit: money; the sample size is the number
   * of buyers; undefined with no paid order. Cost: O(1) per order, memory O(buyers).
   */
  public static final Metric<Order, Amount> REVENUE_PER_BUYER =
      OrderDefinitions.revenuePerBuyer(Conversion.NONE);

  /**
   * ARPU, average revenue per user: revenue in the period divided by the customers active at any
   * instant in it, {@code revenue(P) / active(P)}, rounded HALF_EVEN to the minor unit.
   *
   * <p>A customer is active at some instant of P when {@code signed_up_at < P.end} and ({@code
   * cancelled_at} is null or {@code cancelled_at > P.start}), and {@code cancelled_at >
   * signed_up_at} (a customer cancelled at its sign-up instant was never active). Without a period:
   * every customer ever active. Revenue counts every paid order placed in P, whether or not its
   * customer is among the records. Reads {@code Order} and {@code Customer} (give each customer
   * once); spanning. Unit: money; the sample size is the number of active customers. Undefined with
   * no active customer; with active customers but no paid order, undefined too (no currency) unless
   * built with a converter, which gives zero. Cost: O(1) per record.
   */
  public static final Metric<SalesRecord, Amount> ARPU =
      OrderDefinitions.arpu(Conversion.NONE);

  /**
   * Purchase frequency: paid orders per distinct buying customer in the period, {@code orders /
   * buyers}.
   *
   * <p>Reads {@code Order}, placed by {@code placed_at}. Unit: number ({@link Score}, at least 1
   * when defined); the sample size is the number of buyers; undefined with no paid order. Cost:
   * O(1) per order, memory O(buyers).
   */
  public static final Metric<Order, Score> PURCHASE_FREQUENCY =
      OrderDefinitions.purchaseFrequency();

  /**
   * Repeat purchase rate: of the customers with a paid order placed in the period, the fraction
   * with two or more, {@code Ratio(customers with >= 2, customers with >= 1)}.
   *
   * <p>Reads {@code Order}, placed by {@code placed_at}. Unit: ratio in [0, 1]; undefined with no
   * paid order. Cost: O(1) per order, memory O(buyers).
   */
  public static final Metric<Order, Ratio> REPEAT_PURCHASE_RATE =
      OrderDefinitions.repeatPurchaseRate();

  /**
   * Historic CLV: per customer, the sum of its paid orders placed before the period end (over all
   * time without a period); the result summarises these per-customer totals as {@link MoneyStats}:
   * count = customers, {@code sum()} = the total, {@code mean()} = the mean per customer
   * (HALF_EVEN), min and max.
   *
   * <p>Only customers with at least one paid order up to P.end appear. Reads {@code Order};
   * spanning, since orders before P count. Unit: money; empty with no paid order. Cost: O(1) per
   * order, memory O(customers).
   */
  public static final Metric<Order, MoneyStats> HISTORIC_CLV =
      OrderDefinitions.historicClv(Conversion.NONE);

  /**
   * Simple CLV: ARPU over the period divided by its churn rate, with a gross margin of 1.0
   * (revenue, not profit), {@code arpu(P) x 1.0 / churn_rate(P)}.
   *
   * <p>Reads {@code Order} and {@code Customer}; spanning; needs a period. Unit: money, rounded
   * once HALF_EVEN; undefined when churn is 0 or undefined. For another margin, and the details,
   * see {@link #simpleClv(double)}. Cost: O(1) per record.
   */
  public static final Metric<SalesRecord, Amount> SIMPLE_CLV =
      OrderDefinitions.simpleClv(1.0, Conversion.NONE);

  /**
   * New customers: the count of customers with {@code signed_up_at} in the period.
   *
   * <p>Reads {@code Customer}, placed by {@code signed_up_at}. Unit: count; none gives 0. Cost:
   * O(1) per customer.
   */
  public static final Metric<Customer, Count> NEW_CUSTOMERS =
      OrderDefinitions.newCustomers();

  /**
   * Activation rate: of the customers signed up in the period, the fraction with {@code
   * activated_at} set (at any time, or by the as-of instant), {@code Ratio(activated, signed up)}.
   *
   * <p>Reads {@code Customer}, placed by {@code signed_up_at}. Unit: ratio in [0, 1]; undefined
   * with no sign-up in P. Cost: O(1) per customer.
   */
  public static final Metric<Customer, Ratio> ACTIVATION_RATE =
      OrderDefinitions.activationRate();

  /**
   * Churn rate: of the customers active at the period start, the fraction with {@code cancelled_at}
   * in the period, {@code Ratio(active at P.start and cancelled in P, active at P.start)}.
   *
   * <p>Customers signed up during P do not count. A customer cancelled exactly at P.end is not lost
   * in P (P is half-open) and, not being active at the next period's start, in no period: it is
   * also not retained. Reads {@code Customer}; spanning; needs a period. Unit: ratio in [0, 1];
   * undefined with no customer active at P.start. Cost: O(1) per customer.
   */
  public static final Metric<Customer, Ratio> CHURN_RATE =
      OrderDefinitions.churnRate();

  /**
   * Churn rate counting new customers: of the customers active at the period start or signed up in
   * it, the fraction with {@code cancelled_at} in the period, {@code Ratio(lost in P, active at
   * P.start + new in P)}.
   *
   * <p>Lost counts only customers of the denominator, so the rate stays in [0, 1] (a customer
   * cancelled exactly at P.start is neither). Reads {@code Customer}; spanning; needs a period.
   * Unit: ratio; undefined with no customer active at P.start and none new. Cost: O(1) per
   * customer.
   */
  public static final Metric<Customer, Ratio> CHURN_RATE_WITH_NEW =
      OrderDefinitions.churnRateWithNew();

  /**
   * Retention rate: of the customers active at the period start, the fraction still active at the
   * period end (the instant P.end), {@code Ratio(active at P.start and at P.end, active at
   * P.start)}.
   *
   * <p>Reads {@code Customer}; spanning; needs a period. Unit: ratio in [0, 1]; undefined with no
   * customer active at P.start. Cost: O(1) per customer.
   */
  public static final Metric<Customer, Ratio> RETENTION_RATE =
      OrderDefinitions.retentionRate();

  /**
   * Cohort retention by month: per monthly signup cohort and {@code k = 0, 1, ...} months later,
   * {@code Ratio(cohort customers active at the end of month k, cohort size)}.
   *
   * <p>Reads {@code Customer}; spanning. Unit: table ({@link CohortTable}); a cell exists only for
   * months ended by the horizon. For other granularities, the horizon and the cohorts chosen, see
   * {@link #cohortRetention(Granularity)}. Cost: O(1) per customer, whatever its dates; the table
   * has one cell per cohort and month up to the horizon.
   */
  public static final Metric<Customer, CohortTable> COHORT_RETENTION =
      OrderDefinitions.cohortRetention(Granularity.MONTH);

  private static final ImmutableList<Metric<?, ?>> ORDER_METRICS =
      ImmutableList.of(
          REVENUE,
          ORDERS,
          AVERAGE_ORDER_VALUE,
          REVENUE_GROWTH,
          REVENUE_PER_BUYER,
          ARPU,
          PURCHASE_FREQUENCY,
          REPEAT_PURCHASE_RATE,
          HISTORIC_CLV,
          SIMPLE_CLV,
          NEW_CUSTOMERS,
          ACTIVATION_RATE,
          CHURN_RATE,
          CHURN_RATE_WITH_NEW,
          RETENTION_RATE,
          COHORT_RETENTION);

  /**
   * Returns {@link #REVENUE} over orders in any currency: each paid order's amount is converted
   * into {@code target} at its {@code placed_at} before it is added (rounding once per order, as
   * the converter does). With no paid order the result is zero in {@code target}.
   *
   * @param converter converts each amount
   * @param target the currency of the result
   * @return the metric, id {@code revenue}
   */
  public static Metric<Order, Amount> revenue(
      CurrencyConverter converter, Currency target) {
    return OrderDefinitions.revenue(Conversion.to(converter, target));
  }

  /**
   * Returns {@link #AVERAGE_ORDER_VALUE} over orders in any currency, each converted into {@code
   * target} at its {@code placed_at} before it is added.
   *
   * @param converter converts each amount
   * @param target the currency of the result
   * @return the metric, id {@code average_order_value}
   */
  public static Metric<Order, Amount> averageOrderValue(
      CurrencyConverter converter, Currency target) {
    return OrderDefinitions.averageOrderValue(
        Conversion.to(converter, target));
  }

  /**
   * Returns {@link #REVENUE_GROWTH} over orders in any currency, each converted into {@code target}
   * at its {@code placed_at} before it is added.
   *
   * @param converter converts each amount
   * @param target the currency both revenues are compared in
   * @return the metric, id {@code revenue_growth}
   */
  public static Metric<Order, Ratio> revenueGrowth(
      CurrencyConverter converter, Currency target) {
    return OrderDefinitions.revenueGrowth(Conversion.to(converter, target));
  }

  /**
   * Returns {@link #REVENUE_PER_BUYER} over orders in any currency, each converted into {@code
   * target} at its {@code placed_at} before it is added.
   *
   * @param converter converts each amount
   * @param target the currency of the result
   * @return the metric, id {@code revenue_per_buyer}
   */
  public static Metric<Order, Amount> revenuePerBuyer(
      CurrencyConverter converter, Currency target) {
    return OrderDefinitions.revenuePerBuyer(Conversion.to(converter, target));
  }

  /**
   * Returns {@link #ARPU} over orders in any currency, each converted into {@code target} at its
   * {@code placed_at} before it is added. With active customers and no paid order the result is
   * zero in {@code target}.
   *
   * @param converter converts each amount
   * @param target the currency of the result
   * @return the metric, id {@code arpu}
   */
  public static Metric<SalesRecord, Amount> arpu(
      CurrencyConverter converter, Currency target) {
    return OrderDefinitions.arpu(Conversion.to(converter, target));
  }

  /**
   * Returns {@link #HISTORIC_CLV} over orders in any currency, each converted into {@code target}
   * at its {@code placed_at} before it is added.
   *
   * @param converter converts each amount
   * @param target the currency of the result
   * @return the metric, id {@code historic_clv}
   */
  public static Metric<Order, MoneyStats> historicClv(
      CurrencyConverter converter, Currency target) {
    return OrderDefinitions.historicClv(Conversion.to(converter, target));
  }

  /**
   * Returns simple CLV: ARPU over the period times the gross margin, divided by the churn rate of
   * the period, {@code arpu(P) x grossMargin / churn_rate(P)}.
   *
   * <p>Computed exactly from the counts, {@code revenue x grossMargin x activeAtStart / (active x
   * lost)}, and rounded once HALF_EVEN to the minor unit (not from the rounded ARPU). Reads {@code
   * Order} and {@code Customer} as {@link #ARPU} and {@link #CHURN_RATE} do; spanning; needs a
   * period. Unit: money; the sample size is the number of customers active in P. Undefined when
   * churn is 0 (no active customer at P.start was lost) or undefined (none was active at P.start),
   * and, without a converter, when no paid order gives the currency. {@link #SIMPLE_CLV} uses a
   * gross margin of 1.0 (revenue, not profit).
   *
   * @param grossMargin the fraction of revenue kept as gross profit, in (0, 1]
   * @return the metric, id {@code simple_clv}
   * @throws IllegalArgumentException if the margin is not in (0, 1]
   */
  public static Metric<SalesRecord, Amount> simpleClv(double grossMargin) {
    return OrderDefinitions.simpleClv(grossMargin, Conversion.NONE);
  }

  /**
   * Returns {@link #simpleClv(double)} over orders in any currency, each converted into {@code
   * target} at its {@code placed_at} before it is added.
   *
   * @param grossMargin the fraction of revenue kept as gross profit, in (0, 1]
   * @param converter converts each amount
   * @param target the currency of the result
   * @return the metric, id {@code simple_clv}
   * @throws IllegalArgumentException if the margin is not in (0, 1]
   */
  public static Metric<SalesRecord, Amount> simpleClv(
      double grossMargin, CurrencyConverter converter, Currency target) {
    return OrderDefinitions.simpleClv(
        grossMargin, Conversion.to(converter, target));
  }

  /**
   * Returns cohort retention: one row per signup cohort (the period of {@code granularity}
   * containing {@code signed_up_at}, read in the window's zone and fiscal calendar, or UTC without
   * a period), and for {@code k = 0, 1, 2, ...} the cell {@code Ratio(cohort customers active at
   * the end of the k-th period after the cohort's own, cohort size)}.
   *
   * <p>With a period P, the cohorts are the customers signed up in P, followed to P.end; without
   * one, every customer. A cell for {@code k} exists when the end of that period is at or before
   * the horizon: the window's P.end, or its as-of instant if earlier, or, with neither, the latest
   * {@code signed_up_at} or {@code cancelled_at} among the records. "Active at the end" means
   * active at that instant: {@code cancelled_at} after it. Reads {@code Customer}; spanning. Unit:
   * table ({@link CohortTable}, whose {@code asDouble()} is empty). Cost: O(1) per customer,
   * whatever its dates (a cancellation after the window's horizon, even at {@code Instant.MAX},
   * changes no cell and is not placed); memory and the table O(cohorts x periods up to the
   * horizon). So with a window the cost is bounded by the periods asked for; without one, the
   * columns reach the latest date in the data, and an instant too near the ends of time to lie in
   * a period throws {@link java.time.DateTimeException} naming the customer.
   *
   * @param granularity the length of a cohort and of a column, e.g. {@code MONTH}
   * @return the metric, id {@code cohort_retention}
   */
  public static Metric<Customer, CohortTable> cohortRetention(
      Granularity granularity) {
    return OrderDefinitions.cohortRetention(granularity);
  }

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
