package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Deal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numeric dates are read in one order per file, strictly, or refused with both lines named. */
class DateOrderTest {
  private static final String HEADER = "deal_id,rep_id,amount,currency,created_at,status,closed_at\n";

  private static CsvOptions options(ColumnMapping mapping) {
    return CsvOptions.strict().withMapping(CsvFile.DEALS, mapping);
  }

  private static ColumnMapping detecting() {
    return ColumnMapping.builder().detectDateOrder().build();
  }

  private static ColumnMapping ordered(DateOrder order) {
    return ColumnMapping.builder().dateOrder(order).build();
  }

  private static LoadResult<List<Deal>> parse(String rows, CsvOptions options) {
    return CsvFormat.DEALS.parse("deals.csv", HEADER + rows, options);
  }

  private static Instant utc(String text) {
    return Instant.parse(text);
  }

  // ---- the UK org: one file read two ways before --------------------------------------

  @Test
  void addingADayFirstPatternToTheSalesforcePresetReadsTheWholeFileDayFirst() {
    String text =
        """
        Opportunity ID,Opportunity Owner,Amount,Amount Currency,Created Date,Close Date,Stage
        A,Olivia,100.00,GBP,03/02/2025,10/02/2025,Closed Won
        B,Olivia,200.00,GBP,20/01/2025,28/01/2025,Closed Won
        """;
    ColumnMapping uk =
        ColumnMapping.salesforceOpportunities().toBuilder().dateTimePattern("d/M/yyyy").build();
    assertThat(uk.dateOrder()).contains(DateOrder.DMY);
    List<Deal> deals = CsvFormat.DEALS.parse("report.csv", text, options(uk)).value();
    Deal a = deals.get(0);
    assertThat(a.createdAt()).isEqualTo(utc("2025-02-03T00:00:00Z"));
    assertThat(a.closedAt()).isEqualTo(utc("2025-02-10T00:00:00Z"));
    assertThat(Duration.between(a.createdAt(), a.closedAt())).isEqualTo(Duration.ofDays(7));
    assertThat(deals.get(1).createdAt()).isEqualTo(utc("2025-01-20T00:00:00Z"));
  }

  @Test
  void theSalesforcePresetDetectsADayFirstOrgFromOneDateAboveTwelve() {
    String text =
        """
        Opportunity ID,Opportunity Owner,Amount,Amount Currency,Created Date,Close Date,Stage
        A,Olivia,100.00,GBP,03/02/2025,10/02/2025,Closed Won
        B,Olivia,200.00,GBP,20/01/2025,28/01/2025,Closed Won
        """;
    LoadResult<List<Deal>> result =
        CsvFormat.DEALS.parse(
            "report.csv", text, options(ColumnMapping.salesforceOpportunities()));
    assertThat(result.value())
        .extracting(Deal::closedAt)
        .containsExactly(utc("2025-02-10T00:00:00Z"), utc("2025-01-28T00:00:00Z"));
    LoadReport report = result.reports().get(0);
    assertThat(report.detectedDateOrder()).isEqualTo(DateOrder.DMY);
    assertThat(report.summary())
        .isEqualTo("report.csv: 2 rows, 2 loaded, 0 rejected, dates read day/month/year (detected)");
  }

  @Test
  void aGivenOrderReplacesThePresetsDetection() {
    ColumnMapping us = ColumnMapping.salesforceOpportunities().toBuilder()
        .dateOrder(DateOrder.DMY)
        .dateOrder(DateOrder.MDY)
        .build();
    assertThat(us.dateOrder()).contains(DateOrder.MDY);
    assertThat(us.detectsDateOrder()).isFalse();
    assertThat(ColumnMapping.salesforceOpportunities().detectsDateOrder()).isTrue();
    assertThat(ColumnMapping.hubspotDeals().dateOrder()).contains(DateOrder.YMD);
  }

  // ---- detection ------------------------------------------------------------------------------

