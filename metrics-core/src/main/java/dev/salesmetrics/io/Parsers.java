package dev.salesmetrics.io;

import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.StageChange;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.time.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import javax.annotation.Nullable;

/** Row-to-record parsers of the schema files. */
final class Parsers {
  private Parsers() {}

  static Rep rep(Row row) {
    return new Rep(
        row.required("rep_id"),
        row.required("name"),
        row.optional("team"),
        row.optional("region"),
        row.optionalDate("hired_on"));
  }

  static Quota quota(Row row, CsvOptions options) {
    String repId = row.required("rep_id");
    LocalDate start = row.date("period_start");
    LocalDate end = row.endDate("period_end");
    if (!end.isAfter(start)) {
      throw new BadCell(
          "period_end",
          row.raw("period_end"),
          "period_end " + end + " must be after period_start " + start + " (it is exclusive)");
    }
    Currency currency = row.currency("currency");
    Money amount = row.money("amount", currency);
    return new Quota(repId, Period.between(start, end, options.dateZone()), amount);
  }

  static Lead lead(Row row) {
    return Lead.builder(row.required("lead_id"), row.instant("created_at"))
        .repId(row.optionalId("rep_id"))
        .contact(
            new Contact(
                row.optional("name"),
                row.optional("email"),
                row.optional("phone"),
                row.optional("company")))
        .source(row.optional("source"))
        .campaignId(row.optionalId("campaign_id"))
        .firstContactAt(row.optionalInstant("first_contact_at"))
        .convertedAt(row.optionalInstant("converted_at"))
        .customerId(row.optionalId("customer_id"))
        .build();
  }

  /**
   * Reads a deal row; the stage history is attached by the caller. A close date without a time is
   * the start of that day in the date zone, or the creation instant when the deal was created
   * later that same day (a deal created at 14:30 and closed "that day" closed at or after 14:30;
   * the creation instant is the earliest it can be, and keeps the sales cycle at 0).
   */
  static Deal.Builder deal(Row row, CsvOptions options) {
    String id = row.required("deal_id");
    String repId = row.required("rep_id");
    Money amount = optionalAmount(row);
    Instant createdAt = row.instant("created_at");
    String stage = row.optional("stage");
    DealStatus status;
    if (row.hasColumn("status") || row.mapping().statusOfStage("").isEmpty()) {
      status = row.status("status");
    } else {
      status = row.mapping().statusOfStage(stage == null ? "" : stage).orElseThrow();
    }
    DateReader.Read close = row.optionalRead("closed_at");
    Instant closedAt = close == null ? null : close.instant();
    if (status == DealStatus.OPEN && row.mapping().closeDateOnlyWhenClosed()) {
      closedAt = null;
    }
    if (closedAt != null
        && close.dateOnly()
        && closedAt.isBefore(createdAt)
        && sameDay(closedAt, createdAt, options)) {
      closedAt = createdAt; // closed later the day it was created: a date-only close says no more
    }
    Deal.Builder b =
        Deal.builder(id, repId, amount, createdAt)
            .status(status, closedAt)
            .stage(stage)
            .customerId(row.optionalId("customer_id"))
            .leadId(row.optionalId("lead_id"))
            .product(row.optional("product"));
    Double probability = row.probability("probability");
    if (probability != null) {
      b.probability(probability);
    }
    return b;
  }

  /**
   * The amount of a deal row: absent when the amount cell is empty (only an open or lost deal may
   * have none; the record refuses a won deal without one); the currency cell may then be empty
   * too, and is checked when given. The amount and currency columns must be in the file.
   */
  @Nullable
  private static Money optionalAmount(Row row) {
    String amountText = row.inRequiredColumn("amount");
    String currencyText = row.inRequiredColumn("currency");
    if (amountText == null) {
      if (currencyText != null) {
        var unused = row.currency("currency");
      }
      return null;
    }
    Currency currency = row.currency("currency");
    return row.money("amount", currency);
  }

  private static boolean sameDay(Instant a, Instant b, CsvOptions options) {
    ZoneId zone = options.dateZone();
    return LocalDate.ofInstant(a, zone).equals(LocalDate.ofInstant(b, zone));
  }

  /** A row of deal_stages.csv. */
  record StageRow(String dealId, StageChange change, long line, String enteredAtText) {}

  static StageRow stage(Row row) {
    String dealId = row.required("deal_id");
    String stage = row.required("stage");
    Instant enteredAt = row.instant("entered_at");
    return new StageRow(
        dealId, new StageChange(stage, enteredAt), row.line(), row.required("entered_at"));
  }

  static Order order(Row row) {
    String id = row.required("order_id");
    String customerId = row.required("customer_id");
    Instant placedAt = row.instant("placed_at");
    Currency currency = row.currency("currency");
    Money amount = row.money("amount", currency);
    OrderStatus status = row.optional("status", OrderStatus::parse);
    Order.Builder b =
        Order.builder(id, customerId, placedAt, amount)
            .status(status == null ? OrderStatus.PAID : status)
            .repId(row.optionalId("rep_id"));
    String product = row.optional("product");
    String quantityText = row.optional("quantity");
    if (product != null) {
      long quantity = quantityText == null ? 1 : row.wholeNumber("quantity", quantityText);
      b.line(product, quantity, amount);
    } else if (quantityText != null) {
      throw new BadCell("quantity", quantityText, "quantity is given without a product");
    }
    return b.build();
  }

  static Customer customer(Row row) {
    return Customer.builder(row.required("customer_id"), row.instant("signed_up_at"))
        .activatedAt(row.optionalInstant("activated_at"))
        .cancelledAt(row.optionalInstant("cancelled_at"))
        .repId(row.optionalId("rep_id"))
        .campaignId(row.optionalId("campaign_id"))
        .build();
  }

  static Campaign campaign(Row row) {
    String id = row.required("campaign_id");
    String name = row.required("name");
    LocalDate start = row.date("start_date");
    LocalDate end = row.date("end_date");
    Currency currency = row.currency("currency");
    Money spend = row.money("spend", currency);
    return new Campaign(id, name, row.optional("channel"), start, end, spend);
  }

  static SurveyResponse response(Row row) {
    String customerId = row.required("customer_id");
    Instant at = row.instant("responded_at");
    String scoreText = row.required("score");
    long score = row.wholeNumber("score", scoreText);
    SurveyScale scale = row.required("scale", SurveyScale::parse);
    if (score < Integer.MIN_VALUE || score > Integer.MAX_VALUE) {
      throw new BadCell("score", scoreText, "score must be in [" + scale.min() + ", "
          + scale.max() + "]");
    }
    return new SurveyResponse(customerId, at, (int) score, scale);
  }
}
