package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.model.CurrencyMismatchException;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Example tests of {@link LiveView}: rejected events, on both paths. */
class LiveViewTest {
  private static final Instant MARCH_10 = Instant.parse("2024-03-10T12:00:00Z");
  private static final Period MARCH =
      Period.of(LocalDate.of(2024, 3, 1), Granularity.MONTH, ZoneOffset.UTC);
  private static final GroupKey R1 = GroupKey.of("rep", "R1");

  /** A hang guard only: the assertions are on values; correct code returns at once. */
  private static final Duration HANG = Duration.ofMinutes(1);

  private static Deal won(String id, String rep, Money amount, Instant closed) {
    return Deal.builder(id, rep, amount, closed.minusSeconds(86_400)).won(closed).build();
  }

  private static LiveView genericView() {
    return LiveView.builder()
        .groupBy(Dimension.REP)
        .metrics(Metrics.WIN_RATE, Metrics.DEALS_WON, Metrics.SALES_VOLUME)
        .build();
  }

  @Test
  void aDealInASecondCurrencyIsRejectedWholeOnTheGenericPath() {
    LiveView live = genericView();
    Deal usd = won("D1", "R1", Money.of("1.00", "USD"), MARCH_10);
    Deal eur = won("D2", "R1", Money.of("2.00", "EUR"), MARCH_10);
    live.record(usd);

    assertThatThrownBy(() -> live.record(eur)).isInstanceOf(CurrencyMismatchException.class);

    MetricTable t = live.snapshot();
    assertThat(t.get(R1, Metrics.WIN_RATE)).contains(Ratio.of(1, 1));
    assertThat(t.get(R1, Metrics.DEALS_WON)).contains(Count.of(1));
    assertThat(t.get(R1, Metrics.SALES_VOLUME).flatMap(a -> a.value()))
        .contains(Money.of("1.00", "USD"));
    assertThat(t).isEqualTo(batch(List.of(usd)));
  }

  @Test
  void anOverflowingDealIsRejectedWholeOnTheGenericPath() {
    LiveView live = genericView();
    Deal huge = won("D1", "R1", Money.ofMinor(Long.MAX_VALUE, "USD"), MARCH_10);
    Deal one = won("D2", "R1", Money.ofMinor(1, "USD"), MARCH_10);
    live.record(huge);

    assertThatThrownBy(() -> live.record(one)).isInstanceOf(ArithmeticException.class);

    assertThat(live.snapshot()).isEqualTo(batch(List.of(huge)));
    assertThat(live.snapshot().get(R1, Metrics.DEALS_WON)).contains(Count.of(1));
  }

  @Test
  void aRejectedEventLeavesNoRowForItsGroup() {
    // R2 is new: its accumulators are created for the event, then removed with it
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.REP)
            .metrics(Metrics.DEALS_WON, HALF_THEN_THROW)
            .build();
    Deal ok = won("D1", "R1", Money.of("1.00", "USD"), MARCH_10);
    Deal bad = won("BAD", "R2", Money.of("1.00", "USD"), MARCH_10);
    live.record(ok);

    assertThatThrownBy(() -> live.record(bad)).isInstanceOf(ArithmeticException.class);

