package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

  @Test
  void salesforceOpportunityReport() {
    String text =
        """
        Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Probability (%),\
        Close Date,Created Date,Opportunity ID
        Ann Lee,Acme,Acme renewal,Closed Won,12000.00,100,1/31/2024,1/2/2024,0065g00000AbCdE
        Ann Lee,Birch,Birch pilot,Closed Lost,5000,0,2/15/2024,1/20/2024,0065g00000AbCdF
        Bo Chan,Cobalt,Cobalt expansion,Negotiation/Review,7500.5,90,3/30/2024,2/1/2024,0065g00000AbCdG
        """;
    CsvOptions options =
        CsvOptions.strict()
            .withMapping(
                CsvFile.DEALS,
                ColumnMapping.salesforceOpportunities().toBuilder()
                    .defaultValue("currency", "USD")
                    .build());
    List<Deal> deals = CsvFormat.DEALS.parse("report.csv", text, options).value();
    assertThat(deals).extracting(Deal::id)
        .containsExactly("0065g00000AbCdE", "0065g00000AbCdF", "0065g00000AbCdG");
    Deal won = deals.get(0);
    assertThat(won.repId()).isEqualTo("Ann Lee");
    assertThat(won.status()).isEqualTo(DealStatus.WON);
    assertThat(won.amount()).isEqualTo(Money.of("12000.00", "USD"));
    assertThat(won.createdAt()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    assertThat(won.closedAt()).isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
    assertThat(won.probability()).isEqualTo(1.0);
    assertThat(deals.get(1).status()).isEqualTo(DealStatus.LOST);
    Deal open = deals.get(2);
    assertThat(open.status()).isEqualTo(DealStatus.OPEN);
    assertThat(open.closedAt()).as("expected close date of an open deal is ignored").isNull();
    assertThat(open.stage()).isEqualTo("Negotiation/Review");
    assertThat(open.probability()).isEqualTo(0.9);
    assertThat(open.amount()).isEqualTo(Money.of("7500.50", "USD"));
  }

  @Test
  void salesforceWithoutCurrencyNeedsADefault() {
    String text = "Opportunity ID,Opportunity Owner,Amount,Created Date,Stage\nX,Ann,1,1/2/2024,New\n";
    CsvOptions options =
        CsvOptions.strict().withMapping(CsvFile.DEALS, ColumnMapping.salesforceOpportunities());
    assertThatThrownBy(() -> CsvFormat.DEALS.parse("report.csv", text, options))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("report.csv:1: column currency: missing required column currency");
  }

  @Test
  void hubspotDealsExportNeedsAZoneForItsLocalTimes() {
    String text =
        """
        Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Currency,Pipeline
        101,Big one,Closed won,2500,2024-03-05 14:30,2024-02-01 09:15,Jo Park,EUR,Sales
        102,Small one,Appointment scheduled,300,2024-06-30,2024-02-03 10:00,Jo Park,EUR,Sales
        103,Lost one,closed LOST,800,2024-03-01 08:00,2024-02-03 10:00,Kim Ito,EUR,Sales
        """;
    ColumnMapping hubspot = ColumnMapping.hubspotDeals();
    assertThatThrownBy(
            () ->
                CsvFormat.DEALS.parse(
                    "hubspot.csv", text, CsvOptions.strict().withMapping(CsvFile.DEALS, hubspot)))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("hubspot.csv:2: column created_at: \"2024-02-01 09:15\"");
    CsvOptions options =
        CsvOptions.strict()
            .withZone(ZoneId.of("Europe/Berlin"))
            .withMapping(CsvFile.DEALS, hubspot);
    List<Deal> deals = CsvFormat.DEALS.parse("hubspot.csv", text, options).value();
    assertThat(deals).extracting(Deal::status)
        .containsExactly(DealStatus.WON, DealStatus.OPEN, DealStatus.LOST);
    assertThat(deals.get(0).createdAt()).isEqualTo(Instant.parse("2024-02-01T08:15:00Z"));
    assertThat(deals.get(0).closedAt()).isEqualTo(Instant.parse("2024-03-05T13:30:00Z"));
    assertThat(deals.get(0).amount()).isEqualTo(Money.of("2500.00", "EUR"));
    assertThat(deals.get(1).closedAt()).isNull();
    assertThat(deals.get(2).repId()).isEqualTo("Kim Ito");
  }

  @Test
  void ownMappingRenamesDefaultsAndStageTable() {
    ColumnMapping mine =
        ColumnMapping.builder()
            .rename("Nr", "deal_id")
            .rename("Owner", "rep_id")
            .rename("Value", "amount")
            .rename("Opened", "created_at")
            .rename("Closed", "closed_at")
            .rename("Phase", "stage")
            .rename("Chance", "probability")
            .defaultValue("currency", "CHF")
            .stageStatus("Signed", DealStatus.WON)
            .percent("probability")
            .dateTimePattern("d.M.yyyy")
            .build();
    String text = "NR,Owner,Value,Opened,Closed,Phase,Chance\n7,Urs,99.95,1.2.2024,3.2.2024,signed,"
        + "12.5\n";
    Deal deal =
        CsvFormat.DEALS
            .parse("mine.csv", text, CsvOptions.strict().withMapping(CsvFile.DEALS, mine))
            .value()
            .get(0);
    assertThat(deal.status()).isEqualTo(DealStatus.WON);
    assertThat(deal.amount()).isEqualTo(Money.of("99.95", "CHF"));
    assertThat(deal.closedAt()).isEqualTo(Instant.parse("2024-02-03T00:00:00Z"));
    assertThat(deal.probability()).isEqualTo(0.125);
    assertThat(mine.columnFor("  nR ")).isEqualTo("deal_id");
    assertThat(mine.toBuilder().build()).isEqualTo(mine);
    assertThat(mine.statusOfStage("other")).contains(DealStatus.OPEN);
    assertThat(ColumnMapping.identity().statusOfStage("Closed Won")).isEmpty();
  }

  @Test
  void builderRejectsBlankNamesAndBadPatterns() {
    assertThatThrownBy(() -> ColumnMapping.builder().rename(" ", "deal_id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header must not be blank: \" \"");
    assertThatThrownBy(() -> ColumnMapping.builder().dateTimePattern("yyyy-{{"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
