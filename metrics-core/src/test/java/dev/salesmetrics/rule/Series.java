package dev.salesmetrics.rule;

import com.google.common.base.Splitter;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.Score;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Weekly test series for one group, written as text: {@code "0.25 0.18 - x 3/17"} where a number
 * is a {@code Score} over 10 records, {@code n/d} a {@code Ratio}, {@code -} an undefined value,
 * {@code x} a group with no value at all, and {@code nan}, {@code inf}, {@code -inf} a value of a
 * misbehaving {@code MetricValue} whose {@code asDouble()} is not finite. Week 1 starts on Monday 2025-03-03; each week is
 * evaluated at its end.
 */
final class Series {
  static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
  static final Duration WEEK = Duration.ofDays(7);
  static final GroupKey REP = GroupKey.of("rep", "R07");

  private Series() {}

  static Instant weekStart(int week) {
    return START.plus(WEEK.multipliedBy(week - 1));
  }

  static MetricValue parseValue(String token) {
    if (token.equals("-")) {
      return Score.undefined(10);
    }
    switch (token) {
      case "nan" -> {
        return new Raw(Double.NaN);
      }
      case "inf" -> {
        return new Raw(Double.POSITIVE_INFINITY);
      }
      case "-inf" -> {
        return new Raw(Double.NEGATIVE_INFINITY);
      }
      default -> { }
    }
    int slash = token.indexOf('/');
    if (slash >= 0) {
      return Ratio.of(
          Long.parseLong(token.substring(0, slash)), Long.parseLong(token.substring(slash + 1)));
    }
    return Score.of(Double.parseDouble(token), 10);
  }

  /**
   * A value that breaks the {@code MetricValue} contract: {@code asDouble()} is present but NaN or
   * infinite, as a user's own implementation may return.
   */
  record Raw(double value) implements MetricValue {
    @Override
    public OptionalDouble asDouble() {
      return OptionalDouble.of(value);
    }

    @Override
    public long sampleSize() {
      return 10;
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** Weekly evaluations of {@code metricId} for {@code group}, one per token. */
  static List<Evaluation> weekly(String metricId, GroupKey group, String series) {
    return weekly(metricId, group, series, Goals.empty());
  }

  static List<Evaluation> weekly(String metricId, GroupKey group, String series, Goals goals) {
    List<Evaluation> out = new ArrayList<>();
    int week = 1;
    for (String token : Splitter.on(' ').omitEmptyStrings().split(series)) {
      Instant start = weekStart(week);
      Evaluation.Builder b =
          Evaluation.builder(start.plus(WEEK), start, start.plus(WEEK))
              .label("w" + week)
              .goals(goals);
      if (!token.equals("x")) {
        b.value(metricId, group, parseValue(token));
      }
      out.add(b.build());
      week++;
    }
    return out;
  }

  /** The transitions of {@code rule} over a series for {@link #REP}, as compact strings. */
  static List<String> transitions(Rule rule, String series) {
    return compact(Replay.run(List.of(rule), weekly(rule.metricId(), REP, series)));
  }

  /** Events as {@code "w3 PENDING>FIRING warning"}. */
  static List<String> compact(List<AlertEvent> events) {
    return events.stream().map(Series::compact).collect(Collectors.toList());
  }

  static String compact(AlertEvent e) {
    return e.periodLabel() + " " + e.from() + ">" + e.to()
        + e.level().map(l -> " " + l.label()).orElse("");
  }
}
