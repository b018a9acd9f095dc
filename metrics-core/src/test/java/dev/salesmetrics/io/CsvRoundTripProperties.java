package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.DealStatus;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.OrderStatus;
import dev.salesmetrics.model.Quota;
import dev.salesmetrics.model.Rep;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import dev.salesmetrics.time.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records → CSV files → records gives equal records, for data sets built from random seeds. */
class CsvRoundTripProperties {
  private static final String[] CURRENCIES = {"USD", "JPY", "BHD", "EUR"};
  private static final String[] PIECES = {
    "a", "Zoë", ",", "\"", "\n", "\r\n", " ", "=1+2", "@x", "-", "😀", "id", "x y", "'", ";", "\t"
  };

  @TempDir Path dir;

  @Test
  void writeThenReadGivesEqualRecords() {
    qt().forAll(longs().all(), integers().between(0, 12))
        .checkAssert(
            (seed, size) -> {
              Dataset data = randomDataset(new SplittableRandom(seed), size);
              try {
                Path out = Files.createTempDirectory(dir, "rt");
                data.writeCsv(out);
                LoadResult<Dataset> back = Dataset.load(out);
                assertThat(back.isClean()).isTrue();
                assertThat(back.value()).isEqualTo(data);
                assertThat(back.rowsRead())
                    .isEqualTo(
                        (long) data.reps().size() + data.quotas().size() + data.leads().size()
                            + data.deals().size() + stageRows(data) + data.orders().size()
                            + data.customers().size() + data.campaigns().size()
                            + data.responses().size());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Test
  void writtenWithSemicolonsOrTabsTheFilesReadBackEqualWithTheSeparatorDetected() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(0, 8), integers().between(0, 1))
        .checkAssert(
            (seed, size, tab) -> {
              Dataset data = randomDataset(new SplittableRandom(seed), size);
              char separator = tab == 1 ? '\t' : ';';
              try {
                Path out = Files.createTempDirectory(dir, "sep");
                data.writeCsv(out);
                for (CsvFile file : CsvFile.values()) {
                  Path path = out.resolve(file.fileName());
                  List<List<String>> rows = new ArrayList<>();
                  try (CsvReader<CsvRecord> in = CsvReader.builder().ofCsvRecord(path)) {
                    in.forEach(r -> rows.add(r.getFields()));
                  }
                  try (CsvWriter w =
                      CsvWriter.builder().fieldSeparator(separator).build(path)) {
                    rows.forEach(w::writeRecord);
                  }
                }
                LoadResult<Dataset> back = Dataset.load(out);
                assertThat(back.isClean()).isTrue();
                assertThat(back.value()).isEqualTo(data);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static long stageRows(Dataset data) {
    long n = 0;
    for (Deal deal : data.deals()) {
      n += deal.stageHistory().size();
    }
    return n;
  }

  /**
   * A data set of {@code size} records per file with hostile text; ids (and the keys of quotas,
   * stage rows and responses) are unique, as a loadable data set needs: the text before a one-letter
   * suffix varies, the record's index after it makes the id unique.
   */
  static Dataset randomDataset(SplittableRandom r, int size) {
    List<Rep> reps = new ArrayList<>();
    List<Quota> quotas = new ArrayList<>();
    List<Lead> leads = new ArrayList<>();
    List<Deal> deals = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    List<Customer> customers = new ArrayList<>();
    List<Campaign> campaigns = new ArrayList<>();
    List<SurveyResponse> responses = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      reps.add(new Rep(text(r) + "r" + i, text(r) + "n", opt(r), opt(r), r.nextBoolean() ? date(r) : null));
      LocalDate start = date(r);
      quotas.add(
          new Quota(text(r) + "q" + i, Period.between(start, start.plusDays(1 + r.nextInt(400)),
              ZoneOffset.UTC), money(r)));
      Instant created = instant(r);
      leads.add(
          Lead.builder(text(r) + "l" + i, created)
              .repId(opt(r))
              .contact(new Contact(opt(r), opt(r), opt(r), opt(r)))
              .source(opt(r))
              .campaignId(opt(r))
              .firstContactAt(r.nextBoolean() ? later(r, created) : null)
              .convertedAt(r.nextBoolean() ? later(r, created) : null)
              .customerId(opt(r))
              .build());
      Money dealAmount = money(r);
      int status = r.nextInt(3);
      if (status != 1 && r.nextInt(3) == 0) {
        dealAmount = null; // an open or lost deal without an amount
      }
      Deal.Builder deal =
          Deal.builder("D" + i, text(r) + "p", dealAmount, created)
              .stage(opt(r))
              .customerId(opt(r))
              .leadId(opt(r))
              .product(opt(r));
      if (r.nextBoolean()) {
        deal.probability(r.nextDouble());
      }
      Instant at = created;
      int stages = r.nextInt(4);
      for (int s = 0; s < stages; s++) {
        at = r.nextBoolean() ? at : later(r, at);
        deal.addStage(text(r) + "s" + s, at);
      }
      if (status > 0) {
        deal.status(status == 1 ? DealStatus.WON : DealStatus.LOST, later(r, created));
      }
      deals.add(deal.build());
      Money amount = money(r);
      Order.Builder order =
          Order.builder(text(r) + "o" + i, text(r) + "c", instant(r), amount)
              .status(r.nextBoolean() ? OrderStatus.PAID : OrderStatus.REFUNDED)
              .repId(opt(r));
      if (r.nextBoolean()) {
        order.line(text(r) + "x", 1 + r.nextInt(1000), amount);
      }
      orders.add(order.build());
      customers.add(
          Customer.builder(text(r) + "c" + i, created)
              .activatedAt(r.nextBoolean() ? later(r, created) : null)
              .cancelledAt(r.nextBoolean() ? later(r, created) : null)
              .repId(opt(r))
              .campaignId(opt(r))
              .build());
      LocalDate from = date(r);
      campaigns.add(
          new Campaign(text(r) + "k" + i, text(r) + "m", opt(r), from, from.plusDays(r.nextInt(90)),
              money(r)));
      SurveyScale scale = r.nextBoolean() ? SurveyScale.NPS : SurveyScale.CSAT;
      responses.add(
          new SurveyResponse(text(r) + "c" + i, instant(r),
              scale.min() + r.nextInt(scale.max() - scale.min() + 1), scale));
    }
    return new Dataset(reps, quotas, leads, deals, orders, customers, campaigns, responses);
  }

  private static String text(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  @Nullable
  private static String opt(SplittableRandom r) {
    return r.nextInt(3) == 0 ? null : text(r);
  }

  private static Money money(SplittableRandom r) {
    return Money.ofMinor(r.nextLong(1_000_000_000_000L), CURRENCIES[r.nextInt(CURRENCIES.length)]);
  }

  private static LocalDate date(SplittableRandom r) {
    return LocalDate.of(1990, 1, 1).plusDays(r.nextInt(20_000));
  }

  private static Instant instant(SplittableRandom r) {
    return Instant.ofEpochSecond(r.nextLong(4_000_000_000L), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
  }

  private static Instant later(SplittableRandom r, Instant t) {
    return t.plusSeconds(r.nextLong(100_000_000L)).plusNanos(r.nextInt(1000));
  }
}
