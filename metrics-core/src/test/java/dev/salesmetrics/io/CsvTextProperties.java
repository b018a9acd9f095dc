package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.salesmetrics.model.Campaign;
import dev.salesmetrics.model.Contact;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every text the records accept comes back from {@code Dataset.writeCsv} then {@code Dataset.load}
 * unchanged, and every written record is read as one row: line ends (CR, LF, CRLF, a lone CR at
 * the end of a quoted last cell), quotes, separators, formula characters, a byte order mark, NUL,
 * Unicode spaces and any code point outside the surrogate range.
 */
class CsvTextProperties {
  private static final Instant T = Instant.parse("2024-03-01T09:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
  private static final Money USD = Money.of("10.00", "USD");
  private static final List<String> PIECES =
      List.of(
          "\r", "\n", "\r\n", "\n\r", "\"", "\"\"", ",", ";", "\t", " ", "=", "+", "-", "@", "#",
          "'", "\uFEFF", "\u0000", "\u00A0", "\u3000", "\u200B", "\u2028", "x", "Zoë", "😀");

  @TempDir Path dir;

  @Test
  void widgetWithALoneCarriageReturnComesBackWithTheDealAfterIt() throws IOException {
    Deal widget = Deal.builder("D1", "R1", USD, T).product("Widget\r").build();
    Deal gadget = Deal.builder("D2", "R1", USD, T).product("Gadget").build();
    Dataset data =
        new Dataset(List.of(), List.of(), List.of(), List.of(widget, gadget), List.of(),
            List.of(), List.of(), List.of());
    data.writeCsv(dir);
    LoadResult<Dataset> back = Dataset.load(dir);
    assertThat(back.value().deals()).containsExactly(widget, gadget);
    assertThat(back.reports())
        .filteredOn(r -> r.file().equals("deals.csv"))
        .singleElement()
        .satisfies(r -> assertThat(r.rowsRead()).isEqualTo(2));
  }

  @Test
  void aLoneCarriageReturnInsideQuotesIsText() {
    String text =
        """
        deal_id,rep_id,amount,currency,created_at,status,product
        D1,R1,1.00,USD,2024-01-02T09:00:00Z,open,"Widget\r"
        D2,R1,2.00,USD,2024-01-02T09:00:00Z,open,Gadget
        D3,R1,3.00,USD,2024-01-02T09:00:00Z,open,"a\rb"
        D4,R1,4.00,USD,2024-01-02T09:00:00Z,open,"\r"
        D5,R1,5.00,USD,2024-01-02T09:00:00Z,open,x
        """;
    LoadResult<List<Deal>> deals = CsvFormat.DEALS.parse("deals.csv", text, CsvOptions.strict());
    assertThat(deals.value())
        .extracting(Deal::product)
        .containsExactly("Widget\r", "Gadget", "a\rb", null, "x");
    assertThat(deals.rowsRead()).isEqualTo(5);
    String bad = text.replace("5.00", "5.001");
    // the CRs inside quotes are line breaks: D5 starts on line 9
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CsvFormat.DEALS.parse("deals.csv", bad, CsvOptions.strict()))
        .hasMessageStartingWith("deals.csv:9: column amount: \"5.001\"");
  }

  @Test
  void everyAcceptedTextComesBackUnchanged() {
    qt().withExamples(400)
        .forAll(texts())
        .checkAssert(
            s -> {
              Dataset data = datasetWith(s);
              try {
                Path out = Files.createTempDirectory(dir, "text");
                data.writeCsv(out);
                LoadResult<Dataset> back = Dataset.load(out);
                assertThat(back.value()).isEqualTo(data);
                assertThat(back.rowsRead()).isEqualTo(records(data));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** Strings of up to 6 pieces: hostile pieces and code points from all of Unicode. */
  static Gen<String> texts() {
    Gen<String> hostile = Generate.pick(PIECES);
    Gen<String> anyCodePoint =
        integers()
            .between(0, Character.MAX_CODE_POINT)
            .assuming(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .map(Character::toString);
    Gen<String> bmp =
        integers()
            .between(0, 0xFFFF)
            .assuming(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .map(Character::toString);
    return lists()
        .of(hostile.mix(anyCodePoint, 30).mix(bmp, 30))
        .ofSizeBetween(0, 6)
        .map(pieces -> String.join("", pieces));
  }

  /**
   * One record of each type holding {@code s} in every text component, between two plain
   * records whose ids no generated text can equal; a required component holds {@code s} when the
   * record accepts it, else {@code "k" + s}.
   */
  static Dataset datasetWith(String s) {
    String id = required(s);
    Rep rep = new Rep(id, id, s, s, null);
    Quota quota =
        new Quota(id, Period.between(DAY, DAY.plusMonths(1), ZoneOffset.UTC), USD);
    Lead lead =
        Lead.builder(id, T)
            .repId(s)
            .contact(new Contact(s, s, s, s))
            .source(s)
            .campaignId(s)
            .customerId(s)
            .build();
    Deal deal =
        Deal.builder(id, id, USD, T)
            .stage(s)
            .customerId(s)
            .leadId(s)
            .product(s)
            .addStage(id, T)
            .addStage(id, T.plusSeconds(1))
            .build();
    Order order = Order.builder(id, id, T, USD).repId(s).line(id, 2, USD).build();
    Customer customer = Customer.builder(id, T).repId(s).campaignId(s).build();
    Campaign campaign = new Campaign(id, id, s, DAY, DAY, USD);
    SurveyResponse response = new SurveyResponse(id, T, 7, SurveyScale.NPS);
    String a = "first-row";
    String z = "last-row";
    return new Dataset(
        List.of(new Rep(a, "Ann", null, null, null), rep, new Rep(z, "Zed", null, null, null)),
        List.of(quota(a), quota, quota(z)),
        List.of(Lead.builder(a, T).build(), lead, Lead.builder(z, T).build()),
        List.of(
            Deal.builder(a, "R", USD, T).addStage("a", T).build(),
            deal,
            Deal.builder(z, "R", USD, T).product("z").build()),
        List.of(Order.builder(a, "C", T, USD).build(), order, Order.builder(z, "C", T, USD).build()),
        List.of(Customer.builder(a, T).build(), customer, Customer.builder(z, T).build()),
        List.of(
            new Campaign(a, "a", null, DAY, DAY, USD),
            campaign,
            new Campaign(z, "z", null, DAY, DAY, USD)),
        List.of(
            new SurveyResponse(a, T, 1, SurveyScale.NPS),
            response,
            new SurveyResponse(z, T, 2, SurveyScale.NPS)));
  }

  private static Quota quota(String rep) {
    return new Quota(rep, Period.between(DAY, DAY.plusMonths(1), ZoneOffset.UTC), USD);
  }

  private static String required(String s) {
    try {
      return new Rep(s, s, null, null, null).id();
    } catch (IllegalArgumentException e) {
      return "k" + s;
    }
  }

  private static long records(Dataset data) {
    long n =
        (long) data.reps().size() + data.quotas().size() + data.leads().size()
            + data.deals().size() + data.orders().size() + data.customers().size()
            + data.campaigns().size() + data.responses().size();
    for (Deal deal : data.deals()) {
      n += deal.stageHistory().size();
    }
    return n;
  }
}
