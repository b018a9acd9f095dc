package dev.salesmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of {@link Deal#asOf}: undoing later events gives valid, consistent deals. */
class DealProperties {
  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = 1_000_000;

  /** Random valid deals: any status, 0-5 ordered stages, optional probability and stage. */
  static Gen<Deal> deals() {
    Gen<Long> offsets = longs().between(0, SPAN_SECONDS);
    Gen<Long> amounts = longs().between(0, 10_000_000);
    Gen<DealStatus> statuses = arbitrary().enumValues(DealStatus.class);
    Gen<List<Long>> stageOffsets = lists().of(longs().between(0, SPAN_SECONDS)).ofSizeBetween(0, 5);
    Gen<Integer> percents = integers().between(-1, 100);
    Gen<Boolean> coin = booleans().all();
    return in -> {
      Instant created = BASE.plusSeconds(offsets.generate(in));
      Deal.Builder deal =
          Deal.builder("D1", "R1", Money.ofMinor(amounts.generate(in), "USD"), created);
      DealStatus status = statuses.generate(in);
      if (status.isClosed()) {
        deal.status(status, created.plusSeconds(offsets.generate(in)));
      }
      List<Long> stages = new ArrayList<>(stageOffsets.generate(in));
      Collections.sort(stages);
      for (int i = 0; i < stages.size(); i++) {
        deal.addStage("s" + i, created.plusSeconds(stages.get(i)));
      }
      int percent = percents.generate(in);
      if (percent >= 0) {
        deal.probability(percent / 100.0);
      }
      if (coin.generate(in)) {
        deal.stage("given");
      }
      return deal.build();
    };
  }

  /** Instants from before the earliest to after the latest possible event. */
  static Gen<Instant> instants() {
    return longs().between(-10, 3 * SPAN_SECONDS).map(BASE::plusSeconds);
  }

  private static Instant lastEvent(Deal deal) {
    Instant last = deal.createdAt();
    if (deal.closedAt() != null && deal.closedAt().isAfter(last)) {
      last = deal.closedAt();
    }
    for (StageChange change : deal.stageHistory()) {
      if (change.enteredAt().isAfter(last)) {
        last = change.enteredAt();
      }
    }
    return last;
  }

  @Test
  void asOfAfterEveryEventReturnsTheSameDeal() {
    qt().forAll(deals(), longs().between(0, SPAN_SECONDS))
        .checkAssert((deal, extra) -> {
          Optional<Deal> known = deal.asOf(lastEvent(deal).plusSeconds(extra));
          assertThat(known).contains(deal);
          assertThat(known.orElseThrow()).isSameAs(deal);
        });
  }

  @Test
  void asOfIsAlwaysAValidDealKnownAtT() {
    qt().forAll(deals(), instants())
        .checkAssert((deal, t) -> {
          Optional<Deal> known = deal.asOf(t);
          assertThat(known.isPresent()).isEqualTo(!deal.createdAt().isAfter(t));
          known.ifPresent(d -> {
            assertThat(d.closedAt() == null || !d.closedAt().isAfter(t)).isTrue();
            assertThat(d.status().isClosed()).isEqualTo(d.closedAt() != null);
            assertThat(d.stageHistory())
                .allSatisfy(change -> assertThat(change.enteredAt()).isBeforeOrEqualTo(t));
            assertThat(d.stageHistory()).hasSizeLessThanOrEqualTo(deal.stageHistory().size());
            assertThat(d.stageHistory())
                .isEqualTo(deal.stageHistory().subList(0, d.stageHistory().size()));
            assertThat(d.id()).isEqualTo(deal.id());
            assertThat(d.amount()).isEqualTo(deal.amount());
            assertThat(d.probability()).isEqualTo(deal.probability());
            if (!d.stageHistory().isEmpty()) {
              boolean cut = d.stageHistory().size() < deal.stageHistory().size();
              assertThat(d.stage()).isEqualTo(
                  cut ? d.stageHistory().get(d.stageHistory().size() - 1).stage() : deal.stage());
            }
            assertThat(d.asOf(t).orElseThrow()).isSameAs(d);
          });
        });
  }

  @Test
  void asOfAnEarlierInstantOfAsOfEqualsAsOfTheEarlierInstant() {
    qt().forAll(deals(), instants(), instants())
        .checkAssert((deal, a, b) -> {
          Instant early = a.isBefore(b) ? a : b;
          Instant late = a.isBefore(b) ? b : a;
          assertThat(deal.asOf(late).flatMap(d -> d.asOf(early))).isEqualTo(deal.asOf(early));
        });
  }
}
