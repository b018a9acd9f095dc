package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * The body a {@link WebhookListener} posts for each alert transition. Every body is UTF-8 JSON
 * sent with {@code Content-Type: application/json}; {@code docs/INTEGRATION.md} shows one example
 * of each.
 */
public enum WebhookFormat {
  /**
   * Salesmetrics' own JSON object: rule, metric, group, states, level, value with its counts,
   * thresholds, since, period, episode and the sentence. Every transition is sent.
   */
  JSON("json"),
  /**
   * A Slack-compatible incoming-webhook message, {@code {"text": "..."}}, with the state, the
   * rule, the group and the sentence. Every transition is sent.
   */
  SLACK("slack"),
  /**
   * An array of Alertmanager alerts (its {@code POST /api/v2/alerts} body) with {@code labels},
   * {@code annotations}, {@code startsAt} and, when resolved, {@code endsAt}. Only firing and
   * resolving transitions are sent (Alertmanager has no pending alerts); the others are counted in
   * {@link WebhookStats#skipped()}.
   */
  ALERTMANAGER("alertmanager");

  private final String id;

  WebhookFormat(String id) {
    this.id = id;
  }

  /**
   * Returns the lowercase id used on the command line.
   *
   * @return {@code "json"}, {@code "slack"} or {@code "alertmanager"}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the format with the id {@code id}, ignoring case.
   *
   * @param id {@code json}, {@code slack} or {@code alertmanager}
   * @return the format
   * @throws IllegalArgumentException if no format has that id
   */
  public static WebhookFormat parse(String id) {
    checkNotNull(id, "id");
    for (WebhookFormat f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown webhook format \"" + id + "\"; expected json, slack or alertmanager");
  }
}
