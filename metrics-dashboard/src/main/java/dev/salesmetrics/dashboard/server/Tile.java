package dev.salesmetrics.dashboard.server;

import com.google.common.collect.ImmutableList;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.metric.MetricUnit;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.Score;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One key figure of the current period with the change against the previous period, as text
 * (read as the command line prints: money with its currency, ratios as percentages) and as a
 * number. An undefined value reads "—" and its {@code detail} says why; it is never 0.
 */
record Tile(
    String metricId,
    String label,
    MetricUnit unit,
    OptionalDouble value,
    String text,
    String detail,
    OptionalDouble previous,
    String previousText,
    String change) {

  static final String UNDEFINED = "—";

  /** The tiles of {@code metrics} in the figures' current period. */
  static ImmutableList<Tile> of(LiveFigures f, List<? extends Metric<?, ?>> metrics) {
    ImmutableList.Builder<Tile> out = ImmutableList.builder();
    Optional<Period> now = f.period();
    Optional<Period> before = f.previousPeriod();
    for (Metric<?, ?> m : metrics) {
      String label = Rule.displayName(m.id());
      Shown cur;
      Shown prev;
      if (now.isEmpty()) {
        cur = new Shown(OptionalDouble.empty(), UNDEFINED, "no data yet");
        prev = cur;
      } else if (!f.computes(m.id())) {
        cur = new Shown(OptionalDouble.empty(), UNDEFINED, "not computed by the live views");
        prev = cur;
      } else {
        cur = show(f.value(m.id(), now.get()), now.get());
        prev = show(f.value(m.id(), before.orElseThrow()), before.orElseThrow());
      }
      out.add(
          new Tile(
              m.id(),
              label,
              m.unit(),
              cur.value,
              cur.text,
              cur.detail,
              prev.value,
              prev.text,
              change(m.unit(), cur.value, prev.value)));
    }
    return out.build();
  }

  private record Shown(OptionalDouble value, String text, String detail) {}

  private static Shown show(Optional<MetricValue> value, Period p) {
    if (value.isEmpty()) {
      return new Shown(OptionalDouble.empty(), UNDEFINED, "no records in " + p.label());
    }
    MetricValue v = value.get();
    if (v instanceof Ratio r) {
      String counts = r.numerator() + " of " + r.denominator();
      if (!r.isDefined()) {
        return new Shown(
            OptionalDouble.empty(), UNDEFINED, "undefined in " + p.label() + ": " + counts);
      }
      return new Shown(r.value(), percent(r.value().getAsDouble()), counts);
    }
    if (v instanceof Amount a) {
      if (a.value().isEmpty()) {
        return new Shown(
            OptionalDouble.empty(),
            UNDEFINED,
            "undefined in " + p.label() + " (" + a.sampleSize() + " records)");
      }
      return new Shown(
          a.asDouble(), money(a.value().get()), "from " + a.sampleSize() + " records");
    }
    if (v instanceof MoneyStats s) {
      if (s.mean().isEmpty()) {
        return new Shown(OptionalDouble.empty(), UNDEFINED, "no amount in " + p.label());
      }
      return new Shown(
          s.asDouble(),
          money(s.mean().get()),
          "mean of " + s.count() + ", sum " + money(s.sum().orElseThrow()));
    }
    if (v instanceof DurationStats d) {
      if (d.medianDays().isEmpty()) {
        return new Shown(OptionalDouble.empty(), UNDEFINED, "no duration in " + p.label());
      }
      double median = d.medianDays().getAsDouble();
      return new Shown(
          OptionalDouble.of(median),
          String.format(Locale.ROOT, "%.1f d", median),
          String.format(
              Locale.ROOT,
              "median of %d, mean %.1f d, p90 %.1f d",
              d.count(),
              d.meanDays().getAsDouble(),
              d.p90Days().getAsDouble()));
    }
    if (v instanceof Count c) {
      return new Shown(
          OptionalDouble.of((double) c.value()), Long.toString(c.value()), c.value() + " in " + p.label());
    }
    if (v instanceof Score s) {
      if (s.value().isEmpty()) {
        return new Shown(
            OptionalDouble.empty(), UNDEFINED, "undefined (" + s.sampleSize() + " answers)");
      }
      return new Shown(s.value(), s.toString(), "from " + s.sampleSize() + " records");
    }
    OptionalDouble d = v.asDouble();
    return new Shown(d, d.isPresent() ? v.toString() : UNDEFINED, v.toString());
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  private static String money(Money m) {
    return m.toPlainString() + " " + m.currency().getCurrencyCode();
  }

  private static String change(MetricUnit unit, OptionalDouble cur, OptionalDouble prev) {
    if (cur.isEmpty() || prev.isEmpty()) {
      return "";
    }
    double c = cur.getAsDouble();
    double p = prev.getAsDouble();
    if (unit == MetricUnit.RATIO) {
      return signed((c - p) * 100) + " pp";
    }
    if (p == 0) {
      return "";
    }
    return signed((c - p) / Math.abs(p) * 100) + "%";
  }

  private static String signed(double d) {
    if (Math.abs(d) < 0.05) {
      return "±0.0";
    }
    return String.format(Locale.ROOT, "%+.1f", d);
  }
}
