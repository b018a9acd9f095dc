package dev.salesmetrics.micrometer;

import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.CohortTable;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.Shares;
import dev.salesmetrics.metric.StageFunnel;
import dev.salesmetrics.model.Money;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.annotation.Nullable;

/**
 * Turns one metric value into the samples it is exported as: its family, the tags it adds to the
 * row's tags, and a finite value. Undefined parts give no sample.
 */
final class Samples {
  static final double SECONDS_PER_DAY = 86_400.0;

  /** One exported number. */
  record Sample(Family family, Tags tags, double value) {}

  /** Receives samples. */
  @FunctionalInterface
  interface Sink {
    void add(Sample s);
  }

  private final String prefix;

  Samples(String prefix) {
    this.prefix = prefix;
  }

  /** Returns the meter name of a metric id: {@code win_rate} → {@code salesmetrics.win.rate}. */
  String name(String metricId) {
    String dotted = metricId.toLowerCase(Locale.ROOT).replace('_', '.');
    return prefix.isEmpty() ? dotted : prefix + "." + dotted;
  }

  /**
   * Tells whether a {@link Count} metric only grows within one group and period: the catalogue's
   * counts do (they count or add records, and a live view only adds records); a count of another
   * metric may not, so it is a gauge.
   */
  static boolean monotonic(String metricId) {
    Optional<Metric<?, ?>> m = Metrics.registry().find(metricId);
    return m.isPresent() && m.get().unit() == MetricUnit.COUNT;
  }

  static boolean moneyPerDay(String metricId) {
    Optional<Metric<?, ?>> m = Metrics.registry().find(metricId);
    return m.isPresent() && m.get().unit() == MetricUnit.MONEY_PER_DAY;
  }

  void expand(String metricId, MetricValue v, Tags row, Sink out) {
    String name = name(metricId);
    if (v instanceof Count c) {
      boolean counter = monotonic(metricId);
      out.add(new Sample(
          new Family(name, counter ? Family.Kind.COUNTER : Family.Kind.GAUGE, null, metricId,
              "Salesmetrics " + metricId + " per group"),
          row, c.value()));
    } else if (v instanceof Ratio r) {
      r.value().ifPresent(d -> out.add(new Sample(ratio(name, metricId), row, d)));
    } else if (v instanceof Amount a) {
      a.value().ifPresent(m -> out.add(money(name, metricId, m, row, "", null)));
    } else if (v instanceof MoneyStats s) {
      if (s.count() > 0) {
        out.add(new Sample(count(name, metricId), row, s.count()));
        String statDesc = " (statistic: mean, sum, min, max)";
        out.add(money(name, metricId, s.mean().orElseThrow(), row, statDesc, "mean"));
        out.add(money(name, metricId, s.sum().orElseThrow(), row, statDesc, "sum"));
        out.add(money(name, metricId, s.min().orElseThrow(), row, statDesc, "min"));
        out.add(money(name, metricId, s.max().orElseThrow(), row, statDesc, "max"));
      }
    } else if (v instanceof DurationStats d) {
      if (d.count() > 0) {
        out.add(new Sample(count(name, metricId), row, d.count()));
        Family time = new Family(name, Family.Kind.TIME, null, metricId,
            "Salesmetrics " + metricId + " per group (statistic: mean, median, p90)");
        seconds(out, time, row, "mean", d.meanDays());
        seconds(out, time, row, "median", d.medianDays());
        seconds(out, time, row, "p90", d.p90Days());
      }
    } else if (v instanceof Shares s) {
      for (Map.Entry<String, Ratio> e : s.shares().entrySet()) {
        e.getValue().value().ifPresent(
            d -> out.add(new Sample(ratio(name, metricId), row.and("part", e.getKey()), d)));
      }
    } else if (v instanceof StageFunnel f) {
      for (StageFunnel.Step step : f.steps()) {
        Tags t = row.and("step", step.from() + "->" + step.to());
        step.ratio().value().ifPresent(d -> out.add(new Sample(ratio(name, metricId), t, d)));
      }
      f.overall().value().ifPresent(
          d -> out.add(new Sample(ratio(name, metricId), row.and("step", "overall"), d)));
    } else if (v instanceof CohortTable t) {
      for (CohortTable.Row r : t.rows()) {
        List<Ratio> cells = r.cells();
        for (int k = 0; k < cells.size(); k++) {
          Tags tags = row.and("cohort", r.cohort().label()).and("k", Integer.toString(k));
          cells.get(k).value().ifPresent(
              d -> out.add(new Sample(ratio(name, metricId), tags, d)));
        }
      }
    } else {
      OptionalDouble d = v.asDouble();
      if (d.isPresent()) {
        out.add(new Sample(
            new Family(name, Family.Kind.GAUGE, null, metricId,
                "Salesmetrics " + metricId + " per group"),
            row, d.getAsDouble()));
      }
    }
  }

  private static Family ratio(String name, String metricId) {
    return new Family(name, Family.Kind.GAUGE, "ratio", metricId,
        "Salesmetrics " + metricId + " per group, as a fraction");
  }

  private static Family count(String name, String metricId) {
    return new Family(name + ".samples", Family.Kind.COUNTER, null, metricId,
        "Salesmetrics " + metricId + ": number of values behind the figure, per group");
  }

  private Sample money(
      String name, String metricId, Money m, Tags row, String statDesc,
      @Nullable String statistic) {
    String code = m.currency().getCurrencyCode();
    String unit = code.toLowerCase(Locale.ROOT) + (moneyPerDay(metricId) ? ".per.day" : "");
    Tags tags = row.and("currency", code);
    if (statistic != null) {
      tags = tags.and("statistic", statistic);
    }
    return new Sample(
        new Family(name, Family.Kind.GAUGE, unit, metricId,
            "Salesmetrics " + metricId + " per group, in " + code + statDesc),
        tags, m.toBigDecimal().doubleValue());
  }

  private static void seconds(
      Sink out, Family time, Tags row, String statistic, OptionalDouble days) {
    if (days.isPresent()) {
      out.add(new Sample(time, row.and("statistic", statistic),
          days.getAsDouble() * SECONDS_PER_DAY));
    }
  }
}
