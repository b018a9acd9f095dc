package dev.salesmetrics.io;

import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.StageChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;

/**
 * The join of deal_stages.csv into deals.csv: the stage rows are read first and held by deal id;
 * each deal row then takes the rows of its id ({@link #dealParser()}), sorted by {@code
 * entered_at} (ties keep file order), a row entered before the deal's {@code created_at} being a
 * rejected row of deal_stages.csv; the rows no loaded deal took are rejected at the end ({@link
 * #finish}). Deal rows may be parsed from several threads when their ids are distinct.
 */
final class StageJoin {
  private final CsvOptions options;
  private final LoadReport stageRead;
  private final Map<String, List<Parsers.StageRow>> byDeal;
  private final List<RejectedRow> stageRejected;
  private final AtomicLong attached = new AtomicLong();

  private StageJoin(
      CsvOptions options, LoadReport stageRead, Map<String, List<Parsers.StageRow>> byDeal) {
    this.options = options;
    this.stageRead = stageRead;
    this.byDeal = byDeal;
    this.stageRejected = Collections.synchronizedList(new ArrayList<>(stageRead.rejected()));
  }

  /**
   * Reads the stage rows.
   *
   * @throws CsvFormatException in strict mode for the first bad row
   */
  static StageJoin read(RowReader.Source stageSource, CsvOptions options) throws IOException {
    Map<String, List<Parsers.StageRow>> byDeal = new ConcurrentHashMap<>();
    LoadReport stageRead =
        RowReader.read(
            stageSource,
            CsvFile.DEAL_STAGES,
            options,
            Parsers::stage,
            KeyCheck.stages(),
            s -> byDeal.computeIfAbsent(s.dealId(), k -> new ArrayList<>()).add(s));
    return new StageJoin(options, stageRead, byDeal);
  }

  /** Tells whether a stage row names the deal {@code dealId}, not yet taken. */
  boolean hasStages(String dealId) {
    return byDeal.containsKey(dealId);
  }

  /** The ids of the deals that stage rows name. */
  Iterable<String> dealIds() {
    return byDeal.keySet();
  }

  /** Parses a deal row and attaches the stage rows of its id. */
  RowReader.RowParser<Deal> dealParser() {
    String stageFile = stageRead.file();
    return row -> {
      Deal.Builder builder = Parsers.deal(row, options);
      Deal base = builder.build();
      List<Parsers.StageRow> rows = byDeal.remove(base.id());
      if (rows == null) {
        return base;
      }
      rows.sort(Comparator.comparing(s -> s.change().enteredAt()));
      List<StageChange> history = new ArrayList<>();
      List<Parsers.StageRow> kept = new ArrayList<>();
      for (Parsers.StageRow s : rows) {
        if (s.change().enteredAt().isBefore(base.createdAt())) {
          RejectedRow bad =
              new RejectedRow(
                  stageFile,
                  s.line(),
                  "entered_at",
                  s.enteredAtText(),
                  "entered_at " + s.change().enteredAt() + " of stage \"" + s.change().stage()
                      + "\" is before created_at " + base.createdAt() + " for deal " + base.id());
          if (!options.isLenient()) {
            throw new CsvFormatException(bad);
          }
          stageRejected.add(bad);
        } else {
          history.add(s.change());
          kept.add(s);
        }
      }
      Deal deal;
      try {
        deal = builder.stageHistory(history).build();
      } catch (IllegalArgumentException e) {
        byDeal.put(base.id(), kept);
        throw e;
      }
      attached.addAndGet(kept.size());
      return deal;
    };
  }

  /**
   * Rejects the stage rows that no loaded deal took and returns the reports: deal_stages.csv, then
   * deals.csv when deals were read.
   *
   * @param dealReport the report of deals.csv, or null when there is no deals.csv
   * @throws CsvFormatException in strict mode for the first stage row left
   */
  List<LoadReport> finish(@Nullable LoadReport dealReport) {
    String stageFile = stageRead.file();
    List<Parsers.StageRow> orphans = new ArrayList<>();
    byDeal.values().forEach(orphans::addAll);
    orphans.sort(Comparator.comparingLong(Parsers.StageRow::line));
    List<RejectedRow> rejected = new ArrayList<>(stageRejected);
    for (Parsers.StageRow s : orphans) {
      RejectedRow bad =
          new RejectedRow(
              stageFile,
              s.line(),
              "deal_id",
              s.dealId(),
              dealReport == null
                  ? "deal_id " + s.dealId() + " is no loaded deal: there is no "
                      + CsvFile.DEALS.fileName()
                  : "deal_id " + s.dealId() + " is no loaded deal of " + dealReport.file()
                      + " (unknown, or its row was rejected)");
      if (!options.isLenient()) {
        throw new CsvFormatException(bad);
      }
      rejected.add(bad);
    }
    rejected.sort(Comparator.comparingLong(RejectedRow::line));
    LoadReport stageReport =
        new LoadReport(
            stageFile,
            stageRead.rowsRead(),
            attached.get(),
            rejected,
            stageRead.warnings(),
            stageRead.footerLines(),
            stageRead.detectedDateOrder());
    return dealReport == null ? List.of(stageReport) : List.of(stageReport, dealReport);
  }
}
