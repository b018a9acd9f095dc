package dev.salesmetrics.rule;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.Amount;
import dev.salesmetrics.metric.Count;
import dev.salesmetrics.metric.DurationStats;
import dev.salesmetrics.metric.MetricValue;
import dev.salesmetrics.metric.MoneyStats;
import dev.salesmetrics.metric.Ratio;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** Renders the bodies of {@link WebhookFormat}; the contract is in docs/INTEGRATION.md. */
final class WebhookBodies {
  /** Version of the {@link WebhookFormat#JSON} object; raised on an incompatible change. */
  static final int JSON_VERSION = 1;

  private static final Pattern LABEL_CHAR = Pattern.compile("[^a-zA-Z0-9_]");

  private WebhookBodies() {}

  /**
   * Renders one notification.
   *
   * @param format the format
   * @param e the transition
   * @param repeat 0 for the transition itself, n for its n-th repeat
   * @param replaced the level an Alertmanager alert of this group had before this transition when
   *     it differs from the event's (its alert is resolved in the same body), else empty
   */
  static String render(
      WebhookFormat format, AlertEvent e, int repeat, Optional<Severity> replaced) {
    return switch (format) {
      case JSON -> json(e, repeat);
      case SLACK -> slack(e, repeat);
      case ALERTMANAGER -> alertmanager(e, replaced);
    };
  }

  /** Tells whether {@code format} sends {@code e} at all. */
  static boolean sends(WebhookFormat format, AlertEvent e) {
    return format != WebhookFormat.ALERTMANAGER
        || e.to().isFiring()
        || (e.to() == AlertState.RESOLVED && e.from().isFiring());
  }

  static String json(AlertEvent e, int repeat) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("source").value("salesmetrics");
    w.name("version").value(JSON_VERSION);
    w.name("rule").value(e.ruleId());
    w.name("metric").value(e.metricId());
    w.name("group").beginObject();
    for (Map.Entry<String, String> d : e.group().values().entrySet()) {
      w.name(d.getKey()).value(d.getValue());
    }
    w.endObject();
    w.name("group_label").value(e.group().label());
    w.name("from").value(state(e.from()));
    w.name("to").value(state(e.to()));
    w.name("firing").value(e.to().isFiring());
    w.name("level").value(e.level().map(Severity::label));
    w.name("value").value(e.value());
    w.name("metric_value");
    if (e.metricValue().isPresent()) {
      metricValue(w, e.metricValue().get());
    } else {
      w.nullValue();
    }
    w.name("threshold").value(e.threshold());
    w.name("recovery_threshold").value(e.recoveryThreshold());
    w.name("comparison").value(e.comparison().word());
    w.name("consecutive").value(e.consecutive());
    w.name("since").value(e.since().toString());
    w.name("evaluated_at").value(e.evaluatedAt().toString());
    w.name("period").beginObject();
    w.name("start").value(e.periodStart().toString());
    w.name("end").value(e.periodEnd().toString());
    w.name("label").value(e.periodLabel());
    w.endObject();
    w.name("episode").value(e.episode());
    w.name("repeat").value(repeat);
    w.name("sentence").value(e.sentence());
    return w.endObject().toString();
  }

  private static void metricValue(JsonWriter w, MetricValue v) {
    w.beginObject();
    w.name("text").value(v.toString());
    w.name("number").value(v.asDouble());
    w.name("sample_size").value(v.sampleSize());
    if (v instanceof Ratio r) {
      w.name("numerator").value(r.numerator());
      w.name("denominator").value(r.denominator());
    } else if (v instanceof Amount a) {
      w.name("amount").value(a.value().map(m -> m.toPlainString()));
      w.name("currency").value(a.value().map(m -> m.currency().getCurrencyCode()));
    } else if (v instanceof MoneyStats s) {
      w.name("count").value(s.count());
      w.name("currency").value(s.currency().map(c -> c.getCurrencyCode()));
    } else if (v instanceof Count c) {
      w.name("count").value(c.value());
    } else if (v instanceof DurationStats d) {
      w.name("count").value(d.count());
    }
    w.endObject();
  }

  static String slack(AlertEvent e, int repeat) {
    String state =
        repeat > 0 ? "STILL " + e.to().name() : e.to().name();
    String head =
        "[" + state + e.level().map(l -> " " + l.label()).orElse("") + "] "
            + e.ruleId() + ", " + e.group().label() + ": ";
    return new JsonWriter()
        .beginObject()
        .name("text")
        .value(slackEscape(head + e.sentence()))
        .endObject()
        .toString();
  }

  /** Escapes the three characters Slack's mrkdwn gives a meaning to. */
  static String slackEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String alertmanager(AlertEvent e, Optional<Severity> replaced) {
    JsonWriter w = new JsonWriter().beginArray();
    if (e.to().isFiring()) {
      alert(w, e, e.level(), null);
      if (replaced.isPresent() && !replaced.equals(e.level())) {
        alert(w, e, replaced, e.evaluatedAt());
      }
    } else {
      alert(w, e, e.level(), e.evaluatedAt());
    }
    return w.endArray().toString();
  }

  private static void alert(
      JsonWriter w, AlertEvent e, Optional<Severity> level, @Nullable Instant ends) {
    w.beginObject();
    w.name("labels").beginObject();
    for (Map.Entry<String, String> l : labels(e, level).entrySet()) {
      w.name(l.getKey()).value(l.getValue());
    }
    w.endObject();
    w.name("annotations").beginObject();
    w.name("summary").value(e.sentence());
    w.name("state").value(state(ends == null ? e.to() : AlertState.RESOLVED));
    e.value().ifPresent(v -> w.name("value").value(JsonWriter.number(v)));
    e.metricValue().ifPresent(v -> w.name("metric_value").value(v.toString()));
    if (level.equals(e.level())) {
      e.threshold().ifPresent(t -> w.name("threshold").value(JsonWriter.number(t)));
    }
    w.name("period").value(e.periodLabel());
    w.name("episode").value(Long.toString(e.episode()));
    w.endObject();
    w.name("startsAt").value(e.since().toString());
    if (ends != null) {
      w.name("endsAt").value(ends.toString());
    }
    w.endObject();
  }

  /**
   * Returns the Alertmanager labels: {@code alertname} (the rule id), {@code severity}, {@code
   * metric}, then one per group dimension; a dimension id that is not a valid label name has its
   * other characters replaced by {@code _}, and one that clashes with the first three is prefixed
   * with {@code group_}.
   */
  static Map<String, String> labels(AlertEvent e, Optional<Severity> level) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", e.ruleId());
    level.ifPresent(l -> labels.put("severity", l.label()));
    labels.put("metric", e.metricId());
    GroupKey g = e.group();
    for (Map.Entry<String, String> d : g.values().entrySet()) {
      String name = LABEL_CHAR.matcher(d.getKey()).replaceAll("_");
      if (Character.isDigit(name.charAt(0)) || name.startsWith("__")) {
        name = "group_" + name;
      }
      while (labels.containsKey(name)) {
        name = "group_" + name;
      }
      labels.put(name, d.getValue());
    }
    return labels;
  }

  private static String state(AlertState s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
