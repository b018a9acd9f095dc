package dev.salesmetrics.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.testing.ReferencePeriods;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PeriodProperties {

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("Asia/Kolkata"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("America/Sao_Paulo"),
          ZoneId.of("Pacific/Apia"),
          ZoneId.of("Asia/Kathmandu"));

  private static final long FIRST_SECOND = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST_SECOND = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

  private static Gen<Instant> instants() {
    return longs()
        .between(FIRST_SECOND, LAST_SECOND - 1)
        .zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
  }

  private static Gen<ZoneId> zones() {
    return arbitrary().pick(ZONES);
  }

  private static Gen<Granularity> granularities() {
    return arbitrary().enumValues(Granularity.class);
  }

  private static Gen<FiscalCalendar> fiscalCalendars() {
    return arbitrary().enumValues(Month.class).map(FiscalCalendar::startingIn);
  }

  @Test
  void everyInstantLiesInExactlyOnePeriodOfEachGranularity() {
    qt().forAll(instants(), zones(), granularities(), fiscalCalendars())
        .checkAssert(
            (instant, zone, granularity, fiscal) -> {
              Period period = Period.containing(instant, granularity, zone, fiscal);
              assertThat(period.contains(instant)).isTrue();
              assertThat(period.previous().contains(instant)).isFalse();
              assertThat(period.next().contains(instant)).isFalse();
              assertThat(period.previous().end()).isEqualTo(period.start());
              assertThat(period.next().start()).isEqualTo(period.end());
              assertThat(period.granularity()).isEqualTo(granularity);
              assertThat(period.start())
                  .isEqualTo(period.startDate().atStartOfDay(zone).toInstant());
            });
  }

  @Test
  void periodLabelAgreesWithAPlainReference() {
    qt().forAll(instants(), zones(), granularities(), fiscalCalendars())
        .checkAssert(
            (instant, zone, granularity, fiscal) -> {
              LocalDate date = LocalDate.ofInstant(instant, zone);
              Period period = Period.containing(instant, granularity, zone, fiscal);
              assertThat(period.label())
                  .isEqualTo(ReferencePeriods.label(date, granularity, fiscal.firstMonth()));
              assertThat(Period.of(date, granularity, zone, fiscal)).isEqualTo(period);
            });
  }

  @Test
  void nextThenPreviousAndPreviousThenNextGiveThePeriodBack() {
    qt().forAll(instants(), zones(), granularities(), fiscalCalendars())
        .checkAssert(
            (instant, zone, granularity, fiscal) -> {
              Period period = Period.containing(instant, granularity, zone, fiscal);
              assertThat(period.next().previous()).isEqualTo(period);
              assertThat(period.previous().next()).isEqualTo(period);
            });
  }

  @Test
  void betweenTheDatesOfAPeriodGivesThatPeriod() {
    qt().forAll(instants(), zones(), granularities())
        .checkAssert(
            (instant, zone, granularity) -> {
              Period period = Period.containing(instant, granularity, zone);
              assertThat(Period.between(period.startDate(), period.endDate(), zone))
                  .isEqualTo(period);
            });
  }

  @Test
  void coveringPeriodsAreContiguousAndCoverTheInterval() {
    Gen<Duration> spans =
        longs()
            .between(0, 2L * 366 * 24 * 3600)
            .zip(
                integers().between(0, 999_999_999),
                (seconds, nanos) -> Duration.ofSeconds(seconds, nanos));
    qt().forAll(instants(), spans, zones(), granularities())
        .checkAssert(
            (from, span, zone, granularity) -> {
              Instant to = from.plus(span);
              List<Period> periods = Period.covering(from, to, granularity, zone);
              if (span.isZero()) {
                assertThat(periods).isEmpty();
                return;
              }
              assertThat(periods).isNotEmpty();
              assertThat(periods.get(0).contains(from)).isTrue();
              assertThat(periods.get(periods.size() - 1).contains(to.minusNanos(1))).isTrue();
              for (int k = 0; k + 1 < periods.size(); k++) {
                assertThat(periods.get(k).end()).isEqualTo(periods.get(k + 1).start());
                assertThat(periods.get(k).next()).isEqualTo(periods.get(k + 1));
              }
              for (Period period : periods) {
                assertThat(period.granularity()).isEqualTo(granularity);
                assertThat(period.start()).isBefore(to);
              }
            });
  }
}
