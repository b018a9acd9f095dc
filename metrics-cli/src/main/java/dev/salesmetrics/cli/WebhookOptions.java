package dev.salesmetrics.cli;

import dev.salesmetrics.rule.WebhookFormat;
import dev.salesmetrics.rule.WebhookListener;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import javax.annotation.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The webhook options that {@code alerts} and {@code serve} share, as a picocli mixin: where to
 * POST each alert transition and in which format. Bad values are usage errors of the command that
 * mixes this in, and no message shows the URL, whose user info, path or query may be a secret.
 */
final class WebhookOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--webhook",
      paramLabel = "URL",
      description =
          "Also POST each alert transition to this http(s) URL as JSON (docs/INTEGRATION.md).")
  @Nullable String webhook;

  @Option(
      names = "--webhook-format",
      paramLabel = "FORMAT",
      description = "Body of --webhook: json (default), slack or alertmanager.")
  String webhookFormat = "json";

  /**
   * Returns the listener's builder for {@code --webhook} in {@code --webhook-format}, or empty
   * without {@code --webhook}.
   *
   * @throws ParameterException if the URL or the format is bad
   */
  Optional<WebhookListener.Builder> listener() {
    WebhookFormat format = format();
    if (webhook == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(webhook);
    } catch (URISyntaxException e) {
      throw usage("--webhook is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
    }
    try {
      return Optional.of(WebhookListener.builder(uri).format(format));
    } catch (IllegalArgumentException e) {
      throw usage("--webhook: " + e.getMessage());
    }
  }

  /**
   * Returns the format of {@code --webhook-format}.
   *
   * @throws ParameterException if it is unknown
   */
  WebhookFormat format() {
    try {
      return WebhookFormat.parse(webhookFormat);
    } catch (IllegalArgumentException e) {
      throw usage("--webhook-format: " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
