package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.DealStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping file format: every key, the presets by name, and errors naming file and line. */
class MappingFileTest {
  /** The example of docs/CSV.md. */
  static final String EXAMPLE =
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

  @Test
  void theDocumentedExampleGivesItsMapping() {
    MappingFile file = MappingFile.parse("crm.mapping", EXAMPLE);
    assertThat(file.zone()).contains(ZoneId.of("Europe/Berlin"));
    assertThat(file.separator()).contains(';');
    assertThat(file.mappings().keySet()).containsExactly(CsvFile.DEALS);
    ColumnMapping expected =
        ColumnMapping.builder()
            .rename("Deal number", "deal_id")
            .rename("Owner", "rep_id")
            .rename("Value", "amount")
            .defaultValue("currency", "EUR")
            .rename("Created", "created_at")
            .rename("Closed", "closed_at")
            .rename("Phase", "stage")
            .rename("State", "status")
            .statusValue("Gewonnen", DealStatus.WON)
            .statusValue("Verloren", DealStatus.LOST)
            .statusValue("Offen", DealStatus.OPEN)
            .rename("Win chance (%)", "probability")
            .percent("probability")
            .rename("Companies", "customer_id")
            .multiValue("customer_id", ColumnMapping.MultiValue.FIRST)
            .dateOrder(DateOrder.DMY)
            .dateTimePattern("dd.MM.yyyy HH:mm")
            .decimalSeparator(',')
            .closeDateOnlyWhenClosed(true)
            .skipReportFooter(false)
            .build();
    assertThat(file.mappings().get(CsvFile.DEALS)).isEqualTo(expected);
    CsvOptions options = file.applyTo(CsvOptions.lenient());
    assertThat(options.isLenient()).isTrue();
    assertThat(options.zone()).contains(ZoneId.of("Europe/Berlin"));
    assertThat(options.separator()).contains(';');
    assertThat(options.mapping(CsvFile.DEALS)).isEqualTo(expected);
    assertThat(options.mapping(CsvFile.REPS)).isEqualTo(ColumnMapping.identity());
    assertThat(file).hasToString("MappingFile[crm.mapping: deals.csv, zone=Europe/Berlin,"
        + " separator=';']");
  }

  @Test
  void aSectionMayStartFromAPresetAndOtherFilesHaveTheirOwnSections() {
    MappingFile file =
        MappingFile.parse(
            "uk.mapping",
            """
            [deals]
            preset = salesforce
            date order = DMY
            default currency = GBP

            [reps.csv]
            column Full Name = name
            column User ID = rep_id
            separator = ;
            """
                .replace("separator = ;\n", ""));
    assertThat(file.mappings().get(CsvFile.DEALS))
        .isEqualTo(
            ColumnMapping.salesforceOpportunities().toBuilder()
                .dateOrder(DateOrder.DMY)
                .defaultValue("currency", "GBP")
                .build());
    assertThat(file.mappings().get(CsvFile.REPS).columnFor("full name")).isEqualTo("name");
  }

