package dev.salesmetrics.io;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files of the interchange CSV schema, with their column names; required columns first.
 *
 * <p>Header names are matched case-insensitively and may come in any order; unknown columns are
 * ignored. See {@code docs/CSV.md} for each column's format.
 */
public enum CsvFile {
  /** The rep directory. */
  REPS("reps.csv", List.of("rep_id", "name"), List.of("team", "region", "hired_on")),
  /** Rep quotas per period; {@code period_end} is exclusive. */
  QUOTAS(
      "quotas.csv",
      List.of("rep_id", "period_start", "period_end", "amount", "currency"),
      List.of()),
  /** Leads with their contact details. */
  LEADS(
      "leads.csv",
      List.of("lead_id", "created_at"),
      List.of(
          "rep_id",
          "name",
          "email",
          "phone",
          "company",
          "source",
          "campaign_id",
          "first_contact_at",
          "converted_at",
          "customer_id")),
  /** Deals (opportunities). */
  DEALS(
      "deals.csv",
      List.of("deal_id", "rep_id", "amount", "currency", "created_at", "status"),
      List.of("closed_at", "stage", "probability", "customer_id", "lead_id", "product")),
  /** The stage history of deals, one row per stage entered, joined to deals by deal_id. */
  DEAL_STAGES("deal_stages.csv", List.of("deal_id", "stage", "entered_at"), List.of()),
  /** Orders, with an optional single product line. */
  ORDERS(
      "orders.csv",
      List.of("order_id", "customer_id", "placed_at", "amount", "currency"),
      List.of("status", "rep_id", "product", "quantity")),
  /** Customers with sign-up, activation and cancellation. */
  CUSTOMERS(
      "customers.csv",
      List.of("customer_id", "signed_up_at"),
      List.of("activated_at", "cancelled_at", "rep_id", "campaign_id")),
  /** Marketing campaigns with their spend. */
  CAMPAIGNS(
      "campaigns.csv",
      List.of("campaign_id", "name", "start_date", "end_date", "spend", "currency"),
      List.of("channel")),
  /** Survey answers (NPS or CSAT). */
  RESPONSES(
      "responses.csv", List.of("customer_id", "responded_at", "score", "scale"), List.of());

  private final String fileName;
  private final ImmutableList<String> required;
  private final ImmutableList<String> columns;

  CsvFile(String fileName, List<String> required, List<String> optional) {
    this.fileName = fileName;
    this.required = ImmutableList.copyOf(required);
    this.columns = ImmutableList.<String>builder().addAll(required).addAll(optional).build();
  }

  /**
   * Returns the file's conventional name in a data directory.
   *
   * @return e.g. {@code "deals.csv"}
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns every column of the file, required ones first, in the order the writer uses.
   *
   * @return the lowercase column names
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * Returns the columns a file must have.
   *
   * @return the required lowercase column names
   */
  public List<String> requiredColumns() {
    return required;
  }

  /**
   * Finds the schema file with the given file name, case-insensitively.
   *
   * @param fileName e.g. {@code "Deals.csv"}
   * @return the file, or empty if the name is not one of the schema's
   */
  public static Optional<CsvFile> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (CsvFile file : values()) {
      if (file.fileName.equals(lower)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }
}
