package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instants and dates outside the years 1900 to 2199 are bad cells when read. */
class PlausibleDatesTest {
  private static final String CUSTOMERS = "customer_id,signed_up_at,cancelled_at\n";

  @Test
  void aSentinelCancellationIsABadCellWithAHintThatEmptyMeansNone() {
    String text =
        CUSTOMERS + "C1,2024-01-02T09:00:00Z,\n" + "C2,2024-01-02T09:00:00Z,9999-12-31T00:00:00Z\n"
            + "C3,2024-01-02T09:00:00Z,2024-06-01T00:00:00Z\n";
    String reason =
        "cancelled_at 9999-12-31T00:00:00Z is outside the plausible range, the years 1900 to"
            + " 2199 (leave the cell empty for none)";
    assertThatThrownBy(() -> CsvFormat.CUSTOMERS.parse("customers.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("customers.csv:3: column cancelled_at: \"9999-12-31T00:00:00Z\": " + reason);
    LoadResult<List<Customer>> lenient =
        CsvFormat.CUSTOMERS.parse("customers.csv", text, CsvOptions.lenient());
    assertThat(lenient.value()).extracting(Customer::id).containsExactly("C1", "C3");
    assertThat(lenient.rejected())
        .containsExactly(
            new RejectedRow("customers.csv", 3, "cancelled_at", "9999-12-31T00:00:00Z", reason));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1899-12-31T23:59:59.999999999Z",
        "1900-01-01T00:30:00+01:00",
        "2200-01-01T00:00:00Z",
        "2199-12-31T23:30:00-01:00",
        "+10000-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z"
      })
  void requiredInstantsOutsideTheRangeAreBadCellsWithoutTheHint(String instant) {
    String text = CUSTOMERS + "C1," + instant + ",\n";
    assertThatThrownBy(() -> CsvFormat.CUSTOMERS.parse("customers.csv", text, CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("customers.csv:2: column signed_up_at: \"" + instant + "\": ")
        .hasMessageEndingWith("is outside the plausible range, the years 1900 to 2199");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1900-01-01T00:00:00Z",
        "2199-12-31T23:59:59.999999999Z",
        "1900-01-01T01:00:00+01:00",
        "2199-12-31T22:00:00-01:00"
      })
  void theEdgesOfTheRangeAreRead(String instant) {
    String text = CUSTOMERS + "C1," + instant + ",\n";
    assertThat(
            CsvFormat.CUSTOMERS.parse("customers.csv", text, CsvOptions.strict()).value().get(0)
                .signedUpAt())
        .isEqualTo(java.time.OffsetDateTime.parse(instant).toInstant());
  }

  private static final String QUOTAS = "rep_id,period_start,period_end,amount,currency\n";

  @Test
  void datesOutsideTheRangeAreBadCellsAndAnExclusiveEndMayBeTheFirstDayAfterIt() {
    assertThatThrownBy(
            () -> CsvFormat.REPS.parse("reps.csv", "rep_id,name,hired_on\nR1,Ann,1899-12-31\n",
                CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "reps.csv:2: column hired_on: \"1899-12-31\": hired_on 1899-12-31 is outside the"
                + " plausible range, the years 1900 to 2199 (leave the cell empty for none)");
    List<Quota> quotas =
        CsvFormat.QUOTAS.parse(
                "quotas.csv",
                QUOTAS + "R1,1900-01-01,1900-02-01,1.00,USD\nR1,2199-12-01,2200-01-01,1.00,USD\n",
                CsvOptions.strict())
            .value();
    assertThat(quotas).hasSize(2);
    assertThatThrownBy(
            () -> CsvFormat.QUOTAS.parse(
                "quotas.csv",
                QUOTAS + "R1,2199-12-01,2200-01-02,1.00,USD\n",
                CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "quotas.csv:2: column period_end: \"2200-01-02\": period_end 2200-01-02 is outside"
                + " the plausible range, the years 1900 to 2199 (an exclusive end may be"
                + " 2200-01-01)");
    assertThatThrownBy(
            () -> CsvFormat.CAMPAIGNS.parse(
                "campaigns.csv",
                """
                campaign_id,name,start_date,end_date,spend,currency
                K1,Spring,2024-03-01,9999-12-31,1.00,USD
                """,
                CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("campaigns.csv:2: column end_date: \"9999-12-31\": end_date");
  }

  @Test
  void aMappedDateFormatIsCheckedToo() {
    CsvOptions options =
        CsvOptions.strict().withMapping(CsvFile.DEALS, ColumnMapping.salesforceOpportunities());
    String text =
        """
        Opportunity ID,Opportunity Owner,Amount,Amount Currency,Created Date,Close Date,Stage
        D1,Ann,10.00,USD,1/20/1850,,Prospecting
        """;
    assertThatThrownBy(() -> CsvFormat.DEALS.parse("deals.csv", text, options))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:2: column created_at: \"1/20/1850\": created_at 1850-01-20T00:00:00Z is"
                + " outside the plausible range, the years 1900 to 2199");
  }

  @Test
  void theWriterRefusesWhatTheReaderWouldReject(@TempDir Path dir) throws IOException {
    Customer sentinel =
        Customer.builder("C1", Instant.parse("2024-01-02T09:00:00Z"))
            .cancelledAt(Instant.parse("9999-12-31T00:00:00Z"))
            .build();
    Path file = dir.resolve("customers.csv");
    assertThatThrownBy(() -> CsvFormat.CUSTOMERS.write(file, List.of(sentinel)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cancelled_at 9999-12-31T00:00:00Z of customer_id C1 cannot be written to"
                + " customers.csv: it is outside the plausible range, the years 1900 to 2199,"
                + " that loading accepts");
    Deal deal =
        Deal.builder("D1", "R1", Money.of("1.00", "USD"), Instant.parse("2024-01-02T09:00:00Z"))
            .addStage("far", Instant.MAX)
            .build();
    assertThatThrownBy(
            () -> CsvFormat.writeDealStages(dir.resolve("deal_stages.csv"), List.of(deal)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("entered_at " + Instant.MAX + " of deal_id D1 cannot be written");
    Rep old = new Rep("R1", "Ann", null, null, LocalDate.of(1899, 12, 31));
    assertThatThrownBy(() -> CsvFormat.REPS.write(dir.resolve("reps.csv"), List.of(old)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("hired_on 1899-12-31 of rep_id R1 cannot be written");
  }
}
