package dev.salesmetrics.dashboard;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.rule.AlertEvent;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The figures of the default report page: the {@link MetricTable}s each panel is drawn from, and
 * the periods, alerts and names around them. {@link Report#builder(dev.salesmetrics.io.Dataset)}
 * computes them from a data set with {@link dev.salesmetrics.aggregate.Query}; a live page builds
 * or updates them from its own tables ({@link #toBuilder()}) and draws them with {@link
 * Report#of(Figures)}.
 *
 * <p>Each table has a fixed shape, which the panels read (a table or component left unset draws
 * its panel's "no data" text):
 *
 * <ul>
 *   <li>{@link #tiles()}: grouped by the period dimension only, over the {@link #tilePeriod()
 *       tile period} and the one before; metrics {@code sales_volume}, {@code win_rate}, {@code
 *       average_deal_size}, {@code sales_cycle}, {@code pipeline_value}, {@code
 *       pipeline_coverage}, {@code new_customers}, {@code churn_rate}, {@code nps} (any may be
 *       missing; the default page also holds {@code quota_attainment} there, which no tile
 *       shows);
 *   <li>{@link #trends()}: grouped by the period dimension only, over the trend periods and, for
 *       the dotted previous-year lines, the same periods a year earlier (other periods may be
 *       there too); metrics {@code sales_volume}, {@code revenue}, {@code win_rate}, {@code
 *       churn_rate} (any may be missing);
 *   <li>{@link #pipeline()}: grouped by a dimension {@code stage} (the deal's stage as known at
 *       {@link #asOf()}), metrics {@code pipeline_value} and {@code weighted_pipeline} over a
 *       period starting at {@code asOf};
 *   <li>{@link #leaderboard()}: grouped by {@code rep} or {@code team}, metrics {@code
 *       quota_attainment} and {@code sales_volume} over the tile period; or grouped by the
 *       period dimension and {@code rep} or {@code team} (a live view's table), of which the
 *       rows of the tile period are read;
 *   <li>{@link #goals()}: {@code quota_attainment} per rep or team over {@link #goalPeriod()} as
 *       of {@code asOf} (or, grouped by period too, the rows of the goal period), and {@link
 *       #goalsOverall()} that of everyone;
 *   <li>{@link #leads()}: grouped by {@code source}, metrics {@code leads_created}, {@code
 *       lead_score} and {@code lead_conversion_rate} over {@link #rangePeriod()}.
 * </ul>
 *
 * <p>Immutable and thread safe.
 */
public final class Figures {
  private final String title;
  private final String source;
  private final Granularity granularity;
  private final ZoneId zone;
  private final Instant asOf;
  @Nullable private final Period lastComplete;
  @Nullable private final Period inProgress;
  @Nullable private final Period tilePeriod;
  private final ImmutableList<Period> trendPeriods;
  @Nullable private final MetricTable tiles;
  @Nullable private final MetricTable trends;
  @Nullable private final MetricTable pipeline;
  private final ImmutableList<String> stageOrder;
  @Nullable private final StageFunnel funnel;
  private final ImmutableList<Ratio> cumulative;
  @Nullable private final MetricTable leaderboard;
  private final String by;
  @Nullable private final MetricTable goals;
  @Nullable private final Ratio goalsOverall;
  @Nullable private final Period goalPeriod;
  @Nullable private final MetricTable leads;
  private final ImmutableList<AlertEvent> alerts;
  private final ImmutableList<AlertEvent> history;
  private final int ruleCount;
  private final ImmutableMap<String, String> repNames;
  @Nullable private final Currency currency;

  private Figures(Builder b) {
    this.title = b.title;
    this.source = b.source;
    this.granularity = b.granularity;
    this.zone = b.zone;
    this.asOf = checkNotNull(b.asOf, "asOf must be set");
    this.lastComplete = b.lastComplete;
    this.inProgress = b.inProgress;
    this.tilePeriod = b.tilePeriod;
    this.trendPeriods = b.trendPeriods;
    this.tiles = b.tiles;
    this.trends = b.trends;
    this.pipeline = b.pipeline;
    this.stageOrder = b.stageOrder;
    this.funnel = b.funnel;
    this.cumulative = b.cumulative;
    this.leaderboard = b.leaderboard;
    this.by = b.by;
    this.goals = b.goals;
    this.goalsOverall = b.goalsOverall;
    this.goalPeriod = b.goalPeriod;
    this.leads = b.leads;
    this.alerts = b.alerts;
    this.history = b.history;
    this.ruleCount = b.ruleCount;
    this.repNames = b.repNames;
    this.currency = b.currency;
  }

  /**
   * Starts empty figures.
   *
   * @return a builder with no table, UTC, months, as of the epoch
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these figures, to replace some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.title = title;
    b.source = source;
    b.granularity = granularity;
    b.zone = zone;
    b.asOf = asOf;
    b.lastComplete = lastComplete;
    b.inProgress = inProgress;
    b.tilePeriod = tilePeriod;
    b.trendPeriods = trendPeriods;
    b.tiles = tiles;
    b.trends = trends;
    b.pipeline = pipeline;
    b.stageOrder = stageOrder;
    b.funnel = funnel;
    b.cumulative = cumulative;
    b.leaderboard = leaderboard;
    b.by = by;
    b.goals = goals;
    b.goalsOverall = goalsOverall;
    b.goalPeriod = goalPeriod;
    b.leads = leads;
    b.alerts = alerts;
    b.history = history;
    b.ruleCount = ruleCount;
    b.repNames = repNames;
    b.currency = currency;
    return b;
  }

  /**
   * Returns the page title.
   *
   * @return e.g. {@code "Sales report"}
   */
  public String title() {
    return title;
  }

  /**
   * Returns where the data came from, for the page header.
   *
   * @return e.g. a directory, or empty
   */
  public String source() {
    return source;
  }

  /**
   * Returns the length of the periods of the tiles and trends.
   *
   * @return the granularity
   */
  public Granularity granularity() {
    return granularity;
  }

  /**
   * Returns the zone of the periods.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the instant the figures are as of: the end of the data's last day, or the end given.
   *
   * @return the instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Returns the last complete period: the period that ends last by {@link #asOf()}.
   *
   * @return the period, or empty when the data has no event
   */
  public Optional<Period> lastComplete() {
    return Optional.ofNullable(lastComplete);
  }

  /**
   * Returns the period that {@link #asOf()} falls inside, if it is not at a period's start.
   *
   * @return the period in progress, or empty
   */
  public Optional<Period> inProgress() {
    return Optional.ofNullable(inProgress);
  }

  /**
   * Returns the period of the tiles and the leaderboard: the last complete period, unless {@link
   * Builder#tilePeriod} set another (a live page shows the period in progress).
   *
   * @return the period, or empty when the data has no event
   */
  public Optional<Period> tilePeriod() {
    return Optional.ofNullable(tilePeriod != null ? tilePeriod : lastComplete);
  }

  /**
   * Returns the periods the trend charts show, oldest first, ending with the tile period.
   *
   * @return the periods; empty without data
   */
  public ImmutableList<Period> trendPeriods() {
    return trendPeriods;
  }

  /**
   * Returns the span of the trend periods as one period: the funnel's and lead panels' range.
   *
   * @return the span, or empty without trend periods
   */
  public Optional<Period> rangePeriod() {
    if (trendPeriods.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Period.ofInstants(
            trendPeriods.get(0).start(), trendPeriods.get(trendPeriods.size() - 1).end(), zone));
  }

  /**
   * Returns the overall figures of the tile period and the one before (the tiles).
   *
   * @return the table, or empty when not computed
   */
  public Optional<MetricTable> tiles() {
    return Optional.ofNullable(tiles);
  }

  /**
   * Returns the overall figures per trend period and a year earlier (the trend charts).
   *
   * @return the table, or empty when not computed
   */
  public Optional<MetricTable> trends() {
    return Optional.ofNullable(trends);
  }

  /**
   * Returns the open pipeline by stage at {@link #asOf()}.
   *
   * @return the table, or empty when not computed
   */
  public Optional<MetricTable> pipeline() {
    return Optional.ofNullable(pipeline);
  }

  /**
   * Returns the stage order of the funnel.
   *
   * @return the stages, first to last; empty when the deals have no stage history
   */
  public ImmutableList<String> stageOrder() {
    return stageOrder;
  }

  /**
   * Returns the stage funnel over {@link #rangePeriod()}.
   *
   * @return the funnel, or empty
   */
  public Optional<StageFunnel> funnel() {
    return Optional.ofNullable(funnel);
  }

  /**
   * Returns the cumulative conversions of the funnel: entry {@code k - 1} is the conversion from
   * the first stage to stage {@code k} ({@code stage_conversion} over the two stages).
   *
   * @return one ratio per stage after the first
   */
  public ImmutableList<Ratio> cumulative() {
    return cumulative;
  }

  /**
   * Returns quota attainment and sales volume per rep or team in the tile period.
   *
   * @return the table, or empty when not computed
   */
  public Optional<MetricTable> leaderboard() {
    return Optional.ofNullable(leaderboard);
  }

  /**
   * Returns the dimension of the leaderboard and goals.
   *
   * @return {@code "rep"} or {@code "team"}
   */
  public String by() {
    return by;
  }

  /**
   * Returns quota attainment per rep or team over {@link #goalPeriod()} as of {@link #asOf()}.
   *
   * @return the table, or empty when not computed
   */
  public Optional<MetricTable> goals() {
    return Optional.ofNullable(goals);
  }

  /**
   * Returns quota attainment of everyone over {@link #goalPeriod()} as of {@link #asOf()}: the
   * won amount over the quotas, in minor units.
   *
   * @return the ratio, or empty when not computed
   */
  public Optional<Ratio> goalsOverall() {
    return Optional.ofNullable(goalsOverall);
  }

  /**
   * Returns the period of the goals: the period in progress, else the last complete one.
   *
   * @return the period, or empty
   */
  public Optional<Period> goalPeriod() {
    return Optional.ofNullable(goalPeriod);
  }

  /**
   * Returns the lead figures per source over {@link #rangePeriod()}.
   *
   * @return the table, or empty when not computed
   */
  public Optional<MetricTable> leads() {
    return Optional.ofNullable(leads);
  }

  /**
   * Returns the alerts that fired in the trend range: transitions into the firing state.
   *
   * @return the events, oldest first
   */
  public ImmutableList<AlertEvent> alerts() {
    return alerts;
  }

  /**
   * Returns every transition of the replayed rules, oldest first, from which the current state
   * of each alert is read.
   *
   * @return the events
   */
  public ImmutableList<AlertEvent> history() {
    return history;
  }

  /**
   * Returns how many rules were replayed.
   *
   * @return the count; 0 when no rule was given
   */
  public int ruleCount() {
    return ruleCount;
  }

  /**
   * Returns the reps' names by id, for labels.
   *
   * @return the names
   */
  public ImmutableMap<String, String> repNames() {
    return repNames;
  }

  /**
   * Returns the currency of the money ratios' counts (coverage, attainment).
   *
   * @return the currency, or empty when no amount was seen
   */
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  /**
   * Formats as the title and the tile period.
   *
   * @return e.g. {@code "Figures[Sales report, 2025-12]"}
   */
  @Override
  public String toString() {
    return "Figures[" + title + ", " + tilePeriod().map(Period::label).orElse("no data") + "]";
  }

  /** Builds {@link Figures}. Not thread safe. */
  public static final class Builder {
    private String title = "Sales report";
    private String source = "";
    private Granularity granularity = Granularity.MONTH;
    private ZoneId zone = ZoneOffset.UTC;
    private Instant asOf = Instant.EPOCH;
    @Nullable private Period lastComplete;
    @Nullable private Period inProgress;
    @Nullable private Period tilePeriod;
    private ImmutableList<Period> trendPeriods = ImmutableList.of();
    @Nullable private MetricTable tiles;
    @Nullable private MetricTable trends;
    @Nullable private MetricTable pipeline;
    private ImmutableList<String> stageOrder = ImmutableList.of();
    @Nullable private StageFunnel funnel;
    private ImmutableList<Ratio> cumulative = ImmutableList.of();
    @Nullable private MetricTable leaderboard;
    private String by = "rep";
    @Nullable private MetricTable goals;
    @Nullable private Ratio goalsOverall;
    @Nullable private Period goalPeriod;
    @Nullable private MetricTable leads;
    private ImmutableList<AlertEvent> alerts = ImmutableList.of();
    private ImmutableList<AlertEvent> history = ImmutableList.of();
    private int ruleCount;
    private ImmutableMap<String, String> repNames = ImmutableMap.of();
    @Nullable private Currency currency;

    private Builder() {}

    /**
     * Sets the page title and the source line.
     *
     * @param title the title
     * @param source where the data came from, or empty
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder title(String title, String source) {
      this.title = checkNotNull(title, "title");
      this.source = checkNotNull(source, "source");
      return this;
    }

    /**
     * Sets the periods: their granularity and zone, the as-of instant, the last complete period
     * and the period in progress.
     *
     * @param granularity the period length
     * @param zone the zone
     * @param asOf the instant the figures are as of
     * @param lastComplete the last complete period, or null without data
     * @param inProgress the period in progress, or null
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder periods(
        Granularity granularity,
        ZoneId zone,
        Instant asOf,
        @Nullable Period lastComplete,
        @Nullable Period inProgress) {
      this.granularity = checkNotNull(granularity, "granularity");
      this.zone = checkNotNull(zone, "zone");
      this.asOf = checkNotNull(asOf, "asOf");
      this.lastComplete = lastComplete;
      this.inProgress = inProgress;
      return this;
    }

    /**
     * Sets the period of the tiles and the leaderboard (default: the last complete period), such
     * as the period in progress on a live page. The tiles compare it with the period before.
     *
     * @param period the period, or null for the last complete one
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder tilePeriod(@Nullable Period period) {
      this.tilePeriod = period;
      return this;
    }

    /**
     * Sets the table of the tiles (see {@link Figures}).
     *
     * @param tiles the table grouped by period only
     * @return this builder
     * @throws IllegalArgumentException if the table is not grouped by period only
     */
    @CanIgnoreReturnValue
    public Builder tiles(MetricTable tiles) {
      checkByPeriodOnly(tiles, "tiles");
      this.tiles = tiles;
      return this;
    }

    /**
     * Sets the trend periods and the table of the trends (see {@link Figures}).
     *
     * @param trendPeriods the periods shown, oldest first
     * @param trends the table grouped by period only
     * @return this builder
     * @throws IllegalArgumentException if the table is not grouped by period only
     */
    @CanIgnoreReturnValue
    public Builder trends(List<Period> trendPeriods, MetricTable trends) {
      checkByPeriodOnly(trends, "trends");
      this.trendPeriods = ImmutableList.copyOf(trendPeriods);
      this.trends = trends;
      return this;
    }

    /** Sets the trend periods alone: the range of the funnel, leads and alerts. */
    @CanIgnoreReturnValue
    Builder trendPeriods(List<Period> trendPeriods) {
      this.trendPeriods = ImmutableList.copyOf(trendPeriods);
      return this;
    }

    private static void checkByPeriodOnly(MetricTable t, String what) {
      checkArgument(
          t.hasPeriods() && t.dimensionIds().isEmpty(),
          "the %s table must be grouped by period only: %s",
          what,
          t.dimensionIds());
    }

    /**
     * Sets the open pipeline by stage.
     *
     * @param pipeline grouped by {@code stage}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder pipeline(MetricTable pipeline) {
      this.pipeline = checkNotNull(pipeline, "pipeline");
      return this;
    }

    /**
     * Sets the funnel: the stage order, the {@code stage_conversion} result and the cumulative
     * conversions from the first stage.
     *
     * @param stageOrder the stages, first to last
     * @param funnel the funnel over the stage order, or null when no deal entered a stage
     * @param cumulative one ratio per stage after the first
     * @return this builder
     * @throws IllegalArgumentException if the sizes disagree
     */
    @CanIgnoreReturnValue
    public Builder funnel(
        List<String> stageOrder, @Nullable StageFunnel funnel, List<Ratio> cumulative) {
      checkArgument(
          funnel == null || cumulative.size() == stageOrder.size() - 1,
          "one cumulative ratio per stage after the first: %s stages, %s ratios",
          stageOrder.size(),
          cumulative.size());
      this.stageOrder = ImmutableList.copyOf(stageOrder);
      this.funnel = funnel;
      this.cumulative = ImmutableList.copyOf(cumulative);
      return this;
    }

    /**
     * Sets the leaderboard.
     *
     * @param by {@code "rep"} or {@code "team"}
     * @param leaderboard grouped by {@code by}
     * @return this builder
     * @throws IllegalArgumentException if {@code by} is neither
     */
    @CanIgnoreReturnValue
    public Builder leaderboard(String by, MetricTable leaderboard) {
      checkArgument(by.equals("rep") || by.equals("team"), "by must be rep or team: %s", by);
      this.by = by;
      this.leaderboard = checkNotNull(leaderboard, "leaderboard");
      return this;
    }

    /**
     * Sets the goals.
     *
     * @param period the goals' period
     * @param perGroup quota attainment per rep or team
     * @param overall quota attainment of everyone, or null when there is none
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder goals(Period period, MetricTable perGroup, @Nullable Ratio overall) {
      this.goalPeriod = checkNotNull(period, "period");
      this.goals = checkNotNull(perGroup, "perGroup");
      this.goalsOverall = overall;
      return this;
    }

    /**
     * Sets the lead figures per source.
     *
     * @param leads grouped by {@code source}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder leads(MetricTable leads) {
      this.leads = checkNotNull(leads, "leads");
      return this;
    }

    /**
     * Sets the alerts.
     *
     * @param ruleCount how many rules were replayed
     * @param fired the transitions into firing to list
     * @param history every transition, to read each alert's state from
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder alerts(int ruleCount, List<AlertEvent> fired, List<AlertEvent> history) {
      checkArgument(ruleCount >= 0, "rule count must be >= 0: %s", ruleCount);
      this.ruleCount = ruleCount;
      this.alerts = ImmutableList.copyOf(fired);
      this.history = ImmutableList.copyOf(history);
      return this;
    }

    /**
     * Sets the reps' names and the currency of money ratios.
     *
     * @param repNames name by rep id
     * @param currency the currency, or null when unknown
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder names(Map<String, String> repNames, @Nullable Currency currency) {
      this.repNames = ImmutableMap.copyOf(repNames);
      this.currency = currency;
      return this;
    }

    /**
     * Builds the figures.
     *
     * @return the figures
     */
    public Figures build() {
      return new Figures(this);
    }
  }
}
