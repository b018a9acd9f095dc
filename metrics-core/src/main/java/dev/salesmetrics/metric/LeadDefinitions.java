package dev.salesmetrics.metric;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Lead;
import java.util.List;
import javax.annotation.Nullable;

/** The lead metrics of the catalogue and the contact field rules they share. */
final class LeadDefinitions {
  private LeadDefinitions() {}

  /** Name present: not null and not blank. */
  static boolean hasName(@Nullable String name) {
    return name != null && !name.isBlank();
  }

  /**
   * Email present: exactly one {@code @}, a non-empty part before it, and a dot somewhere in the
   * part after it.
   */
  static boolean hasEmail(@Nullable String email) {
    if (email == null) {
      return false;
    }
    int at = email.indexOf('@');
    if (at <= 0 || email.indexOf('@', at + 1) >= 0) {
      return false;
    }
    return email.indexOf('.', at + 1) >= 0;
  }

  /**
   * Phone present: after removing spaces, dashes, dots and parentheses, and then one leading {@code
   * +}, 7 to 15 characters that are all ASCII digits.
   */
  static boolean hasPhone(@Nullable String phone) {
    if (phone == null) {
      return false;
    }
    // one pass without a copy: the kept characters are counted, a leading '+' skipped once
    int kept = 0;
    boolean plus = false;
    boolean digitsOnly = true;
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
        continue;
      }
      if (kept == 0 && c == '+') {
        plus = true;
      } else if (c < '0' || c > '9') {
        digitsOnly = false;
      }
      kept++;
    }
    int digits = kept - (plus ? 1 : 0);
    return digitsOnly && digits >= 7 && digits <= 15;
  }

  /** The number of present contact fields among name, email and phone: 0 to 3. */
  static int contactFieldsPresent(Contact contact) {
    return (hasName(contact.name()) ? 1 : 0)
        + (hasEmail(contact.email()) ? 1 : 0)
        + (hasPhone(contact.phone()) ? 1 : 0);
  }

  static Metric<Lead, Count> leadsCreated() {
    return Metric.builder("leads_created", Lead.class)
        .description("count of leads with created_at in the period")
        .unit(MetricUnit.COUNT)
        .placedAt("created_at", Lead::createdAt)
        .kernel(
            Kernel.of(
                LeadRow.class,
                List.of(SlotKind.SUM),
                (lead, s, window) -> s.count(0),
                s -> Count.of(s.get(0))));
  }

  static Metric<Lead, Ratio> leadContactCompleteness() {
    return Metric.builder("lead_contact_completeness", Lead.class)
        .description(
            "contact fields present (name, email, phone) / (3 x leads) over leads created in the"
                + " period")
        .unit(MetricUnit.RATIO)
        .placedAt("created_at", Lead::createdAt)
        .kernel(
            Kernel.of(
                LeadRow.class,
                List.of(SlotKind.SUM, SlotKind.SUM), // fields present, 3 × leads
                (lead, s, window) -> {
                  s.add(0, lead.contactFieldsPresent());
                  s.add(1, 3);
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }

  /** The sum of the scores of some leads, in millionths of a point, and how many they are. */
  private static final class ScoreSum {
    long micros;
    long leads;

    void add(long scoreMicros) {
      micros = Math.addExact(micros, scoreMicros);
      leads++;
    }

    void merge(ScoreSum other) {
      micros = Math.addExact(micros, other.micros);
      leads = Math.addExact(leads, other.leads);
    }

    Score mean() {
      return leads == 0 ? Score.empty() : Score.of((double) micros / 1_000_000.0 / leads, leads);
    }
  }

  static Metric<Lead, Score> leadScore(LeadScoreModel model) {
    checkNotNull(model, "model");
    return Metric.builder("lead_score", Lead.class)
        .description("mean weighted lead score (0-100) over leads created in the period")
        .unit(MetricUnit.SCORE)
        .placedAt("created_at", Lead::createdAt)
        .accumulate(
            window -> new ScoreSum(),
            (s, lead, window) -> {
              if (window.contains(lead.createdAt())) {
                s.add(model.scoreMicros(lead));
              }
            },
            ScoreSum::merge,
            ScoreSum::mean);
  }

  static Metric<Lead, Ratio> leadConversionRate() {
    return Metric.builder("lead_conversion_rate", Lead.class)
        .description("leads created in the period with converted_at set / leads created in it")
        .unit(MetricUnit.RATIO)
        .placedAt("created_at", Lead::createdAt)
        .kernel(
            Kernel.of(
                LeadRow.class,
                List.of(SlotKind.SUM, SlotKind.SUM), // converted, created
                (lead, s, window) -> {
                  s.countIf(0, lead.converted());
                  s.count(1);
                },
                s -> Ratio.of(s.get(0), s.get(1))));
  }

  static Metric<Lead, DurationStats> leadTimeToConvert() {
    return Metric.builder("lead_time_to_convert", Lead.class)
        .description("duration stats of converted_at - created_at, leads converted in the period")
        .unit(MetricUnit.DAYS)
        .placedAt("converted_at", Lead::convertedAt)
        .accumulate(
            window -> new DurationStatsAccumulator(),
            (acc, lead, window) -> {
              if (lead.convertedAt() != null && window.contains(lead.convertedAt())) {
                acc.addBetween(lead.createdAt(), lead.convertedAt());
              }
            },
            (acc, other) -> acc.addAll(other),
            DurationStatsAccumulator::snapshot);
  }

  static Metric<Lead, DurationStats> leadTimeToFirstContact() {
    return Metric.builder("lead_time_to_first_contact", Lead.class)
        .description(
            "duration stats of first_contact_at - created_at, leads first contacted in the period")
        .unit(MetricUnit.DAYS)
        .placedAt("first_contact_at", Lead::firstContactAt)
        .accumulate(
            window -> new DurationStatsAccumulator(),
            (acc, lead, window) -> {
              if (lead.firstContactAt() != null && window.contains(lead.firstContactAt())) {
                acc.addBetween(lead.createdAt(), lead.firstContactAt());
              }
            },
            (acc, other) -> acc.addAll(other),
            DurationStatsAccumulator::snapshot);
  }
}
