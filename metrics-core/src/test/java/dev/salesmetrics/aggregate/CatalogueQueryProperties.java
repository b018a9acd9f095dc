package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SalesRecord;
import dev.salesmetrics.testing.AggregateFixtures;
import dev.salesmetrics.testing.DealGenerators;
import dev.salesmetrics.testing.LeadsGenerators;
import dev.salesmetrics.testing.OrderGenerators;
import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Group-by with the real catalogue metrics equals filtering each group and computing the metric
 * alone over {@code Window.of(period)}: placed, spanning and multi-kind metrics.
 */
class CatalogueQueryProperties {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Deals placed by closed_at or created_at, and leads by created_at, per rep and month. */
  @Test
  void placedMetrics() {
    qt().withExamples(60)
        .forAll(
            DealGenerators.records(),
            LeadsGenerators.leads(30),
            longs().all(),
            integers().between(0, 60))
        .checkAssert(
            (dealsAndQuotas, leads, seed, n) -> {
              List<SalesRecord> records = new ArrayList<>(dealsAndQuotas);
              records.addAll(leads);
              records.addAll(AggregateFixtures.orders(seed, n));
              for (ZoneId zone : List.of(ZoneOffset.UTC, NEW_YORK)) {
                assertGroupByEqualsAlone(
                    records,
                    List.of(Dimension.REP),
                    Dimension.month(zone),
                    null,
                    List.of(
                        Metrics.WIN_RATE,
                        Metrics.REVENUE,
                        Metrics.SALES_CYCLE,
                        Metrics.LEADS_CREATED,
                        Metrics.AVERAGE_DEAL_SIZE,
                        Metrics.ORDERS));
              }
            });
  }

  /** Churn, pipeline at the period start and revenue growth over a range of months. */
  @Test
  void spanningMetrics() {
    qt().withExamples(60)
        .forAll(
            DealGenerators.records(),
            OrderGenerators.mixed(30, 12),
            longs().all(),
            integers().between(0, 40))
        .checkAssert(
            (dealsAndQuotas, ordersAndCustomers, seed, n) -> {
              List<SalesRecord> records = new ArrayList<>(dealsAndQuotas);
              records.addAll(ordersAndCustomers);
              records.addAll(AggregateFixtures.orders(seed, n));
              Dimension month = Dimension.month(NEW_YORK);
              List<Period> range = months(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 8, 1), NEW_YORK);
              assertGroupByEqualsAlone(
                  records,
                  List.of(Dimension.REP),
                  month,
                  range,
                  List.of(
                      Metrics.CHURN_RATE,
                      Metrics.PIPELINE_VALUE,
                      Metrics.REVENUE_GROWTH,
                      Metrics.WIN_RATE,
                      Metrics.REVENUE));
            });
  }

  /** Quota attainment reads deals and quotas; grouped by rep or by team through the directory. */
  @Test
  void multiKindMetricByRepAndTeam() {
    qt().withExamples(60)
        .forAll(DealGenerators.records())
        .checkAssert(
            records -> {
              List<Rep> reps = new ArrayList<>();
              for (SalesRecord r : records) {
                if (r instanceof Rep rep) {
                  reps.add(rep);
                }
              }
              List<Rep> withTeams = new ArrayList<>();
              for (int i = 0; i < reps.size(); i++) {
                Rep r = reps.get(i);
                withTeams.add(
                    new Rep(r.id(), r.name(), i % 2 == 0 ? "East" : "West", null, r.hiredOn()));
              }
              RepDirectory directory = RepDirectory.of(withTeams);
              Dimension month = Dimension.month(ZoneOffset.UTC);
              List<Period> range =
                  months(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 1), ZoneOffset.UTC);
              for (Dimension d : List.of(Dimension.REP, Dimension.team(directory))) {
                assertGroupByEqualsAlone(
                    records,
                    List.of(d),
                    month,
                    range,
                    List.of(Metrics.QUOTA_ATTAINMENT, Metrics.WIN_RATE));
              }
            });
  }

  static List<Period> months(LocalDate from, LocalDate toExclusive, ZoneId zone) {
    return Period.covering(
        from.atStartOfDay(zone).toInstant(),
        toExclusive.atStartOfDay(zone).toInstant(),
        Granularity.MONTH,
        zone,
        FiscalCalendar.calendar());
  }

  /**
   * Checks every cell of the query against the metric computed alone over the group's records,
   * and that the table has exactly the expected cells.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void assertGroupByEqualsAlone(
      List<? extends SalesRecord> records,
      List<Dimension> dims,
      Dimension period,
      @Nullable List<Period> range,
      List<Metric<?, ?>> metrics) {
    List<Dimension> all = new ArrayList<>(dims);
    all.add(period);
    Query q = Query.of(records).groupBy(all.toArray(new Dimension[0])).metrics(metrics);
    if (range != null) {
      q = q.periods(range);
    }
    MetricTable t = q.run();
    assertThat(q.runParallel(java.util.concurrent.ForkJoinPool.commonPool(), 7, 1))
        .isEqualTo(t);
    Set<String> expectedCells = new HashSet<>();
    for (Metric m : metrics) {
      Map<GroupKey, List<SalesRecord>> groups = new LinkedHashMap<>();
      for (SalesRecord r : records) {
        if (!m.reads(r)) {
          continue;
        }
        Map<String, String> key = new LinkedHashMap<>();
        for (Dimension d : dims) {
          key.put(d.id(), d.valueOf(r));
        }
        groups.computeIfAbsent(GroupKey.of(key), k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<GroupKey, List<SalesRecord>> g : groups.entrySet()) {
        Set<Period> periods = new HashSet<>();
        if (m.placement().isSpanning()) {
          periods.addAll(range);
        } else {
          for (SalesRecord r : g.getValue()) {
            m.placement()
                .instant(r)
                .ifPresent(
                    i -> {
                      Period p = period.periodOf((java.time.Instant) i);
                      if (range == null || range.contains(p)) {
                        periods.add(p);
                      }
                    });
          }
        }
        for (Period p : periods) {
          MetricValue alone = m.compute(g.getValue(), Window.of(p)).value();
          assertThat(t.get(g.getKey(), p, m.id()))
              .as("%s %s %s", m.id(), g.getKey(), p)
              .contains(alone);
          expectedCells.add(m.id() + " " + g.getKey() + " " + p);
        }
      }
    }
    Set<String> actualCells = new HashSet<>();
    for (MetricTable.Row r : t.rows()) {
      for (String id : r.values().keySet()) {
        actualCells.add(id + " " + r.key() + " " + r.period().orElseThrow());
      }
    }
    assertThat(actualCells).isEqualTo(expectedCells);
  }
}
