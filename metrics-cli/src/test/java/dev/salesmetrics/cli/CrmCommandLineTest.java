package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.io.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRM exports from the command line (issue 11, items 5, 6 and 8): files written as HubSpot,
 * Salesforce and a European Excel export them, read with {@code --mapping}, {@code --date-order},
 * {@code --separator}, {@code --lenient} and {@code --rejects}, with a summary line per file on
 * standard error, or one clear refusal.
 */
class CrmCommandLineTest {
  @TempDir Path dir;

  /** A Salesforce opportunity report of a UK org: quoted cells, CRLF, day-first, a footer. */
  static final String SALESFORCE_UK =
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

  /** A HubSpot deals export of a portal in Berlin: local times, LF, quotes where needed. */
  static final String HUBSPOT =
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

  /** A custom CRM's export saved by Excel with German settings: BOM, ';', CRLF, commas. */
  static final String EXCEL =
      """
      \uFEFFDeal number;Owner;Value;Created;Closed;Phase;State;Win chance (%);Companies\r
      1001;Anna Schmidt;12000,5;03.02.2025 09:15;10.02.2025 16:40;Vertrag;Gewonnen;100;\
      "C-17;C-18"\r
      1002;Jonas Weber;;20.01.2025 11:00;28.02.2025 10:05;Absage;Verloren;0;C-20\r
      1003;Anna Schmidt;4500;01.03.2025 08:00;31.03.2025 12:00;Angebot;Offen;60;\r
      ;;;;;;;;\r
      """;

  /** The mapping file of docs/CSV.md for that export. */
  static final String EXCEL_MAPPING =
      """
      # Deals from our CRM, saved by Excel with German settings
      zone = Europe/Berlin
      separator = ;

      [deals.csv]
      column Deal number = deal_id
      column Owner = rep_id
      column Value = amount
      default currency = EUR
      column Created = created_at
      column Closed = closed_at
      column Phase = stage
      column State = status
      status Gewonnen = won
      status Verloren = lost
      status Offen = open
      column Win chance (%) = probability
      percent = probability
      column Companies = customer_id
      multiple ids customer_id = first
      date order = DMY
      date pattern = dd.MM.yyyy HH:mm
      decimal separator = ,
      close date of open deals = ignore
      report footer = keep
      """;

  private void deals(String text) throws IOException {
    Files.writeString(dir.resolve("deals.csv"), text, StandardCharsets.UTF_8);
  }

  private Cli.Result compute(String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("compute", "--data", dir.toString(), "--format", "csv"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void salesforceUkExportReadsDayFirstWithItsFooterSkipped() throws IOException {
    deals(SALESFORCE_UK);
    Cli.Result r = compute("--mapping", "salesforce", "--metrics", "win_rate,sales_cycle");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "deals.csv: 3 rows, 3 loaded, 0 rejected, 3 footer lines skipped, dates read"
                + " day/month/year (detected)\n");
    // the lost deal without an amount counts: 1 won of 2 closed; 3 Feb to 10 Feb is 7 days; the
    // range ends after the open deal's creation, its expected close date being ignored
    assertThat(r.lines())
        .contains(
            "2025-01-20,2025-03-02,win_rate,0.5,ratio",
            "2025-01-20,2025-03-02,sales_cycle,7,days",
            "2025-01-20,2025-03-02,sales_cycle.count,1,count");
  }

  @Test
  void ambiguousDatesAreRefusedUntilDateOrderIsGiven() throws IOException {
    deals(SALESFORCE_UK.replace("20/01/2025", "12/01/2025").replace("28/02/2025", "11/02/2025")
        .replace("31/03/2025", "09/03/2025"));
    Cli.Result refused = compute("--mapping", "salesforce", "--metrics", "win_rate");
    assertThat(refused.code()).isEqualTo(Main.BAD_DATA);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err())
        .isEqualTo(
            "salesmetrics: bad data in " + dir.resolve("deals.csv") + ", line 2, column"
                + " created_at, value \"03/02/2025\": every numeric date of the file reads both as"
                + " month/day/year and as day/month/year (no day is above 12): give the date"
                + " order, MDY or DMY\n");

    Cli.Result given =
        compute("--mapping", "salesforce", "--date-order", "DMY", "--metrics", "deals_won");
    assertThat(given.code()).as(given.err()).isZero();
    assertThat(given.lines()).contains("2025-01-12,2025-03-02,deals_won,1,count");
  }

