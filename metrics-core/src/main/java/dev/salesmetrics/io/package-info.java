/**
 * CSV import and export in the interchange schema: one file per record type (reps.csv,
 * quotas.csv, leads.csv, deals.csv, deal_stages.csv, orders.csv, customers.csv, campaigns.csv,
 * responses.csv), read row by row with FastCSV into the records of {@code dev.salesmetrics.model},
 * strictly (the first bad row throws a {@link dev.salesmetrics.io.CsvFormatException} naming file,
 * line, column, value and reason) or leniently (bad rows are returned with their reasons, warnings
 * and a one-line summary per file); column mappings for CRM exports (HubSpot, Salesforce, or a
 * {@link dev.salesmetrics.io.MappingFile}) with numeric dates read in one {@link
 * dev.salesmetrics.io.DateOrder}, given or detected; separators detected per file; a {@link
 * dev.salesmetrics.io.Dataset} of all record lists; and a deterministic {@link
 * dev.salesmetrics.io.SampleData} generator.
 *
 * <pre>{@code
 * LoadResult<Dataset> data = Dataset.load(Path.of("data"));
 * LoadResult<List<Deal>> deals = CsvFormat.DEALS.read(Path.of("export.csv"),
 *     CsvOptions.lenient().withMapping(CsvFile.DEALS, ColumnMapping.salesforceOpportunities()));
 * }</pre>
 *
 * <p>Parameters and return values are non-null unless annotated {@link javax.annotation.Nullable}.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.io;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
