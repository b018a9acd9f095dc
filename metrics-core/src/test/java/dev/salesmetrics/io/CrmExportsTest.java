package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Ratio;
import dev.salesmetrics.metric.Window;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written as CRMs and spreadsheets export them (their headers, quoting, line ends, byte
 * order marks, separators, footers and date forms), loaded from a directory with {@link
 * Dataset#load(Path, CsvOptions)} and the mapping a user would give: the exact records, or the
 * exact refusal.
 */
class CrmExportsTest {
  @TempDir Path dir;

  private Path deals(String text) throws IOException {
    Files.write(dir.resolve("deals.csv"), text.getBytes(StandardCharsets.UTF_8));
    return dir;
  }

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  // ---- HubSpot, a portal in Berlin --------------------------------------------------------------

  /** A HubSpot deals export: local times of the portal's zone, LF, quotes only where needed. */
  private static final String HUBSPOT =
      """
      Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Currency,Create Date,Pipeline,\
      Associated Company IDs,Deal probability
      9001,Acme renewal,Closed won,2024-03-05,Anna Schmidt,12000.5,EUR,2024-03-05 14:30,\
      Sales Pipeline,9005,1
      9002,Globex pilot,Closed lost,2024-03-12 09:15,Jonas Weber,,EUR,2024-02-20 10:00,\
      Sales Pipeline,9006;9007,0
      9003,Initech expansion,Appointment scheduled,2024-04-30,Anna Schmidt,8000,EUR,\
      2024-03-31 02:30,Sales Pipeline,,0.2
      9004,"Umbrella, Inc. deal",Closed won,2024-10-27 02:30,Jonas Weber,5000,EUR,\
      2024-10-01 08:00,Sales Pipeline,9008,1
      """;

  @Test
  void hubspotBerlin() throws IOException {
    CsvOptions options =
        MappingFile.preset("hubspot")
            .applyTo(CsvOptions.strict())
            .withZone(ZoneId.of("Europe/Berlin"));
    LoadResult<Dataset> result = Dataset.load(deals(HUBSPOT), options);
    Instant created9001 = at("2024-03-05T13:30:00Z");
    assertThat(result.value().deals())
        .containsExactly(
            // closed "2024-03-05", the day it was created at 14:30: closed at its creation
            Deal.builder("9001", "Anna Schmidt", eur("12000.50"), created9001)
                .won(created9001)
                .stage("Closed won")
                .probability(1.0)
                .customerId("9005")
                .build(),
            // lost without an amount; the first of two companies
            Deal.builder("9002", "Jonas Weber", null, at("2024-02-20T09:00:00Z"))
                .lost(at("2024-03-12T08:15:00Z"))
                .stage("Closed lost")
                .probability(0.0)
                .customerId("9006")
                .build(),
            // 02:30 on 31 March does not exist in Berlin: 03:30 CEST; the expected close is dropped
            Deal.builder("9003", "Anna Schmidt", eur("8000.00"), at("2024-03-31T01:30:00Z"))
                .stage("Appointment scheduled")
                .probability(0.2)
                .build(),
            // 02:30 on 27 October happens twice in Berlin: the earlier, CEST
            Deal.builder("9004", "Jonas Weber", eur("5000.00"), at("2024-10-01T06:00:00Z"))
                .won(at("2024-10-27T00:30:00Z"))
                .stage("Closed won")
                .probability(1.0)
                .customerId("9008")
                .build());
    assertThat(result.warnings())
        .extracting(LoadWarning::message)
        .containsExactly(
            "deals.csv:3: column customer_id: \"9006;9007\": customer_id holds 2 ids: the first,"
                + " 9006, is used",
            "deals.csv:4: column created_at: \"2024-03-31 02:30\": 2024-03-31T02:30 does not exist"
                + " in Europe/Berlin (the clocks moved forward an hour): read as"
                + " 2024-03-31T03:30+02:00",
            "deals.csv:5: column closed_at: \"2024-10-27 02:30\": 2024-10-27T02:30 occurs twice in"
                + " Europe/Berlin (the clocks moved back): read as the earlier,"
                + " 2024-10-27T02:30+02:00");
    assertThat(result.reports()).extracting(LoadReport::summary)
        .containsExactly("deals.csv: 4 rows, 4 loaded, 0 rejected, 3 warnings");
  }

  @Test
  void hubspotWithoutAZoneIsRefusedWithTheReason() throws IOException {
    CsvOptions options = MappingFile.preset("hubspot").applyTo(CsvOptions.strict());
    assertThatThrownBy(() -> Dataset.load(deals(HUBSPOT), options))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:2: column created_at: \"2024-03-05 14:30\": created_at is a local date-time"
                + " without offset: add Z or an offset like +01:00, or give a zone"
                + " (CsvOptions.withZone)");
  }

  // ---- Salesforce, an org in the United Kingdom -----------------------------------------------

  /**
   * A Salesforce opportunity report ("Details Only" CSV): every cell quoted, CRLF, dates in the UK
   * order, and the report footer.
   */
  private static final String SALESFORCE_UK =
      """
      "Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Amount Currency",\
      "Probability (%)","Created Date","Close Date","Opportunity ID","Account ID"\r
      "Olivia Brown","Tesco","Tesco POS","Closed Won","12000.00","GBP","100","03/02/2025",\
      "10/02/2025","0065g00000AbCdE","0015g00000XyZ01"\r
      "Harry Jones","Boots","Boots loyalty","Closed Lost","","GBP","0","20/01/2025","28/02/2025",\
      "0065g00000AbCdF","0015g00000XyZ02"\r
      "Olivia Brown","Argos","Argos kiosks","Negotiation/Review","45000.00","GBP","90",\
      "01/03/2025","31/03/2025","0065g00000AbCdG","0015g00000XyZ03"\r
      \r
      "Grand Totals (3 records)"\r
      \r
      "Confidential Information - Do Not Distribute"\r
      "Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\r
      """;

  @Test
  void salesforceUkOrg() throws IOException {
    CsvOptions options = MappingFile.presetOrFile("salesforce").applyTo(CsvOptions.strict());
    LoadResult<Dataset> result = Dataset.load(deals(SALESFORCE_UK), options);
    Money gbp12000 = Money.of("12000.00", "GBP");
    List<Deal> deals = result.value().deals();
    assertThat(deals)
        .containsExactly(
            Deal.builder("0065g00000AbCdE", "Olivia Brown", gbp12000, at("2025-02-03T00:00:00Z"))
                .won(at("2025-02-10T00:00:00Z"))
                .stage("Closed Won")
                .probability(1.0)
                .customerId("0015g00000XyZ01")
                .build(),
            Deal.builder("0065g00000AbCdF", "Harry Jones", null, at("2025-01-20T00:00:00Z"))
                .lost(at("2025-02-28T00:00:00Z"))
                .stage("Closed Lost")
                .probability(0.0)
                .customerId("0015g00000XyZ02")
                .build(),
            Deal.builder(
                    "0065g00000AbCdG",
                    "Olivia Brown",
                    Money.of("45000.00", "GBP"),
                    at("2025-03-01T00:00:00Z"))
                .stage("Negotiation/Review")
                .probability(0.9)
                .customerId("0015g00000XyZ03")
                .build());
    // 3 February to 10 February: a sales cycle of 7 days, not 214
    assertThat(Duration.between(deals.get(0).createdAt(), deals.get(0).closedAt()))
        .isEqualTo(Duration.ofDays(7));
    // the lost deal without an amount counts: 1 won of 2 closed, not 1 of 1
    assertThat(Metrics.WIN_RATE.compute(deals, Window.all()).value()).isEqualTo(Ratio.of(1, 2));
    assertThat(result.reports()).extracting(LoadReport::summary)
        .containsExactly(
            "deals.csv: 3 rows, 3 loaded, 0 rejected, 3 footer lines skipped, dates read"
                + " day/month/year (detected)");
  }

  @Test
  void salesforceWithOnlyAmbiguousDatesIsRefusedUntilTheOrderIsGiven() throws IOException {
    String ambiguous = SALESFORCE_UK.replace("20/01/2025", "12/01/2025")
        .replace("28/02/2025", "11/02/2025").replace("31/03/2025", "09/03/2025");
    CsvOptions options = MappingFile.preset("salesforce").applyTo(CsvOptions.lenient());
    assertThatThrownBy(() -> Dataset.load(deals(ambiguous), options))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:2: column created_at: \"03/02/2025\": every numeric date of the file reads"
                + " both as month/day/year and as day/month/year (no day is above 12): give the"
                + " date order, MDY or DMY");
    LoadResult<Dataset> given = Dataset.load(dir, options.withDateOrder(DateOrder.DMY));
    assertThat(given.value().deals().get(1).createdAt()).isEqualTo(at("2025-01-12T00:00:00Z"));
    assertThat(given.reports()).extracting(LoadReport::summary)
        .containsExactly("deals.csv: 3 rows, 3 loaded, 0 rejected, 3 footer lines skipped");
  }

  @Test
  void salesforceUsOrgWithTimesInLowerCase() throws IOException {
    String us =
        """
        "Opportunity ID","Opportunity Owner","Amount","Amount Currency","Created Date",\
        "Close Date","Stage"\r
        "A1","Ann Lee","100.00","USD","1/31/2024 4:05 pm","2/1/2024 9:00 AM","Closed Won"\r
        """;
    CsvOptions options =
        MappingFile.preset("salesforce")
            .applyTo(CsvOptions.strict())
            .withZone(ZoneId.of("America/New_York"));
    Deal deal = Dataset.load(deals(us), options).value().deals().get(0);
    assertThat(deal.createdAt()).isEqualTo(at("2024-01-31T21:05:00Z"));
    assertThat(deal.closedAt()).isEqualTo(at("2024-02-01T14:00:00Z"));
  }

  // ---- a custom CRM through European Excel ------------------------------------------------------

  /**
   * A custom CRM's export saved by Excel with German settings ("CSV UTF-8"): a byte order mark,
   * {@code ;}, CRLF, decimal commas, day-first dates, status words, and the lines of empty cells
   * Excel writes below the data.
   */
  private static final String EXCEL =
      """
      \uFEFFDeal number;Owner;Value;Created;Closed;Phase;State;Win chance (%);Companies\r
      1001;Anna Schmidt;12000,5;03.02.2025 09:15;10.02.2025 16:40;Vertrag;Gewonnen;100;\
      "C-17;C-18"\r
      1002;Jonas Weber;;20.01.2025 11:00;28.02.2025 10:05;Absage;Verloren;0;C-20\r
      1003;Anna Schmidt;4500;01.03.2025 08:00;31.03.2025 12:00;Angebot;Offen;60;\r
      ;;;;;;;;\r
      ;;;;;;;;\r
      """;

  @Test
  void europeanExcelWithTheDocumentedMappingFile() throws IOException {
    MappingFile mapping = MappingFile.parse("crm.mapping", MappingFileTest.EXAMPLE);
    LoadResult<Dataset> result = Dataset.load(deals(EXCEL), mapping.applyTo(CsvOptions.strict()));
    assertThat(result.value().deals())
        .containsExactly(
            Deal.builder("1001", "Anna Schmidt", eur("12000.50"), at("2025-02-03T08:15:00Z"))
                .won(at("2025-02-10T15:40:00Z"))
                .stage("Vertrag")
                .probability(1.0)
                .customerId("C-17")
                .build(),
            Deal.builder("1002", "Jonas Weber", null, at("2025-01-20T10:00:00Z"))
                .lost(at("2025-02-28T09:05:00Z"))
                .stage("Absage")
                .probability(0.0)
                .customerId("C-20")
                .build(),
            Deal.builder("1003", "Anna Schmidt", eur("4500.00"), at("2025-03-01T07:00:00Z"))
                .stage("Angebot")
                .probability(0.6)
                .build());
    assertThat(result.reports()).extracting(LoadReport::summary)
        .containsExactly("deals.csv: 3 rows, 3 loaded, 0 rejected, 1 warning");
  }

  @Test
  void europeanExcelWithoutAMappingIsRefusedAtTheHeader() throws IOException {
    assertThatThrownBy(() -> Dataset.load(deals(EXCEL), CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:1: column deal_id: missing required column deal_id (header: Deal number,"
                + " Owner, Value, Created, Closed, Phase, State, Win chance (%), Companies)");
  }

  /** The interchange schema, edited and saved by Excel with German settings. */
  @Test
  void theInterchangeSchemaSavedByEuropeanExcel() throws IOException {
    String text =
        """
        \uFEFFdeal_id;rep_id;amount;currency;created_at;status;closed_at\r
        D1;R1;1250,5;EUR;31.01.2024 16:05;won;14.02.2024 09:30\r
        """;
    assertThatThrownBy(() -> Dataset.load(deals(text), CsvOptions.strict()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "deals.csv:2: column amount: \"1250,5\": amount must be a plain decimal like 1250.00:"
                + " \"1250,5\" (a decimal comma? set the mapping's decimal separator to ',')");
    MappingFile excel =
        MappingFile.parse(
            "excel.mapping",
            """
            zone = Europe/Berlin
            [deals]
            date order = DMY
            decimal separator = ,
            """);
    Deal deal = Dataset.load(dir, excel.applyTo(CsvOptions.strict())).value().deals().get(0);
    assertThat(deal)
        .isEqualTo(
            Deal.builder("D1", "R1", eur("1250.50"), at("2024-01-31T15:05:00Z"))
                .won(at("2024-02-14T08:30:00Z"))
                .build());
  }
}
