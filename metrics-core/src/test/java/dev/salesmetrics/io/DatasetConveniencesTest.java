package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.aggregate.Dimension;
import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.aggregate.MetricTable;
import dev.salesmetrics.aggregate.Query;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.model.SalesRecord;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a loaded data set offers a script (issue 11, items 12 and 17). */
class DatasetConveniencesTest {
  private static Path small() throws URISyntaxException {
    return Path.of(DatasetTest.class.getResource("/csv/small/reps.csv").toURI()).getParent();
  }

  @Test
  void recordsHoldsEveryKindInSchemaOrder() throws Exception {
    Dataset data = Dataset.load(small()).value();
    List<SalesRecord> all = data.records();
    assertThat(all).hasSize(16);
    assertThat(all.subList(0, 2)).isEqualTo(data.reps());
    assertThat(all.subList(14, 16)).isEqualTo(data.responses());
  }

  @Test
  void theDataSetOffersItsDimensions() throws Exception {
    Dataset data = Dataset.load(small()).value();
    assertThat(data.team().id()).isEqualTo("team");
    assertThat(data.region().id()).isEqualTo("region");
    assertThat(data.campaign().id()).isEqualTo("campaign");
    assertThat(data.source().id()).isEqualTo("source");
    MetricTable byTeam = Query.of(data.deals()).groupBy(data.team()).metrics(Metrics.DEALS_WON).run();
    MetricTable throughDirectory =
        Query.of(data.deals())
            .groupBy(Dimension.team(dev.salesmetrics.aggregate.RepDirectory.of(data.reps())))
            .metrics(Metrics.DEALS_WON)
            .run();
    assertThat(byTeam).isEqualTo(throughDirectory);
    assertThat(byTeam.rows()).extracting(r -> r.key()).doesNotContain(
        GroupKey.of("team", Dimension.UNKNOWN));
  }

  @Test
  void aListenerIsToldOfEveryFileAndRecord() throws Exception {
    List<String> files = new ArrayList<>();
    long[] records = {0};
    Dataset data =
        Dataset.load(
                small(),
                CsvOptions.strict(),
                new LoadListener() {
                  @Override
                  public void fileStarted(CsvFile file, long sizeBytes) {
                    assertThat(sizeBytes).isPositive();
                    files.add(file.fileName());
                  }

                  @Override
                  public void recordLoaded(long loaded) {
                    records[0]++;
                  }
                })
            .value();
    assertThat(files)
        .containsExactly(
            "reps.csv", "quotas.csv", "leads.csv", "deals.csv", "orders.csv", "customers.csv",
            "campaigns.csv", "responses.csv");
    assertThat(records[0]).isEqualTo(data.records().size());
    assertThat(data).isEqualTo(Dataset.load(small()).value());
  }
}