  @Test
  void presetsByNameOrAFile(@TempDir Path dir) throws IOException {
    assertThat(ColumnMapping.presetNames()).containsExactly("hubspot", "salesforce");
    assertThat(MappingFile.presetOrFile("HubSpot").mappings())
        .containsExactly(java.util.Map.entry(CsvFile.DEALS, ColumnMapping.hubspotDeals()));
    assertThat(MappingFile.preset("salesforce").name()).isEqualTo("salesforce");
    Path path = dir.resolve("crm.mapping");
    Files.writeString(path, EXAMPLE);
    assertThat(MappingFile.presetOrFile(path.toString()).mappings())
        .isEqualTo(MappingFile.parse("crm.mapping", EXAMPLE).mappings());
    assertThatThrownBy(() -> ColumnMapping.preset("pipedrive"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown mapping preset \"pipedrive\" (presets: hubspot, salesforce)");
  }

  private static void assertError(String text, int line, String reason) {
    assertThatThrownBy(() -> MappingFile.parse("crm.mapping", text))
        .isInstanceOf(MappingFileException.class)
        .hasMessage("crm.mapping:" + line + ": " + reason)
        .satisfies(
            e -> {
              MappingFileException m = (MappingFileException) e;
              assertThat(m.file()).isEqualTo("crm.mapping");
              assertThat(m.line()).isEqualTo(line);
              assertThat(m.reason()).isEqualTo(reason);
            });
  }

  @Test
  void everyMistakeNamesItsLine() {
    assertError("zone = Mars/Olympus\n", 1, "unknown zone \"Mars/Olympus\" (a zone id like Europe/Berlin)");
    assertError("# c\n\nseparator = :\n", 3, "separator must be ',', ';', tab or '|': \":\"");
    assertError(
        "column Owner = rep_id\n",
        1,
        "unknown key \"column Owner\": it belongs in a section such as [deals.csv]");
    assertError(
        "colour = blue\n", 1, "unknown key \"colour\" (keys before the first section: zone, separator)");
    assertError(
        "[opportunities.csv]\n",
        1,
        "unknown file [opportunities.csv] (files: reps.csv, quotas.csv, leads.csv, deals.csv,"
            + " deal_stages.csv, orders.csv, customers.csv, campaigns.csv, responses.csv)");
    assertError("[deals.csv\n", 1, "a section line must end with ']': \"[deals.csv\"");
    assertError("[deals]\n[deals.csv]\n", 2, "[deals.csv] is given twice (first on line 1)");
    assertError("[deals]\nOwner\n", 2, "expected key = value: \"Owner\"");
    assertError(
        "[deals]\ncolumn Owner = rep\n",
        2,
        "deals.csv has no column \"rep\" (columns: deal_id, rep_id, amount, currency, created_at,"
            + " status, closed_at, stage, probability, customer_id, lead_id, product)");
    assertError(
        "[deals]\ndate ordr = DMY\n",
        2,
        "unknown key \"date ordr\" in [deals.csv] (keys: preset, column <header>, default <column>,"
            + " stage <stage>, status <value>, percent, date order, date pattern, decimal"
            + " separator, multiple ids <column>, close date of open deals, report footer)");
    assertError(
        "[deals]\ndate order = DD/MM\n", 2, "date order must be MDY, DMY, YMD or detect: \"DD/MM\"");
    assertError(
        "[deals]\nstatus Gewonnen = gewonnen\n",
        2,
        "status must be one of open, won, lost: \"gewonnen\"");
    assertError(
        "[reps]\nstage Won = won\n", 2, "\"stage\" maps deal statuses: it belongs in [deals.csv]");
    assertError(
        "[deals]\ncolumn Owner = rep_id\npreset = hubspot\n",
        3,
        "preset must come first in [deals.csv], before other keys");
    assertError(
        "[deals]\npreset = pipedrive\n",
        2,
        "unknown mapping preset \"pipedrive\" (presets: hubspot, salesforce)");
    assertError(
        "[deals]\ndate pattern = yyyy-MM-dd bb\n",
        2,
        "date pattern \"yyyy-MM-dd bb\" is invalid: Unknown pattern letter: b");
    assertError(
        "[deals]\nmultiple ids customer_id = all\n",
        2,
        "multiple ids must be first or reject: \"all\"");
    assertError(
        "[deals]\nreport footer = maybe\n", 2, "expected skip or keep: \"maybe\"");
    assertError(
        "[deals]\ndecimal separator = ;\n", 2, "decimal separator must be '.' or ',': ';'");
    assertError(
        "\n[deals]\ndate order = MDY\ndate pattern = d.M.yyyy\n",
        2,
        "[deals.csv]: date pattern \"d.M.yyyy\" reads day/month/year, but the date order is MDY"
            + " (month/day/year): a mapping reads every date one way");
  }
}
