package dev.salesmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.salesmetrics.model.Deal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Dates written in one order, in any of the numeric forms, are read in that order or refused as
 * ambiguous; never in another order.
 */
class DateOrderProperties {
  private static final LocalDate FIRST = LocalDate.of(1990, 1, 1);

  /** A date, a time of day (or none) and a way of writing it. */
  private record Written(LocalDateTime at, boolean withTime, int style) {
    String in(DateOrder order) {
      LocalDate d = at.toLocalDate();
      boolean pad = style % 2 == 0;
      char sep = "/.-".charAt((style / 2) % 3);
      String day = pad ? String.format(Locale.ROOT, "%02d", d.getDayOfMonth())
          : Integer.toString(d.getDayOfMonth());
      String month = pad ? String.format(Locale.ROOT, "%02d", d.getMonthValue())
          : Integer.toString(d.getMonthValue());
      String year = Integer.toString(d.getYear());
      String date =
          switch (order) {
            case MDY -> month + sep + day + sep + year;
            case DMY -> day + sep + month + sep + year;
            case YMD -> year + sep + month + sep + day;
          };
      if (!withTime) {
        return date;
      }
      boolean twelve = (style / 6) % 2 == 0;
      if (twelve) {
        int h = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
        String marker = at.getHour() < 12 ? "am" : "PM";
        return date + " " + h + ":" + String.format(Locale.ROOT, "%02d", at.getMinute()) + " "
            + marker;
      }
      return date + " " + at.getHour() + ":" + String.format(Locale.ROOT, "%02d", at.getMinute());
    }

    boolean isIso(DateOrder order) {
      return order == DateOrder.YMD && !withTime && style % 2 == 0 && (style / 2) % 3 == 2;
    }

    Instant instant() {
      return (withTime ? at.withSecond(0).withNano(0) : at.toLocalDate().atStartOfDay())
          .toInstant(ZoneOffset.UTC);
    }
  }

  private static Gen<Written> written() {
    Gen<Integer> days = integers().between(0, 365 * 40);
    Gen<Integer> minutes = integers().between(0, 24 * 60 - 1);
    Gen<Integer> styles = integers().between(0, 11);
    Gen<Integer> coins = integers().between(0, 1);
    return in -> {
      // one date in three has a day of at most 12, so that some files are all ambiguous
      LocalDate d = FIRST.plusDays(days.generate(in));
      if (coins.generate(in) == 0) {
        d = d.withDayOfMonth(1 + d.getDayOfMonth() % 12);
      }
      int m = minutes.generate(in);
      return new Written(
          d.atTime(m / 60, m % 60), coins.generate(in) == 0, styles.generate(in));
    };
  }

  @Test
  void datesInOneOrderAreReadInThatOrderOrRefusedNeverInAnother() {
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(400)
        .forAll(lists().of(written()).ofSizeBetween(1, 12), arbitrary().enumValues(DateOrder.class))
        .checkAssert(
            (dates, order) -> {
              StringBuilder text =
                  new StringBuilder("deal_id,rep_id,amount,currency,created_at,status\n");
              for (int i = 0; i < dates.size(); i++) {
                text.append("D").append(i).append(",R1,1.00,USD,\"")
                    .append(dates.get(i).in(order)).append("\",open\n");
              }
              CsvOptions options =
                  CsvOptions.strict()
                      .withZone(ZoneOffset.UTC)
                      .withMapping(
                          CsvFile.DEALS, ColumnMapping.builder().detectDateOrder().build());
              boolean allAmbiguous =
                  order != DateOrder.YMD
                      && dates.stream().allMatch(w -> w.at().getDayOfMonth() <= 12);
              Throwable thrown =
                  catchThrowable(
                      () -> {
                        LoadResult<List<Deal>> result =
                            CsvFormat.DEALS.parse("deals.csv", text.toString(), options);
                        // ISO-8601 dates (2024-01-31) need no order: a file of them detects none
                        assertThat(result.reports().get(0).detectedDateOrder())
                            .isEqualTo(dates.stream().allMatch(w -> w.isIso(order)) ? null : order);
                        List<Instant> expected = new ArrayList<>();
                        dates.forEach(w -> expected.add(w.instant()));
                        assertThat(result.value())
                            .extracting(Deal::createdAt)
                            .isEqualTo(expected);
                      });
              if (allAmbiguous) {
                assertThat(thrown)
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("every numeric date of the file reads both as");
              } else {
                assertThat(thrown).isNull();
              }
            });
  }
}