    assertThat(live.snapshot()).isEqualTo(batch(List.of(ok), Metrics.DEALS_WON, HALF_THEN_THROW));
    assertThat(live.snapshot().rows()).hasSize(1);
  }

  @Test
  void anAccumulatorThatChangedItsStateBeforeThrowingIsRestored() {
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.REP)
            .metrics(HALF_THEN_THROW, Metrics.DEALS_WON)
            .build();
    Deal a = won("D1", "R1", Money.of("1.00", "USD"), MARCH_10);
    Deal bad = won("BAD", "R1", Money.of("1.00", "USD"), MARCH_10);
    Deal b = won("D3", "R1", Money.of("1.00", "USD"), MARCH_10);
    live.record(a);
    assertThatThrownBy(() -> live.record(bad)).isInstanceOf(ArithmeticException.class);
    live.record(b);

    assertThat(live.snapshot().get(R1, HALF_THEN_THROW)).contains(Count.of(2));
    assertThat(live.snapshot()).isEqualTo(batch(List.of(a, b), HALF_THEN_THROW, Metrics.DEALS_WON));
  }

  @Test
  void aRejectedEventInANewPeriodDoesNotEvictTheKeptOne() {
    // DEALS_WON is placed by closed_at (May, new), CREATED_EUR by created_at (March, clashes):
    // the event is rejected, so May must not push March out of the one kept period.
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
            .metrics(Metrics.DEALS_WON, CREATED_AMOUNT)
            .retainPeriods(1)
            .build();
    Deal marchUsd =
        Deal.builder("D1", "R1", Money.of("1.00", "USD"), MARCH_10).won(MARCH_10).build();
    Deal marchEurWonInMay =
        Deal.builder("D2", "R1", Money.of("1.00", "EUR"), MARCH_10)
            .won(Instant.parse("2024-05-02T00:00:00Z"))
            .build();
    live.record(marchUsd);

    assertThatThrownBy(() -> live.record(marchEurWonInMay))
        .isInstanceOf(CurrencyMismatchException.class);

    assertThat(live.snapshot().periods()).containsExactly(MARCH);
    assertThat(live.snapshot())
        .isEqualTo(
            Query.of(List.of(marchUsd))
                .groupBy(Dimension.REP, Dimension.month(ZoneOffset.UTC))
                .metrics(Metrics.DEALS_WON, CREATED_AMOUNT)
                .run());
    assertThat(live.lateDropped()).isZero();
  }

  @Test
  void anOverflowOnTheCounterPathRejectsTheDealAndLeavesSnapshotsWorking() {
    LiveView live =
        LiveView.builder()
            .groupBy(Dimension.REP)
            .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE)
            .build();
    assertThat(live.isCounterPath()).isTrue();
    Deal huge = won("D1", "R1", Money.ofMinor(Long.MAX_VALUE, "USD"), MARCH_10);
    Deal one = won("D2", "R1", Money.ofMinor(1, "USD"), MARCH_10);
    Deal other = won("D3", "R1", Money.ofMinor(0, "USD"), MARCH_10);
    live.record(huge);

    assertThatThrownBy(() -> live.record(one)).isInstanceOf(ArithmeticException.class);
    live.record(other);

    MetricTable t = assertTimeoutPreemptively(HANG, live::snapshot);
    assertThat(t.get(R1, Metrics.WIN_RATE)).contains(Ratio.of(2, 2));
    assertThat(t.get(R1, Metrics.AVERAGE_DEAL_SIZE).map(MoneyStats::count)).contains(2L);
    assertThat(t)
        .isEqualTo(
            Query.of(List.of(huge, other))
                .groupBy(Dimension.REP)
                .metrics(Metrics.WIN_RATE, Metrics.AVERAGE_DEAL_SIZE)
                .run());
  }

  @Test
  void aWinRateOnlyCounterViewAcceptsDealsOfAnyCurrency() {
    // the batch win rate reads no amount, so it never sees a currency clash
    LiveView live = LiveView.builder().groupBy(Dimension.REP).metrics(Metrics.WIN_RATE).build();
    assertThat(live.isCounterPath()).isTrue();
    List<Deal> deals =
        List.of(
            won("D1", "R1", Money.of("1.00", "USD"), MARCH_10),
            won("D2", "R1", Money.of("1.00", "EUR"), MARCH_10));
    live.recordAll(deals);

    assertThat(live.snapshot())
        .isEqualTo(Query.of(deals).groupBy(Dimension.REP).metrics(Metrics.WIN_RATE).run());
  }

  private static MetricTable batch(List<? extends SalesRecord> records) {
    return batch(records, Metrics.WIN_RATE, Metrics.DEALS_WON, Metrics.SALES_VOLUME);
  }

  private static MetricTable batch(List<? extends SalesRecord> records, Metric<?, ?>... metrics) {
    return Query.of(records).groupBy(Dimension.REP).metrics(metrics).run();
  }

  /**
   * Counts won deals, but for the deal {@code BAD} first changes its state and then throws, as a
   * careless custom metric may: the live view must restore it.
   */
  private static final Metric<Deal, Count> HALF_THEN_THROW =
      Metric.builder("half_then_throw", Deal.class)
          .unit(MetricUnit.COUNT)
          .placedAt("closed_at", Deal::closedAt)
          .accumulate(
              w -> new long[1],
              (s, d, w) -> {
                s[0]++;
                if (d.id().equals("BAD")) {
                  throw new ArithmeticException("long overflow");
                }
              },
              (s, o) -> s[0] = Math.addExact(s[0], o[0]),
              s -> Count.of(s[0]));

  /** The amounts of deals by creation, one currency per state (a second one throws). */
  private static final Metric<Deal, MoneyStats> CREATED_AMOUNT =
      Metric.builder("created_amount", Deal.class)
          .unit(MetricUnit.MONEY)
          .placedAt("created_at", Deal::createdAt)
          .accumulate(
              w -> new dev.salesmetrics.metric.MoneyStatsAccumulator(),
              (s, d, w) -> {
                if (w.contains(d.createdAt())) {
                  s.add(d.amount());
                }
              },
              (s, o) -> s.addAll(o.snapshot()),
              dev.salesmetrics.metric.MoneyStatsAccumulator::snapshot);
}
