package dev.salesmetrics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.metric.Shares;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Money;
import dev.salesmetrics.model.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text from the data never reaches a terminal raw (no control character, escape sequence or
 * bidirectional override from an id), and never runs as a formula in a spreadsheet.
 */
class SafeOutputTest {
  private static final Instant MARCH_10 = Instant.parse("2024-03-10T12:00:00Z");

  /** Hostile rep ids: clear screen, newline, carriage return, NUL, C1 CSI, right-to-left. */
  private static final List<String> HOSTILE =
      List.of("R\u001b[2J1", "R\n2", "R\r3", "R\u00004", "R\u009b5", "R\u202e6");

  private static MetricTable hostileTable() {
    List<Deal> deals = new ArrayList<>();
    for (String rep : HOSTILE) {
      deals.add(
          Deal.builder("D-" + rep, rep, Money.of("1.00", "USD"), MARCH_10.minusSeconds(86_400))
              .won(MARCH_10)
              .product("Wid\u001b]0;pwned\u0007get")
              .build());
    }
    return Query.of(deals)
        .groupBy(Dimension.REP, Dimension.PRODUCT)
        .metrics(Metrics.WIN_RATE, Metrics.DEALS_WON)
        .run();
  }

  /** Tells whether {@code text} has a character a terminal would act on, line ends apart. */
  private static boolean hasControl(String text, boolean allowLineEnds) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (allowLineEnds && c == '\n') {
        continue;
      }
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void showEscapesControlCharactersOfIdsAndKeepsOneLinePerRow() {
    MetricTable t = hostileTable();
    String shown = t.show();

    assertThat(hasControl(shown, true)).as(shown).isFalse();
    assertThat(shown.split("\n", -1)).hasSize(2 + HOSTILE.size() + 1); // header, rule, rows, ""
    assertThat(shown)
        .contains("R\\u001b[2J1")
        .contains("R\\n2")
        .contains("R\\r3")
        .contains("R\\u00004")
        .contains("R\\u009b5")
        .contains("R\\u202e6")
        .contains("Wid\\u001b]0;pwned\\u0007get");
  }

  @Test
  void rowsGroupKeyLabelsAndTableValuesPrintEscaped() {
    for (MetricTable.Row r : hostileTable().rows()) {
      assertThat(hasControl(r.toString(), false)).as(r.toString()).isFalse();
      assertThat(hasControl(r.key().label(), false)).as(r.key().label()).isFalse();
    }
    Order order =
        Order.builder("O1", "C1", MARCH_10, Money.of("3.00", "USD"))
            .line("Evil\u001b[31m", 1, Money.of("1.00", "USD"))
            .line("Plain", 1, Money.of("2.00", "USD"))
            .build();
    Shares shares = Metrics.PRODUCT_REVENUE_SHARE.compute(List.of(order)).value();
    assertThat(hasControl(shares.toString(), false)).isFalse();
    assertThat(shares.toString()).contains("Evil\\u001b[31m");
    MetricTable t = Query.of(List.of(order)).metrics(Metrics.PRODUCT_REVENUE_SHARE).run();
    assertThat(hasControl(t.show(), true)).isFalse();
  }

  @Test
  void csvEscapesFormulasAfterLeadingSpacesAndLineFeeds() {
    List<String> reps =
        List.of(" =1+1", "  +2", "\n=3", "\nplain", "\u00a0@4", "\u3000-5", " ok", "\uff1dSUM(A1)");
    List<Deal> deals = new ArrayList<>();
    for (String rep : reps) {
      deals.add(
          Deal.builder("D" + deals.size(), rep, Money.of("1.00", "USD"), MARCH_10)
              .won(MARCH_10)
              .build());
    }
    String csv = Query.of(deals).groupBy(Dimension.REP).metrics(Metrics.DEALS_WON).run().toCsv();

    assertThat(csv)
        .contains("\n,,' =1+1,deals_won,1,count\n")
        .contains("\n,,'  +2,deals_won,1,count\n")
        .contains("\n,,\"'\n=3\",deals_won,1,count\n")
        .contains("\n,,\"'\nplain\",deals_won,1,count\n")
        .contains("\n,,'\u00a0@4,deals_won,1,count\n")
        .contains("\n,,'\u3000-5,deals_won,1,count\n")
        .contains("\n,, ok,deals_won,1,count\n")
        .contains("\n,,'\uff1dSUM(A1),deals_won,1,count\n");
  }
}