  @Test
  void rowsReadBeforeTheOrderIsKnownAreHeldAndReadInFileOrder() {
    String rows =
        """
        D1,R1,1.00,USD,01/02/2024,lost,03/02/2024
        D2,R1,2.00,USD,2024-01-05T00:00:00Z,open,
        D3,R1,3.00,USD,02/03/2024,lost,04/03/2024
        D4,R1,4.00,USD,1/31/2024,won,2/13/2024
        """;
    LoadResult<List<Deal>> result = parse(rows, options(detecting()));
    assertThat(result.value()).extracting(Deal::id).containsExactly("D1", "D2", "D3", "D4");
    assertThat(result.value())
        .extracting(Deal::createdAt)
        .containsExactly(
            utc("2024-01-02T00:00:00Z"),
            utc("2024-01-05T00:00:00Z"),
            utc("2024-02-03T00:00:00Z"),
            utc("2024-01-31T00:00:00Z"));
    assertThat(result.reports().get(0).detectedDateOrder()).isEqualTo(DateOrder.MDY);
  }

  @Test
  void aQuoteErrorWhileRowsAreHeldIsRejectedOnceInItsPlace() {
    String rows =
        """
        D1,R1,1.00,USD,01/02/2024,open,
        D2,R1,"1.00"x,USD,01/03/2024,open,
        D3,R1,3.00,USD,1/31/2024,open,
        """;
    LoadResult<List<Deal>> result = parse(rows, options(detecting()).withLenient(true));
    assertThat(result.value()).extracting(Deal::id).containsExactly("D1", "D3");
    assertThat(result.value().get(0).createdAt()).isEqualTo(utc("2024-01-02T00:00:00Z"));
    assertThat(result.rejected())
        .containsExactly(
            new RejectedRow(
                "deals.csv",
                3,
                null,
                null,
                "bad quoting: Unexpected character after closing quote: 'x' (0x78)"));
    assertThat(result.reports().get(0).rowsRead()).isEqualTo(3);
    assertThatThrownBy(() -> parse(rows, options(detecting())))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:3: bad quoting: Unexpected character after closing quote: 'x' (0x78)");
  }

  @Test
  void datesInTwoOrdersRefuseTheFileNamingBothLines() {
    String rows =
        """
        D1,R1,1.00,USD,1/31/2024,open,
        D2,R1,2.00,USD,2024-01-05T00:00:00Z,open,
        D3,R1,3.00,USD,20/01/2025,open,
        """;
    for (CsvOptions options :
        List.of(options(detecting()), options(detecting()).withLenient(true))) {
      assertThatThrownBy(() -> parse(rows, options))
          .isInstanceOf(CsvFormatException.class)
          .hasMessage(
              "deals.csv:4: column created_at: \"20/01/2025\": dates are written in two orders:"
                  + " \"1/31/2024\" (created_at, line 2) reads only as month/day/year, this date"
                  + " only as day/month/year: give the date order to read the file one way");
    }
  }

