package dev.salesmetrics.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * A webhook's URL and the form of it that may be printed: {@code scheme://host[:port]}, followed by
 * {@code /…} when the URL has anything more. User info, the query and the path can all hold a
 * secret (Slack keeps its token in the path), so none of them is ever printed.
 */
final class WebhookUrl {
  private final URI uri;
  private final String safe;
  /** The secret parts as they may appear in a message, longest first. */
  private final List<String> secrets;

  private WebhookUrl(URI uri) {
    this.uri = uri;
    String host = checkNotNull(uri.getHost(), "host");
    String base =
        uri.getScheme().toLowerCase(Locale.ROOT)
            + "://"
            + host
            + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    boolean more =
        uri.getRawUserInfo() != null
            || uri.getRawQuery() != null
            || uri.getRawFragment() != null
            || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                && !uri.getRawPath().equals("/"));
    this.safe = more ? base + "/…" : base;
    List<String> parts = new ArrayList<>();
    add(parts, uri.toString());
    add(parts, uri.getRawUserInfo());
    add(parts, uri.getUserInfo());
    add(parts, uri.getRawQuery());
    add(parts, uri.getQuery());
    add(parts, uri.getRawFragment());
    if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
      add(parts, uri.getRawPath());
      add(parts, uri.getPath());
      for (String segment : uri.getRawPath().split("/", -1)) {
        add(parts, segment);
        add(parts, URLDecoder.decode(segment, StandardCharsets.UTF_8));
      }
    }
    if (uri.getRawUserInfo() != null) {
      for (String p : uri.getRawUserInfo().split(":", -1)) {
        add(parts, p);
      }
    }
    if (uri.getRawQuery() != null) {
      for (String p : uri.getRawQuery().split("[&=]", -1)) {
        add(parts, p);
        add(parts, URLDecoder.decode(p, StandardCharsets.UTF_8));
      }
    }
    parts.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(parts);
  }

  private static void add(List<String> parts, @Nullable String s) {
    // very short fragments ("a", "v2") would blank out ordinary words; they are not secrets
    if (s != null && s.length() >= 4 && !parts.contains(s)) {
      parts.add(s);
    }
  }

  /**
   * Checks and wraps a webhook URL.
   *
   * @throws IllegalArgumentException if it is not an absolute http or https URL with a host; the
   *     message shows no part of the URL other than its scheme
   */
  static WebhookUrl of(URI uri) {
    checkNotNull(uri, "url");
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException(
          "webhook URL must be http or https: "
              + (scheme == null ? "no scheme" : "scheme " + scheme));
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("webhook URL must name a host: " + scheme + "://…");
    }
    return new WebhookUrl(uri);
  }

  URI uri() {
    return uri;
  }

  /**
   * Returns {@code message} with every secret part of the URL (user info, path, query, fragment,
   * and their pieces) replaced by {@code …}.
   */
  String scrub(String message) {
    String out = message;
    for (String s : secrets) {
      out = out.replace(s, "…");
    }
    return out;
  }

  /** Returns the printable form, {@code scheme://host[:port]} and {@code /…} when more. */
  @Override
  public String toString() {
    return safe;
  }
}
