package dev.salesmetrics.spark;

import dev.salesmetrics.time.FiscalCalendar;
import dev.salesmetrics.time.Granularity;
import dev.salesmetrics.time.Period;
import java.io.Serializable;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import javax.annotation.Nullable;

/** A {@link Period} in a form that travels to Spark's executors. */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // seconds and nanos are kept together
record PeriodSpec(
    long startSecond,
    int startNano,
    long endSecond,
    int endNano,
    String zone,
    @Nullable String granularity,
    int fiscalMonth)
    implements Serializable {

  static PeriodSpec of(Period p) {
    return new PeriodSpec(
        p.start().getEpochSecond(),
        p.start().getNano(),
        p.end().getEpochSecond(),
        p.end().getNano(),
        p.zone().getId(),
        p.granularity() == null ? null : p.granularity().name(),
        p.fiscal().firstMonth().getValue());
  }

  Period period() {
    return new Period(
        Instant.ofEpochSecond(startSecond, startNano),
        Instant.ofEpochSecond(endSecond, endNano),
        ZoneId.of(zone),
        granularity == null ? null : Granularity.valueOf(granularity),
        FiscalCalendar.startingIn(Month.of(fiscalMonth)));
  }
}