  @Test
  void anAmbiguousDateHeldBeforeTheDecidingOneIsCheckedToo() {
    String rows =
        """
        D1,R1,1.00,USD,03/02/2025,open,
        D2,R1,2.00,USD,2025/1/31,open,
        """;
    assertThatThrownBy(() -> parse(rows, options(detecting())))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:3: column created_at: \"2025/1/31\": dates are written in two orders:"
                + " \"03/02/2025\" (created_at, line 2) reads only as month/day/year or"
                + " day/month/year, this date only as year/month/day: give the date order to read"
                + " the file one way");
  }

  @Test
  void aFileWhoseEveryDateReadsBothWaysIsRefused() {
    String rows =
        """
        D1,R1,1.00,USD,2024-01-05T00:00:00Z,open,
        D2,R1,2.00,USD,03/02/2025,lost,04/02/2025
        D3,R1,3.00,USD,05/02/2025,open,
        """;
    assertThatThrownBy(() -> parse(rows, options(detecting()).withLenient(true)))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:3: column created_at: \"03/02/2025\": every numeric date of the file reads"
                + " both as month/day/year and as day/month/year (no day is above 12): give the"
                + " date order, MDY or DMY");
    List<Deal> given = parse(rows, options(ordered(DateOrder.DMY))).value();
    assertThat(given.get(1).createdAt()).isEqualTo(utc("2025-02-03T00:00:00Z"));
  }

  @Test
  void aFileOfIsoDatesNeedsNoOrder() {
    LoadResult<List<Deal>> result =
        parse("D1,R1,1.00,USD,2024-01-05T00:00:00Z,open,\n", options(detecting()));
    assertThat(result.value()).hasSize(1);
    assertThat(result.reports().get(0).detectedDateOrder()).isNull();
    assertThat(result.reports().get(0).summary())
        .isEqualTo("deals.csv: 1 row, 1 loaded, 0 rejected");
  }

  // ---- strict dates ---------------------------------------------------------------------------

  private static void assertBadDate(ColumnMapping mapping, String date, String reason) {
    String rows = "D1,R1,1.00,USD," + date + ",open,\n";
    assertThatThrownBy(() -> parse(rows, options(mapping)))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("deals.csv:2: column created_at: \"" + date + "\": " + reason);
  }

  @Test
  void impossibleDatesAreBadCellsInEveryForm() {
    ColumnMapping mdy = ordered(DateOrder.MDY);
    assertBadDate(
        mdy,
        "2/30/2024",
        "created_at \"2/30/2024\" is no date in the date order month/day/year: February 2024 has"
            + " 29 days");
    assertBadDate(
        mdy,
        "4/31/2024",
        "created_at \"4/31/2024\" is no date in the date order month/day/year: April 2024 has 30"
            + " days");
    assertBadDate(
        mdy,
        "2/29/2023",
        "created_at \"2/29/2023\" is no date in the date order month/day/year: February 2023 has"
            + " 28 days");
    assertBadDate(
        ColumnMapping.hubspotDeals(),
        "2024-02-30 10:00",
        "created_at \"2024-02-30 10:00\" is no date in the date order year/month/day: February"
            + " 2024 has 29 days");
    assertBadDate(
        mdy,
        "2/3/2024 13:05 PM",
        "created_at \"2/3/2024 13:05 PM\" is no date in the date order month/day/year: hour 13 is"
            + " out of range with AM/PM (1 to 12)");
    assertBadDate(
        detecting(),
        "2/30/2024",
        "created_at \"2/30/2024\" is no date: not as month/day/year (February 2024 has 29 days),"
            + " nor as day/month/year (there is no month 30)");
  }

  @Test
  void customPatternsAreStrictAndNamedInTheMessage() {
    ColumnMapping dotted = ColumnMapping.builder().dateTimePattern("d.M.yyyy").build();
    assertBadDate(
        dotted,
        "30.2.2024",
        "created_at must be an ISO-8601 instant like 2024-01-31T16:05:00Z or in the mapping's"
            + " pattern d.M.yyyy");
    List<Deal> deals = parse("D1,R1,1.00,USD,29.2.2024,open,\n", options(dotted)).value();
    assertThat(deals.get(0).createdAt()).isEqualTo(utc("2024-02-29T00:00:00Z"));
  }

  @Test
  void aBadDateInAMappedFileNamesTheMappingsForms() {
    assertBadDate(
        ordered(DateOrder.DMY),
        "yesterday",
        "created_at must be an ISO-8601 instant like 2024-01-31T16:05:00Z or a day/month/year"
            + " date like 31/01/2024 or 31/01/2024 16:05 or 31/01/2024 4:05 PM");
    assertBadDate(
        ColumnMapping.salesforceOpportunities().toBuilder().build(),
        "yesterday",
        "created_at must be an ISO-8601 instant like 2024-01-31T16:05:00Z or a numeric date in"
            + " the file's date order, like 1/31/2024 or 31/01/2024");
    assertBadDate(
        ColumnMapping.identity(),
        "1/31/2024",
        "created_at must be an ISO-8601 instant with an offset, like 2024-03-01T09:30:00Z");
  }

  @Test
  void aDateInTheOtherOrderIsABadCellWithAHint() {
    assertBadDate(
        ordered(DateOrder.DMY),
        "1/31/2024",
        "created_at \"1/31/2024\" is no date in the date order day/month/year: there is no month"
            + " 31; it reads as month/day/year: is the date order MDY?");
  }

  @Test
  void timesWithAmOrPmInAnyCaseAndSecondsAndFractions() {
    CsvOptions options =
        options(ordered(DateOrder.MDY)).withZone(ZoneId.of("America/New_York"));
    List<Deal> deals =
        parse(
                """
                D1,R1,1.00,USD,1/31/2024 4:05 pm,open,
                D2,R1,1.00,USD,1/31/2024 4:05 PM,open,
                D3,R1,1.00,USD,"1/31/2024, 12:00 am",open,
                D4,R1,1.00,USD,01-31-2024 16:05:07.25,open,
                """,
                options)
            .value();
    assertThat(deals)
        .extracting(Deal::createdAt)
        .containsExactly(
            utc("2024-01-31T21:05:00Z"),
            utc("2024-01-31T21:05:00Z"),
            utc("2024-01-31T05:00:00Z"),
            utc("2024-01-31T21:05:07.250Z"));
  }

  // ---- patterns and orders agree ----------------------------------------------------------------

  @Test
  void patternsInTwoOrdersOrAgainstTheGivenOrderAreRefused() {
    assertThatThrownBy(
            () ->
                ColumnMapping.builder()
                    .dateTimePattern("M/d/yyyy")
                    .dateTimePattern("d.M.yyyy")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "date patterns \"M/d/yyyy\" and \"d.M.yyyy\" read dates in two orders, month/day/year"
                + " and day/month/year: a mapping reads every date one way");
    assertThatThrownBy(
            () ->
                ColumnMapping.builder()
                    .dateOrder(DateOrder.MDY)
                    .dateTimePattern("dd.MM.yyyy HH:mm")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "date pattern \"dd.MM.yyyy HH:mm\" reads day/month/year, but the date order is MDY"
                + " (month/day/year): a mapping reads every date one way");
    assertThatThrownBy(() -> ColumnMapping.builder().dateTimePattern("yyyy-dd-MM"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "date pattern \"yyyy-dd-MM\" has day, month and year in an order that is none of MDY,"
                + " DMY and YMD");
    ColumnMapping named = ColumnMapping.builder().dateTimePattern("dd MMM yyyy").build();
    assertThat(named.dateOrder()).isEmpty();
    assertThat(parse("D1,R1,1.00,USD,31 jan 2024,open,\n", options(named)).value())
        .extracting(Deal::createdAt)
        .containsExactly(utc("2024-01-31T00:00:00Z"));
  }

  @Test
  void theOptionsDateOrderAppliesToEveryFileAndChecksTheirPatterns() {
    CsvOptions options = CsvOptions.strict().withDateOrder(DateOrder.DMY);
    assertThat(options.mapping(CsvFile.REPS).dateOrder()).contains(DateOrder.DMY);
    assertThat(parse("D1,R1,1.00,USD,31/01/2024,open,\n", options).value())
        .extracting(Deal::createdAt)
        .containsExactly(utc("2024-01-31T00:00:00Z"));
    assertThatThrownBy(
            () ->
                options.withMapping(
                    CsvFile.DEALS, ColumnMapping.builder().dateTimePattern("M/d/yyyy").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the mapping of deals.csv cannot read dates in the order DMY: date pattern"
                + " \"M/d/yyyy\" reads month/day/year, but the date order is DMY (day/month/year):"
                + " a mapping reads every date one way");
  }

  @Test
  void dateOrderParsesItsName() {
    assertThat(DateOrder.parse(" dmy ")).isEqualTo(DateOrder.DMY);
    assertThatThrownBy(() -> DateOrder.parse("DD/MM"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("date order must be MDY, DMY or YMD: \"DD/MM\"");
  }
}
