package dev.salesmetrics.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmetrics.aggregate.GroupKey;
import dev.salesmetrics.metric.Metrics;
import dev.salesmetrics.rule.AlertState;
import dev.salesmetrics.rule.Goals;
import dev.salesmetrics.rule.Rule;
import dev.salesmetrics.rule.RuleFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertBoardTest {
  private static final String RULES =
      """
      rule low-win-rate
        metric: win_rate
        per: rep
        when: below
        warning: 0.6 recover 0.7
        for: 2

      rule big-month
        metric: sales_volume
        when: above
        warning: 900
      """;

  @TempDir Path dir;

  private static List<Rule> rules() {
    return RuleFile.parse(RULES, "rules.txt", Metrics.registry());
  }

  private LiveData open() throws IOException {
    return LiveData.builder(dir)
        .metrics(List.of(Metrics.SALES_VOLUME))
        .rules(rules(), Metrics.registry())
        .open();
  }

  /** Deals that move R1's win rate across 0.6 and 0.7 and the volume across 900. */
  private static List<String> batches() {
    List<String> out = new ArrayList<>();
    String[] status = {"lost", "won", "won", "lost", "won", "won", "won", "lost"};
    for (int i = 0; i < status.length; i++) {
      out.add(
          TestData.deal("N" + i, i % 3 == 2 ? "R2" : "R1", "150.00",
              "2025-12-0" + (i % 8 + 1) + "T09:00:00Z", status[i],
              "2025-12-0" + (i % 8 + 2) + "T09:00:00Z"));
    }
    return out;
  }

  private AlertBoard board(Path file) {
    return new AlertBoard(rules(), Goals.empty(), file, Served.CLOCK);
  }

  /**
   * The first start replays the history: R1 won 1 of 2 in November, below 0.6: pending (for: 2).
   * December has no R1 close yet: R1 has no value there, and a group without value is resolved
   * after one evaluation (the rules' default {@code resolve_vanished_after: 1}).
   */
  @Test
  void theFirstStartReplaysTheHistory() throws IOException {
    TestData.write(dir);
    try (LiveData data = open()) {
      RecordStore.Snapshot s = data.store().snapshot();
      AlertBoard board = board(dir.resolve("state.txt"));
      board.start(s.tables(), s.current(), s.applied());
      GroupKey r1 = GroupKey.of("rep", "R1");
      assertThat(board.state("low-win-rate", r1)).isEqualTo(AlertState.INACTIVE);
      assertThat(board.recent())
          .extracting(AlertStatus::periodLabel, AlertStatus::from, AlertStatus::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("2025-12", AlertState.PENDING,
                  AlertState.INACTIVE),
              org.assertj.core.groups.Tuple.tuple("2025-11", AlertState.INACTIVE,
                  AlertState.PENDING));
      assertThat(board.recent().get(1).sentence()).contains("50.0% (1/2)");
      assertThat(board.statuses()).containsExactly(board.recent().get(0));
      assertThat(Files.readString(dir.resolve("state.txt"), StandardCharsets.UTF_8))
          .startsWith("salesmetrics-live-state 1\napplied 0\n")
          .contains("\nengine\nsalesmetrics-rule-state 1\n");
    }
  }

  /** Saving after every evaluation and restoring anywhere gives the uninterrupted result. */
  @Test
  void aRestoreAnywhereContinuesAsIfUninterrupted() throws IOException {
    for (int cut = 0; cut <= batches().size(); cut++) {
      Path runDir = dir.resolve("cut" + cut);
      TestData.write(runDir.resolve("a"));
      TestData.write(runDir.resolve("b"));
      Run whole = new Run(runDir.resolve("a"));
      Run split = new Run(runDir.resolve("b"));
      for (int i = 0; i < batches().size(); i++) {
        if (i == cut) {
          split.restart();
        }
        whole.post(batches().get(i));
        split.post(batches().get(i));
      }
      assertThat(split.board.statuses()).as("cut " + cut).isEqualTo(whole.board.statuses());
      assertThat(split.board.recent()).as("cut " + cut).isEqualTo(whole.board.recent());
      assertThat(whole.board.recent()).isNotEmpty();
      whole.close();
      split.close();
    }
  }

  /** One run: live data, a board evaluating after every batch. */
  private final class Run {
    private final Path dataDir;
    private LiveData data;
    private AlertBoard board;

    Run(Path dataDir) throws IOException {
      this.dataDir = dataDir;
      start();
    }

    private void start() throws IOException {
      data =
          LiveData.builder(dataDir)
              .metrics(List.of(Metrics.SALES_VOLUME))
              .rules(rules(), Metrics.registry())
              .open();
      board = board(dataDir.resolve(".salesmetrics/alert-state.txt"));
      RecordStore.Snapshot s = data.store().snapshot();
      board.start(s.tables(), s.current(), s.applied());
    }

    void restart() throws IOException {
      data.close();
      start();
    }

    void post(String csv) throws IOException {
      var unused = data.accept(RecordKind.DEALS, csv, "deals.csv");
      RecordStore.Snapshot s = data.store().snapshot();
      var unused2 = board.evaluate(s.tables(), s.current().orElseThrow(), s.applied());
    }

    void close() throws IOException {
      data.close();
    }
  }

  /** A batch accepted but not evaluated before the stop is evaluated once at the restart. */
  @Test
  void aBatchNotYetEvaluatedIsEvaluatedAtTheRestart() throws IOException {
    TestData.write(dir);
    Path file = dir.resolve(".salesmetrics/alert-state.txt");
    try (LiveData data = open()) {
      RecordStore.Snapshot s = data.store().snapshot();
      board(file).start(s.tables(), s.current(), s.applied());
      var unused = data.accept(RecordKind.DEALS, TestData.d4Won(), "deals.csv"); // no evaluation
    }
    try (LiveData data = open()) {
      RecordStore.Snapshot s = data.store().snapshot();
      AlertBoard board = board(file);
      board.start(s.tables(), s.current(), s.applied());
      assertThat(board.state("big-month", GroupKey.overall())).isEqualTo(AlertState.FIRING);
    }
    String saved = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(saved).contains("\napplied 1\n");
    try (LiveData data = open()) {
      RecordStore.Snapshot s = data.store().snapshot();
      AlertBoard board = board(file);
      board.start(s.tables(), s.current(), s.applied());
      // nothing new: no evaluation, the file is as it was
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(saved);
      assertThat(board.recent()).extracting(AlertStatus::ruleId).contains("big-month");
    }
  }

  @Test
  void aDamagedStateFileIsAnErrorNamingTheLine() throws IOException {
    TestData.write(dir);
    Path file = dir.resolve("state.txt");
    Files.writeString(file, "salesmetrics-live-state 1\napplied 0\nstatus nonsense\nengine\n");
    try (LiveData data = open()) {
      RecordStore.Snapshot s = data.store().snapshot();
      assertThatThrownBy(() -> board(file).start(s.tables(), s.current(), s.applied()))
          .isInstanceOf(IOException.class)
          .hasMessage("alert state " + file + " is damaged at line 3: expected 10 fields, got 1;"
              + " remove it to start again from the history");
    }
  }

  /**
   * Listeners hear, of the first start's replay, only the alerts still in force at its end; then
   * every live transition; after a restart with the saved state, nothing again. By hand:
   * October's volume 1,000.00 fires big-month; November's 100.00 resolves it and fires
   * small-month, which December's 50.00 so far keeps firing. A deal won in December for 1,000.00
   * (1,050.00) fires big-month again and resolves small-month.
   */
  @Test
  void listenersHearTheAlertsInForceThenEveryTransitionAndNothingTwice() throws IOException {
    List<Rule> rules =
        RuleFile.parse(
            """
            rule big-month
              metric: sales_volume
              when: above
              warning: 900

            rule small-month
              metric: sales_volume
              when: below
              warning: 200
            """,
            "rules.txt",
            Metrics.registry());
    Files.writeString(
        dir.resolve("deals.csv"),
        TestData.DEALS_HEADER
            + "D1,R1,1000.00,USD,2025-10-01T09:00:00Z,won,2025-10-10T09:00:00Z,\n"
            + "D2,R1,100.00,USD,2025-11-01T09:00:00Z,won,2025-11-10T09:00:00Z,\n"
            + "D3,R1,50.00,USD,2025-12-01T09:00:00Z,won,2025-12-03T09:00:00Z,\n",
        StandardCharsets.UTF_8);
    Path file = dir.resolve("state.txt");
    List<String> heard = new ArrayList<>();
    dev.salesmetrics.rule.AlertListener broken =
        e -> {
          throw new IllegalStateException("receiver down");
        };
    dev.salesmetrics.rule.AlertListener log =
        e -> heard.add(e.periodLabel() + " " + e.ruleId() + " " + e.from() + "->" + e.to());
    try (LiveData data =
        LiveData.builder(dir).metrics(List.of(Metrics.SALES_VOLUME)).open()) {
      RecordStore.Snapshot s = data.store().snapshot();
      AlertBoard board =
          new AlertBoard(rules, Goals.empty(), file, Served.CLOCK, List.of(broken, log));
      board.start(s.tables(), s.current(), s.applied());
      // the replay made three transitions; only small-month is in force at its end
      assertThat(board.recent()).hasSize(3);
      assertThat(heard).containsExactly("2025-11 small-month INACTIVE->FIRING");

      var unused =
          data.accept(RecordKind.DEALS,
              TestData.deal("D4", "R1", "1000.00", "2025-12-01T09:00:00Z", "won",
                  "2025-12-04T09:00:00Z"),
              "deals.csv");
      RecordStore.Snapshot after = data.store().snapshot();
      var unused2 = board.evaluate(after.tables(), after.current().orElseThrow(), after.applied());
      assertThat(heard)
          .containsExactly(
              "2025-11 small-month INACTIVE->FIRING",
              "2025-12 big-month RESOLVED->FIRING",
              "2025-12 small-month FIRING->RESOLVED");
    }
    heard.clear();
    try (LiveData data =
        LiveData.builder(dir).metrics(List.of(Metrics.SALES_VOLUME)).open()) {
      RecordStore.Snapshot s = data.store().snapshot();
      AlertBoard board = new AlertBoard(rules, Goals.empty(), file, Served.CLOCK, List.of(log));
      board.start(s.tables(), s.current(), s.applied());
      assertThat(heard).isEmpty(); // restored: told before
      assertThat(board.state("big-month", GroupKey.overall())).isEqualTo(AlertState.FIRING);
    }
  }
}
