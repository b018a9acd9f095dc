package dev.salesmetrics.dashboard.server;

import dev.salesmetrics.io.CsvFile;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of records the live dashboard accepts while it runs, each in its file of the
 * interchange CSV schema: {@code POST /api/deals} takes the rows of a deals.csv, and so on.
 */
public enum RecordKind {
  /** Deals, as the rows of deals.csv. */
  DEALS(CsvFile.DEALS),
  /** Orders, as the rows of orders.csv. */
  ORDERS(CsvFile.ORDERS),
  /** Leads, as the rows of leads.csv. */
  LEADS(CsvFile.LEADS),
  /** Customers, as the rows of customers.csv. */
  CUSTOMERS(CsvFile.CUSTOMERS);

  private final CsvFile file;

  RecordKind(CsvFile file) {
    this.file = file;
  }

  /**
   * Returns the schema file whose rows this kind takes.
   *
   * @return e.g. {@link CsvFile#DEALS}
   */
  public CsvFile file() {
    return file;
  }

  /**
   * Returns the lowercase name used in URLs and inbox file names.
   *
   * @return e.g. {@code "deals"}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds the kind with the given {@link #id()}.
   *
   * @param id e.g. {@code "deals"}, exactly
   * @return the kind, or empty
   */
  public static Optional<RecordKind> byId(String id) {
    for (RecordKind k : values()) {
      if (k.id().equals(id)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