  @Test
  void hubspotBerlinNeedsItsZoneAndSaysWhatItDidToRows() throws IOException {
    deals(HUBSPOT);
    Cli.Result noZone = compute("--mapping", "hubspot", "--metrics", "deals_won");
    assertThat(noZone.code()).isEqualTo(Main.BAD_DATA);
    assertThat(noZone.err()).contains("line 2, column created_at", "give a zone");

    Cli.Result r =
        compute("--mapping", "HubSpot", "--zone", "Europe/Berlin", "--metrics", "deals_won");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().lines().toList())
        .containsExactly(
            "deals.csv: 4 rows, 4 loaded, 0 rejected, 3 warnings",
            "  warning: deals.csv:3: column customer_id: \"9006;9007\": customer_id holds 2 ids:"
                + " the first, 9006, is used",
            "  warning: deals.csv:4: column created_at: \"2024-03-31 02:30\": 2024-03-31T02:30"
                + " does not exist in Europe/Berlin (the clocks moved forward an hour): read as"
                + " 2024-03-31T03:30+02:00",
            "  warning: deals.csv:5: column closed_at: \"2024-10-27 02:30\": 2024-10-27T02:30"
                + " occurs twice in Europe/Berlin (the clocks moved back): read as the earlier,"
                + " 2024-10-27T02:30+02:00");
    assertThat(r.lines()).anyMatch(l -> l.endsWith(",deals_won,2,count"));
  }

  @Test
  void europeanExcelWithAMappingFile() throws IOException {
    deals(EXCEL);
    Path mapping = Files.writeString(dir.resolve("crm.mapping"), EXCEL_MAPPING);
    Cli.Result r = compute("--mapping", mapping.toString(), "--metrics", "win_rate,sales_volume");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.summary()).containsExactly("deals.csv: 3 rows, 3 loaded, 0 rejected, 1 warning");
    assertThat(r.lines())
        .anyMatch(l -> l.endsWith(",win_rate,0.5,ratio"))
        .anyMatch(l -> l.endsWith(",sales_volume,12000.50,EUR"));

    Cli.Result without = compute("--metrics", "win_rate");
    assertThat(without.code()).isEqualTo(Main.BAD_DATA);
    assertThat(without.err()).contains("missing required column deal_id");
  }

  @Test
  void aBadMappingIsAUsageErrorNamingItsLine() throws IOException {
    deals(EXCEL);
    Path mapping =
        Files.writeString(dir.resolve("bad.mapping"), "[deals.csv]\ndate ordr = DMY\n");
    Cli.Result r = compute("--mapping", mapping.toString(), "--metrics", "win_rate");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).startsWith("salesmetrics: --mapping: bad.mapping:2: unknown key");
    assertThat(r.err()).endsWith("Try 'salesmetrics compute --help'\n");

    Cli.Result missing = compute("--mapping", "hubspto", "--metrics", "win_rate");
    assertThat(missing.code()).isEqualTo(Main.USAGE);
    assertThat(missing.err())
        .startsWith("salesmetrics: --mapping hubspto is neither hubspot, salesforce nor a readable"
            + " mapping file");
  }

  @Test
  void separatorOptionOverridesTheDetectionAndSaysWhenItIsWrong() throws IOException {
    deals(
        """
        deal_id;rep_id;amount;currency;created_at;status;closed_at
        D1;R1;100.00;USD;2025-01-05T00:00:00Z;won;2025-01-20T00:00:00Z
        """);
    assertThat(compute("--metrics", "deals_won").code()).isZero();
    assertThat(compute("--separator", ";", "--metrics", "deals_won").lines())
        .contains("2025-01-05,2025-01-21,deals_won,1,count");
    Cli.Result wrong = compute("--separator", ",", "--metrics", "deals_won");
    assertThat(wrong.code()).isEqualTo(Main.BAD_DATA);
    assertThat(wrong.err()).contains("is the separator ';'?");
    Cli.Result bad = compute("--separator", "x", "--metrics", "deals_won");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("separator must be ',', ';', tab or '|': \"x\"");
  }

  static final String ONE_BAD_ROW =
      """
      deal_id,rep_id,amount,currency,created_at,status,closed_at
      D1,R1,100.00,USD,2025-01-05T00:00:00Z,won,2025-01-20T00:00:00Z
      D2,R1,=1+2,USD,2025-01-05T00:00:00Z,won,2025-01-20T00:00:00Z
      D3,R2,50.00,USD,2025-01-06T00:00:00Z,lost,2025-01-21T00:00:00Z
      """;

  @Test
  void lenientLoadsTheGoodRowsAndWritesTheRejectedOnes() throws IOException {
    deals(ONE_BAD_ROW);
    Cli.Result strict = compute("--metrics", "win_rate");
    assertThat(strict.code()).isEqualTo(Main.BAD_DATA);
    assertThat(strict.err().lines()).hasSize(1);
    assertThat(strict.err()).startsWith("salesmetrics: bad data in ").contains("line 3");

    Path rejects = dir.resolve("out").resolve("rejects.csv");
    Files.createDirectories(rejects.getParent());
    Cli.Result r = compute("--lenient", "--rejects", rejects.toString(), "--metrics", "win_rate");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().lines().toList())
        .containsExactly(
            "deals.csv: 3 rows, 2 loaded, 1 rejected",
            "  rejected: deals.csv:3: column amount: \"=1+2\": amount must be a plain decimal like"
                + " 1250.00: \"=1+2\"",
            "  rejected rows written to " + rejects);
    assertThat(r.lines()).contains("2025-01-05,2025-01-22,win_rate,0.5,ratio");
    assertThat(Files.readString(rejects))
        .isEqualTo(
            "file,line,column,value,reason\n"
                + "deals.csv,3,amount,'=1+2,\"amount must be a plain decimal like 1250.00:"
                + " \"\"=1+2\"\"\"\n");
  }

  @Test
  void rejectsNeedLenient() throws IOException {
    deals(ONE_BAD_ROW);
    Cli.Result r = compute("--rejects", dir.resolve("r.csv").toString(), "--metrics", "win_rate");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "salesmetrics: --rejects needs --lenient (without it the first bad row stops the"
                + " command)\nTry 'salesmetrics compute --help'\n");
  }

  @Test
  void everyDataCommandTakesTheLoadingOptions() {
    for (String command : List.of("compute", "alerts", "demo", "report", "shell")) {
      Cli.Result help = Cli.run(command, "--help");
      assertThat(help.out())
          .as(command)
          .contains("--mapping=hubspot|salesforce|FILE", "--date-order=MDY|DMY|YMD",
              "--separator=CHAR", "--lenient", "--rejects=FILE");
    }
  }

  @Test
  void shellWithABadRowPrintsOneErrorAndExitsThreeBeforeAnyJshell() throws IOException {
    deals(ONE_BAD_ROW);
    Cli.Result r = Cli.run("shell", "--data", dir.toString(), "--print-command");
    assertThat(r.code()).isEqualTo(Main.BAD_DATA);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "salesmetrics: bad data in " + dir.resolve("deals.csv") + ", line 3, column amount,"
                + " value \"=1+2\": amount must be a plain decimal like 1250.00: \"=1+2\"\n");
  }

  @Test
  void shellWithLenientLoadsAndSaysWhatWasRejected() throws IOException {
    deals(ONE_BAD_ROW);
    Path script = dir.resolve("session.jsh");
    Cli.Result r =
        Cli.run("shell", "--data", dir.toString(), "--lenient", "--print-command", "--script",
            script.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.lines())
        .contains(
            "--startup", script.toString(), "-R-Dsalesmetrics.data=" + dir.toAbsolutePath(),
            "-R-Dsalesmetrics.lenient=true");
    assertThat(Files.readString(script)).isEqualTo(ShellCommand.startupScript());

    // what the session's start-up script then loads, with the same options
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.out;
    System.setProperty(ShellData.DATA, dir.toAbsolutePath().toString());
    System.setProperty(ShellData.LENIENT, "true");
    Dataset data;
    try {
      System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
      data = ShellData.load();
    } finally {
      System.setOut(saved);
      System.clearProperty(ShellData.DATA);
      System.clearProperty(ShellData.LENIENT);
    }
    assertThat(data.deals()).hasSize(2);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "deals.csv: 3 rows, 2 loaded, 1 rejected\n"
                + "  rejected: deals.csv:3: column amount: \"=1+2\": amount must be a plain"
                + " decimal like 1250.00: \"=1+2\"\n");
  }

  @Test
  void theHelpDoesNotShowTheLaunchersOptions() {
    assertThat(Cli.run("shell", "--help").out()).doesNotContain("--print-command", "--script");
  }
}
